#pragma once

#include <QStringList>
#include <QUrl>

namespace bge {

// Where to talk to and as which client application. Non-secret: stored in QSettings. The
// client secret and refresh token of a profile live in the keychain, keyed by its name.
struct Profile
{
    enum class Kind { Main, Backup, Sandbox, Custom };
    enum class GrantMode { AuthorizationCode, ClientCredentials };

    QString name;
    Kind kind = Kind::Main;
    QUrl endpoint;
    QString clientId;
    GrantMode grantMode = GrantMode::AuthorizationCode;
    QStringList scopes; // empty: whatever the application is allowed
    // Where the platform sends the embedded sign-in page back to; registered with the client
    // application. The app catches the navigation and never loads it, so nothing needs to
    // listen there. (The system-browser path uses a loopback listener of its own instead.)
    QUrl redirectUri = defaultRedirectUri();
    // A PEM file of certificate authorities trusted beside the system's for this profile (an
    // organisation's own CA, the sandbox's under --tls); empty: the system's alone.
    QString caBundle;

    static QUrl mainEndpoint();
    static QUrl backupEndpoint();
    static QUrl defaultRedirectUri(); // http://localhost/oauth/callback
    static Profile builtIn(Kind kind); // Main or Backup with its endpoint
    static QString kindName(Kind kind); // "main", "backup", "sandbox", "custom"
    static std::optional<Kind> kindFromName(const QString& name);
    static QString grantModeName(GrantMode mode);
    static std::optional<GrantMode> grantModeFromName(const QString& name);
};

// Plain http:// would send tokens and secrets in clear text: refused except to this machine.
// Returns a translated sentence describing the problem, or an empty string when acceptable.
QString endpointProblem(const QUrl& endpoint);
// Accepts "api.example.org" as https://api.example.org; trims a trailing slash.
QUrl normalizedEndpoint(const QString& text);

} // namespace bge
