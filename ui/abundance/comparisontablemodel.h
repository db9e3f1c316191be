#pragma once

#include "composition.h"

#include <QAbstractTableModel>

namespace bge::ui {

// Taxa × samples at one rank: a row per taxon of the rank found in any selected sample, a
// column per sample with its relative abundance, then the mean and the taxon's identity, so
// that an export opens as a ready table in a spreadsheet or R.
class ComparisonTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int kFirstSampleColumn = 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setComposition(const Composition& composition);
    const Composition& composition() const { return m_composition; }
    // The column of a sample's figures; -1 when it is not in the table.
    int columnOf(const QString& biosampleId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int meanColumn() const { return kFirstSampleColumn + int(m_composition.samples.size()); }

    Composition m_composition;
};

} // namespace bge::ui
