// The session against the real sandbox: proactive refresh of an expired token, one refresh and
// a replay after a 403, one renewal shared by concurrent calls, refresh-token rotation, a
// refused refresh token, client-credentials renewal, sign-out; and PKCE end to end through
// the loopback redirect listener.
#include "auth/loopbackredirectlistener.h"
#include "common/httptestclient.h"
#include "common/sandboxprocess.h"
#include "coretestsupport.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kShortTtlSeconds = 4;
const QString kDesktop = u"bge-desktop-demo"_s;
const QString kPipeline = u"bge-pipeline-demo"_s;
const QString kGarbageToken = u"Wr6QmVmx5twsjRoasdfXkwmlgfXAYB"_s;

// A grant the platform will reject (an access token it never issued) that the session
// believes good for hours, with a refresh token that may or may not work.
TokenGrant rejectedGrant(const QString& refreshToken)
{
    TokenGrant g;
    g.accessToken = kGarbageToken;
    g.refreshToken = refreshToken;
    g.tokenType = u"Bearer"_s;
    g.expiresIn = 21600;
    g.obtainedAt = QDateTime::currentDateTimeUtc();
    return g;
}

// How many attempts a platform call took (1: sent once; 2: replayed after a 403).
template <typename T> int attemptsOf(Job<T>* job)
{
    const auto* apiJob = dynamic_cast<ApiJob<T>*>(job);
    return apiJob ? apiJob->attempts() : -1;
}

// Runs a job to completion and keeps it, to read its attempts afterwards.
template <typename T> std::pair<Result<T>, int> awaitWithAttempts(Job<T>* job)
{
    job->setAutoDelete(false);
    const Result<T> result = await(job);
    const int attempts = attemptsOf(job);
    delete job;
    return {result, attempts};
}

} // namespace

