#include "omicsauthenticator.h"

namespace bge::sandbox::omics {

using namespace Qt::StringLiterals;
namespace SigV4 = aws::SigV4;

namespace {

constexpr qint64 kMaxSkewSeconds = 15 * 60;

OmicsError forbidden(const QByteArray& type, const QString& message)
{
    return {403, type, message};
}

OmicsError invalidSignature(const QString& message)
{
    return forbidden("InvalidSignatureException", message);
}

OmicsError incomplete(const QString& message)
{
    return {400, "IncompleteSignatureException", message};
}

} // namespace

OmicsAuthenticator::OmicsAuthenticator(QByteArray accessKeyId, QByteArray secretAccessKey, QByteArray region)
    : m_accessKeyId(std::move(accessKeyId)), m_secret(std::move(secretAccessKey)), m_region(std::move(region))
{
}

std::optional<OmicsError> OmicsAuthenticator::precheck(const SigV4::Request& request,
                                                       const QDateTime& now) const
{
    // Sandbox convention: only header authentication (what the SDKs use); a request without an
    // Authorization header is refused as API Gateway-style front ends do, whatever else it has.
    const QByteArray header = request.header("Authorization");
    if (header.isEmpty())
        return forbidden("MissingAuthenticationTokenException", u"Missing Authentication Token"_s);
    const auto auth = SigV4::parseAuthorization(header);
    if (!auth) {
        // The front end names what it misses; we do not echo the header (it holds a signature).
        return incomplete(
            u"Authorization header requires 'Credential' parameter. Authorization header requires "
            "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
            "Authorization header must use the AWS4-HMAC-SHA256 algorithm."_s);
    }
    const QByteArray dateText = request.header("X-Amz-Date");
    if (dateText.isEmpty())
        return incomplete(
            u"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."_s);
    if (!auth->signedHeaders.contains("host"))
        return incomplete(u"'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."_s);
    // Sandbox convention: the emulator issues no temporary credentials, so a session token
    // can only be one it never gave out, and the key is checked before anything else about it.
    if (auth->accessKeyId != m_accessKeyId || request.hasHeader("X-Amz-Security-Token"))
        return forbidden("UnrecognizedClientException",
                         u"The security token included in the request is invalid."_s);
    const QDateTime signedAt = SigV4::fromAmzDate(dateText);
    if (!signedAt.isValid())
        return incomplete(
            u"Date must be in ISO-8601 'basic format'. Got '%1'. See "
            "http://en.wikipedia.org/wiki/ISO_8601"_s.arg(QString::fromLatin1(dateText.left(40))));
    if (auth->service != "omics")
        return invalidSignature(u"Credential should be scoped to correct service: 'omics'. "_s);
    if (auth->region != m_region)
        return invalidSignature(u"Credential should be scoped to a valid region, not '%1'. "_s.arg(
            QString::fromLatin1(auth->region.left(40))));
    if (auth->day != dateText.left(8)) {
        return invalidSignature(
            u"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
            "HTTP: '%1' != '%2', from '%3'."_s.arg(QString::fromLatin1(auth->day),
                                                   QString::fromLatin1(dateText.left(8)),
                                                   QString::fromLatin1(dateText)));
    }
    const qint64 skew = signedAt.secsTo(now);
    const auto stamp = [](const QDateTime& t) { return QString::fromLatin1(SigV4::amzDate(t)); };
    if (skew > kMaxSkewSeconds) {
        return invalidSignature(u"Signature expired: %1 is now earlier than %2 (%3 - 15 min.)"_s.arg(
            stamp(signedAt), stamp(now.addSecs(-kMaxSkewSeconds)), stamp(now)));
    }
    if (skew < -kMaxSkewSeconds) {
        return invalidSignature(u"Signature not yet current: %1 is still later than %2 (%3 + 15 min.)"_s.arg(
            stamp(signedAt), stamp(now.addSecs(kMaxSkewSeconds)), stamp(now)));
    }
    return std::nullopt;
}

std::optional<OmicsError> OmicsAuthenticator::verify(const SigV4::Request& request,
                                                     const QByteArray& payloadHash) const
{
    const auto auth = SigV4::parseAuthorization(request.header("Authorization"));
    if (!auth)
        return incomplete(u"Authorization header requires 'Credential' parameter."_s);
    for (const QByteArray& name : auth->signedHeaders) {
        if (!request.hasHeader(name))
            return invalidSignature(
                u"The request signature we calculated does not match the signature you provided. "
                "Check your AWS Secret Access Key and signing method. Consult the service "
                "documentation for details."_s);
    }
    const QByteArray canonical = SigV4::canonicalRequest(request, auth->signedHeaders, payloadHash);
    const QByteArray expected =
        SigV4::signature(m_secret, request.header("X-Amz-Date"), auth->region, auth->service, canonical);
    // Constant-time comparison: the emulator is a test server, but there is no reason to teach
    // a timing oracle.
    unsigned char diff = expected.size() == auth->signature.size() ? 0 : 1;
    for (qsizetype i = 0; i < std::min(expected.size(), auth->signature.size()); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ auth->signature[i]);
    if (diff != 0) {
        return invalidSignature(
            u"The request signature we calculated does not match the signature you provided. "
            "Check your AWS Secret Access Key and signing method. Consult the service "
            "documentation for details."_s);
    }
    return std::nullopt;
}

} // namespace bge::sandbox::omics
