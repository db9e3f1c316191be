#include "transferbatches.h"

#include <numeric>

namespace bge {

int TransferBatches::Batch::items() const
{
    return std::accumulate(states.cbegin(), states.cend(), 0);
}

void TransferBatches::clear()
{
    m_batches.clear();
    m_ended.clear();
}

void TransferBatches::add(const TransferItem& item)
{
    Batch& batch = m_batches[item.batch];
    if (batch.items() == 0) {
        batch.name = item.name;
        batch.direction = item.direction;
    }
    ++batch.states[std::size_t(item.state)];
}

void TransferBatches::moved(const TransferItem& item, TransferState from)
{
    Batch& batch = m_batches[item.batch];
    --batch.states[std::size_t(from)];
    ++batch.states[std::size_t(item.state)];
    if (item.state == TransferState::Completed)
        ++batch.completedSinceEnd;
    else if (item.state == TransferState::Failed)
        ++batch.failedSinceEnd;
    if (batch.active() == 0 && batch.completedSinceEnd + batch.failedSinceEnd > 0 &&
        !m_ended.contains(item.batch))
        m_ended.append(item.batch);
}

QList<TransferBatchSummary> TransferBatches::takeEnded()
{
    QList<TransferBatchSummary> ended;
    for (const quint64 id : std::exchange(m_ended, {})) {
        const auto batch = m_batches.find(id);
        if (batch == m_batches.end() || batch->active() > 0)
            continue; // resumed in the meantime: it ends again later
        TransferBatchSummary summary;
        summary.batch = id;
        summary.completed = std::exchange(batch->completedSinceEnd, 0);
        summary.failed = std::exchange(batch->failedSinceEnd, 0);
        summary.waiting = batch->count(TransferState::Paused) + batch->count(TransferState::NameExists);
        summary.items = batch->items();
        summary.name = batch->name;
        summary.direction = batch->direction;
        ended.append(summary);
    }
    return ended;
}

} // namespace bge
