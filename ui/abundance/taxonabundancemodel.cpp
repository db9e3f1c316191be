#include "taxonabundancemodel.h"

#include "abundanceformat.h"

#include <QRegularExpression>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

std::optional<double> percentile(const bge::TaxonAbundance& t, int p)
{
    const auto it = t.background.percentiles.constFind(p);
    return it == t.background.percentiles.constEnd() ? std::nullopt : std::optional<double>(*it);
}

} // namespace

void TaxonAbundanceModel::append(const QList<bge::TaxonAbundance>& taxa)
{
    if (taxa.isEmpty())
        return;
    beginInsertRows({}, int(m_taxa.size()), int(m_taxa.size() + taxa.size() - 1));
    m_taxa.append(taxa);
    endInsertRows();
}

void TaxonAbundanceModel::clear()
{
    beginResetModel();
    m_taxa.clear();
    endResetModel();
}

int TaxonAbundanceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_taxa.size());
}

int TaxonAbundanceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TaxonAbundanceModel::readableName(const QString& taxonName)
{
    static const QRegularExpression kRankPrefix(u"^[a-z]__"_s);
    QString name = taxonName;
    name.remove(kRankPrefix);
    name.replace(u'_', u' ');
    return name.isEmpty() ? taxonName : name;
}

std::optional<double> TaxonAbundanceModel::standingPercent(const QString& rankRatio)
{
    static const QRegularExpression kNumber(u"[0-9]+(\\.[0-9]+)?"_s);
    const QRegularExpressionMatch m = kNumber.match(rankRatio);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured().toDouble();
}

QVariant TaxonAbundanceModel::display(const bge::TaxonAbundance& t, int column) const
{
    switch (column) {
    case Rank:
        return t.rank;
    case Name:
        return t.taxonName;
    case Lineage:
        return t.lineage;
    case Abundance:
        return abundanceText(t.observation.value);
    case CohortMedian:
        return abundanceText(percentile(t, 50));
    case CohortRange: {
        const auto low = percentile(t, 5);
        const auto high = percentile(t, 95);
        return low && high ? u"%1–%2"_s.arg(abundanceText(low), abundanceText(high)) : QString();
    }
    case Standing:
        return t.background.rankRatio;
    case TaxonId:
        return t.taxonId;
    default:
        return {};
    }
}

QVariant TaxonAbundanceModel::sortValue(const bge::TaxonAbundance& t, int column) const
{
    switch (column) {
    case Abundance:
        return abundanceSortValue(t.observation.value);
    case CohortMedian:
        return abundanceSortValue(percentile(t, 50));
    case CohortRange:
        return abundanceSortValue(percentile(t, 95));
    case Standing:
        return abundanceSortValue(standingPercent(t.background.rankRatio));
    default:
        return display(t, column);
    }
}

QString TaxonAbundanceModel::cohortTip(const bge::TaxonAbundance& t) const
{
    const bge::CohortBackground& b = t.background;
    QStringList lines;
    if (!b.referenceCohort.isEmpty())
        lines.append(tr("Reference cohort: %1").arg(b.referenceCohort));
    QStringList percentiles;
    for (auto it = b.percentiles.begin(); it != b.percentiles.end(); ++it)
        percentiles.append(u"P%1 %2"_s.arg(it.key()).arg(abundanceText(it.value())));
    if (!percentiles.isEmpty())
        lines.append(tr("Percentiles (%): %1").arg(percentiles.join(u", "_s)));
    if (b.mean)
        lines.append(tr("Cohort mean (%): %1").arg(abundanceText(b.mean)));
    if (b.frequency)
        lines.append(tr("Found in %1% of the cohort").arg(QString::number(*b.frequency * 100, 'f', 1)));
    if (!b.rankRatio.isEmpty())
        lines.append(tr("This sample's rank in the cohort: %1").arg(b.rankRatio));
    return lines.join(u'\n');
}

QVariant TaxonAbundanceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bge::TaxonAbundance& t = m_taxa[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(t, index.column());
    case SortRole:
        return sortValue(t, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Name:
            return readableName(t.taxonName);
        case Lineage:
            return QString(t.lineage).replace(u'|', u'\n');
        case CohortMedian:
        case CohortRange:
        case Standing:
            return cohortTip(t);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Abundance || index.column() == CohortMedian || index.column() == CohortRange ||
            index.column() == Standing)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant TaxonAbundanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CohortMedian:
            return tr("Median relative abundance in the reference cohort");
        case CohortRange:
            return tr("5th to 95th percentile of the reference cohort");
        case Standing:
            return tr("Share of the reference cohort this sample is at or above");
        default:
            return {};
        }
    }
    switch (section) {
    case Rank:
        return tr("Rank");
    case Name:
        return tr("Name");
    case Lineage:
        return tr("Lineage");
    case Abundance:
        return tr("Abundance (%)");
    case CohortMedian:
        return tr("Cohort median (%)");
    case CohortRange:
        return tr("Cohort P5–P95 (%)");
    case Standing:
        return tr("Standing");
    case TaxonId:
        return tr("Taxon ID");
    default:
        return {};
    }
}

} // namespace bge::ui
