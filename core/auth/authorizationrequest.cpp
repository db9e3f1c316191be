#include "authorizationrequest.h"

#include "oauthclient.h"
#include "pkce.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace bge {

using namespace Qt::StringLiterals;

namespace {

// An OAuth error code is short ASCII (RFC 6749 §4.1.2.1); anything else a redirect carries is
// cut down to that before it reaches a message.
QString printableErrorCode(const QString& error)
{
    QString out;
    for (const QChar c : error.left(64)) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            out += c;
    }
    return out;
}

} // namespace

AuthorizationResponse AuthorizationResponse::fromRedirect(const QUrl& redirect)
{
    // RFC 6749 §4.1.2 and Appendix B: the parameters are application/x-www-form-urlencoded,
    // so '+' is a space ("error_description=The+user+denied+access") and a '+' of the value
    // itself comes as %2B. Applied to the query as a whole, as the RFC says: a code or state
    // in base64url has no '+', and our own state is base64url.
    QString encoded = redirect.query(QUrl::FullyEncoded);
    encoded.replace(u'+', u"%20"_s);
    const QUrlQuery query(encoded);
    AuthorizationResponse response;
    response.code = query.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    response.state = query.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    response.error = query.queryItemValue(u"error"_s, QUrl::FullyDecoded);
    response.errorDescription = query.queryItemValue(u"error_description"_s, QUrl::FullyDecoded);
    if (response.code.isEmpty() && response.error.isEmpty())
        response.error = u"invalid_request"_s;
    return response;
}

AuthorizationRequest::AuthorizationRequest(QString redirectUri, QStringList scopes)
    : m_redirectUri(std::move(redirectUri)), m_scopes(std::move(scopes)), m_state(randomState())
{
    const Pkce pkce = Pkce::generate();
    m_verifier = pkce.verifier;
    m_challenge = pkce.challenge;
}

QUrl AuthorizationRequest::url(const OAuthClient& oauth) const
{
    return oauth.authorizationUrl(m_redirectUri, m_state, m_scopes, m_challenge);
}

ApiError AuthorizationRequest::check(const AuthorizationResponse& response) const
{
    // The state first: an answer that is not ours says nothing, not even "denied".
    if (response.state != m_state)
        return ApiError::authentication(QCoreApplication::translate(
            "bge::AuthorizationRequest",
            "The answer does not belong to this sign-in (state mismatch). Try again."));
    if (!response.error.isEmpty())
        return ApiError::authentication(
            QCoreApplication::translate("bge::AuthorizationRequest", "The sign-in was not completed (%1).")
                .arg(printableErrorCode(response.error)));
    return {};
}

Job<TokenGrant>* AuthorizationRequest::exchange(OAuthClient& oauth, const QString& clientSecret,
                                                const QString& code) const
{
    return oauth.exchangeCode(clientSecret, code, m_redirectUri, m_verifier);
}

} // namespace bge
