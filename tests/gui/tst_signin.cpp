// Sign-in end to end against a real sandbox, through the embedded authorization page (the
// WebEngine plugin, driven with runJavaScript as a person would fill the form), the session in
// a real (private) keyring, silent sign-in on the next start, a forged state, Deny and other OAuth
// errors said on the page, a refused stored session, sign-out, pop-ups and foreign links, client
// credentials, and the system-browser fallback when the plugin is missing.
#include "signinpagescript.h"
#include "signintestsupport.h"

#include "auth/session.h"
#include "signin/authorizationrefusalpanel.h"
#include "signin/clientsecretform.h"
#include "signin/signinpage.h"

#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

const QString kDesktop = u"bge-desktop-demo"_s;
const QString kPipeline = u"bge-pipeline-demo"_s;

QString quoted(const QString& text)
{
    return u"'"_s + QString(text).replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s) + u"'"_s;
}

// Fills the form and presses a button (approve or deny) as a person would.
void submitForm(QWebEngineView* view, const QString& username, const QString& password, const QString& button)
{
    evaluate(view, u"document.getElementById('username').value = %1;"
                   "document.getElementById('password').value = %2;"
                   "document.getElementById(%3).click(); true"_s.arg(quoted(username), quoted(password),
                                                                     quoted(button)));
}

} // namespace

