#pragma once

#include "api/job.h"
#include "api/retrypolicy.h"
#include "objectmatch.h"
#include "ossrequest.h"
#include "uploadcredentials.h"
#include "uploadjournal.h"

#include <QElapsedTimer>

#include <memory>

class QNetworkAccessManager;

namespace bge {

class ConnectionPool;
class MultipartEngine;
class OssMultipartAdapter;
class OssUploadConnection;

struct UploadOptions
{
    QString filePath;
    QString objectFileName;               // defaults to the file's name; never a path
    bool overwrite = false;               // otherwise an existing object is refused (409 FileAlreadyExists)
    qint64 multipartThreshold = 100LL * 1024 * 1024; // the platform SDK's: 100 MiB and above go multipart
    qint64 partSize = 0;                  // 0: chosen from the file size (partSizeFor)
    int parallelism = 4;
    OssSignatureVersion signature = OssSignatureVersion::V4;
    QString journalDirectory;             // empty: UploadJournal::defaultDirectory()
    RetryPolicy retry{6, 500, 8000};
};

struct UploadResult
{
    QString objectName;
    qint64 size = 0;
    quint64 crc64 = 0;
    QString etag;
    int partsSent = 0;    // parts (or the single PutObject) this job sent successfully
    bool resumed = false; // continued a multipart upload from its journal
    // The destination already held an object of the file's size and CRC-64 (an earlier run
    // stored it, then died before it could say so): nothing was sent.
    bool alreadyUploaded = false;
};

// Uploads one file to <destination>/<file name>: PutObject below the threshold, multipart
// (Initiate, parallel UploadPart, Complete) from it. Every part and the whole object are
// checked against OSS's CRC-64; multipart uploads resume from their journal; abort() aborts
// the multipart upload on the server; credentials are renewed before they expire.
// The multipart upload itself is MultipartEngine (protocol-neutral) with OssMultipartAdapter;
// this class adds what only OSS has: the name check, the single PutObject, the STS target.
// Without overwrite, an object already at the key that is the file (size and CRC-64, see
// ObjectMatch) is no clash: before the upload it makes the upload needless (alreadyUploaded),
// and after a write refused with FileAlreadyExists it is this job's own, stored by an attempt
// whose reply was lost.
class UploadJob final : public Job<UploadResult>
{
    Q_OBJECT
public:
    UploadJob(QNetworkAccessManager* network, UploadCredentials* credentials, UploadOptions options,
              QObject* parent = nullptr);
    // Destroying a running job stops its requests but leaves the server's parts and the
    // journal: the next job for the same file resumes (what a crash leaves behind).
    ~UploadJob() override;

    // 8 MiB, grown so that the file fits in 10000 parts (rounded up to whole MiB), at most 5 GiB.
    static qint64 partSizeFor(qint64 fileSize);
    // Kept-alive connections shared with the other uploads of a batch (see
    // OssUploadConnection::shareConnections); `pool` must outlive the job. Before start().
    void shareConnections(ConnectionPool* pool);
    // Gives up for good an upload a destroyed job left to resume (a paused upload cancelled):
    // aborts the multipart upload its journal names on the server and removes the journal.
    // Nothing to do without a journal. Fire and forget; nothing happens once `context` is gone.
    static void discardSaved(QNetworkAccessManager* network, UploadCredentials* credentials,
                             const UploadOptions& options, QObject* context);

Q_SIGNALS:
    // Bytes acknowledged or in flight, at most five times a second (and once at the end).
    void progress(qint64 done, qint64 total);
    // One translated line for the person about something the job did on its own (a damaged
    // object of its own replaced).
    void notice(const QString& text);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void fail(const ApiError& error);
    void checkName();
    void alreadyUploaded(const ObjectMatch& match);
    void resolveRefusal(OssUploadConnection* connection, const ApiError& refusal, int partsSent,
                        const QString& journalFile = {},
                        const QList<UploadJournal::Part>& completedParts = {});
    ApiError nameClash() const;
    QList<UploadJournal::Part> completingParts(const QString& journalFile) const;
    void replaceOwnDamaged(OssUploadConnection* connection, const ObjectMatch& match,
                           const QList<UploadJournal::Part>& completedParts, const QString& journalFile);
    void afterDamagedAssembly(const ApiError& error);
    std::unique_ptr<OssUploadConnection> newConnection();
    void connectAfresh();
    OssUploadConnection* connectionAfterEngine();
    void uploadAfresh();
    void putObject(int attempt);
    void startMultipart();
    bool fileChanged() const;
    void failChangedFile();
    void reportProgress(qint64 done, bool force);

    QNetworkAccessManager* m_network;
    UploadOptions m_options;
    QString m_objectName;
    qint64 m_size = 0;
    qint64 m_mtimeMs = 0;
    QElapsedTimer m_progressClock;
    int m_damagedAssemblies = 0; // objects of this job's Completes found damaged and deleted

    // Declared in this order so that the engine goes first (it stops the adapter, which
    // stops the connection's requests).
    std::unique_ptr<OssUploadConnection> m_connection;
    std::unique_ptr<OssMultipartAdapter> m_adapter;
    std::unique_ptr<MultipartEngine> m_engine;
    // For the look at the object after the engine failed: the engine stops m_connection for good.
    std::unique_ptr<OssUploadConnection> m_afterEngine;
    UploadCredentials* m_credentials;
    ConnectionPool* m_sharedConnections = nullptr;
};

} // namespace bge
