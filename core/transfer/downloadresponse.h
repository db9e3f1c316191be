#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace bge::downloadresponse {

// What the header and body of an object-storage GET answer mean to a download. Pure
// functions, so that each rule can be checked without a server.

// "bytes <first>-<last>/<total>" (RFC 9110 §14.4); nullopt for "*", an unknown total, or
// anything malformed or inconsistent (last < first, last >= total).
struct ContentRange
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 total = 0;
};
std::optional<ContentRange> parseContentRange(QByteArrayView value);

// x-oss-hash-crc64ecma: a decimal unsigned 64-bit number, nothing else.
std::optional<quint64> parseCrc64(QByteArrayView value);

// <Error><Code>…</Code><Message>…</Message></Error>; empty fields when the body is not that.
struct OssErrorBody
{
    QString code;
    QString message;
};
OssErrorBody parseOssError(QByteArrayView xml);

// A 403 that a freshly signed URL cures: the signature's Expires has passed, or the STS
// token the platform signed with has.
bool isExpiredSignature(int httpStatus, const OssErrorBody& error);

} // namespace bge::downloadresponse
