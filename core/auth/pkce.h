#pragma once

#include <QString>

namespace bge {

// RFC 7636 proof key for the authorization-code flow, plus the `state` value: both random,
// both checked, so that a code intercepted on the loopback port is useless to anyone else.
struct Pkce
{
    QString verifier;  // 64 unreserved characters, kept in memory only
    QString challenge; // BASE64URL(SHA-256(verifier)), no padding
    static constexpr const char* kMethod = "S256";

    static Pkce generate();
    static QString challengeFor(const QString& verifier);
};

// A random, URL-safe `state` value (128 bits).
QString randomState();

} // namespace bge
