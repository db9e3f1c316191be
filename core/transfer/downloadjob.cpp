#include "downloadjob.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "downloadresponse.h"
#include "filecrc64job.h"
#include "net/tlsrefusal.h"
#include "net/transportpolicy.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cerrno>

namespace bge {

using namespace Qt::StringLiterals;
namespace dr = downloadresponse;

Q_LOGGING_CATEGORY(lcDownload, "bge.transfer.download", QtInfoMsg)

namespace {

constexpr qint64 kReadChunk = 256 * 1024;
// Bytes Qt may hold for us beyond what we have written: the socket is not read further
// while this is full, so a slow disk slows the download instead of filling memory.
constexpr qint64 kReplyBuffer = 1024 * 1024;
constexpr qint64 kHashStep = 4 * 1024 * 1024; // per event-loop turn while checking a partial file
constexpr qsizetype kMaxErrorBody = 64 * 1024;
constexpr int kMaxResigns = 3;  // expired signatures in a row before giving up
constexpr int kMaxRestarts = 3; // times the object changed (or the range was refused) under us
constexpr int kMaxTotalAttempts = 1000;
constexpr int kProgressIntervalMs = 200;
constexpr int kUrlExpiryMarginSeconds = 30;
// Below this size an object is fetched without a journal: resuming it would save next to
// nothing, and the journal (a file created, synced, renamed and deleted) costs a small file
// more than its bytes do. A partial file without a journal is started afresh by the next job.
constexpr qint64 kJournalFrom = 1024 * 1024;
// Written bytes are handed to the disk in steps of this size as they arrive (startWriteback).
constexpr qint64 kWritebackStep = 8 * 1024 * 1024;

} // namespace

DownloadJob::DownloadJob(PlatformApi* api, QString objectName, QString destination, DownloadOptions options,
                         QObject* parent)
    : Job<DownloadResult>(parent), m_api(api), m_objectName(std::move(objectName)),
      m_destination(std::move(destination)), m_target(m_destination), m_options(std::move(options))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DownloadJob::ensureUrl);
    if (m_options.presignedUrl) {
        m_url = m_options.presignedUrl->url;
        m_urlExpires = m_options.presignedUrl->expires;
    }
}

DownloadJob::~DownloadJob()
{
    releaseResources();
}

QString DownloadJob::partialPathFor(const QString& destination)
{
    return DownloadDestination::partialPathFor(destination);
}

QString DownloadJob::journalPathFor(const QString& destination)
{
    return DownloadDestination::journalPathFor(destination);
}

QString DownloadJob::context() const
{
    return u"GET "_s + m_objectName;
}

void DownloadJob::doStart()
{
    if (mayBeDoneAlready()) {
        m_probing = true;
        return ensureUrl();
    }
    if (const ApiError problem = prepare())
        return fail(problem);
    m_result.resumedFrom = m_part.size();
    if (m_part.size() == 0)
        return ensureUrl();
    // The bytes already there count towards the CRC: read them back (a step per event-loop
    // turn, so a large partial file does not freeze the caller).
    m_hashing = std::make_unique<QFile>(m_part.fileName());
    if (!m_hashing->open(QIODevice::ReadOnly))
        return fail(ApiError::usage(
            u"cannot read the partial download %1: %2"_s.arg(m_part.fileName(), m_hashing->errorString())));
    QTimer::singleShot(0, this, &DownloadJob::hashPartialStep);
}

// Finding 4b/4c of the soak: a run stopped (killed) after moving its verified file into place,
// before it could report it, leaves the destination and nothing else; the rerun must not end
// in a name clash over its own file.
bool DownloadJob::mayBeDoneAlready() const
{
    return m_api && !m_objectName.isEmpty() && !m_options.overwrite && QFileInfo(m_destination).isFile() &&
           !QFileInfo::exists(partialPathFor(m_destination)) && !QFileInfo::exists(journalPathFor(m_destination));
}

