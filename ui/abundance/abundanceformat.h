#pragma once

#include "api/records/abundance.h"

#include <QString>
#include <QVariant>

namespace bge::ui {

// How abundance figures are written in every table: six significant digits, the unit in the
// column header rather than in each cell, so that an export stays numeric.
inline QString abundanceText(const std::optional<double>& value)
{
    return value ? QString::number(*value, 'g', 6) : QString();
}

inline QVariant abundanceSortValue(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace bge::ui
