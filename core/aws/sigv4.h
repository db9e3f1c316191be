#pragma once

#include "awscredentials.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QPair>

#include <optional>

// AWS Signature Version 4 (AWS4-HMAC-SHA256), header authentication, as botocore's
// SigV4Auth computes it for non-S3 services (../shared/reference/healthomics-protocol.md §5).
namespace bge::aws::SigV4 {

inline constexpr QByteArrayView kAlgorithm = "AWS4-HMAC-SHA256";
inline constexpr QByteArrayView kUnsignedPayload = "UNSIGNED-PAYLOAD";
// hex(SHA-256("")): the payload hash of a request without a body.
inline constexpr QByteArrayView kEmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// A request as the signature sees it. The client builds one to sign; the emulator builds one
// from what arrived to verify. Header names compare case-insensitively.
struct Request
{
    QByteArray method;                             // GET, PUT, POST, DELETE
    QByteArray path = "/";                         // as on the wire: percent-encoded, without the query
    QList<QPair<QByteArray, QByteArray>> query;    // decoded names and values, in any order
    QList<QPair<QByteArray, QByteArray>> headers;  // as sent (Host included)

    QByteArray header(QByteArrayView name) const;  // repeated headers joined with ','
    bool hasHeader(QByteArrayView name) const;
    void setHeader(const QByteArray& name, const QByteArray& value); // replaces any of that name
};

// RFC 3986 percent-encoding: A-Z a-z 0-9 - _ . ~ kept, everything else %XX in upper-case hex.
QByteArray uriEncode(QByteArrayView raw, bool keepSlash = false);
// hex(SHA-256(body)), lower case.
QByteArray payloadHash(QByteArrayView body);

// The canonical URI: dot segments removed, runs of '/' collapsed, then every segment encoded
// once more (non-S3 services sign the already-encoded path encoded again).
QByteArray canonicalPath(QByteArrayView encodedPath);
QByteArray canonicalQuery(const QList<QPair<QByteArray, QByteArray>>& query);
// The headers a client signs: every header it set except those proxies and stacks change
// (user-agent, connection, expect, …), lower case, sorted, without duplicates.
QByteArrayList defaultSignedHeaders(const Request& request);
QByteArray canonicalRequest(const Request& request, const QByteArrayList& signedHeaders,
                            QByteArrayView payloadHashText);

QByteArray scope(QByteArrayView day, QByteArrayView region, QByteArrayView service);
QByteArray stringToSign(QByteArrayView canonicalRequestText, QByteArrayView amzDate, QByteArrayView scopeText);
QByteArray signingKey(QByteArrayView secret, QByteArrayView day, QByteArrayView region, QByteArrayView service);
// hex(HMAC-SHA256(signingKey, stringToSign)).
QByteArray signature(QByteArrayView secret, QByteArrayView amzDate, QByteArrayView region, QByteArrayView service,
                     QByteArrayView canonicalRequestText);

// "20150830T123600Z" and back (UTC); an invalid QDateTime when the text is not one.
QByteArray amzDate(const QDateTime& time);
QDateTime fromAmzDate(QByteArrayView text);

// Signs `request` in place: adds X-Amz-Date, X-Amz-Security-Token (temporary credentials),
// X-Amz-Content-SHA256 when the payload is UNSIGNED-PAYLOAD (as botocore does for unsigned
// bodies), then Authorization over every header present (Host must already be set).
void sign(Request& request, const AwsCredentials& credentials, const QDateTime& now, QByteArrayView region,
          QByteArrayView service, QByteArrayView payloadHashText);

// "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=a;b, Signature=hex"
struct Authorization
{
    QByteArray accessKeyId;
    QByteArray day;
    QByteArray region;
    QByteArray service;
    QByteArrayList signedHeaders;
    QByteArray signature;
};
std::optional<Authorization> parseAuthorization(QByteArrayView header);

} // namespace bge::aws::SigV4
