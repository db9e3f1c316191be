// The keychain store where no keychain can be reached; run through without-keychain.sh, once
// per way of having none (see that script). Secrets must then live in memory only.
#include "credentials/keychaincredentialstore.h"
#include "outcomerecorder.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using bge::KeychainCredentialStore;
using bge::test::OutcomeRecorder;
using Status = bge::CredentialStore::Status;

class TestCredentialStoreNoKeychain final : public QObject
{
    Q_OBJECT

private:
    // Distinctive enough that finding it in a file can only mean it was written there.
    const QString m_canary =
        u"bge-canary-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"-密钥"_s;
    std::unique_ptr<KeychainCredentialStore> m_store;
    std::unique_ptr<QSignalSpy> m_unavailable;

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("BGE_NO_KEYCHAIN"))
            QFAIL("run this suite through tests/keychain/without-keychain.sh");
        qInfo("scenario: %s", qPrintable(qEnvironmentVariable("BGE_NO_KEYCHAIN")));
    }

    // Each test starts from a store that does not know yet that there is no keychain.
    void init()
    {
        m_store = std::make_unique<KeychainCredentialStore>(u"BGE Desktop"_s);
        m_unavailable =
            std::make_unique<QSignalSpy>(m_store.get(), &bge::CredentialStore::keychainUnavailable);
        QVERIFY(m_store->isPersistent()); // nothing known yet
    }

    void cleanup()
    {
        m_unavailable.reset();
        m_store.reset();
    }

    void writeIsSessionOnlyAndReadsBack()
    {
        OutcomeRecorder written;
        m_store->write(bge::refreshTokenKey(u"default"_s), m_canary, this, written.callback());
        QCOMPARE(written.count(), 0); // asynchronous even when nothing can be reached
        QVERIFY(written.waitFor());
        QCOMPARE(written.last().status, Status::SessionOnly);
        QVERIFY(!written.last().errorMessage.isEmpty());

        QCOMPARE(m_unavailable->count(), 1);
        const QString reason = m_unavailable->at(0).at(0).toString();
        qInfo("keychainUnavailable: %s", qPrintable(reason));
        QVERIFY(!reason.isEmpty());
        QVERIFY(!m_store->isPersistent());

        OutcomeRecorder r;
        m_store->read(bge::refreshTokenKey(u"default"_s), this, r.callback());
        m_store->read(bge::clientSecretKey(u"default"_s), this, r.callback());
        m_store->write(bge::clientSecretKey(u"default"_s), m_canary + u"-client"_s, this, r.callback());
        m_store->read(bge::clientSecretKey(u"default"_s), this, r.callback());
        m_store->remove(bge::refreshTokenKey(u"default"_s), this, r.callback());
        m_store->read(bge::refreshTokenKey(u"default"_s), this, r.callback());
        m_store->remove(bge::refreshTokenKey(u"default"_s), this, r.callback());
        QVERIFY(r.waitFor(7));
        QCOMPARE(r.at(0).status, Status::Ok);
        QCOMPARE(r.at(0).secret, m_canary);
        QCOMPARE(r.at(1).status, Status::NotFound);
        QCOMPARE(r.at(2).status, Status::SessionOnly);
        QCOMPARE(r.at(3).secret, m_canary + u"-client"_s);
        QCOMPARE(r.at(4).status, Status::Ok);
        QCOMPARE(r.at(5).status, Status::NotFound);
        QCOMPARE(r.at(6).status, Status::Ok);

        QTest::qWait(50);
        QCOMPARE(r.count(), 7);
        QCOMPARE(m_unavailable->count(), 1); // once, however many requests follow
    }

    void concurrentFirstRequestsAllFallBackOnce()
    {
        // Several requests in flight before anyone knows there is no keychain.
        OutcomeRecorder r;
        for (int i = 0; i < 4; ++i)
            m_store->write(bge::clientSecretKey(u"profile%1"_s.arg(i)), m_canary + QString::number(i), this,
                           r.callback());
        QVERIFY(r.waitFor(4));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(r.at(i).status, Status::SessionOnly);
        QCOMPARE(m_unavailable->count(), 1);

        OutcomeRecorder read;
        for (int i = 0; i < 4; ++i)
            m_store->read(bge::clientSecretKey(u"profile%1"_s.arg(i)), this, read.callback());
        QVERIFY(read.waitFor(4));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(read.at(i).secret, m_canary + QString::number(i));
    }

    void firstReadIsNotFound()
    {
        // Whether a read alone reveals the missing keychain depends on the scenario (an empty
        // gnome-keyring answers "no such entry"); either way there is nothing to find.
        OutcomeRecorder r;
        m_store->read(bge::clientSecretKey(u"default"_s), this, r.callback());
        QVERIFY(r.waitFor());
        QCOMPARE(r.last().status, Status::NotFound);
        QVERIFY(m_unavailable->count() <= 1);
        QCOMPARE(m_store->isPersistent(), m_unavailable->isEmpty());
    }

    void destroyedContextIsNeverCalled()
    {
        OutcomeRecorder gone;
        OutcomeRecorder kept;
        auto* context = new QObject;
        m_store->write(bge::clientSecretKey(u"context"_s), m_canary, context, gone.callback());
        QTimer::singleShot(0, context, &QObject::deleteLater);
        m_store->write(bge::clientSecretKey(u"other"_s), m_canary, this, kept.callback());
        QVERIFY(kept.waitFor());
        QTest::qWait(100);
        QCOMPARE(gone.count(), 0);
        QCOMPARE(kept.last().status, Status::SessionOnly);
    }

    // Last: by now every test above has handed the canary to the store.
    void nothingWasWrittenToDisk()
    {
        const QStringList roots = {qEnvironmentVariable("HOME"), qEnvironmentVariable("XDG_RUNTIME_DIR")};
        // The random middle part, as text in any ASCII-compatible encoding or escaped (QSettings
        // style), as UTF-16, and the whole secret base64-encoded (QtKeychain's binary mode).
        const QString uuid = m_canary.mid(11, 36);
        const QList<QByteArray> forms = {
            uuid.toLatin1(),
            QByteArray(reinterpret_cast<const char*>(uuid.utf16()), uuid.size() * 2),
            m_canary.toUtf8().toBase64(),
        };
        QCOMPARE(uuid.size(), 36);

        // The walk itself must be able to find something, or it would prove nothing.
        const QString controlPath = qEnvironmentVariable("HOME") + u"/.walk-control"_s;
        const QByteArray control = QUuid::createUuid().toByteArray();
        {
            QFile file(controlPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("control " + control);
        }
        int files = 0;
        int controlHits = 0;
        for (const QString& root : roots) {
            QVERIFY(!root.isEmpty());
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    continue; // sockets
                ++files;
                const QByteArray content = file.readAll();
                controlHits += content.contains(control) ? 1 : 0;
                for (const QByteArray& form : forms)
                    QVERIFY2(!content.contains(form), qPrintable(u"secret found in "_s + path));
            }
        }
        QFile::remove(controlPath);
        QCOMPARE(controlHits, 1);
        qInfo("checked %d files under HOME and XDG_RUNTIME_DIR", files - 1);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStoreNoKeychain)
#include "tst_credentialstore_nokeychain.moc"
