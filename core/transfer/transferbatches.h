#pragma once

#include "transferitem.h"

#include <QHash>
#include <QList>

#include <array>

namespace bge {

// A batch (one drop, one dialog, one download request) has nothing left to run.
struct TransferBatchSummary
{
    quint64 batch = 0;
    int completed = 0; // since the batch last finished
    int failed = 0;
    int waiting = 0; // paused or a name clash to decide
    int items = 0;
    QString name; // of its first file (the only one when items == 1)
    TransferDirection direction = TransferDirection::Upload;
};

// Which batches have ended: items per state for each batch, kept as items move, so that
// noticing the end of a batch of thousands costs nothing per item. A batch ends when nothing
// of it is queued or running and something completed or failed since it last ended (a batch
// resumed later ends again; one merely paused does not end).
class TransferBatches final
{
public:
    void clear();
    void add(const TransferItem& item);
    // `item` now in its new state, moved from `from`.
    void moved(const TransferItem& item, TransferState from);
    // The batches that ended since the last call, each once.
    QList<TransferBatchSummary> takeEnded();

private:
    struct Batch
    {
        std::array<int, kTransferStateCount> states{};
        int completedSinceEnd = 0;
        int failedSinceEnd = 0;
        QString name;
        TransferDirection direction = TransferDirection::Upload;
        int count(TransferState state) const { return states[std::size_t(state)]; }
        int items() const;
        int active() const { return count(TransferState::Queued) + count(TransferState::Running); }
    };

    QHash<quint64, Batch> m_batches;
    QList<quint64> m_ended;
};

} // namespace bge
