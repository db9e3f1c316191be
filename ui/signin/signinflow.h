#pragma once

#include "api/apierror.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace bge {
struct User;
}

namespace bge::ui {

class Account;

// Signs the account's profile in: silently with the session stored in the keychain when there
// is one, else interactively (the platform's page embedded in `host`'s window for
// authorization-code apps; id and secret for client-credentials apps). Exactly one of
// signedIn(), cancelled() or failed() follows start(). When the user must act, the flow hands
// the shell a page to show (interactionNeeded); the page belongs to the flow and is gone after
// the flow ends.
class SignInFlow final : public QObject
{
    Q_OBJECT
public:
    SignInFlow(Account* account, QWidget* host, QObject* parent = nullptr);

    void start();

Q_SIGNALS:
    // Show `page` (the embedded authorization page, or the client-credentials form) in the window.
    void interactionNeeded(QWidget* page);
    void signedIn(const bge::User& user);
    void cancelled();
    void failed(const bge::ApiError& error);

private:
    Account* m_account;
    QPointer<QWidget> m_host;
};

} // namespace bge::ui
