#include "transferqueue.h"

#include "downloaddestination.h"
#include "omics/omicsconnections.h"
#include "transferpaths.h"
#include "transferqueuestore.h"
#include "uploadcredentials.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace bge {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcQueue, "bge.transfer.queue", QtInfoMsg)

namespace {

constexpr int kMaxConcurrentLimit = 16;
constexpr qint64 kMaxSaveDelayMs = 2000;
constexpr qint64 kProgressSaveIntervalMs = 5000;

} // namespace

TransferQueue::TransferQueue(PlatformApi* api, UploadCredentials* credentials, TransferQueueSettings settings,
                             QObject* parent)
    : QObject(parent), m_stateFile(settings.stateFile.isEmpty() ? defaultStateFile() : settings.stateFile),
      m_maxConcurrent(std::clamp(settings.maxConcurrent, 1, kMaxConcurrentLimit)),
      m_maxSingleRequestUploads(std::clamp(settings.maxSingleRequestUploads, 1, kMaxConcurrentLimit))
{
    m_environment.api = api;
    m_environment.credentials = credentials;
    m_environment.connections = &m_connections;
    m_environment.upload = settings.upload;
    m_environment.download = settings.download;
    m_environment.omics = settings.omics;
    m_environment.readSetUpload = settings.readSetUpload;
    m_environment.readSetDownload = settings.readSetDownload;
    m_clock.start();
    m_tick.setInterval(std::max(10, settings.tickIntervalMs));
    connect(&m_tick, &QTimer::timeout, this, &TransferQueue::tick);
    m_saveTimer.setSingleShot(true);
    m_saveDelayMs = std::max(0, settings.saveDelayMs);
    m_saveTimer.setInterval(m_saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &TransferQueue::saveNow);
    load();
    // Deferred: whoever built the queue connects to it before the first transfer starts.
    scheduleStart();
}

TransferQueue::~TransferQueue()
{
    m_tick.stop();
    saveNow(); // running items are saved as such, and resume at the next start
    const QHash<quint64, Running> running = std::exchange(m_running, {});
    for (const Running& r : running)
        delete r.task; // pause semantics: journals, server parts and partial files stay
    // Stopped tasks still waiting for deleteLater() go now too, before the connections they
    // share (a member, gone before the children).
    qDeleteAll(findChildren<TransferTask*>(Qt::FindDirectChildrenOnly));
}

QString TransferQueue::defaultStateFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/transfers.json"_s;
}

void TransferQueue::setMaxConcurrent(int files)
{
    // Lowering it lets the running transfers finish; it only holds back the next ones.
    m_maxConcurrent = std::clamp(files, 1, kMaxConcurrentLimit);
    scheduleStart();
}

// --- saved state -----------------------------------------------------------------------------

void TransferQueue::load()
{
    QString error;
    std::optional<TransferQueueState> state = TransferQueueState::load(m_stateFile, &error);
    if (!state) {
        if (!error.isEmpty()) {
            qCWarning(lcQueue).noquote() << "cannot read" << m_stateFile << ":" << error;
            // Set aside, or the first save would overwrite what may still be recovered by hand.
            // Journals and partial downloads stay where they are: adding the file again resumes.
            const QString kept = QFileInfo(m_stateFile).isReadable() ? TransferQueueState::keepAside(m_stateFile)
                                                                    : QString();
            m_storageError =
                kept.isEmpty()
                    ? tr("The saved transfer list could not be read (%1); it starts empty.").arg(error)
                    : tr("The saved transfer list could not be read (%1); it was kept as %2. The list starts "
                         "empty: add unfinished files again to resume them.")
                          .arg(error, QDir::toNativeSeparators(kept));
        }
        return;
    }
    m_nextId = state->nextId;
    m_nextBatch = state->nextBatch;
    m_items = std::move(state->items);
    for (TransferItem& item : m_items) {
        // What was running when the app stopped (or crashed) continues by itself.
        if (item.state == TransferState::Running) {
            item.state = TransferState::Queued;
            m_interrupted.insert(item.id);
        }
    }
    rebuildIndexes();
    m_totals = TransferTotals::of(m_items);
}

