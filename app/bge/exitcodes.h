#pragma once

namespace bge::cli {

// The exit codes scripts can rely on.
enum ExitCode : int {
    ExitSuccess = 0,
    ExitApiError = 1,  // the platform answered with an error code (printed with its message)
    ExitUsage = 2,     // wrong command line
    ExitFailure = 3,   // transport, time-out, unreadable response, or authentication failure
};

} // namespace bge::cli
