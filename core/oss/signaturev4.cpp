#include "signaturev4.h"

#include "httpdate.h"

#include "aws/sigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace bge::oss::SignatureV4 {
namespace {

using namespace Qt::StringLiterals;

bool isSignedByDefault(QByteArrayView lowerName)
{
    return lowerName == "content-type" || lowerName == "content-md5" || lowerName.startsWith("x-oss-");
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    return QMessageAuthenticationCode::hash(message.toByteArray(), key.toByteArray(), QCryptographicHash::Sha256);
}

QByteArray trimmedLower(QByteArrayView v)
{
    return v.trimmed().toByteArray().toLower();
}

} // namespace

QByteArray uriEncode(QByteArrayView raw, bool keepSlash)
{
    // RFC 3986, as AWS SigV4 encodes: one implementation for both signatures.
    return aws::SigV4::uriEncode(raw, keepSlash);
}

QByteArrayList normalizeAdditionalHeaders(const SignableRequest& request, const QByteArrayList& names)
{
    QByteArrayList result;
    for (const QByteArray& name : names) {
        const QByteArray lower = trimmedLower(name);
        if (lower.isEmpty() || isSignedByDefault(lower) || !request.hasHeader(lower) || result.contains(lower))
            continue;
        result.append(lower);
    }
    std::sort(result.begin(), result.end());
    return result;
}

