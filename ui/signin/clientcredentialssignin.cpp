#include "clientcredentialssignin.h"

#include "account.h"
#include "clientsecretform.h"
#include "signinpage.h"

#include "auth/oauthclient.h"
#include "auth/session.h"
#include "auth/sessionstore.h"

namespace bge::ui {

ClientCredentialsSignIn::ClientCredentialsSignIn(Account* account, SignInPage* page, QObject* parent)
    : QObject(parent), m_account(account), m_page(page)
{
}

ClientCredentialsSignIn::~ClientCredentialsSignIn()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

void ClientCredentialsSignIn::start()
{
    auto* form =
        new ClientSecretForm(ClientSecretForm::Purpose::ClientCredentials, m_account->profile().clientId);
    connect(form, &ClientSecretForm::submitted, this, &ClientCredentialsSignIn::trySecret);
    m_form = form;
    m_page->clearStatus();
    m_page->setSystemBrowserOffered(false);
    m_page->setContent(form);
}

void ClientCredentialsSignIn::trySecret(const QString& secret)
{
    if (m_job)
        return;
    m_form->setBusy(true);
    m_page->showBusy(tr("Checking the client secret…"));
    Job<TokenGrant>* job = m_account->oauth().clientCredentials(secret);
    m_job = job;
    job->run(this, [this, secret](const Result<TokenGrant>& result) {
        m_job = nullptr;
        if (!result) {
            const ApiError& error = result.error();
            m_page->clearStatus();
            m_form->setBusy(false);
            // The platform answers a wrong id or secret with a refusal (400 错误的请求).
            m_form->showError(error.kind() == ApiError::Kind::Api
                                  ? tr("The platform refused this client id and secret (%1 %2).")
                                        .arg(error.apiCode())
                                        .arg(error.apiMessage())
                                  : error.message());
            return;
        }
        Session& session = m_account->session();
        session.setClientSecret(secret);
        session.useClientCredentials();
        session.setGrant(result.value());
        m_account->sessionStore().saveClientSecret(m_account->profile().name, secret);
        Q_EMIT authenticated();
    });
}

} // namespace bge::ui
