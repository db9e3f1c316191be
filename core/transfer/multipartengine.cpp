#include "multipartengine.h"

#include "filewindowdevice.h"

#include <QFileInfo>
#include <QSet>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bge {

namespace {

constexpr qint64 kJournalIntervalMs = 1000;
constexpr qint64 kProgressIntervalMs = 200;

quint32 keyOf(int source, int number)
{
    return quint32(source) << 16 | quint32(number);
}

void sortParts(QList<UploadJournal::Part>& parts)
{
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
        return a.source != b.source ? a.source < b.source : a.number < b.number;
    });
}

} // namespace

std::unique_ptr<FileWindowDevice> FileWindow::open(QString* error) const
{
    auto device = std::make_unique<FileWindowDevice>(path, offset, length);
    if (!device->openWindow()) {
        if (error)
            *error = device->errorString();
        return nullptr;
    }
    return device;
}

struct MultipartEngine::Task
{
    PlannedPart part;
    int sendAttempt = 1;   // transient failures of this send (with backoff)
    int damageAttempt = 1; // the server stored other bytes than were sent (at once)
};

MultipartEngine::MultipartEngine(MultipartAdapter* adapter, MultipartSettings settings, QObject* parent)
    : Job<MultipartOutcome>(parent), m_adapter(adapter), m_settings(std::move(settings))
{
    m_settings.parallelism = qMax(1, m_settings.parallelism);
    m_settings.retry.maxAttempts = qMax(1, m_settings.retry.maxAttempts);
    for (const UploadJournal::Source& s : std::as_const(m_settings.sources))
        m_total += s.size;
}

MultipartEngine::~MultipartEngine()
{
    m_adapter->stop();
    if (!isFinished())
        flushJournal(); // what a crash would not get to do: the next engine resumes from here
}

void MultipartEngine::doStart()
{
    const std::optional<UploadJournal> saved = UploadJournal::load(m_settings.journalFile);
    const auto sameSources = [this](const UploadJournal& j) {
        if (j.sources.size() != m_settings.sources.size())
            return false;
        for (qsizetype i = 0; i < j.sources.size(); ++i) {
            const UploadJournal::Source &a = j.sources.at(i), &b = m_settings.sources.at(i);
            if (a.path != b.path || a.size != b.size || a.mtimeMs != b.mtimeMs)
                return false;
        }
        return true;
    };
    if (saved && saved->protocol == m_adapter->protocol() && saved->objectName == m_settings.objectName &&
        sameSources(*saved)) {
        m_journal = *saved;
        m_resumed = true;
        m_mayBeComplete = saved->completing;
        listSource(1, {});
        return;
    }
    if (saved) {
        // The files changed since: their parts are worthless. Drop them on the server, start over.
        m_adapter->abandon(saved->uploadId);
        dropJournal();
    }
    initiate();
}

void MultipartEngine::doAbort()
{
    m_adapter->stop();
    if (!m_journal.uploadId.isEmpty())
        m_adapter->abandon(m_journal.uploadId);
    dropJournal();
}

void MultipartEngine::failWith(const ApiError& error)
{
    fail(error);
}

void MultipartEngine::fail(const ApiError& error)
{
    if (isFinished())
        return;
    m_adapter->stop();
    // Only a failure that proves the upload unusable discards it: anything else keeps the
    // journal and the server's parts, so that a later job resumes.
    if (m_adapter->discardsUpload(error) && !m_journal.uploadId.isEmpty())
        doAbort();
    else
        flushJournal();
    complete(error);
}

std::optional<PartPlan> MultipartEngine::planFor(qint64 partSize)
{
    QList<qint64> sizes;
    for (const UploadJournal::Source& s : std::as_const(m_settings.sources))
        sizes.append(s.size);
    PartPlan plan(sizes, qMax<qint64>(1, partSize));
    if (!plan.fits(m_settings.limits)) {
        QStringList paths;
        for (const UploadJournal::Source& s : std::as_const(m_settings.sources))
            paths.append(s.path);
        fail(ApiError::usage(u"%1 needs more than %2 parts"_s.arg(paths.join(u", "_s))
                                 .arg(m_settings.limits.maxPartsPerSource)));
        return std::nullopt;
    }
    return plan;
}

void MultipartEngine::initiate()
{
    m_resumed = false;
    m_journal = {};
    // Refused before anything exists on the server.
    if (!planFor(m_settings.partSize))
        return;
    m_adapter->initiate([this](const InitiateReply& r) {
        if (r.error) {
            fail(r.error);
            return;
        }
        if (r.uploadId.isEmpty()) {
            fail(ApiError::malformed(u"the server named no upload"_s));
            return;
        }
        m_journal.protocol = m_adapter->protocol();
        m_journal.sources = m_settings.sources;
        m_journal.objectName = m_settings.objectName;
        m_journal.uploadId = r.uploadId;
        m_journal.partSize = m_settings.partSize;
        m_journal.extra = m_settings.extra;
        if (!saveJournal())
            return;
        resumeWith({});
    });
}

