#include "uploadjob.h"

#include "connectionpool.h"
#include "filebodyrequest.h"
#include "filewindowdevice.h"
#include "oss/crc64.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bge {

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kMinPartSize = 100 * 1024;      // OSS: every part but the last
constexpr qint64 kMaxPartSize = 5LL * 1024 * kMiB; // OSS: 5 GiB
constexpr qint64 kMaxParts = 10000;
constexpr qint64 kDefaultPartSize = 8 * kMiB;
constexpr int kMaxRenewalsPerCall = 3;
constexpr qint64 kJournalIntervalMs = 1000;

QString unquoted(QString etag)
{
    etag.remove(u'"');
    return etag.toUpper();
}

// AbortMultipartUpload without a job: it outlives the cancelled job (the reply belongs to the
// network manager) and tries again a few times on transport errors and 5xx.
void abortUploadDetached(QNetworkAccessManager* network, OssLocation location, oss::OssCredentials credentials,
                         QString key, QString uploadId, int attemptsLeft)
{
    const QNetworkRequest request = signedOssRequest(location, credentials, "DELETE", key,
                                                     {{u"uploadId"_s, uploadId}}, {},
                                                     QDateTime::currentDateTimeUtc());
    QNetworkReply* reply = network->deleteResource(request);
    QObject::connect(reply, &QNetworkReply::finished, network, [=] {
        const OssReply r = OssReply::read(reply);
        reply->deleteLater();
        if (r.error && r.error.isRetryable() && attemptsLeft > 1) {
            QTimer::singleShot(1000, network, [=] {
                abortUploadDetached(network, location, credentials, key, uploadId, attemptsLeft - 1);
            });
        }
    });
}

// An InitiateMultipartUpload already sent when its job stops may still create an upload on the
// server, which no journal would name: wait for its answer and abort what it created.
void abortWhenInitiated(QNetworkAccessManager* network, QNetworkReply* reply, OssLocation location,
                        oss::OssCredentials credentials, QString key)
{
    QObject::connect(reply, &QNetworkReply::finished, network, [=] {
        const OssReply r = OssReply::read(reply);
        reply->deleteLater();
        const QString uploadId = xmlText(r.body, u"UploadId"_s);
        if (!r.error && !uploadId.isEmpty())
            abortUploadDetached(network, location, credentials, key, uploadId, 3);
    });
}

} // namespace

struct UploadJob::Call
{
    QByteArray method;
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 windowOffset = -1; // a part of the file as the body
    qint64 windowLength = 0;
    int progressKey = 0;      // in-flight progress slot (part number), 0 for none
    bool createsUpload = false; // InitiateMultipartUpload: see abortWhenInitiated()
    int attempt = 1;
    int renewals = 0;
    QString accessKeyId;      // the credentials the last attempt was signed with
    std::function<void(const OssReply&, FileWindowDevice*)> done;
};

UploadJob::UploadJob(QNetworkAccessManager* network, UploadCredentials* credentials, UploadOptions options,
                     QObject* parent)
    : Job<UploadResult>(parent), m_network(network), m_credentials(credentials), m_options(std::move(options))
{
    if (m_options.parallelism < 1)
        m_options.parallelism = 1;
    if (m_options.retry.maxAttempts < 1)
        m_options.retry.maxAttempts = 1;
    if (m_options.journalDirectory.isEmpty())
        m_options.journalDirectory = UploadJournal::defaultDirectory();
    // A diagnostic switch, not a setting: BGE_UPLOAD_TRANSPORT=qt sends the bodies through
    // QNetworkAccessManager as before FileBodyRequest existed (to compare, or to rule it out).
    m_directSockets = qEnvironmentVariable("BGE_UPLOAD_TRANSPORT") != u"qt"_s;
    m_connections = new ConnectionPool(this);
}

UploadJob::~UploadJob()
{
    stopRequests();
    if (!isFinished())
        flushJournal(); // what a crash would not get to do: the next job resumes from here
}

qint64 UploadJob::partSizeFor(qint64 fileSize)
{
    qint64 size = kDefaultPartSize;
    const qint64 needed = (fileSize + kMaxParts - 1) / kMaxParts;
    if (needed > size)
        size = (needed + kMiB - 1) / kMiB * kMiB;
    return qMin(size, kMaxPartSize);
}

