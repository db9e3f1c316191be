// The keychain store against a real gnome-keyring; run through with-private-keyring.sh.
#include "credentials/keychaincredentialstore.h"
#include "outcomerecorder.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using bge::KeychainCredentialStore;
using bge::test::OutcomeRecorder;
using Status = bge::CredentialStore::Status;

namespace {

const QString Service = u"BGE Desktop"_s;

// What gnome-keyring itself holds, asked through secret-tool rather than QtKeychain.
// QtKeychain files an entry under the attributes server=<service>, user=<key>.
struct KeyringEntry
{
    int items = 0;
    std::optional<QString> secret;
};

bool runSecretTool(const QStringList& arguments, QByteArray* out, int* exitCode)
{
    QProcess process;
    process.start(u"secret-tool"_s, arguments);
    if (!process.waitForFinished(15000) || process.exitStatus() != QProcess::NormalExit)
        return false;
    *out = process.readAllStandardOutput();
    *exitCode = process.exitCode();
    return true;
}

std::optional<KeyringEntry> keyringEntry(const QString& key)
{
    KeyringEntry entry;
    QByteArray out;
    int exitCode = 0;
    // search prints one "[/path]" header per item on stdout (its attributes go to stderr).
    if (!runSecretTool({u"search"_s, u"--all"_s, u"server"_s, Service, u"user"_s, key}, &out, &exitCode))
        return std::nullopt;
    for (const QByteArray& line : out.split('\n'))
        entry.items += line.startsWith("[/") ? 1 : 0;
    if (!runSecretTool({u"lookup"_s, u"server"_s, Service, u"user"_s, key}, &out, &exitCode))
        return std::nullopt;
    if (exitCode == 0)
        entry.secret = QString::fromUtf8(out);
    return entry;
}

} // namespace

class TestCredentialStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KeychainCredentialStore> m_store;
    std::unique_ptr<QSignalSpy> m_unavailable;

    // Runs one request to completion and returns its single outcome.
    template <typename Request> std::optional<bge::CredentialStore::Outcome> run(Request request)
    {
        OutcomeRecorder r;
        request(r.callback());
        if (!r.waitFor())
            return std::nullopt;
        QCoreApplication::processEvents(); // a second callback would show up here
        if (r.count() != 1)
            return std::nullopt;
        return r.last();
    }
    std::optional<bge::CredentialStore::Outcome> write(const QString& key, const QString& secret)
    {
        return run([&](auto done) { m_store->write(key, secret, this, done); });
    }
    std::optional<bge::CredentialStore::Outcome> read(const QString& key)
    {
        return run([&](auto done) { m_store->read(key, this, done); });
    }
    std::optional<bge::CredentialStore::Outcome> remove(const QString& key)
    {
        return run([&](auto done) { m_store->remove(key, this, done); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Without the wrapper this would write into the keyring of whoever runs the suite.
        if (qEnvironmentVariable("BGE_PRIVATE_KEYRING") != u"1")
            QFAIL("run this suite through tests/keychain/with-private-keyring.sh");
        QVERIFY2(!QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty(),
                 "secret-tool (libsecret-tools) is missing; packaging/linux/install-deps.sh installs it");
    }

    void init()
    {
        m_store = std::make_unique<KeychainCredentialStore>(Service);
        m_unavailable =
            std::make_unique<QSignalSpy>(m_store.get(), &bge::CredentialStore::keychainUnavailable);
    }

    void cleanup()
    {
        QCOMPARE(m_unavailable->count(), 0);
        QVERIFY(m_store->isPersistent());
        m_unavailable.reset();
        m_store.reset();
    }

    void writeReadOverwriteRemove()
    {
        const QString key = bge::refreshTokenKey(u"default"_s);

        auto outcome = write(key, u"first-token"_s);
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Ok);
        QVERIFY(outcome->errorMessage.isEmpty());

        outcome = read(key);
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Ok);
        QCOMPARE(outcome->secret, u"first-token"_s);

        auto entry = keyringEntry(key);
        QVERIFY(entry);
        QCOMPARE(entry->items, 1);
        QCOMPARE(entry->secret, u"first-token"_s);

        outcome = write(key, u"second-token"_s);
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Ok);
        outcome = read(key);
        QVERIFY(outcome);
        QCOMPARE(outcome->secret, u"second-token"_s);
        entry = keyringEntry(key);
        QVERIFY(entry);
        QCOMPARE(entry->items, 1); // replaced, not added
        QCOMPARE(entry->secret, u"second-token"_s);

        outcome = remove(key);
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Ok);
        entry = keyringEntry(key);
        QVERIFY(entry);
        QCOMPARE(entry->items, 0);
        QVERIFY(!entry->secret);

        outcome = read(key);
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::NotFound);
        QVERIFY(outcome->secret.isEmpty());
        QVERIFY(!outcome->errorMessage.isEmpty());
    }

    void removingWhatIsNotThereIsOk()
    {
        const auto outcome = remove(bge::clientSecretKey(u"never-written"_s));
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Ok);
        QVERIFY(outcome->errorMessage.isEmpty());
    }

    void profilesDoNotCollide()
    {
        const QStringList keys = {bge::clientSecretKey(u"alpha"_s), bge::refreshTokenKey(u"alpha"_s),
                                  bge::clientSecretKey(u"beta"_s), bge::refreshTokenKey(u"beta"_s)};
        for (const QString& key : keys) {
            const auto outcome = write(key, u"secret of "_s + key);
            QVERIFY(outcome);
            QCOMPARE(outcome->status, Status::Ok);
        }
        for (const QString& key : keys) {
            const auto outcome = read(key);
            QVERIFY(outcome);
            QCOMPARE(outcome->secret, u"secret of "_s + key);
        }

        auto outcome = remove(bge::clientSecretKey(u"alpha"_s));
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Ok);
        outcome = read(bge::clientSecretKey(u"alpha"_s));
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::NotFound);
        for (const QString& key : keys.mid(1)) {
            outcome = read(key);
            QVERIFY(outcome);
            QCOMPARE(outcome->status, Status::Ok);
            QCOMPARE(outcome->secret, u"secret of "_s + key);
            QVERIFY(remove(key));
        }
    }

    void unicodeSecrets_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("cjk") << u"刷新令牌-密钥-基因组"_s;
        QTest::newRow("mixed scripts and emoji") << u"пароль ü ß 🔑 𝄞"_s;
        QTest::newRow("whitespace and quotes") << u" leading, \"quoted\", 'single', tab\tand\nnewline "_s;
        QTest::newRow("long") << QString(4096, u'密');
    }
    void unicodeSecrets()
    {
        QFETCH(QString, secret);
        const QString key =
            bge::clientSecretKey(u"unicode-"_s + QString::fromLatin1(QTest::currentDataTag()));
        auto outcome = write(key, secret);
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Ok);
        outcome = read(key);
        QVERIFY(outcome);
        QCOMPARE(outcome->secret, secret);
        const auto entry = keyringEntry(key);
        QVERIFY(entry);
        QCOMPARE(entry->secret, secret); // stored as UTF-8 text, not mangled or re-encoded
        QVERIFY(remove(key));
    }

    void callbacksAreAsynchronous()
    {
        const QString key = bge::clientSecretKey(u"async"_s);
        OutcomeRecorder r;
        m_store->write(key, u"v"_s, this, r.callback());
        QCOMPARE(r.count(), 0);
        m_store->read(key, this, r.callback());
        QCOMPARE(r.count(), 0);
        m_store->remove(key, this, r.callback());
        QCOMPARE(r.count(), 0);
        QVERIFY(r.waitFor(3));
        QCOMPARE(r.at(0).status, Status::Ok);
        QCOMPARE(r.at(1).secret, u"v"_s); // in call order
        QCOMPARE(r.at(2).status, Status::Ok);
    }

    void destroyedContextIsNeverCalled()
    {
        const QString key = bge::clientSecretKey(u"context"_s);
        OutcomeRecorder gone;
        OutcomeRecorder kept;

        // Destroyed before the request even reached the keychain.
        auto* early = new QObject;
        m_store->write(key, u"written anyway"_s, early, gone.callback());
        delete early;

        // Destroyed while the keychain is working on the request.
        auto* late = new QObject;
        m_store->read(key, late, gone.callback());
        QTimer::singleShot(0, late, &QObject::deleteLater);

        // Requests complete in order, so once this one is back the others are done too.
        m_store->read(key, this, kept.callback());
        QVERIFY(kept.waitFor());
        QTest::qWait(100);
        QCOMPARE(gone.count(), 0);
        QCOMPARE(kept.last().secret, u"written anyway"_s); // only the answer was dropped
        QVERIFY(remove(key));
    }

    void callbackRunsOnTheContextThread()
    {
        QVERIFY(write(bge::clientSecretKey(u"thread"_s), u"v"_s));
        QThread worker;
        worker.start();
        auto* context = new QObject;
        context->moveToThread(&worker);
        OutcomeRecorder r;
        m_store->read(bge::clientSecretKey(u"thread"_s), context, r.callback());
        QVERIFY(r.waitFor());
        QCOMPARE(r.threadOf(0), &worker);
        QCOMPARE(r.last().secret, u"v"_s);
        context->deleteLater(); // deleted in its own thread, at the latest when that thread ends
        worker.quit();
        QVERIFY(worker.wait(10000));
        QVERIFY(remove(bge::clientSecretKey(u"thread"_s)));
    }

    void destroyingTheStoreWithRequestsInFlight()
    {
        // QtKeychain jobs must outlive the store (libsecret calls back into them): no crash, and
        // nobody is called back by a store that no longer exists.
        OutcomeRecorder r;
        m_store->write(bge::clientSecretKey(u"orphan"_s), u"v"_s, this, r.callback());
        m_store->read(bge::clientSecretKey(u"orphan"_s), this, r.callback());
        m_store = std::make_unique<KeychainCredentialStore>(Service);
        m_unavailable =
            std::make_unique<QSignalSpy>(m_store.get(), &bge::CredentialStore::keychainUnavailable);
        const auto outcome = remove(bge::clientSecretKey(u"orphan"_s)); // queued behind the orphans
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Ok);
        QCOMPARE(r.count(), 0);
    }

    // Last: the keyring stays locked afterwards (unlocking needs a prompt).
    void lockedKeyringFailsWithoutFallingBack()
    {
        // A keychain that is there but locked is not a missing keychain: the write fails with a
        // message and nothing goes to memory behind the person's back.
        const QString login = u"/org/freedesktop/secrets/collection/login"_s;
        QProcess lock;
        lock.start(u"dbus-send"_s, {u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.secrets"_s,
                                    u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service.Lock"_s,
                                    u"array:objpath:"_s + login});
        QVERIFY(lock.waitForFinished(15000));
        QCOMPARE(lock.exitCode(), 0);

        const auto outcome = write(bge::clientSecretKey(u"locked"_s), u"v"_s);
        QVERIFY(outcome);
        QCOMPARE(outcome->status, Status::Failed);
        qInfo("locked keyring: %s", qPrintable(outcome->errorMessage));
        QVERIFY(!outcome->errorMessage.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
