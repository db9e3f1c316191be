#pragma once

#include "api/apierror.h"

#include <QString>

#include <functional>

#include <memory>
#include <optional>

class QFile;
class QObject;

namespace bge {

class ExclusiveFileLock;

// The local side of any download, whatever the protocol: `<destination>.bgepart` (the bytes so
// far) with its journal `<destination>.bgepart.json`, a lock so that two downloads never write
// into the same file, and the move into place once the bytes are complete and checked: never
// over an existing file unless overwriting was asked for (then atomically).
class DownloadDestination final
{
public:
    explicit DownloadDestination(QString destination);
    ~DownloadDestination();

    const QString& path() const { return m_destination; }
    QString partialPath() const { return partialPathFor(m_destination); }
    QString journalPath() const { return journalPathFor(m_destination); }
    static QString partialPathFor(const QString& destination);
    static QString journalPathFor(const QString& destination);

    // Refuses a destination in a missing folder, a folder, or an existing file unless
    // `overwrite`; then takes the lock (held until unlock() or destruction).
    ApiError prepare(bool overwrite);
    // The refusal of an existing destination (prepare() without overwriting), and whether
    // `error` is that refusal (a queue shows it as a name clash, not a failure).
    static ApiError nameTaken(const QString& destination);
    static bool isNameTaken(const ApiError& error, const QString& destination);
    void unlock();

    // fsync: on disk before it gets its final name, so that a crash never leaves a short file there.
    static void syncToDisk(QFile& file);
    // The same on a thread of the pool, then `then` on the caller's thread (not at all once
    // `context` is gone): a disk that takes its time holds up only this file, not every other
    // transfer of the event loop. Synchronously where that is not possible.
    static void syncToDiskThen(QFile& file, QObject* context, std::function<void()> then);
    // Starts writing `length` bytes from `offset` to the disk now, without waiting (Linux:
    // sync_file_range), so that the final syncToDisk() finds little left to do: the disk works
    // while the network does, instead of after it. Nothing elsewhere.
    static void startWriteback(QFile& file, qint64 offset, qint64 length);
    // Renames the partial file onto the destination, the journal removed. Without `overwrite`
    // an existing destination is never replaced (the verified partial file stays, so a later
    // job with overwriting allowed finishes without downloading).
    ApiError moveIntoPlace(bool overwrite);
    // A write into the partial file failed with `osError` (errno): for a full disk, a quota or
    // a file-size limit, the sentence that says so and what to do (the partial file and its
    // journal stay for the resume); nullopt for any other cause. `kept` bytes are on disk,
    // `total` is the object's size (-1 when unknown).
    static std::optional<ApiError> outOfSpace(int osError, const QString& path, qint64 kept, qint64 total);

    // Removes the partial file and its journal.
    void discard();
    // An empty partial file is worth nothing to a later resume (after prepare() succeeded).
    void removeIfEmpty();

private:
    QString m_destination;
    std::unique_ptr<ExclusiveFileLock> m_lock;
    bool m_prepared = false;
};

} // namespace bge
