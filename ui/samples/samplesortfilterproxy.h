#pragma once

#include <QAbstractProxyModel>
#include <QFutureWatcher>

#include <vector>

namespace bge::ui {

class SampleTableModel;

// The sample table as shown: the quick search and the header's sort over the loaded rows.
// Both read what the model computed once per row (its search text and sort keys), so that a
// key typed or a header clicked over 100,000 rows costs one comparison per row or pair,
// not a formatting of every cell (issue 16).
//
// Not a QSortFilterProxyModel: its sort runs on the GUI thread through two QModelIndex and a
// virtual lessThan() per comparison, then maps every row again; over 100,000 rows that held the
// window 177 ms, and it offers no way to hand it an order made elsewhere. This proxy holds the
// order itself, a vector of source rows:
// - a sort of a large table (kRowsSortedInBackground rows or more) is computed on a worker
//   from a copy of the column's keys, then applied in one layout change; a smaller one at once;
// - a sort asked for while another runs, or a model reset, makes the running one stale: its
//   result is dropped when it comes. Rows that arrive meanwhile are merged into the result; a
//   row updated meanwhile starts the sort again;
// - the quick search keeps the order (no sort again) and is one layout change;
// - pages that arrive are inserted where the order puts them, as QSortFilterProxyModel does, and
//   an updated row moves to its new place (a layout change: it keeps its selection).
// The sort is stable: rows that compare equal keep the order they had, and a missing value
// sorts last in ascending order, first in descending, as with QSortFilterProxyModel.
// The source is flat (a table) that resets, appends rows and changes their data; anything else
// it emits (rows removed or moved, columns, layout changes) resets the proxy.
class SampleSortFilterProxy final : public QAbstractProxyModel
{
    Q_OBJECT
public:
    static constexpr int kRowsSortedInBackground = 10000;

    explicit SampleSortFilterProxy(SampleTableModel* source, QObject* parent = nullptr);
    ~SampleSortFilterProxy() override;

    // Rows whose shown texts contain `text`, whatever the case; empty: every row.
    void setSearchText(const QString& text);
    const QString& searchText() const { return m_needle; }

    // The sort asked for last (the header's indicator), whether applied yet or not.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // A sort is being computed on a worker; the rows keep their order until it is applied.
    bool isSorting() const { return m_sorting; }
    // From how many rows a sort runs on a worker (tests make it small).
    void setRowsSortedInBackground(int rows) { m_rowsSortedInBackground = rows; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

Q_SIGNALS:
    // isSorting() changed: true when a worker starts, false once its order is applied or dropped.
    void sortingChanged(bool sorting);

private:
    struct SortResult
    {
        quint64 generation = 0;
        int column = -1;
        Qt::SortOrder order = Qt::AscendingOrder;
        qsizetype rows = 0; // source rows [0, rows) were sorted
        std::vector<int> sourceRows;
    };

    // One layout change around `change`, the persistent indexes following their source rows.
    template <typename Change> void changeLayout(Change&& change);
    bool accepts(int sourceRow) const;
    // Source row `a` before `b` in the order (`column`, `order`)?
    bool before(int a, int b, int column, Qt::SortOrder order) const;
    void sortNow(int column, Qt::SortOrder order);
    void startSortInBackground();
    void onSorted();
    void setSorting(bool sorting);
    // Replaces the order in one layout change.
    void applyOrder(std::vector<int> order, int column, Qt::SortOrder direction);
    // m_rows from m_order and m_accepted; m_proxyRow follows lazily.
    void rebuildRows();
    void ensureProxyRows() const;
    // Shows source rows that now pass the quick search where the order puts them.
    void insertShown(std::vector<int> sourceRows);

    void resetFromSource();
    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);

    SampleTableModel* m_source;
    QString m_needle; // case-folded
    std::vector<int> m_order;            // every source row, in the applied order
    std::vector<char> m_accepted;        // per source row: passes the quick search
    std::vector<int> m_rows;             // proxy row -> source row: m_order less the rows searched away
    mutable std::vector<int> m_proxyRow; // source row -> proxy row, -1 when hidden
    mutable bool m_proxyRowsStale = false;

    int m_sortColumn = -1; // asked for
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_appliedColumn = -1; // what m_order is sorted by
    Qt::SortOrder m_appliedOrder = Qt::AscendingOrder;
    quint64 m_sortGeneration = 0;
    bool m_sorting = false;
    bool m_resetting = false;
    int m_rowsSortedInBackground = kRowsSortedInBackground;
    QFutureWatcher<SortResult> m_sortWatcher;
};

} // namespace bge::ui
