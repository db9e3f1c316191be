#include "ossmultipartadapter.h"

#include "filewindowdevice.h"
#include "oss/crc64.h"
#include "ossuploadconnection.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace bge {

namespace {

constexpr int kMaxParts = 10000; // OSS's limit on the parts of one upload

QString unquoted(QString etag)
{
    etag.remove(u'"');
    return etag.toUpper();
}

} // namespace

OssMultipartAdapter::OssMultipartAdapter(OssUploadConnection* connection, bool overwrite)
    : m_connection(connection), m_overwrite(overwrite)
{
}

QString OssMultipartAdapter::protocol() const
{
    return u"oss"_s;
}

QList<QPair<QByteArray, QByteArray>> OssMultipartAdapter::objectHeaders(const QString& clientId, bool overwrite)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/octet-stream"}};
    if (!clientId.isEmpty())
        headers.append(qMakePair("x-oss-meta-bge-open-client-id", clientId.toUtf8()));
    if (!overwrite)
        headers.append(qMakePair("x-oss-forbid-overwrite", "true"));
    return headers;
}

quint64 OssMultipartAdapter::combinedCrc(const QList<UploadJournal::Part>& parts)
{
    quint64 crc = 0; // the CRC of nothing
    for (const UploadJournal::Part& p : parts)
        crc = oss::Crc64::combine(crc, p.crc64, quint64(p.size));
    return crc;
}

bool OssMultipartAdapter::sameReceipt(const QString& a, const QString& b) const
{
    return unquoted(a) == unquoted(b);
}

OssMultipartAdapter::PartRefusal OssMultipartAdapter::partRefusal(const QString& code)
{
    // OSS answers 400 RequestTimeout when a body stalls longer than it waits: the part was
    // fine, the link was not.
    if (code == u"RequestTimeout"_s)
        return PartRefusal::Retry;
    if (code == u"InvalidDigest"_s || code == u"BadDigest"_s || code == u"InvalidCRC64"_s)
        return PartRefusal::Resend;
    return PartRefusal::Final;
}

bool OssMultipartAdapter::discardsUpload(const ApiError& error) const
{
    // Only what proves the upload itself unusable: the server no longer knows it, or what its
    // part plan is made of is refused (a rerun would meet the same refusal). Expired or
    // refused credentials, a skewed clock, throttling and the like keep it for a rerun.
    const QString code = ossCode(error);
    if (code == u"NoSuchUpload"_s || code == u"EntityTooSmall"_s || code == u"EntityTooLarge"_s)
        return true;
    if (code == u"InvalidArgument"_s) {
        const QString detail = error.detail().toLower();
        return detail.contains(u"part number"_s) || detail.contains(u"partnumber"_s) ||
               detail.contains(u"uploadid"_s) || detail.contains(u"upload id"_s);
    }
    return false;
}

// A HEAD of the object: it is the result of these parts when its CRC-64 is theirs combined
// (64 bits of the very bytes; the ETag of a multipart object is not a digest of its content).
// Never deletes anything: an object that differs may be someone else's.
void OssMultipartAdapter::findCompleted(const QList<UploadJournal::Part>& parts,
                                        std::function<void(const CompleteReply&)> done)
{
    const quint64 expected = combinedCrc(parts);
    auto call = std::make_shared<OssCall>();
    call->method = "HEAD";
    call->done = [this, expected, done](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            done({r.errorAt(u"HEAD %1"_s.arg(m_connection->key())), false, {}});
            return;
        }
        bool ok = false;
        const quint64 remote = r.crc64.toULongLong(&ok);
        if (!ok || remote != expected) {
            done({ApiError::malformed(u"%1 is another object than these parts make"_s.arg(m_connection->key())),
                  false, {}});
            return;
        }
        done({{}, false, QString::fromLatin1(r.etag)});
    };
    m_connection->send(call);
}

void OssMultipartAdapter::stop()
{
    m_connection->stop();
}

void OssMultipartAdapter::abandon(const QString& uploadId)
{
    m_connection->abortDetached(uploadId);
}

void OssMultipartAdapter::initiate(std::function<void(const InitiateReply&)> done)
{
    auto call = std::make_shared<OssCall>();
    call->method = "POST";
    call->query = {{u"uploads"_s, QString()}};
    call->createsUpload = true;
    call->headers = objectHeaders(m_connection->target() ? m_connection->target()->clientId : QString(), m_overwrite);
    call->done = [this, done](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            done({r.errorAt(u"InitiateMultipartUpload %1"_s.arg(m_connection->key())), {}});
            return;
        }
        const QString uploadId = xmlText(r.body, u"UploadId"_s);
        if (uploadId.isEmpty()) {
            done({ApiError::malformed(u"InitiateMultipartUpload: no UploadId in the answer"_s), {}});
            return;
        }
        done({{}, uploadId});
    };
    m_connection->send(call);
}

