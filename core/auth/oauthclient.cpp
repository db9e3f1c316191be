#include "oauthclient.h"

#include "pkce.h"

namespace bge {

using namespace Qt::StringLiterals;

OAuthClient::OAuthClient(ApiConnection* connection, QString clientId)
    : m_connection(connection), m_clientId(std::move(clientId))
{
}

QUrl OAuthClient::authorizationUrl(const QString& redirectUri, const QString& state, const QStringList& scopes,
                                   const QString& pkceChallenge) const
{
    ApiRequest r = ApiRequest::get(u"/oauth2/authorize"_s, {{u"client_id"_s, m_clientId},
                                                           {u"response_type"_s, u"code"_s},
                                                           {u"redirect_uri"_s, redirectUri}});
    if (!scopes.isEmpty())
        r.add(u"scope"_s, scopes.join(u' '));
    if (!state.isEmpty())
        r.add(u"state"_s, state);
    if (!pkceChallenge.isEmpty()) {
        r.add(u"code_challenge"_s, pkceChallenge);
        r.add(u"code_challenge_method"_s, QString::fromLatin1(Pkce::kMethod));
    }
    return m_connection->urlFor(r);
}

Job<TokenGrant>* OAuthClient::tokenRequest(QList<std::pair<QString, QString>> params, bool repeatable)
{
    params.prepend({u"client_id"_s, m_clientId});
    ApiRequest r = ApiRequest::post(u"/oauth2/access_token"_s, std::move(params)).withoutAuth().withSensitiveAnswer();
    if (!repeatable)
        r.notIdempotent();
    return new ApiJob<TokenGrant>(m_connection, r, [](const Envelope& e) {
        return TokenGrant::fromJson(e.data, QDateTime::currentDateTimeUtc());
    });
}

Job<TokenGrant>* OAuthClient::exchangeCode(const QString& clientSecret, const QString& code,
                                           const QString& redirectUri, const QString& pkceVerifier)
{
    QList<std::pair<QString, QString>> params{{u"client_secret"_s, clientSecret},
                                              {u"grant_type"_s, u"authorization_code"_s},
                                              {u"redirect_uri"_s, redirectUri},
                                              {u"code"_s, code}};
    if (!pkceVerifier.isEmpty())
        params.append({u"code_verifier"_s, pkceVerifier});
    // Not repeated: the code is single-use, and sign-in is interactive (the person tries again).
    return tokenRequest(std::move(params), false);
}

Job<TokenGrant>* OAuthClient::refresh(const QString& clientSecret, const QString& refreshToken)
{
    // Repeated after a 5xx or a connection lost without an answer. If the first attempt never
    // reached the token endpoint (a gateway's 502/503, a dropped connection), the repeat saves
    // the session. If it did and only the answer was lost, a rotating platform has already spent
    // the refresh token: the repeat is refused and the user must sign in again, which is where
    // not repeating would also end, one command later. So a repeat is never worse.
    return tokenRequest({{u"client_secret"_s, clientSecret},
                         {u"grant_type"_s, u"refresh_token"_s},
                         {u"refresh_token"_s, refreshToken}},
                        true);
}

Job<TokenGrant>* OAuthClient::clientCredentials(const QString& clientSecret)
{
    // Repeated freely: asking again only issues another token.
    return tokenRequest({{u"client_secret"_s, clientSecret}, {u"grant_type"_s, u"client_credentials"_s}}, true);
}

} // namespace bge
