#pragma once

#include "api/job.h"
#include "api/records/tokens.h"
#include "api/retrypolicy.h"
#include "downloaddestination.h"
#include "downloadjournal.h"
#include "oss/crc64.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkReply;

namespace bge {

class PlatformApi;

struct DownloadOptions
{
    // An existing destination is never replaced unless this is set (then atomically).
    bool overwrite = false;
    QString region = QStringLiteral("domestic");
    int urlLifetimeSeconds = 3600;
    // Inactivity limit of one GET: no byte for this long fails the attempt (then retried).
    int stallTimeoutMs = 60000;
    // Consecutive failed attempts allowed; an attempt that received bytes resets the count,
    // because the next one resumes after them.
    RetryPolicy retry;
    // A URL the caller already holds; signed again through /oss/sign_url when it expires.
    std::optional<DownloadUrl> presignedUrl;
};

struct DownloadResult
{
    QString path; // the destination, complete and verified
    qint64 size = 0;
    quint64 crc64 = 0;          // of the bytes on disk
    bool crc64Verified = false; // false only when the server sent no x-oss-hash-crc64ecma
    QByteArray etag;
    qint64 resumedFrom = 0;  // bytes of an earlier partial download kept (0: from scratch)
    qint64 bytesFetched = 0; // body bytes received over the network by this job
    int attempts = 0;        // GET requests sent
    int urlsSigned = 0;      // /oss/sign_url calls made
    // The destination was already there with the object's size and CRC-64 (a run stopped after
    // moving its file into place, before it could say so): nothing was fetched or written.
    bool alreadyDownloaded = false;
};

// Downloads one object through a presigned URL into `<destination>.bgepart`, resuming a
// partial file left by an earlier job with `Range: bytes=<size>-`, then verifies size and
// CRC-64 and renames it onto the destination. Streams to disk as data arrives (memory stays
// flat). Transport errors, time-outs and 5xx are retried with capped exponential backoff,
// continuing after the bytes already written; an expired signature gets a new URL.
// An existing destination (not overwritten) with nothing of a download beside it is checked
// first: when its size and CRC-64 are the object's, the download is already done
// (alreadyDownloaded); otherwise the job refuses the name (DownloadDestination::nameTaken).
// On a CRC mismatch the partial file is deleted and the job fails (Malformed); on cancel or
// a network failure it stays, with its journal, for a later job to resume.
class DownloadJob final : public Job<DownloadResult>
{
    Q_OBJECT
public:
    DownloadJob(PlatformApi* api, QString objectName, QString destination, DownloadOptions options = {},
                QObject* parent = nullptr);
    ~DownloadJob() override;

    static QString partialPathFor(const QString& destination);
    static QString journalPathFor(const QString& destination);

Q_SIGNALS:
    // Bytes on disk (kept from a resume included) and the object's size (-1 until known).
    // At most five a second, plus one when the download completes.
    void progress(qint64 done, qint64 total);

protected:
    void doStart() override;
    void doAbort() override;

private:
    ApiError prepare();
    bool mayBeDoneAlready() const;
    void onProbeHeaders(QNetworkReply* reply, int status, std::optional<quint64> crc);
    void adoptOrRefuse();
    void hashPartialStep();
    bool tryFinishWithoutNetwork();
    void ensureUrl();
    void sendAttempt();
    void onReadyRead();
    void onReplyFinished();
    void onReplyDestroyed();
    bool checkHeaders(QNetworkReply* reply);
    void drain(QNetworkReply* reply);
    // Appends to the partial file; a full disk (or a file-size limit) ends the job with a
    // sentence that says so, the partial file kept for the resume.
    ApiError writePart(const char* data, qint64 size);
    void stopAttempt(const ApiError& hardFailure);
    void restartFromScratch(const QString& why);
    void retryOrFail(const ApiError& error);
    void finishDownload();
    void finishSynced();
    void discardPartial();
    void truncatePartial();
    void releaseResources();
    void removeEmptyPartial();
    void fail(const ApiError& error);
    void emitProgress(bool force);
    QString context() const;

    PlatformApi* m_api;
    QString m_objectName;
    QString m_destination;
    DownloadDestination m_target; // the partial file's lock, checks and move into place
    DownloadOptions m_options;

    QFile m_part;
    std::unique_ptr<QFile> m_hashing; // the partial file read back for its CRC before resuming
    DownloadJournal m_journal;
    bool m_haveJournal = false;
    oss::Crc64 m_crc;
    qint64 m_written = 0; // bytes in the partial file, all covered by m_crc
    qint64 m_writebackFrom = 0; // bytes before this one were handed to the disk (startWriteback)
    qint64 m_total = -1;
    std::optional<quint64> m_serverCrc;

    QUrl m_url; // a bearer credential: never logged
    QDateTime m_urlExpires;
    QPointer<JobBase> m_signJob;
    QNetworkReply* m_reply = nullptr;
    QTimer m_retryTimer;
    QElapsedTimer m_progressClock;

    // The attempt in flight.
    qint64 m_requestedFrom = 0;
    qint64 m_attemptBytes = 0;
    bool m_headersChecked = false;
    int m_errorStatus = 0;
    QByteArray m_errorBody;
    std::optional<ApiError> m_hardFailure; // found while reading: ends the job, no retry
    bool m_restartPending = false;
    QString m_restartReason;

    int m_consecutiveFailures = 0;
    int m_resigns = 0;
    int m_restarts = 0;
    DownloadResult m_result;

    // Checking an existing destination: the attempt asks for one byte, for the headers only.
    bool m_probing = false;
    bool m_probeAnswered = false;
    QPointer<JobBase> m_crcJob;
};

} // namespace bge
