// The sandbox's grant registries on a controlled clock (issue 14, finding 6a): authorization
// codes, access and refresh tokens and STS credentials are pruned once expired, so a sandbox
// that runs for days does not grow without limit; what is still valid stays.
#include "authstate.h"
#include "granttables.h"
#include "stsregistry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace bge::sandbox;
using namespace Qt::StringLiterals;

namespace {

const QString kRedirect = u"http://127.0.0.1:1/cb"_s;

struct Clock
{
    QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(6, 0), Qt::UTC);
    std::function<QDateTime()> function()
    {
        return [this] { return now; };
    }
};

StsGrant stsGrant(const QString& id, const QDateTime& expiration)
{
    StsGrant g;
    g.accessKeyId = id;
    g.expiration = expiration;
    return g;
}

} // namespace

class TestSandboxGrants final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codesAndTokensArePruned()
    {
        Clock clock;
        AuthStateSettings settings;
        settings.accessTokenTtlSeconds = 60;
        settings.refreshTokenTtlSeconds = 600;
        settings.clock = clock.function();
        AuthState auth(settings);
        for (int i = 0; i < 50; ++i)
            auth.issueCode(u"app"_s, kRedirect, {u"profile.default"_s}, u"user"_s);
        for (int i = 0; i < 40; ++i)
            auth.issueClientToken(u"pipeline"_s, {});
        QString refresh;
        for (int i = 0; i < 5; ++i)
            refresh = auth.exchangeCode(u"app"_s, auth.issueCode(u"app"_s, kRedirect, {}, u"user"_s), kRedirect)
                          ->refreshToken;
        QCOMPARE(auth.counts().codes, 50);
        QCOMPARE(auth.counts().accessTokens, 45);
        QCOMPARE(auth.counts().refreshTokens, 5);

        // Access tokens gone after their minute, codes after ten minutes; refresh tokens live on.
        clock.now = clock.now.addSecs(61);
        const QString client = auth.issueClientToken(u"pipeline"_s, {}).accessToken;
        QCOMPARE(auth.counts().accessTokens, 1);
        QCOMPARE(auth.counts().codes, 50);
        QCOMPARE(auth.counts().refreshTokens, 5);
        QVERIFY(auth.findValid(client));
        QVERIFY(auth.refresh(u"app"_s, refresh)); // rotates: one spent, one issued
        QCOMPARE(auth.counts().refreshTokens, 5);

        clock.now = clock.now.addSecs(570); // codes and the first refresh tokens expire at 600 s
        auth.issueClientToken(u"pipeline"_s, {});
        QCOMPARE(auth.counts().codes, 0);
        QCOMPARE(auth.counts().refreshTokens, 1); // only the one issued by the refresh above
        QCOMPARE(auth.counts().accessTokens, 1);
        QVERIFY(!auth.findValid(client));
    }

    void expiredRefreshTokenRefused()
    {
        Clock clock;
        AuthStateSettings settings;
        settings.refreshTokenTtlSeconds = 100;
        settings.clock = clock.function();
        AuthState auth(settings);
        const QString refresh =
            auth.exchangeCode(u"app"_s, auth.issueCode(u"app"_s, kRedirect, {}, u"user"_s), kRedirect)->refreshToken;
        clock.now = clock.now.addSecs(100);
        QVERIFY(!auth.refresh(u"app"_s, refresh));
    }

    // A plain PKCE challenge is the verifier itself: it is kept only as its S256 form, which the
    // same verifier, and no other, still answers, also after a restart.
    void plainChallengeKeptAsS256()
    {
        QTemporaryDir dir;
        AuthStateSettings settings;
        settings.file = dir.filePath(u"grants.json"_s);
        const QString verifier = u"0123456789abcdefghijklmnopqrstuvwxyz-._~ABCDEFG"_s;
        QString good, bad;
        {
            AuthState auth(settings);
            good = auth.issueCode(u"app"_s, kRedirect, {}, u"user"_s, {verifier, ChallengeMethod::Plain});
            bad = auth.issueCode(u"app"_s, kRedirect, {}, u"user"_s, {verifier, ChallengeMethod::Plain});
        }
        QFile f(settings.file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(verifier.toLatin1()));
        AuthState restarted(settings);
        QVERIFY(!restarted.exchangeCode(u"app"_s, bad, kRedirect, verifier + u"X"_s));
        QVERIFY(restarted.exchangeCode(u"app"_s, good, kRedirect, verifier));
    }

    void tablesRoundTrip()
    {
        Clock clock;
        AuthStateSettings settings;
        settings.clock = clock.function();
        QTemporaryDir dir;
        settings.file = dir.filePath(u"grants.json"_s);
        AuthState auth(settings);
        const AccessGrant g = *auth.exchangeCode(
            u"app"_s, auth.issueCode(u"app"_s, kRedirect, {u"a"_s, u"b"_s}, u"user"_s), kRedirect);
        AuthState reloaded(settings);
        const std::optional<AccessGrant> found = reloaded.findValid(g.accessToken);
        QVERIFY(found);
        QCOMPARE(found->principal.username, u"user"_s);
        QCOMPARE(found->principal.clientId, u"app"_s);
        QCOMPARE(found->scopes, (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(found->expiresAt, g.expiresAt);
        QCOMPARE(found->expiresIn, g.expiresIn);
        QCOMPARE(found->grantType, GrantType::AuthorizationCode);
    }

    void stsGrantsArePrunedAfterAGracePeriod()
    {
        Clock clock;
        StsRegistry registry(3600, clock.function());
        for (int i = 0; i < 100; ++i)
            registry.add(stsGrant(u"STS.short"_s + QString::number(i), clock.now.addSecs(5)));
        registry.add(stsGrant(u"STS.long"_s, clock.now.addSecs(7200)));
        registry.add(stsGrant(u"STS.platform"_s, QDateTime())); // never expires
        QCOMPARE(registry.size(), 102);

        // Expired but within the grace period: still known, so that OSS can say SecurityTokenExpired.
        clock.now = clock.now.addSecs(600);
        registry.add(stsGrant(u"STS.next"_s, clock.now.addSecs(5)));
        QCOMPARE(registry.size(), 103);
        QVERIFY(registry.find(u"STS.short7"_s));

        clock.now = clock.now.addSecs(3600);
        registry.add(stsGrant(u"STS.last"_s, clock.now.addSecs(5)));
        QCOMPARE(registry.size(), 4); // long, platform, next (within its grace), last
        QVERIFY(!registry.find(u"STS.short7"_s));
        QVERIFY(registry.find(u"STS.long"_s));
        QVERIFY(registry.find(u"STS.platform"_s));
    }
};

QTEST_GUILESS_MAIN(TestSandboxGrants)
#include "tst_sandbox_grants.moc"
