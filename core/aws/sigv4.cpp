#include "sigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

#include <algorithm>

namespace bge::aws::SigV4 {
namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
           || c == '.' || c == '~';
}

// Headers a proxy or the HTTP stack may add, drop or rewrite after signing (botocore's
// SIGNED_HEADERS_BLACKLIST, plus content-length, which Qt sets itself).
bool isNeverSigned(QByteArrayView lower)
{
    static constexpr QByteArrayView kUnsigned[] = {"authorization", "connection", "expect", "keep-alive",
                                                   "proxy-authenticate", "proxy-authorization", "te", "trailer",
                                                   "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
                                                   "content-length", "accept-encoding", "accept-language"};
    return std::find(std::begin(kUnsigned), std::end(kUnsigned), lower) != std::end(kUnsigned);
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    return QMessageAuthenticationCode::hash(message.toByteArray(), key.toByteArray(), QCryptographicHash::Sha256);
}

// Trimmed, inner runs of spaces and tabs collapsed to one space (botocore: ' '.join(v.split())).
QByteArray canonicalHeaderValue(QByteArrayView value)
{
    return value.toByteArray().simplified();
}

} // namespace

QByteArray Request::header(QByteArrayView name) const
{
    QByteArray joined;
    bool found = false;
    for (const auto& [n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            if (found)
                joined += ',';
            joined += v;
            found = true;
        }
    }
    return joined;
}

bool Request::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [name](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

void Request::setHeader(const QByteArray& name, const QByteArray& value)
{
    headers.removeIf([&name](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

QByteArray uriEncode(QByteArrayView raw, bool keepSlash)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(raw.size() * 3);
    for (const char c : raw) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        }
    }
    return out;
}

QByteArray payloadHash(QByteArrayView body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
}

QByteArray canonicalPath(QByteArrayView encodedPath)
{
    if (encodedPath.isEmpty())
        return "/";
    QByteArrayList segments;
    for (const QByteArray& segment : encodedPath.toByteArray().split('/')) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments.append(segment);
    }
    QByteArray path = encodedPath.startsWith('/') ? QByteArray("/") : QByteArray();
    path += segments.join('/');
    if (encodedPath.endsWith('/') && !segments.isEmpty())
        path += '/';
    if (path.isEmpty())
        path = "/";
    return uriEncode(path, true);
}

