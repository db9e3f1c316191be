#pragma once

#include "api/job.h"

#include <QPointer>

#include <functional>

namespace bge::ui {

// The one request a view has in flight. Starting another, abort() or destruction aborts the
// previous one, and only the latest request's handler runs: an answer for the sample the user
// has just left never lands in the table of the new one.
class PendingJob final
{
public:
    PendingJob() = default;
    PendingJob(const PendingJob&) = delete;
    PendingJob& operator=(const PendingJob&) = delete;
    ~PendingJob() { abort(); }

    // Runs `job` with `handler` called on `context` (the owning view, which must outlive this).
    template <typename T>
    void run(Job<T>* job, QObject* context, std::function<void(const Result<T>&)> handler)
    {
        abort();
        const quint64 generation = m_generation;
        m_job = job;
        job->run(context, [this, generation, handler = std::move(handler)](const Result<T>& result) {
            if (generation != m_generation)
                return;
            m_job.clear();
            handler(result);
        });
    }

    void abort()
    {
        ++m_generation;
        if (JobBase* job = m_job.data())
            job->abort();
        m_job.clear();
    }

    bool isRunning() const { return !m_job.isNull(); }

private:
    QPointer<JobBase> m_job;
    quint64 m_generation = 0;
};

} // namespace bge::ui
