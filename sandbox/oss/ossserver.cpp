#include "ossserver.h"

#include "bodysink.h"
#include "diskossstore.h"
#include "ossauthenticator.h"
#include "osserror.h"
#include "ossxml.h"
#include "segmentreader.h"
#include "loopbackserver.h"

#include "oss/httpdate.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>

#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <thread>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxXmlBody = 2 * 1024 * 1024;
constexpr qint64 kMaxDrain = 16 * 1024 * 1024;

QByteArray requestId()
{
    QByteArray id;
    for (int i = 0; i < 24; ++i)
        id += "0123456789ABCDEF"[QRandomGenerator::global()->bounded(16)];
    return id;
}

bool isLoopbackName(const QString& host)
{
    return host == u"localhost" || host == u"::1" || host == u"[::1]";
}

bool isIpAddress(const QString& host)
{
    return host.startsWith(u'[') || (!host.isEmpty() && host.count(u'.') == 3
                                     && std::all_of(host.cbegin(), host.cend(),
                                                    [](QChar c) { return c.isDigit() || c == u'.'; }));
}

// One incoming object-storage call, as the handlers see it.
struct OssCall
{
    OssCall(const httplib::Request& r, httplib::Response& s, const httplib::ContentReader* c) : req(r), res(s), reader(c) {}
    const httplib::Request& req;
    httplib::Response& res;
    const httplib::ContentReader* reader = nullptr; // PUT/POST only
    QByteArray id = requestId();
    QString hostId;
    oss::SignableRequest signable;
    bool head() const { return req.method == "HEAD"; }
    qint64 contentLength() const { return QByteArray::fromStdString(req.get_header_value("Content-Length")).toLongLong(); }
    // A body of unannounced length (Transfer-Encoding: chunked): its size is known only once read.
    bool chunked() const { return req.has_header("Transfer-Encoding"); }
    // x-oss-forbid-overwrite: true keeps an existing object (PutObject, InitiateMultipartUpload,
    // CompleteMultipartUpload). Sandbox convention: any other value, as its absence, allows
    // overwriting (OSS documents only "true" and "false").
    bool forbidsOverwrite() const { return signable.header("x-oss-forbid-overwrite").trimmed().toLower() == "true"; }
};

// What became of a request body.
enum class Received { Whole, Gone, TooLarge };

// A Content-MD5 or x-oss-hash-crc64ecma the client sent that the body does not match.
std::optional<OssError> digestMismatch(const OssCall& call, const BodySink& sink)
{
    const QByteArray md5 = call.signable.header("Content-MD5");
    if (!md5.isEmpty() && md5 != sink.md5().toBase64())
        return OssError::invalidDigest();
    const QByteArray crc = call.signable.header("x-oss-hash-crc64ecma");
    if (!crc.isEmpty() && crc != QByteArray::number(sink.crc64()))
        return OssError::invalidCrc64();
    return std::nullopt;
}

QString keyProblem(const QString& key)
{
    const qsizetype bytes = key.toUtf8().size();
    if (bytes == 0 || bytes > 1023 || key.startsWith(u'/') || key.startsWith(u'\\'))
        return u"invalid"_s;
    return {};
}

} // namespace

struct OssServer::Private
{
    Private(OssServerConfig c, const StsRegistry& registry)
        : config(std::move(c)), store(config.dataDirectory),
          authenticator(registry, config.region, config.maxClockSkewSeconds, config.clockOffsetSeconds,
                        config.clockOffsetAfterRequests)
    {
    }

    OssServerConfig config;
    DiskOssStore store;
    OssAuthenticator authenticator;
    LoopbackServer loopback{QStringLiteral("object storage"), 24};
    std::atomic<qint64> bodiesSeen{0};    // PutObject/UploadPart bodies, for FaultInjection::evenly
    std::atomic<qint64> completesSeen{0}; // CompleteMultipartUpload calls, likewise
    // Writes done, each kind on its own, for the lost-reply faults (FaultInjection::evenly).
    std::atomic<qint64> putsStored{0};
    std::atomic<qint64> partsStored{0};
    std::atomic<qint64> completesDone{0};

