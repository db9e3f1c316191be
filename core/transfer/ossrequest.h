#pragma once

#include "api/apierror.h"
#include "oss/osscredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QString>
#include <QUrl>

class QNetworkReply;

namespace bge {
class HttpResponseParser;
}

namespace bge {

enum class OssSignatureVersion { V1, V4 };

// Where objects go: the endpoint as /sts/token gives it ("https://oss-cn-shenzhen.aliyuncs.com"),
// the bucket and the region (for V4 scopes).
struct OssLocation
{
    QUrl endpoint;
    QString bucket;
    QString region;
    OssSignatureVersion signature = OssSignatureVersion::V4;
};

// Path style (/<bucket>/<key>) for an IP address or localhost (the sandbox, an emulator);
// virtual-hosted (<bucket>.<endpoint host>) otherwise, as real OSS requires.
bool usesPathStyle(const QUrl& endpoint);

// The V4 region: "oss-cn-shenzhen" and "cn-shenzhen" both give "cn-shenzhen".
QByteArray v4Region(const QString& region);

// A signed request for `key` (raw, not encoded), with `query` (decoded names and values, a
// value-less item such as "uploads" with an empty value) and extra `headers` (signed too).
QNetworkRequest signedOssRequest(const OssLocation& location, const oss::OssCredentials& credentials,
                                 const QByteArray& method, const QString& key,
                                 const QList<QPair<QString, QString>>& query,
                                 const QList<QPair<QByteArray, QByteArray>>& headers, const QDateTime& now);

// An OSS error answer: <Error><Code/><Message/><RequestId/></Error> in the body, or base64 in
// the x-oss-err header of a HEAD answer.
struct OssError
{
    int status = 0;
    QString code;
    QString message;
    QString requestId;

    static OssError parse(int status, const QByteArray& body, const QByteArray& errHeader = {});
    // ApiError::http(status, "<Code>: <Message> (request <id>; <where>)"): the code first, so
    // that ossCode() finds it.
    ApiError toApiError(const QString& where = {}) const;
};

// The OSS code of an error made by OssError::toApiError(), empty otherwise.
QString ossCode(const ApiError& error);

// The credentials were refused because they expired (or were replaced): renew and retry.
bool isCredentialExpiry(const QString& ossCode);

// What one finished reply says: the error (transport, time-out, HTTP with the OSS code) or
// none, the status, body and the headers the upload needs.
struct OssReply
{
    ApiError error;
    int status = 0;
    QByteArray body;
    QByteArray etag;
    QByteArray crc64; // x-oss-hash-crc64ecma, decimal
    qint64 size = -1; // Content-Length: a HEAD's is the object's size; -1 without one
    QString code;     // the OSS error code, if any
    OssError oss;     // the whole OSS error, for an HTTP error

    static OssReply read(QNetworkReply* reply);
    // The same from a request sent without QNetworkAccessManager (FileBodyRequest): its answer
    // if one arrived whole, otherwise the transport error.
    static OssReply read(const HttpResponseParser& answer, const ApiError& transportError);
    // The error with where it happened ("PUT <key>"), the OSS code kept first.
    ApiError errorAt(const QString& where) const;
};

// The text of the first <name> element of an XML document, or empty.
QString xmlText(const QByteArray& xml, const QString& name);

} // namespace bge
