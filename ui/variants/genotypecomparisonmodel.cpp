#include "genotypecomparisonmodel.h"

#include "varianttablemodel.h"

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

void GenotypeComparisonModel::setComparison(const QList<bge::Sample>& samples, const QStringList& rsids)
{
    beginResetModel();
    m_rows.clear();
    for (const bge::Sample& sample : samples)
        m_rows.append(Row{sample, State::Pending, {}, {}});
    m_rsids = rsids;
    m_genes.clear();
    endResetModel();
}

void GenotypeComparisonModel::clear()
{
    setComparison({}, {});
}

int GenotypeComparisonModel::rowOf(const QString& biosampleId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].sample.biosampleId == biosampleId)
            return row;
    }
    return -1;
}

int GenotypeComparisonModel::columnOf(const QString& rsid) const
{
    const qsizetype i = m_rsids.indexOf(rsid);
    return i < 0 ? -1 : int(i) + 1;
}

QString GenotypeComparisonModel::biosampleId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].sample.biosampleId : QString();
}

GenotypeComparisonModel::State GenotypeComparisonModel::state(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].state : State::Pending;
}

int GenotypeComparisonModel::count(State state) const
{
    return int(
        std::count_if(m_rows.begin(), m_rows.end(), [state](const Row& r) { return r.state == state; }));
}

const bge::Variant* GenotypeComparisonModel::call(int row, const QString& rsid) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    const auto it = m_rows[row].calls.constFind(rsid);
    return it == m_rows[row].calls.constEnd() ? nullptr : &*it;
}

QString GenotypeComparisonModel::noCallText()
{
    return u"—"_s;
}

void GenotypeComparisonModel::setVariants(const QString& biosampleId, const QList<bge::Variant>& variants)
{
    const int row = rowOf(biosampleId);
    if (row < 0)
        return;
    Row& r = m_rows[row];
    r.state = State::Fetched;
    r.error.clear();
    r.calls.clear();
    bool genesLearnt = false;
    for (const bge::Variant& v : variants) {
        // A record names its rsid among its alternate ids, as the single-sample view reads it.
        const QStringList ids = v.alternateIds.isEmpty() ? QStringList{v.rsid} : v.alternateIds;
        for (const QString& id : ids) {
            if (!m_rsids.contains(id))
                continue;
            r.calls.insert(id, v);
            if (!v.genes.isEmpty() && !m_genes.contains(id)) {
                m_genes.insert(id, v.genes);
                genesLearnt = true;
            }
        }
    }
    rowChanged(row);
    if (genesLearnt && !m_rsids.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 1, int(m_rsids.size()));
}

void GenotypeComparisonModel::setFailed(const QString& biosampleId, const QString& message)
{
    const int row = rowOf(biosampleId);
    if (row < 0)
        return;
    m_rows[row].state = State::Failed;
    m_rows[row].error = message;
    m_rows[row].calls.clear();
    rowChanged(row);
}

void GenotypeComparisonModel::setPending(const QString& biosampleId)
{
    const int row = rowOf(biosampleId);
    if (row < 0)
        return;
    m_rows[row].state = State::Pending;
    m_rows[row].error.clear();
    m_rows[row].calls.clear();
    rowChanged(row);
}

void GenotypeComparisonModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int GenotypeComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GenotypeComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rsids.size()) + 1;
}

QString GenotypeComparisonModel::callText(const bge::Variant& v)
{
    if (v.isNoCall.value_or(false))
        return {};
    return v.genotype.isEmpty() ? v.gt : v.genotype;
}

QString GenotypeComparisonModel::callToolTip(const bge::Variant& v)
{
    QString text = v.gt.isEmpty() ? v.genotype : u"%1 (%2)"_s.arg(v.genotype, v.gt);
    if (const QString z = VariantTableModel::zygosityText(v); !z.isEmpty())
        text += u", "_s + z;
    if (!v.genes.isEmpty())
        text += u'\n' + tr("Gene: %1").arg(v.genes.join(u", "_s));
    if (v.depth)
        text += u'\n' + tr("Depth: %1").arg(*v.depth);
    if (v.genotypeQuality)
        text += u'\n' + tr("Genotype quality: %1").arg(*v.genotypeQuality);
    return text;
}

QVariant GenotypeComparisonModel::sampleData(const Row& row, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return row.sample.biosampleId;
    case Qt::ToolTipRole: {
        QString text =
            row.sample.externalSampleId.isEmpty()
                ? row.sample.biosampleId
                : tr("%1 (external id %2)").arg(row.sample.biosampleId, row.sample.externalSampleId);
        if (row.state == State::Pending)
            text += u'\n' + tr("Fetching…");
        else if (row.state == State::Failed)
            text += u'\n' + tr("Not fetched: %1").arg(row.error);
        return text;
    }
    default:
        return {};
    }
}

QVariant GenotypeComparisonModel::genotypeData(const Row& row, const QString& rsid, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignCenter);
    if (row.state == State::Pending) {
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return tr("Fetching…");
        return {};
    }
    if (row.state == State::Failed) {
        if (role == Qt::ToolTipRole)
            return tr("Not fetched: %1").arg(row.error);
        if (role == Qt::AccessibleTextRole)
            return tr("Not fetched");
        return {};
    }
    const auto it = row.calls.constFind(rsid);
    const QString text = it == row.calls.constEnd() ? QString() : callText(*it);
    switch (role) {
    case Qt::DisplayRole:
        return text.isEmpty() ? noCallText() : text;
    case Qt::ToolTipRole:
        return text.isEmpty() ? tr("No call") : callToolTip(*it);
    case Qt::AccessibleTextRole:
        // A screen reader would read the dash as "dash".
        return text.isEmpty() ? tr("No call") : text;
    default:
        return {};
    }
}

QVariant GenotypeComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    if (index.column() == SampleColumn)
        return sampleData(row, role);
    return genotypeData(row, m_rsids[index.column() - 1], role);
}

QVariant GenotypeComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == SampleColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Sample")) : QVariant();
    const QString& rsid = m_rsids[section - 1];
    switch (role) {
    case Qt::DisplayRole:
        return rsid;
    case Qt::ToolTipRole: {
        const QStringList genes = m_genes.value(rsid);
        return genes.isEmpty() ? rsid : u"%1 (%2)"_s.arg(rsid, genes.join(u", "_s));
    }
    default:
        return {};
    }
}

} // namespace bge::ui