    void handle(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader);
    void fail(OssCall& call, const OssError& error);
    void finishHeaders(OssCall& call);
    void drainBody(OssCall& call);
    Received receiveBody(OssCall& call, BodySink& sink);
    bool refuseExisting(OssCall& call);
    bool loseReply(OssCall& call, double rate, std::atomic<qint64>& counter, const char* what);

    void putObject(OssCall& call);
    void uploadPart(OssCall& call);
    void initiate(OssCall& call);
    void complete(OssCall& call);
    void listParts(OssCall& call);
    void abort(OssCall& call);
    void getObject(OssCall& call);
    void deleteObject(OssCall& call);
};

void OssServer::Private::finishHeaders(OssCall& call)
{
    call.res.set_header("x-oss-request-id", call.id.toStdString());
    call.res.set_header("Server", "AliyunOSS");
    call.res.set_header("Date", oss::toHttpDate(authenticator.serverTime()).toStdString());
}

void OssServer::Private::fail(OssCall& call, const OssError& error)
{
    const QByteArray xml = error.toXml(call.id, call.hostId);
    call.res.status = error.status;
    finishHeaders(call);
    if (!error.ec.isEmpty())
        call.res.set_header("x-oss-ec", error.ec.toStdString());
    if (call.head()) {
        // HEAD answers have no body: the error travels base64-encoded in x-oss-err.
        call.res.set_header("x-oss-err", xml.toBase64().toStdString());
        return;
    }
    call.res.set_content(xml.constData(), std::size_t(xml.size()), "application/xml");
}

void OssServer::Private::drainBody(OssCall& call)
{
    // An answer given before the body was read must not leave that body on a connection that
    // would be reused: read small bodies away, and close the connection under big ones.
    if (!call.reader)
        return;
    if (call.contentLength() > kMaxDrain || call.chunked()) {
        call.res.set_header("Connection", "close");
        return;
    }
    (*call.reader)([](const char*, size_t) { return true; });
}

// The object exists and the request forbids overwriting it: refused with 409 FileAlreadyExists
// before its body is read, as OSS answers on the headers.
bool OssServer::Private::refuseExisting(OssCall& call)
{
    if (!call.forbidsOverwrite() || !store.stat(call.signable.key))
        return false;
    drainBody(call);
    fail(call, OssError::fileAlreadyExists());
    return true;
}

// Fault injection: the write is done and its answer ready, then the connection is cut so that
// the answer never arrives (see FaultInjection::lostPutReplyRate).
bool OssServer::Private::loseReply(OssCall& call, double rate, std::atomic<qint64>& counter, const char* what)
{
    if (!FaultInjection::evenly(rate, counter))
        return false;
    QTextStream(stderr) << "oss: fault: lost the reply to " << what << ' ' << call.signable.key << Qt::endl;
    dropConnection(call.req);
    return true;
}

