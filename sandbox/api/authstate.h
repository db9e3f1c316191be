#pragma once

#include "demotypes.h"
#include "pkce.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

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

// OAuth state: authorization codes, access tokens, refresh tokens. Thread-safe.
class AuthState final
{
public:
    explicit AuthState(qint64 accessTokenTtlSeconds) : m_ttl(accessTokenTtlSeconds) {}

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

private:
    struct PendingCode
    {
        QString clientId;
        QString redirectUri;
        QStringList scopes;
        QString username;
        QDateTime expiresAt;
        CodeChallenge challenge;
    };
    AccessGrant issueLocked(const Principal& principal, const QStringList& scopes, GrantType grant);

    const qint64 m_ttl;
    mutable std::mutex m_mutex;
    QHash<QString, PendingCode> m_codes;
    QHash<QString, AccessGrant> m_accessTokens;
    QHash<QString, AccessGrant> m_refreshTokens;
};

QString randomToken(int length);

} // namespace bge::sandbox
