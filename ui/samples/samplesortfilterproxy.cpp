#include "samplesortfilterproxy.h"

#include "sampletablemodel.h"

#include <QDateTime>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <numeric>

namespace bge::ui {

namespace {

// The model's keys: a missing value sorts last (ascending), as in QSortFilterProxyModel.
bool keyLess(const QVariant& a, const QVariant& b)
{
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

// Descending is the ascending relation turned round, as QSortFilterProxyModel does it: a
// missing value then comes first.
template <typename Key> auto rowsBefore(Key key, Qt::SortOrder order)
{
    return [key, order](int a, int b) {
        return order == Qt::AscendingOrder ? keyLess(key(a), key(b)) : keyLess(key(b), key(a));
    };
}

} // namespace

SampleSortFilterProxy::SampleSortFilterProxy(SampleTableModel* source, QObject* parent)
    : QAbstractProxyModel(parent), m_source(source)
{
    QAbstractProxyModel::setSourceModel(source);
    connect(source, &QAbstractItemModel::rowsInserted, this, &SampleSortFilterProxy::onRowsInserted);
    connect(source, &QAbstractItemModel::dataChanged, this, &SampleSortFilterProxy::onDataChanged);
    connect(source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    // A reset, and what the sample model never does (it resets and appends), handled as one.
    const auto begin = [this] {
        if (!m_resetting) {
            m_resetting = true;
            beginResetModel();
        }
    };
    const auto end = [this] {
        if (m_resetting)
            resetFromSource();
    };
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, begin);
    connect(source, &QAbstractItemModel::modelReset, this, end);
    connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
    connect(source, &QAbstractItemModel::layoutChanged, this, end);
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
    connect(source, &QAbstractItemModel::rowsRemoved, this, end);
    connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, begin);
    connect(source, &QAbstractItemModel::rowsMoved, this, end);
    connect(source, &QAbstractItemModel::columnsAboutToBeInserted, this, begin);
    connect(source, &QAbstractItemModel::columnsInserted, this, end);
    connect(source, &QAbstractItemModel::columnsAboutToBeRemoved, this, begin);
    connect(source, &QAbstractItemModel::columnsRemoved, this, end);
    connect(source, &QAbstractItemModel::columnsAboutToBeMoved, this, begin);
    connect(source, &QAbstractItemModel::columnsMoved, this, end);
    connect(&m_sortWatcher, &QFutureWatcherBase::finished, this, &SampleSortFilterProxy::onSorted);

    m_resetting = true;
    beginResetModel();
    resetFromSource();
}

SampleSortFilterProxy::~SampleSortFilterProxy() = default;

template <typename Change> void SampleSortFilterProxy::changeLayout(Change&& change)
{
    Q_EMIT layoutAboutToBeChanged({}, VerticalSortHint);
    // The view's current cell and selection follow their rows (a row searched away loses them).
    const QModelIndexList from = persistentIndexList();
    QList<std::pair<int, int>> sourceCells;
    sourceCells.reserve(from.size());
    for (const QModelIndex& index : from)
        sourceCells.append({m_rows[index.row()], index.column()});
    change();
    ensureProxyRows();
    QModelIndexList to;
    to.reserve(from.size());
    for (const auto& [row, column] : std::as_const(sourceCells)) {
        const int proxyRow = m_proxyRow[row];
        to.append(proxyRow >= 0 ? createIndex(proxyRow, column) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, VerticalSortHint);
}

bool SampleSortFilterProxy::accepts(int sourceRow) const
{
    return m_needle.isEmpty() || m_source->searchText(sourceRow).contains(m_needle);
}

bool SampleSortFilterProxy::before(int a, int b, int column, Qt::SortOrder order) const
{
    const auto key = [this, column](int row) -> const QVariant& { return m_source->sortKey(row, column); };
    return rowsBefore(key, order)(a, b);
}

void SampleSortFilterProxy::setSearchText(const QString& text)
{
    const QString needle = text.trimmed().toCaseFolded();
    if (needle == m_needle)
        return;
    m_needle = needle;
    // One layout change, as QSortFilterProxyModel::invalidate() made it: over 100,000 rows a key
    // removes rows scattered all through the table, and telling the view of each run of them
    // separately cost it a pass over every row each (1.4 s for one key). The order is kept:
    // no sort again.
    changeLayout([this] {
        for (int row = 0; row < int(m_accepted.size()); ++row)
            m_accepted[row] = accepts(row);
        rebuildRows();
    });
}

void SampleSortFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_source->columnCount())
        column = -1;
    m_sortColumn = column;
    m_sortOrder = order;
    ++m_sortGeneration; // a sort still running is stale now
    if (column >= 0 && qsizetype(m_order.size()) >= m_rowsSortedInBackground) {
        startSortInBackground();
        return;
    }
    setSorting(false);
    sortNow(column, order);
}