void TransferQueue::saveNow()
{
    m_saveTimer.stop();
    QElapsedTimer clock;
    clock.start();
    TransferQueueState state;
    state.nextId = m_nextId;
    state.nextBatch = m_nextBatch;
    state.items = m_items;
    QString error;
    if (!state.save(m_stateFile, &error)) {
        qCWarning(lcQueue).noquote() << "cannot save" << m_stateFile << ":" << error;
        setStorageError(tr("The transfer list could not be saved (%1): unfinished transfers will not "
                           "resume after a restart.")
                            .arg(error));
        return;
    }
    setStorageError({});
    // A long list takes a while to write: wait longer between saves so that saving never
    // takes more than about a tenth of the time (thousands of small files finishing).
    m_saveTimer.setInterval(
        int(std::max<qint64>(m_saveDelayMs, std::min(clock.elapsed() * 10, kMaxSaveDelayMs))));
}

void TransferQueue::scheduleSave()
{
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void TransferQueue::setStorageError(const QString& error)
{
    if (m_storageError == error)
        return;
    m_storageError = error;
    Q_EMIT storageErrorChanged(error);
}

void TransferQueue::rebuildIndexes()
{
    m_rows.clear();
    m_batches.clear();
    m_rows.reserve(m_items.size());
    for (int row = 0; row < m_items.size(); ++row) {
        const TransferItem& item = m_items.at(row);
        m_rows.insert(item.id, row);
        m_batches.add(item);
    }
    m_scanFrom = 0;
}

// --- adding ----------------------------------------------------------------------------------

QSet<QString> TransferQueue::pendingUploadNames() const
{
    QSet<QString> names;
    for (const TransferItem& item : m_items) {
        // Read sets are named in their store, where the service allows duplicates.
        if (item.isUpload() && !item.readSet && !item.isFinished())
            names.insert(item.name);
    }
    return names;
}

QList<quint64> TransferQueue::addUploads(const QStringList& paths)
{
    const QStringList files = expandUploadSources(paths);
    if (files.isEmpty())
        return {};
    const quint64 batch = m_nextBatch++;
    QSet<QString> names = pendingUploadNames();
    QList<TransferItem> items;
    QList<quint64> ids;
    items.reserve(files.size());
    for (const QString& file : files) {
        const QFileInfo info(file);
        TransferItem item;
        item.id = m_nextId++;
        item.batch = batch;
        item.direction = TransferDirection::Upload;
        item.localPath = file;
        item.name = info.fileName();
        item.size = info.isFile() ? info.size() : -1;
        if (names.contains(item.name)) {
            // The destination is flat: a second file of this name would replace the first.
            item.state = TransferState::NameExists;
            item.error = tr("Another file named %1 is already in the transfer list.").arg(item.name);
        }
        names.insert(item.name);
        ids.append(item.id);
        items.append(std::move(item));
    }
    appendItems(std::move(items));
    return ids;
}

quint64 TransferQueue::addDownload(const QString& objectName, const QString& destination)
{
    const QFileInfo info(destination);
    TransferItem item;
    item.id = m_nextId++;
    item.batch = m_nextBatch++;
    item.direction = TransferDirection::Download;
    item.localPath = info.absoluteFilePath();
    item.name = info.fileName();
    item.objectName = objectName;
    const bool queued = std::any_of(m_items.cbegin(), m_items.cend(), [&](const TransferItem& other) {
        return !other.isUpload() && !other.isFinished() && other.localPath == item.localPath;
    });
    if (queued || info.exists()) {
        item.state = TransferState::NameExists;
        item.error = tr("A file named %1 already exists in %2.").arg(item.name, info.absolutePath());
    }
    const quint64 id = item.id;
    appendItems({std::move(item)});
    return id;
}

QList<quint64> TransferQueue::addReadSetUploads(const QString& account,
                                                const QList<omics::ReadSetUploadOptions>& uploads)
{
    if (uploads.isEmpty())
        return {};
    const quint64 batch = m_nextBatch++;
    QList<TransferItem> items;
    QList<quint64> ids;
    for (const omics::ReadSetUploadOptions& upload : uploads) {
        TransferItem item;
        item.id = m_nextId++;
        item.batch = batch;
        item.direction = TransferDirection::Upload;
        item.name = upload.name;
        ReadSetTransfer r;
        r.account = account;
        r.storeId = upload.storeId;
        r.fileType = upload.fileType;
        r.subjectId = upload.subjectId;
        r.sampleId = upload.sampleId;
        r.referenceArn = upload.referenceArn;
        r.description = upload.description;
        r.generatedFrom = upload.generatedFrom;
        r.tags = upload.tags;
        // Absolute now: the journal and record that make a resume possible are named by them.
        item.size = 0;
        for (qsizetype i = 0; i < upload.files.size() && i < 2; ++i) {
            const QFileInfo info(upload.files.at(i));
            (i == 0 ? item.localPath : r.secondFile) = info.absoluteFilePath();
            item.size = item.size >= 0 && info.isFile() ? item.size + info.size() : -1;
        }
        item.readSet = std::move(r);
        if (item.localPath.isEmpty() || item.name.isEmpty() || upload.storeId.isEmpty() ||
            upload.files.size() > 2) {
            // Kept, failed, rather than dropped: the person sees what was refused and why.
            item.size = -1;
            item.state = TransferState::Failed;
            item.error = tr("A read set needs a name, a sequence store and one or two files.");
            if (item.name.isEmpty())
                item.name = item.localPath.isEmpty() ? tr("(no name)") : QFileInfo(item.localPath).fileName();
            if (item.localPath.isEmpty())
                item.localPath = item.name;
        }
        ids.append(item.id);
        items.append(std::move(item));
    }
    appendItems(std::move(items));
    return ids;
}

quint64 TransferQueue::addReadSetDownload(const QString& account, const QString& storeId,
                                          const QString& readSetId, const QString& file,
                                          const QString& destination)
{
    const QFileInfo info(destination);
    TransferItem item;
    item.id = m_nextId++;
    item.batch = m_nextBatch++;
    item.direction = TransferDirection::Download;
    item.localPath = info.absoluteFilePath();
    item.name = info.fileName();
    ReadSetTransfer r;
    r.account = account;
    r.storeId = storeId;
    r.readSetId = readSetId;
    r.file = file.isEmpty() ? u"SOURCE1"_s : file.toUpper();
    item.readSet = std::move(r);
    const bool queued = std::any_of(m_items.cbegin(), m_items.cend(), [&](const TransferItem& other) {
        return !other.isUpload() && !other.isFinished() && other.localPath == item.localPath;
    });
    if (queued || info.exists()) {
        item.state = TransferState::NameExists;
        item.error = tr("A file named %1 already exists in %2.").arg(item.name, info.absolutePath());
    }
    const quint64 id = item.id;
    appendItems({std::move(item)});
    return id;
}

void TransferQueue::setOmicsConnections(omics::OmicsConnections* connections)
{
    m_environment.omics = connections;
    m_scanFrom = 0; // read-set items held back for want of accounts may start now
    scheduleStart();
}

void TransferQueue::appendItems(QList<TransferItem> items)
{
    if (items.isEmpty())
        return;
    const int first = int(m_items.size());
    for (TransferItem& item : items) {
        m_rows.insert(item.id, int(m_items.size()));
        m_batches.add(item);
        m_items.append(std::move(item));
    }
    Q_EMIT itemsInserted(first, int(m_items.size()) - 1);
    scheduleSave();
    scheduleStart();
    if (!m_tick.isActive())
        m_tick.start(); // totals
}

// --- states ----------------------------------------------------------------------------------

void TransferQueue::setState(int row, TransferState state, const QString& error)
{
    TransferItem& item = m_items[row];
    item.error = error;
    const TransferState old = item.state;
    if (old != state) {
        item.state = state;
        m_batches.moved(item, old);
        if (state == TransferState::Queued)
            m_scanFrom = std::min(m_scanFrom, row);
    }
    if (state != TransferState::Running) {
        item.bytesPerSecond = 0;
        item.etaSeconds = -1;
    }
    markChanged(row);
    scheduleSave();
}

void TransferQueue::markChanged(int row)
{
    m_changedFirst = m_changedFirst < 0 ? row : std::min(m_changedFirst, row);
    m_changedLast = std::max(m_changedLast, row);
    if (!m_tick.isActive())
        m_tick.start();
}

template <typename Action> void TransferQueue::forEachRow(const QList<quint64>& ids, Action action)
{
    for (const quint64 id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            action(row, m_items[row]);
    }
    scheduleStart();
}

void TransferQueue::pause(const QList<quint64>& ids)
{
    forEachRow(ids, [this](int row, const TransferItem& item) {
        if (!item.canPause())
            return;
        stopRow(row, true);
        setState(row, TransferState::Paused);
    });
}

void TransferQueue::resume(const QList<quint64>& ids)
{
    forEachRow(ids, [this](int row, const TransferItem& item) {
        if (item.canResume())
            setState(row, TransferState::Queued);
    });
}

void TransferQueue::cancel(const QList<quint64>& ids)
{
    forEachRow(ids, [this](int row, const TransferItem& item) {
        if (!item.canCancel())
            return;
        if (m_running.contains(item.id)) {
            stopRow(row, false);
        } else if (item.state == TransferState::Paused || item.state == TransferState::Failed ||
                   item.done > 0) {
            // It ran before: an upload journal with parts on the server, or a partial file.
            TransferTask::discard(m_environment, item, this);
        }
        setState(row, TransferState::Cancelled);
    });
}

void TransferQueue::retry(const QList<quint64>& ids)
{
    forEachRow(ids, [this](int row, const TransferItem& item) {
        if (item.canRetry())
            setState(row, TransferState::Queued);
    });
}

void TransferQueue::overwrite(const QList<quint64>& ids)
{
    forEachRow(ids, [this](int row, TransferItem& item) {
        if (!item.canResolveNameClash())
            return;
        item.overwrite = true;
        setState(row, TransferState::Queued);
    });
}

void TransferQueue::skip(const QList<quint64>& ids)
{
    forEachRow(ids, [this](int row, const TransferItem& item) {
        if (item.canResolveNameClash())
            setState(row, TransferState::Skipped);
    });
}

void TransferQueue::removeFinished()
{
    // Bottom up, a contiguous range at a time, so rows above stay valid for the signals.
    int row = int(m_items.size()) - 1;
    bool removed = false;
    while (row >= 0) {
        if (!m_items.at(row).isFinished()) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && m_items.at(row - 1).isFinished())
            --row;
        Q_EMIT itemsAboutToBeRemoved(row, last);
        m_items.remove(row, last - row + 1);
        Q_EMIT itemsRemoved(row, last);
        removed = true;
        --row;
    }
    if (!removed)
        return;
    rebuildIndexes();
    // Row numbers moved: whatever was pending is covered by refreshing everything left.
    m_changedFirst = m_items.isEmpty() ? -1 : 0;
    m_changedLast = int(m_items.size()) - 1;
    scheduleSave();
    // The totals now, not at the next tick: rare, and what was removed must not linger there.
    m_totals = TransferTotals::of(m_items);
    Q_EMIT totalsChanged();
    if (!m_tick.isActive())
        m_tick.start();
}

