#pragma once

#include "transferitem.h"

#include <QList>
#include <QString>

#include <optional>

namespace bge {

// What the transfer queue keeps across restarts: its items (paths, names, states, the bytes
// done so far) and the next ids. Never credentials or signed URLs: an item holds none. The
// bytes themselves are resumed from the upload journal and the partial download file.
struct TransferQueueState
{
    quint64 nextId = 1;
    quint64 nextBatch = 1;
    QList<TransferItem> items;

    // nullopt when the file is missing; an unreadable file or foreign format sets `error`
    // (then nullopt too). Items that do not make sense are left out, the others kept.
    static std::optional<TransferQueueState> load(const QString& file, QString* error);
    // Atomic (QSaveFile): a crash leaves the old file or the new one, never half of one.
    bool save(const QString& file, QString* error) const;
    // Moves a file that load() refused out of the way, to `<file>.corrupt` (replacing an older
    // one), so that the next save does not destroy what may still be recovered by hand.
    // Returns the new path, or empty when the file could not be moved.
    static QString keepAside(const QString& file);
};

} // namespace bge