void UploadJob::discardSaved(QNetworkAccessManager* network, UploadCredentials* credentials,
                             const UploadOptions& options, QObject* context)
{
    const QFileInfo info(options.filePath);
    const QString name = options.objectFileName.isEmpty() ? info.fileName() : options.objectFileName;
    const QString directory =
        options.journalDirectory.isEmpty() ? UploadJournal::defaultDirectory() : options.journalDirectory;
    const QString path = info.absoluteFilePath();
    // The journal is found by the object's name, which needs the destination of the credentials.
    credentials->acquire(context, false, [=](const Result<UploadTarget>& target) {
        if (!target.ok())
            return;
        const QString objectName = target->destination + u'/' + name;
        const QString journalFile = UploadJournal::fileFor(directory, path, objectName);
        const std::optional<UploadJournal> journal = UploadJournal::load(journalFile);
        if (!journal)
            return;
        if (!journal->uploadId.isEmpty()) {
            abortUploadDetached(network, {QUrl(target->endpoint), target->bucket, target->region, options.signature},
                                target->credentials, objectName, journal->uploadId, 3);
        }
        UploadJournal::remove(journalFile);
    });
}

void UploadJob::doStart()
{
    const QFileInfo info(m_options.filePath);
    if (!info.isFile() || !info.isReadable()) {
        fail(ApiError::usage(u"Cannot read the file %1."_s.arg(m_options.filePath)));
        return;
    }
    const QString name = m_options.objectFileName.isEmpty() ? info.fileName() : m_options.objectFileName;
    if (name.isEmpty() || name == u"."_s || name == u".."_s || name.contains(u'/') || name.contains(u'\\')) {
        fail(ApiError::usage(u"\"%1\" is not a file name: uploads go straight into the destination, "
                             u"never into a sub-directory."_s.arg(name)));
        return;
    }
    m_options.filePath = info.absoluteFilePath();
    m_size = info.size();
    m_mtimeMs = info.lastModified().toMSecsSinceEpoch();

    if (m_options.partSize <= 0) {
        m_options.partSize = partSizeFor(m_size);
    } else {
        m_options.partSize = qBound(kMinPartSize, m_options.partSize, kMaxPartSize);
        const qint64 needed = (m_size + kMaxParts - 1) / kMaxParts;
        m_options.partSize = qMax(m_options.partSize, needed);
    }

    withCredentials([this, name] {
        m_objectName = m_target->destination + u'/' + name;
        reportProgress(true);
        if (m_options.overwrite) {
            if (m_size < m_options.multipartThreshold || m_size == 0)
                putObject(1);
            else
                startMultipart();
        } else {
            checkName();
        }
    });
}

void UploadJob::doAbort()
{
    stopRequests();
    if (!m_journal.uploadId.isEmpty() && m_target) {
        abortUploadDetached(m_network, {QUrl(m_target->endpoint), m_target->bucket, m_target->region, m_options.signature},
                            m_target->credentials, m_objectName, m_journal.uploadId, 3);
    }
    dropJournal();
}

void UploadJob::fail(const ApiError& error)
{
    if (isFinished())
        return;
    stopRequests();
    // A refusal (4xx) will not go away by resuming: clean up. Anything else keeps the journal
    // and the server's parts, so that a later job resumes.
    const bool refused = error.kind() == ApiError::Kind::Http && error.httpStatus() >= 400 && error.httpStatus() < 500;
    if (refused && !m_journal.uploadId.isEmpty())
        doAbort();
    else
        flushJournal();
    complete(error);
}

void UploadJob::stopRequests()
{
    const QSet<QNetworkReply*> replies = std::exchange(m_replies, {});
    for (QNetworkReply* reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        if (reply == m_initiating && m_target) {
            abortWhenInitiated(m_network, reply,
                               {QUrl(m_target->endpoint), m_target->bucket, m_target->region, m_options.signature},
                               m_target->credentials, m_objectName);
            continue;
        }
        reply->abort();
        reply->deleteLater();
    }
    const QSet<FileBodyRequest*> direct = std::exchange(m_directRequests, {});
    for (FileBodyRequest* request : direct) {
        disconnect(request, nullptr, this, nullptr);
        request->abort();
        request->deleteLater();
    }
}

// --- credentials -----------------------------------------------------------------------------

