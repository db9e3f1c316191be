#include "tlsrefusal.h"

#include "proxyrefusal.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslSocket>

namespace bge::net {

using namespace Qt::StringLiterals;

namespace {

QString issuerOf(const QSslCertificate& certificate)
{
    return certificate.isNull() ? QString() : certificate.issuerDisplayName();
}

} // namespace

ApiError untrustedCertificate(const QList<QSslError>& errors, const QString& issuer)
{
    QStringList reasons;
    for (const QSslError& error : errors)
        reasons.append(error.errorString());
    reasons.removeDuplicates();
    const QString who = issuer.isEmpty()
                            ? QCoreApplication::translate("bge::net::TlsRefusal", "an unknown authority")
                            : issuer;
    const QString sentence =
        QCoreApplication::translate("bge::net::TlsRefusal",
                                    "The server's certificate is not trusted (issued by %1). If your organisation "
                                    "uses its own certificate authority, pass it with --ca-bundle (or "
                                    "BGE_CA_BUNDLE, or the profile's certificate authority setting).")
            .arg(who);
    return ApiError::transportRefused(sentence, reasons.join(u"; "_s));
}

std::optional<ApiError> tlsRefusal(const QNetworkReply* reply)
{
    if (std::optional<ApiError> proxy = proxyRefusal(reply))
        return proxy;
    if (!reply || reply->error() != QNetworkReply::SslHandshakeFailedError)
        return std::nullopt;
    // After a refused handshake Qt still holds the peer's certificate; the errors themselves
    // went by in sslErrors(), which not every caller listens to: Qt's text stands in for them.
    const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
    ApiError error = untrustedCertificate({}, issuerOf(peer));
    return error.withContext(reply->errorString());
}

std::optional<ApiError> tlsRefusal(const QSslSocket* socket)
{
    if (std::optional<ApiError> proxy = proxyRefusal(socket))
        return proxy;
    if (!socket || socket->error() != QAbstractSocket::SslHandshakeFailedError)
        return std::nullopt;
    const QList<QSslError> errors = socket->sslHandshakeErrors();
    QSslCertificate certificate = socket->peerCertificate();
    for (const QSslError& e : errors) {
        if (!e.certificate().isNull()) {
            certificate = e.certificate();
            break;
        }
    }
    return untrustedCertificate(errors, issuerOf(certificate));
}

} // namespace bge::net