Received OssServer::Private::receiveBody(OssCall& call, BodySink& sink)
{
    const qint64 expected = call.contentLength();
    bool tooLarge = false;
    const bool drop = FaultInjection::chance(config.faults.dropRate);
    // Fault injection: one bit of the body flipped on arrival, before the digests, so the
    // answer's CRC-64 and ETag describe the damaged bytes (see FaultInjection).
    bool corrupt = expected > 0 && FaultInjection::evenly(config.faults.corruptRate, bodiesSeen);
    const BandwidthPacer pacer(config.faults.bandwidthKiBps);
    QByteArray damaged;
    const bool ok = (*call.reader)([&](const char* data, size_t size) {
        const qint64 received = sink.size();
        // A chunked body announces no length: counted as it comes, so that it cannot grow past
        // the limit a Content-Length is held to.
        if (received + qint64(size) > config.maxObjectSize) {
            tooLarge = true;
            return false;
        }
        if (drop && received + qint64(size) > expected / 2) {
            dropConnection(call.req); // fault injection: the connection dies mid-body
            return false;
        }
        if (corrupt && received + qint64(size) > expected / 2) {
            damaged = QByteArray(data, qsizetype(size));
            damaged[qsizetype(expected / 2 - received)] ^= 0x10;
            data = damaged.constData();
            corrupt = false;
            QTextStream(stderr) << "oss: fault: flipped a bit of " << call.signable.key << " at byte "
                                << expected / 2 << Qt::endl;
        }
        pacer.pace(received + qint64(size));
        return sink.write(data, qsizetype(size));
    });
    if (tooLarge) {
        sink.discard();
        call.res.set_header("Connection", "close"); // the rest of the body is still on its way
        fail(call, OssError::entityTooLarge());
        return Received::TooLarge;
    }
    if (!ok || !sink.finish()) {
        sink.discard();
        return Received::Gone;
    }
    return Received::Whole;
}

void OssServer::Private::handle(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader)
{
    OssCall call{req, res, reader};
    const QString hostHeader = QString::fromStdString(req.get_header_value("Host"));
    call.hostId = hostHeader;
    if (config.faults.latencyMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(config.faults.latencyMs));
    if (FaultInjection::chance(config.faults.errorRate)) {
        drainBody(call);
        return fail(call, OssError::serviceUnavailable());
    }

    // Addressing (oss-protocol.md section 7): path-style when the first segment is the
    // bucket; virtual-hosted when the Host's first label is; a bare loopback name is a CNAME
    // of the only bucket.
    const QString host = hostHeader.startsWith(u'[') ? hostHeader.section(u']', 0, 0) + u']'
                                                      : hostHeader.section(u':', 0, 0);
    const QString path = QString::fromStdString(req.path).mid(1);
    const QString firstSegment = path.section(u'/', 0, 0);
    auto& s = call.signable;
    if (firstSegment == config.bucket) {
        s.bucket = config.bucket;
        s.key = path.mid(firstSegment.size() + 1);
    } else if (host.section(u'.', 0, 0) == config.bucket && host.contains(u'.') && !isIpAddress(host)) {
        s.bucket = config.bucket;
        s.key = path;
    } else if (isLoopbackName(host)) {
        s.bucket = config.bucket;
        s.key = path;
    } else {
        drainBody(call);
        return fail(call, OssError::noSuchBucket(isIpAddress(host) || host.isEmpty() ? firstSegment
                                                                                      : host.section(u'.', 0, 0)));
    }
    s.method = QByteArray::fromStdString(req.method);
    for (const auto& [name, value] : req.params)
        s.query.emplaceBack(QString::fromStdString(name), QString::fromStdString(value));
    for (const auto& [name, value] : req.headers)
        s.headers.emplaceBack(QByteArray::fromStdString(name), QByteArray::fromStdString(value));

    const auto authenticated = authenticator.authenticate(s, QDateTime::currentDateTimeUtc());
    if (const auto* error = std::get_if<OssError>(&authenticated)) {
        drainBody(call);
        return fail(call, *error);
    }
    const StsGrant& grant = std::get<StsGrant>(authenticated);

    if (s.key.isEmpty()) {
        drainBody(call);
        return fail(call, OssError::notImplemented(u"bucket operations"_s));
    }
    if (!keyProblem(s.key).isEmpty()) {
        drainBody(call);
        return fail(call, OssError::invalidObjectName());
    }
    // The platform's rule: objects go to <destination>/<name>, never into a sub-directory.
    const bool write = req.method == "PUT" || req.method == "POST" || req.method == "DELETE";
    const QString name = s.key.mid(grant.prefix.size());
    if (!s.key.startsWith(grant.prefix) || (!grant.prefix.isEmpty() && (name.isEmpty() || name.contains(u'/')))
        || (write && !grant.writable)) {
        drainBody(call);
        return fail(call, OssError::accessDenied(u"You have no right to access this object because of bucket acl."_s));
    }

    const bool hasUploadId = s.hasQueryItem(u"uploadId");
    if (req.method == "PUT")
        return hasUploadId || s.hasQueryItem(u"partNumber") ? uploadPart(call) : putObject(call);
    if (req.method == "POST") {
        if (s.hasQueryItem(u"uploads"))
            return initiate(call);
        if (hasUploadId)
            return complete(call);
        drainBody(call);
        return fail(call, OssError::notImplemented(u"PostObject"_s));
    }
    if (req.method == "DELETE")
        return hasUploadId ? abort(call) : deleteObject(call);
    if (hasUploadId)
        return call.head() ? fail(call, OssError::notImplemented(u"HEAD with uploadId"_s)) : listParts(call);
    getObject(call);
}

