#include "transfertask.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/omicsconnections.h"
#include "omics/readsetuploadrecord.h"
#include "transfer/uploadjournal.h"

#include <QCoreApplication>
#include <QFile>

namespace bge {

using namespace Qt::StringLiterals;

QNetworkAccessManager* TransferEnvironment::network() const
{
    return api && api->connection() ? api->connection()->network() : nullptr;
}

TransferTask::TransferTask(const TransferEnvironment& environment, const TransferItem& item, QObject* parent)
    : QObject(parent), m_environment(environment), m_item(item)
{
}

TransferTask::~TransferTask()
{
    stopJob();
}

void TransferTask::failLater(const ApiError& error)
{
    // Reported like any failure: asynchronously, so the queue never re-enters itself.
    QMetaObject::invokeMethod(
        this, [this, error] { Q_EMIT finished(error, {}); }, Qt::QueuedConnection);
}

void TransferTask::start()
{
    if (m_job)
        return;
    if (m_item.readSet) {
        if (!m_environment.omics) {
            failLater(
                ApiError::usage(tr("HealthOmics accounts are not available here, so the read set cannot be "
                                   "transferred.")));
            return;
        }
        // The account is looked up now, not when the item was queued: it may have been removed
        // or changed since (and after a restart this is the first time).
        const Result<omics::OmicsConnection*> connection =
            m_environment.omics->connection(m_item.readSet->account);
        if (!connection) {
            failLater(connection.error());
            return;
        }
        if (m_item.isUpload())
            startReadSetUpload(connection.value());
        else
            startReadSetDownload(connection.value());
        return;
    }
    if (!m_environment.network() || (m_item.isUpload() && !m_environment.credentials)) {
        // Reported like any failure: asynchronously, so the queue never re-enters itself.
        QMetaObject::invokeMethod(
            this,
            [this] { Q_EMIT finished(ApiError::authentication(u"no connection to the platform"_s), {}); },
            Qt::QueuedConnection);
        return;
    }
    if (m_item.isUpload())
        startUpload();
    else
        startDownload();
}

UploadOptions TransferTask::uploadOptions(const TransferEnvironment& environment, const TransferItem& item)
{
    UploadOptions options = environment.upload;
    options.filePath = item.localPath;
    options.objectFileName = item.name;
    options.overwrite = item.overwrite;
    return options;
}

void TransferTask::startUpload()
{
    auto* job = new UploadJob(m_environment.network(), m_environment.credentials,
                              uploadOptions(m_environment, m_item));
    if (m_environment.connections)
        job->shareConnections(m_environment.connections);
    m_job = job;
    connect(job, &UploadJob::progress, this, &TransferTask::progress);
    connect(job, &UploadJob::notice, this, &TransferTask::notice);
    job->run(this, [this](const Result<UploadResult>& result) {
        m_job = nullptr; // finished: it deletes itself
        Q_EMIT finished(result.error(), result.ok() ? result->objectName : QString());
    });
}

void TransferTask::startDownload()
{
    DownloadOptions options = m_environment.download;
    options.overwrite = m_item.overwrite;
    auto* job = new DownloadJob(m_environment.api, m_item.objectName, m_item.localPath, options);
    m_job = job;
    connect(job, &DownloadJob::progress, this, &TransferTask::progress);
    job->run(this, [this](const Result<DownloadResult>& result) {
        m_job = nullptr;
        Q_EMIT finished(result.error(), m_item.objectName);
    });
}

omics::ReadSetUploadOptions TransferTask::readSetUploadOptions(const TransferEnvironment& environment,
                                                               const TransferItem& item)
{
    omics::ReadSetUploadOptions options = environment.readSetUpload;
    if (options.journalDirectory.isEmpty())
        options.journalDirectory = environment.upload.journalDirectory;
    if (!item.readSet)
        return options;
    const ReadSetTransfer& r = *item.readSet;
    options.storeId = r.storeId;
    options.files = QStringList{item.localPath};
    if (r.isPair())
        options.files.append(r.secondFile);
    options.fileType = r.fileType;
    options.subjectId = r.subjectId;
    options.sampleId = r.sampleId;
    options.name = item.name;
    options.referenceArn = r.referenceArn;
    options.description = r.description;
    options.generatedFrom = r.generatedFrom;
    options.tags = r.tags;
    return options;
}

omics::ReadSetDownloadOptions TransferTask::readSetDownloadOptions(const TransferEnvironment& environment,
                                                                   const TransferItem& item)
{
    omics::ReadSetDownloadOptions options = environment.readSetDownload;
    options.destination = item.localPath;
    options.overwrite = item.overwrite;
    if (item.readSet) {
        options.storeId = item.readSet->storeId;
        options.readSetId = item.readSet->readSetId;
        options.file = item.readSet->file;
    }
    return options;
}

void TransferTask::startReadSetUpload(omics::OmicsConnection* connection)
{
    using omics::ReadSetUploadJob;
    const omics::ReadSetUploadOptions options = readSetUploadOptions(m_environment, m_item);
    auto* job = new ReadSetUploadJob(connection, options);
    m_job = job;
    connect(job, &ReadSetUploadJob::progress, this, &TransferTask::progress);
    connect(job, &ReadSetUploadJob::processing, this, &TransferTask::readSetStatus);
    connect(job, &ReadSetUploadJob::notice, this, &TransferTask::notice);
    // Complete named the read set: the job says so only through its record (its first
    // processing() comes a poll later, and never if the read set is ACTIVE at once).
    const QString recordFile = ReadSetUploadJob::recordFileFor(options);
    connect(job, &ReadSetUploadJob::commitPoint, this,
            [this, recordFile](omics::ReadSetUploadRecord::State state) {
                if (state != omics::ReadSetUploadRecord::State::Completed)
                    return;
                const std::optional<omics::ReadSetUploadRecord> record =
                    omics::ReadSetUploadRecord::load(recordFile);
                if (record && !record->readSetId.isEmpty())
                    Q_EMIT readSetStatus(record->readSetId, u"PROCESSING_UPLOAD"_s);
            });
    job->run(this, [this](const Result<omics::ReadSetUploadResult>& result) {
        m_job = nullptr;
        if (!result) {
            Q_EMIT finished(result.error(), {});
            return;
        }
        const QString status = result->metadata ? result->metadata->readSet.status : u"ACTIVE"_s;
        Q_EMIT readSetStatus(result->readSetId, status);
        Q_EMIT finished({}, result->readSetId);
    });
}

void TransferTask::startReadSetDownload(omics::OmicsConnection* connection)
{
    using omics::ReadSetDownloadJob;
    auto* job = new ReadSetDownloadJob(connection, readSetDownloadOptions(m_environment, m_item));
    m_job = job;
    connect(job, &ReadSetDownloadJob::progress, this, &TransferTask::progress);
    job->run(this, [this](const Result<omics::ReadSetDownloadResult>& result) {
        m_job = nullptr;
        Q_EMIT finished(result.error(), m_item.readSet->readSetId);
    });
}

void TransferTask::stopJob()
{
    // Destroying a job is the stop that keeps everything: an upload leaves its journal and the
    // server's parts (no AbortMultipartUpload), a download its partial file and journal.
    delete m_job.data();
    m_job = nullptr;
}

void TransferTask::pause()
{
    stopJob();
}

void TransferTask::cancel()
{
    if (JobBase* job = m_job.data()) {
        m_job = nullptr;
        disconnect(job, nullptr, this, nullptr); // no finished() for a cancelled task
        job->abort(); // an upload aborts its multipart upload; a download releases its files
    }
    // The parent (the queue) outlives this task: the discard waits for credentials.
    discard(m_environment, m_item, parent() ? parent() : QCoreApplication::instance());
}

void TransferTask::discard(const TransferEnvironment& environment, const TransferItem& item, QObject* context)
{
    if (item.readSet && item.isUpload()) {
        discardReadSetUpload(environment, item);
    } else if (item.isUpload()) {
        // Also when a job was running: it may not have read the journal of an earlier run yet.
        if (environment.network() && environment.credentials)
            UploadJob::discardSaved(environment.network(), environment.credentials,
                                    uploadOptions(environment, item), context);
    } else {
        removePartialDownload(item.localPath);
    }
}

// What a stopped read-set upload leaves: the engine's journal (the upload and its parts) and
// the job's record (the upload between Create and the journal's first save, or the one being
// completed). Both uploads are aborted on the server and both files removed, except a record
// of a completed upload: that read set exists, and the record makes a later upload of the
// same files follow it instead of making a second one.
void TransferTask::discardReadSetUpload(const TransferEnvironment& environment, const TransferItem& item)
{
    if (!environment.omics)
        return;
    const Result<omics::OmicsConnection*> connection = environment.omics->connection(item.readSet->account);
    if (!connection)
        return; // nothing can be aborted: what is left expires on the server
    const omics::ReadSetUploadOptions options = readSetUploadOptions(environment, item);
    QStringList uploadIds;
    const QString journalFile = omics::ReadSetUploadJob::journalFileFor(options);
    if (const std::optional<UploadJournal> journal = UploadJournal::load(journalFile)) {
        if (!journal->uploadId.isEmpty())
            uploadIds.append(journal->uploadId);
    }
    const QString recordFile = omics::ReadSetUploadJob::recordFileFor(options);
    if (const std::optional<omics::ReadSetUploadRecord> record =
            omics::ReadSetUploadRecord::load(recordFile)) {
        if (record->state != omics::ReadSetUploadRecord::State::Completed) {
            if (!record->uploadId.isEmpty() && !uploadIds.contains(record->uploadId))
                uploadIds.append(record->uploadId);
            omics::ReadSetUploadRecord::remove(recordFile);
        }
    }
    // Detached: each job deletes itself once answered (OmicsCall retries passing faults).
    for (const QString& uploadId : std::as_const(uploadIds))
        omics::OmicsApi(connection.value()).abortUpload(options.storeId, uploadId)->start();
    UploadJournal::remove(journalFile);
}

void TransferTask::removePartialDownload(const QString& destination)
{
    QFile::remove(DownloadJob::partialPathFor(destination));
    QFile::remove(DownloadJob::journalPathFor(destination));
}

} // namespace bge
