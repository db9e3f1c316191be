#include "exclusivefilelock.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <QLockFile>
#endif

namespace bge {

ExclusiveFileLock::ExclusiveFileLock(QString path) : m_path(std::move(path)) {}

#ifdef Q_OS_UNIX

ExclusiveFileLock::~ExclusiveFileLock()
{
    if (m_fd < 0)
        return;
    // Removed while still held, so that nobody can take the old file once we let go of it.
    ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_fd);
}

ExclusiveFileLock::Outcome ExclusiveFileLock::tryLock()
{
    if (m_fd >= 0)
        return Outcome::Locked;
    const QByteArray path = QFile::encodeName(m_path);
    // A holder letting go removes the file between our open() and our flock(): the lock we took
    // is then on a file that no longer has the name, and someone may be creating a new one.
    // Whether we hold the file under the name is checked after locking; a few rounds settle it.
    for (int round = 0; round < 8; ++round) {
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return Outcome::CannotCreate;
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            ::close(fd);
            return error == EWOULDBLOCK ? Outcome::HeldElsewhere : Outcome::CannotCreate;
        }
        struct stat held = {};
        struct stat named = {};
        if (::fstat(fd, &held) == 0 && ::stat(path.constData(), &named) == 0 && held.st_dev == named.st_dev &&
            held.st_ino == named.st_ino) {
            m_fd = fd;
            return Outcome::Locked;
        }
        ::close(fd);
    }
    return Outcome::HeldElsewhere;
}

bool ExclusiveFileLock::isLocked() const
{
    return m_fd >= 0;
}

#else

ExclusiveFileLock::~ExclusiveFileLock() = default;

ExclusiveFileLock::Outcome ExclusiveFileLock::tryLock()
{
    if (m_lock && m_lock->isLocked())
        return Outcome::Locked;
    m_lock = std::make_unique<QLockFile>(m_path);
    m_lock->setStaleLockTime(0); // a lock is stale only when its process is gone
    if (!m_lock->tryLock(0) && m_lock->error() == QLockFile::LockFailedError) {
        // A process killed between creating the file and writing its id into it leaves a lock
        // that names no process, which QLockFile never calls stale with no stale time.
        qint64 pid = 0;
        QString host;
        QString app;
        if (!m_lock->getLockInfo(&pid, &host, &app) && m_lock->removeStaleLockFile())
            m_lock->tryLock(0);
    }
    if (m_lock->isLocked())
        return Outcome::Locked;
    const bool held = m_lock->error() == QLockFile::LockFailedError;
    m_lock.reset();
    return held ? Outcome::HeldElsewhere : Outcome::CannotCreate;
}

bool ExclusiveFileLock::isLocked() const
{
    return m_lock && m_lock->isLocked();
}

#endif

} // namespace bge
