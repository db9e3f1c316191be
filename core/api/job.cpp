#include "job.h"

#include <QMetaObject>
#include <QPointer>

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
            // A handler may delete a job it owns (auto-delete off): do not touch it afterwards.
            const QPointer<JobBase> alive(this);
            Q_EMIT finished(this);
            if (alive && m_autoDelete)
                deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace bge
