#pragma once

#include <QByteArray>
#include <QDateTime>

namespace bge::oss {

// RFC 1123 dates as OSS uses them in `Date` / `x-oss-date` (V1): "Wed, 28 Dec 2022 10:27:41 GMT".
QByteArray toHttpDate(const QDateTime& time);
// Parses RFC 1123 (and tolerates a one-digit day); an invalid QDateTime on failure.
QDateTime fromHttpDate(QByteArrayView text);

// ISO 8601 basic format used by V4: "20231216T162057Z".
QByteArray toIso8601Basic(const QDateTime& time);
QDateTime fromIso8601Basic(QByteArrayView text);

} // namespace bge::oss
