#include "chartlayout.h"

#include <QAbstractAxis>
#include <QFontMetrics>

namespace bge::ui {

namespace {

// Around each label: Qt Charts' label padding above and below, the text document's margins,
// and a pixel or two of rounding.
constexpr int kLabelAllowance = 14;
// The chart's own margins around its plot area.
constexpr int kChartMargins = 24;

} // namespace

int heightForRows(const QAbstractAxis* axis, int rows)
{
    const int perRow = QFontMetrics(axis->labelsFont()).height() + kLabelAllowance;
    return (rows + 2) * perRow + kChartMargins;
}

} // namespace bge::ui
