#include "transferlistmodel.h"

#include "transferformat.h"

#include "transfer/transferqueue.h"

#include <QStringList>

#include <limits>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// -1: no bar worth showing (size unknown, or the transfer was dropped).
// The bytes are all sent; the service is reading them: no speed or time left to show.
bool processing(const TransferItem& item)
{
    return item.readSet && item.readSet->isProcessing();
}

int perMille(const TransferItem& item)
{
    if (item.state == TransferState::Completed)
        return 1000;
    if (item.state == TransferState::Cancelled || item.state == TransferState::Skipped)
        return -1;
    if (item.size <= 0)
        return item.size == 0 ? 0 : -1;
    return int(std::min<qint64>(1000, item.done * 1000 / item.size));
}

} // namespace

TransferListModel::TransferListModel(TransferQueue* queue, QObject* parent)
    : QAbstractTableModel(parent), m_queue(queue), m_rows(queue->count())
{
    connect(queue, &TransferQueue::itemsInserted, this, [this](int first, int last) {
        beginInsertRows({}, first, last);
        m_rows = m_queue->count();
        endInsertRows();
    });
    connect(queue, &TransferQueue::itemsAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(queue, &TransferQueue::itemsRemoved, this, [this] {
        m_rows = m_queue->count();
        endRemoveRows();
    });
    connect(queue, &TransferQueue::itemsChanged, this, [this](int first, int last) {
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    });
}

int TransferListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int TransferListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransferListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TransferItem& item = m_queue->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(item, index.column());
    case SortRole:
        return sortValue(item, index.column());
    case IdRole:
        return QVariant::fromValue(item.id);
    case ProgressRole:
        return perMille(item);
    case Qt::ToolTipRole:
        return toolTip(item, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Size || index.column() == Speed || index.column() == Eta)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant TransferListModel::display(const TransferItem& item, int column) const
{
    const bool running = item.state == TransferState::Running;
    switch (column) {
    case Name:
        return TransferFormat::name(item);
    case Direction:
        return TransferFormat::direction(item);
    case Size:
        return TransferFormat::size(item.size);
    case Progress: {
        const int p = perMille(item);
        return p < 0 ? u"—"_s : tr("%1%").arg(p / 10);
    }
    case Speed:
        return running && !processing(item) ? TransferFormat::speed(item.bytesPerSecond) : QString();
    case Eta:
        return running && !processing(item) ? TransferFormat::duration(item.etaSeconds) : QString();
    case State:
        return TransferFormat::state(item);
    default:
        return {};
    }
}

QVariant TransferListModel::sortValue(const TransferItem& item, int column) const
{
    switch (column) {
    case Name:
        return item.name;
    case Direction:
        return int(item.direction);
    case Size:
        return item.size;
    case Progress:
        return perMille(item);
    case Speed:
        return item.bytesPerSecond;
    case Eta:
        // Unknown last.
        return item.etaSeconds < 0 ? std::numeric_limits<qint64>::max() : item.etaSeconds;
    case State:
        return int(item.state);
    default:
        return {};
    }
}

QVariant TransferListModel::toolTip(const TransferItem& item, int column) const
{
    if (column == State) {
        QStringList lines;
        if (!item.error.isEmpty())
            lines << item.error;
        if (item.readSet && !item.readSet->note.isEmpty())
            lines << item.readSet->note;
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    if (column == Name || column == Direction)
        return TransferFormat::route(item);
    return {};
}

QVariant TransferListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Direction:
        return tr("Direction");
    case Size:
        return tr("Size");
    case Progress:
        return tr("Progress");
    case Speed:
        return tr("Speed");
    case Eta:
        return tr("Time Left");
    case State:
        return tr("State");
    default:
        return {};
    }
}

} // namespace bge::ui
