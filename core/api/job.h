#pragma once

#include "result.h"

#include <QObject>

#include <functional>
#include <optional>

namespace bge {

// A single-shot asynchronous operation: start() once, then exactly one finished(), carrying
// either a result or an error. finished() is never emitted from inside start(). The job
// deletes itself after finished() unless setAutoDelete(false).
class JobBase : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void start();
    // Ends the job with a Cancelled error (if it is still running).
    void abort();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    const ApiError& error() const { return m_error; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void finished(bge::JobBase* job);

protected:
    virtual void doStart() = 0;
    virtual void doAbort() {}
    // Completes the job; later calls are ignored, so a late reply after abort() is harmless.
    void complete(const ApiError& error);

private:
    ApiError m_error;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

template <typename T>
class Job : public JobBase
{
public:
    using JobBase::JobBase;
    using Handler = std::function<void(const Result<T>&)>;

    Result<T> outcome() const { return m_value ? Result<T>(*m_value) : Result<T>(error()); }
    const T& result() const { return *m_value; }

    // Connects `handler` (called once, on `context`'s thread, not at all if `context` is gone)
    // and starts the job. Returns the job, e.g. to abort it later.
    Job* run(QObject* context, Handler handler)
    {
        QObject::connect(this, &JobBase::finished, context, [this, handler = std::move(handler)] { handler(outcome()); });
        start();
        return this;
    }

protected:
    void succeed(T value)
    {
        if (isFinished())
            return;
        m_value = std::move(value);
        complete({});
    }

private:
    std::optional<T> m_value;
};

// For calls that answer nothing but success.
struct Done
{
};

} // namespace bge
