#pragma once

#include "api/job.h"
#include "api/tokenprovider.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace bge::test {

// How one job ended, seen from outside: how often finished() fired and the run() handler
// was called (both must be exactly once), and with what.
struct JobOutcome
{
    bool done = false;
    int finishedSignals = 0;
    int handlerCalls = 0;
    ApiError error;
    qint64 elapsedMs = 0;

    QString kind() const
    {
        if (!done)
            return QStringLiteral("unfinished");
        return error ? ApiError::kindName(error.kind()) : QStringLiteral("none");
    }
};

// Runs `job` with run() and waits for its handler; then keeps the event loop going a little
// longer so that a second finished() or a second handler call would be counted.
template <typename T>
JobOutcome awaitJob(Job<T>* job, std::optional<T>* value = nullptr, int timeoutMs = 10000)
{
    JobOutcome outcome;
    QObject context; // the handler dies with this function, even after a time-out
    QSignalSpy finished(job, &JobBase::finished);
    QElapsedTimer clock;
    clock.start();
    job->run(&context, [&outcome, value, &clock](const Result<T>& result) {
        ++outcome.handlerCalls;
        outcome.elapsedMs = clock.elapsed();
        outcome.error = result.error();
        if (value && result)
            value->emplace(result.value());
    });
    outcome.done = QTest::qWaitFor([&outcome] { return outcome.handlerCalls > 0; }, timeoutMs);
    QTest::qWait(50);
    outcome.finishedSignals = int(finished.count());
    return outcome;
}

// Hands out one fixed token; counts what the request layer asks of it.
class FixedTokenProvider final : public TokenProvider
{
public:
    static constexpr const char* kToken = "robustness-test-token";

    void acquireToken(QObject* context, TokenCallback ready) override
    {
        ++acquired;
        QMetaObject::invokeMethod(
            context, [ready] { ready(QString::fromLatin1(kToken), {}); }, Qt::QueuedConnection);
    }
    void tokenRejected(const QString&) override { ++rejected; }

    int acquired = 0;
    int rejected = 0;
};

} // namespace bge::test

// Every job ends exactly once, whatever the server did.
#define BGE_VERIFY_FINISHED_ONCE(outcome)                                                                    \
    do {                                                                                                     \
        QVERIFY2((outcome).done, "the job did not finish in time");                                          \
        QCOMPARE((outcome).finishedSignals, 1);                                                              \
        QCOMPARE((outcome).handlerCalls, 1);                                                                 \
    } while (false)
