#pragma once

#include "api/apierror.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace bge {
class JobBase;
struct TokenGrant;
struct User;
} // namespace bge

namespace bge::ui {

class Account;
class SignInPage;

// Signs the account's profile in: silently with the session stored in the keychain when there
// is one, else interactively (the platform's page embedded in `host`'s window for
// authorization-code apps; id and secret for client-credentials apps). Exactly one of
// signedIn(), cancelled() or failed() follows start(). When the user must act, the flow hands
// the shell a page to show (interactionNeeded, at most once); the page belongs to the flow and
// is deleted (deleteLater) when the flow ends. The flow may be deleted at any time, also from
// a slot of its outcome signals.
//
// An answer of the platform's page other than a code (the person clicked Deny, a scope was
// refused, …) ends nothing: the page says what happened and offers to sign in again (Cancel
// still ends the flow). Stored credentials the platform refuses are forgotten and the user is
// asked; a platform that cannot be reached ends the flow with failed() (Transport or Timeout)
// and keeps them for a retry. A client-credentials app has no user: signedIn() then carries its client id as
// `username` and `nickname`, and an empty `userId`. One flow signs in once: start() it once.
class SignInFlow final : public QObject
{
    Q_OBJECT
public:
    SignInFlow(Account* account, QWidget* host, QObject* parent = nullptr);
    ~SignInFlow() override;

    void start();
    // Ends a flow still under way with cancelled() (e.g. the window is closing).
    void cancel();

Q_SIGNALS:
    // Show `page` (the embedded authorization page, or the client-credentials form) in the window.
    void interactionNeeded(QWidget* page);
    void signedIn(const bge::User& user);
    void cancelled();
    void failed(const bge::ApiError& error);

private:
    void restoreStoredSession(const QString& clientSecret, const TokenGrant& grant);
    void identify(bool silent);
    void onIdentified(bool silent, const ApiError& error, const User& user);
    void signInInteractively();
    void finish();

    Account* m_account;
    QPointer<QWidget> m_host;
    QPointer<SignInPage> m_page;
    QPointer<QObject> m_step;
    QPointer<JobBase> m_job;
    QString m_storedSecret;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace bge::ui
