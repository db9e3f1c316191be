#pragma once

#include "api/job.h"
#include "api/retrypolicy.h"
#include "ossrequest.h"
#include "uploadcredentials.h"
#include "uploadjournal.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>

#include <memory>

class QNetworkAccessManager;

namespace bge {

class ConnectionPool;
class FileBodyRequest;
class FileWindowDevice;

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
};

// Uploads one file to <destination>/<file name>: PutObject below the threshold, multipart
// (Initiate, parallel UploadPart, Complete) from it. Every part and the whole object are
// checked against OSS's CRC-64; multipart uploads resume from their journal; abort() aborts
// the multipart upload on the server; credentials are renewed before they expire.
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
    // Gives up for good an upload a destroyed job left to resume (a paused upload cancelled):
    // aborts the multipart upload its journal names on the server and removes the journal.
    // Nothing to do without a journal. Fire and forget; nothing happens once `context` is gone.
    static void discardSaved(QNetworkAccessManager* network, UploadCredentials* credentials,
                             const UploadOptions& options, QObject* context);

Q_SIGNALS:
    // Bytes acknowledged or in flight, at most five times a second (and once at the end).
    void progress(qint64 done, qint64 total);

protected:
    void doStart() override;
    void doAbort() override;

private:
    struct Call;
    struct PartState;

    void fail(const ApiError& error);
    void withCredentials(std::function<void()> then);
    void renewCredentials();
    void send(std::shared_ptr<Call> call);
    void sendDirect(std::shared_ptr<Call> call, const QNetworkRequest& request, FileWindowDevice* device);
    void finishCall(std::shared_ptr<Call> call, const OssReply& r, FileWindowDevice* device);
    void partProgress(int key, qint64 sent);
    void checkName();
    void putObject(int attempt);
    void startMultipart();
    void initiate();
    void listParts(const QString& marker, QList<UploadJournal::Part> serverParts);
    void resumeWith(const QList<UploadJournal::Part>& serverParts);
    void pumpParts();
    void uploadPart(int number, int attempt);
    void completeUpload();
    void verifyByHead(const QString& etag);
    void failDamaged(const QString& detail);
    bool fileChanged() const;
    void failChangedFile();
    bool saveJournal(bool force = true);
    void flushJournal(); // saves parts not saved yet (the throttle held them), errors ignored
    void dropJournal();
    void reportProgress(bool force);
    quint64 combinedCrc() const;
    void stopRequests();

    QNetworkAccessManager* m_network;
    UploadCredentials* m_credentials;
    UploadOptions m_options;

    std::optional<UploadTarget> m_target;
    QDateTime m_targetObtained;
    bool m_renewing = false;
    bool m_targetStale = false; // OSS refused these credentials as expired
    QList<std::function<void()>> m_waitingForCredentials;

    QString m_objectName;
    qint64 m_size = 0;
    qint64 m_mtimeMs = 0;
    QString m_journalFile;
    UploadJournal m_journal;
    QList<int> m_pendingParts;
    QHash<int, qint64> m_inFlightBytes;
    int m_partCount = 0;
    qint64 m_doneBytes = 0;
    int m_partsSent = 0;
    bool m_resumed = false;
    bool m_completing = false;

    QSet<QNetworkReply*> m_replies;
    QPointer<QNetworkReply> m_initiating; // the InitiateMultipartUpload in flight, if any
    QSet<FileBodyRequest*> m_directRequests;
    ConnectionPool* m_connections = nullptr; // kept-alive connections for the bodies
    bool m_directSockets = true;
    QElapsedTimer m_progressClock;
    QElapsedTimer m_journalClock;
    bool m_journalDirty = false; // parts finished since the last save
};

} // namespace bge