// --- running ---------------------------------------------------------------------------------

void TransferQueue::scheduleStart()
{
    if (m_startPending)
        return;
    m_startPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_startPending = false;
            startWaiting();
        },
        Qt::QueuedConnection);
}

// Without the platform (or without the HealthOmics accounts for a read set) an item cannot run:
// it waits, queued, rather than failing (a window built before sign-in, say), and starts once
// a queue with a platform loads it.
bool TransferQueue::canStart(const TransferItem& item) const
{
    return item.readSet ? !m_environment.omics.isNull() : m_environment.api != nullptr;
}

// A file sent in one PutObject. Its size is the one seen when it was added (a resumed multipart
// upload has the size it started with); a file not found then fails at once, wherever it runs.
bool TransferQueue::isSingleRequestUpload(const TransferItem& item) const
{
    return item.isUpload() && !item.readSet && item.size >= 0 &&
           item.size < m_environment.upload.multipartThreshold;
}

// Two running transfers must never write the same object or file: such an item waits. A
// read-set upload writes no name of its own (duplicates are fine in a store), but two of the
// same files and name would share one journal.
QString TransferQueue::busyKey(const TransferItem& item)
{
    if (!item.isUpload())
        return u"d:"_s + item.localPath;
    if (item.readSet)
        return u"r:"_s + item.readSet->storeId + u'/' + item.name + u'\n' + item.localPath;
    return u"u:"_s + item.name;
}