void SampleSortFilterProxy::sortNow(int column, Qt::SortOrder order)
{
    std::vector<int> rows = m_order;
    if (column < 0) {
        // No sort: the model's order, which is the server's.
        std::iota(rows.begin(), rows.end(), 0);
    } else {
        // From the order shown: rows equal in this column keep it.
        const auto key = [this, column](int row) -> const QVariant& {
            return m_source->sortKey(row, column);
        };
        std::stable_sort(rows.begin(), rows.end(), rowsBefore(key, order));
    }
    applyOrder(std::move(rows), column, order);
}

void SampleSortFilterProxy::startSortInBackground()
{
    // The worker gets copies: the column's keys (shared strings and dates, so a few ms for
    // 100,000 rows) and the order shown. The model's rows may be appended to, replaced or freed
    // meanwhile.
    const int column = m_sortColumn;
    const qsizetype rows = qsizetype(m_order.size());
    QList<QVariant> keys;
    keys.reserve(rows);
    for (int row = 0; row < rows; ++row)
        keys.append(m_source->sortKey(row, column));
    auto promise = std::make_shared<QPromise<SortResult>>();
    m_sortWatcher.setFuture(promise->future()); // the former one's result is not wanted
    setSorting(true);
    QThreadPool::globalInstance()->start([promise, keys = std::move(keys), order = m_order,
                                          generation = m_sortGeneration, column,
                                          direction = m_sortOrder]() mutable {
        promise->start();
        const auto key = [&keys](int row) -> const QVariant& { return keys.at(row); };
        std::stable_sort(order.begin(), order.end(), rowsBefore(key, direction));
        promise->addResult(
            SortResult{generation, column, direction, qsizetype(order.size()), std::move(order)});
        promise->finish();
    });
}

void SampleSortFilterProxy::onSorted()
{
    // A finished() of a former future may still come after setFuture() replaced it.
    if (!m_sorting || m_sortWatcher.future().resultCount() == 0)
        return;
    SortResult result = m_sortWatcher.future().result();
    if (result.generation != m_sortGeneration)
        return; // another sort was asked for, or the rows were reset, since this one started
    setSorting(false);
    std::vector<int> order = std::move(result.sourceRows);
    // Pages that came while the worker ran: into their places, after the rows equal to them.
    const auto inOrder = [this, &result](int a, int b) { return before(a, b, result.column, result.order); };
    if (qsizetype(m_order.size()) > result.rows) {
        std::vector<int> fresh(m_order.size() - size_t(result.rows));
        std::iota(fresh.begin(), fresh.end(), int(result.rows));
        std::stable_sort(fresh.begin(), fresh.end(), inOrder);
        std::vector<int> merged;
        merged.reserve(m_order.size());
        std::merge(order.begin(), order.end(), fresh.begin(), fresh.end(), std::back_inserter(merged),
                   inOrder);
        order = std::move(merged);
    }
    applyOrder(std::move(order), result.column, result.order);
}

void SampleSortFilterProxy::setSorting(bool sorting)
{
    if (m_sorting == sorting)
        return;
    m_sorting = sorting;
    Q_EMIT sortingChanged(sorting);
}

void SampleSortFilterProxy::applyOrder(std::vector<int> order, int column, Qt::SortOrder direction)
{
    Q_ASSERT(order.size() == m_order.size());
    changeLayout([&] {
        m_order = std::move(order);
        m_appliedColumn = column;
        m_appliedOrder = direction;
        rebuildRows();
    });
}

