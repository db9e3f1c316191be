#include "soakprocess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

namespace bge::test::soak {

Attempt runAttempt(const AttemptSpec& spec)
{
    Attempt a;
    QProcess p;
    p.setProcessEnvironment(spec.environment);
    p.start(spec.program, spec.arguments);
    if (!p.waitForStarted(30000))
        return a;
    a.started = true;
    QElapsedTimer clock;
    clock.start();
    bool workDone = false;
    // Output is read as it comes: a long run's progress lines must not fill the pipe.
    const bool ended = QTest::qWaitFor(
        [&] {
            a.out += p.readAllStandardOutput();
            a.err += p.readAllStandardError();
            if (p.state() == QProcess::NotRunning)
                return true;
            if (spec.workDone && spec.workDone()) {
                workDone = true;
                return true;
            }
            if (spec.killAfterMs >= 0 && clock.elapsed() >= spec.killAfterMs) {
                a.killed = true;
                return true;
            }
            if (spec.trigger && spec.trigger()) {
                a.killed = a.killedAtTrigger = true;
                return true;
            }
            return false;
        },
        spec.timeoutMs);
    a.timedOut = !ended;
    if (p.state() != QProcess::NotRunning)
        p.kill(); // SIGKILL
    p.waitForFinished(30000);
    if (a.killed && p.exitStatus() == QProcess::NormalExit) // it ended first
        a.killed = a.killedAtTrigger = false;
    a.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (workDone)
        a.exitCode = 0;
    a.out += p.readAllStandardOutput();
    a.err += p.readAllStandardError();
    return a;
}

} // namespace bge::test::soak
