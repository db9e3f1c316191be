#pragma once

#include <QList>

namespace bge {

// Speed as a moving average: bytes over the last few seconds of samples, so that one slow or
// fast moment does not make the figure (and the ETA from it) jump about.
class TransferRate final
{
public:
    explicit TransferRate(qint64 windowMs = 5000) : m_windowMs(windowMs) {}

    void add(qint64 timeMs, qint64 bytes);
    void reset() { m_samples.clear(); }
    // 0 until two samples at least a fifth of a second apart.
    double bytesPerSecond() const;
    // Seconds until `remaining` more bytes at the current speed; -1 when unknown.
    qint64 etaSeconds(qint64 remaining) const;

private:
    struct Sample
    {
        qint64 timeMs;
        qint64 bytes;
    };
    qint64 m_windowMs;
    QList<Sample> m_samples;
};

} // namespace bge
