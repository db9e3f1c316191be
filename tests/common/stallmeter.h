#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>

namespace bge::test {

// The event loop's longest stall while something runs: a precise timer asks to fire every
// kTickMs; the longest gap between two firings, less that interval, is the longest the window
// could not have answered a click or a repaint.
class StallMeter final : public QObject
{
public:
    static constexpr int kTickMs = 5;

    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] { recordGap(); });
    }
    void start()
    {
        m_longestNs = 0;
        m_lastNs = 0;
        m_clock.start();
        m_timer.start();
    }
    // The longest stall since start(), in ms.
    double stop()
    {
        m_timer.stop();
        recordGap();
        return std::max(0.0, double(m_longestNs) / 1e6 - kTickMs);
    }

private:
    void recordGap()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_longestNs = std::max(m_longestNs, now - m_lastNs);
        m_lastNs = now;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
};

} // namespace bge::test