void TransferQueue::startWaiting()
{
    if (!m_environment.api && !m_environment.omics)
        return;
    QSet<QString> busy;
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
        busy.insert(busyKey(m_items.at(rowOf(it.key()))));
    // Two kinds of slots (see TransferQueueSettings): small uploads in theirs run beside the
    // others, so a folder of small files never waits behind a large file, nor the other way.
    // A read set the service is processing holds no bytes in flight (it is polled now and then,
    // for minutes on the real service): it leaves its slot to the next transfer.
    int moving = 0;
    int single = 0;
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it) {
        const TransferItem& item = m_items.at(rowOf(it.key()));
        if (it->singleRequest)
            ++single;
        else if (!(item.readSet && item.readSet->isProcessing()))
            ++moving;
    }
    int firstHeldBack = -1;
    int row = m_scanFrom;
    for (; row < m_items.size() && (moving < m_maxConcurrent || single < m_maxSingleRequestUploads); ++row) {
        const TransferItem& item = m_items.at(row);
        if (item.state != TransferState::Queued)
            continue;
        const bool singleRequest = isSingleRequestUpload(item);
        const bool slotFree = singleRequest ? single < m_maxSingleRequestUploads : moving < m_maxConcurrent;
        const QString key = slotFree ? busyKey(item) : QString();
        if (!slotFree || busy.contains(key) || !canStart(item)) {
            if (firstHeldBack < 0)
                firstHeldBack = row;
            continue;
        }
        if (startRow(row)) {
            busy.insert(key);
            ++(singleRequest ? single : moving);
        }
    }
    m_scanFrom = firstHeldBack >= 0 ? std::min(firstHeldBack, row) : row;
}

