#pragma once

#include "demotypes.h"
#include "pkce.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <optional>

namespace bge::sandbox {

// What the sandbox remembers about one authorization code, until it is used or expires.
struct CodeRecord
{
    QString clientId;
    QString redirectUri;
    QStringList scopes;
    QString username;
    QDateTime expiresAt;
    CodeChallenge challenge; // always S256 or empty (see AuthState::issueCode)
};

// What the sandbox remembers about one access or refresh token.
struct TokenRecord
{
    Principal principal;
    QStringList scopes;
    GrantType grantType = GrantType::AuthorizationCode;
    QDateTime issuedAt;
    QDateTime expiresAt; // of this token (an access token's, or a refresh token's own)
    qint64 expiresIn = 0; // the access token's lifetime, as announced
};

// Every grant the sandbox issued, keyed by secretHash() of the code or token: the secrets
// themselves are never kept, neither in memory nor on disk (the platform stores them hashed too).
struct GrantTables
{
    QHash<QByteArray, CodeRecord> codes;
    QHash<QByteArray, TokenRecord> accessTokens;
    QHash<QByteArray, TokenRecord> refreshTokens;

    // Drops whatever has expired at `now`; returns how many entries went.
    qsizetype prune(const QDateTime& now);

    QByteArray toJson() const;
    // nullopt with *error set when the text is not a grants file this version wrote.
    static std::optional<GrantTables> fromJson(const QByteArray& json, QString* error);
};

// Hex SHA-256 of a code or token.
QByteArray secretHash(const QString& secret);

} // namespace bge::sandbox