void OssMultipartAdapter::uploadPart(const UploadPartRequest& part, std::function<void(qint64)> sent,
                                     std::function<void(const UploadPartReply&)> done)
{
    auto call = std::make_shared<OssCall>();
    call->method = "PUT";
    call->query = {{u"partNumber"_s, QString::number(part.number)}, {u"uploadId"_s, part.uploadId}};
    call->headers = {{"Content-Type", "application/octet-stream"}};
    call->window = part.window;
    call->progress = std::move(sent);
    call->retryTransient = false; // the engine retries parts
    const int number = part.number;
    call->done = [this, number, done](const OssReply& r, FileWindowDevice* device) {
        UploadPartReply reply;
        if (r.error) {
            reply.error = r.error.kind() == ApiError::Kind::Usage
                              ? r.error
                              : r.errorAt(u"UploadPart %1 of %2"_s.arg(number).arg(m_connection->key()));
            switch (partRefusal(r.code)) {
            case PartRefusal::Retry:
                reply.error = ApiError::timeout(reply.error.detail());
                break;
            case PartRefusal::Resend:
                reply.error = {};
                reply.damaged = true;
                reply.damage = r.errorAt(u"UploadPart %1 of %2"_s.arg(number).arg(m_connection->key())).detail();
                break;
            case PartRefusal::Final:
                break;
            }
            done(reply);
            return;
        }
        if (r.etag.isEmpty()) {
            reply.error = ApiError::malformed(u"UploadPart %1: no ETag in the answer"_s.arg(number));
            done(reply);
            return;
        }
        bool ok = false;
        const quint64 remote = r.crc64.toULongLong(&ok);
        if (!(ok && device && device->crcComplete() && device->crc64() == remote)) {
            reply.damaged = true;
            reply.damage = u"CRC-64 mismatch on part %1 of %2 (sent %3, OSS stored %4)"_s.arg(number)
                               .arg(m_connection->key())
                               .arg(device ? device->crc64() : 0)
                               .arg(QString::fromLatin1(r.crc64));
            done(reply);
            return;
        }
        reply.receipt = QString::fromLatin1(r.etag);
        reply.crc64 = remote;
        done(reply);
    };
    m_connection->send(call);
}

void OssMultipartAdapter::listParts(const QString& uploadId, int, std::function<void(const ListPartsReply&)> done)
{
    listPage(uploadId, {}, {}, std::move(done));
}

void OssMultipartAdapter::listPage(const QString& uploadId, const QString& marker, QList<UploadJournal::Part> found,
                                   std::function<void(const ListPartsReply&)> done)
{
    auto call = std::make_shared<OssCall>();
    call->method = "GET";
    call->query = {{u"uploadId"_s, uploadId}};
    if (!marker.isEmpty())
        call->query.append(qMakePair(u"part-number-marker"_s, marker));
    call->done = [this, uploadId, marker, found, done](const OssReply& r, FileWindowDevice*) mutable {
        ListPartsReply reply;
        if (r.error) {
            reply.uploadGone = r.code == u"NoSuchUpload"_s; // aborted or expired on the server
            reply.error = r.errorAt(u"ListParts %1"_s.arg(m_connection->key()));
            done(reply);
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
                    part.receipt = xml.readElementText();
                else if (name == u"Size")
                    part.size = xml.readElementText().toLongLong();
                else if (name == u"IsTruncated")
                    truncated = xml.readElementText() == u"true"_s;
                else if (name == u"NextPartNumberMarker")
                    next = xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == u"Part") {
                found.append(part);
            }
        }
        if (xml.hasError()) {
            reply.error = ApiError::malformed(u"ListParts: %1"_s.arg(xml.errorString()));
            done(reply);
            return;
        }
        if (truncated) {
            // A page must move forward, and OSS has at most 10,000 parts: a server that repeats
            // or goes back would otherwise keep this loop (and the list) growing for ever.
            bool numeric = false;
            const int nextNumber = next.toInt(&numeric);
            if (!numeric || nextNumber <= marker.toInt() || nextNumber > kMaxParts || found.size() > kMaxParts) {
                reply.error = ApiError::malformed(u"ListParts %1: the part list does not advance (marker %2 after %3)"_s.arg(
                    m_connection->key(), next, marker));
                done(reply);
                return;
            }
            listPage(uploadId, next, found, done);
            return;
        }
        reply.parts = found;
        done(reply);
    };
    m_connection->send(call);
}