class TestSession final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;    // tokens last the default six hours
    SandboxProcess m_shortLived; // tokens last kShortTtlSeconds
    QString m_username;
    QString m_genomic;

    // A desktop-app stack signed in as demo user 0.
    std::unique_ptr<ClientStack> signedIn(const SandboxProcess& sandbox, TokenGrant* grant = nullptr)
    {
        std::unique_ptr<ClientStack> stack = makeStack(sandbox, kDesktop);
        const Result<TokenGrant> r = signIn(*stack, sandbox, m_username);
        if (!r) {
            qWarning().noquote() << "sign-in failed:" << describe(r.error());
            return nullptr;
        }
        stack->session.setGrant(r.value());
        if (grant)
            *grant = r.value();
        return stack;
    }

    // Starts `count` calls of several kinds at once and waits for all; `errors` gets what each
    // ended with (kind None when it succeeded), in the order started.
    void runConcurrently(ClientStack& stack, int count, QList<ApiError>& errors)
    {
        QList<std::optional<ApiError>> outcomes(count);
        QObject context;
        for (int i = 0; i < count; ++i) {
            const auto record = [&outcomes, i](const auto& result) { outcomes[i] = result.error(); };
            switch (i % 4) {
            case 0:
                stack.api.user()->run(&context, record);
                break;
            case 1:
                stack.api.samples({}, {}, 5)->run(&context, record);
                break;
            case 2:
                stack.api.sample(m_genomic)->run(&context, record);
                break;
            default:
                stack.api.variants(m_genomic, {u"rs671"_s, u"rs762551"_s})->run(&context, record);
                break;
            }
        }
        const auto allDone = [&outcomes] {
            return std::all_of(outcomes.cbegin(), outcomes.cend(),
                               [](const auto& o) { return o.has_value(); });
        };
        QVERIFY(QTest::qWaitFor(allDone, kWaitMs));
        errors.clear();
        for (const auto& o : outcomes)
            errors.append(*o);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        QVERIFY2(m_shortLived.start({u"--token-ttl"_s, QString::number(kShortTtlSeconds)}),
                 qPrintable(m_shortLived.errorOutput()));
        m_username = m_sandbox.user(0).value(u"username").toString();
        m_genomic = m_sandbox.user(0).value(u"samples").toObject().value(u"genomics").toString();
        QCOMPARE(m_shortLived.user(0).value(u"samples").toObject().value(u"genomics").toString(),
                 m_genomic); // same seed
    }

    void expiryMargin()
    {
        std::unique_ptr<ClientStack> stack = makeStack(m_sandbox, kDesktop);
        TokenGrant g = rejectedGrant({});
        stack->session.setGrant(g);
        QCOMPARE(stack->session.expiryMarginSeconds(), 300); // six hours: five minutes early
        g.expiresIn = kShortTtlSeconds;
        stack->session.setGrant(g);
        QCOMPARE(stack->session.expiryMarginSeconds(), 1);
    }

    void expiredTokenIsRefreshedBeforeTheCall()
    {
        TokenGrant first;
        std::unique_ptr<ClientStack> stack = signedIn(m_shortLived, &first);
        QVERIFY(stack);
        QCOMPARE(first.expiresIn, kShortTtlSeconds);
        QSignalSpy changed(&stack->session, &Session::grantChanged);

        // Wait until the platform's lifetime has certainly passed (the sandbox issued the token
        // before the client noted obtainedAt), and make sure the platform agrees.
        QVERIFY(QTest::qWaitFor(
            [&first] { return QDateTime::currentDateTimeUtc() > first.expiresAt().addMSecs(500); }, kWaitMs));
        HttpTestClient http(m_shortLived.apiEndpoint());
        QCOMPARE(http.get(u"/profile"_s, {}, first.accessToken).code(), 403);
        QCOMPARE(stack->session.renewalCount(), 0);

        const auto [user, attempts] = awaitWithAttempts(stack->api.user());
        BGE_VERIFY_OK(user);
        QCOMPARE(user->username, m_username);
        QCOMPARE(attempts, 1); // renewed before sending: no 403 round trip
        QCOMPARE(stack->session.renewalCount(), 1);
        QCOMPARE(changed.count(), 1);
        const TokenGrant& renewed = stack->session.grant();
        QVERIFY(!renewed.accessToken.isEmpty());
        QVERIFY(renewed.accessToken != first.accessToken);
        QVERIFY(!renewed.refreshToken.isEmpty());
        QVERIFY(renewed.refreshToken != first.refreshToken);
        QCOMPARE(stack->session.refreshToken(), renewed.refreshToken);
    }

    void rejectedTokenIsRefreshedOnceAndReplayed()
    {
        TokenGrant real;
        std::unique_ptr<ClientStack> stack = signedIn(m_sandbox, &real);
        QVERIFY(stack);
        stack->session.setGrant(rejectedGrant(real.refreshToken));
        QSignalSpy changed(&stack->session, &Session::grantChanged);

        const auto [user, attempts] = awaitWithAttempts(stack->api.user());
        BGE_VERIFY_OK(user);
        QCOMPARE(user->username, m_username);
        QCOMPARE(attempts, 2); // 403, then the replay with the new token
        QCOMPARE(stack->session.renewalCount(), 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(stack->session.grant().accessToken != kGarbageToken);
        QVERIFY(stack->session.grant().accessToken != real.accessToken);

        // The next call uses the new token as it is.
        const auto [again, attemptsAgain] = awaitWithAttempts(stack->api.sample(m_genomic));
        BGE_VERIFY_OK(again);
        QCOMPARE(attemptsAgain, 1);
        QCOMPARE(stack->session.renewalCount(), 1);
    }

    void concurrentCallsShareOneRenewal()
    {
        TokenGrant real;
        std::unique_ptr<ClientStack> stack = signedIn(m_sandbox, &real);
        QVERIFY(stack);
        stack->session.setGrant(rejectedGrant(real.refreshToken));
        QSignalSpy changed(&stack->session, &Session::grantChanged);
        QSignalSpy failed(&stack->session, &Session::renewalFailed);

        QList<ApiError> errors;
        runConcurrently(*stack, 8, errors);
        if (QTest::currentTestFailed())
            return;
        for (const ApiError& e : errors)
            QVERIFY2(!e.isError(), qPrintable(describe(e)));
        QCOMPARE(stack->session.renewalCount(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(failed.count(), 0);
    }

    void restoredSessionRenewsOnFirstCall()
    {
        // Known only by its refresh token (as after a restart, from the keychain): the first
        // calls wait for one renewal together.
        TokenGrant real;
        std::unique_ptr<ClientStack> source = signedIn(m_sandbox, &real);
        QVERIFY(source);
        std::unique_ptr<ClientStack> stack = makeStack(m_sandbox, kDesktop);
        stack->session.restoreFromRefreshToken(real.refreshToken);
        QVERIFY(stack->session.canAuthenticate());
        QVERIFY(!stack->session.grant().isValid());

        QList<ApiError> errors;
        runConcurrently(*stack, 6, errors);
        if (QTest::currentTestFailed())
            return;
        for (const ApiError& e : errors)
            QVERIFY2(!e.isError(), qPrintable(describe(e)));
        QCOMPARE(stack->session.renewalCount(), 1);
        QVERIFY(stack->session.grant().isValid());
    }

    void refreshTokenRotates()
    {
        TokenGrant real;
        std::unique_ptr<ClientStack> stack = signedIn(m_sandbox, &real);
        QVERIFY(stack);
        QSignalSpy changed(&stack->session, &Session::grantChanged);
        stack->session.renew();
        QVERIFY(stack->session.isRenewing());
        QVERIFY(QTest::qWaitFor([&stack] { return !stack->session.isRenewing(); }, kWaitMs));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(stack->session.renewalCount(), 1);
        const QString rotated = stack->session.refreshToken();
        QVERIFY(!rotated.isEmpty());
        QVERIFY(rotated != real.refreshToken);

        // The old refresh token is spent...
        const Result<TokenGrant> old = await(stack->oauth.refresh(stack->clientSecret, real.refreshToken));
        BGE_VERIFY_API_ERROR(old, 400);
        QCOMPARE(old.error().apiMessage(), u"错误的请求"_s);
        // ...and the session goes on with the new one.
        BGE_VERIFY_OK(await(stack->api.user()));
        QCOMPARE(stack->session.refreshToken(), rotated);
    }

    void refusedRefreshTokenFailsEveryWaitingCall()
    {
        std::unique_ptr<ClientStack> stack = makeStack(m_sandbox, kDesktop);
        stack->session.restoreFromRefreshToken(u"not-a-refresh-token"_s);
        QSignalSpy failed(&stack->session, &Session::renewalFailed);

        QList<ApiError> errors;
        runConcurrently(*stack, 6, errors);
        if (QTest::currentTestFailed())
            return;
        for (const ApiError& e : errors)
            QCOMPARE(ApiError::kindName(e.kind()), ApiError::kindName(ApiError::Kind::Authentication));
        QCOMPARE(stack->session.renewalCount(), 1);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(ApiError::kindName(failed.first().first().value<ApiError>().kind()),
                 ApiError::kindName(ApiError::Kind::Authentication));
        // Signed out of its refresh token: nothing left to renew with.
        QVERIFY(stack->session.refreshToken().isEmpty());
        QCOMPARE(stack->session.renewal(), Session::Renewal::None);
        QVERIFY(!stack->session.canAuthenticate());
        BGE_VERIFY_ERROR_KIND(await(stack->api.user()), ApiError::Kind::Authentication);
        QCOMPARE(stack->session.renewalCount(), 1);
    }

    void refreshTokenSpentElsewhere()
    {
        // Another device (or a second instance) refreshed first: this session's refresh token
        // is dead when its access token is rejected.
        TokenGrant real;
        std::unique_ptr<ClientStack> stack = signedIn(m_sandbox, &real);
        QVERIFY(stack);
        BGE_VERIFY_OK(await(stack->oauth.refresh(stack->clientSecret, real.refreshToken)));
        stack->session.setGrant(rejectedGrant(real.refreshToken));
        QSignalSpy failed(&stack->session, &Session::renewalFailed);

        BGE_VERIFY_ERROR_KIND(await(stack->api.user()), ApiError::Kind::Authentication);
        QCOMPARE(stack->session.renewalCount(), 1);
        QCOMPARE(failed.count(), 1);
        QVERIFY(!stack->session.canAuthenticate());
    }

    void unreachablePlatformKeepsTheRefreshToken()
    {
        // A renewal that never got an answer says nothing about the credentials: they stay.
        SandboxProcess gone;
        QVERIFY2(gone.start(), qPrintable(gone.errorOutput()));
        std::unique_ptr<ClientStack> source = makeStack(gone, kDesktop);
        const Result<TokenGrant> grant = signIn(*source, gone, m_username);
        BGE_VERIFY_OK(grant);
        gone.stop();

        std::unique_ptr<ClientStack> stack = makeStack(gone, kDesktop);
        stack->session.restoreFromRefreshToken(grant->refreshToken);
        QSignalSpy failed(&stack->session, &Session::renewalFailed);
        const Result<User> r = await(stack->api.user());
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Transport);
        QCOMPARE(stack->session.renewalCount(), 1);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(stack->session.refreshToken(), grant->refreshToken);
        QCOMPARE(stack->session.renewal(), Session::Renewal::RefreshToken);
        QVERIFY(stack->session.canAuthenticate());
    }

    void clientCredentialsFetchNewTokens()
    {
        std::unique_ptr<ClientStack> stack = makeStack(m_shortLived, kPipeline);
        stack->session.useClientCredentials();
        QVERIFY(stack->session.canAuthenticate());
        QSignalSpy changed(&stack->session, &Session::grantChanged);

        BGE_VERIFY_OK(await(stack->api.samples({}, {}, 1)));
        QCOMPARE(stack->session.renewalCount(), 1);
        const TokenGrant first = stack->session.grant();
        QVERIFY(first.isValid());
        QCOMPARE(first.expiresIn, kShortTtlSeconds);
        QVERIFY(first.refreshToken.isEmpty());
        QVERIFY(!first.raw.contains(u"refresh_token"_s));
        QCOMPARE(stack->session.renewal(), Session::Renewal::ClientCredentials);

        QVERIFY(QTest::qWaitFor(
            [&first] { return QDateTime::currentDateTimeUtc() > first.expiresAt().addMSecs(500); }, kWaitMs));
        const auto [page, attempts] = awaitWithAttempts(stack->api.samples({}, {}, 1));
        BGE_VERIFY_OK(page);
        QCOMPARE(attempts, 1);
        QCOMPARE(stack->session.renewalCount(), 2);
        QCOMPARE(changed.count(), 2);
        QVERIFY(stack->session.grant().accessToken != first.accessToken);
        QVERIFY(stack->session.refreshToken().isEmpty());
        QCOMPARE(stack->session.renewal(), Session::Renewal::ClientCredentials);
    }

    void clientCredentialsAfterRejection()
    {
        std::unique_ptr<ClientStack> stack = makeStack(m_sandbox, kPipeline);
        stack->session.useClientCredentials();
        stack->session.setGrant(rejectedGrant({}));
        QCOMPARE(stack->session.renewal(), Session::Renewal::ClientCredentials);

        const auto [page, attempts] = awaitWithAttempts(stack->api.samples({}, {}, 1));
        BGE_VERIFY_OK(page);
        QCOMPARE(attempts, 2);
        QCOMPARE(stack->session.renewalCount(), 1);
        QVERIFY(stack->session.grant().accessToken != kGarbageToken);
        QCOMPARE(stack->session.renewal(), Session::Renewal::ClientCredentials);
    }

    void signOutFailsWaitersAndLaterCalls()
    {
        std::unique_ptr<ClientStack> stack = signedIn(m_sandbox);
        QVERIFY(stack);
        BGE_VERIFY_OK(await(stack->api.user()));
        QSignalSpy signedOut(&stack->session, &Session::signedOut);
        QSignalSpy failed(&stack->session, &Session::renewalFailed);
        QSignalSpy changed(&stack->session, &Session::grantChanged);

        // A caller waiting for a renewal when the user signs out.
        stack->session.renew();
        QVERIFY(stack->session.isRenewing());
        std::optional<ApiError> waiter;
        QObject context;
        stack->session.acquireToken(&context, [&waiter](const QString& token, const ApiError& error) {
            QVERIFY(token.isEmpty());
            waiter = error;
        });
        stack->session.signOut();
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(!stack->session.isRenewing());
        QVERIFY(QTest::qWaitFor([&waiter] { return waiter.has_value(); }, kWaitMs));
        QCOMPARE(ApiError::kindName(waiter->kind()), ApiError::kindName(ApiError::Kind::Authentication));

        QVERIFY(!stack->session.canAuthenticate());
        QVERIFY(!stack->session.grant().isValid());
        QVERIFY(stack->session.refreshToken().isEmpty());
        QVERIFY(!stack->session.hasClientSecret());
        BGE_VERIFY_ERROR_KIND(await(stack->api.user()), ApiError::Kind::Authentication);
        BGE_VERIFY_ERROR_KIND(await(stack->api.samples({})), ApiError::Kind::Authentication);

        // The renewal cut short by the sign-out leaves no trace: no new grant, no failure report.
        QTest::qWait(200);
        QVERIFY(!stack->session.grant().isValid());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(stack->session.renewal(), Session::Renewal::None);
    }

    void pkceAuthorizationUrl()
    {
        // RFC 7636 appendix B.
        QCOMPARE(Pkce::challengeFor(u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s),
                 u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
        const Pkce pkce = Pkce::generate();
        QCOMPARE(pkce.verifier.size(), 64);
        QVERIFY(QRegularExpression(u"^[A-Za-z0-9._~-]{43,128}$"_s).match(pkce.verifier).hasMatch());
        QCOMPARE(pkce.challenge, Pkce::challengeFor(pkce.verifier));
        QVERIFY(Pkce::generate().verifier != pkce.verifier);
        const QString state = randomState();
        QVERIFY(state.size() >= 22 && state != randomState());

        std::unique_ptr<ClientStack> stack = makeStack(m_sandbox, kDesktop);
        const QString redirect = u"http://127.0.0.1:40000/callback"_s;
        const QUrl url = stack->oauth.authorizationUrl(
            redirect, state, {u"profile.default"_s, u"variant.rsid"_s}, pkce.challenge);
        QCOMPARE(url.toString(QUrl::RemoveQuery), m_sandbox.apiEndpoint() + u"/oauth2/authorize"_s);
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue(u"client_id"_s, QUrl::FullyDecoded), kDesktop);
        QCOMPARE(q.queryItemValue(u"response_type"_s, QUrl::FullyDecoded), u"code"_s);
        QCOMPARE(q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), redirect);
        QCOMPARE(q.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"profile.default variant.rsid"_s);
        QCOMPARE(q.queryItemValue(u"state"_s, QUrl::FullyDecoded), state);
        QCOMPARE(q.queryItemValue(u"code_challenge"_s, QUrl::FullyDecoded), pkce.challenge);
        QCOMPARE(q.queryItemValue(u"code_challenge_method"_s, QUrl::FullyDecoded), u"S256"_s);
        QVERIFY(!url.toString(QUrl::FullyEncoded).contains(pkce.verifier)); // the verifier never leaves
    }

    void pkceEndToEndThroughLoopbackListener()
    {
        std::unique_ptr<ClientStack> stack = makeStack(m_sandbox, kDesktop);
        LoopbackRedirectListener listener;
        QVERIFY2(listener.listen(), qPrintable(listener.errorString()));
        QSignalSpy received(&listener, &LoopbackRedirectListener::responseReceived);
        const QString redirect = listener.redirectUri().toString();

        const Pkce pkce = Pkce::generate();
        const QString state = randomState();
        const QUrl url = stack->oauth.authorizationUrl(redirect, state, {}, pkce.challenge);
        const AuthorizationRedirect r = autoApprove(
            stack->network, url, m_sandbox.description().value(u"auto_approve_param").toString(), m_username);
        QCOMPARE(r.status, 302);
        QVERIFY(r.location.toString().startsWith(redirect + u'?'));

        // The browser's second step: the redirect lands on the listener.
        int status = 0;
        const QByteArray page = fetch(stack->network, r.location, &status);
        QCOMPARE(status, 200);
        QVERIFY(!page.isEmpty());
        QCOMPARE(received.count(), 1);
        const auto response = received.first().first().value<AuthorizationResponse>();
        QVERIFY(response.error.isEmpty());
        QCOMPARE(response.state, state);
        QCOMPARE(response.code, r.code);

        const Result<TokenGrant> grant =
            await(stack->oauth.exchangeCode(stack->clientSecret, response.code, redirect, pkce.verifier));
        BGE_VERIFY_OK(grant);
        QVERIFY(!grant->refreshToken.isEmpty());
        stack->session.setGrant(grant.value());
        const Result<User> user = await(stack->api.user());
        BGE_VERIFY_OK(user);
        QCOMPARE(user->username, m_username);
        // A code is single-use, verifier or not.
        BGE_VERIFY_API_ERROR(
            await(stack->oauth.exchangeCode(stack->clientSecret, response.code, redirect, pkce.verifier)),
            400);
    }

    void pkceWrongVerifierRefused()
    {
        std::unique_ptr<ClientStack> stack = makeStack(m_sandbox, kDesktop);
        const Pkce pkce = Pkce::generate();
        const QUrl url = stack->oauth.authorizationUrl(testRedirectUri(), randomState(), {}, pkce.challenge);
        const AuthorizationRedirect r = autoApprove(
            stack->network, url, m_sandbox.description().value(u"auto_approve_param").toString(), m_username);
        QVERIFY(!r.code.isEmpty());
        const Result<TokenGrant> grant = await(stack->oauth.exchangeCode(
            stack->clientSecret, r.code, testRedirectUri(), Pkce::generate().verifier));
        BGE_VERIFY_API_ERROR(grant, 400);
        QCOMPARE(grant.error().apiMessage(), u"错误的请求"_s);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
