#pragma once

#include "api/apijob.h"
#include "api/records/tokens.h"

#include <QStringList>
#include <QUrl>

namespace bge {

class OAuthClient;

// What came back to the redirect URI.
struct AuthorizationResponse
{
    QString code;
    QString state;
    QString error; // OAuth error (access_denied, …), empty on success
    QString errorDescription;

    // Reads code, state and error from the redirect's query. Neither a code nor an error is
    // itself an error (invalid_request): every caller then has one thing to check.
    static AuthorizationResponse fromRedirect(const QUrl& redirect);
    bool isAccessDenied() const { return error == u"access_denied"; }
};

// One authorization-code sign-in of a native app (RFC 6749 §4.1 with RFC 7636 PKCE): the
// random `state` and proof key sent with the authorization URL, the checks of what comes
// back to the redirect URI, and the code exchange with the matching verifier and URI. The
// command line (browser + loopback listener) and the desktop app (embedded page) share it.
class AuthorizationRequest final
{
public:
    AuthorizationRequest(QString redirectUri, QStringList scopes = {});

    const QString& redirectUri() const { return m_redirectUri; }
    const QString& state() const { return m_state; }
    QUrl url(const OAuthClient& oauth) const;

    // No error when `response` carries a code issued for this request. Otherwise an
    // Authentication error saying why: the platform's error (access_denied, …), or another
    // `state` (a forged or stale redirect: its code must never be exchanged).
    ApiError check(const AuthorizationResponse& response) const;
    // Call only after check() passed.
    Job<TokenGrant>* exchange(OAuthClient& oauth, const QString& clientSecret, const QString& code) const;

private:
    QString m_redirectUri;
    QStringList m_scopes;
    QString m_state;
    QString m_verifier;
    QString m_challenge;
};

} // namespace bge