ApiError DownloadJob::prepare()
{
    if (!m_api)
        return ApiError::usage(u"no platform connection to sign the download URL"_s);
    if (m_objectName.isEmpty())
        return ApiError::usage(u"no object name to download"_s);
    if (const ApiError refused = m_target.prepare(m_options.overwrite))
        return refused;

    // Keep a partial file only when its journal says which object it holds.
    const QString partPath = partialPathFor(m_destination);
    const auto journal = DownloadJournal::load(journalPathFor(m_destination));
    const qint64 partSize = QFileInfo(partPath).size();
    const bool keep = journal && journal->objectName == m_objectName && QFileInfo::exists(partPath) &&
                      (journal->size < 0 || partSize <= journal->size);
    if (keep) {
        m_journal = *journal;
        m_haveJournal = true;
    } else {
        QFile::remove(partPath);
        QFile::remove(journalPathFor(m_destination));
    }
    m_part.setFileName(partPath);
    // Unbuffered: every write reaches the file system at once, so a full disk is noticed at
    // the write that hit it, and the bytes counted (and hashed) are exactly those on disk.
    if (!m_part.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered))
        return ApiError::usage(u"cannot write %1: %2"_s.arg(partPath, m_part.errorString()));
    if (keep)
        qCInfo(lcDownload).noquote() << m_objectName << "resuming after" << m_part.size() << "bytes";
    return {};
}

void DownloadJob::hashPartialStep()
{
    if (isFinished() || !m_hashing)
        return;
    QByteArray buffer(kReadChunk, Qt::Uninitialized);
    qint64 done = 0;
    while (done < kHashStep) {
        const qint64 n = m_hashing->read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(ApiError::usage(u"cannot read the partial download %1: %2"_s.arg(
                m_hashing->fileName(), m_hashing->errorString())));
        if (n == 0) {
            m_hashing.reset();
            m_writebackFrom = m_written; // on disk already
            emitProgress(true);
            if (tryFinishWithoutNetwork())
                return;
            return ensureUrl();
        }
        m_crc.update(buffer.constData(), n);
        m_written += n;
        done += n;
    }
    QTimer::singleShot(0, this, &DownloadJob::hashPartialStep);
}

bool DownloadJob::tryFinishWithoutNetwork()
{
    // Complete but not renamed (the previous run stopped in between): the journal holds what
    // the server said, so the bytes can be checked without asking again.
    if (!m_haveJournal || !m_journal.crc64 || m_journal.size != m_written)
        return false;
    m_total = m_journal.size;
    m_serverCrc = m_journal.crc64;
    m_result.etag = m_journal.etag;
    finishDownload();
    return true;
}

void DownloadJob::ensureUrl()
{
    if (isFinished())
        return;
    const bool fresh =
        m_url.isValid() && (!m_urlExpires.isValid() ||
                            QDateTime::currentDateTimeUtc().addSecs(kUrlExpiryMarginSeconds) < m_urlExpires);
    if (fresh)
        return sendAttempt();
    Job<DownloadUrl>* job = m_api->downloadUrl(m_objectName, m_options.region, m_options.urlLifetimeSeconds);
    m_signJob = job;
    job->run(this, [this](const Result<DownloadUrl>& r) {
        m_signJob = nullptr;
        if (isFinished())
            return;
        if (!r)
            return fail(r.error().withContext(u"signing a download URL for "_s + m_objectName));
        ++m_result.urlsSigned;
        m_url = r->url;
        m_urlExpires = r->expires;
        sendAttempt();
    });
}