// A download moves its file into place, then removes its partial file's journal, and only then
// can the queue save it as completed: the app stopped in between (a crash, a kill) finds the file
// it downloaded itself at the destination. That file is no name clash when the item was running,
// nothing of the download is left beside it, and it has the object's size (known once the
// server answered; the job checked size and CRC-64 before the move).
bool TransferQueue::finishedBeforeStop(const TransferItem& item) const
{
    return m_interrupted.contains(item.id) && !item.readSet && item.size >= 0 &&
           QFileInfo(item.localPath).size() == item.size &&
           !QFileInfo::exists(DownloadDestination::partialPathFor(item.localPath)) &&
           !QFileInfo::exists(DownloadDestination::journalPathFor(item.localPath));
}

bool TransferQueue::mayBeOwnFinishedDownload(const TransferItem& item)
{
    return !item.readSet && !QFileInfo::exists(DownloadDestination::partialPathFor(item.localPath)) &&
           !QFileInfo::exists(DownloadDestination::journalPathFor(item.localPath));
}

void TransferQueue::setNameExists(int row)
{
    const TransferItem& item = m_items.at(row);
    setState(row, TransferState::NameExists,
             tr("A file named %1 already exists in %2.").arg(item.name, QFileInfo(item.localPath).absolutePath()));
}

