#pragma once

namespace bge {

// Capped exponential backoff with jitter for idempotent calls.
struct RetryPolicy
{
    int maxAttempts = 4; // first try included
    int baseDelayMs = 400;
    int maxDelayMs = 8000;

    // Delay before attempt `attempt` (2 = the first retry): "equal jitter", half fixed and
    // half random, so that many clients failing together do not retry in lockstep.
    int delayBeforeAttempt(int attempt) const;
    static RetryPolicy none() { return RetryPolicy{1, 0, 0}; }
};

} // namespace bge
