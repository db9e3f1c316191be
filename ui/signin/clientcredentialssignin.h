#pragma once

#include <QObject>
#include <QPointer>

namespace bge {
class JobBase;
}

namespace bge::ui {

class Account;
class ClientSecretForm;
class SignInPage;

// The interactive sign-in of a client-credentials app: a form with the client id and a secret
// field on the flow's page; the secret is tried at once (a token request), a refused one is
// said so on the form. On success the session renews with client credentials from then on
// and the secret is in the keychain.
class ClientCredentialsSignIn final : public QObject
{
    Q_OBJECT
public:
    ClientCredentialsSignIn(Account* account, SignInPage* page, QObject* parent = nullptr);
    ~ClientCredentialsSignIn() override;

    void start();

Q_SIGNALS:
    void authenticated();

private:
    void trySecret(const QString& secret);

    Account* m_account;
    QPointer<SignInPage> m_page;
    QPointer<ClientSecretForm> m_form;
    QPointer<JobBase> m_job;
};

} // namespace bge::ui