bool TransferQueue::startRow(int row)
{
    TransferItem& item = m_items[row];
    if (!item.isUpload() && !item.overwrite && QFileInfo::exists(item.localPath)) {
        if (finishedBeforeStop(item)) {
            qCInfo(lcQueue).noquote() << item.name << "was downloaded before the app stopped";
            item.done = item.size;
            setState(row, TransferState::Completed);
            return false;
        }
        // Finding 4b: a download that ended before the queue could save it as running (or with
        // its size) left only its file. Its job tells: a file with the object's size and CRC-64
        // is the download done, any other is refused as a name clash (onFinished).
        if (!mayBeOwnFinishedDownload(item)) {
            setNameExists(row);
            return false;
        }
    }
    if (item.readSet && item.isUpload()) {
        // Told again by the job (a resumed one follows its read set from the record).
        item.readSet->status.clear();
        item.readSet->statusMessage.clear();
    }
    auto* task = new TransferTask(m_environment, item, this);
    const quint64 id = item.id;
    connect(task, &TransferTask::progress, this,
            [this, id](qint64 done, qint64 total) { onProgress(id, done, total); });
    connect(
        task, &TransferTask::finished, this,
        [this, id](const ApiError& error, const QString& objectName) { onFinished(id, error, objectName); });
    connect(task, &TransferTask::readSetStatus, this,
            [this, id](const QString& readSetId, const QString& status) {
                onReadSetStatus(id, readSetId, status, {});
            });
    connect(task, &TransferTask::notice, this, [this, id](const QString& note) {
        const int at = rowOf(id);
        if (at >= 0 && m_items.at(at).readSet)
            onReadSetStatus(id, {}, {}, note);
        else
            Q_EMIT notice(note);
    });
    Running running;
    running.task = task;
    running.singleRequest = isSingleRequestUpload(item);
    running.rate.add(m_clock.elapsed(), item.done);
    m_running.insert(id, running);
    setState(row, TransferState::Running);
    task->start();
    return true;
}

void TransferQueue::stopRow(int row, bool keepForResume)
{
    const auto it = m_running.find(m_items.at(row).id);
    if (it == m_running.end())
        return;
    TransferTask* task = it->task;
    m_running.erase(it);
    if (keepForResume)
        task->pause();
    else
        task->cancel();
    task->deleteLater();
}

void TransferQueue::onProgress(quint64 id, qint64 done, qint64 total)
{
    const int row = rowOf(id);
    if (row < 0 || !m_running.contains(id))
        return;
    TransferItem& item = m_items[row];
    item.done = done;
    if (total >= 0)
        item.size = total;
    Running& running = m_running[id];
    // A job's first reports give where it starts (the bytes kept from an earlier run, once it
    // has read its journal or partial file): a jump there is not speed.
    if (++running.reports <= 2) {
        running.rate.reset();
        running.rate.add(m_clock.elapsed(), done);
    }
    markChanged(row); // shown at the next tick, never per byte
}

void TransferQueue::onFinished(quint64 id, const ApiError& error, const QString& objectName)
{
    const auto it = m_running.find(id);
    const int row = rowOf(id);
    if (it == m_running.end() || row < 0)
        return;
    it->task->deleteLater();
    m_running.erase(it);
    TransferItem& item = m_items[row];
    if (item.readSet) {
        onReadSetFinished(row, error, objectName);
        scheduleStart();
        return;
    }
    if (!error) {
        if (item.size >= 0)
            item.done = item.size;
        if (item.isUpload()) {
            item.objectName = objectName;
            setUploadDestination(objectName.section(u'/', 0, -2));
        }
        setState(row, TransferState::Completed);
    } else if (!item.isUpload() && DownloadDestination::isNameTaken(error, item.localPath)) {
        setNameExists(row);
    } else if (error.kind() == ApiError::Kind::Http && error.httpStatus() == 409) {
        setState(row, TransferState::NameExists,
                 tr("An object named %1 already exists in the destination.").arg(item.name));
    } else {
        qCInfo(lcQueue).noquote() << item.name << "failed:" << error.fullText();
        setState(row, TransferState::Failed, error.fullText());
    }
    scheduleStart();
}

