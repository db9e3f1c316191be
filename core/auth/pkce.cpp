#include "pkce.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>

namespace bge {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator* rng = QRandomGenerator::system(); // cryptographically secure source
    for (char& b : bytes)
        b = char(rng->bounded(256));
    return bytes;
}

QString base64Url(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

Pkce Pkce::generate()
{
    Pkce p;
    p.verifier = base64Url(randomBytes(48)); // 64 characters, within RFC 7636's 43–128
    p.challenge = challengeFor(p.verifier);
    return p;
}

QString Pkce::challengeFor(const QString& verifier)
{
    return base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
}

QString randomState()
{
    return base64Url(randomBytes(16));
}

} // namespace bge
