#include "requestpacer.h"

#include <QElapsedTimer>
#include <QTimer>

#include <cmath>
#include <limits>
#include <memory>

namespace bge::omics {

namespace {
constexpr double kMargin = 1.1; // 10 % under the quota
}

RequestPacer::RequestPacer(QObject* parent) : QObject(parent)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_clock = [timer] { return timer->elapsed(); };
    m_next.fill(std::numeric_limits<qint64>::min());
}

qint64 RequestPacer::intervalMs(Operation operation)
{
    return qint64(std::ceil(1000.0 * kMargin / operationInfo(operation).tps));
}

qint64 RequestPacer::reserve(Operation operation)
{
    const qint64 now = m_clock();
    qint64& next = m_next[std::size_t(operation)];
    const qint64 slot = m_enabled ? std::max(now, next) : now;
    next = slot + intervalMs(operation);
    return slot;
}

void RequestPacer::schedule(Operation operation, QObject* context, std::function<void()> send)
{
    const qint64 wait = reserve(operation) - m_clock();
    if (wait <= 0) {
        // Still asynchronous, like every other path through a job.
        QTimer::singleShot(0, context, std::move(send));
        return;
    }
    QTimer::singleShot(std::chrono::milliseconds(wait), Qt::PreciseTimer, context, std::move(send));
}

} // namespace bge::omics
