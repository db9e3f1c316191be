#pragma once

#include "cliarguments.h"
#include "exitcodes.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "auth/oauthclient.h"
#include "auth/session.h"
#include "profiles/profile.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSettings>

#include <functional>
#include <memory>

namespace bge {
class CredentialStore;
class ProfileStore;
class SessionStore;
}

namespace bge::cli {

// Everything a command needs: the resolved profile, the platform API over one connection,
// the session and where its secrets live. Commands are asynchronous; they end by calling
// finish(), which waits for keychain writes before the event loop stops.
class CliContext final : public QObject, public TokenProvider
{
    Q_OBJECT
public:
    explicit CliContext(GlobalOptions options, QObject* parent = nullptr);
    ~CliContext() override;

    const GlobalOptions& options() const { return m_options; }
    bool json() const { return m_options.json; }

    // Resolves the profile (options, environment, settings) and builds the connection.
    // False (after printing why and finishing with ExitUsage) when that is impossible.
    bool prepare();

    const Profile& profile() const { return m_profile; }
    // False when --client-id (or BGE_CLIENT_ID) names another app than the stored profile's:
    // the profile's session and client secret in the keychain belong to that other app.
    bool storedSecretsApply() const { return m_storedSecretsApply; }
    ProfileStore& profiles() { return *m_profiles; }
    SessionStore& sessionStore() { return *m_sessionStore; }
    CredentialStore& credentials() { return *m_credentials; }
    PlatformApi& api() { return *m_api; }
    OAuthClient& oauth() { return *m_oauth; }
    Session& session() { return *m_session; }
    ApiConnection& connection() { return *m_connection; }

    // The client secret from --client-secret-file or BGE_CLIENT_SECRET (not the keychain);
    // empty when neither. A file that cannot be read is a usage error.
    QString explicitClientSecret(QString* problem) const;

    // The connection's TokenProvider. Authentication starts with the first call that needs
    // a token (so usage errors come first and offline commands never touch the keychain): a
    // stored session (refresh token) first, else client credentials on the fly when a client
    // id and secret are available.
    void acquireToken(QObject* context, TokenCallback ready) override;
    void tokenRejected(const QString& accessToken) override;
    // After `bge login` put a fresh grant into the session.
    void markAuthenticated() { m_auth = AuthState::Ready; }

    // Reports an error the way scripts expect (message on stderr) and finishes with its code.
    void fail(const ApiError& error);
    void usageError(const QString& message, const QString& usage = {});
    void finish(int exitCode);
    static int exitCodeFor(const ApiError& error);

private:
    // --ca-bundle, BGE_CA_BUNDLE or the profile's: false (and a usage error) for a file that will not do.
    bool trustCaBundle();
    enum class AuthState { NotStarted, Loading, Ready, Failed };
    struct Waiter
    {
        QPointer<QObject> context;
        TokenCallback ready;
    };
    void startAuthentication();
    void authenticationDone(const ApiError& error);
    void persistGrantChanges();

    GlobalOptions m_options;
    QSettings m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
    SessionStore* m_sessionStore = nullptr;
    QNetworkAccessManager m_network;
    Profile m_profile;
    ApiConnection* m_connection = nullptr;
    std::unique_ptr<PlatformApi> m_api;
    std::unique_ptr<OAuthClient> m_oauth;
    Session* m_session = nullptr;
    bool m_profileSaved = false; // settings hold this profile for this client id
    bool m_storedSecretsApply = true;
    bool m_finishing = false;
    AuthState m_auth = AuthState::NotStarted;
    ApiError m_authError;
    QList<Waiter> m_waiting;
    QSet<QString> m_warned;
};

} // namespace bge::cli