void DownloadJob::sendAttempt()
{
    if (isFinished())
        return;
    // Finding 5: a signed URL handed out in clear would carry the object (and its signature) in clear.
    if (const QString refusal = net::clearTextRefusal(m_url, tr("the signed download address"));
        !refusal.isEmpty())
        return fail(ApiError::transportRefused(refusal, context()));
    ++m_result.attempts;
    m_requestedFrom = m_written;
    m_attemptBytes = 0;
    m_headersChecked = false;
    m_errorStatus = 0;
    m_errorBody.clear();
    m_hardFailure.reset();
    m_restartPending = false;

    QNetworkRequest request(m_url);
    request.setRawHeader("User-Agent", ApiConnection::userAgent());
    // Qt would otherwise ask for gzip and inflate it, and the bytes would no longer be the
    // object's: sizes, ranges and CRC all refer to the stored bytes.
    request.setRawHeader("Accept-Encoding", "identity");
    if (m_probing) {
        // Why a one-byte GET and not a HEAD: the presigned URL is signed for GET only (OSS signs
        // the verb), and its answer carries the whole object's size (Content-Range) and CRC-64.
        request.setRawHeader("Range", "bytes=0-0");
    } else if (m_requestedFrom > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_requestedFrom) + '-');
    }
    request.setTransferTimeout(m_options.stallTimeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    qCDebug(lcDownload).noquote() << context() << "attempt" << m_result.attempts << "from byte"
                                  << m_requestedFrom;
    m_reply = m_api->connection()->network()->get(request);
    m_reply->setReadBufferSize(kReplyBuffer);
    connect(m_reply, &QNetworkReply::readyRead, this, &DownloadJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DownloadJob::onReplyFinished);
    connect(m_reply, &QObject::destroyed, this, &DownloadJob::onReplyDestroyed);
}

bool DownloadJob::checkHeaders(QNetworkReply* reply)
{
    m_headersChecked = true;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        m_errorStatus = status;
        return true;
    }
    if (status != 200 && status != 206) {
        stopAttempt(ApiError::http(status, context() + u": unexpected HTTP status %1"_s.arg(status)));
        return false;
    }

    const QByteArray etag = reply->rawHeader("ETag");
    std::optional<quint64> crc;
    if (reply->hasRawHeader("x-oss-hash-crc64ecma")) {
        crc = dr::parseCrc64(reply->rawHeader("x-oss-hash-crc64ecma"));
        if (!crc) {
            stopAttempt(ApiError::malformed(context() + u": x-oss-hash-crc64ecma is not a decimal number"_s));
            return false;
        }
    }
    if (m_probing) {
        onProbeHeaders(reply, status, crc);
        return false;
    }
    const QVariant lengthHeader = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 length = lengthHeader.isValid() ? lengthHeader.toLongLong() : -1;

    qint64 total = -1;
    if (status == 200) {
        if (length < 0) {
            stopAttempt(
                ApiError::malformed(context() + u": no Content-Length, the size cannot be checked"_s));
            return false;
        }
        total = length;
        if (m_written > 0) {
            // The server ignored the range (OSS does for one it cannot satisfy): the whole
            // object follows, so the partial bytes go.
            qCInfo(lcDownload).noquote() << context() << "server sent the whole object instead of a range;"
                                         << "starting over";
            truncatePartial();
            if (m_hardFailure)
                return false;
            m_result.resumedFrom = 0;
        }
    } else {
        const auto range = dr::parseContentRange(reply->rawHeader("Content-Range"));
        if (!range || range->first != m_requestedFrom || range->last != range->total - 1 ||
            (length >= 0 && length != range->last - range->first + 1)) {
            stopAttempt(ApiError::malformed(context() +
                                            u": Content-Range \"%1\" does not answer bytes=%2-"_s
                                                .arg(QString::fromLatin1(reply->rawHeader("Content-Range")))
                                                .arg(m_requestedFrom)));
            return false;
        }
        total = range->total;
        // Resuming bytes of another version of the object would be a silently wrong file.
        const bool changed =
            m_haveJournal && ((m_journal.size >= 0 && m_journal.size != total) ||
                              (!m_journal.etag.isEmpty() && !etag.isEmpty() && m_journal.etag != etag) ||
                              (m_journal.crc64 && crc && *m_journal.crc64 != *crc));
        if (changed) {
            m_restartPending = true;
            m_restartReason = u"the object changed since the partial download began"_s;
            reply->abort();
            return false;
        }
    }

    m_total = total;
    m_serverCrc = crc;
    m_result.etag = etag;
    if (!m_haveJournal || m_journal.size != total || m_journal.etag != etag || m_journal.crc64 != crc) {
        // Before the first byte is written: a partial file always has a journal describing it,
        // on disk from kJournalFrom on (below it, in memory only: this job's own retries still
        // notice an object that changed between them).
        m_journal = {m_objectName, etag, total, crc};
        QString error;
        if (total >= kJournalFrom && !m_journal.save(journalPathFor(m_destination), &error)) {
            stopAttempt(ApiError::usage(u"cannot write %1: %2"_s.arg(journalPathFor(m_destination), error)));
            return false;
        }
        m_haveJournal = true;
    }
    emitProgress(true);
    return true;
}

