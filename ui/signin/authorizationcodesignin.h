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
    // Cannot go on on this page (an answer that is not this sign-in's, no loopback port). An
    // OAuth error the platform answered with (the person declined, a refused scope, …) is not
    // a failure: the page says so and offers to sign in again.
    void failed(const bge::ApiError& error);

private:
    void askForSecret(const QString& problem);
    void openAuthorizationPage();
    void openEmbedded(EmbeddedBrowserFactory* factory);
    void openSystemBrowser(bool openNow);
    void showRefusal(const AuthorizationResponse& response);
    void signInAgain();
    void discardAttempt();
    void retireListener();
    void onResponse(const AuthorizationResponse& response);
    void exchange(const QString& code);

    Account* m_account;
    QPointer<SignInPage> m_page;
    QString m_clientSecret;
    bool m_secretFromUser = false;
    bool m_inSystemBrowser = false; // where the last attempt took place: another goes there too
    std::optional<AuthorizationRequest> m_request;
    QPointer<LoopbackRedirectListener> m_listener;
    QPointer<JobBase> m_exchange;
};

} // namespace bge::ui
