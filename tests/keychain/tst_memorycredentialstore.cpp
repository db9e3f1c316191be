#include "credentials/memorycredentialstore.h"
#include "outcomerecorder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using bge::CredentialStore;
using bge::MemoryCredentialStore;
using Status = bge::CredentialStore::Status;

class TestMemoryCredentialStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyConvention()
    {
        QCOMPARE(bge::clientSecretKey(u"default"_s), u"default/client-secret"_s);
        QCOMPARE(bge::refreshTokenKey(u"lab"_s), u"lab/refresh-token"_s);
        QVERIFY(bge::clientSecretKey(u"a"_s) != bge::refreshTokenKey(u"a"_s));
    }

    void writeStatusDependsOnMode_data()
    {
        QTest::addColumn<MemoryCredentialStore::Mode>("mode");
        QTest::addColumn<Status>("writeStatus");
        QTest::newRow("plain") << MemoryCredentialStore::Mode::Plain << Status::Ok;
        QTest::newRow("fallback") << MemoryCredentialStore::Mode::SessionFallback << Status::SessionOnly;
    }
    void writeStatusDependsOnMode()
    {
        QFETCH(MemoryCredentialStore::Mode, mode);
        QFETCH(Status, writeStatus);
        MemoryCredentialStore store(mode);
        QVERIFY(!store.isPersistent());

        bge::test::OutcomeRecorder written;
        store.write(u"p/client-secret"_s, u"s3cret"_s, this, written.callback());
        QVERIFY(written.waitFor());
        QCOMPARE(written.last().status, writeStatus);
        QCOMPARE(written.last().errorMessage.isEmpty(), writeStatus == Status::Ok);

        bge::test::OutcomeRecorder read;
        store.read(u"p/client-secret"_s, this, read.callback());
        QVERIFY(read.waitFor());
        QCOMPARE(read.last().status, Status::Ok);
        QCOMPARE(read.last().secret, u"s3cret"_s);
        QVERIFY(read.last().errorMessage.isEmpty());
    }

    void removeThenReadIsNotFound()
    {
        MemoryCredentialStore store;
        bge::test::OutcomeRecorder r;
        store.write(u"k"_s, u"v"_s, this, r.callback());
        store.remove(u"k"_s, this, r.callback());
        store.remove(u"k"_s, this, r.callback()); // already gone: still Ok
        store.read(u"k"_s, this, r.callback());
        QVERIFY(r.waitFor(4));
        QCOMPARE(r.at(1).status, Status::Ok);
        QCOMPARE(r.at(2).status, Status::Ok);
        QCOMPARE(r.at(3).status, Status::NotFound);
        QVERIFY(!r.at(3).errorMessage.isEmpty());
        QVERIFY(r.at(3).secret.isEmpty());
    }

    void callbacksAreAsynchronous()
    {
        MemoryCredentialStore store;
        bge::test::OutcomeRecorder r;
        store.write(u"k"_s, u"v"_s, this, r.callback());
        store.read(u"k"_s, this, r.callback());
        store.remove(u"k"_s, this, r.callback());
        QCOMPARE(r.count(), 0);
        QVERIFY(r.waitFor(3));
    }

    void destroyedContextIsNotCalled()
    {
        MemoryCredentialStore store;
        bge::test::OutcomeRecorder gone;
        bge::test::OutcomeRecorder kept;
        auto* context = new QObject;
        store.write(u"k"_s, u"v"_s, context, gone.callback());
        store.read(u"k"_s, context, gone.callback());
        delete context;
        store.read(u"k"_s, this, kept.callback());
        QVERIFY(kept.waitFor());
        QCoreApplication::processEvents();
        QCOMPARE(gone.count(), 0);
        QCOMPARE(kept.last().secret, u"v"_s); // the write itself happened
    }

    void callbackRunsOnTheContextThread()
    {
        MemoryCredentialStore store;
        QThread worker;
        worker.start();
        auto* context = new QObject;
        context->moveToThread(&worker);
        bge::test::OutcomeRecorder r;
        store.read(u"k"_s, context, r.callback());
        QVERIFY(r.waitFor());
        QCOMPARE(r.threadOf(0), &worker);
        context->deleteLater(); // deleted in its own thread, at the latest when that thread ends
        worker.quit();
        QVERIFY(worker.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestMemoryCredentialStore)
#include "tst_memorycredentialstore.moc"
