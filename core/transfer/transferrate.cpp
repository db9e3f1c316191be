#include "transferrate.h"

#include <cmath>

namespace bge {

namespace {
constexpr qint64 kMinSpanMs = 200;
}

void TransferRate::add(qint64 timeMs, qint64 bytes)
{
    if (!m_samples.isEmpty()) {
        // Below the whole window: the transfer started over, the old figures mean nothing.
        if (bytes < m_samples.first().bytes || timeMs < m_samples.last().timeMs)
            m_samples.clear();
        // A dip (a part being sent again): the window still holds, wait until it is made up.
        else if (bytes < m_samples.last().bytes)
            return;
    }
    m_samples.append({timeMs, bytes});
    while (m_samples.size() > 2 && timeMs - m_samples.at(1).timeMs >= m_windowMs)
        m_samples.removeFirst();
}

double TransferRate::bytesPerSecond() const
{
    if (m_samples.size() < 2)
        return 0;
    const Sample& first = m_samples.first();
    const Sample& last = m_samples.last();
    const qint64 span = last.timeMs - first.timeMs;
    if (span < kMinSpanMs)
        return 0;
    return double(last.bytes - first.bytes) * 1000.0 / double(span);
}

qint64 TransferRate::etaSeconds(qint64 remaining) const
{
    const double speed = bytesPerSecond();
    if (remaining <= 0)
        return 0;
    if (speed <= 0)
        return -1;
    return qint64(std::ceil(double(remaining) / speed));
}

} // namespace bge
