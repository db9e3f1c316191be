#pragma once

#include <QString>

#include <optional>

namespace bge::sandbox::omics {

// Times are microseconds since the epoch (UTC): the service's timestamps carry microseconds
// ("2023-11-20T23:40:47.437522+00:00"), which QDateTime cannot hold.
using Micros = qint64;

Micros nowMicros();
// "2023-11-20T23:40:47.437522+00:00", as the real service writes them.
QString formatTimestamp(Micros t);
// ISO 8601 with or without fractional seconds, with "Z" or a "±hh:mm" offset (botocore sends
// "…Z", the JS SDK "…Z" without ".000", the service itself "+00:00"); epoch seconds as a number
// are accepted too. nullopt when the text is none of these.
std::optional<Micros> parseTimestamp(const QString& text);

} // namespace bge::sandbox::omics