void UploadJob::withCredentials(std::function<void()> then)
{
    if (m_target && !m_targetStale) {
        const QDateTime& expiration = m_target->credentials.expiration;
        if (!expiration.isValid() ||
            QDateTime::currentDateTimeUtc().addSecs(renewalMarginSeconds(m_targetObtained, expiration)) < expiration) {
            then();
            return;
        }
    }
    m_waitingForCredentials.append(std::move(then));
    renewCredentials();
}

void UploadJob::renewCredentials()
{
    if (m_renewing)
        return;
    m_renewing = true;
    m_credentials->acquire(this, m_target.has_value(), [this](const Result<UploadTarget>& target) {
        m_renewing = false;
        if (isFinished())
            return;
        if (!target.ok()) {
            fail(target.error().withContext(u"upload credentials"_s));
            return;
        }
        if (m_target && !m_target->destination.isEmpty() && target->destination != m_target->destination) {
            fail(ApiError::malformed(u"the renewed upload credentials are for another destination"_s));
            return;
        }
        m_target = target.value();
        m_targetObtained = QDateTime::currentDateTimeUtc();
        m_targetStale = false;
        const QList<std::function<void()>> waiting = std::exchange(m_waitingForCredentials, {});
        for (const auto& then : waiting) {
            if (isFinished())
                return;
            then();
        }
    });
}

// --- requests --------------------------------------------------------------------------------

void UploadJob::send(std::shared_ptr<Call> call)
{
    withCredentials([this, call] {
        const OssLocation location{QUrl(m_target->endpoint), m_target->bucket, m_target->region, m_options.signature};
        QList<QPair<QByteArray, QByteArray>> headers = call->headers;
        FileWindowDevice* device = nullptr;
        if (call->windowOffset >= 0) {
            device = new FileWindowDevice(m_options.filePath, call->windowOffset, call->windowLength);
            if (!device->openWindow()) {
                const QString why = device->errorString();
                delete device;
                fail(ApiError::usage(u"Cannot read %1: %2"_s.arg(m_options.filePath, why)));
                return;
            }
            headers.append(qMakePair("Content-Length", QByteArray::number(call->windowLength)));
        }
        call->accessKeyId = m_target->credentials.accessKeyId;
        const QString key = m_objectName;
        QNetworkRequest request = signedOssRequest(location, m_target->credentials, call->method, key, call->query,
                                                   headers, QDateTime::currentDateTimeUtc());
        if (device && m_directSockets && FileBodyRequest::canSendDirectly(request.url(), m_network)) {
            sendDirect(call, request, device);
            return;
        }
        QNetworkReply* reply = nullptr;
        if (call->method == "HEAD")
            reply = m_network->head(request);
        else if (call->method == "GET")
            reply = m_network->get(request);
        else if (call->method == "DELETE")
            reply = m_network->deleteResource(request);
        else if (device)
            reply = m_network->sendCustomRequest(request, call->method, device);
        else
            reply = m_network->sendCustomRequest(request, call->method, call->body);
        if (device)
            device->setParent(reply);
        m_replies.insert(reply);
        if (call->createsUpload)
            m_initiating = reply;
        if (call->progressKey > 0) {
            connect(reply, &QNetworkReply::uploadProgress, this,
                    [this, call](qint64 sent, qint64) { partProgress(call->progressKey, sent); });
        }
        connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
            m_replies.remove(reply);
            reply->deleteLater();
            finishCall(call, OssReply::read(reply), reply->findChild<FileWindowDevice*>());
        });
    });
}

void UploadJob::sendDirect(std::shared_ptr<Call> call, const QNetworkRequest& request, FileWindowDevice* device)
{
    auto* direct = new FileBodyRequest(m_connections, request, call->method, device, this);
    m_directRequests.insert(direct);
    if (call->progressKey > 0) {
        connect(direct, &FileBodyRequest::uploadProgress, this,
                [this, call](qint64 sent, qint64) { partProgress(call->progressKey, sent); });
    }
    connect(direct, &FileBodyRequest::finished, this, [this, call, direct] {
        m_directRequests.remove(direct);
        direct->deleteLater();
        finishCall(call, OssReply::read(direct->response(), direct->error()), direct->body());
    });
    direct->start();
}

void UploadJob::partProgress(int key, qint64 sent)
{
    if (m_inFlightBytes.contains(key))
        m_inFlightBytes[key] = sent;
    reportProgress(false);
}