QByteArray canonicalQuery(const QList<QPair<QByteArray, QByteArray>>& query)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(query.size());
    for (const auto& [name, value] : query)
        encoded.append({uriEncode(name), uriEncode(value)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray text;
    for (const auto& [name, value] : encoded) {
        if (!text.isEmpty())
            text += '&';
        text += name + '=' + value;
    }
    return text;
}

QByteArrayList defaultSignedHeaders(const Request& request)
{
    QByteArrayList names;
    for (const auto& header : request.headers) {
        const QByteArray lower = header.first.trimmed().toLower();
        if (!lower.isEmpty() && !isNeverSigned(lower) && !names.contains(lower))
            names.append(lower);
    }
    std::sort(names.begin(), names.end());
    return names;
}

QByteArray canonicalRequest(const Request& request, const QByteArrayList& signedHeaders, QByteArrayView payloadHashText)
{
    QByteArray headers;
    for (const QByteArray& name : signedHeaders) {
        QByteArray values;
        bool first = true;
        for (const auto& [n, v] : request.headers) {
            if (n.trimmed().compare(name, Qt::CaseInsensitive) != 0)
                continue;
            if (!first)
                values += ',';
            values += canonicalHeaderValue(v);
            first = false;
        }
        headers += name + ':' + values + '\n';
    }
    return request.method.toUpper() + '\n' + canonicalPath(request.path) + '\n' + canonicalQuery(request.query) + '\n'
           + headers + '\n' + signedHeaders.join(';') + '\n' + payloadHashText.toByteArray();
}

QByteArray scope(QByteArrayView day, QByteArrayView region, QByteArrayView service)
{
    return day.toByteArray() + '/' + region.toByteArray() + '/' + service.toByteArray() + "/aws4_request";
}

QByteArray stringToSign(QByteArrayView canonicalRequestText, QByteArrayView date, QByteArrayView scopeText)
{
    return kAlgorithm.toByteArray() + '\n' + date.toByteArray() + '\n' + scopeText.toByteArray() + '\n'
           + QCryptographicHash::hash(canonicalRequestText, QCryptographicHash::Sha256).toHex();
}

QByteArray signingKey(QByteArrayView secret, QByteArrayView day, QByteArrayView region, QByteArrayView service)
{
    const QByteArray dateKey = hmacSha256(QByteArray("AWS4" + secret.toByteArray()), day);
    const QByteArray regionKey = hmacSha256(dateKey, region);
    const QByteArray serviceKey = hmacSha256(regionKey, service);
    return hmacSha256(serviceKey, "aws4_request");
}

QByteArray signature(QByteArrayView secret, QByteArrayView date, QByteArrayView region, QByteArrayView service,
                     QByteArrayView canonicalRequestText)
{
    const QByteArrayView day = date.first(std::min<qsizetype>(8, date.size()));
    const QByteArray key = signingKey(secret, day, region, service);
    return hmacSha256(key, stringToSign(canonicalRequestText, date, scope(day, region, service))).toHex();
}

QByteArray amzDate(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QDateTime fromAmzDate(QByteArrayView text)
{
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z')
        return {};
    QDateTime time = QDateTime::fromString(QString::fromLatin1(text.first(15)), QStringLiteral("yyyyMMdd'T'HHmmss"));
    if (!time.isValid())
        return {};
    time.setTimeZone(QTimeZone::utc());
    return time;
}

void sign(Request& request, const AwsCredentials& credentials, const QDateTime& now, QByteArrayView region,
          QByteArrayView service, QByteArrayView payloadHashText)
{
    const QByteArray date = amzDate(now);
    request.setHeader("X-Amz-Date", date);
    if (!credentials.sessionToken.isEmpty())
        request.setHeader("X-Amz-Security-Token", credentials.sessionToken.toUtf8());
    if (payloadHashText == kUnsignedPayload)
        request.setHeader("X-Amz-Content-SHA256", kUnsignedPayload.toByteArray());
    const QByteArrayList signedHeaders = defaultSignedHeaders(request);
    const QByteArray sig = signature(credentials.secretAccessKey.toUtf8(), date, region, service,
                                     canonicalRequest(request, signedHeaders, payloadHashText));
    request.setHeader("Authorization", kAlgorithm.toByteArray() + " Credential=" + credentials.accessKeyId.toUtf8()
                                           + '/' + scope(date.first(8), region, service) + ", SignedHeaders="
                                           + signedHeaders.join(';') + ", Signature=" + sig);
}

std::optional<Authorization> parseAuthorization(QByteArrayView header)
{
    const QByteArray prefix = kAlgorithm.toByteArray() + ' ';
    if (!header.startsWith(prefix))
        return std::nullopt;
    QByteArray credential;
    QByteArray signedHeaders;
    QByteArray sig;
    for (const QByteArray& field : header.sliced(prefix.size()).toByteArray().split(',')) {
        const QByteArray f = field.trimmed();
        const qsizetype eq = f.indexOf('=');
        if (eq <= 0)
            return std::nullopt;
        const QByteArray name = f.left(eq);
        const QByteArray value = f.mid(eq + 1);
        if (name == "Credential" && credential.isEmpty())
            credential = value;
        else if (name == "SignedHeaders" && signedHeaders.isEmpty())
            signedHeaders = value;
        else if (name == "Signature" && sig.isEmpty())
            sig = value;
        else
            return std::nullopt;
    }
    const QByteArrayList parts = credential.split('/');
    if (parts.size() != 5 || parts[0].isEmpty() || parts[1].size() != 8 || parts[2].isEmpty() || parts[3].isEmpty()
        || parts[4] != "aws4_request" || signedHeaders.isEmpty() || sig.isEmpty())
        return std::nullopt;
    Authorization a;
    a.accessKeyId = parts[0];
    a.day = parts[1];
    a.region = parts[2];
    a.service = parts[3];
    a.signedHeaders = signedHeaders.split(';');
    a.signature = sig;
    return a;
}

} // namespace bge::aws::SigV4
