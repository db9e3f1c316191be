#pragma once

#include "api/result.h"

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace bge::net {

// Certificate authorities trusted in addition to the system's, as AWS_CA_BUNDLE does for the
// AWS tools: for an organisation's own CA (TLS-inspecting proxies, private object storage) or
// the sandbox's throwaway CA. They are only ever added: the system CAs stay trusted, and there
// is deliberately no way to turn verification off.
class CaBundle final
{
    Q_DECLARE_TR_FUNCTIONS(bge::net::CaBundle)

public:
    // The CA certificates of a PEM (or DER) file. Refuses an unreadable file, one holding no
    // certificate, anything that is not a CA certificate and an expired one, with a sentence
    // naming the file.
    static Result<QList<QSslCertificate>> load(const QString& path);

    // Makes `cas` trusted by every connection the process opens from now on (Qt's default TLS
    // configuration: every QNetworkAccessManager and QSslSocket), beside the system CAs.
    static void trust(const QList<QSslCertificate>& cas);
    // load() then trust(); an empty path changes nothing.
    static Result<bool> loadAndTrust(const QString& path);
    // (What was added: extracas.h, net::extraCas().)
};

} // namespace bge::net