void OssServer::Private::putObject(OssCall& call)
{
    if (call.contentLength() > config.maxObjectSize) {
        drainBody(call);
        return fail(call, OssError::entityTooLarge());
    }
    if (refuseExisting(call))
        return;
    BodySink sink(store.temporaryPath());
    if (!sink.isOpen()) {
        drainBody(call);
        return fail(call, OssError::internalError());
    }
    if (receiveBody(call, sink) != Received::Whole)
        return; // the connection is gone, or the refusal made
    if (const auto mismatch = digestMismatch(call, sink)) {
        sink.discard();
        return fail(call, *mismatch);
    }
    OssObjectInfo info;
    info.key = call.signable.key;
    info.size = sink.size();
    info.etag = '"' + sink.md5().toHex().toUpper() + '"';
    info.crc64 = sink.crc64();
    info.contentType = call.signable.header("Content-Type");
    if (info.contentType.isEmpty())
        info.contentType = "application/octet-stream";
    info.lastModified = QDateTime::currentDateTimeUtc();
    for (const auto& [name, value] : call.signable.headers) {
        if (name.toLower().startsWith("x-oss-meta-"))
            info.userMetadata.emplaceBack(name.toLower(), value);
    }
    // Checked again as the object is stored: another writer may have got there during the body.
    switch (store.commitObject(sink.path(), info, call.forbidsOverwrite())) {
    case DiskOssStore::Commit::Stored:
        break;
    case DiskOssStore::Commit::Exists:
        return fail(call, OssError::fileAlreadyExists());
    case DiskOssStore::Commit::Failed:
        return fail(call, OssError::internalError());
    }
    call.res.status = 200;
    finishHeaders(call);
    call.res.set_header("ETag", info.etag.toStdString());
    call.res.set_header("x-oss-hash-crc64ecma", std::to_string(info.crc64));
    call.res.set_header("Content-MD5", sink.md5().toBase64().toStdString());
    loseReply(call, config.faults.lostPutReplyRate, putsStored, "PutObject");
}