void DownloadJob::onReadyRead()
{
    if (m_reply && !isFinished())
        drain(m_reply);
}

void DownloadJob::drain(QNetworkReply* reply)
{
    if (!m_headersChecked && !checkHeaders(reply))
        return;
    if (m_errorStatus) {
        const QByteArray chunk = reply->readAll(); // bounded by the reply buffer
        m_errorBody += chunk.left(kMaxErrorBody - m_errorBody.size());
        return;
    }
    QByteArray buffer(kReadChunk, Qt::Uninitialized);
    while (reply->bytesAvailable() > 0) {
        const qint64 n = reply->read(buffer.data(), buffer.size());
        if (n <= 0)
            break;
        if (m_written + n > m_total)
            return stopAttempt(ApiError::malformed(
                context() + u": the server sent more than the %1 bytes it announced"_s.arg(m_total)));
        if (const ApiError problem = writePart(buffer.constData(), n))
            return stopAttempt(problem);
    }
    emitProgress(false);
}

ApiError DownloadJob::writePart(const char* data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = m_part.write(data + done, size - done);
        if (n <= 0) {
            const int osError = errno; // of the write(2) that failed, before anything else runs
            // A short write before the failure left real bytes of the object on disk: they are
            // counted, so that the resume continues after exactly those.
            if (const auto full = DownloadDestination::outOfSpace(
                    m_part.error() == QFileDevice::ResourceError ? ENOSPC : osError, m_destination, m_written, m_total)) {
                qCWarning(lcDownload).noquote() << context() << "no room on disk after" << m_written << "bytes:"
                                                << m_part.errorString();
                return *full;
            }
            return ApiError::usage(u"cannot write %1: %2"_s.arg(m_part.fileName(), m_part.errorString()));
        }
        m_crc.update(data + done, n);
        m_written += n;
        if (m_written - m_writebackFrom >= kWritebackStep) {
            DownloadDestination::startWriteback(m_part, m_writebackFrom, m_written - m_writebackFrom);
            m_writebackFrom = m_written;
        }
        m_attemptBytes += n;
        m_result.bytesFetched += n;
        done += n;
    }
    return {};
}

void DownloadJob::stopAttempt(const ApiError& hardFailure)
{
    m_hardFailure = hardFailure;
    if (m_reply)
        m_reply->abort(); // finished() follows, and ends the job
}

void DownloadJob::onReplyDestroyed()
{
    // Only when the reply went away without finished(): its network access manager was
    // deleted under it (the owner shutting down).
    m_reply = nullptr;
    if (!isFinished())
        fail(ApiError::transport(context() + u": the network connection was closed"_s));
}

