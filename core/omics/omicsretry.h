#pragma once

#include "api/apierror.h"

namespace bge::omics {

// AWS "standard" retry mode (botocore retries/standard.py; reference §3.3): three attempts,
// transient and throttling errors retried after rand(0,1) * min(2^attempt, 20) seconds.
namespace StandardRetry {

inline constexpr int kMaxAttempts = 3;

enum class Class
{
    Final,      // retrying cannot help (a 4xx the caller must fix, a parse error, a cancel)
    Transient,  // transport errors, time-outs, 500/502/503/504, RequestTimeout(Exception),
                // PriorRequestNotComplete
    Throttling, // ThrottlingException, TooManyRequestsException, SlowDown, …
};

Class classify(const ApiError& error);
// Delay in milliseconds before the retry that follows failed attempt `attempt` (1-based),
// for a uniform `random` in [0, 1).
int delayMs(int attempt, double random);
// The same with a random draw.
int delayMs(int attempt);

} // namespace StandardRetry

} // namespace bge::omics
