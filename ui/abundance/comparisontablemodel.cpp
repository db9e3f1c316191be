#include "comparisontablemodel.h"

#include "abundanceformat.h"

namespace bge::ui {

void ComparisonTableModel::setComposition(const Composition& composition)
{
    beginResetModel();
    m_composition = composition;
    endResetModel();
}

int ComparisonTableModel::columnOf(const QString& biosampleId) const
{
    const qsizetype i = m_composition.samples.indexOf(biosampleId);
    return i < 0 ? -1 : kFirstSampleColumn + int(i);
}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_composition.taxa.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const
{
    // Taxon, the samples, mean, taxon id, lineage.
    return parent.isValid() ? 0 : meanColumn() + 3;
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Composition::Taxon& t = m_composition.taxa.at(index.row());
    const int column = index.column();
    const int mean = meanColumn();
    if (column >= kFirstSampleColumn && column < mean) {
        const std::optional<double>& value = t.values.at(column - kFirstSampleColumn);
        switch (role) {
        case Qt::DisplayRole:
            return abundanceText(value);
        case SortRole:
            return value.value_or(-1.0); // absent below any measured value
        case Qt::ToolTipRole:
            return value ? QVariant() : QVariant(tr("Not found in this sample"));
        case Qt::TextAlignmentRole:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && column == mean)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == 0)
        return t.lineage;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    if (column == 0)
        return t.name;
    if (column == mean)
        return role == SortRole ? QVariant(t.mean) : QVariant(abundanceText(t.mean));
    if (column == mean + 1)
        return t.taxonId;
    return t.lineage;
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const int mean = meanColumn();
    if (role == Qt::ToolTipRole && section >= kFirstSampleColumn && section < mean) {
        const int s = section - kFirstSampleColumn;
        return tr("Relative abundance (%) in %1; its %2-level taxa sum to %3 %")
            .arg(m_composition.samples.at(s), m_composition.rank,
                 abundanceText(m_composition.totals.value(s)));
    }
    if (role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return tr("Taxon");
    if (section >= kFirstSampleColumn && section < mean)
        return m_composition.samples.at(section - kFirstSampleColumn);
    if (section == mean)
        return tr("Mean (%)");
    if (section == mean + 1)
        return tr("Taxon id");
    return tr("Lineage");
}

} // namespace bge::ui