void OssServer::Private::uploadPart(OssCall& call)
{
    const QString uploadId = call.signable.queryItem(u"uploadId");
    bool ok = false;
    const int number = call.signable.queryItem(u"partNumber").toInt(&ok);
    if (!ok || number < 1 || number > 10000) {
        drainBody(call);
        return fail(call, OssError::invalidArgument(u"Part number must be an integer between 1 and 10000, inclusive."_s,
                                                    u"partNumber"_s, call.signable.queryItem(u"partNumber")));
    }
    const auto upload = store.upload(uploadId);
    if (!upload || upload->key != call.signable.key) {
        drainBody(call);
        return fail(call, OssError::noSuchUpload(uploadId));
    }
    if (call.contentLength() > config.maxObjectSize) {
        drainBody(call);
        return fail(call, OssError::entityTooLarge());
    }
    BodySink sink(store.temporaryPath());
    if (receiveBody(call, sink) != Received::Whole)
        return;
    if (const auto mismatch = digestMismatch(call, sink)) {
        sink.discard();
        return fail(call, *mismatch);
    }
    const PartInfo part{number, sink.size(), '"' + sink.md5().toHex().toUpper() + '"', sink.md5(), sink.crc64(),
                        QDateTime::currentDateTimeUtc()};
    if (!store.commitPart(uploadId, part, sink.path())) {
        sink.discard();
        return fail(call, OssError::noSuchUpload(uploadId));
    }
    call.res.status = 200;
    finishHeaders(call);
    call.res.set_header("ETag", part.etag.toStdString());
    call.res.set_header("x-oss-hash-crc64ecma", std::to_string(part.crc64));
    loseReply(call, config.faults.lostPartReplyRate, partsStored, "UploadPart");
}

void OssServer::Private::initiate(OssCall& call)
{
    if (refuseExisting(call))
        return;
    drainBody(call);
    QList<QPair<QByteArray, QByteArray>> meta;
    for (const auto& [name, value] : call.signable.headers) {
        if (name.toLower().startsWith("x-oss-meta-"))
            meta.emplaceBack(name.toLower(), value);
    }
    QByteArray type = call.signable.header("Content-Type");
    const UploadInfo upload = store.createUpload(call.signable.key, type.isEmpty() ? "application/octet-stream" : type, meta);
    const QByteArray xml = OssXml::initiateResult(call.signable.bucket, call.signable.key, upload.uploadId);
    call.res.status = 200;
    finishHeaders(call);
    call.res.set_content(xml.constData(), std::size_t(xml.size()), "application/xml");
}

void OssServer::Private::complete(OssCall& call)
{
    const QString uploadId = call.signable.queryItem(u"uploadId");
    if (call.contentLength() > kMaxXmlBody) {
        drainBody(call);
        return fail(call, OssError::malformedXml());
    }
    // Sandbox convention: an existing object is refused before the upload is looked at, so that
    // a Complete sent again after its reply was lost meets 409 FileAlreadyExists (the object it
    // made is there) rather than NoSuchUpload, as on OSS, which checks the target object first.
    if (refuseExisting(call))
        return;
    QByteArray body;
    (*call.reader)([&](const char* data, size_t size) {
        body.append(data, qsizetype(size));
        return body.size() <= kMaxXmlBody;
    });
    const auto upload = store.upload(uploadId);
    if (!upload || upload->key != call.signable.key)
        return fail(call, OssError::noSuchUpload(uploadId));
    const QByteArray md5 = call.signable.header("Content-MD5");
    if (!md5.isEmpty() && md5 != QCryptographicHash::hash(body, QCryptographicHash::Md5).toBase64())
        return fail(call, OssError::invalidDigest());
    QList<QPair<int, QByteArray>> requested;
    if (call.signable.header("x-oss-complete-all").toLower() != "yes") {
        const auto parsed = OssXml::parseCompleteRequest(body);
        if (!parsed)
            return fail(call, OssError::malformedXml());
        requested = *parsed;
    }
    // Fault injection: the object assembled with one bit flipped, its CRC-64 that of the damaged
    // bytes, so it no longer matches what the parts add up to (see FaultInjection).
    const bool corrupt = FaultInjection::evenly(config.faults.corruptCompleteRate, completesSeen);
    const auto result = store.completeUpload(uploadId, requested, corrupt, call.forbidsOverwrite());
    if (const auto* error = std::get_if<OssError>(&result))
        return fail(call, *error);
    if (corrupt)
        QTextStream(stderr) << "oss: fault: flipped a bit of " << call.signable.key << " when completing it" << Qt::endl;
    const OssObjectInfo& object = std::get<OssObjectInfo>(result);
    const QString location = u"http://"_s + call.hostId + u'/' + call.signable.key;
    const QByteArray xml = OssXml::completeResult(location, call.signable.bucket, call.signable.key, object.etag);
    call.res.status = 200;
    finishHeaders(call);
    call.res.set_header("ETag", object.etag.toStdString());
    call.res.set_header("x-oss-hash-crc64ecma", std::to_string(object.crc64));
    call.res.set_content(xml.constData(), std::size_t(xml.size()), "application/xml");
    loseReply(call, config.faults.lostCompleteReplyRate, completesDone, "CompleteMultipartUpload");
}

