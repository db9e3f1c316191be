// The desktop app and `bge` share one profile's session through the keychain (issue 14,
// finding 3). Refresh tokens are single-use in the sandbox, as they rotate on the platform:
// separate processes renewing the same session must take turns (a lock), read the keychain
// again before refreshing and after a refusal, and never remove a session another process
// stored. Real processes (sharedsessionchild), a real sandbox, a real private keyring (the
// suite runs under tests/keychain/with-private-keyring.sh).
#include "coretestsupport.h"

#include "auth/profilelock.h"
#include "auth/sessionstore.h"
#include "common/sandboxprocess.h"
#include "credentials/credentialstore.h"

#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

struct ChildRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const { return u"exit %1\n%2\n%3"_s.arg(exitCode).arg(QString::fromUtf8(out), QString::fromUtf8(err)); }
};

} // namespace

class TestSharedSession final : public QObject
{
    Q_OBJECT

    SandboxProcess m_sandbox;
    QString m_clientId = u"bge-desktop-demo"_s;
    QString m_user;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<SessionStore> m_store;

    void waitForWrites()
    {
        if (m_store->pendingWrites() > 0) {
            QSignalSpy written(m_store.get(), &SessionStore::writesFinished);
            QVERIFY(written.wait(kWaitMs));
        }
    }

    std::optional<TokenGrant> stored(const QString& profile)
    {
        std::optional<SessionStore::Secrets> secrets;
        m_store->load(profile, [&secrets](const SessionStore::Secrets& s) { secrets = s; });
        if (!QTest::qWaitFor([&secrets] { return secrets.has_value(); }, kWaitMs) || !secrets->problem.isEmpty() ||
            secrets->grant.refreshToken.isEmpty())
            return std::nullopt;
        return secrets->grant;
    }

    // A user signed in (as `bge login` or the app would), the session in the keychain.
    TokenGrant signInAndStore(const QString& profile)
    {
        auto stack = makeStack(m_sandbox, m_clientId);
        const Result<TokenGrant> grant = signIn(*stack, m_sandbox, m_user);
        if (!grant)
            return {};
        m_store->saveGrant(profile, grant.value());
        waitForWrites();
        return grant.value();
    }

