#pragma once

#include <QAbstractTableModel>

namespace bge {
class TransferQueue;
struct TransferItem;
} // namespace bge

namespace bge::ui {

// The transfer queue as a table, one row per file. Rows follow the queue's signals: inserted
// at once, changed in one dataChanged per queue tick (a few a second) however many moved.
class TransferListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Direction,
        Size,
        Progress,
        Speed,
        Eta,
        State,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // the raw value of the column
        IdRole,                      // the item's id in the queue (quint64)
        ProgressRole,                // per mille; -1: no bar (size unknown, cancelled, skipped)
    };

    explicit TransferListModel(TransferQueue* queue, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const TransferItem& item, int column) const;
    QVariant sortValue(const TransferItem& item, int column) const;
    QVariant toolTip(const TransferItem& item, int column) const;

    TransferQueue* m_queue;
    int m_rows = 0; // the rows the view knows of: the queue changes first, then tells us
};

} // namespace bge::ui
