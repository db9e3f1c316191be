#include "varianttablemodel.h"

#include <QJsonArray>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Populations in the order their figure is preferred: TOPMed is the largest sequenced cohort
// the platform reports, CAF (1000 Genomes) next. Others follow in the record's order.
const QStringList& preferredPopulations()
{
    static const QStringList kPopulations{u"TOPMED"_s, u"CAF"_s, u"GnomAD"_s};
    return kPopulations;
}

// chr1…chr22, X, Y, M in that order; anything else after them.
qint64 chromosomeRank(const QString& chromosome)
{
    QString c = chromosome;
    if (c.startsWith(u"chr"_s, Qt::CaseInsensitive))
        c.remove(0, 3);
    bool isNumber = false;
    const int n = c.toInt(&isNumber);
    if (isNumber)
        return n;
    if (c.compare(u"X"_s, Qt::CaseInsensitive) == 0)
        return 23;
    if (c.compare(u"Y"_s, Qt::CaseInsensitive) == 0)
        return 24;
    if (c.compare(u"M"_s, Qt::CaseInsensitive) == 0 || c.compare(u"MT"_s, Qt::CaseInsensitive) == 0)
        return 25;
    return 99;
}

QVariant optionalNumber(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

void VariantTableModel::setVariants(QList<bge::Variant> variants)
{
    beginResetModel();
    m_variants = std::move(variants);
    endResetModel();
}

void VariantTableModel::clear()
{
    setVariants({});
}

const bge::Variant* VariantTableModel::variant(int row) const
{
    return row >= 0 && row < m_variants.size() ? &m_variants[row] : nullptr;
}

int VariantTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_variants.size());
}

int VariantTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VariantTableModel::zygosityText(const bge::Variant& variant)
{
    const QString z = variant.zygosity();
    if (z == u"heterozygous")
        return tr("heterozygous");
    if (z == u"homozygous reference")
        return tr("homozygous reference");
    if (z == u"homozygous alternate")
        return tr("homozygous alternate");
    return z;
}

std::optional<VariantTableModel::PopulationFrequency>
VariantTableModel::alternateFrequency(const bge::Variant& variant)
{
    QStringList order = preferredPopulations();
    for (const QString& key : variant.frequencies.keys()) {
        if (!order.contains(key))
            order.append(key);
    }
    for (const QString& population : order) {
        const QJsonArray f = variant.frequencies.value(population).toArray();
        if (f.size() >= 2 && f[1].isDouble())
            return PopulationFrequency{population, f[1].toDouble()};
    }
    return std::nullopt;
}

QVariant VariantTableModel::display(const bge::Variant& v, int column) const
{
    switch (column) {
    case Rsid:
        return v.rsid;
    case Gene:
        return v.genes.join(u", "_s);
    case Position:
        return v.position ? u"%1:%2"_s.arg(v.chromosome).arg(*v.position) : v.chromosome;
    case Alleles:
        return u"%1/%2"_s.arg(v.referenceBase, v.alternateBases.join(u','));
    case Genotype:
        if (v.isNoCall.value_or(false))
            return tr("no call");
        return v.gt.isEmpty() ? v.genotype : u"%1 (%2)"_s.arg(v.genotype, v.gt);
    case Zygosity:
        return zygosityText(v);
    case Depth:
        return optionalNumber(v.depth);
    case GenotypeQuality:
        return optionalNumber(v.genotypeQuality);
    case Frequency:
        if (const auto f = alternateFrequency(v))
            return u"%1 (%2)"_s.arg(QString::number(f->alternate, 'f', 4), f->population);
        return {};
    default:
        return {};
    }
}

QVariant VariantTableModel::sortValue(const bge::Variant& v, int column) const
{
    switch (column) {
    case Rsid:
        return v.rsid.mid(2).toLongLong();
    case Position:
        return chromosomeRank(v.chromosome) * 10'000'000'000LL + v.position.value_or(0);
    case Frequency:
        if (const auto f = alternateFrequency(v))
            return f->alternate;
        return {};
    case Depth:
    case GenotypeQuality:
        return display(v, column);
    default:
        return display(v, column).toString();
    }
}

QVariant VariantTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bge::Variant& v = m_variants[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(v, index.column());
    case SortRole:
        return sortValue(v, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Depth || index.column() == GenotypeQuality || index.column() == Frequency)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Frequency) {
            QStringList lines;
            for (auto it = v.frequencies.begin(); it != v.frequencies.end(); ++it) {
                const QJsonArray f = it.value().toArray();
                QStringList values;
                for (const QJsonValue& x : f)
                    values.append(QString::number(x.toDouble(), 'f', 4));
                lines.append(u"%1: %2"_s.arg(it.key(), values.join(u" / "_s)));
            }
            return lines.isEmpty()
                       ? QVariant()
                       : QVariant(tr("Reference / alternate allele frequency") + u'\n' + lines.join(u'\n'));
        }
        return {};
    default:
        return {};
    }
}

QVariant VariantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rsid:
        return tr("rsid");
    case Gene:
        return tr("Gene");
    case Position:
        return tr("Position");
    case Alleles:
        return tr("Ref/Alt");
    case Genotype:
        return tr("Genotype");
    case Zygosity:
        return tr("Zygosity");
    case Depth:
        return tr("Depth");
    case GenotypeQuality:
        return tr("GQ");
    case Frequency:
        return tr("Alt. allele frequency");
    default:
        return {};
    }
}

} // namespace bge::ui
