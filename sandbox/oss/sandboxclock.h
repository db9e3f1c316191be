#pragma once

#include <QDateTime>

#include <atomic>

namespace bge::sandbox {

// Test aid (--clock-offset, --clock-offset-after): the object-storage endpoint's clock, off
// by a given number of seconds from the computer's, from its N-th authenticated request on
// (0: from the start), so that a test can make the server and the client disagree about the
// time, also in the middle of an upload. It models a client whose clock is wrong: only what
// a client's clock is compared with moves (the skew check of a signed date, and the `Date`
// header the client can correct itself from); grants the platform issued keep their real
// expiry. Thread-safe.
class SandboxClock final
{
public:
    SandboxClock(qint64 offsetSeconds, qint64 afterRequests)
        : m_offset(offsetSeconds), m_after(afterRequests)
    {
    }

    // Counts one request; its server time.
    QDateTime countRequest()
    {
        const qint64 n = ++m_requests;
        return QDateTime::currentDateTimeUtc().addSecs(n > m_after ? m_offset : 0);
    }
    // The server time now, as the last counted request saw it.
    QDateTime now() const
    {
        return QDateTime::currentDateTimeUtc().addSecs(m_requests.load() > m_after ? m_offset : 0);
    }

private:
    qint64 m_offset;
    qint64 m_after;
    std::atomic<qint64> m_requests{0};
};

} // namespace bge::sandbox
