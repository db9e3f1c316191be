#pragma once

#include "credentials/credentialstore.h"

#include <QList>
#include <QMutex>
#include <QTest>
#include <QThread>

namespace bge::test {

// Collects what a credential store reports through the callbacks it was given, and on which
// thread (callbacks may run on a context's own thread, hence the lock).
class OutcomeRecorder final
{
public:
    CredentialStore::Callback callback()
    {
        return [this](const CredentialStore::Outcome& outcome) {
            const QMutexLocker lock(&m_mutex);
            m_outcomes.append(outcome);
            m_threads.append(QThread::currentThread());
        };
    }

    // Spins the event loop until `n` callbacks have come (tests only: products never wait).
    bool waitFor(qsizetype n = 1, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return count() >= n; }, timeoutMs);
    }

    qsizetype count() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_outcomes.size();
    }
    CredentialStore::Outcome at(qsizetype i) const
    {
        const QMutexLocker lock(&m_mutex);
        return m_outcomes.at(i);
    }
    CredentialStore::Outcome last() const { return at(count() - 1); }
    QThread* threadOf(qsizetype i) const
    {
        const QMutexLocker lock(&m_mutex);
        return m_threads.at(i);
    }

private:
    mutable QMutex m_mutex;
    QList<CredentialStore::Outcome> m_outcomes;
    QList<QThread*> m_threads;
};

} // namespace bge::test
