#pragma once

#include "osscredentials.h"
#include "signablerequest.h"

#include <QDateTime>

namespace bge::oss::SignatureV1 {

// Query parameters that are sub-resources and therefore part of the V1 canonicalized resource.
// The union of the documented list and the official SDKs' lists, so that whatever a client
// chose to sign, the verifier signs too.
bool isSubResource(QStringView name);

// "/bucket/key?sub=value&sub2" with raw key and decoded values, sub-resources sorted by name.
QByteArray canonicalizedResource(const SignableRequest& request);

// VERB \n Content-MD5 \n Content-Type \n <dateLine> \n CanonicalizedOSSHeaders CanonicalizedResource.
// Header auth uses x-oss-date (or Date) as dateLine; presigned URLs use the Expires value.
QByteArray stringToSign(const SignableRequest& request, QByteArrayView dateLine);

// base64(HMAC-SHA1(secret, stringToSign)).
QByteArray signature(QByteArrayView secret, QByteArrayView stringToSign);

// The date line header auth signs: x-oss-date when present, else Date.
QByteArray headerDate(const SignableRequest& request);

// Adds x-oss-date and (with STS) x-oss-security-token, then the Authorization header.
void signHeaders(SignableRequest& request, const OssCredentials& credentials, const QDateTime& now);

// Adds OSSAccessKeyId, Expires, Signature (and security-token) query items for a presigned URL.
void presign(SignableRequest& request, const OssCredentials& credentials, qint64 expiresUnixSeconds);

} // namespace bge::oss::SignatureV1