class TestSignIn final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<CredentialStore> m_credentials;
    BrowserStandIn m_browser;
    QString m_desktopSecret;
    QString m_pipelineSecret;
    QString m_username;
    QString m_password;
    QString m_nickname;
    QWidget m_window; // stands in for the main window: the shell puts the page in it

    std::unique_ptr<Account> account(const QString& name, const QString& clientId = kDesktop,
                                     Profile::GrantMode mode = Profile::GrantMode::AuthorizationCode)
    {
        return std::make_unique<Account>(sandboxProfile(m_sandbox, name, clientId, mode),
                                         m_credentials.get());
    }

    // What the shell does with interactionNeeded: show the page in the window, focused.
    void showPage(QWidget* page)
    {
        m_window.layout()->addWidget(page);
        page->show();
        page->setFocus();
    }

    std::optional<TokenGrant> grantFromSandbox()
    {
        std::unique_ptr<ClientStack> stack = makeStack(m_sandbox, kDesktop);
        const Result<TokenGrant> r = signIn(*stack, m_sandbox, m_username);
        if (!r)
            return std::nullopt;
        return r.value();
    }

    // Starts a flow on `acc` and waits for its page (the embedded view loaded with the form).
    QWebEngineView* startAndWaitForForm(SignInFlow& flow, FlowOutcome& outcome)
    {
        flow.start();
        if (!QTest::qWaitFor([&] { return outcome.page || outcome.ended(); }, kWaitMs) || !outcome.page)
            return nullptr;
        showPage(outcome.page);
        QWebEngineView* view = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] { return outcome.page && (view = outcome.page->findChild<QWebEngineView*>()) != nullptr; },
            kWaitMs);
        if (!shown || !waitForAuthorizeForm(view))
            return nullptr;
        return view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("BGE_PRIVATE_KEYRING"))
            QSKIP("writes to the keychain: run under tests/gui/gui-session.sh");
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        m_credentials = createSystemCredentialStore(u"BGE Desktop Tests"_s);
        m_desktopSecret = m_sandbox.clientById(kDesktop).value(u"client_secret").toString();
        m_pipelineSecret = m_sandbox.clientById(kPipeline).value(u"client_secret").toString();
        m_username = m_sandbox.user(0).value(u"username").toString();
        m_password = m_sandbox.user(0).value(u"password").toString();
        m_nickname = m_sandbox.user(0).value(u"nickname").toString();
        QCOMPARE(m_username, u"zhanglei3"_s);
        QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "openUrl");
        QDesktopServices::setUrlHandler(u"https"_s, &m_browser, "openUrl");
        new QVBoxLayout(&m_window);
        m_window.resize(900, 800);
        m_window.show();
        m_window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&m_window));
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(u"http"_s);
        QDesktopServices::unsetUrlHandler(u"https"_s);
    }

    void init() { m_browser.opened.clear(); }

    // No secret in the keychain yet: the page asks for it, then shows the platform's page; the
    // form filled and approved, the redirect is caught (never loaded), the code exchanged, and
    // the user, the session and the secret are where they belong.
    void embeddedPageSignsIn()
    {
        const QString name = u"embedded"_s;
        QVERIFY(forgetProfile(*m_credentials, name));
        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.page || outcome.ended(), kWaitMs);
        QVERIFY(outcome.page);
        showPage(outcome.page);

        auto* server = outcome.page->findChild<QLabel*>(u"serverLabel"_s);
        QVERIFY(server);
        QVERIFY2(server->text().contains(m_sandbox.apiEndpoint()), qPrintable(server->text()));
        auto* form = outcome.page->findChild<ClientSecretForm*>();
        QVERIFY(form);
        QCOMPARE(form->findChild<QLineEdit*>(u"clientIdField"_s)->text(), kDesktop);
        auto* secret = form->findChild<QLineEdit*>(u"clientSecretField"_s);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QTest::keyClicks(secret, m_desktopSecret);
        QTest::keyClick(secret, Qt::Key_Return);

        QWebEngineView* view = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((view = outcome.page->findChild<QWebEngineView*>()) != nullptr, kWaitMs);
        QVERIFY(view->page()->profile()->isOffTheRecord());
        QList<QUrl> visited;
        connect(view, &QWebEngineView::urlChanged, this,
                [&visited](const QUrl& url) { visited.append(url); });
        QVERIFY(waitForAuthorizeForm(view));
        const QUrlQuery request(view->url());
        QCOMPARE(request.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded),
                 u"http://localhost/oauth/callback"_s);
        QCOMPARE(request.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QVERIFY(!request.queryItemValue(u"state"_s).isEmpty());

        submitForm(view, m_username, m_password, u"approve"_s);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY2(outcome.user, outcome.error ? qPrintable(describe(*outcome.error)) : "cancelled");
        QCOMPARE(outcome.outcomes(), 1);
        QCOMPARE(outcome.pagesOffered, 1);
        QCOMPARE(outcome.user->username, m_username);
        QCOMPARE(outcome.user->nickname, m_nickname);
        for (const QUrl& url : std::as_const(visited))
            QVERIFY2(url.host() != u"localhost", qPrintable(url.toString()));
        QVERIFY(m_browser.opened.isEmpty());

        // The page is the flow's, and goes with it.
        QTRY_VERIFY(!outcome.page);

        QVERIFY(waitForKeychainWrites(acc->sessionStore()));
        QCOMPARE(readSecret(*m_credentials, clientSecretKey(name)), std::optional(m_desktopSecret));
        const std::optional<QString> stored = readSecret(*m_credentials, refreshTokenKey(name));
        QVERIFY(stored);
        const TokenGrant grant = SessionStore::grantFromJson(stored->toUtf8());
        QVERIFY(!grant.refreshToken.isEmpty());
        QCOMPARE(grant.refreshToken, acc->session().refreshToken());
    }

    // The next start finds the session in the keychain: signed in without any page.
    void nextStartSignsInSilently()
    {
        const QString name = u"silent"_s;
        const std::optional<TokenGrant> grant = grantFromSandbox();
        QVERIFY(grant);
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret, grant));

        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY2(outcome.user, outcome.error ? qPrintable(describe(*outcome.error)) : "cancelled");
        QCOMPARE(outcome.user->username, m_username);
        QCOMPARE(outcome.pagesOffered, 0);
    }

    // A session stored with only its refresh token renews, and the rotated token is stored.
    void silentSignInStoresTheRotatedRefreshToken()
    {
        const QString name = u"rotated"_s;
        std::optional<TokenGrant> grant = grantFromSandbox();
        QVERIFY(grant);
        TokenGrant refreshOnly;
        refreshOnly.refreshToken = grant->refreshToken;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret, refreshOnly));

        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY2(outcome.user, outcome.error ? qPrintable(describe(*outcome.error)) : "cancelled");
        QVERIFY(waitForKeychainWrites(acc->sessionStore()));
        const std::optional<QString> stored = readSecret(*m_credentials, refreshTokenKey(name));
        QVERIFY(stored);
        QCOMPARE(SessionStore::grantFromJson(stored->toUtf8()).refreshToken, acc->session().refreshToken());
        QVERIFY(!acc->session().grant().accessToken.isEmpty());
    }

    // A redirect whose state is not the one sent is refused: its (real) code is never exchanged.
    void forgedStateIsRefused()
    {
        const QString name = u"forged"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret));
        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        QWebEngineView* view = startAndWaitForForm(flow, outcome);
        QVERIFY(view);
        evaluate(view, u"document.querySelector('input[name=state]').value = 'forged-state'; true"_s);
        submitForm(view, m_username, m_password, u"approve"_s);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY(outcome.error);
        QCOMPARE(ApiError::kindName(outcome.error->kind()),
                 ApiError::kindName(ApiError::Kind::Authentication));
        QVERIFY2(outcome.error->detail().contains(u"state"_s), qPrintable(outcome.error->detail()));
        QCOMPARE(outcome.outcomes(), 1);
        QVERIFY(acc->session().grant().accessToken.isEmpty());
        QVERIFY(acc->session().refreshToken().isEmpty());
        QVERIFY(waitForKeychainWrites(acc->sessionStore()));
        QCOMPARE(readSecret(*m_credentials, refreshTokenKey(name)), std::nullopt);
    }

    // "Deny" on the platform's page: said on the same page, nothing stored, the flow goes on;
    // "Sign In Again" brings the platform's page back, and approving there signs in.
    void declinedAccessIsSaidOnThePage()
    {
        const QString name = u"denied"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret));
        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        QWebEngineView* view = startAndWaitForForm(flow, outcome);
        QVERIFY(view);
        submitForm(view, m_username, m_password, u"deny"_s);

        AuthorizationRefusalPanel* refusal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((refusal = outcome.page->findChild<AuthorizationRefusalPanel*>()) != nullptr,
                                 kWaitMs);
        QVERIFY(!outcome.ended());
        QCOMPARE(outcome.pagesOffered, 1);
        QTRY_VERIFY(!outcome.page->findChild<QWebEngineView*>());
        QCOMPARE(refusal->findChild<QLabel*>(u"refusalText"_s)->text(),
                 AuthorizationRefusalPanel::sentence(u"access_denied"_s));
        QVERIFY(!refusal->findChild<QLabel*>(u"refusalDetail"_s)->isVisible());
        QCOMPARE(readSecret(*m_credentials, refreshTokenKey(name)), std::nullopt);
        QVERIFY(acc->session().refreshToken().isEmpty());

        auto* again = refusal->findChild<QPushButton*>(u"signInAgainButton"_s);
        QVERIFY(again && again->isVisible());
        QTest::mouseClick(again, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT((view = outcome.page->findChild<QWebEngineView*>()) != nullptr, kWaitMs);
        QVERIFY(waitForAuthorizeForm(view));
        QTRY_VERIFY(!outcome.page->findChild<AuthorizationRefusalPanel*>());
        submitForm(view, m_username, m_password, u"approve"_s);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY2(outcome.user, outcome.error ? qPrintable(describe(*outcome.error)) : "cancelled");
        QCOMPARE(outcome.outcomes(), 1);
        QCOMPARE(outcome.pagesOffered, 1);
    }

    // Another OAuth error (a scope the application is not granted: the sandbox answers
    // invalid_scope with a description): its sentence and the platform's words on the page;
    // signing in again asks again (and gets the same answer); Cancel ends the flow.
    void platformErrorIsSaidOnThePage()
    {
        const QString name = u"badscope"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret));
        Profile profile = sandboxProfile(m_sandbox, name, kDesktop);
        profile.scopes = {u"profile.default"_s, u"admin.all"_s};
        Account acc(profile, m_credentials.get());
        SignInFlow flow(&acc, &m_window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.page || outcome.ended(), kWaitMs);
        QVERIFY(outcome.page);
        showPage(outcome.page);

        QPointer<AuthorizationRefusalPanel> refusal;
        QTRY_VERIFY_WITH_TIMEOUT((refusal = outcome.page->findChild<AuthorizationRefusalPanel*>()) != nullptr,
                                 kWaitMs);
        QVERIFY(!outcome.ended());
        const QString text = refusal->findChild<QLabel*>(u"refusalText"_s)->text();
        QCOMPARE(text, AuthorizationRefusalPanel::sentence(u"invalid_scope"_s));
        QVERIFY2(text.contains(u"scopes"_s), qPrintable(text));
        const auto* detail = refusal->findChild<QLabel*>(u"refusalDetail"_s);
        QVERIFY(detail->isVisible());
        QVERIFY2(detail->text().contains(u"admin.all"_s) && detail->text().contains(u"invalid_scope"_s),
                 qPrintable(detail->text()));

        // Return on the focused button: a new attempt, refused the same way.
        auto* again = refusal->findChild<QPushButton*>(u"signInAgainButton"_s);
        QTRY_COMPARE(m_window.focusWidget(), again);
        QTest::keyClick(again, Qt::Key_Return);
        QTRY_VERIFY(!refusal);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.page->findChild<AuthorizationRefusalPanel*>(), kWaitMs);
        QVERIFY(!outcome.ended());

        QTest::mouseClick(outcome.page->findChild<QPushButton*>(u"cancelButton"_s), Qt::LeftButton);
        QVERIFY(outcome.cancelled);
        QCOMPARE(outcome.outcomes(), 1);
    }

    // A stored session the platform no longer accepts: forgotten, and the page comes up. The
    // client secret stays (the page does not ask for it again).
    void refusedStoredSessionShowsThePage()
    {
        const QString name = u"stale"_s;
        TokenGrant stale;
        stale.refreshToken = u"a-refresh-token-the-platform-never-issued"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret, stale));
        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        QWebEngineView* view = startAndWaitForForm(flow, outcome);
        QVERIFY2(view, outcome.error ? qPrintable(describe(*outcome.error)) : "no page");
        QVERIFY(!outcome.ended());
        QVERIFY(!outcome.page->findChild<ClientSecretForm*>());
        QVERIFY(waitForKeychainWrites(acc->sessionStore()));
        QCOMPARE(readSecret(*m_credentials, refreshTokenKey(name)), std::nullopt);
        QCOMPARE(readSecret(*m_credentials, clientSecretKey(name)), std::optional(m_desktopSecret));

        auto* cancel = outcome.page->findChild<QPushButton*>(u"cancelButton"_s);
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(outcome.cancelled);
        QCOMPARE(outcome.outcomes(), 1);
    }

    // The platform cannot be reached: failed (the shell offers to retry), stored session kept.
    void unreachablePlatformKeepsTheStoredSession()
    {
        const QString name = u"offline"_s;
        TokenGrant stored;
        stored.refreshToken = u"kept-while-offline"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret, stored));
        Profile profile = sandboxProfile(m_sandbox, name, kDesktop);
        profile.endpoint = QUrl(u"http://127.0.0.1:1"_s); // nothing listens on port 1
        Account acc(profile, m_credentials.get());
        SignInFlow flow(&acc, &m_window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY(outcome.error);
        QCOMPARE(ApiError::kindName(outcome.error->kind()), ApiError::kindName(ApiError::Kind::Transport));
        QCOMPARE(outcome.pagesOffered, 0);
        QVERIFY(waitForKeychainWrites(acc.sessionStore()));
        const std::optional<QString> kept = readSecret(*m_credentials, refreshTokenKey(name));
        QVERIFY(kept);
        QCOMPARE(SessionStore::grantFromJson(kept->toUtf8()).refreshToken, stored.refreshToken);
    }

    void signOutForgetsTheKeychainEntries()
    {
        const QString name = u"signout"_s;
        const std::optional<TokenGrant> grant = grantFromSandbox();
        QVERIFY(grant);
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret, grant));
        auto acc = account(name);
        {
            SignInFlow flow(acc.get(), &m_window);
            FlowOutcome outcome(flow);
            flow.start();
            QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
            QVERIFY(outcome.user);
        }
        QSignalSpy signedOut(acc.get(), &Account::signedOut);
        acc->signOut();
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(!acc->session().canAuthenticate());
        QVERIFY(waitForKeychainWrites(acc->sessionStore()));
        QCOMPARE(readSecret(*m_credentials, refreshTokenKey(name)), std::nullopt);
        QCOMPARE(readSecret(*m_credentials, clientSecretKey(name)), std::nullopt);

        // And the next start asks again.
        SignInFlow again(acc.get(), &m_window);
        FlowOutcome next(again);
        again.start();
        QTRY_VERIFY_WITH_TIMEOUT(next.page || next.ended(), kWaitMs);
        QVERIFY(next.page);
        QVERIFY(next.page->findChild<ClientSecretForm*>());
    }

    // A pop-up (target=_blank) and a link to another site go to the system browser; the
    // embedded view stays on the platform's page.
    void popupsAndForeignLinksOpenInTheSystemBrowser()
    {
        const QString name = u"links"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret));
        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        QWebEngineView* view = startAndWaitForForm(flow, outcome);
        QVERIFY(view);
        const QUrl signInPage = view->url();

        const QUrl popup(u"http://127.0.0.2:9/terms-of-service"_s);
        evaluate(view,
                 u"var a = document.createElement('a'); a.href = %1; a.target = '_blank'; a.id = 'popup';"
                 "a.textContent = 'terms'; document.body.appendChild(a); a.click(); true"_s.arg(
                     quoted(popup.toString())));
        QTRY_VERIFY_WITH_TIMEOUT(m_browser.opened.contains(popup), kWaitMs);

        const QUrl foreign(u"http://127.0.0.2:9/help"_s);
        evaluate(view,
                 u"var b = document.createElement('a'); b.href = %1; b.id = 'help'; b.textContent = 'help';"
                 "document.body.appendChild(b); b.click(); true"_s.arg(quoted(foreign.toString())));
        QTRY_VERIFY_WITH_TIMEOUT(m_browser.opened.contains(foreign), kWaitMs);

        // Still the platform's page, with its form.
        QVERIFY(waitForAuthorizeForm(view));
        QCOMPARE(view->url(), signInPage);
        QVERIFY(!outcome.ended());
        auto* status = outcome.page->findChild<QLabel*>(u"signInStatus"_s);
        QVERIFY(status->text().contains(u"127.0.0.2"_s));
        flow.cancel();
        QVERIFY(outcome.cancelled);
    }

    // Client credentials: the form with the id filled in; a wrong secret is said so on the
    // form, the right one signs in, is stored, and the next start is silent.
    void clientCredentialsWithWrongThenRightSecret()
    {
        const QString name = u"pipeline"_s;
        QVERIFY(forgetProfile(*m_credentials, name));
        auto acc = account(name, kPipeline, Profile::GrantMode::ClientCredentials);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.page || outcome.ended(), kWaitMs);
        QVERIFY(outcome.page);
        showPage(outcome.page);
        auto* form = outcome.page->findChild<ClientSecretForm*>();
        QVERIFY(form);
        QVERIFY(!outcome.page->findChild<QPushButton*>(u"systemBrowserButton"_s)->isVisible());
        QCOMPARE(form->findChild<QLineEdit*>(u"clientIdField"_s)->text(), kPipeline);
        auto* secret = form->findChild<QLineEdit*>(u"clientSecretField"_s);
        auto* submit = form->findChild<QPushButton*>(u"clientSecretSubmit"_s);
        auto* error = form->findChild<QLabel*>(u"clientSecretError"_s);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QVERIFY(!submit->isEnabled());

        QTest::keyClicks(secret, u"not-the-secret"_s);
        QVERIFY(submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kWaitMs);
        QVERIFY2(error->text().contains(u"400"_s), qPrintable(error->text()));
        QVERIFY(!outcome.ended());
        QCOMPARE(readSecret(*m_credentials, clientSecretKey(name)), std::nullopt);

        secret->clear();
        QTest::keyClicks(secret, m_pipelineSecret);
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY2(outcome.user, outcome.error ? qPrintable(describe(*outcome.error)) : "cancelled");
        QCOMPARE(outcome.user->username, kPipeline);
        QVERIFY(outcome.user->userId.isEmpty());
        QCOMPARE(acc->session().renewal(), Session::Renewal::ClientCredentials);
        QVERIFY(waitForKeychainWrites(acc->sessionStore()));
        QCOMPARE(readSecret(*m_credentials, clientSecretKey(name)), std::optional(m_pipelineSecret));
        QCOMPARE(readSecret(*m_credentials, refreshTokenKey(name)), std::nullopt);

        auto again = account(name, kPipeline, Profile::GrantMode::ClientCredentials);
        SignInFlow silent(again.get(), &m_window);
        FlowOutcome next(silent);
        silent.start();
        QTRY_VERIFY_WITH_TIMEOUT(next.ended(), kWaitMs);
        QVERIFY(next.user);
        QCOMPARE(next.user->username, kPipeline);
        QCOMPARE(next.pagesOffered, 0);
    }

    // Without the plugin: a page with "Open in browser"; the system browser signs in and comes
    // back to a loopback listener (RFC 8252), and the flow completes the same way.
    void missingPluginFallsBackToTheSystemBrowser()
    {
        QTemporaryDir noPlugins;
        QVERIFY(noPlugins.isValid());
        qputenv("BGE_PLUGIN_PATH", QFile::encodeName(noPlugins.path()));
        const auto restore = qScopeGuard([] { qunsetenv("BGE_PLUGIN_PATH"); });

        const QString name = u"fallback"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret));
        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.page || outcome.ended(), kWaitMs);
        QVERIFY(outcome.page);
        showPage(outcome.page);
        QVERIFY(!outcome.page->findChild<QWebEngineView*>());
        auto* open = outcome.page->findChild<QPushButton*>(u"openInBrowserButton"_s);
        QVERIFY(open);
        QVERIFY(outcome.page->findChild<QPushButton*>(u"cancelButton"_s));
        QVERIFY(m_browser.opened.isEmpty());
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(m_browser.opened.size(), 1);
        const QUrl authorization = m_browser.opened.first();
        const QUrl redirect(QUrlQuery(authorization).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), u"127.0.0.1"_s);
        QVERIFY(redirect.port() > 0);

        // The browser: the platform approves and sends it to the listener.
        QNetworkAccessManager browser;
        const AuthorizationRedirect approved =
            autoApprove(browser, authorization,
                        m_sandbox.description().value(u"auto_approve_param").toString(), m_username);
        QCOMPARE(approved.status, 302);
        int status = 0;
        fetch(browser, approved.location, &status);
        QCOMPARE(status, 200);

        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY2(outcome.user, outcome.error ? qPrintable(describe(*outcome.error)) : "cancelled");
        QCOMPARE(outcome.user->nickname, m_nickname);
        QVERIFY(waitForKeychainWrites(acc->sessionStore()));
        QVERIFY(readSecret(*m_credentials, refreshTokenKey(name)));
    }

    // Deny in the system browser: the browser comes back to the listener with access_denied; the
    // page says so, and "Sign In Again" goes back to the browser (where the person was), with a
    // new request.
    void declinedInTheSystemBrowserSignsInAgainThere()
    {
        QTemporaryDir noPlugins;
        QVERIFY(noPlugins.isValid());
        qputenv("BGE_PLUGIN_PATH", QFile::encodeName(noPlugins.path()));
        const auto restore = qScopeGuard([] { qunsetenv("BGE_PLUGIN_PATH"); });

        const QString name = u"browserdenied"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret));
        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.page || outcome.ended(), kWaitMs);
        QVERIFY(outcome.page);
        showPage(outcome.page);
        QTest::mouseClick(outcome.page->findChild<QPushButton*>(u"openInBrowserButton"_s), Qt::LeftButton);
        QCOMPARE(m_browser.opened.size(), 1);
        const QUrlQuery first(m_browser.opened.first());
        QUrl denied(first.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        denied.setQuery(u"error=access_denied&state="_s + first.queryItemValue(u"state"_s));
        QNetworkAccessManager browser;
        int status = 0;
        fetch(browser, denied, &status);

        AuthorizationRefusalPanel* refusal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((refusal = outcome.page->findChild<AuthorizationRefusalPanel*>()) != nullptr,
                                 kWaitMs);
        QCOMPARE(refusal->findChild<QLabel*>(u"refusalText"_s)->text(),
                 AuthorizationRefusalPanel::sentence(u"access_denied"_s));
        QVERIFY(!outcome.ended());
        QTest::mouseClick(refusal->findChild<QPushButton*>(u"signInAgainButton"_s), Qt::LeftButton);
        QCOMPARE(m_browser.opened.size(), 2);
        const QUrlQuery second(m_browser.opened.at(1));
        QVERIFY(second.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded).startsWith(u"http://127.0.0.1:"_s));
        QVERIFY(second.queryItemValue(u"state"_s) != first.queryItemValue(u"state"_s));
        QVERIFY(outcome.page->findChild<QPushButton*>(u"openInBrowserButton"_s));
        flow.cancel();
        QVERIFY(outcome.cancelled);
        QCOMPARE(outcome.outcomes(), 1);
    }

    // "Open in system browser instead" on the embedded page switches to the browser path.
    void embeddedPageOffersTheSystemBrowser()
    {
        const QString name = u"switch"_s;
        QVERIFY(seedKeychain(*m_credentials, name, m_desktopSecret));
        auto acc = account(name);
        SignInFlow flow(acc.get(), &m_window);
        FlowOutcome outcome(flow);
        QWebEngineView* view = startAndWaitForForm(flow, outcome);
        QVERIFY(view);
        auto* instead = outcome.page->findChild<QPushButton*>(u"systemBrowserButton"_s);
        QVERIFY(instead && instead->isVisible());
        QTest::mouseClick(instead, Qt::LeftButton);
        QCOMPARE(m_browser.opened.size(), 1);
        QVERIFY(QUrlQuery(m_browser.opened.first())
                    .queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded)
                    .startsWith(u"http://127.0.0.1:"_s));
        QTRY_VERIFY(!outcome.page->findChild<QWebEngineView*>());
        QVERIFY(outcome.page->findChild<QPushButton*>(u"openInBrowserButton"_s));
        flow.cancel();
        QVERIFY(outcome.cancelled);
    }
};

int main(int argc, char* argv[])
{
    prepareWebEngine();
    QApplication app(argc, argv);
    TestSignIn test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signin.moc"
