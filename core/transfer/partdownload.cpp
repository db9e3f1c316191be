#include "partdownload.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace bge {

Q_LOGGING_CATEGORY(lcPartDownload, "bge.transfer.partdownload", QtInfoMsg)

namespace {

constexpr qint64 kJournalIntervalMs = 1000;
constexpr qint64 kProgressIntervalMs = 200;
constexpr int kMaxParts = 10000;

} // namespace

struct PartDownloadEngine::Task
{
    DownloadPartRequest part;
    qint64 written = 0; // bytes of this attempt on disk
    int attempt = 1;
};

PartDownloadEngine::PartDownloadEngine(PartDownloadAdapter* adapter, PartDownloadSettings settings, QObject* parent)
    : Job<PartDownloadResult>(parent), m_adapter(adapter), m_settings(std::move(settings)),
      m_target(m_settings.destination)
{
    m_settings.parallelism = qMax(1, m_settings.parallelism);
    m_settings.retry.maxAttempts = qMax(1, m_settings.retry.maxAttempts);
}

PartDownloadEngine::~PartDownloadEngine()
{
    release(); // the partial file and its journal stay for a later job
}

int PartDownloadEngine::partCount() const
{
    if (m_settings.partSize <= 0 || m_settings.size <= 0)
        return 0;
    return int(qMin<qint64>(kMaxParts + 1, (m_settings.size + m_settings.partSize - 1) / m_settings.partSize));
}

void PartDownloadEngine::doStart()
{
    if (const ApiError problem = prepare())
        return fail(problem);
    reportProgress(true);
    if (m_pending.isEmpty())
        return finish(); // every part was there already (stopped before the move into place)
    pump();
}