void UploadJob::finishCall(std::shared_ptr<Call> call, const OssReply& r, FileWindowDevice* device)
{
    if (r.error) {
        if (isCredentialExpiry(r.code) && call->renewals < kMaxRenewalsPerCall) {
            ++call->renewals;
            if (m_target && m_target->credentials.accessKeyId == call->accessKeyId)
                m_targetStale = true;
            send(call);
            return;
        }
        if (r.error.isRetryable() && call->attempt < m_options.retry.maxAttempts) {
            ++call->attempt;
            if (call->progressKey > 0 && m_inFlightBytes.contains(call->progressKey))
                m_inFlightBytes[call->progressKey] = 0;
            QTimer::singleShot(m_options.retry.delayBeforeAttempt(call->attempt), this, [this, call] {
                if (!isFinished())
                    send(call);
            });
            return;
        }
    }
    call->done(r, device);
}

// --- single PutObject ------------------------------------------------------------------------

void UploadJob::checkName()
{
    auto call = std::make_shared<Call>();
    call->method = "HEAD";
    call->done = [this](const OssReply& r, FileWindowDevice*) {
        if (!r.error) {
            fail(ApiError::http(409, u"FileAlreadyExists: an object named %1 already exists; upload with "
                                     u"overwrite to replace it"_s.arg(m_objectName)));
            return;
        }
        if (r.status != 404) {
            fail(r.errorAt(u"HEAD %1"_s.arg(m_objectName)));
            return;
        }
        if (m_size < m_options.multipartThreshold || m_size == 0)
            putObject(1);
        else
            startMultipart();
    };
    send(call);
}

namespace {

QList<QPair<QByteArray, QByteArray>> objectHeaders(const QString& clientId, bool overwrite)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/octet-stream"}};
    if (!clientId.isEmpty())
        headers.append(qMakePair("x-oss-meta-bge-open-client-id", clientId.toUtf8()));
    if (!overwrite)
        headers.append(qMakePair("x-oss-forbid-overwrite", "true"));
    return headers;
}

} // namespace

void UploadJob::putObject(int attempt)
{
    auto call = std::make_shared<Call>();
    call->method = "PUT";
    // A later attempt follows a CRC mismatch: the object there is this job's damaged one, which
    // x-oss-forbid-overwrite would keep.
    call->headers = objectHeaders(m_target->clientId, m_options.overwrite || attempt > 1);
    call->windowOffset = 0;
    call->windowLength = m_size;
    call->progressKey = 1;
    m_inFlightBytes[1] = 0;
    call->done = [this, attempt](const OssReply& r, FileWindowDevice* device) {
        if (r.error) {
            fail(r.errorAt(u"PUT %1"_s.arg(m_objectName)));
            return;
        }
        const quint64 local = device && device->crcComplete() ? device->crc64() : ~quint64{0};
        bool ok = false;
        const quint64 remote = r.crc64.toULongLong(&ok);
        if (!ok || !device || !device->crcComplete() || remote != local) {
            if (attempt < m_options.retry.maxAttempts) {
                putObject(attempt + 1);
                return;
            }
            failDamaged(u"CRC-64 mismatch: %1 was sent with CRC %2 but OSS stored %3 (%4 attempts)"_s
                            .arg(m_objectName, QString::number(local), QString::fromLatin1(r.crc64))
                            .arg(attempt));
            return;
        }
        if (fileChanged()) {
            failChangedFile();
            return;
        }
        m_inFlightBytes.remove(1);
        m_doneBytes = m_size;
        m_partsSent = 1;
        reportProgress(true);
        succeed({m_objectName, m_size, local, QString::fromLatin1(r.etag), m_partsSent, false});
    };
    send(call);
}

// --- multipart -------------------------------------------------------------------------------

void UploadJob::startMultipart()
{
    m_journalFile = UploadJournal::fileFor(m_options.journalDirectory, m_options.filePath, m_objectName);
    const std::optional<UploadJournal> saved = UploadJournal::load(m_journalFile);
    if (saved && saved->path == m_options.filePath && saved->size == m_size && saved->mtimeMs == m_mtimeMs &&
        saved->objectName == m_objectName) {
        m_journal = *saved;
        m_resumed = true;
        listParts({}, {});
        return;
    }
    if (saved) {
        // The file changed since: its parts are worthless. Drop them on the server and start over.
        abortUploadDetached(m_network, {QUrl(m_target->endpoint), m_target->bucket, m_target->region, m_options.signature},
                            m_target->credentials, m_objectName, saved->uploadId, 3);
        dropJournal();
    }
    initiate();
}

