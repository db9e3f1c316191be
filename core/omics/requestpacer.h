#pragma once

#include "omicsoperation.h"

#include <QObject>

#include <array>
#include <functional>

namespace bge::omics {

// Keeps each operation within its documented TPS quota (reference §2.17) for everything sent
// through one connection: a request is released no earlier than one interval after the
// previous one of the same operation, so a 1,000-part upload runs at the quota instead of
// into ThrottlingException. Waiting requests sit in timers, nothing blocks.
class RequestPacer final : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    explicit RequestPacer(QObject* parent = nullptr);

    // A virtual clock for tests; the default is a QElapsedTimer.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // Off: every request goes at once (an emulator with quotas turned off, a test of throttling).
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    // Milliseconds between two requests of `operation`: 1000 / TPS plus a margin, since the
    // service counts arrivals, not departures, and the network does not keep spacing exact.
    static qint64 intervalMs(Operation operation);

    // Books the next free slot of `operation` and returns it (clock time, ms).
    qint64 reserve(Operation operation);
    // Calls `send` (on `context`'s thread, not at all if `context` is gone) when the slot comes.
    void schedule(Operation operation, QObject* context, std::function<void()> send);

private:
    Clock m_clock;
    std::array<qint64, kOperationCount> m_next{};
    bool m_enabled = true;
};

} // namespace bge::omics
