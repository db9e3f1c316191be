#pragma once

#include "granttables.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <mutex>
#include <optional>

namespace bge::sandbox {

struct AccessGrant
{
    QString accessToken;
    QString refreshToken; // empty for client-credentials tokens
    Principal principal;
    QStringList scopes;
    GrantType grantType = GrantType::AuthorizationCode;
    QDateTime issuedAt;
    QDateTime expiresAt;
    qint64 expiresIn = 0;
};

struct AuthStateSettings
{
    qint64 accessTokenTtlSeconds = 21600;
    // Sandbox convention: the reference does not say how long a refresh token lives; thirty
    // days, so that an unused one is eventually forgotten (and pruned).
    qint64 refreshTokenTtlSeconds = 30LL * 24 * 3600;
    qint64 codeTtlSeconds = 10 * 60;
    QString file; // where grants survive restarts; empty: memory only
    std::function<QDateTime()> clock; // for tests; empty: the current UTC time
};

// OAuth state: authorization codes, access tokens, refresh tokens. Thread-safe.
// Sandbox convention, as a real authorization server does: issued grants survive a restart
// (kept in settings.file, written atomically after every change, secrets hashed), and expired
// ones are pruned at start and on every change, so the state does not grow without limit.
class AuthState final
{
public:
    explicit AuthState(AuthStateSettings settings);

    QString issueCode(const QString& clientId, const QString& redirectUri, const QStringList& scopes,
                      const QString& username, const CodeChallenge& challenge = {});
    // Codes are single-use (consumed even when the exchange fails), live ten minutes, and
    // are bound to the client, the redirect URI and the PKCE challenge if any: a code issued
    // with a challenge needs the matching verifier; otherwise the verifier is ignored.
    std::optional<AccessGrant> exchangeCode(const QString& clientId, const QString& code,
                                            const QString& redirectUri, const QString& codeVerifier = {});
    // Refresh tokens rotate: the old one stops working once used.
    std::optional<AccessGrant> refresh(const QString& clientId, const QString& refreshToken);
    AccessGrant issueClientToken(const QString& clientId, const QStringList& scopes);
    std::optional<AccessGrant> findValid(const QString& accessToken) const;

    struct Counts
    {
        qsizetype codes = 0;
        qsizetype accessTokens = 0;
        qsizetype refreshTokens = 0;
    };
    Counts counts() const; // what is held, for tests

private:
    QDateTime now() const;
    AccessGrant issueLocked(const Principal& principal, const QStringList& scopes, GrantType grant);
    void changedLocked(); // prunes and saves

    const AuthStateSettings m_settings;
    mutable std::mutex m_mutex;
    GrantTables m_grants;
};

QString randomToken(int length);

} // namespace bge::sandbox