void UploadJob::initiate()
{
    m_resumed = false;
    m_journal = {};
    auto call = std::make_shared<Call>();
    call->method = "POST";
    call->query = {{u"uploads"_s, QString()}};
    call->createsUpload = true;
    call->headers = objectHeaders(m_target->clientId, m_options.overwrite);
    call->done = [this](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            fail(r.errorAt(u"InitiateMultipartUpload %1"_s.arg(m_objectName)));
            return;
        }
        const QString uploadId = xmlText(r.body, u"UploadId"_s);
        if (uploadId.isEmpty()) {
            fail(ApiError::malformed(u"InitiateMultipartUpload: no UploadId in the answer"_s));
            return;
        }
        m_journal.path = m_options.filePath;
        m_journal.size = m_size;
        m_journal.mtimeMs = m_mtimeMs;
        m_journal.objectName = m_objectName;
        m_journal.uploadId = uploadId;
        m_journal.partSize = m_options.partSize;
        if (!saveJournal())
            return;
        resumeWith({});
    };
    send(call);
}

void UploadJob::listParts(const QString& marker, QList<UploadJournal::Part> serverParts)
{
    auto call = std::make_shared<Call>();
    call->method = "GET";
    call->query = {{u"uploadId"_s, m_journal.uploadId}};
    if (!marker.isEmpty())
        call->query.append(qMakePair(u"part-number-marker"_s, marker));
    call->done = [this, marker, serverParts](const OssReply& r, FileWindowDevice*) mutable {
        if (r.error) {
            if (r.code == u"NoSuchUpload"_s) { // aborted or expired on the server: start over
                dropJournal();
                initiate();
                return;
            }
            fail(r.errorAt(u"ListParts %1"_s.arg(m_objectName)));
            return;
        }
        QXmlStreamReader xml(r.body);
        bool truncated = false;
        QString next;
        UploadJournal::Part part;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const auto name = xml.name();
                if (name == u"Part")
                    part = {};
                else if (name == u"PartNumber")
                    part.number = xml.readElementText().toInt();
                else if (name == u"ETag")
                    part.etag = xml.readElementText();
                else if (name == u"Size")
                    part.size = xml.readElementText().toLongLong();
                else if (name == u"IsTruncated")
                    truncated = xml.readElementText() == u"true"_s;
                else if (name == u"NextPartNumberMarker")
                    next = xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == u"Part") {
                serverParts.append(part);
            }
        }
        if (xml.hasError()) {
            fail(ApiError::malformed(u"ListParts: %1"_s.arg(xml.errorString())));
            return;
        }
        if (truncated && !next.isEmpty() && next != marker)
            listParts(next, serverParts);
        else
            resumeWith(serverParts);
    };
    send(call);
}

void UploadJob::resumeWith(const QList<UploadJournal::Part>& serverParts)
{
    const qint64 partSize = m_journal.partSize;
    m_partCount = int(qMax<qint64>(1, (m_size + partSize - 1) / partSize));
    if (m_partCount > kMaxParts) {
        fail(ApiError::usage(u"%1 needs more than 10000 parts"_s.arg(m_options.filePath)));
        return;
    }
    const auto expectedSize = [&](int number) { return qMin(partSize, m_size - qint64(number - 1) * partSize); };
    // A part counts as done when the journal has its CRC and the server has it with that ETag
    // and the expected size. Anything else is sent (again).
    QList<UploadJournal::Part> kept;
    for (const UploadJournal::Part& mine : std::as_const(m_journal.parts)) {
        const auto found = std::find_if(serverParts.begin(), serverParts.end(), [&](const UploadJournal::Part& theirs) {
            return theirs.number == mine.number && unquoted(theirs.etag) == unquoted(mine.etag) &&
                   theirs.size == mine.size;
        });
        if (found != serverParts.end() && mine.number <= m_partCount && mine.size == expectedSize(mine.number))
            kept.append(mine);
    }
    m_journal.parts = kept;
    if (m_resumed && !saveJournal())
        return;
    m_pendingParts.clear();
    m_doneBytes = 0;
    for (int n = 1; n <= m_partCount; ++n) {
        const bool done = std::any_of(kept.begin(), kept.end(), [n](const UploadJournal::Part& p) { return p.number == n; });
        if (done)
            m_doneBytes += expectedSize(n);
        else
            m_pendingParts.append(n);
    }
    reportProgress(true);
    pumpParts();
}