void TransferQueue::onReadSetStatus(quint64 id, const QString& readSetId, const QString& status,
                                    const QString& note)
{
    const int row = rowOf(id);
    if (row < 0 || !m_running.contains(id) || !m_items.at(row).readSet)
        return;
    ReadSetTransfer& r = *m_items[row].readSet;
    if (!readSetId.isEmpty())
        r.readSetId = readSetId;
    const bool wasProcessing = r.isProcessing();
    if (!status.isEmpty()) {
        r.status = status;
        r.statusMessage.clear();
    }
    if (!note.isEmpty())
        r.note = note;
    if (r.isProcessing() && !wasProcessing)
        scheduleStart(); // its slot is free for the next transfer
    markChanged(row);
    scheduleSave(); // the read set's id: what a person looks for after a restart
}

void TransferQueue::onReadSetFinished(int row, const ApiError& error, const QString& readSetId)
{
    TransferItem& item = m_items[row];
    ReadSetTransfer& r = *item.readSet;
    if (!readSetId.isEmpty() && item.isUpload())
        r.readSetId = readSetId;
    if (!error) {
        if (item.size >= 0)
            item.done = item.size;
        if (item.isUpload() && r.status.isEmpty())
            r.status = u"ACTIVE"_s;
        setState(row, TransferState::Completed);
        if (item.isUpload())
            Q_EMIT readSetSettled(r.account, r.storeId, r.readSetId, true);
        return;
    }
    qCInfo(lcQueue).noquote() << item.name << "failed:" << error.fullText();
    // The sentence itself where there is one (the service's errors say what to fix; a usage
    // error's detail is the sentence): ApiError::message() of the other kinds speaks of "the
    // platform", which a HealthOmics transfer is not.
    QString message = error.fullText();
    if (error.kind() == ApiError::Kind::Service)
        message = error.message();
    else if (error.kind() == ApiError::Kind::Usage && !error.detail().isEmpty())
        message = error.detail();
    if (item.isUpload() && error.serviceCode() == u"UPLOAD_FAILED"_s) {
        r.status = u"UPLOAD_FAILED"_s;
        r.statusMessage = error.apiMessage();
        setState(row, TransferState::Failed, message);
        if (!r.readSetId.isEmpty())
            Q_EMIT readSetSettled(r.account, r.storeId, r.readSetId, false);
        return;
    }
    setState(row, TransferState::Failed, message);
}

// --- figures ---------------------------------------------------------------------------------

void TransferQueue::tick()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        const int row = rowOf(it.key());
        TransferItem& item = m_items[row];
        it->rate.add(now, item.done);
        // A read set the service is processing moves no bytes: no speed, and no time left
        // that anything here could tell.
        const bool processing = item.readSet && item.readSet->isProcessing();
        item.bytesPerSecond = processing ? 0 : it->rate.bytesPerSecond();
        item.etaSeconds = item.size >= 0 && !processing ? it->rate.etaSeconds(item.size - item.done) : -1;
        markChanged(row);
    }
    if (m_changedFirst >= 0) {
        const int first = m_changedFirst;
        const int last = std::min(m_changedLast, int(m_items.size()) - 1);
        m_changedFirst = m_changedLast = -1; // before the signal: a slot may change rows again
        if (first <= last)
            Q_EMIT itemsChanged(first, last);
    }
    m_totals = TransferTotals::of(m_items);
    Q_EMIT totalsChanged();
    // Now and then the bytes done, so that a restart shows where things stood.
    if (!m_running.isEmpty() && now - m_progressSavedAt >= kProgressSaveIntervalMs) {
        m_progressSavedAt = now;
        scheduleSave();
    }
    for (const TransferBatchSummary& batch : m_batches.takeEnded())
        Q_EMIT batchFinished(batch);
    if (m_running.isEmpty() && m_changedFirst < 0)
        m_tick.stop();
}

// --- destination -----------------------------------------------------------------------------

void TransferQueue::refreshUploadDestination()
{
    if (!m_environment.credentials)
        return;
    m_environment.credentials->acquire(this, false, [this](const Result<UploadTarget>& target) {
        if (target.ok())
            setUploadDestination(target->destination);
    });
}

void TransferQueue::setUploadDestination(const QString& destination)
{
    if (destination.isEmpty() || destination == m_uploadDestination)
        return;
    m_uploadDestination = destination;
    Q_EMIT uploadDestinationChanged(destination);
}

} // namespace bge