void MultipartEngine::listSource(int source, QList<UploadJournal::Part> found)
{
    m_adapter->listParts(m_journal.uploadId, source, [this, source, found](const ListPartsReply& r) mutable {
        if (r.uploadGone) { // aborted, expired or completed on the server
            const auto startOver = [this] {
                dropJournal();
                initiate();
            };
            if (m_mayBeComplete)
                lookForCompleted(startOver);
            else
                startOver();
            return;
        }
        if (r.error) {
            fail(r.error);
            return;
        }
        for (UploadJournal::Part part : r.parts) {
            part.source = source;
            found.append(part);
        }
        if (source < m_settings.sources.size())
            listSource(source + 1, found);
        else
            resumeWith(found);
    });
}

void MultipartEngine::resumeWith(const QList<UploadJournal::Part>& serverParts)
{
    const std::optional<PartPlan> plan = planFor(m_journal.partSize);
    if (!plan)
        return;
    m_plan = *plan;
    // A part counts as done when the journal has it and the server has it with the same receipt
    // and the expected size. Anything else is sent (again).
    QList<UploadJournal::Part> kept;
    for (const UploadJournal::Part& mine : std::as_const(m_journal.parts)) {
        const auto found = std::find_if(serverParts.begin(), serverParts.end(), [&](const UploadJournal::Part& theirs) {
            return theirs.source == mine.source && theirs.number == mine.number &&
                   m_adapter->sameReceipt(theirs.receipt, mine.receipt) && theirs.size == mine.size;
        });
        if (found != serverParts.end() && mine.number <= m_plan.partCount(mine.source) &&
            mine.size == m_plan.part(mine.source, mine.number).length)
            kept.append(mine);
    }
    m_journal.parts = kept;
    if (m_resumed && !saveJournal())
        return;
    QSet<quint32> done;
    for (const UploadJournal::Part& p : std::as_const(kept))
        done.insert(keyOf(p.source, p.number));
    m_pending.clear();
    m_doneBytes = 0;
    for (const PlannedPart& part : m_plan.parts()) {
        if (done.contains(keyOf(part.source, part.number)))
            m_doneBytes += part.length;
        else
            m_pending.append(part);
    }
    reportProgress(true);
    pump();
}

void MultipartEngine::pump()
{
    while (!isFinished() && m_inFlightBytes.size() < m_settings.parallelism && !m_pending.isEmpty()) {
        auto task = std::make_shared<Task>();
        task->part = m_pending.takeFirst();
        m_inFlightBytes[keyOf(task->part.source, task->part.number)] = 0;
        sendPart(task);
    }
    if (!isFinished() && m_pending.isEmpty() && m_inFlightBytes.isEmpty() && !m_completing)
        completeUpload();
}

void MultipartEngine::sendPart(std::shared_ptr<Task> task)
{
    // The adapter never calls back after stop(), which the destructor and every failure call.
    m_adapter->beforePart([this, task] {
        if (isFinished())
            return;
        const PlannedPart& p = task->part;
        const quint32 key = keyOf(p.source, p.number);
        m_inFlightBytes[key] = 0;
        const UploadPartRequest request{m_journal.uploadId, p.source, p.number,
                                        {m_settings.sources.at(p.source - 1).path, p.offset, p.length}};
        m_adapter->uploadPart(
            request, [this, key](qint64 sent) { partProgress(key, sent); },
            [this, task](const UploadPartReply& reply) { partDone(task, reply); });
    });
}

void MultipartEngine::partDone(std::shared_ptr<Task> task, const UploadPartReply& r)
{
    const PlannedPart& p = task->part;
    const quint32 key = keyOf(p.source, p.number);
    if (r.error) {
        if (r.error.isRetryable() && task->sendAttempt < m_settings.retry.maxAttempts) {
            ++task->sendAttempt;
            m_inFlightBytes[key] = 0;
            QTimer::singleShot(m_settings.retry.delayBeforeAttempt(task->sendAttempt), this, [this, task] {
                if (!isFinished())
                    sendPart(task);
            });
            return;
        }
        // A part that cannot be read, or is refused, because the file changed: nothing of the
        // upload is worth keeping.
        if (fileChanged()) {
            m_pending.clear();
            m_completing = true; // the parts still in flight must not lead to a Complete
            failChangedFile();
            return;
        }
        fail(r.error);
        return;
    }
    if (r.damaged) {
        if (task->damageAttempt < m_settings.retry.maxAttempts) {
            ++task->damageAttempt; // the same number replaces the damaged part
            task->sendAttempt = 1;
            m_inFlightBytes[key] = 0;
            sendPart(task);
            return;
        }
        fail(ApiError::malformed(r.damage));
        return;
    }
    if (r.receipt.isEmpty()) {
        fail(ApiError::malformed(u"part %1 of source %2: the server returned no receipt for it"_s.arg(p.number)
                                     .arg(p.source)));
        return;
    }
    m_inFlightBytes.remove(key);
    m_doneBytes += p.length;
    ++m_partsSent;
    m_journal.parts.append({p.number, r.receipt, r.crc64, p.length, p.source});
    if (!saveJournal(false))
        return;
    reportProgress(false);
    pump();
}

