#include "transfertask.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"

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

void TransferTask::start()
{
    if (m_job)
        return;
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
    m_job = job;
    connect(job, &UploadJob::progress, this, &TransferTask::progress);
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
    if (item.isUpload()) {
        // Also when a job was running: it may not have read the journal of an earlier run yet.
        if (environment.network() && environment.credentials)
            UploadJob::discardSaved(environment.network(), environment.credentials,
                                    uploadOptions(environment, item), context);
    } else {
        removePartialDownload(item.localPath);
    }
}

void TransferTask::removePartialDownload(const QString& destination)
{
    QFile::remove(DownloadJob::partialPathFor(destination));
    QFile::remove(DownloadJob::journalPathFor(destination));
}

} // namespace bge
