#include "profilelock.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUrl>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace bge {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcProfileLock, "bge.session.lock", QtInfoMsg)

namespace {
constexpr int kPollMs = 20;
}

ProfileLock::ProfileLock(QString path, QObject* parent, int staleMs)
    : QObject(parent), m_path(std::move(path)), m_staleMs(staleMs)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(kPollMs);
    connect(&m_retry, &QTimer::timeout, this, &ProfileLock::poll);
}

ProfileLock::~ProfileLock()
{
    release();
}

QString ProfileLock::pathFor(const QString& profile)
{
    // Every process of the user must find the same file whatever its application name and
    // environment: a `bge` from cron or `su` often has no $XDG_RUNTIME_DIR where the desktop app
    // has one, so the folder is derived from the user id alone. /run/user/<uid> is cleared at
    // log-out, so a lock never outlives the session that made it; elsewhere the temporary folder.
    // Profile names are plain already (ProfileStore::isValidName); encoded all the same, since
    // this becomes a file name.
    const QString name = QString::fromLatin1(QUrl::toPercentEncoding(profile, {}, "/\\:*?\"<>|"));
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const QFileInfo runtime(u"/run/user/%1"_s.arg(::getuid()));
    if (runtime.isDir() && runtime.isWritable())
        return runtime.filePath() + u"/bge-session-"_s + name + u".lock"_s;
    // /tmp is shared by every user: the user id keeps one user's lock out of another's way.
    return QDir::tempPath() + u"/bge-session-%1-"_s.arg(::getuid()) + name + u".lock"_s;
#else
    return QDir::tempPath() + u"/bge-session-"_s + name + u".lock"_s;
#endif
}

void ProfileLock::acquire(Acquired done)
{
    m_done = std::move(done);
    if (!m_file) {
        m_file = std::make_unique<QLockFile>(m_path);
        m_file->setStaleLockTime(m_staleMs);
    }
    poll();
}

void ProfileLock::poll()
{
    if (!m_done)
        return;
    if (m_file->tryLock(0)) {
        m_held = true;
        return std::exchange(m_done, {})(true);
    }
    if (m_file->error() == QLockFile::LockFailedError) {
        m_retry.start(); // another process is refreshing: it ends soon
        return;
    }
    qCWarning(lcProfileLock).noquote() << "cannot create" << m_path << "- renewing without the lock";
    std::exchange(m_done, {})(false);
}

void ProfileLock::release()
{
    m_retry.stop();
    m_done = {};
    if (m_held && m_file)
        m_file->unlock();
    m_held = false;
}

} // namespace bge