void MultipartEngine::completeUpload()
{
    m_completing = true;
    if (fileChanged()) {
        failChangedFile();
        return;
    }
    QList<UploadJournal::Part> parts = m_journal.parts;
    sortParts(parts);
    // Every part and the intent to complete are on disk before Complete leaves: a run killed
    // now leaves a journal that names the whole result, so that the next run can recognise
    // the object its Complete made (instead of finding the upload gone and sending everything
    // again into a name that is now taken), and never sends parts of an upload already
    // completed.
    m_journal.completing = true;
    if (!saveJournal())
        return;
    m_adapter->complete(m_journal.uploadId, parts, [this, parts](const CompleteReply& r) {
        if (r.discard) {
            dropJournal();
            m_assembledDamaged = bool(r.error);
        }
        if (r.error && !r.discard && m_mayBeComplete && m_adapter->discardsUpload(r.error)) {
            // The earlier run's Complete finished meanwhile.
            lookForCompleted([this, error = r.error] { fail(error); });
            return;
        }
        if (r.error) {
            fail(r.error);
            return;
        }
        dropJournal();
        reportProgress(true);
        succeed({m_journal.uploadId, r.id, parts, m_total, m_partsSent, m_resumed});
    });
}

void MultipartEngine::lookForCompleted(std::function<void()> otherwise)
{
    QList<UploadJournal::Part> parts = m_journal.parts;
    sortParts(parts);
    m_adapter->findCompleted(parts, [this, parts, otherwise](const CompleteReply& r) {
        if (isFinished())
            return;
        if (r.error && r.error.isRetryable()) {
            // Cannot tell now (the server did not answer): keep the journal for a rerun rather
            // than start over into a name our own Complete may have taken.
            fail(r.error);
            return;
        }
        if (r.error) {
            otherwise();
            return;
        }
        dropJournal();
        m_doneBytes = m_total;
        reportProgress(true);
        succeed({m_journal.uploadId, r.id, parts, m_total, m_partsSent, true});
    });
}

// The size and modification time the upload started from: the parts only vouch for the bytes
// as they were read, and a file written meanwhile gives a result of two versions.
bool MultipartEngine::fileChanged() const
{
    for (const UploadJournal::Source& s : std::as_const(m_settings.sources)) {
        const QFileInfo now(s.path);
        if (!now.exists() || now.size() != s.size || now.lastModified().toMSecsSinceEpoch() != s.mtimeMs)
            return true;
    }
    return false;
}

// Nothing of a file that changed mid-upload is kept: the upload is aborted before the job
// fails, so that a command line exiting on the failure leaves no parts behind.
void MultipartEngine::failChangedFile()
{
    QStringList changed;
    for (const UploadJournal::Source& s : std::as_const(m_settings.sources)) {
        const QFileInfo now(s.path);
        if (!now.exists() || now.size() != s.size || now.lastModified().toMSecsSinceEpoch() != s.mtimeMs)
            changed.append(s.path);
    }
    const ApiError error = ApiError::usage(
        u"%1 changed while it was being uploaded; nothing of it was kept: upload it again"_s.arg(changed.join(u", "_s)));
    dropJournal();
    m_adapter->abortUpload(m_journal.uploadId, [this, error] { fail(error); });
}

bool MultipartEngine::saveJournal(bool force)
{
    // Each save is synced to disk (QSaveFile): once per part would stall the event loop, and
    // with it every part in flight, on a slow disk. A crash loses at most the last interval's
    // parts, which the next run sends again.
    if (!force && m_journalClock.isValid() && m_journalClock.elapsed() < kJournalIntervalMs) {
        m_journalDirty = true;
        return true;
    }
    m_journalClock.start();
    m_journalDirty = false;
    QString error;
    if (!m_journal.save(m_settings.journalFile, &error)) {
        fail(ApiError::usage(u"Cannot save the upload journal %1: %2"_s.arg(m_settings.journalFile, error)));
        return false;
    }
    return true;
}

void MultipartEngine::flushJournal()
{
    if (m_journalDirty && !m_settings.journalFile.isEmpty()) {
        m_journalDirty = false;
        m_journal.save(m_settings.journalFile, nullptr);
    }
}

void MultipartEngine::dropJournal()
{
    m_journalDirty = false;
    if (!m_settings.journalFile.isEmpty())
        UploadJournal::remove(m_settings.journalFile);
}

void MultipartEngine::partProgress(quint32 key, qint64 sent)
{
    const auto it = m_inFlightBytes.find(key);
    if (it != m_inFlightBytes.end())
        *it = sent;
    reportProgress(false);
}

void MultipartEngine::reportProgress(bool force)
{
    if (!force && m_progressClock.isValid() && m_progressClock.elapsed() < kProgressIntervalMs)
        return;
    m_progressClock.start();
    qint64 done = m_doneBytes;
    for (const qint64 bytes : std::as_const(m_inFlightBytes))
        done += bytes;
    Q_EMIT progress(qMin(done, m_total), m_total);
}

} // namespace bge
