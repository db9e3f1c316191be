// A keychain that never answers must not hang its callers. Runs through
// `without-keychain.sh --no-secret-service`: on that private bus this suite itself plays the
// Secret Service, one that takes every call and answers none until told to.
#include "credentials/keychaincredentialstore.h"
#include "outcomerecorder.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using bge::KeychainCredentialStore;
using bge::test::OutcomeRecorder;
using Status = bge::CredentialStore::Status;

namespace {

// Holds every call it gets; once released, answers held and new calls with an error. Called on
// Qt D-Bus's own thread, hence the lock.
class SilentSecretService final : public QDBusVirtualObject
{
public:
    bool handleMessage(const QDBusMessage& message, const QDBusConnection& connection) override
    {
        const QMutexLocker lock(&m_mutex);
        if (m_released) {
            connection.send(message.createErrorReply(QDBusError::Failed, u"the keychain broke"_s));
            ++m_answered;
        } else {
            m_held.append(message);
        }
        return true;
    }
    QString introspect(const QString&) const override { return {}; }

    void release(const QDBusConnection& connection)
    {
        const QMutexLocker lock(&m_mutex);
        m_released = true;
        for (const QDBusMessage& message : std::as_const(m_held))
            connection.send(message.createErrorReply(QDBusError::Failed, u"the keychain broke"_s));
        m_answered += m_held.size();
        m_held.clear();
    }
    qsizetype held() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_held.size();
    }
    qsizetype answered() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_answered;
    }

private:
    mutable QMutex m_mutex;
    QList<QDBusMessage> m_held;
    qsizetype m_answered = 0;
    bool m_released = false;
};

} // namespace

class TestCredentialStoreTimeout final : public QObject
{
    Q_OBJECT

private:
    SilentSecretService m_service;
    QDBusConnection m_connection{u"unused"_s};

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("BGE_NO_KEYCHAIN") != u"--no-secret-service")
            QFAIL("run this suite through `tests/keychain/without-keychain.sh --no-secret-service`");
        m_connection = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"silent-secret-service"_s);
        QVERIFY(m_connection.isConnected());
        QVERIFY(m_connection.registerVirtualObject(u"/org/freedesktop/secrets"_s, &m_service,
                                                   QDBusConnection::SubPath));
        QVERIFY(m_connection.registerService(u"org.freedesktop.secrets"_s));
    }

    void cleanupTestCase()
    {
        m_connection.unregisterObject(u"/org/freedesktop/secrets"_s, QDBusConnection::UnregisterTree);
        QDBusConnection::disconnectFromBus(u"silent-secret-service"_s);
    }

    void silentKeychainFailsAfterTheTimeout()
    {
        KeychainCredentialStore store(u"BGE Desktop"_s);
        store.setTimeout(1s);
        QSignalSpy unavailable(&store, &bge::CredentialStore::keychainUnavailable);

        OutcomeRecorder r;
        QElapsedTimer clock;
        clock.start();
        store.write(bge::refreshTokenKey(u"default"_s), u"v"_s, this, r.callback());
        // QtKeychain runs one job at a time: this one waits behind the silent write.
        store.read(bge::refreshTokenKey(u"default"_s), this, r.callback());
        QVERIFY(r.waitFor(2, 15000));
        QVERIFY2(clock.elapsed() >= 900, qPrintable(u"failed after %1 ms"_s.arg(clock.elapsed())));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(r.at(i).status, Status::Failed);
            QVERIFY(!r.at(i).errorMessage.isEmpty());
        }
        qInfo("timeout message: %s", qPrintable(r.at(0).errorMessage));
        QVERIFY(m_service.held() > 0); // the keychain really was asked, and kept quiet
        QVERIFY(store.isPersistent()); // a keychain that is there but silent is still a keychain
        QCOMPARE(unavailable.count(), 0);

        // The keychain wakes up and fails what it held. Those answers come too late: no second
        // callback. A request made now waits behind them, so once it is back they are all in.
        m_service.release(m_connection);
        store.setTimeout(20s);
        OutcomeRecorder after;
        store.write(bge::refreshTokenKey(u"default"_s), u"v"_s, this, after.callback());
        QVERIFY(after.waitFor(1, 30000));
        QVERIFY(m_service.answered() > 0);
        // A keychain that answers with errors is broken, not missing: Failed, no fallback.
        QCOMPARE(after.last().status, Status::Failed);
        qInfo("failure message: %s", qPrintable(after.last().errorMessage));
        QVERIFY(!after.last().errorMessage.isEmpty());
        QTest::qWait(100);
        QCOMPARE(r.count(), 2);
        QCOMPARE(unavailable.count(), 0);
        QVERIFY(store.isPersistent());
    }
};

QTEST_GUILESS_MAIN(TestCredentialStoreTimeout)
#include "tst_credentialstore_timeout.moc"
