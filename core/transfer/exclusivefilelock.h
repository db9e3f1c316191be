#pragma once

#include <QString>

#include <memory>

class QLockFile;

namespace bge {

// A lock file that one holder at a time can take, in this process or another, and that dies
// with its holder (a killed process leaves a file nobody holds, which the next one takes).
// Released and removed on destruction.
//
// On Unix it is an flock(2) on the file: nothing written, nothing synced. QLockFile, used
// elsewhere, writes its holder's process id into the file and syncs it to disk: about 3 ms of
// the disk per lock on the calling (event loop's) thread, which for a thousand small downloads
// was the largest part of their time (docs/performance.md, "Many small files").
class ExclusiveFileLock final
{
public:
    enum class Outcome
    {
        Locked,
        HeldElsewhere,
        CannotCreate
    };

    explicit ExclusiveFileLock(QString path);
    ~ExclusiveFileLock();
    ExclusiveFileLock(const ExclusiveFileLock&) = delete;
    ExclusiveFileLock& operator=(const ExclusiveFileLock&) = delete;

    // Takes the lock now or says why not; never waits.
    Outcome tryLock();
    bool isLocked() const;
    const QString& path() const { return m_path; }

private:
    QString m_path;
#ifdef Q_OS_UNIX
    int m_fd = -1;
#else
    std::unique_ptr<QLockFile> m_lock;
#endif
};

} // namespace bge
