#pragma once

#include "api/apierror.h"
#include "downloadjob.h"
#include "transferitem.h"
#include "uploadjob.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace bge {

class PlatformApi;
class UploadCredentials;

// What a queue's transfers run with: the platform (downloads sign their URLs through it), the
// upload credentials, and the options every job starts from (an item fills in its own file,
// name and overwrite choice).
struct TransferEnvironment
{
    PlatformApi* api = nullptr;
    UploadCredentials* credentials = nullptr;
    UploadOptions upload;
    DownloadOptions download;

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

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // `objectName`: the object written (upload) or read (download). Emitted once, unless paused
    // or cancelled before.
    void finished(const bge::ApiError& error, const QString& objectName);

private:
    void startUpload();
    void startDownload();
    void stopJob();
    static UploadOptions uploadOptions(const TransferEnvironment& environment, const TransferItem& item);
    static void removePartialDownload(const QString& destination);

    TransferEnvironment m_environment;
    TransferItem m_item;
    QPointer<JobBase> m_job;
};

} // namespace bge