void OssMultipartAdapter::complete(const QString& uploadId, const QList<UploadJournal::Part>& parts,
                                   std::function<void(const CompleteReply&)> done)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload>";
    for (const UploadJournal::Part& p : parts) {
        xml += "<Part><PartNumber>" + QByteArray::number(p.number) + "</PartNumber><ETag>" +
               p.receipt.toHtmlEscaped().toUtf8() + "</ETag></Part>";
    }
    xml += "</CompleteMultipartUpload>";
    const quint64 expected = combinedCrc(parts);
    auto call = std::make_shared<OssCall>();
    call->method = "POST";
    call->query = {{u"uploadId"_s, uploadId}};
    call->headers = {{"Content-Type", "application/xml"}};
    if (!m_overwrite)
        call->headers.append(qMakePair("x-oss-forbid-overwrite", "true"));
    call->body = xml;
    call->done = [this, parts, expected, done, raw = call.get()](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            // A retried Complete whose first attempt went through finds no upload any more.
            if (r.code == u"NoSuchUpload"_s && raw->attempt > 1) {
                verifyByHead({}, expected, done);
                return;
            }
            // Even on our first attempt: the network stack may have sent the request again on
            // a fresh connection, or an earlier run's Complete may have made the object. It is
            // ours when it is what these parts make; anything else is left alone (it may be
            // someone else's) and the refusal stands.
            if (r.code == u"NoSuchUpload"_s) {
                const ApiError refusal = r.errorAt(u"CompleteMultipartUpload %1"_s.arg(m_connection->key()));
                findCompleted(parts, [done, refusal](const CompleteReply& found) {
                    // A look that could not be made (no answer) says nothing: passed on as it is,
                    // so the journal is kept; a clear "not ours" lets the refusal stand.
                    const bool unknown = found.error && found.error.isRetryable();
                    done(found.error && !unknown ? CompleteReply{refusal, false, {}} : found);
                });
                return;
            }
            done({r.errorAt(u"CompleteMultipartUpload %1"_s.arg(m_connection->key())), false, {}});
            return;
        }
        const QString etag = QString::fromLatin1(r.etag.isEmpty() ? xmlText(r.body, u"ETag"_s).toLatin1() : r.etag);
        if (r.crc64.isEmpty()) {
            verifyByHead(etag, expected, done);
            return;
        }
        if (r.crc64.toULongLong() != expected) {
            deleteDamaged(m_connection,
                          u"CRC-64 mismatch: %1 was completed with CRC %2 but its parts add up to %3"_s
                              .arg(m_connection->key(), QString::fromLatin1(r.crc64))
                              .arg(expected),
                          [done](const ApiError& e) { done({e, true, {}}); });
            return;
        }
        done({{}, false, etag});
    };
    m_connection->send(call);
}

void OssMultipartAdapter::verifyByHead(const QString& etag, quint64 expected,
                                       std::function<void(const CompleteReply&)> done)
{
    auto call = std::make_shared<OssCall>();
    call->method = "HEAD";
    call->done = [this, etag, expected, done](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            done({r.errorAt(u"HEAD %1 after CompleteMultipartUpload"_s.arg(m_connection->key())), false, {}});
            return;
        }
        bool ok = false;
        const quint64 remote = r.crc64.toULongLong(&ok);
        if (!ok || remote != expected) {
            deleteDamaged(m_connection,
                          u"CRC-64 mismatch: %1 has CRC %2 but its parts add up to %3"_s
                              .arg(m_connection->key(), QString::fromLatin1(r.crc64))
                              .arg(expected),
                          [done](const ApiError& e) { done({e, true, {}}); });
            return;
        }
        done({{}, false, etag.isEmpty() ? QString::fromLatin1(r.etag) : etag});
    };
    m_connection->send(call);
}

// An object whose CRC-64 is not the file's must not pass for the file (the platform would
// analyse it): it is deleted before the job fails, so that a command line that exits on the
// failure does not leave it behind.
void OssMultipartAdapter::deleteDamaged(OssUploadConnection* connection, const QString& detail,
                                        std::function<void(const ApiError&)> done)
{
    auto call = std::make_shared<OssCall>();
    call->method = "DELETE";
    call->done = [connection, detail, done](const OssReply& r, FileWindowDevice*) {
        if (r.error) {
            done(ApiError::malformed(detail + u"; the damaged object could not be deleted: "_s +
                                     r.errorAt(u"DELETE %1"_s.arg(connection->key())).fullText()));
            return;
        }
        done(ApiError::malformed(detail + u"; the damaged object was deleted"_s));
    };
    connection->send(call);
}

void OssMultipartAdapter::abortUpload(const QString& uploadId, std::function<void()> done)
{
    auto call = std::make_shared<OssCall>();
    call->method = "DELETE";
    if (!uploadId.isEmpty())
        call->query = {{u"uploadId"_s, uploadId}};
    call->done = [done](const OssReply&, FileWindowDevice*) { done(); };
    m_connection->send(call);
}

} // namespace bge