void OssServer::Private::listParts(OssCall& call)
{
    const QString uploadId = call.signable.queryItem(u"uploadId");
    const auto upload = store.upload(uploadId);
    if (!upload || upload->key != call.signable.key)
        return fail(call, OssError::noSuchUpload(uploadId));
    bool ok = true;
    const int maxParts = call.signable.hasQueryItem(u"max-parts") ? call.signable.queryItem(u"max-parts").toInt(&ok) : 1000;
    if (!ok || maxParts < 1 || maxParts > 1000)
        return fail(call, OssError::invalidArgument(u"max-parts must be between 1 and 1000."_s, u"max-parts"_s,
                                                    call.signable.queryItem(u"max-parts")));
    const int marker = call.signable.queryItem(u"part-number-marker").toInt();
    const QByteArray xml = OssXml::listPartsResult(call.signable.bucket, call.signable.key, uploadId,
                                                   std::max(0, marker), maxParts, store.parts(uploadId));
    call.res.status = 200;
    finishHeaders(call);
    call.res.set_content(xml.constData(), std::size_t(xml.size()), "application/xml");
}

void OssServer::Private::abort(OssCall& call)
{
    const QString uploadId = call.signable.queryItem(u"uploadId");
    const auto upload = store.upload(uploadId);
    if (!upload || upload->key != call.signable.key || !store.abortUpload(uploadId))
        return fail(call, OssError::noSuchUpload(uploadId));
    call.res.status = 204;
    finishHeaders(call);
}

void OssServer::Private::deleteObject(OssCall& call)
{
    // Like OSS, deleting an object that does not exist succeeds.
    store.removeObject(call.signable.key);
    call.res.status = 204;
    finishHeaders(call);
}

