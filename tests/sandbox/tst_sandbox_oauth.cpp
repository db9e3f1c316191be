// OAuth 2.0 against the real sandbox over loopback HTTP: the authorization page, the
// authorization-code flow end to end, refresh rotation, client credentials, introspection,
// token expiry, PKCE (RFC 7636, a sandbox convention), and every refusal the reference lists.
#include "common/httptestclient.h"
#include "common/sandboxprocess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

const QString kRedirect = u"http://127.0.0.1:53682/callback"_s;

QUrlQuery authorizeQuery(const QString& clientId, const QString& redirect = kRedirect)
{
    return {{u"client_id"_s, clientId}, {u"response_type"_s, u"code"_s}, {u"redirect_uri"_s, redirect},
            {u"state"_s, u"s t+a/te"_s}};
}

QUrlQuery locationQuery(const HttpResult& r)
{
    return QUrlQuery(QUrl(QString::fromUtf8(r.header("Location"))));
}

// RFC 7636 Appendix B.
const QString kVerifier = u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
const QString kS256Challenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;

QString s256Challenge(const QString& verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestSandboxOAuth final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<HttpTestClient> m_http;
    QString m_approve;
    QString m_desktopId, m_desktopSecret, m_pipelineId, m_pipelineSecret, m_user;

    QString codeFor(const QString& clientId, const QString& redirect = kRedirect)
    {
        QUrlQuery q = authorizeQuery(clientId, redirect);
        q.addQueryItem(m_approve, m_user);
        return locationQuery(m_http->get(u"/oauth2/authorize"_s, q)).queryItemValue(u"code"_s, QUrl::FullyDecoded);
    }
    HttpResult exchange(const QString& code, const QString& redirect = kRedirect, const QString& clientId = {},
                        const QString& secret = {})
    {
        return m_http->post(u"/oauth2/access_token"_s, exchangeForm(code, redirect, clientId, secret));
    }
    QUrlQuery exchangeForm(const QString& code, const QString& redirect = kRedirect, const QString& clientId = {},
                           const QString& secret = {}) const
    {
        return {{u"client_id"_s, clientId.isEmpty() ? m_desktopId : clientId},
                {u"client_secret"_s, secret.isEmpty() ? m_desktopSecret : secret},
                {u"grant_type"_s, u"authorization_code"_s},
                {u"redirect_uri"_s, redirect},
                {u"code"_s, code}};
    }
    HttpResult exchangeWithVerifier(const QString& code, const QString& verifier)
    {
        QUrlQuery form = exchangeForm(code);
        form.addQueryItem(u"code_verifier"_s, verifier);
        return m_http->post(u"/oauth2/access_token"_s, form);
    }
    // Auto-approved authorization with PKCE parameters; a null method is left out.
    HttpResult authorizeWithChallenge(const QString& challenge, const QString& method)
    {
        QUrlQuery q = authorizeQuery(m_desktopId);
        if (!challenge.isNull())
            q.addQueryItem(u"code_challenge"_s, challenge);
        if (!method.isNull())
            q.addQueryItem(u"code_challenge_method"_s, method);
        q.addQueryItem(m_approve, m_user);
        return m_http->get(u"/oauth2/authorize"_s, q);
    }
    QString codeWithChallenge(const QString& challenge, const QString& method)
    {
        const HttpResult r = authorizeWithChallenge(challenge, method);
        if (r.status != 302 || locationQuery(r).hasQueryItem(u"error"_s))
            return {};
        return locationQuery(r).queryItemValue(u"code"_s, QUrl::FullyDecoded);
    }
    static void verifyBadRequest(const HttpResult& r)
    {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), 400);
        QCOMPARE(r.msg(), u"错误的请求"_s);
        QVERIFY(r.data().isNull());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        m_http = std::make_unique<HttpTestClient>(m_sandbox.apiEndpoint());
        m_approve = m_sandbox.description().value(u"auto_approve_param").toString();
        QVERIFY(!m_approve.isEmpty());
        const QJsonObject desktop = m_sandbox.client(u"authorization_code"_s);
        const QJsonObject pipeline = m_sandbox.client(u"client_credentials"_s);
        m_desktopId = desktop.value(u"client_id").toString();
        m_desktopSecret = desktop.value(u"client_secret").toString();
        m_pipelineId = pipeline.value(u"client_id").toString();
        m_pipelineSecret = pipeline.value(u"client_secret").toString();
        m_user = m_sandbox.user(0).value(u"username").toString();
        QVERIFY(!m_pipelineId.isEmpty() && !m_desktopId.isEmpty());
    }

    void ping()
    {
        const HttpResult r = m_http->get(u"/ping"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), 0);
        QCOMPARE(r.msg(), u"success"_s);
    }

    void authorizePageShowsSignInAndConsent()
    {
        QUrlQuery q = authorizeQuery(m_desktopId);
        q.addQueryItem(u"scope"_s, u"profile.default variant.rsid"_s);
        const HttpResult r = m_http->get(u"/oauth2/authorize"_s, q);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        for (const char* needle : {"name=\"username\"", "type=\"password\"", "value=\"approve\"", "value=\"deny\"",
                                   "profile.default", "variant.rsid", "action=\"/oauth2/authorize\""})
            QVERIFY2(r.body.contains(needle), needle);
        QVERIFY(!r.body.contains("abundance.default")); // only the requested scopes
        QVERIFY(r.body.contains("value=\"s t+a/te\"")); // state carried through, escaped
    }

    void authorizeRefusals_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("redirect");
        QTest::addColumn<QString>("responseType");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error"); // ?error= on the redirect, or empty for a page
        QTest::newRow("unknown client") << u"nope"_s << kRedirect << u"code"_s << QString() << 400 << QString();
        QTest::newRow("foreign redirect") << u"bge-desktop-demo"_s << u"http://evil.example.com/cb"_s << u"code"_s
                                          << QString() << 400 << QString();
        QTest::newRow("non-http loopback") << u"bge-desktop-demo"_s << u"ftp://127.0.0.1/cb"_s
                                                        << u"code"_s << QString() << 400 << QString();
        QTest::newRow("token response type") << u"bge-desktop-demo"_s << kRedirect << u"token"_s << QString() << 302
                                             << u"unsupported_response_type"_s;
        QTest::newRow("client-credentials app") << u"bge-pipeline-demo"_s << kRedirect << u"code"_s << QString()
                                                << 302 << u"unauthorized_client"_s;
        QTest::newRow("unknown scope") << u"bge-desktop-demo"_s << kRedirect << u"code"_s << u"admin.all"_s << 302
                                       << u"invalid_scope"_s;
        QTest::newRow("scope beyond the app") << u"bge-viewer-demo"_s << kRedirect << u"code"_s << u"variant.rsid"_s
                                              << 302 << u"invalid_scope"_s;
    }
    void authorizeRefusals()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, redirect);
        QFETCH(QString, responseType);
        QFETCH(QString, scope);
        QFETCH(int, status);
        QFETCH(QString, error);
        QUrlQuery q = authorizeQuery(clientId, redirect);
        q.removeAllQueryItems(u"response_type"_s);
        q.addQueryItem(u"response_type"_s, responseType);
        if (!scope.isEmpty())
            q.addQueryItem(u"scope"_s, scope);
        q.addQueryItem(m_approve, m_user); // refusals come first even with auto-approve
        const HttpResult r = m_http->get(u"/oauth2/authorize"_s, q);
        QCOMPARE(r.status, status);
        if (error.isEmpty()) {
            QVERIFY(r.header("Location").isEmpty());
        } else {
            QVERIFY(r.header("Location").startsWith(redirect.toUtf8()));
            QCOMPARE(locationQuery(r).queryItemValue(u"error"_s), error);
            QCOMPARE(locationQuery(r).queryItemValue(u"state"_s, QUrl::FullyDecoded), u"s t+a/te"_s);
            QVERIFY(!locationQuery(r).hasQueryItem(u"code"_s));
        }
    }

    void loopbackAndConfiguredRedirectsAccepted_data()
    {
        QTest::addColumn<QString>("redirect");
        QTest::newRow("127.0.0.1 any port") << u"http://127.0.0.1:49152/"_s;
        QTest::newRow("localhost with path") << u"http://localhost:8080/oauth/done?x=1"_s;
        QTest::newRow("ipv6 loopback") << u"http://[::1]:40000/cb"_s;
        QTest::newRow("configured") << u"https://bge-desktop.example.com/oauth/callback"_s;
    }
    void loopbackAndConfiguredRedirectsAccepted()
    {
        QFETCH(QString, redirect);
        const QString code = codeFor(m_desktopId, redirect);
        QVERIFY(!code.isEmpty());
        const HttpResult token = exchange(code, redirect);
        QCOMPARE(token.code(), 0);
        QVERIFY(!token.data().toObject().value(u"access_token").toString().isEmpty());
    }

    void signInFormFlow()
    {
        const QUrlQuery base = authorizeQuery(m_desktopId);
        QUrlQuery form = base;
        form.addQueryItem(u"scope"_s, QString());
        form.addQueryItem(u"username"_s, m_user);
        form.addQueryItem(u"password"_s, u"wrong"_s);
        form.addQueryItem(u"decision"_s, u"approve"_s);
        HttpResult r = m_http->post(u"/oauth2/authorize"_s, form);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("role=\"alert\""));
        QVERIFY(r.header("Location").isEmpty());

        form.removeAllQueryItems(u"password"_s);
        form.addQueryItem(u"password"_s, m_sandbox.user(0).value(u"password").toString());
        r = m_http->post(u"/oauth2/authorize"_s, form);
        QCOMPARE(r.status, 302);
        QCOMPARE(locationQuery(r).queryItemValue(u"state"_s, QUrl::FullyDecoded), u"s t+a/te"_s);
        const QString code = locationQuery(r).queryItemValue(u"code"_s, QUrl::FullyDecoded);
        QVERIFY(!code.isEmpty());

        const HttpResult token = exchange(code);
        QCOMPARE(token.status, 200);
        QCOMPARE(token.code(), 0);
        const QJsonObject t = token.data().toObject();
        QCOMPARE(t.value(u"token_type").toString(), u"Bearer"_s);
        QCOMPARE(t.value(u"expires_in").toInt(), 21600);
        QVERIFY(!t.value(u"refresh_token").toString().isEmpty());
        QVERIFY(t.value(u"scope").toString().split(u' ').contains(u"variant.rsid"_s));

        const HttpResult profile = m_http->get(u"/profile"_s, {}, t.value(u"access_token").toString());
        QCOMPARE(profile.code(), 0);
        QCOMPARE(profile.data().toObject().value(u"username").toString(), m_user);
    }

    void denyRedirectsWithAccessDenied()
    {
        QUrlQuery form = authorizeQuery(m_desktopId);
        form.addQueryItem(u"decision"_s, u"deny"_s);
        const HttpResult r = m_http->post(u"/oauth2/authorize"_s, form);
        QCOMPARE(r.status, 302);
        QCOMPARE(locationQuery(r).queryItemValue(u"error"_s), u"access_denied"_s);
        QCOMPARE(locationQuery(r).queryItemValue(u"state"_s, QUrl::FullyDecoded), u"s t+a/te"_s);
    }

    void autoApproveUnknownUserRefused()
    {
        QUrlQuery q = authorizeQuery(m_desktopId);
        q.addQueryItem(m_approve, u"nobody"_s);
        QCOMPARE(m_http->get(u"/oauth2/authorize"_s, q).status, 400);
    }

    void codesAreSingleUseAndBound()
    {
        const QString code = codeFor(m_desktopId);
        QCOMPARE(exchange(code).code(), 0);
        const HttpResult again = exchange(code);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.code(), 400);
        QCOMPARE(again.msg(), u"错误的请求"_s);

        // A mismatched redirect URI fails, and burns the code.
        const QString code2 = codeFor(m_desktopId);
        QCOMPARE(exchange(code2, u"http://127.0.0.1:1/other"_s).code(), 400);
        QCOMPARE(exchange(code2).code(), 400);

        // Bound to the client: another app cannot redeem it.
        const QJsonObject viewer = m_sandbox.clientById(u"bge-viewer-demo"_s);
        const QString code3 = codeFor(m_desktopId);
        QCOMPARE(exchange(code3, kRedirect, viewer.value(u"client_id").toString(),
                          viewer.value(u"client_secret").toString())
                     .code(),
                 400);

        QCOMPARE(exchange(u"made-up-code"_s).code(), 400);
    }

    // PKCE (RFC 7636), sandbox convention: S256 or plain, bound to the code.
    void pkceS256()
    {
        QCOMPARE(s256Challenge(kVerifier), kS256Challenge); // the test's own helper agrees with RFC 7636
        const QString code = codeWithChallenge(kS256Challenge, u"S256"_s);
        QVERIFY(!code.isEmpty());
        const HttpResult token = exchangeWithVerifier(code, kVerifier);
        QCOMPARE(token.status, 200);
        QCOMPARE(token.code(), 0);
        const QJsonObject t = token.data().toObject();
        QCOMPARE(t.value(u"token_type").toString(), u"Bearer"_s);
        QVERIFY(!t.value(u"refresh_token").toString().isEmpty());
        const HttpResult profile = m_http->get(u"/profile"_s, {}, t.value(u"access_token").toString());
        QCOMPARE(profile.code(), 0);
        QCOMPARE(profile.data().toObject().value(u"username").toString(), m_user);
        verifyBadRequest(exchangeWithVerifier(code, kVerifier)); // still single-use
    }

    void pkcePlain_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("explicit plain") << u"plain"_s;
        QTest::newRow("method absent means plain") << QString();
    }
    void pkcePlain()
    {
        QFETCH(QString, method);
        const QString verifier = u"plain-verifier_0123456789.abcdefghijklmnopqrstuvwxyz~ABC"_s;
        const QString code = codeWithChallenge(verifier, method);
        QVERIFY(!code.isEmpty());
        const HttpResult token = exchangeWithVerifier(code, verifier);
        QCOMPARE(token.code(), 0);
        QVERIFY(!token.data().toObject().value(u"access_token").toString().isEmpty());

        // plain really compares as is: the S256 transform of the verifier is not accepted.
        const QString code2 = codeWithChallenge(kVerifier, method);
        QVERIFY(!code2.isEmpty());
        verifyBadRequest(exchangeWithVerifier(code2, kS256Challenge));
    }

    void pkceMissingVerifierSpendsTheCode()
    {
        const QString code = codeWithChallenge(kS256Challenge, u"S256"_s);
        QVERIFY(!code.isEmpty());
        verifyBadRequest(exchange(code));
        verifyBadRequest(exchangeWithVerifier(code, kVerifier)); // the code is spent

        const QString code2 = codeWithChallenge(kS256Challenge, u"S256"_s);
        verifyBadRequest(exchangeWithVerifier(code2, QString())); // empty is missing
        verifyBadRequest(exchangeWithVerifier(code2, kVerifier));
    }

    void pkceWrongVerifier_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("challenge");
        QTest::addColumn<QString>("verifier");
        const QString s256 = u"S256"_s;
        QTest::newRow("S256 other verifier")
            << s256 << kS256Challenge << u"eBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
        QTest::newRow("S256 challenge sent as verifier") << s256 << kS256Challenge << kS256Challenge;
        QTest::newRow("S256 verifier with padding") << s256 << kS256Challenge << kVerifier + u"="_s;
        QTest::newRow("plain other verifier") << u"plain"_s << kVerifier << kVerifier.toLower();
        // Malformed verifiers are refused even when their hash is the challenge: 42 characters,
        // 129 characters, a character outside the unreserved set.
        const QString tooShort = kVerifier.left(42);
        const QString tooLong(129, u'a');
        const QString withSpace = tooShort + u" "_s;
        QTest::newRow("S256 verifier too short") << s256 << s256Challenge(tooShort) << tooShort;
        QTest::newRow("S256 verifier too long") << s256 << s256Challenge(tooLong) << tooLong;
        QTest::newRow("S256 verifier with a space") << s256 << s256Challenge(withSpace) << withSpace;
    }
    void pkceWrongVerifier()
    {
        QFETCH(QString, method);
        QFETCH(QString, challenge);
        QFETCH(QString, verifier);
        const QString code = codeWithChallenge(challenge, method);
        QVERIFY(!code.isEmpty());
        verifyBadRequest(exchangeWithVerifier(code, verifier));
    }

    void pkceAuthorizeRefusals_data()
    {
        QTest::addColumn<QString>("challenge"); // null: not sent
        QTest::addColumn<QString>("method");    // null: not sent
        QTest::newRow("unknown method") << kS256Challenge << u"S512"_s;
        QTest::newRow("method is case-sensitive") << kS256Challenge << u"s256"_s;
        QTest::newRow("empty method") << kS256Challenge << u""_s;
        QTest::newRow("challenge too short") << kS256Challenge.left(42) << u"S256"_s;
        QTest::newRow("challenge too long") << QString(129, u'x') << u"plain"_s;
        // Plain base64 with padding instead of base64url: '+' and '=' are not unreserved.
        QTest::newRow("challenge in base64, not base64url")
            << u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM="_s << u"S256"_s;
        QTest::newRow("empty challenge") << u""_s << u"S256"_s;
        QTest::newRow("method without challenge") << QString() << u"S256"_s;
    }
    void pkceAuthorizeRefusals()
    {
        QFETCH(QString, challenge);
        QFETCH(QString, method);
        const HttpResult r = authorizeWithChallenge(challenge, method); // refused even with auto-approve
        QCOMPARE(r.status, 302);
        QVERIFY(r.header("Location").startsWith(kRedirect.toUtf8()));
        QCOMPARE(locationQuery(r).queryItemValue(u"error"_s), u"invalid_request"_s);
        QCOMPARE(locationQuery(r).queryItemValue(u"state"_s, QUrl::FullyDecoded), u"s t+a/te"_s);
        QVERIFY(!locationQuery(r).hasQueryItem(u"code"_s));
    }

    void pkceVerifierWithoutChallengeIgnored_data()
    {
        QTest::addColumn<QString>("verifier");
        QTest::newRow("well-formed") << kVerifier;
        QTest::newRow("malformed") << u"short"_s;
    }
    void pkceVerifierWithoutChallengeIgnored()
    {
        QFETCH(QString, verifier);
        const QString code = codeFor(m_desktopId);
        QVERIFY(!code.isEmpty());
        const HttpResult token = exchangeWithVerifier(code, verifier);
        QCOMPARE(token.code(), 0);
        QVERIFY(!token.data().toObject().value(u"access_token").toString().isEmpty());
    }

    void pkceSignInFormCarriesTheChallenge()
    {
        QUrlQuery q = authorizeQuery(m_desktopId);
        q.addQueryItem(u"code_challenge"_s, kS256Challenge);
        q.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
        const HttpResult page = m_http->get(u"/oauth2/authorize"_s, q);
        QCOMPARE(page.status, 200);
        const QByteArray challengeField =
            "<input type=\"hidden\" name=\"code_challenge\" value=\"" + kS256Challenge.toUtf8() + "\">";
        const QByteArray methodField = "<input type=\"hidden\" name=\"code_challenge_method\" value=\"S256\">";
        QVERIFY(page.body.contains(challengeField));
        QVERIFY(page.body.contains(methodField));
        // Without PKCE the page adds no such fields.
        QVERIFY(!m_http->get(u"/oauth2/authorize"_s, authorizeQuery(m_desktopId)).body.contains("code_challenge"));

        // Post the form as the page does: its hidden fields, then the user's answers.
        QUrlQuery form = q;
        form.addQueryItem(u"scope"_s, QString());
        form.addQueryItem(u"username"_s, m_user);
        form.addQueryItem(u"password"_s, u"wrong"_s);
        form.addQueryItem(u"decision"_s, u"approve"_s);
        HttpResult r = m_http->post(u"/oauth2/authorize"_s, form);
        QCOMPARE(r.status, 200); // wrong password: the page again, still carrying the challenge
        QVERIFY(r.body.contains("role=\"alert\""));
        QVERIFY(r.body.contains(challengeField));
        QVERIFY(r.body.contains(methodField));

        form.removeAllQueryItems(u"password"_s);
        form.addQueryItem(u"password"_s, m_sandbox.user(0).value(u"password").toString());
        r = m_http->post(u"/oauth2/authorize"_s, form);
        QCOMPARE(r.status, 302);
        QCOMPARE(locationQuery(r).queryItemValue(u"state"_s, QUrl::FullyDecoded), u"s t+a/te"_s);
        const QString code = locationQuery(r).queryItemValue(u"code"_s, QUrl::FullyDecoded);
        QVERIFY(!code.isEmpty());
        const HttpResult token = exchangeWithVerifier(code, kVerifier);
        QCOMPARE(token.code(), 0);
        const QString access = token.data().toObject().value(u"access_token").toString();
        QCOMPARE(m_http->get(u"/profile"_s, {}, access).data().toObject().value(u"username").toString(), m_user);

        // The form's challenge is bound to the code: a second code needs the verifier too.
        r = m_http->post(u"/oauth2/authorize"_s, form);
        const QString code2 = locationQuery(r).queryItemValue(u"code"_s, QUrl::FullyDecoded);
        QVERIFY(!code2.isEmpty());
        verifyBadRequest(exchange(code2));

        // A bad challenge posted through the form is refused like on GET.
        form.removeAllQueryItems(u"code_challenge_method"_s);
        form.addQueryItem(u"code_challenge_method"_s, u"S1"_s);
        r = m_http->post(u"/oauth2/authorize"_s, form);
        QCOMPARE(r.status, 302);
        QCOMPARE(locationQuery(r).queryItemValue(u"error"_s), u"invalid_request"_s);
        QCOMPARE(locationQuery(r).queryItemValue(u"state"_s, QUrl::FullyDecoded), u"s t+a/te"_s);
    }

    void tokenEndpointRefusals_data()
    {
        QTest::addColumn<QUrlQuery>("form");
        QTest::addColumn<int>("code");
        const QString d = u"bge-desktop-demo"_s;
        QTest::newRow("no client_id") << QUrlQuery{{u"client_secret"_s, u"x"_s}, {u"grant_type"_s, u"client_credentials"_s}}
                                      << 41001;
        QTest::newRow("no grant_type") << QUrlQuery{{u"client_id"_s, d}, {u"client_secret"_s, u"x"_s}} << 41001;
        QTest::newRow("wrong secret") << QUrlQuery{{u"client_id"_s, d}, {u"client_secret"_s, u"x"_s},
                                                   {u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, u"r"_s}}
                                      << 400;
        QTest::newRow("unknown client") << QUrlQuery{{u"client_id"_s, u"ghost"_s}, {u"client_secret"_s, u"x"_s},
                                                     {u"grant_type"_s, u"client_credentials"_s}}
                                        << 400;
    }
    void tokenEndpointRefusals()
    {
        QFETCH(QUrlQuery, form);
        QFETCH(int, code);
        const HttpResult r = m_http->post(u"/oauth2/access_token"_s, form);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), code);
    }

    void grantModesAreEnforcedAtTheTokenEndpoint()
    {
        // An authorization-code app cannot use client credentials, and vice versa.
        HttpResult r = m_http->post(u"/oauth2/access_token"_s, {{u"client_id"_s, m_desktopId},
                                                                {u"client_secret"_s, m_desktopSecret},
                                                                {u"grant_type"_s, u"client_credentials"_s}});
        QCOMPARE(r.code(), 400);
        r = m_http->post(u"/oauth2/access_token"_s, {{u"client_id"_s, m_pipelineId},
                                                     {u"client_secret"_s, m_pipelineSecret},
                                                     {u"grant_type"_s, u"authorization_code"_s},
                                                     {u"redirect_uri"_s, kRedirect},
                                                     {u"code"_s, u"abc"_s}});
        QCOMPARE(r.code(), 400);
        r = m_http->post(u"/oauth2/access_token"_s, {{u"client_id"_s, m_desktopId},
                                                     {u"client_secret"_s, m_desktopSecret},
                                                     {u"grant_type"_s, u"password"_s}});
        QCOMPARE(r.code(), 400);
    }

    void refreshTokensRotate()
    {
        QString refresh;
        const QString access = m_http->userToken(m_approve, m_desktopId, m_desktopSecret, m_user, {}, &refresh);
        QVERIFY(!access.isEmpty() && !refresh.isEmpty());
        const auto refreshWith = [&](const QString& token) {
            return m_http->post(u"/oauth2/access_token"_s, {{u"client_id"_s, m_desktopId},
                                                            {u"client_secret"_s, m_desktopSecret},
                                                            {u"grant_type"_s, u"refresh_token"_s},
                                                            {u"refresh_token"_s, token}});
        };
        const HttpResult first = refreshWith(refresh);
        QCOMPARE(first.code(), 0);
        const QJsonObject t = first.data().toObject();
        QVERIFY(t.value(u"refresh_token").toString() != refresh);
        QVERIFY(t.value(u"access_token").toString() != access);
        QCOMPARE(m_http->get(u"/profile"_s, {}, t.value(u"access_token").toString()).code(), 0);
        QCOMPARE(refreshWith(refresh).code(), 400); // the old one is spent
        QCOMPARE(refreshWith(t.value(u"refresh_token").toString()).code(), 0);
    }

    void clientCredentials()
    {
        const HttpResult r = m_http->post(u"/oauth2/access_token"_s, {{u"client_id"_s, m_pipelineId},
                                                                      {u"client_secret"_s, m_pipelineSecret},
                                                                      {u"grant_type"_s, u"client_credentials"_s}});
        QCOMPARE(r.code(), 0);
        const QJsonObject t = r.data().toObject();
        QVERIFY(!t.contains(u"refresh_token"));
        QCOMPARE(t.value(u"token_type").toString(), u"Bearer"_s);
        QCOMPARE(t.value(u"expires_in").toInt(), 21600);
        const HttpResult samples = m_http->get(u"/samples"_s, {}, t.value(u"access_token").toString());
        QCOMPARE(samples.code(), 0);
    }

    void introspection()
    {
        const QString user = m_http->userToken(m_approve, m_desktopId, m_desktopSecret, m_user);
        const QString app = m_http->clientToken(m_pipelineId, m_pipelineSecret);
        HttpResult r = m_http->get(u"/oauth2/introspect"_s, {{u"token"_s, app}}, user);
        QCOMPARE(r.code(), 0);
        QCOMPARE(r.data().toObject().value(u"active").toBool(), true);
        QCOMPARE(r.data().toObject().value(u"client_id").toString(), m_pipelineId);
        r = m_http->get(u"/oauth2/introspect"_s, {{u"token"_s, user}}, user);
        QCOMPARE(r.data().toObject().value(u"client_id").toString(), m_desktopId);
        QCOMPARE(r.data().toObject().value(u"username").toString(), m_user);
        r = m_http->get(u"/oauth2/introspect"_s, {{u"token"_s, u"made-up"_s}}, user);
        QCOMPARE(r.code(), 0);
        QCOMPARE(r.data().toObject().value(u"active").toBool(true), false);
        QCOMPARE(m_http->get(u"/oauth2/introspect"_s, {{u"token"_s, user}}).code(), 403);
        QCOMPARE(m_http->get(u"/oauth2/introspect"_s, {}, user).code(), 41001);
    }

    void accessTokensExpire()
    {
        SandboxProcess shortLived;
        QVERIFY2(shortLived.start({u"--token-ttl"_s, u"2"_s}), qPrintable(shortLived.errorOutput()));
        HttpTestClient http(shortLived.apiEndpoint());
        const QJsonObject client = shortLived.client(u"client_credentials"_s);
        const HttpResult issued = http.post(u"/oauth2/access_token"_s,
                                            {{u"client_id"_s, client.value(u"client_id").toString()},
                                             {u"client_secret"_s, client.value(u"client_secret").toString()},
                                             {u"grant_type"_s, u"client_credentials"_s}});
        QCOMPARE(issued.data().toObject().value(u"expires_in").toInt(), 2);
        const QString token = issued.data().toObject().value(u"access_token").toString();
        QCOMPARE(http.get(u"/samples"_s, {}, token).code(), 0);
        QThread::sleep(3);
        const HttpResult expired = http.get(u"/samples"_s, {}, token);
        QCOMPARE(expired.status, 200);
        QCOMPARE(expired.code(), 403);
        QCOMPARE(expired.msg(), u"access_token 已失效或错误"_s);
    }

    void clientsFromConfigFile()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath(u"clients.json"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"clients\": [{\"client_id\": \"lab-lims\", \"client_secret\": \"s3cret-lims\", "
                     "\"grant_type\": \"client_credentials\", \"scopes\": [\"sample.default:read\", "
                     "\"sample.default:write\"]}, {\"client_id\": \"notebook\", \"client_secret\": \"nb\", "
                     "\"grant_type\": \"authorization_code\", "
                     "\"redirect_uris\": [\"https://notebook.example.org/cb\"]}]}");
        config.close();
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({u"--config"_s, config.fileName()}), qPrintable(sandbox.errorOutput()));
        QCOMPARE(sandbox.clientById(u"lab-lims"_s).value(u"grant_type").toString(), u"client_credentials"_s);
        HttpTestClient http(sandbox.apiEndpoint());
        const QString token = http.clientToken(u"lab-lims"_s, u"s3cret-lims"_s);
        QVERIFY(!token.isEmpty());
        QCOMPARE(http.get(u"/samples"_s, {}, token).code(), 0);
        QCOMPARE(http.post(u"/sts/token"_s, {}, token).code(), 401); // not among its scopes
        const QString notebook = http.userToken(sandbox.description().value(u"auto_approve_param").toString(),
                                                u"notebook"_s, u"nb"_s, sandbox.user(1).value(u"username").toString());
        QCOMPARE(http.get(u"/profile"_s, {}, notebook).code(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxOAuth)
#include "tst_sandbox_oauth.moc"
