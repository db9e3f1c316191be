#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace bge::oss {

// The time as an object-storage endpoint sees it: this computer's clock plus the offset
// learned from the endpoint's own `Date` when it refused a request as RequestTimeTooSkewed
// (more than 15 minutes off). Every later signature for that endpoint, in every job of this
// process, uses the corrected time, as the Alibaba Cloud and AWS SDKs do: a laptop whose clock
// is wrong, or is corrected in the middle of a long upload, keeps uploading. Thread-safe.
class ServerClock final
{
public:
    // The time to sign a request for `endpoint` with.
    static QDateTime now(const QUrl& endpoint);
    // Learns the offset from the `Date` header of the endpoint's answer (RFC 1123), as received
    // at `receivedAt` (this computer's time). False when the header says nothing usable.
    static bool learn(const QUrl& endpoint, QByteArrayView dateHeader,
                      const QDateTime& receivedAt = QDateTime::currentDateTimeUtc());
    // The offset in seconds known for `endpoint` (0 when none).
    static qint64 offsetSeconds(const QUrl& endpoint);
    // Forgets every offset (tests).
    static void reset();
};

} // namespace bge::oss