ApiError PartDownloadEngine::prepare()
{
    if (m_settings.identity.isEmpty() || m_settings.size < 0 || m_settings.partSize <= 0)
        return ApiError::usage(u"nothing to download into %1: no size or part size"_s.arg(m_settings.destination));
    if (partCount() > kMaxParts)
        return ApiError::malformed(u"%1 bytes in parts of %2 are more than %3 parts"_s.arg(m_settings.size)
                                       .arg(m_settings.partSize)
                                       .arg(kMaxParts));
    if (const ApiError refused = m_target.prepare(m_settings.overwrite))
        return refused;

    // Keep a partial file only when its journal says it holds parts of these very bytes.
    const std::optional<DownloadJournal> saved = DownloadJournal::load(m_target.journalPath());
    const QFileInfo partial(m_target.partialPath());
    const bool keep = saved && saved->objectName == m_settings.identity && saved->size == m_settings.size &&
                      saved->partSize == m_settings.partSize && partial.exists() && partial.size() <= m_settings.size;
    if (!keep)
        m_target.discard();
    m_journal = {m_settings.identity, {}, m_settings.size, std::nullopt, m_settings.partSize, {}};
    QSet<int> done;
    if (keep) {
        for (const int n : saved->partsDone) {
            if (n <= partCount() && !done.contains(n)) {
                done.insert(n);
                m_journal.partsDone.append(n);
            }
        }
        m_result.partsKept = int(done.size());
        qCInfo(lcPartDownload).noquote() << m_settings.identity << "resuming with" << done.size() << "of"
                                         << partCount() << "parts";
    }
    m_part.setFileName(m_target.partialPath());
    // Unbuffered: what write() accepted is the kernel's, so a killed process loses no byte the
    // journal counts.
    if (!m_part.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
        return ApiError::usage(u"cannot write %1: %2"_s.arg(m_part.fileName(), m_part.errorString()));
    // Before the first byte is written: a partial file always has a journal describing it.
    QString error;
    if (!m_journal.save(m_target.journalPath(), &error))
        return ApiError::usage(u"cannot write %1: %2"_s.arg(m_target.journalPath(), error));
    m_journalClock.start();
    for (int n = 1; n <= partCount(); ++n) {
        if (done.contains(n))
            m_doneBytes += qMin(m_settings.partSize, m_settings.size - qint64(n - 1) * m_settings.partSize);
        else
            m_pending.append(n);
    }
    return {};
}

void PartDownloadEngine::pump()
{
    while (!isFinished() && m_inFlightBytes.size() < m_settings.parallelism && !m_pending.isEmpty()) {
        const int n = m_pending.takeFirst();
        auto task = std::make_shared<Task>();
        const qint64 offset = qint64(n - 1) * m_settings.partSize;
        task->part = {n, offset, qMin(m_settings.partSize, m_settings.size - offset)};
        m_inFlightBytes[n] = 0;
        fetch(task);
    }
    if (!isFinished() && m_pending.isEmpty() && m_inFlightBytes.isEmpty())
        finish();
}

void PartDownloadEngine::fetch(std::shared_ptr<Task> task)
{
    m_adapter->beforePart([this, task] {
        if (isFinished())
            return;
        task->written = 0;
        m_inFlightBytes[task->part.number] = 0;
        m_adapter->fetchPart(
            task->part, [this, task](const char* data, qint64 size) { return write(task, data, size); },
            [this, task](const ApiError& error) { partDone(task, error); });
    });
}

bool PartDownloadEngine::write(const std::shared_ptr<Task>& task, const char* data, qint64 size)
{
    if (isFinished() || m_writeError)
        return false;
    const DownloadPartRequest& p = task->part;
    if (task->written + size > p.length) {
        m_writeError = ApiError::malformed(u"part %1 of %2: the server sent more than its %3 bytes"_s.arg(p.number)
                                               .arg(m_settings.identity)
                                               .arg(p.length));
        return false;
    }
    if (!m_part.seek(p.offset + task->written) || m_part.write(data, size) != size) {
        const int osError = errno; // of the write(2) that failed, before anything else runs
        // A full disk or a file-size limit: said so, with the room still needed; the parts
        // done stay in the journal for the resume (this one is fetched again from its start).
        if (const auto full = DownloadDestination::outOfSpace(
                m_part.error() == QFileDevice::ResourceError ? ENOSPC : osError, m_target.path(), m_doneBytes,
                m_settings.size))
            m_writeError = *full;
        else
            m_writeError = ApiError::usage(u"cannot write %1: %2"_s.arg(m_part.fileName(), m_part.errorString()));
        return false;
    }
    task->written += size;
    m_result.bytesFetched += size;
    m_inFlightBytes[p.number] = task->written;
    reportProgress(false);
    return true;
}

void PartDownloadEngine::partDone(std::shared_ptr<Task> task, const ApiError& failure)
{
    if (isFinished())
        return;
    if (m_writeError)
        return fail(*m_writeError);
    const DownloadPartRequest& p = task->part;
    ApiError error = failure;
    if (!error && task->written != p.length)
        error = ApiError::transport(u"part %1 of %2: %3 of its %4 bytes arrived"_s.arg(p.number)
                                        .arg(m_settings.identity)
                                        .arg(task->written)
                                        .arg(p.length));
    if (error) {
        if (error.isRetryable() && task->attempt < m_settings.retry.maxAttempts) {
            ++task->attempt;
            m_inFlightBytes[p.number] = 0;
            const int delay = m_settings.retry.delayBeforeAttempt(task->attempt);
            qCInfo(lcPartDownload).noquote() << error.detail().left(300) << "- retrying part" << p.number << "in"
                                             << delay << "ms";
            QTimer::singleShot(delay, this, [this, task] {
                if (!isFinished())
                    fetch(task);
            });
            return;
        }
        return fail(error);
    }
    m_inFlightBytes.remove(p.number);
    m_doneBytes += p.length;
    ++m_result.partsFetched;
    m_journal.partsDone.append(p.number);
    if (!saveJournal(false))
        return;
    reportProgress(false);
    pump();
}

void PartDownloadEngine::finish()
{
    DownloadDestination::syncToDisk(m_part);
    m_part.close();
    const qint64 onDisk = QFileInfo(m_target.partialPath()).size();
    if (onDisk != m_settings.size) {
        m_target.discard();
        return fail(ApiError::malformed(u"%1: %2 bytes on disk, the metadata says %3; the partial download "
                                        u"was deleted"_s.arg(m_settings.identity)
                                            .arg(onDisk)
                                            .arg(m_settings.size)));
    }
    if (const ApiError notMoved = m_target.moveIntoPlace(m_settings.overwrite))
        return fail(notMoved);
    m_journalDirty = false;
    m_result.path = m_settings.destination;
    m_result.size = m_settings.size;
    reportProgress(true);
    release();
    succeed(m_result);
}

void PartDownloadEngine::fail(const ApiError& error)
{
    if (isFinished())
        return;
    release();
    m_target.removeIfEmpty();
    complete(error);
}

void PartDownloadEngine::doAbort()
{
    // The partial file and its journal stay: a later job fetches only the missing parts.
    release();
    m_target.removeIfEmpty();
}

void PartDownloadEngine::release()
{
    m_adapter->stop();
    if (m_journalDirty && m_part.isOpen()) {
        m_journalDirty = false;
        DownloadDestination::syncToDisk(m_part); // the bytes the journal vouches for, first
        m_journal.save(m_target.journalPath(), nullptr);
    }
    if (m_part.isOpen())
        m_part.close();
    m_target.unlock();
}

bool PartDownloadEngine::saveJournal(bool force)
{
    // Once a second at most (each save is synced to disk); a crash loses at most the last
    // interval's parts, which the next job fetches again.
    if (!force && m_journalClock.isValid() && m_journalClock.elapsed() < kJournalIntervalMs) {
        m_journalDirty = true;
        return true;
    }
    m_journalClock.start();
    m_journalDirty = false;
    DownloadDestination::syncToDisk(m_part);
    QString error;
    if (!m_journal.save(m_target.journalPath(), &error)) {
        fail(ApiError::usage(u"cannot write %1: %2"_s.arg(m_target.journalPath(), error)));
        return false;
    }
    return true;
}

void PartDownloadEngine::reportProgress(bool force)
{
    if (!force && m_progressClock.isValid() && m_progressClock.elapsed() < kProgressIntervalMs)
        return;
    m_progressClock.start();
    qint64 done = m_doneBytes;
    for (const qint64 bytes : std::as_const(m_inFlightBytes))
        done += bytes;
    Q_EMIT progress(qMin(done, m_settings.size), m_settings.size);
}

} // namespace bge
