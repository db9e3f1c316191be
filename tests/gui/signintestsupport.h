#pragma once

// What the sign-in suites share: a profile and an account on the sandbox, the outcome of a flow
// recorded, keychain reads, a seeded session, and a stand-in for the system browser.
// Waiting processes events (QTest::qWaitFor): fine in tests, never in product code.
#include "common/sandboxprocess.h"
#include "coretestsupport.h"

#include "api/records/user.h"
#include "auth/sessionstore.h"
#include "credentials/credentialstore.h"
#include "signin/account.h"
#include "signin/signinflow.h"

#include <QApplication>
#include <QPointer>
#include <QTest>
#include <QUrl>
#include <QWidget>

#include <optional>

namespace bge::test {

// QtWebEngine wants contexts shared before the application exists; no GPU under Xvfb.
inline void prepareWebEngine()
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-dev-shm-usage");
}

inline Profile sandboxProfile(const SandboxProcess& sandbox, const QString& name, const QString& clientId,
                              Profile::GrantMode mode = Profile::GrantMode::AuthorizationCode)
{
    Profile p;
    p.name = name;
    p.kind = Profile::Kind::Sandbox;
    p.endpoint = QUrl(sandbox.apiEndpoint());
    p.clientId = clientId;
    p.grantMode = mode;
    return p;
}

// Everything one run of a SignInFlow said.
struct FlowOutcome
{
    QPointer<QWidget> page;
    int pagesOffered = 0;
    std::optional<User> user;
    std::optional<ApiError> error;
    bool cancelled = false;

    explicit FlowOutcome(ui::SignInFlow& flow)
    {
        QObject::connect(&flow, &ui::SignInFlow::interactionNeeded, &flow, [this](QWidget* p) {
            page = p;
            ++pagesOffered;
        });
        QObject::connect(&flow, &ui::SignInFlow::signedIn, &flow, [this](const User& u) { user = u; });
        QObject::connect(&flow, &ui::SignInFlow::failed, &flow, [this](const ApiError& e) { error = e; });
        QObject::connect(&flow, &ui::SignInFlow::cancelled, &flow, [this] { cancelled = true; });
    }
    int outcomes() const { return int(user.has_value()) + int(error.has_value()) + int(cancelled); }
    bool ended() const { return outcomes() > 0; }
};

// The keychain entry under `key`, or nullopt when there is none (or it cannot be read).
inline std::optional<QString> readSecret(CredentialStore& store, const QString& key)
{
    std::optional<CredentialStore::Outcome> outcome;
    QObject context;
    store.read(key, &context, [&outcome](const CredentialStore::Outcome& o) { outcome = o; });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, kWaitMs))
        return std::nullopt;
    if (outcome->status != CredentialStore::Status::Ok)
        return std::nullopt;
    return outcome->secret;
}

inline bool waitForKeychainWrites(SessionStore& store)
{
    return QTest::qWaitFor([&store] { return store.pendingWrites() == 0; }, kWaitMs);
}

// Removes whatever a profile has in the keychain.
inline bool forgetProfile(CredentialStore& credentials, const QString& profile)
{
    SessionStore store(&credentials);
    store.forget(profile);
    return waitForKeychainWrites(store);
}

// Stores a client secret and (when given) a session for `profile`, as an earlier run would have.
inline bool seedKeychain(CredentialStore& credentials, const QString& profile, const QString& clientSecret,
                         const std::optional<TokenGrant>& grant = std::nullopt)
{
    SessionStore store(&credentials);
    store.forget(profile);
    if (!clientSecret.isEmpty())
        store.saveClientSecret(profile, clientSecret);
    if (grant)
        store.saveGrant(profile, *grant);
    return waitForKeychainWrites(store);
}

// Receives what the product hands to the system browser (QDesktopServices), so no browser
// starts during the tests and the URLs can be checked.
class BrowserStandIn final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;

public Q_SLOTS:
    void openUrl(const QUrl& url) { opened.append(url); }
};

} // namespace bge::test
