#pragma once

#include "api/apierror.h"
#include "auth/authorizationrequest.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace bge {
class JobBase;
class LoopbackRedirectListener;
} // namespace bge

namespace bge::ui {

class Account;
class EmbeddedBrowserFactory;
class SignInPage;

// The interactive part of an authorization-code sign-in, on the flow's page: the client
// secret when the keychain has none, then the platform's authorization page embedded (through
// the WebEngine plugin) or in the system browser with a loopback listener, the redirect checked
// (`state`, errors) and the code exchanged in the background. On success the session holds the
// new grant (the account stores it) and the client secret is in the keychain.
class AuthorizationCodeSignIn final : public QObject
{
    Q_OBJECT
public:
    AuthorizationCodeSignIn(Account* account, SignInPage* page, QString clientSecret,
                            QObject* parent = nullptr);
    ~AuthorizationCodeSignIn() override;

    void start();

Q_SIGNALS:
    void authenticated();
    // The user said no on the platform's page (access_denied).
    void denied();
    void failed(const bge::ApiError& error);

private:
    void askForSecret(const QString& problem);
    void openAuthorizationPage();
    void openEmbedded(EmbeddedBrowserFactory* factory);
    void openSystemBrowser(bool openNow);
    void discardAttempt();
    void retireListener();
    void onResponse(const AuthorizationResponse& response);
    void exchange(const QString& code);

    Account* m_account;
    QPointer<SignInPage> m_page;
    QString m_clientSecret;
    bool m_secretFromUser = false;
    std::optional<AuthorizationRequest> m_request;
    QPointer<LoopbackRedirectListener> m_listener;
    QPointer<JobBase> m_exchange;
};

} // namespace bge::ui