void DownloadJob::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    if (isFinished()) {
        reply->disconnect(this);
        reply->deleteLater();
        return;
    }
    // Whatever arrived before the end is valid data, errors or not (a zero-byte object
    // never signals readyRead at all).
    const bool aborted = m_hardFailure || m_restartPending || m_probeAnswered;
    if (!aborted && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        drain(reply);
    reply->disconnect(this);
    reply->deleteLater();
    if (isFinished())
        return;

    if (m_hardFailure) {
        const ApiError error = *m_hardFailure;
        m_hardFailure.reset();
        return fail(error);
    }
    if (m_restartPending)
        return restartFromScratch(m_restartReason);
    if (m_probeAnswered)
        return adoptOrRefuse();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError qtError = reply->error();
    // Qt's transfer time-out cancels the reply; we never abort without setting a reason.
    if (qtError == QNetworkReply::TimeoutError || qtError == QNetworkReply::OperationCanceledError)
        return retryOrFail(
            ApiError::timeout(context() + u": no data for %1 ms"_s.arg(m_options.stallTimeoutMs)));
    // A proxy that could not reach the server is an outage to wait out; its 407 is final.
    if (std::optional<ApiError> tls = net::tlsRefusal(reply))
        return tls->isRetryable() ? retryOrFail(tls->withContext(context())) : fail(tls->withContext(context()));
    if (qtError != QNetworkReply::NoError && status == 0)
        return retryOrFail(ApiError::transport(
            context() + u": %1 (Qt error %2)"_s.arg(reply->errorString()).arg(int(qtError))));

    if (m_errorStatus) {
        const dr::OssErrorBody oss = dr::parseOssError(m_errorBody);
        const QString detail =
            context() + u": HTTP %1 %2 %3"_s.arg(m_errorStatus).arg(oss.code, oss.message).trimmed();
        if (dr::isExpiredSignature(m_errorStatus, oss)) {
            if (++m_resigns > kMaxResigns)
                return fail(
                    ApiError::http(m_errorStatus, detail + u" (after %1 new URLs)"_s.arg(kMaxResigns)));
            qCInfo(lcDownload).noquote() << context() << "signature expired; signing a new URL";
            m_url.clear();
            m_urlExpires = {};
            return ensureUrl();
        }
        if (m_errorStatus == 416 && m_requestedFrom > 0) // a server that does not ignore a bad range
            return restartFromScratch(u"the server refused to resume at byte %1"_s.arg(m_requestedFrom));
        const ApiError error = ApiError::http(m_errorStatus, detail);
        return error.isRetryable() ? retryOrFail(error) : fail(error);
    }
    if (qtError != QNetworkReply::NoError || m_written < m_total)
        return retryOrFail(ApiError::transport(
            context() + u": the connection broke after %1 of %2 bytes (%3)"_s.arg(m_written).arg(m_total).arg(
                            reply->errorString())));
    m_resigns = 0;
    finishDownload();
}

void DownloadJob::onProbeHeaders(QNetworkReply* reply, int status, std::optional<quint64> crc)
{
    // A server that ignores the range (as OSS does for an empty object) sends it whole: its
    // Content-Length is then the size.
    qint64 total = -1;
    if (status == 206) {
        if (const auto range = dr::parseContentRange(reply->rawHeader("Content-Range")))
            total = range->total;
    } else if (const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader); length.isValid()) {
        total = length.toLongLong();
    }
    m_total = total;
    m_serverCrc = crc;
    m_result.etag = reply->rawHeader("ETag");
    m_probeAnswered = true;
    reply->abort(); // the headers are all we wanted; finished() follows
}

void DownloadJob::adoptOrRefuse()
{
    const qint64 size = QFileInfo(m_destination).size();
    // Without the server's CRC-64 (or size) nothing proves the file is the object.
    if (m_total < 0 || !m_serverCrc || size != m_total)
        return fail(DownloadDestination::nameTaken(m_destination));
    auto* job = new FileCrc64Job(m_destination, size, this);
    m_crcJob = job;
    job->run(this, [this, size](const Result<quint64>& crc) {
        m_crcJob = nullptr;
        if (isFinished())
            return;
        if (!crc)
            return fail(crc.error());
        if (crc.value() != *m_serverCrc)
            return fail(DownloadDestination::nameTaken(m_destination));
        m_result.path = m_destination;
        m_result.size = size;
        m_result.crc64 = crc.value();
        m_result.crc64Verified = true;
        m_result.alreadyDownloaded = true;
        m_written = size;
        emitProgress(true);
        releaseResources();
        qCInfo(lcDownload).noquote() << context() << "already downloaded:" << m_destination
                                     << "has the object's size and CRC-64";
        succeed(m_result);
    });
}

void DownloadJob::restartFromScratch(const QString& why)
{
    if (++m_restarts > kMaxRestarts)
        return fail(ApiError::malformed(context() + u": "_s + why + u", again and again; giving up"_s));
    qCInfo(lcDownload).noquote() << context() + u": "_s + why + u"; starting over"_s;
    truncatePartial();
    if (m_hardFailure) {
        const ApiError error = *m_hardFailure;
        m_hardFailure.reset();
        return fail(error);
    }
    m_haveJournal = false;
    m_result.resumedFrom = 0;
    sendAttempt();
}

