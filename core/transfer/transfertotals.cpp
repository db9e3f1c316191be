#include "transfertotals.h"

#include <algorithm>
#include <cmath>

namespace bge {

TransferTotals TransferTotals::of(const QList<TransferItem>& items)
{
    TransferTotals t;
    qint64 remaining = 0;
    for (const TransferItem& item : items) {
        if (item.isFinished())
            ++t.finished;
        if (item.state == TransferState::Cancelled || item.state == TransferState::Skipped)
            continue;
        ++t.items;
        switch (item.state) {
        case TransferState::Completed:
            ++t.completed;
            break;
        case TransferState::Failed:
            ++t.failed;
            break;
        case TransferState::Running:
            ++t.running;
            break;
        case TransferState::Queued:
            ++t.queued;
            break;
        case TransferState::NameExists:
            ++t.nameClashes;
            ++t.waiting;
            break;
        default:
            ++t.waiting;
            break;
        }
        if (item.state == TransferState::Running || item.state == TransferState::Queued)
            ++(item.isUpload() ? t.uploading : t.downloading);
        if (item.size >= 0) {
            t.totalBytes += item.size;
            t.doneBytes += std::min(item.done, item.size);
            if (item.isActive())
                remaining += item.size - std::min(item.done, item.size);
        }
        t.bytesPerSecond += item.bytesPerSecond;
    }
    if (remaining == 0)
        t.etaSeconds = t.running + t.queued > 0 ? -1 : 0;
    else if (t.bytesPerSecond > 0)
        t.etaSeconds = qint64(std::ceil(double(remaining) / t.bytesPerSecond));
    return t;
}

} // namespace bge
