#pragma once

#include "api/apierror.h"
#include "downloadjob.h"
#include "omics/readsetdownloadjob.h"
#include "omics/readsetuploadjob.h"
#include "transferitem.h"
#include "uploadjob.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace bge {

class ConnectionPool;
class PlatformApi;
class UploadCredentials;
namespace omics {
class OmicsConnections;
}

// What a queue's transfers run with: the platform (downloads sign their URLs through it), the
// upload credentials, the HealthOmics accounts (read-set items name one), and the options every
// job starts from (an item fills in its own files, names, read-set fields and overwrite choice).
struct TransferEnvironment
{
    PlatformApi* api = nullptr;
    UploadCredentials* credentials = nullptr;
    // Kept connections the uploads share; it outlives every task. None: each has its own.
    ConnectionPool* connections = nullptr;
    QPointer<omics::OmicsConnections> omics;
    UploadOptions upload;
    DownloadOptions download;
    // Only the technical fields count (journal folder, part size, parallelism, polling).
    omics::ReadSetUploadOptions readSetUpload;
    omics::ReadSetDownloadOptions readSetDownload;

    QNetworkAccessManager* network() const;
};

// The job behind one running queue item, with the same three ways to end for uploads and
// downloads: finished, paused (what is done stays for a resume: the upload journal and the
// server's parts, the partial download) or cancelled (nothing stays: the multipart upload is
// aborted on the server, the partial download deleted).
class TransferTask final : public QObject
{
    Q_OBJECT
public:
    TransferTask(const TransferEnvironment& environment, const TransferItem& item, QObject* parent = nullptr);
    // Like pause(): a queue shutting down leaves everything to resume at the next start.
    ~TransferTask() override;

    void start();
    // Stops at once; finished() is not emitted.
    void pause();
    void cancel();

    // cancel() for an item with no task (paused or failed earlier): drops what it left behind.
    static void discard(const TransferEnvironment& environment, const TransferItem& item, QObject* context);

    // What a read-set item runs with: its fields on the environment's technical options.
    static omics::ReadSetUploadOptions readSetUploadOptions(const TransferEnvironment& environment,
                                                            const TransferItem& item);
    static omics::ReadSetDownloadOptions readSetDownloadOptions(const TransferEnvironment& environment,
                                                                const TransferItem& item);

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // `objectName`: the object written (upload) or read (download). Emitted once, unless paused
    // or cancelled before.
    void finished(const bge::ApiError& error, const QString& objectName);
    // A read-set upload: Complete named the read set, or the service's status of it changed
    // (PROCESSING_UPLOAD, ACTIVATING; ACTIVE just before finished()).
    void readSetStatus(const QString& readSetId, const QString& status);
    // The upload found what an earlier run left, or had to send the file again (a read set:
    // an earlier run's upload; an object: an assembly the storage damaged). Translated.
    void notice(const QString& message);

private:
    void startUpload();
    void startDownload();
    void startReadSetUpload(omics::OmicsConnection* connection);
    void startReadSetDownload(omics::OmicsConnection* connection);
    void failLater(const ApiError& error);
    static void discardReadSetUpload(const TransferEnvironment& environment, const TransferItem& item);
    void stopJob();
    static UploadOptions uploadOptions(const TransferEnvironment& environment, const TransferItem& item);
    static void removePartialDownload(const QString& destination);

    TransferEnvironment m_environment;
    TransferItem m_item;
    QPointer<JobBase> m_job;
};

} // namespace bge