void OssServer::Private::getObject(OssCall& call)
{
    const auto object = store.stat(call.signable.key);
    if (!object)
        return fail(call, OssError::noSuchKey(call.signable.key));

    // One range "bytes=a-b", "a-" or "-n". OSS ignores a range it cannot satisfy and returns the
    // whole object with 200 (unless x-oss-range-behavior: standard, which we do not emulate).
    qint64 first = 0;
    qint64 length = object->size;
    bool partial = false;
    const QString range = QString::fromLatin1(call.signable.header("Range")).trimmed();
    if (range.startsWith(u"bytes=") && !range.contains(u',')) {
        const QString spec = range.mid(6);
        const QString a = spec.section(u'-', 0, 0).trimmed();
        const QString b = spec.section(u'-', 1).trimmed();
        bool okA = false;
        bool okB = false;
        const qint64 from = a.toLongLong(&okA);
        const qint64 to = b.toLongLong(&okB);
        if (okA && (b.isEmpty() || okB) && from < object->size && (b.isEmpty() || to >= from)) {
            first = from;
            length = (b.isEmpty() ? object->size - 1 : std::min(to, object->size - 1)) - from + 1;
            partial = true;
        } else if (a.isEmpty() && okB && to > 0 && object->size > 0) {
            first = std::max<qint64>(0, object->size - to);
            length = object->size - first;
            partial = true;
        }
    }

    // The first file is opened now, the others as the body reaches them: an object replaced or
    // deleted during the download may end the body early (the client sees a short transfer),
    // never mixes two objects (see SegmentReader).
    const auto reader = std::make_shared<SegmentReader>(object->segments);
    if (length > 0 && !reader->open(first))
        return fail(call, OssError::internalError());

    call.res.status = partial ? 206 : 200;
    finishHeaders(call);
    call.res.set_header("ETag", object->etag.toStdString());
    call.res.set_header("x-oss-hash-crc64ecma", std::to_string(object->crc64));
    call.res.set_header("Last-Modified", oss::toHttpDate(object->lastModified).toStdString());
    call.res.set_header("Accept-Ranges", "bytes");
    call.res.set_header("x-oss-object-type", object->etag.contains('-') ? "Multipart" : "Normal");
    for (const auto& [name, value] : object->userMetadata)
        call.res.set_header(name.toStdString(), value.toStdString());
    if (partial)
        call.res.set_header("Content-Range", u"bytes %1-%2/%3"_s.arg(first).arg(first + length - 1).arg(object->size).toStdString());

    // OSS answers an empty object with Content-Length: 0; a provider of no bytes would leave the
    // header out (clients check the size against it).
    if (length == 0) {
        call.res.set_header("Content-Type", object->contentType.toStdString());
        call.res.set_header("Content-Length", "0");
        return;
    }
    const bool drop = FaultInjection::chance(config.faults.dropRate);
    const auto pacer = std::make_shared<BandwidthPacer>(config.faults.bandwidthKiBps);
    call.res.set_content_provider(
        std::size_t(length), object->contentType.toStdString(),
        [reader, first, length, drop, pacer](size_t offset, size_t, httplib::DataSink& sink) {
            if (drop && qint64(offset) >= length / 2)
                return false; // fault injection: the connection dies mid-body
            static constexpr qint64 kChunk = 1 << 20;
            std::vector<char> buffer(kChunk);
            const qint64 want = std::min(kChunk, length - qint64(offset));
            const qint64 got = reader->read(first + qint64(offset), buffer.data(), want);
            if (got <= 0)
                return false;
            pacer->pace(qint64(offset) + got);
            return sink.write(buffer.data(), size_t(got));
        });
}

OssServer::OssServer(OssServerConfig config, const StsRegistry& registry)
    : d(std::make_unique<Private>(std::move(config), registry))
{
    httplib::Server& s = d->loopback.http();
    // OSS range semantics differ from httplib's (an unsatisfiable range yields the whole
    // object), so ranges are served by getObject() and httplib must not apply them again.
    s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
        const_cast<httplib::Request&>(req).ranges.clear();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        // The part number, never the whole query: a presigned URL's query holds its signature.
        // Digits only, so that a client cannot write lines of its own into the log.
        std::string part = req.get_param_value("partNumber");
        if (part.size() > 5 || !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
            part.clear();
        QTextStream(stderr) << "oss: " << QString::fromStdString(req.method) << ' '
                            << QString::fromStdString(req.path)
                            << (part.empty() ? QString() : u"?partNumber="_s + QString::fromStdString(part)) << ' '
                            << res.status << Qt::endl;
    });
    const std::string any = R"(/.*)";
    const auto plain = [this](const httplib::Request& req, httplib::Response& res) { d->handle(req, res, nullptr); };
    const auto withBody = [this](const httplib::Request& req, httplib::Response& res,
                                 const httplib::ContentReader& reader) { d->handle(req, res, &reader); };
    s.Get(any, plain);
    s.Delete(any, plain);
    s.Put(any, withBody);
    s.Post(any, withBody);
}

OssServer::~OssServer() = default;

bool OssServer::bind(int port, QString* error)
{
    return d->loopback.bind(port, error);
}

int OssServer::port() const
{
    return d->loopback.port();
}

void OssServer::run()
{
    d->loopback.run();
}

void OssServer::stop()
{
    d->loopback.stop();
}

OssStore& OssServer::store()
{
    return d->store;
}

} // namespace bge::sandbox
