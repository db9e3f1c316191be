#pragma once

#include "transferitem.h"

#include <QList>

namespace bge {

// A queue's figures at one moment. Cancelled and skipped items do not count.
struct TransferTotals
{
    int items = 0;
    int completed = 0;
    int failed = 0;
    int running = 0;
    int queued = 0;
    int waiting = 0;     // paused, or a name clash to decide
    int nameClashes = 0; // of the waiting: overwrite or skip?
    int finished = 0;    // completed, cancelled or skipped (what "remove finished" removes)
    int uploading = 0;   // uploads running or queued
    int downloading = 0; // downloads running or queued
    qint64 doneBytes = 0;
    qint64 totalBytes = 0; // of the items whose size is known
    double bytesPerSecond = 0;
    qint64 etaSeconds = -1; // of what is running and queued; -1 when unknown

    static TransferTotals of(const QList<TransferItem>& items);
};

} // namespace bge
