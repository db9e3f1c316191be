#pragma once

#include "osscredentials.h"
#include "signablerequest.h"

#include <QByteArrayList>
#include <QDateTime>

#include <optional>

namespace bge::oss::SignatureV4 {

inline constexpr QByteArrayView kAlgorithm = "OSS4-HMAC-SHA256";
inline constexpr QByteArrayView kUnsignedPayload = "UNSIGNED-PAYLOAD";

// RFC 3986 percent-encoding, unreserved characters kept; `keepSlash` for the path.
QByteArray uriEncode(QByteArrayView raw, bool keepSlash);

// Additional signed headers as they go on the wire: lower case, sorted, without the headers
// V4 signs anyway (content-type, content-md5, x-oss-*), and only those the request carries.
QByteArrayList normalizeAdditionalHeaders(const SignableRequest& request, const QByteArrayList& names);

QByteArray canonicalRequest(const SignableRequest& request, const QByteArrayList& additionalHeaders);
QByteArray scope(QByteArrayView day, QByteArrayView region, QByteArrayView product = "oss");
QByteArray stringToSign(QByteArrayView canonicalRequest, QByteArrayView iso8601Time, QByteArrayView scope);
QByteArray signingKey(QByteArrayView secret, QByteArrayView day, QByteArrayView region,
                      QByteArrayView product = "oss");
// hex(HMAC-SHA256(signingKey, stringToSign)).
QByteArray signature(QByteArrayView secret, QByteArrayView iso8601Time, QByteArrayView region,
                     QByteArrayView canonicalRequest, QByteArrayView product = "oss");

// Adds x-oss-date, x-oss-content-sha256, x-oss-security-token (with STS) and Authorization.
void signHeaders(SignableRequest& request, const OssCredentials& credentials, const QDateTime& now,
                 const QByteArray& region, const QByteArrayList& additionalHeaders = {});

// Adds the x-oss-signature-version / credential / date / expires / security-token /
// additional-headers / signature query items of a V4 presigned URL.
void presign(SignableRequest& request, const OssCredentials& credentials, const QDateTime& now,
             qint64 expiresInSeconds, const QByteArray& region, const QByteArrayList& additionalHeaders = {});

// "OSS4-HMAC-SHA256 Credential=AK/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=a;b,Signature=hex"
struct Authorization
{
    QByteArray accessKeyId;
    QByteArray day;
    QByteArray region;
    QByteArray product;
    QByteArrayList additionalHeaders;
    QByteArray signature;
};
std::optional<Authorization> parseAuthorization(QByteArrayView header);
// Parses the "AK/day/region/product/aliyun_v4_request" credential into an Authorization.
std::optional<Authorization> parseCredential(QByteArrayView credential);

} // namespace bge::oss::SignatureV4