void SampleSortFilterProxy::rebuildRows()
{
    m_rows.clear();
    m_rows.reserve(m_order.size());
    for (const int row : m_order) {
        if (m_accepted[row])
            m_rows.push_back(row);
    }
    m_proxyRowsStale = true;
}

void SampleSortFilterProxy::ensureProxyRows() const
{
    if (!m_proxyRowsStale)
        return;
    m_proxyRow.assign(m_accepted.size(), -1);
    for (int proxyRow = 0; proxyRow < int(m_rows.size()); ++proxyRow)
        m_proxyRow[m_rows[proxyRow]] = proxyRow;
    m_proxyRowsStale = false;
}

void SampleSortFilterProxy::resetFromSource()
{
    // Within beginResetModel(): the rows in the model's order, then sorted as asked.
    const int rows = m_source->rowCount();
    m_order.resize(rows);
    std::iota(m_order.begin(), m_order.end(), 0);
    m_accepted.resize(rows);
    for (int row = 0; row < rows; ++row)
        m_accepted[row] = accepts(row);
    m_appliedColumn = -1;
    ++m_sortGeneration;
    setSorting(false);
    const bool background = m_sortColumn >= 0 && rows >= m_rowsSortedInBackground;
    if (m_sortColumn >= 0 && !background) {
        const auto key = [this](int row) -> const QVariant& { return m_source->sortKey(row, m_sortColumn); };
        std::stable_sort(m_order.begin(), m_order.end(), rowsBefore(key, m_sortOrder));
        m_appliedColumn = m_sortColumn;
        m_appliedOrder = m_sortOrder;
    }
    rebuildRows();
    m_resetting = false;
    endResetModel();
    if (background)
        startSortInBackground();
}

void SampleSortFilterProxy::onRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid() || m_resetting)
        return;
    const int count = last - first + 1;
    if (first != int(m_order.size())) {
        // Not an append: the sample model never does it. Rows after `first` move down.
        beginResetModel();
        m_resetting = true;
        resetFromSource();
        return;
    }
    std::vector<int> fresh(static_cast<size_t>(count));
    std::iota(fresh.begin(), fresh.end(), first);
    m_accepted.resize(m_accepted.size() + size_t(count));
    for (const int row : fresh)
        m_accepted[row] = accepts(row);
    if (m_appliedColumn >= 0) {
        const auto inOrder = [this](int a, int b) { return before(a, b, m_appliedColumn, m_appliedOrder); };
        std::stable_sort(fresh.begin(), fresh.end(), inOrder);
        std::vector<int> merged;
        merged.reserve(m_order.size() + fresh.size());
        std::merge(m_order.begin(), m_order.end(), fresh.begin(), fresh.end(), std::back_inserter(merged),
                   inOrder);
        m_order = std::move(merged);
    } else {
        m_order.insert(m_order.end(), fresh.begin(), fresh.end());
    }
    m_proxyRowsStale = true; // m_proxyRow grows
    std::vector<int> shown;
    for (const int row : fresh) {
        if (m_accepted[row])
            shown.push_back(row);
    }
    // Hidden ones are in m_order, and m_accepted says so: insertShown() must not show them.
    for (const int row : shown)
        m_accepted[row] = 0;
    insertShown(std::move(shown));
}

void SampleSortFilterProxy::insertShown(std::vector<int> sourceRows)
{
    // Where each row goes among the rows shown: after those before it in m_order. The rows are
    // taken in m_order's order, so their places never decrease; each run going to one place
    // is one insertion, the last first so that the earlier places stay right.
    if (sourceRows.empty())
        return;
    std::vector<int> position(m_accepted.size(), -1); // source row -> place in m_order
    for (int i = 0; i < int(m_order.size()); ++i)
        position[m_order[i]] = i;
    std::sort(sourceRows.begin(), sourceRows.end(),
              [&position](int a, int b) { return position[a] < position[b]; });
    std::vector<std::pair<int, std::vector<int>>> runs; // proxy row, source rows
    size_t shownBefore = 0;
    for (const int row : sourceRows) {
        // m_rows is in m_order's order: count the shown rows placed before `row`.
        const auto at =
            std::partition_point(m_rows.begin() + qsizetype(shownBefore), m_rows.end(),
                                 [&position, row](int shown) { return position[shown] < position[row]; });
        shownBefore = size_t(at - m_rows.begin());
        if (runs.empty() || runs.back().first != int(shownBefore))
            runs.push_back({int(shownBefore), {}});
        runs.back().second.push_back(row);
    }
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        const int at = run->first;
        const int n = int(run->second.size());
        beginInsertRows({}, at, at + n - 1);
        m_rows.insert(m_rows.begin() + at, run->second.begin(), run->second.end());
        for (const int row : run->second)
            m_accepted[row] = 1;
        m_proxyRowsStale = true;
        endInsertRows();
    }
}

