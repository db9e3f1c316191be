#include "authorizationcodesignin.h"

#include "account.h"
#include "authorizationrefusalpanel.h"
#include "clientsecretform.h"
#include "embeddedbrowser.h"
#include "embeddedbrowserloader.h"
#include "signinpage.h"
#include "systembrowserpanel.h"

#include "auth/loopbackredirectlistener.h"
#include "auth/oauthclient.h"
#include "auth/session.h"
#include "auth/sessionstore.h"

#include <QTimer>

namespace bge::ui {

namespace {
constexpr int kListenerGraceMs = 10000;
} // namespace

AuthorizationCodeSignIn::AuthorizationCodeSignIn(Account* account, SignInPage* page, QString clientSecret,
                                                 QObject* parent)
    : QObject(parent), m_account(account), m_page(page), m_clientSecret(std::move(clientSecret))
{
    connect(page, &SignInPage::retryRequested, this, &AuthorizationCodeSignIn::openAuthorizationPage);
    connect(page, &SignInPage::systemBrowserRequested, this, [this] { openSystemBrowser(true); });
}

AuthorizationCodeSignIn::~AuthorizationCodeSignIn()
{
    discardAttempt();
}

void AuthorizationCodeSignIn::start()
{
    if (m_clientSecret.isEmpty())
        askForSecret({});
    else
        openAuthorizationPage();
}

void AuthorizationCodeSignIn::askForSecret(const QString& problem)
{
    discardAttempt();
    auto* form =
        new ClientSecretForm(ClientSecretForm::Purpose::AuthorizationCode, m_account->profile().clientId);
    if (!problem.isEmpty())
        form->showError(problem);
    connect(form, &ClientSecretForm::submitted, this, [this](const QString& secret) {
        m_clientSecret = secret;
        m_secretFromUser = true;
        openAuthorizationPage();
    });
    m_page->clearStatus();
    m_page->setSystemBrowserOffered(false);
    m_page->setContent(form);
}

void AuthorizationCodeSignIn::openAuthorizationPage()
{
    if (m_clientSecret.isEmpty())
        return askForSecret({});
    // Loaded on first use: until now no part of QtWebEngine is in the process.
    if (EmbeddedBrowserFactory* factory = EmbeddedBrowserLoader::load())
        openEmbedded(factory);
    else
        openSystemBrowser(false);
}

void AuthorizationCodeSignIn::openEmbedded(EmbeddedBrowserFactory* factory)
{
    discardAttempt();
    m_inSystemBrowser = false;
    const Profile& profile = m_account->profile();
    m_request.emplace(profile.redirectUri.toString(), profile.scopes);

    // The browser lives on the page, which may outlive this object by an event-loop turn.
    EmbeddedBrowserFactory::Handlers handlers;
    handlers.redirected = [self = QPointer(this)](const QUrl& url) {
        if (self)
            self->onResponse(AuthorizationResponse::fromRedirect(url));
    };
    handlers.loadProgress = [page = m_page](int percent) {
        if (page)
            page->showLoadProgress(percent);
    };
    handlers.loaded = [page = m_page] {
        if (!page)
            return;
        page->clearStatus(); // also a problem an earlier load left
        // The page's own autofocus puts the cursor in its field; the keys reach it only once
        // the view has the focus. A person types at once, without clicking into the page first.
        page->focusContent();
    };
    handlers.loadFailed = [page = m_page](const QUrl& url, const QString& detail) {
        if (page)
            page->showProblem(tr("The sign-in page could not be loaded from %1.").arg(url.host()), detail);
    };
    handlers.openedExternally = [page = m_page](const QUrl& url) {
        if (page)
            page->showNote(tr("The link to %1 was opened in your web browser.").arg(url.host()));
    };
    QWidget* browser = factory->createBrowser(m_request->url(m_account->oauth()), profile.redirectUri,
                                              std::move(handlers), nullptr);
    browser->setAccessibleName(tr("Platform sign-in page"));
    m_page->clearStatus();
    m_page->showLoadProgress(0);
    m_page->setSystemBrowserOffered(true);
    m_page->setContent(browser);
}

void AuthorizationCodeSignIn::openSystemBrowser(bool openNow)
{
    discardAttempt();
    m_inSystemBrowser = true;
    // RFC 8252: the system browser comes back to a port on this computer that only this sign-in
    // listens on; the listener ignores answers carrying another state.
    auto* listener = new LoopbackRedirectListener(this);
    if (!listener->listen()) {
        const QString why = listener->errorString();
        delete listener;
        return Q_EMIT failed(
            ApiError::transport(tr("Cannot listen on 127.0.0.1 for the browser's answer: %1").arg(why)));
    }
    m_listener = listener;
    m_request.emplace(listener->redirectUri().toString(), m_account->profile().scopes);
    listener->setExpectedState(m_request->state());
    connect(listener, &LoopbackRedirectListener::responseReceived, this,
            &AuthorizationCodeSignIn::onResponse);

    auto* panel = new SystemBrowserPanel(m_request->url(m_account->oauth()));
    connect(panel, &SystemBrowserPanel::browserOpened, m_page,
            [page = m_page] { page->showBusy(tr("Waiting for you to sign in in your web browser…")); });
    m_page->clearStatus();
    m_page->setSystemBrowserOffered(false);
    m_page->setContent(panel);
    if (openNow)
        panel->openBrowser();
}

void AuthorizationCodeSignIn::discardAttempt()
{
    if (m_exchange) {
        m_exchange->disconnect(this);
        m_exchange->abort();
    }
    retireListener();
    m_request.reset();
}

void AuthorizationCodeSignIn::retireListener()
{
    LoopbackRedirectListener* listener = m_listener;
    if (!listener)
        return;
    m_listener = nullptr;
    // No more answers; but the browser may still be receiving its "signed in" page, which
    // deleting the listener now would cut off: it goes a little later, on its own.
    listener->close();
    listener->disconnect(this);
    listener->setParent(nullptr);
    QTimer::singleShot(kListenerGraceMs, listener, &QObject::deleteLater);
}

void AuthorizationCodeSignIn::onResponse(const AuthorizationResponse& response)
{
    if (!m_request)
        return;
    const ApiError refused = m_request->check(response);
    if (!refused)
        return exchange(response.code);
    // The platform's own answer to this request (the state is ours): said on this page, where
    // another attempt is one click away. Another state is no answer of the platform's to us
    // (a forged or stale redirect): that ends the sign-in.
    const bool platformSaidNo = !response.error.isEmpty() && response.state == m_request->state();
    discardAttempt();
    if (platformSaidNo)
        showRefusal(response);
    else
        Q_EMIT failed(refused);
}

void AuthorizationCodeSignIn::showRefusal(const AuthorizationResponse& response)
{
    auto* panel = new AuthorizationRefusalPanel(response);
    connect(panel, &AuthorizationRefusalPanel::signInAgainRequested, this, &AuthorizationCodeSignIn::signInAgain);
    m_page->clearStatus();
    m_page->setSystemBrowserOffered(false);
    m_page->setContent(panel); // and the keyboard to its button
}

void AuthorizationCodeSignIn::signInAgain()
{
    if (m_inSystemBrowser)
        openSystemBrowser(true);
    else
        openAuthorizationPage();
}

void AuthorizationCodeSignIn::exchange(const QString& code)
{
    retireListener();
    m_page->setContent(nullptr);
    m_page->setSystemBrowserOffered(false);
    m_page->showBusy(tr("Completing the sign-in…"));
    Job<TokenGrant>* job = m_request->exchange(m_account->oauth(), m_clientSecret, code);
    m_exchange = job;
    job->run(this, [this](const Result<TokenGrant>& result) {
        m_exchange = nullptr;
        m_request.reset();
        if (!result) {
            const ApiError& error = result.error();
            // The platform said no to this secret and code: the secret is the likely culprit
            // (a code from our own page, checked against our state, is fresh).
            const bool refused = error.kind() == ApiError::Kind::Api ||
                                 (error.kind() == ApiError::Kind::Http && !error.isRetryable());
            if (refused)
                return askForSecret(tr("%1 Check the client secret and try again.").arg(error.message()));
            return m_page->showProblem(error.message(), error.detail());
        }
        Session& session = m_account->session();
        session.setClientSecret(m_clientSecret);
        if (m_secretFromUser)
            m_account->sessionStore().saveClientSecret(m_account->profile().name, m_clientSecret);
        session.setGrant(result.value()); // the account stores it
        Q_EMIT authenticated();
    });
}

} // namespace bge::ui
