#include "ossauthenticator.h"

#include "oss/httpdate.h"
#include "oss/signaturev1.h"
#include "oss/signaturev4.h"

namespace bge::sandbox {

using namespace Qt::StringLiterals;
using oss::SignableRequest;

namespace {

bool sameSignature(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

SignableRequest withoutQueryItems(SignableRequest r, std::initializer_list<QStringView> names)
{
    r.query.removeIf([&](const auto& item) { return std::find(names.begin(), names.end(), item.first) != names.end(); });
    return r;
}

} // namespace

std::optional<OssError> OssAuthenticator::skewed(const QDateTime& signedAt) const
{
    const QDateTime server = m_clock.now();
    if (std::abs(signedAt.secsTo(server)) <= m_maxSkew)
        return std::nullopt;
    // As OSS answers it: the two times and the allowed skew besides the code (the `Date`
    // header of the answer carries the server's time too, which is what clients correct from).
    OssError e = OssError::requestTimeTooSkewed();
    const auto iso = [](const QDateTime& t) { return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s); };
    e.extras = {{"MaxAllowedSkewMilliseconds", QString::number(qint64(m_maxSkew) * 1000)},
                {"RequestTime", iso(signedAt)},
                {"ServerTime", iso(server)}};
    return e;
}

std::variant<StsGrant, OssError> OssAuthenticator::authenticate(const SignableRequest& r, const QDateTime& now) const
{
    m_clock.countRequest();
    const bool presignV1 = r.hasQueryItem(u"OSSAccessKeyId") || r.hasQueryItem(u"Signature")
                           || r.hasQueryItem(u"Expires");
    const bool presignV4 = r.hasQueryItem(u"x-oss-signature") || r.hasQueryItem(u"x-oss-credential");
    const QByteArray authorization = r.header("Authorization");
    if ((presignV1 || presignV4) && !authorization.isEmpty())
        return OssError::invalidArgument(u"Authorization header and query-string authentication are both present."_s);
    if (presignV4)
        return presignedV4(r, now);
    if (presignV1)
        return presignedV1(r, now);
    if (authorization.startsWith("OSS4-HMAC-SHA256 "))
        return headerV4(r, now);
    if (authorization.startsWith("OSS "))
        return headerV1(r, now);
    if (authorization.isEmpty())
        return OssError::accessDenied(u"You have no right to access this object because of bucket acl."_s);
    return OssError::invalidArgument(u"Authorization header is invalid."_s, u"Authorization"_s);
}

std::variant<StsGrant, OssError> OssAuthenticator::grantFor(const QString& accessKeyId, const QString& securityToken,
                                                            const QDateTime& now) const
{
    const std::optional<StsGrant> grant = m_registry.find(accessKeyId);
    if (!grant)
        return OssError::invalidAccessKeyId(accessKeyId);
    if (!grant->securityToken.isEmpty() && grant->securityToken != securityToken)
        return OssError::invalidSecurityToken();
    if (grant->expiration.isValid() && grant->expiration <= now)
        return OssError::securityTokenExpired();
    return *grant;
}

std::variant<StsGrant, OssError> OssAuthenticator::headerV1(const SignableRequest& r, const QDateTime& now) const
{
    const QByteArray value = r.header("Authorization").mid(4).trimmed();
    const qsizetype colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.size() - 1)
        return OssError::invalidArgument(u"Authorization header is invalid."_s, u"Authorization"_s);
    const QString accessKeyId = QString::fromUtf8(value.left(colon));
    const QByteArray provided = value.mid(colon + 1);

    // The signed date is x-oss-date when present, else Date; it is also what the skew check reads.
    const QByteArray dateLine = oss::SignatureV1::headerDate(r);
    const QDateTime date = oss::fromHttpDate(dateLine);
    if (!date.isValid())
        return OssError::accessDenied(u"OSS authentication requires a valid Date."_s);
    if (const std::optional<OssError> e = skewed(date))
        return *e;

    auto grant = grantFor(accessKeyId, QString::fromUtf8(r.header("x-oss-security-token")), now);
    if (std::holds_alternative<OssError>(grant))
        return grant;
    const QByteArray stringToSign = oss::SignatureV1::stringToSign(r, dateLine);
    const QByteArray expected =
        oss::SignatureV1::signature(std::get<StsGrant>(grant).accessKeySecret.toUtf8(), stringToSign);
    if (!sameSignature(expected, provided))
        return OssError::signatureDoesNotMatch(stringToSign, provided, accessKeyId);
    return grant;
}

