#pragma once

// One attempt of a client in the soak: the program runs until it ends by itself, until its
// work is seen done (the desktop app never exits on its own), or until it is killed with
// SIGKILL at the planned moment.
#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace bge::test::soak {

struct Attempt
{
    bool started = false;
    bool killed = false;          // by the plan (SIGKILL), before the program ended
    bool killedAtTrigger = false; // killed when `trigger` said so
    bool timedOut = false;        // killed because it ran past the bound
    int exitCode = -1;            // -1 when it did not exit normally
    QByteArray out;
    QByteArray err;
};

struct AttemptSpec
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    int killAfterMs = -1;         // -1: no timed kill
    std::function<bool()> trigger; // a kill the moment this is true (may be empty)
    std::function<bool()> workDone; // the program's work is over: stopped, not counted as a kill
    int timeoutMs = 900000;       // a bound against hangs on a slow machine, not a criterion
};

inline AttemptSpec attemptOf(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment)
{
    AttemptSpec spec;
    spec.program = program;
    spec.arguments = arguments;
    spec.environment = environment;
    return spec;
}

Attempt runAttempt(const AttemptSpec& spec);

} // namespace bge::test::soak
