#include "job.h"

#include <QMetaObject>

namespace bge {

void JobBase::start()
{
    if (m_started)
        return;
    m_started = true;
    // Deferred so that finished() never fires inside start(): callers may connect after it.
    QMetaObject::invokeMethod(
        this, [this] {
            if (!m_finished)
                doStart();
        },
        Qt::QueuedConnection);
}

void JobBase::abort()
{
    if (m_finished)
        return;
    doAbort();
    complete(ApiError::cancelled());
}

void JobBase::complete(const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    // Always asynchronous with respect to whoever called start() or abort().
    QMetaObject::invokeMethod(
        this, [this] {
            Q_EMIT finished(this);
            if (m_autoDelete)
                deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace bge
