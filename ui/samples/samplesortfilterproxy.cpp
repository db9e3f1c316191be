#include "samplesortfilterproxy.h"

#include "sampletablemodel.h"

#include <QDateTime>

namespace bge::ui {

SampleSortFilterProxy::SampleSortFilterProxy(SampleTableModel* source, QObject* parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setSortRole(SampleTableModel::SortRole);
}

void SampleSortFilterProxy::setSearchText(const QString& text)
{
    const QString needle = text.trimmed().toCaseFolded();
    if (needle == m_needle)
        return;
    m_needle = needle;
    // One layout change, not invalidateFilter(): over 100,000 rows a key removes rows
    // scattered all through the table, and the proxy told the view of each run of them
    // separately, each costing the view a pass over every row (1.4 s for one key).
    invalidate();
}

bool SampleSortFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_needle.isEmpty() || sourceParent.isValid())
        return true;
    return m_source->searchText(sourceRow).contains(m_needle);
}

bool SampleSortFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // The keys are the model's own, made once per row. A missing value sorts last, as in
    // QSortFilterProxyModel.
    const QVariant& a = m_source->sortKey(left.row(), left.column());
    const QVariant& b = m_source->sortKey(right.row(), right.column());
    if (!a.isValid())
        return false;
    if (!b.isValid())
        return true;
    // The common kinds compared directly, without QVariant::compare's dispatch.
    if (a.typeId() == b.typeId()) {
        switch (a.typeId()) {
        case QMetaType::QString:
            return *static_cast<const QString*>(a.constData()) < *static_cast<const QString*>(b.constData());
        case QMetaType::Int:
            return *static_cast<const int*>(a.constData()) < *static_cast<const int*>(b.constData());
        case QMetaType::Bool:
            return *static_cast<const bool*>(a.constData()) < *static_cast<const bool*>(b.constData());
        case QMetaType::QDateTime:
            return *static_cast<const QDateTime*>(a.constData()) <
                   *static_cast<const QDateTime*>(b.constData());
        default:
            break;
        }
    }
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Unordered)
        return a.toString() < b.toString();
    return order == QPartialOrdering::Less;
}

} // namespace bge::ui
