#pragma once

#include "api/job.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace bge::ui {

// The one request a view has in flight. Starting another, abort() or destruction aborts the
// previous one, and only the latest request's handler runs: an answer for the sample the user
// has just left never lands in the table of the new one.
//
// The handler's guard lives in a block the handler shares, not in this object: an aborted
// job reports its end on a later pass of the event loop, and the PendingJob may be gone by
// then (one per sample in a fetch queue, dropped with the sample) while `context` lives on.
class PendingJob final
{
public:
    PendingJob() = default;
    PendingJob(const PendingJob&) = delete;
    PendingJob& operator=(const PendingJob&) = delete;
    ~PendingJob() { abort(); }

    // Runs `job` with `handler` called on `context` (which must outlive the handler's use of
    // whatever it captures).
    template <typename T>
    void run(Job<T>* job, QObject* context, std::function<void(const Result<T>&)> handler)
    {
        abort();
        const quint64 generation = m_state->generation;
        m_state->job = job;
        job->run(context, [state = m_state, generation, handler = std::move(handler)](const Result<T>& result) {
            if (generation != state->generation)
                return;
            state->job.clear();
            handler(result);
        });
    }

    void abort()
    {
        ++m_state->generation;
        if (JobBase* job = m_state->job.data())
            job->abort();
        m_state->job.clear();
    }

    bool isRunning() const { return !m_state->job.isNull(); }

private:
    struct State
    {
        QPointer<JobBase> job;
        quint64 generation = 0;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace bge::ui