void SampleSortFilterProxy::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                          const QList<int>& roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid() || m_resetting)
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    // An updated sample may now fail the quick search, pass it, or sort elsewhere.
    std::vector<int> shown;
    for (int row = last; row >= first; --row) {
        const bool accepted = accepts(row);
        if (accepted == bool(m_accepted[row]))
            continue;
        if (accepted) {
            shown.push_back(row);
            continue;
        }
        ensureProxyRows();
        const int proxyRow = m_proxyRow[row];
        beginRemoveRows({}, proxyRow, proxyRow);
        m_rows.erase(m_rows.begin() + proxyRow);
        m_accepted[row] = 0;
        m_proxyRowsStale = true;
        endRemoveRows();
    }
    if (m_appliedColumn >= topLeft.column() && m_appliedColumn <= bottomRight.column()) {
        // Out of the order and back in its place, in one layout change: the rows keep their
        // selection.
        std::vector<int> order;
        order.reserve(m_order.size());
        std::copy_if(m_order.begin(), m_order.end(), std::back_inserter(order),
                     [first, last](int row) { return row < first || row > last; });
        std::vector<int> changed(size_t(last - first + 1));
        std::iota(changed.begin(), changed.end(), first);
        const auto inOrder = [this](int a, int b) { return before(a, b, m_appliedColumn, m_appliedOrder); };
        std::stable_sort(changed.begin(), changed.end(), inOrder);
        std::vector<int> merged;
        merged.reserve(m_order.size());
        std::merge(order.begin(), order.end(), changed.begin(), changed.end(), std::back_inserter(merged),
                   inOrder);
        applyOrder(std::move(merged), m_appliedColumn, m_appliedOrder);
    }
    insertShown(std::move(shown));
    ensureProxyRows();
    for (int row = first; row <= last; ++row) {
        const int proxyRow = m_proxyRow[row];
        if (proxyRow >= 0)
            Q_EMIT dataChanged(index(proxyRow, topLeft.column()), index(proxyRow, bottomRight.column()),
                               roles);
    }
    // A sort running now read the keys before the change.
    if (m_sorting)
        sort(m_sortColumn, m_sortOrder);
}

QModelIndex SampleSortFilterProxy::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || row >= int(m_rows.size()) || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex SampleSortFilterProxy::parent(const QModelIndex&) const
{
    return {};
}

QModelIndex SampleSortFilterProxy::sibling(int row, int column, const QModelIndex& index) const
{
    return index.isValid() ? this->index(row, column) : QModelIndex();
}

int SampleSortFilterProxy::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SampleSortFilterProxy::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_source->columnCount();
}

bool SampleSortFilterProxy::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

QVariant SampleSortFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    // QAbstractProxyModel maps a column through row 0, which a quick search can leave empty.
    if (orientation == Qt::Horizontal)
        return m_source->headerData(section, orientation, role);
    return QAbstractProxyModel::headerData(section, orientation, role);
}

QModelIndex SampleSortFilterProxy::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= int(m_rows.size()))
        return {};
    return m_source->index(m_rows[proxyIndex.row()], proxyIndex.column());
}

QModelIndex SampleSortFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_source || sourceIndex.parent().isValid())
        return {};
    ensureProxyRows();
    const int row = sourceIndex.row();
    if (row >= int(m_proxyRow.size()) || m_proxyRow[row] < 0)
        return {};
    return createIndex(m_proxyRow[row], sourceIndex.column());
}

} // namespace bge::ui
