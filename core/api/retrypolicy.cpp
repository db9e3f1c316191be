#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace bge {

int RetryPolicy::delayBeforeAttempt(int attempt) const
{
    const int exponent = std::clamp(attempt - 2, 0, 20);
    const qint64 capped = std::min<qint64>(maxDelayMs, qint64(baseDelayMs) << exponent);
    const qint64 half = capped / 2;
    return int(half + QRandomGenerator::global()->bounded(half + 1));
}

} // namespace bge
