#pragma once

#include "job.h"

namespace bge {

// A job whose outcome is known before anything is sent (a local validation error): it
// still completes asynchronously, like every other job.
template <typename T>
class ImmediateJob final : public Job<T>
{
public:
    explicit ImmediateJob(Result<T> outcome, QObject* parent = nullptr) : Job<T>(parent), m_outcome(std::move(outcome)) {}

protected:
    void doStart() override
    {
        if (m_outcome)
            this->succeed(m_outcome.value());
        else
            this->complete(m_outcome.error());
    }

private:
    Result<T> m_outcome;
};

} // namespace bge