void DownloadJob::truncatePartial()
{
    if (!m_part.resize(0) || !m_part.seek(0)) {
        m_hardFailure =
            ApiError::usage(u"cannot truncate %1: %2"_s.arg(m_part.fileName(), m_part.errorString()));
        if (m_reply)
            m_reply->abort();
        return;
    }
    m_crc.reset();
    m_written = 0;
    m_writebackFrom = 0;
}

void DownloadJob::retryOrFail(const ApiError& error)
{
    // An attempt that brought bytes was not in vain: the next resumes after them.
    m_consecutiveFailures = m_attemptBytes > 0 ? 1 : m_consecutiveFailures + 1;
    const RetryPolicy& policy = m_options.retry;
    if (m_consecutiveFailures >= policy.maxAttempts || m_result.attempts >= kMaxTotalAttempts) {
        qCWarning(lcDownload).noquote() << "giving up:" << error.detail();
        return fail(error);
    }
    m_part.flush(); // what arrived is on disk while we wait
    const int delay = policy.delayBeforeAttempt(m_consecutiveFailures + 1);
    // The detail starts with the context already.
    qCInfo(lcDownload).noquote() << ApiError::kindName(error.kind()) << error.detail().left(300)
                                 << "- retrying in" << delay << "ms from byte" << m_written;
    m_retryTimer.start(delay);
}

void DownloadJob::finishDownload()
{
    DownloadDestination::syncToDiskThen(m_part, this, [this] {
        if (!isFinished())
            finishSynced();
    });
}

void DownloadJob::finishSynced()
{
    m_part.close();
    const qint64 onDisk = QFileInfo(m_part.fileName()).size();
    if (onDisk != m_total || m_written != m_total) {
        discardPartial();
        return fail(
            ApiError::malformed(context() + u": %1 bytes on disk, the server announced %2; the partial "
                                            "download was deleted"_s.arg(onDisk)
                                                .arg(m_total)));
    }
    if (m_serverCrc && *m_serverCrc != m_crc.value()) {
        discardPartial();
        return fail(ApiError::malformed(
            context() + u": CRC-64 mismatch: the %1 bytes received have CRC-64 %2 but the server says %3; "
                        "the partial download was deleted, nothing was written to %4"_s.arg(m_total)
                            .arg(m_crc.value())
                            .arg(*m_serverCrc)
                            .arg(m_destination)));
    }
    if (!m_serverCrc)
        qCInfo(lcDownload).noquote() << context() << "the server sent no CRC-64: only the size was checked";

    if (const ApiError notMoved = m_target.moveIntoPlace(m_options.overwrite))
        return fail(notMoved);

    m_result.path = m_destination;
    m_result.size = m_total;
    m_result.crc64 = m_crc.value();
    m_result.crc64Verified = m_serverCrc.has_value();
    emitProgress(true);
    releaseResources();
    qCInfo(lcDownload).noquote() << context() << "complete:" << m_total << "bytes," << m_result.bytesFetched
                                 << "fetched in" << m_result.attempts << "attempt(s)";
    succeed(m_result);
}

void DownloadJob::discardPartial()
{
    m_part.close();
    m_target.discard();
}

void DownloadJob::releaseResources()
{
    m_retryTimer.stop();
    if (m_signJob)
        m_signJob->abort();
    m_signJob = nullptr;
    if (m_crcJob)
        m_crcJob->abort();
    m_crcJob = nullptr;
    if (QNetworkReply* reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_hashing.reset();
    if (m_part.isOpen()) {
        m_part.flush();
        m_part.close();
    }
    m_target.unlock();
}

void DownloadJob::removeEmptyPartial()
{
    m_target.removeIfEmpty();
}

void DownloadJob::fail(const ApiError& error)
{
    releaseResources();
    removeEmptyPartial();
    complete(error);
}

void DownloadJob::doAbort()
{
    // The partial file and its journal stay: a later job resumes after those bytes.
    releaseResources();
    removeEmptyPartial();
}

void DownloadJob::emitProgress(bool force)
{
    if (!force && m_progressClock.isValid() && m_progressClock.elapsed() < kProgressIntervalMs)
        return;
    m_progressClock.start();
    Q_EMIT progress(m_written, m_total);
}

} // namespace bge
