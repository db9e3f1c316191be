#pragma once

#include "api/apijob.h"
#include "api/records/tokens.h"

#include <QStringList>
#include <QUrl>

namespace bge {

// The OAuth 2.0 calls of reference §3 for one client application. Token requests are never
// retried silently: a code is single-use and a refresh token rotates, so a second attempt
// after an ambiguous failure could only fail or burn the new token.
class OAuthClient final
{
public:
    OAuthClient(ApiConnection* connection, QString clientId);

    const QString& clientId() const { return m_clientId; }
    ApiConnection* connection() const { return m_connection; }

    // /oauth2/authorize?client_id&response_type=code&redirect_uri&scope&state&code_challenge…
    QUrl authorizationUrl(const QString& redirectUri, const QString& state, const QStringList& scopes,
                          const QString& pkceChallenge) const;
    Job<TokenGrant>* exchangeCode(const QString& clientSecret, const QString& code, const QString& redirectUri,
                                  const QString& pkceVerifier);
    Job<TokenGrant>* refresh(const QString& clientSecret, const QString& refreshToken);
    Job<TokenGrant>* clientCredentials(const QString& clientSecret);

private:
    // `repeatable`: retried after a transport error or a 5xx (see the callers).
    Job<TokenGrant>* tokenRequest(QList<std::pair<QString, QString>> params, bool repeatable);

    ApiConnection* m_connection;
    QString m_clientId;
};

} // namespace bge