QByteArray canonicalRequest(const SignableRequest& request, const QByteArrayList& additionalHeaders)
{
    QByteArray path = "/";
    if (!request.bucket.isEmpty())
        path += request.bucket.toUtf8() + '/' + request.key.toUtf8();

    QList<QPair<QByteArray, QByteArray>> query;
    for (const auto& [name, value] : request.query)
        query.append({uriEncode(name.toUtf8(), false), uriEncode(value.toUtf8(), false)});
    std::stable_sort(query.begin(), query.end());

    QByteArray canonicalQuery;
    for (const auto& [name, value] : query) {
        if (!canonicalQuery.isEmpty())
            canonicalQuery += '&';
        canonicalQuery += name;
        if (!value.isEmpty())
            canonicalQuery += '=' + value;
    }

    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto& [name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (isSignedByDefault(lower) || additionalHeaders.contains(lower))
            headers.append({lower, value.trimmed()});
    }
    std::stable_sort(headers.begin(), headers.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray canonicalHeaders;
    for (const auto& [name, value] : headers)
        canonicalHeaders += name + ':' + value + '\n';

    QByteArray payloadHash = request.header("x-oss-content-sha256");
    if (payloadHash.isEmpty())
        payloadHash = kUnsignedPayload.toByteArray();

    return request.method.toUpper() + '\n' + uriEncode(path, true) + '\n' + canonicalQuery + '\n'
           + canonicalHeaders + '\n' + additionalHeaders.join(';') + '\n' + payloadHash;
}

QByteArray scope(QByteArrayView day, QByteArrayView region, QByteArrayView product)
{
    return day.toByteArray() + '/' + region.toByteArray() + '/' + product.toByteArray() + "/aliyun_v4_request";
}

QByteArray stringToSign(QByteArrayView canonicalRequest, QByteArrayView iso8601Time, QByteArrayView scopeText)
{
    return kAlgorithm.toByteArray() + '\n' + iso8601Time.toByteArray() + '\n' + scopeText.toByteArray() + '\n'
           + QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();
}

QByteArray signingKey(QByteArrayView secret, QByteArrayView day, QByteArrayView region, QByteArrayView product)
{
    const QByteArray dateKey = hmacSha256(QByteArray("aliyun_v4" + secret.toByteArray()), day);
    const QByteArray regionKey = hmacSha256(dateKey, region);
    const QByteArray productKey = hmacSha256(regionKey, product);
    return hmacSha256(productKey, "aliyun_v4_request");
}

QByteArray signature(QByteArrayView secret, QByteArrayView iso8601Time, QByteArrayView region,
                     QByteArrayView canonicalRequestText, QByteArrayView product)
{
    const QByteArrayView day = iso8601Time.first(std::min<qsizetype>(8, iso8601Time.size()));
    const QByteArray key = signingKey(secret, day, region, product);
    return hmacSha256(key, stringToSign(canonicalRequestText, iso8601Time, scope(day, region, product))).toHex();
}

void signHeaders(SignableRequest& request, const OssCredentials& credentials, const QDateTime& now,
                 const QByteArray& region, const QByteArrayList& additionalHeaders)
{
    const QByteArray time = toIso8601Basic(now);
    request.setHeader("x-oss-date", time);
    request.setHeader("x-oss-content-sha256", kUnsignedPayload.toByteArray());
    if (!credentials.securityToken.isEmpty())
        request.setHeader("x-oss-security-token", credentials.securityToken.toUtf8());
    const QByteArrayList additional = normalizeAdditionalHeaders(request, additionalHeaders);
    const QByteArray sig = signature(credentials.accessKeySecret.toUtf8(), time, region,
                                     canonicalRequest(request, additional));
    QByteArray auth = kAlgorithm.toByteArray() + " Credential=" + credentials.accessKeyId.toUtf8() + '/'
                      + scope(time.first(8), region);
    if (!additional.isEmpty())
        auth += ",AdditionalHeaders=" + additional.join(';');
    auth += ",Signature=" + sig;
    request.setHeader("Authorization", auth);
}

void presign(SignableRequest& request, const OssCredentials& credentials, const QDateTime& now,
             qint64 expiresInSeconds, const QByteArray& region, const QByteArrayList& additionalHeaders)
{
    const QByteArray time = toIso8601Basic(now);
    const QByteArrayList additional = normalizeAdditionalHeaders(request, additionalHeaders);
    request.query.append({u"x-oss-signature-version"_s, QString::fromLatin1(kAlgorithm)});
    request.query.append(
        {u"x-oss-credential"_s, credentials.accessKeyId + u'/' + QString::fromLatin1(scope(time.first(8), region))});
    request.query.append({u"x-oss-date"_s, QString::fromLatin1(time)});
    request.query.append({u"x-oss-expires"_s, QString::number(expiresInSeconds)});
    if (!credentials.securityToken.isEmpty())
        request.query.append({u"x-oss-security-token"_s, credentials.securityToken});
    if (!additional.isEmpty())
        request.query.append({u"x-oss-additional-headers"_s, QString::fromLatin1(additional.join(';'))});
    const QByteArray sig = signature(credentials.accessKeySecret.toUtf8(), time, region,
                                     canonicalRequest(request, additional));
    request.query.append({u"x-oss-signature"_s, QString::fromLatin1(sig)});
}

std::optional<Authorization> parseCredential(QByteArrayView credential)
{
    const QList<QByteArray> parts = credential.toByteArray().split('/');
    if (parts.size() != 5 || parts[0].isEmpty() || parts[1].size() != 8 || parts[2].isEmpty()
        || parts[3].isEmpty() || parts[4] != "aliyun_v4_request")
        return std::nullopt;
    Authorization a;
    a.accessKeyId = parts[0];
    a.day = parts[1];
    a.region = parts[2];
    a.product = parts[3];
    return a;
}

std::optional<Authorization> parseAuthorization(QByteArrayView header)
{
    const QByteArray prefix = kAlgorithm.toByteArray() + ' ';
    if (!header.startsWith(prefix))
        return std::nullopt;
    QByteArray credential;
    QByteArray additional;
    QByteArray sig;
    for (const QByteArray& field : header.sliced(prefix.size()).toByteArray().split(',')) {
        const QByteArray f = field.trimmed();
        const qsizetype eq = f.indexOf('=');
        if (eq <= 0)
            return std::nullopt;
        const QByteArray name = f.left(eq);
        const QByteArray value = f.mid(eq + 1);
        if (name == "Credential")
            credential = value;
        else if (name == "AdditionalHeaders")
            additional = value;
        else if (name == "Signature")
            sig = value;
        else
            return std::nullopt;
    }
    auto parsed = parseCredential(credential);
    if (!parsed || sig.isEmpty())
        return std::nullopt;
    parsed->signature = sig;
    if (!additional.isEmpty())
        parsed->additionalHeaders = additional.split(';');
    return parsed;
}

} // namespace bge::oss::SignatureV4
