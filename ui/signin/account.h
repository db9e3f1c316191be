#pragma once

#include "profiles/profile.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace bge {
class ApiConnection;
class CredentialStore;
class OAuthClient;
class PlatformApi;
class Session;
class SessionStore;
} // namespace bge

namespace bge::ui {

// Everything one profile's client holds: one connection to its endpoint, the OAuth client, the
// session (the connection's token provider), the platform API and where its secrets live.
// Built by the shell for the chosen profile; views get the PlatformApi, never the Account.
// Every new grant of the session (sign-in, refresh-token rotation) goes to the keychain.
class Account final : public QObject
{
    Q_OBJECT
public:
    Account(Profile profile, CredentialStore* credentials, QObject* parent = nullptr);
    ~Account() override;

    const Profile& profile() const { return m_profile; }
    QNetworkAccessManager& network() { return m_network; }
    ApiConnection& connection() { return *m_connection; }
    OAuthClient& oauth() { return *m_oauth; }
    Session& session() { return *m_session; }
    PlatformApi& api() { return *m_api; }
    SessionStore& sessionStore() { return *m_sessionStore; }
    CredentialStore& credentials() { return *m_credentials; }

    // Ends the session and forgets it and the client secret in the keychain: the next start
    // asks again. Emits signedOut().
    void signOut();

Q_SIGNALS:
    void signedOut();

private:
    Profile m_profile;
    CredentialStore* m_credentials;
    QNetworkAccessManager m_network;
    ApiConnection* m_connection = nullptr;
    std::unique_ptr<OAuthClient> m_oauth;
    Session* m_session = nullptr;
    std::unique_ptr<PlatformApi> m_api;
    SessionStore* m_sessionStore = nullptr;
};

} // namespace bge::ui
