#include "pkce.h"

#include <QCryptographicHash>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

std::optional<ChallengeMethod> parseChallengeMethod(const QString& name)
{
    if (name == u"S256")
        return ChallengeMethod::S256;
    if (name == u"plain")
        return ChallengeMethod::Plain;
    return std::nullopt;
}

QString challengeMethodName(ChallengeMethod method)
{
    return method == ChallengeMethod::S256 ? u"S256"_s : u"plain"_s;
}

bool isPkceString(const QString& value)
{
    // RFC 7636 §4.1: code-verifier = 43*128unreserved, unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
    if (value.size() < 43 || value.size() > 128)
        return false;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
                        || u == u'-' || u == u'.' || u == u'_' || u == u'~';
        if (!ok)
            return false;
    }
    return true;
}

bool verifierMatches(const CodeChallenge& challenge, const QString& verifier)
{
    if (challenge.isEmpty() || !isPkceString(verifier))
        return false;
    if (challenge.method == ChallengeMethod::Plain)
        return verifier == challenge.challenge;
    // RFC 7636 §4.6: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))), no padding.
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
           == challenge.challenge;
}

} // namespace bge::sandbox