void UploadJob::pumpParts()
{
    while (!isFinished() && m_inFlightBytes.size() < m_options.parallelism && !m_pendingParts.isEmpty()) {
        const int number = m_pendingParts.takeFirst();
        m_inFlightBytes[number] = 0;
        uploadPart(number, 1);
    }
    if (!isFinished() && m_pendingParts.isEmpty() && m_inFlightBytes.isEmpty() && !m_completing)
        completeUpload();
}

void UploadJob::uploadPart(int number, int attempt)
{
    const qint64 offset = qint64(number - 1) * m_journal.partSize;
    const qint64 length = qMin(m_journal.partSize, m_size - offset);
    auto call = std::make_shared<Call>();
    call->method = "PUT";
    call->query = {{u"partNumber"_s, QString::number(number)}, {u"uploadId"_s, m_journal.uploadId}};
    call->headers = {{"Content-Type", "application/octet-stream"}};
    call->windowOffset = offset;
    call->windowLength = length;
    call->progressKey = number;
    call->done = [this, number, attempt, length](const OssReply& r, FileWindowDevice* device) {
        if (r.error) {
            fail(r.errorAt(u"UploadPart %1 of %2"_s.arg(number).arg(m_objectName)));
            return;
        }
        if (r.etag.isEmpty()) {
            fail(ApiError::malformed(u"UploadPart %1: no ETag in the answer"_s.arg(number)));
            return;
        }
        bool ok = false;
        const quint64 remote = r.crc64.toULongLong(&ok);
        const bool verified = ok && device && device->crcComplete() && device->crc64() == remote;
        if (!verified) {
            if (attempt < m_options.retry.maxAttempts) {
                m_inFlightBytes[number] = 0;
                uploadPart(number, attempt + 1); // the same number overwrites the damaged part
                return;
            }
            fail(ApiError::malformed(u"CRC-64 mismatch on part %1 of %2 (sent %3, OSS stored %4)"_s.arg(number)
                                         .arg(m_objectName)
                                         .arg(device ? device->crc64() : 0)
                                         .arg(QString::fromLatin1(r.crc64))));
            return;
        }
        m_inFlightBytes.remove(number);
        m_doneBytes += length;
        ++m_partsSent;
        m_journal.parts.append({number, QString::fromLatin1(r.etag), remote, length});
        if (!saveJournal(false))
            return;
        reportProgress(false);
        pumpParts();
    };
    send(call);
}

quint64 UploadJob::combinedCrc() const
{
    QList<UploadJournal::Part> parts = m_journal.parts;
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
    quint64 crc = 0; // the CRC of nothing
    for (const UploadJournal::Part& p : parts)
        crc = oss::Crc64::combine(crc, p.crc64, quint64(p.size));
    return crc;
}

void UploadJob::completeUpload()
{
    m_completing = true;
    if (fileChanged()) {
        failChangedFile();
        return;
    }
    QList<UploadJournal::Part> parts = m_journal.parts;
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload>";
    for (const UploadJournal::Part& p : parts) {
        xml += "<Part><PartNumber>" + QByteArray::number(p.number) + "</PartNumber><ETag>" +
               p.etag.toHtmlEscaped().toUtf8() + "</ETag></Part>";
    }
    xml += "</CompleteMultipartUpload>";
    auto call = std::make_shared<Call>();
    call->method = "POST";
    call->query = {{u"uploadId"_s, m_journal.uploadId}};
    call->headers = {{"Content-Type", "application/xml"}};
    if (!m_options.overwrite)
        call->headers.append(qMakePair("x-oss-forbid-overwrite", "true"));
    call->body = xml;
    call->done = [this, raw = call.get()](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            // A retried Complete whose first attempt went through finds no upload any more.
            if (r.code == u"NoSuchUpload"_s && raw->attempt > 1) {
                verifyByHead({});
                return;
            }
            fail(r.errorAt(u"CompleteMultipartUpload %1"_s.arg(m_objectName)));
            return;
        }
        const QString etag = QString::fromLatin1(r.etag.isEmpty() ? xmlText(r.body, u"ETag"_s).toLatin1() : r.etag);
        if (r.crc64.isEmpty()) {
            verifyByHead(etag);
            return;
        }
        const quint64 expected = combinedCrc();
        if (r.crc64.toULongLong() != expected) {
            dropJournal();
            failDamaged(u"CRC-64 mismatch: %1 was completed with CRC %2 but its parts add up to %3"_s
                            .arg(m_objectName, QString::fromLatin1(r.crc64))
                            .arg(expected));
            return;
        }
        dropJournal();
        reportProgress(true);
        succeed({m_objectName, m_size, expected, etag, m_partsSent, m_resumed});
    };
    send(call);
}

