#pragma once

#include <QString>

#include <optional>

namespace bge::sandbox {

// PKCE (RFC 7636), which the desktop app and the `bge` CLI send as native clients.
// The reference is silent about PKCE; what follows is a sandbox convention:
// - /oauth2/authorize takes an optional code_challenge and code_challenge_method (`S256` or
//   `plain`, absent meaning `plain`, RFC 7636 §4.3). An unknown method, a challenge that is
//   not 43–128 unreserved characters, or a method without a challenge is refused with
//   ?error=invalid_request. The challenge is bound to the code the request yields.
// - The code exchange for such a code then needs a code_verifier (43–128 unreserved
//   characters) that matches: missing, malformed or wrong is 400 错误的请求, like any failed
//   exchange, and the code is spent.
// - A code_verifier sent for a code issued without a challenge is ignored (lenient).
enum class ChallengeMethod
{
    Plain,
    S256,
};

struct CodeChallenge
{
    QString challenge; // empty: the authorization request carried none
    ChallengeMethod method = ChallengeMethod::Plain;

    bool isEmpty() const { return challenge.isEmpty(); }
};

// `S256` or `plain` exactly (RFC 7636 names are case-sensitive).
std::optional<ChallengeMethod> parseChallengeMethod(const QString& name);
QString challengeMethodName(ChallengeMethod method);
// 43–128 characters of [A-Za-z0-9-._~]: the shape of a verifier, and of a challenge.
bool isPkceString(const QString& value);
// Whether the verifier is well-formed and answers the challenge.
bool verifierMatches(const CodeChallenge& challenge, const QString& verifier);

} // namespace bge::sandbox