std::variant<StsGrant, OssError> OssAuthenticator::headerV4(const SignableRequest& r, const QDateTime& now) const
{
    const auto auth = oss::SignatureV4::parseAuthorization(r.header("Authorization"));
    if (!auth)
        return OssError::invalidArgument(u"Authorization header is invalid."_s, u"Authorization"_s);
    if (auth->region != m_region.toUtf8() || auth->product != "oss")
        return OssError::invalidArgument(u"Invalid signing region in Authorization header."_s, u"Authorization"_s);
    const QByteArray time = r.header("x-oss-date");
    const QDateTime date = oss::fromIso8601Basic(time);
    if (!date.isValid() || time.left(8) != auth->day)
        return OssError::accessDenied(u"OSS authentication requires a valid x-oss-date."_s);
    if (const std::optional<OssError> e = skewed(date))
        return *e;

    const QString accessKeyId = QString::fromUtf8(auth->accessKeyId);
    auto grant = grantFor(accessKeyId, QString::fromUtf8(r.header("x-oss-security-token")), now);
    if (std::holds_alternative<OssError>(grant))
        return grant;
    const QByteArray canonical = oss::SignatureV4::canonicalRequest(r, auth->additionalHeaders);
    const QByteArray expected =
        oss::SignatureV4::signature(std::get<StsGrant>(grant).accessKeySecret.toUtf8(), time, auth->region, canonical);
    if (!sameSignature(expected, auth->signature)) {
        OssError e = OssError::signatureDoesNotMatch(
            oss::SignatureV4::stringToSign(canonical, time, oss::SignatureV4::scope(auth->day, auth->region)),
            auth->signature, accessKeyId);
        e.extras.append({"CanonicalRequest", QString::fromUtf8(canonical)});
        return e;
    }
    return grant;
}

std::variant<StsGrant, OssError> OssAuthenticator::presignedV1(const SignableRequest& r, const QDateTime& now) const
{
    const QString accessKeyId = r.queryItem(u"OSSAccessKeyId");
    const QString expires = r.queryItem(u"Expires");
    const QByteArray provided = r.queryItem(u"Signature").toLatin1();
    if (accessKeyId.isEmpty() || expires.isEmpty() || provided.isEmpty())
        return OssError::accessDenied(
            u"Query-string authentication requires the Signature, Expires and OSSAccessKeyId parameters"_s);
    bool ok = false;
    const qint64 expiresAt = expires.toLongLong(&ok);
    if (!ok)
        return OssError::invalidArgument(u"Expires is not a number."_s, u"Expires"_s, expires);
    if (expiresAt < now.toSecsSinceEpoch())
        return OssError::accessDenied(u"Request has expired."_s);
    const std::optional<StsGrant> known = m_registry.find(accessKeyId);
    if (known && !known->securityToken.isEmpty() && !r.hasQueryItem(u"security-token")) {
        OssError e = OssError::invalidArgument(u"Security-token must be provided by query string parameter."_s);
        e.code = "InvalidRequest";
        return e;
    }
    auto grant = grantFor(accessKeyId, r.queryItem(u"security-token"), now);
    if (std::holds_alternative<OssError>(grant))
        return grant;
    const SignableRequest signedPart = withoutQueryItems(r, {u"OSSAccessKeyId", u"Expires", u"Signature"});
    const QByteArray stringToSign = oss::SignatureV1::stringToSign(signedPart, expires.toLatin1());
    const QByteArray expected =
        oss::SignatureV1::signature(std::get<StsGrant>(grant).accessKeySecret.toUtf8(), stringToSign);
    if (!sameSignature(expected, provided))
        return OssError::signatureDoesNotMatch(stringToSign, provided, accessKeyId);
    return grant;
}

std::variant<StsGrant, OssError> OssAuthenticator::presignedV4(const SignableRequest& r, const QDateTime& now) const
{
    const auto credential = oss::SignatureV4::parseCredential(r.queryItem(u"x-oss-credential").toUtf8());
    const QByteArray time = r.queryItem(u"x-oss-date").toLatin1();
    const QDateTime date = oss::fromIso8601Basic(time);
    bool ok = false;
    const qint64 expiresIn = r.queryItem(u"x-oss-expires").toLongLong(&ok);
    const QByteArray provided = r.queryItem(u"x-oss-signature").toLatin1();
    if (!credential || !date.isValid() || !ok || provided.isEmpty()
        || r.queryItem(u"x-oss-signature-version") != u"OSS4-HMAC-SHA256")
        return OssError::accessDenied(u"Query-string authentication requires x-oss-signature-version, "
                                      "x-oss-credential, x-oss-date, x-oss-expires and x-oss-signature."_s);
    if (credential->region != m_region.toUtf8() || credential->product != "oss" || time.left(8) != credential->day)
        return OssError::invalidArgument(u"Invalid credential scope."_s, u"x-oss-credential"_s);
    if (expiresIn < 1 || expiresIn > 7 * 24 * 3600 || date.addSecs(expiresIn) < now)
        return OssError::accessDenied(u"Request has expired."_s);

    const QString accessKeyId = QString::fromUtf8(credential->accessKeyId);
    auto grant = grantFor(accessKeyId, r.queryItem(u"x-oss-security-token"), now);
    if (std::holds_alternative<OssError>(grant))
        return grant;
    QByteArrayList additional;
    if (r.hasQueryItem(u"x-oss-additional-headers"))
        additional = r.queryItem(u"x-oss-additional-headers").toLatin1().split(';');
    const QByteArray canonical =
        oss::SignatureV4::canonicalRequest(withoutQueryItems(r, {u"x-oss-signature"}), additional);
    const QByteArray expected = oss::SignatureV4::signature(std::get<StsGrant>(grant).accessKeySecret.toUtf8(), time,
                                                            credential->region, canonical);
    if (!sameSignature(expected, provided))
        return OssError::signatureDoesNotMatch(
            oss::SignatureV4::stringToSign(canonical, time, oss::SignatureV4::scope(credential->day, credential->region)),
            provided, accessKeyId);
    return grant;
}

} // namespace bge::sandbox