void UploadJob::verifyByHead(const QString& etag)
{
    auto call = std::make_shared<Call>();
    call->method = "HEAD";
    call->done = [this, etag](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            fail(r.errorAt(u"HEAD %1 after CompleteMultipartUpload"_s.arg(m_objectName)));
            return;
        }
        const quint64 expected = combinedCrc();
        bool ok = false;
        const quint64 remote = r.crc64.toULongLong(&ok);
        if (!ok || remote != expected) {
            dropJournal();
            failDamaged(u"CRC-64 mismatch: %1 has CRC %2 but its parts add up to %3"_s
                            .arg(m_objectName, QString::fromLatin1(r.crc64))
                            .arg(expected));
            return;
        }
        dropJournal();
        reportProgress(true);
        succeed({m_objectName, m_size, expected, etag.isEmpty() ? QString::fromLatin1(r.etag) : etag, m_partsSent,
                 m_resumed});
    };
    send(call);
}

// The size and modification time the upload started from: the parts' CRCs only vouch for the
// bytes as they were read, and a file written meanwhile gives an object of two versions.
bool UploadJob::fileChanged() const
{
    const QFileInfo now(m_options.filePath);
    return !now.exists() || now.size() != m_size || now.lastModified().toMSecsSinceEpoch() != m_mtimeMs;
}

// Nothing of a file that changed mid-upload is kept: the multipart upload is aborted (or the
// object deleted) before the job fails, so that a command line exiting on the failure leaves
// no parts and no object of mixed versions behind.
void UploadJob::failChangedFile()
{
    const ApiError error = ApiError::usage(
        u"%1 changed while it was being uploaded; nothing of it was kept: upload it again"_s.arg(m_options.filePath));
    dropJournal();
    auto call = std::make_shared<Call>();
    call->method = "DELETE";
    if (!m_journal.uploadId.isEmpty())
        call->query = {{u"uploadId"_s, m_journal.uploadId}};
    call->done = [this, error](const OssReply&, FileWindowDevice*) { fail(error); };
    send(call);
}

// An object whose CRC-64 is not the file's must not pass for the file (the platform would
// analyse it): it is deleted before the job fails, so that a command line that exits on the
// failure does not leave it behind.
void UploadJob::failDamaged(const QString& detail)
{
    auto call = std::make_shared<Call>();
    call->method = "DELETE";
    call->done = [this, detail](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            fail(ApiError::malformed(detail + u"; the damaged object could not be deleted: "_s +
                                     r.errorAt(u"DELETE %1"_s.arg(m_objectName)).fullText()));
            return;
        }
        fail(ApiError::malformed(detail + u"; the damaged object was deleted"_s));
    };
    send(call);
}

bool UploadJob::saveJournal(bool force)
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
    if (!m_journal.save(m_journalFile, &error)) {
        fail(ApiError::usage(u"Cannot save the upload journal %1: %2"_s.arg(m_journalFile, error)));
        return false;
    }
    return true;
}

void UploadJob::flushJournal()
{
    if (m_journalDirty && !m_journalFile.isEmpty()) {
        m_journalDirty = false;
        m_journal.save(m_journalFile, nullptr);
    }
}

void UploadJob::dropJournal()
{
    m_journalDirty = false;
    if (!m_journalFile.isEmpty())
        UploadJournal::remove(m_journalFile);
}

void UploadJob::reportProgress(bool force)
{
    if (!force && m_progressClock.isValid() && m_progressClock.elapsed() < 200)
        return;
    m_progressClock.start();
    qint64 done = m_doneBytes;
    for (const qint64 bytes : std::as_const(m_inFlightBytes))
        done += bytes;
    Q_EMIT progress(qMin(done, m_size), m_size);
}

} // namespace bge