    // Every child loads the stored session, then all renew at once, `rounds` times each.
    QList<ChildRun> runChildren(const QString& profile, int count, int rounds, const QString& mode)
    {
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < count; ++i) {
            auto p = std::make_unique<QProcess>();
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"BGE_CLIENT_SECRET"_s, m_sandbox.clientById(m_clientId).value(u"client_secret").toString());
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(BGE_SHARED_SESSION_CHILD),
                     {m_sandbox.apiEndpoint(), m_clientId, profile, QString::number(rounds), mode});
            children.push_back(std::move(p));
        }
        QList<ChildRun> runs(count);
        for (int i = 0; i < count; ++i) {
            QProcess* p = children[size_t(i)].get();
            const bool ready = QTest::qWaitFor(
                [p, &runs, i] {
                    runs[i].out += p->readAllStandardOutput();
                    return runs[i].out.contains("ready\n") || p->state() == QProcess::NotRunning;
                },
                kWaitMs);
            if (!ready || !runs[i].out.contains("ready\n")) {
                runs[i].err = p->readAllStandardError();
                return runs;
            }
        }
        for (const auto& p : children)
            p->write("go\n");
        for (int i = 0; i < count; ++i) {
            QProcess* p = children[size_t(i)].get();
            if (!QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 4 * kWaitMs))
                runs[i].err = "the child did not end in time\n";
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished();
            }
            runs[i].out += p->readAllStandardOutput();
            runs[i].err += p->readAllStandardError();
            runs[i].exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        }
        return runs;
    }

    // The stored session works for a newcomer: a renewal with its refresh token, then a call.
    void verifyStoredSessionWorks(const QString& profile)
    {
        const std::optional<TokenGrant> grant = stored(profile);
        QVERIFY2(grant, "the keychain holds the session");
        auto stack = makeStack(m_sandbox, m_clientId);
        stack->session.restoreFromRefreshToken(grant->refreshToken);
        const Result<User> user = await(stack->api.user());
        BGE_VERIFY_OK(user);
        QCOMPARE(user->username, m_user);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("BGE_PRIVATE_KEYRING") != u"1")
            QFAIL("run this suite through tests/keychain/with-private-keyring.sh");
        // Access tokens live 4 s: renewals happen by expiry too, not only when the children ask.
        QVERIFY2(m_sandbox.start({u"--token-ttl"_s, u"4"_s}), qPrintable(m_sandbox.errorOutput()));
        m_user = m_sandbox.user(0).value(u"username").toString();
        m_credentials = createSystemCredentialStore(u"BGE Desktop"_s);
        QVERIFY(m_credentials->isPersistent());
        m_store = std::make_unique<SessionStore>(m_credentials.get());
    }

    void lockPathIsPerProfileAndPlain()
    {
        const QString a = ProfileLock::pathFor(u"default"_s);
        QVERIFY(a.contains(u"/bge-session-"_s) && a.endsWith(u"default.lock"_s));
        // Derived from the user id, not the environment: cron's or su's bge finds the app's lock.
        const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
        qputenv("XDG_RUNTIME_DIR", "/nonexistent-runtime");
        QCOMPARE(ProfileLock::pathFor(u"default"_s), a);
        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(ProfileLock::pathFor(u"default"_s), a);
        qputenv("XDG_RUNTIME_DIR", runtime);
        QVERIFY(a != ProfileLock::pathFor(u"sandbox"_s));
        QVERIFY(!ProfileLock::pathFor(u"../x"_s).contains(u"/../"_s));
    }

    // A lock held elsewhere is waited for without blocking the event loop; its release lets
    // the waiter in at once.
    void lockIsTakenInTurn()
    {
        const QString path = ProfileLock::pathFor(u"turns"_s);
        ProfileLock first(path);
        ProfileLock second(path);
        bool firstHeld = false;
        first.acquire([&firstHeld](bool held) { firstHeld = held; });
        QVERIFY(firstHeld);
        std::optional<bool> secondHeld;
        second.acquire([&secondHeld](bool held) { secondHeld = held; });
        QTest::qWait(200); // events are processed meanwhile: the wait is not a blocking one
        QVERIFY(!secondHeld.has_value());
        first.release();
        QTRY_VERIFY_WITH_TIMEOUT(secondHeld.has_value(), kWaitMs);
        QVERIFY(*secondHeld);
    }

    // A refresh may outlast the stale time (repeated attempts, `--timeout` up to an hour): a
    // holder that is alive keeps the lock however old its file (QLockFile removes a stale file
    // only after taking its flock, which the holder keeps). The same process here, so only the
    // file's age makes it look stale, as for a live process elsewhere. Guards the reasoning in
    // profilelock.h should Qt ever change it.
    void liveHolderIsNeverStale()
    {
        constexpr int kStale = 1500;
        const QString path = ProfileLock::pathFor(u"heartbeat"_s);
        ProfileLock first(path, nullptr, kStale);
        ProfileLock second(path, nullptr, kStale);
        bool firstHeld = false;
        first.acquire([&firstHeld](bool held) { firstHeld = held; });
        QVERIFY(firstHeld);
        const QDateTime made = QFileInfo(path).lastModified();
        std::optional<bool> secondHeld;
        second.acquire([&secondHeld](bool held) { secondHeld = held; });
        QTest::qWait(3 * kStale);
        QVERIFY2(!secondHeld.has_value(), "a live holder's lock was taken as stale");
        QVERIFY(QFileInfo(path).lastModified() == made); // old enough to look stale
        first.release();
        QTRY_VERIFY_WITH_TIMEOUT(secondHeld.has_value(), kWaitMs);
        QVERIFY(*secondHeld);
        second.release();
    }

    // The finding itself: two programs renewing the same session many times, at the same time.
    void twoProgramsRenewInTurn()
    {
        const QString profile = u"shared"_s;
        QVERIFY(!signInAndStore(profile).refreshToken.isEmpty());
        const QList<ChildRun> runs = runChildren(profile, 2, 20, u"shared"_s);
        for (const ChildRun& run : runs) {
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            QVERIFY2(run.out.contains("ok 20\ndone\n"), qPrintable(run.describe()));
        }
        verifyStoredSessionWorks(profile);
    }

    // The same without coordination (the old behaviour): one program refreshes with the token
    // the other has just used up, and is signed out. Proves the test above can fail.
    void uncoordinatedProgramsSignEachOtherOut()
    {
        const QString profile = u"unshared"_s;
        QVERIFY(!signInAndStore(profile).refreshToken.isEmpty());
        const QList<ChildRun> runs = runChildren(profile, 2, 20, u"unshared"_s);
        int failed = 0;
        for (const ChildRun& run : runs) {
            QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.describe()));
            if (run.exitCode == 1) {
                ++failed;
                QVERIFY2(run.out.contains("error: authentication"), qPrintable(run.describe()));
            }
        }
        QVERIFY2(failed >= 1, qPrintable(runs.first().describe() + runs.last().describe()));
    }

    // This process holds an older token than the keychain (another program rotated it and
    // stored no access token): the renewal uses the stored one, not the used-up copy.
    void renewsWithTheTokenAnotherProgramStored()
    {
        const QString profile = u"rotated"_s;
        const TokenGrant first = signInAndStore(profile);
        QVERIFY(!first.refreshToken.isEmpty());
        auto mine = makeStack(m_sandbox, m_clientId);
        mine->session.shareThrough(m_store.get(), profile);
        mine->session.restoreFromRefreshToken(first.refreshToken);

        auto other = makeStack(m_sandbox, m_clientId);
        const Result<TokenGrant> rotated = await(other->oauth.refresh(other->clientSecret, first.refreshToken));
        BGE_VERIFY_OK(rotated);
        TokenGrant onlyRefresh;
        onlyRefresh.refreshToken = rotated->refreshToken;
        m_store->saveGrant(profile, onlyRefresh);
        waitForWrites();

        const Result<User> user = await(mine->api.user());
        BGE_VERIFY_OK(user);
        QCOMPARE(mine->session.renewalCount(), 1);
        const std::optional<TokenGrant> after = stored(profile);
        QVERIFY(after);
        QVERIFY(after->refreshToken != rotated->refreshToken); // rotated again, and stored
        QCOMPARE(after->refreshToken, mine->session.refreshToken());
        verifyStoredSessionWorks(profile);
    }

    // A stored session the platform refuses is removed, once, by the program that found out.
    void refusedStoredSessionIsForgotten()
    {
        const QString profile = u"dead"_s;
        TokenGrant dead;
        dead.refreshToken = u"not-a-token-the-platform-issued"_s;
        m_store->saveGrant(profile, dead);
        waitForWrites();
        auto mine = makeStack(m_sandbox, m_clientId);
        mine->session.shareThrough(m_store.get(), profile);
        mine->session.restore(dead);
        const Result<User> user = await(mine->api.user());
        BGE_VERIFY_ERROR_KIND(user, ApiError::Kind::Authentication);
        waitForWrites();
        QVERIFY(!stored(profile));
        QVERIFY(!mine->session.canAuthenticate());
    }
};

QTEST_GUILESS_MAIN(TestSharedSession)
#include "tst_sharedsession.moc"
