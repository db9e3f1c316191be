#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

// Header-only: the embedded sign-in page (a plugin that links QtNetwork but not bge_core) checks
// certificates with it too. What CaBundle::trust() added is read back from Qt's default
// configuration (shared by the whole process) as what the system's store does not hold.
namespace bge::net {

inline QList<QSslCertificate> extraCas()
{
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QList<QSslCertificate> extras;
    for (const QSslCertificate& ca : QSslConfiguration::defaultConfiguration().caCertificates()) {
        if (!system.contains(ca))
            extras.append(ca);
    }
    return extras;
}

inline bool issuedBy(const QSslCertificate& issued, const QSslCertificate& issuer)
{
    const QList<QByteArray> attributes = issuer.subjectInfoAttributes();
    if (attributes.isEmpty() || attributes != issued.issuerInfoAttributes())
        return false;
    for (const QByteArray& attribute : attributes) {
        if (issued.issuerInfo(attribute) != issuer.subjectInfo(attribute))
            return false;
    }
    return true;
}

// Whether `chain` (leaf first) is valid for `host` and leads to one of the extra CAs. Qt checks
// the chain against the default configuration (the system's CAs and ours); its top must then be
// one of ours or issued by one, so that a certificate the system vouches for but a browser
// refused for its own reasons is not let through on our say-so.
inline bool verifiesWithExtraCas(const QList<QSslCertificate>& chain, const QString& host)
{
    const QList<QSslCertificate> cas = extraCas();
    if (chain.isEmpty() || cas.isEmpty() || !QSslCertificate::verify(chain, host).isEmpty())
        return false;
    const QSslCertificate& top = chain.constLast();
    for (const QSslCertificate& ca : cas) {
        if (top == ca || issuedBy(top, ca))
            return true;
    }
    return false;
}

} // namespace bge::net
