#include "ossrequest.h"

#include "httpresponseparser.h"
#include "oss/signablerequest.h"
#include "oss/signaturev1.h"
#include "oss/signaturev4.h"
#include "net/tlsrefusal.h"

#include <QHostAddress>
#include <QStringList>
#include <QNetworkReply>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace bge {

bool usesPathStyle(const QUrl& endpoint)
{
    // A host name without a dot (this machine's or an intranet name, never an OSS region's)
    // has no bucket subdomains anyone could resolve, a proxy no more than we.
    const QString host = endpoint.host();
    return host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || !QHostAddress(host).isNull() ||
           (!host.isEmpty() && !host.contains(u'.'));
}

QByteArray v4Region(const QString& region)
{
    return (region.startsWith(u"oss-"_s) ? region.mid(4) : region).toUtf8();
}

namespace {

QString encodedQuery(const QList<QPair<QString, QString>>& query)
{
    QString q;
    for (const auto& [name, value] : query) {
        if (!q.isEmpty())
            q += u'&';
        q += QString::fromLatin1(QUrl::toPercentEncoding(name));
        if (!value.isEmpty())
            q += u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    return q;
}

} // namespace

QNetworkRequest signedOssRequest(const OssLocation& location, const oss::OssCredentials& credentials,
                                 const QByteArray& method, const QString& key,
                                 const QList<QPair<QString, QString>>& query,
                                 const QList<QPair<QByteArray, QByteArray>>& headers, const QDateTime& now)
{
    oss::SignableRequest r;
    r.method = method;
    r.bucket = location.bucket;
    r.key = key;
    r.query = query;
    for (const auto& [name, value] : headers)
        r.setHeader(name, value);
    if (location.signature == OssSignatureVersion::V4)
        oss::SignatureV4::signHeaders(r, credentials, now, v4Region(location.region));
    else
        oss::SignatureV1::signHeaders(r, credentials, now);

    QUrl url = location.endpoint;
    const QString path = QString::fromLatin1(QUrl::toPercentEncoding(key, "/"));
    if (usesPathStyle(location.endpoint)) {
        url.setPath(u'/' + location.bucket + u'/' + path, QUrl::StrictMode);
    } else {
        url.setHost(location.bucket + u'.' + location.endpoint.host());
        url.setPath(u'/' + path, QUrl::StrictMode);
    }
    if (!query.isEmpty())
        url.setQuery(encodedQuery(query), QUrl::StrictMode);

    QNetworkRequest request(url);
    for (const auto& [name, value] : r.headers)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(60000); // a stalled transfer becomes a time-out, then a retry
    return request;
}

QString xmlText(const QByteArray& xml, const QString& name)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == name)
            return reader.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    return {};
}

OssError OssError::parse(int status, const QByteArray& body, const QByteArray& errHeader)
{
    const QByteArray xml = body.isEmpty() && !errHeader.isEmpty() ? QByteArray::fromBase64(errHeader) : body;
    OssError e;
    e.status = status;
    e.code = xmlText(xml, u"Code"_s);
    e.message = xmlText(xml, u"Message"_s);
    e.requestId = xmlText(xml, u"RequestId"_s);
    if (e.code.isEmpty() && status == 404)
        e.code = u"NoSuchKey"_s;
    return e;
}

ApiError OssError::toApiError(const QString& where) const
{
    QString detail = (code.isEmpty() ? u"HTTP %1"_s.arg(status) : code) + u": "_s +
                     (message.isEmpty() ? u"(no message)"_s : message);
    QStringList notes;
    if (!requestId.isEmpty())
        notes.append(u"request %1"_s.arg(requestId));
    if (!where.isEmpty())
        notes.append(where);
    if (!notes.isEmpty())
        detail += u" ("_s + notes.join(u"; "_s) + u')';
    return ApiError::http(status, detail);
}

ApiError OssReply::errorAt(const QString& where) const
{
    return error.kind() == ApiError::Kind::Http ? oss.toApiError(where) : error.withContext(where);
}

QString ossCode(const ApiError& error)
{
    if (error.kind() != ApiError::Kind::Http)
        return {};
    const QString& d = error.detail();
    const qsizetype colon = d.indexOf(u':');
    const QString code = colon > 0 ? d.left(colon) : QString();
    return code.startsWith(u"HTTP "_s) ? QString() : code;
}

bool isCredentialExpiry(const QString& code)
{
    return code == u"SecurityTokenExpired"_s || code == u"InvalidAccessKeyId"_s ||
           code == u"InvalidSecurityToken"_s;
}

namespace {

qint64 contentLength(const QByteArray& header)
{
    bool ok = false;
    const qint64 n = header.trimmed().toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

} // namespace

OssReply OssReply::read(QNetworkReply* reply)
{
    OssReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.etag = reply->rawHeader("ETag");
    r.crc64 = reply->rawHeader("x-oss-hash-crc64ecma");
    r.size = contentLength(reply->rawHeader("Content-Length"));
    if (r.status >= 300) {
        r.oss = OssError::parse(r.status, r.body, reply->rawHeader("x-oss-err"));
        r.code = r.oss.code;
        r.error = r.oss.toApiError();
    } else if (reply->error() == QNetworkReply::OperationCanceledError ||
               reply->error() == QNetworkReply::TimeoutError) {
        r.error = ApiError::timeout(reply->errorString());
    } else if (std::optional<ApiError> tls = net::tlsRefusal(reply)) {
        r.error = *tls;
    } else if (reply->error() != QNetworkReply::NoError || r.status == 0) {
        r.error = ApiError::transport(reply->errorString());
    }
    return r;
}

OssReply OssReply::read(const HttpResponseParser& answer, const ApiError& transportError)
{
    OssReply r;
    if (transportError) {
        r.error = transportError;
        return r;
    }
    r.status = answer.status();
    r.body = answer.body();
    r.etag = answer.header("ETag");
    r.crc64 = answer.header("x-oss-hash-crc64ecma");
    r.size = contentLength(answer.header("Content-Length"));
    if (r.status >= 300) {
        r.oss = OssError::parse(r.status, r.body, answer.header("x-oss-err"));
        r.code = r.oss.code;
        r.error = r.oss.toApiError();
    }
    return r;
}

} // namespace bge
