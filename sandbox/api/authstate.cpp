#include "authstate.h"

#include <QRandomGenerator>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

QString randomToken(int length)
{
    static constexpr char16_t kChars[] = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i)
        s += QChar(kChars[QRandomGenerator::system()->bounded(62)]);
    return s;
}

QString AuthState::issueCode(const QString& clientId, const QString& redirectUri, const QStringList& scopes,
                             const QString& username, const CodeChallenge& challenge)
{
    std::lock_guard lock(m_mutex);
    const QString code = randomToken(30);
    m_codes.insert(code, {clientId, redirectUri, scopes, username,
                          QDateTime::currentDateTimeUtc().addSecs(10 * 60), challenge});
    return code;
}

std::optional<AccessGrant> AuthState::exchangeCode(const QString& clientId, const QString& code,
                                                   const QString& redirectUri, const QString& codeVerifier)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_codes.find(code);
    if (it == m_codes.end())
        return std::nullopt;
    const PendingCode pending = *it;
    m_codes.erase(it);
    if (pending.clientId != clientId || pending.redirectUri != redirectUri
        || pending.expiresAt < QDateTime::currentDateTimeUtc())
        return std::nullopt;
    // PKCE, sandbox convention (pkce.h): a verifier only matters when the code has a challenge.
    if (!pending.challenge.isEmpty() && !verifierMatches(pending.challenge, codeVerifier))
        return std::nullopt;
    return issueLocked({clientId, pending.username}, pending.scopes, GrantType::AuthorizationCode);
}

std::optional<AccessGrant> AuthState::refresh(const QString& clientId, const QString& refreshToken)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_refreshTokens.find(refreshToken);
    if (it == m_refreshTokens.end() || it->principal.clientId != clientId)
        return std::nullopt;
    const AccessGrant previous = *it;
    m_refreshTokens.erase(it);
    // The previous access token stays valid until it expires (sandbox convention), so
    // requests already on the wire during a refresh still succeed.
    return issueLocked(previous.principal, previous.scopes, GrantType::AuthorizationCode);
}

AccessGrant AuthState::issueClientToken(const QString& clientId, const QStringList& scopes)
{
    std::lock_guard lock(m_mutex);
    return issueLocked({clientId, QString()}, scopes, GrantType::ClientCredentials);
}

std::optional<AccessGrant> AuthState::findValid(const QString& accessToken) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_accessTokens.constFind(accessToken);
    if (it == m_accessTokens.cend() || it->expiresAt <= QDateTime::currentDateTimeUtc())
        return std::nullopt;
    return *it;
}

AccessGrant AuthState::issueLocked(const Principal& principal, const QStringList& scopes, GrantType grant)
{
    AccessGrant g;
    g.accessToken = randomToken(30);
    if (grant == GrantType::AuthorizationCode)
        g.refreshToken = randomToken(30);
    g.principal = principal;
    g.scopes = scopes;
    g.grantType = grant;
    g.issuedAt = QDateTime::currentDateTimeUtc();
    g.expiresIn = m_ttl;
    g.expiresAt = g.issuedAt.addSecs(m_ttl);
    m_accessTokens.insert(g.accessToken, g);
    if (!g.refreshToken.isEmpty())
        m_refreshTokens.insert(g.refreshToken, g);
    return g;
}

} // namespace bge::sandbox
