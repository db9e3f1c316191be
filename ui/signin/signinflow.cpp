#include "signinflow.h"

#include "account.h"
#include "authorizationcodesignin.h"
#include "clientcredentialssignin.h"
#include "signinpage.h"

#include "api/platformapi.h"
#include "api/records/tokens.h"
#include "api/records/user.h"
#include "auth/session.h"
#include "auth/sessionstore.h"

#include <QLoggingCategory>

namespace bge::ui {

namespace {

Q_LOGGING_CATEGORY(lcSignIn, "bge.signin", QtInfoMsg)

// The platform refused what the keychain held (a refresh was turned down, or the token was
// rejected even after renewal), as opposed to not being reachable.
bool storedCredentialsRefused(const ApiError& error)
{
    return error.kind() == ApiError::Kind::Authentication || error.isTokenRejected();
}

} // namespace

SignInFlow::SignInFlow(Account* account, QWidget* host, QObject* parent)
    : QObject(parent), m_account(account), m_host(host)
{
}

SignInFlow::~SignInFlow()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    delete m_step;
    delete m_page;
}

void SignInFlow::start()
{
    if (m_started)
        return;
    m_started = true;
    const Profile& profile = m_account->profile();
    m_account->sessionStore().load(
        profile.name, [self = QPointer(this)](const SessionStore::Secrets& secrets) {
            if (!self || self->m_finished)
                return;
            if (!secrets.problem.isEmpty())
                qCWarning(lcSignIn).noquote() << "the keychain could not be read:" << secrets.problem;
            self->m_storedSecret = secrets.clientSecret;
            self->restoreStoredSession(secrets.clientSecret, secrets.grant);
        });
}

void SignInFlow::restoreStoredSession(const QString& clientSecret, const TokenGrant& grant)
{
    Session& session = m_account->session();
    if (m_account->profile().grantMode == Profile::GrantMode::ClientCredentials) {
        if (clientSecret.isEmpty())
            return signInInteractively();
        session.setClientSecret(clientSecret);
        session.useClientCredentials();
        return identify(true);
    }
    // Without the secret a refresh token cannot be used: the page asks for it.
    if (grant.refreshToken.isEmpty() || clientSecret.isEmpty())
        return signInInteractively();
    session.setClientSecret(clientSecret);
    // A stored access token still valid saves rotating the refresh token at every start. Not
    // written back: a `bge` may have stored a newer session since it was read.
    session.restore(grant);
    identify(true);
}

// Who signed in: the user's profile, or for a client-credentials app its client id (which
// also proves the secret: the call needs a token first).
void SignInFlow::identify(bool silent)
{
    PlatformApi& api = m_account->api();
    if (m_account->profile().grantMode == Profile::GrantMode::ClientCredentials) {
        Job<TokenInfo>* job = api.introspect();
        m_job = job;
        job->run(this, [this, silent](const Result<TokenInfo>& info) {
            User application;
            if (info) {
                application.username =
                    info->clientId.isEmpty() ? m_account->profile().clientId : info->clientId;
                application.nickname = application.username;
            }
            onIdentified(silent, info ? ApiError() : info.error(), application);
        });
        return;
    }
    Job<User>* job = api.user();
    m_job = job;
    job->run(this, [this, silent](const Result<User>& user) {
        onIdentified(silent, user ? ApiError() : user.error(), user ? user.value() : User());
    });
}

void SignInFlow::onIdentified(bool silent, const ApiError& error, const User& user)
{
    m_job = nullptr;
    if (!error) {
        finish();
        return Q_EMIT signedIn(user);
    }
    if (silent && storedCredentialsRefused(error)) {
        qCInfo(lcSignIn).noquote() << "the stored sign-in was refused; asking again:" << error.fullText();
        SessionStore& store = m_account->sessionStore();
        if (m_account->profile().grantMode == Profile::GrantMode::ClientCredentials) {
            store.forget(m_account->profile().name);
            m_storedSecret.clear();
        } else if (error.kind() != ApiError::Kind::Authentication) {
            // The client secret may well be fine: only the session is stale. (A refused
            // renewal has dealt with the keychain itself, and kept a session that a `bge`
            // stored meanwhile.)
            store.forgetGrant(m_account->profile().name);
        }
        return signInInteractively();
    }
    finish();
    Q_EMIT failed(error);
}

void SignInFlow::signInInteractively()
{
    const Profile& profile = m_account->profile();
    auto* page = new SignInPage(profile.endpoint.toString(), profile.name, m_host);
    page->hide(); // until the shell puts it in its place
    m_page = page;
    connect(page, &SignInPage::cancelRequested, this, &SignInFlow::cancel);

    if (profile.grantMode == Profile::GrantMode::ClientCredentials) {
        auto* step = new ClientCredentialsSignIn(m_account, page, this);
        m_step = step;
        connect(step, &ClientCredentialsSignIn::authenticated, this, [this] { identify(false); });
        step->start();
    } else {
        auto* step = new AuthorizationCodeSignIn(m_account, page, m_storedSecret, this);
        m_step = step;
        connect(step, &AuthorizationCodeSignIn::authenticated, this, [this] { identify(false); });
        connect(step, &AuthorizationCodeSignIn::failed, this, [this](const ApiError& error) {
            finish();
            Q_EMIT failed(error);
        });
        step->start();
    }
    // The step may have ended the flow already (no loopback port for the browser to come back to).
    if (!m_finished)
        Q_EMIT interactionNeeded(page);
}

void SignInFlow::cancel()
{
    if (m_finished)
        return;
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    finish();
    Q_EMIT cancelled();
}

// Before the outcome is emitted, so that a slot may delete the flow: nothing here runs after.
void SignInFlow::finish()
{
    m_finished = true;
    if (m_step)
        m_step->deleteLater();
    if (m_page)
        m_page->deleteLater();
}

} // namespace bge::ui
