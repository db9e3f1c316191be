#include "authstate.h"

#include "grantfile.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

// A plain challenge is the verifier itself: it is kept as the S256 challenge of that value,
// which the same verifiers (and only they) answer, so that nothing a client could replay is stored.
CodeChallenge asS256(const CodeChallenge& challenge)
{
    if (challenge.isEmpty() || challenge.method == ChallengeMethod::S256)
        return challenge;
    const QByteArray digest = QCryptographicHash::hash(challenge.challenge.toUtf8(), QCryptographicHash::Sha256);
    return {QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
            ChallengeMethod::S256};
}

} // namespace

QString randomToken(int length)
{
    static constexpr char16_t kChars[] = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i)
        s += QChar(kChars[QRandomGenerator::system()->bounded(62)]);
    return s;
}

AuthState::AuthState(AuthStateSettings settings) : m_settings(std::move(settings))
{
    if (m_settings.file.isEmpty())
        return;
    m_grants = loadGrantFile(m_settings.file);
    if (m_grants.prune(now()) > 0)
        saveGrantFile(m_settings.file, m_grants);
}

QDateTime AuthState::now() const
{
    return m_settings.clock ? m_settings.clock() : QDateTime::currentDateTimeUtc();
}

QString AuthState::issueCode(const QString& clientId, const QString& redirectUri, const QStringList& scopes,
                             const QString& username, const CodeChallenge& challenge)
{
    std::lock_guard lock(m_mutex);
    const QString code = randomToken(30);
    m_grants.codes.insert(secretHash(code), {clientId, redirectUri, scopes, username,
                                             now().addSecs(m_settings.codeTtlSeconds), asS256(challenge)});
    changedLocked();
    return code;
}

std::optional<AccessGrant> AuthState::exchangeCode(const QString& clientId, const QString& code,
                                                   const QString& redirectUri, const QString& codeVerifier)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_grants.codes.find(secretHash(code));
    if (it == m_grants.codes.end())
        return std::nullopt;
    const CodeRecord pending = *it;
    m_grants.codes.erase(it);
    // PKCE, sandbox convention (pkce.h): a verifier only matters when the code has a challenge.
    if (pending.clientId != clientId || pending.redirectUri != redirectUri || pending.expiresAt < now()
        || (!pending.challenge.isEmpty() && !verifierMatches(pending.challenge, codeVerifier))) {
        changedLocked(); // spent all the same
        return std::nullopt;
    }
    return issueLocked({clientId, pending.username}, pending.scopes, GrantType::AuthorizationCode);
}

std::optional<AccessGrant> AuthState::refresh(const QString& clientId, const QString& refreshToken)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_grants.refreshTokens.find(secretHash(refreshToken));
    if (it == m_grants.refreshTokens.end() || it->principal.clientId != clientId || it->expiresAt <= now())
        return std::nullopt;
    const TokenRecord previous = *it;
    m_grants.refreshTokens.erase(it);
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
    const auto it = m_grants.accessTokens.constFind(secretHash(accessToken));
    if (it == m_grants.accessTokens.cend() || it->expiresAt <= now())
        return std::nullopt;
    return AccessGrant{accessToken, QString(), it->principal, it->scopes, it->grantType,
                       it->issuedAt,  it->expiresAt, it->expiresIn};
}

AuthState::Counts AuthState::counts() const
{
    std::lock_guard lock(m_mutex);
    return {m_grants.codes.size(), m_grants.accessTokens.size(), m_grants.refreshTokens.size()};
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
    g.issuedAt = now();
    g.expiresIn = m_settings.accessTokenTtlSeconds;
    g.expiresAt = g.issuedAt.addSecs(g.expiresIn);
    m_grants.accessTokens.insert(secretHash(g.accessToken),
                                 {principal, scopes, grant, g.issuedAt, g.expiresAt, g.expiresIn});
    if (!g.refreshToken.isEmpty())
        m_grants.refreshTokens.insert(secretHash(g.refreshToken),
                                      {principal, scopes, grant, g.issuedAt,
                                       g.issuedAt.addSecs(m_settings.refreshTokenTtlSeconds), g.expiresIn});
    changedLocked();
    return g;
}

void AuthState::changedLocked()
{
    m_grants.prune(now());
    // Written under the lock, so that the file always holds the latest state.
    if (!m_settings.file.isEmpty())
        saveGrantFile(m_settings.file, m_grants);
}

} // namespace bge::sandbox
