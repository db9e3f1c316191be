#include "downloaddestination.h"

#include "exclusivefilelock.h"
#include "filesinflight.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

#include <cerrno>
#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <fcntl.h> // sync_file_range
#endif

using namespace Qt::StringLiterals;

namespace bge {

DownloadDestination::DownloadDestination(QString destination) : m_destination(std::move(destination)) {}

DownloadDestination::~DownloadDestination() = default;

QString DownloadDestination::partialPathFor(const QString& destination)
{
    return destination + u".bgepart"_s;
}

QString DownloadDestination::journalPathFor(const QString& destination)
{
    return destination + u".bgepart.json"_s;
}

ApiError DownloadDestination::prepare(bool overwrite)
{
    if (m_destination.isEmpty())
        return ApiError::usage(u"no destination file"_s);
    const QFileInfo dest(m_destination);
    if (!dest.absoluteDir().exists())
        return ApiError::usage(u"the folder %1 does not exist"_s.arg(dest.absolutePath()));
    if (dest.isDir())
        return ApiError::usage(u"%1 is a folder; give a file name"_s.arg(m_destination));
    if (dest.exists() && !overwrite)
        return nameTaken(m_destination);

    m_lock = std::make_unique<ExclusiveFileLock>(partialPath() + u".lock"_s);
    if (const auto outcome = m_lock->tryLock(); outcome != ExclusiveFileLock::Outcome::Locked) {
        m_lock.reset();
        return ApiError::usage(outcome == ExclusiveFileLock::Outcome::HeldElsewhere
                                   ? u"another download into %1 is running"_s.arg(m_destination)
                                   : u"cannot create files next to %1"_s.arg(m_destination));
    }
    m_prepared = true;
    return {};
}

ApiError DownloadDestination::nameTaken(const QString& destination)
{
    return ApiError::usage(u"%1 already exists; choose another name or allow overwriting"_s.arg(destination));
}

bool DownloadDestination::isNameTaken(const ApiError& error, const QString& destination)
{
    return error.kind() == ApiError::Kind::Usage && error.detail() == nameTaken(destination).detail();
}

void DownloadDestination::unlock()
{
    m_lock.reset();
}

void DownloadDestination::syncToDisk(QFile& file)
{
    file.flush();
#ifdef Q_OS_UNIX
    ::fsync(file.handle());
#endif
}

namespace {

// Where finished files are synced: a pool of its own, as wide as the downloads in flight. A sync
// waits for the disk, not a CPU, and the filesystem commits concurrent syncs together: on ext4
// here, 200 files of 64 KiB synced two at a time (the global pool's width on two cores) took
// 0.16 s, eight at a time 0.07 s. Owned by the application object, which waits for it.
QThreadPool* syncPool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(FilesInFlight::kDefaultSingleRequestFiles);
        return p;
    }();
    return pool;
}

} // namespace

void DownloadDestination::syncToDiskThen(QFile& file, QObject* context, std::function<void()> then)
{
    file.flush();
#ifdef Q_OS_UNIX
    // The pool's thread syncs a descriptor of its own: the file may be closed meanwhile (the job
    // aborted), and its descriptor number given to another file.
    const int fd = QCoreApplication::instance() ? ::dup(file.handle()) : -1;
    if (fd >= 0) {
        QPointer<QObject> guard(context);
        syncPool()->start(
            [fd, guard = std::move(guard), then = std::move(then)]() mutable {
                ::fsync(fd);
                ::close(fd);
                // Back on the application's thread, where the guard may be read.
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [guard = std::move(guard), then = std::move(then)] {
                        if (guard)
                            then();
                    },
                    Qt::QueuedConnection);
            });
        return;
    }
#endif
    syncToDisk(file);
    then();
}

void DownloadDestination::startWriteback(QFile& file, qint64 offset, qint64 length)
{
#ifdef Q_OS_LINUX
    ::sync_file_range(file.handle(), offset, length, SYNC_FILE_RANGE_WRITE);
#else
    Q_UNUSED(file);
    Q_UNUSED(offset);
    Q_UNUSED(length);
#endif
}

ApiError DownloadDestination::moveIntoPlace(bool overwrite)
{
    const QString partPath = partialPath();
    if (overwrite) {
        // rename(2) replaces the destination atomically; MoveFileEx with REPLACE_EXISTING on Windows.
        std::error_code ec;
        std::filesystem::rename(QFile::encodeName(partPath).toStdString(),
                                QFile::encodeName(m_destination).toStdString(), ec);
        if (ec)
            return ApiError::usage(
                u"cannot replace %1: %2"_s.arg(m_destination, QString::fromLocal8Bit(ec.message())));
    } else if (!QFile::rename(partPath, m_destination)) {
        // Never replaces (renameat2 RENAME_NOREPLACE where available).
        return QFileInfo::exists(m_destination)
                   ? ApiError::usage(u"%1 appeared while downloading; it was left as it is"_s.arg(m_destination))
                   : ApiError::usage(u"cannot rename %1 to %2"_s.arg(partPath, m_destination));
    }
    QFile::remove(journalPath());
    return {};
}

std::optional<ApiError> DownloadDestination::outOfSpace(int osError, const QString& path, qint64 kept, qint64 total)
{
    constexpr qint64 kMB = 1000 * 1000;
    const auto mb = [](qint64 bytes) { return QString::number((bytes + kMB - 1) / kMB); };
    const QString keptMb = QString::number(qRound64(double(kept) / kMB));
    QString sentence;
    if (osError == ENOSPC
#ifdef EDQUOT
        || osError == EDQUOT
#endif
    ) {
        sentence = total > kept
                       ? QCoreApplication::translate("bge::DownloadDestination",
                                                     "The disk is full: %1 could not be written. Free at least %2 MB "
                                                     "on that disk and run the download again to resume it (the %3 MB "
                                                     "already downloaded are kept).")
                             .arg(path, mb(total - kept), keptMb)
                       : QCoreApplication::translate("bge::DownloadDestination",
                                                     "The disk is full: %1 could not be written. Free some space on "
                                                     "that disk and run the download again to resume it (the %2 MB "
                                                     "already downloaded are kept).")
                             .arg(path, keptMb);
    } else if (osError == EFBIG) {
        sentence = QCoreApplication::translate("bge::DownloadDestination",
                                               "The file %1 cannot grow any larger here: a file size limit of this "
                                               "system or file system was reached. Raise the limit or download to "
                                               "another disk, then run the download again to resume it (the %2 MB "
                                               "already downloaded are kept).")
                       .arg(path, keptMb);
    } else {
        return std::nullopt;
    }
    return ApiError::usage(sentence);
}

void DownloadDestination::discard()
{
    QFile::remove(partialPath());
    QFile::remove(journalPath());
}

void DownloadDestination::removeIfEmpty()
{
    // Only files this object prepared: a partial file of a download running elsewhere (the
    // lock refused) is not ours to judge.
    if (m_prepared && QFileInfo(partialPath()).size() == 0)
        discard();
}

} // namespace bge
