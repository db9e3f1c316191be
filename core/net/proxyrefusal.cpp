#include "proxyrefusal.h"

#include "proxyroute.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QNetworkReply>

namespace bge::net {

using namespace Qt::StringLiterals;

namespace {

enum class Refusal
{
    None,
    Credentials,
    Unreachable,
    UnknownHost,
    Refused,
    UnreachableOrRefused
};

// The variable that names the proxy for `scheme` (the command line's words; the desktop app
// follows the system's settings, which on Linux are these variables too).
QString variableFor(const QString& scheme)
{
    return scheme.compare(u"http"_s, Qt::CaseInsensitive) == 0 ? u"http_proxy"_s : u"https_proxy"_s;
}

std::optional<ApiError> refusal(Refusal kind, const QNetworkProxy& proxy, const QString& scheme,
                                const QString& qtText)
{
    const QString where = proxyAddress(proxy);
    const QString variable = variableFor(scheme);
    QString sentence;
    switch (kind) {
    case Refusal::None:
        return std::nullopt;
    case Refusal::Credentials:
        sentence =
            proxy.user().isEmpty()
                ? QCoreApplication::translate(
                      "bge::net::ProxyRefusal",
                      "The proxy at %1 asks for a user name and password (407). Give them in %2 as "
                      "http://user:password@host:port, or in the system's proxy settings.")
                : QCoreApplication::translate(
                      "bge::net::ProxyRefusal",
                      "The proxy at %1 refused the user name and password (407). Check the credentials "
                      "in %2 (http://user:password@host:port) or in the system's proxy settings.");
        break;
    case Refusal::Unreachable:
        sentence = QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The proxy at %1 cannot be reached. Check that it is running and that %2 names it "
            "correctly; hosts listed in no_proxy are reached without it.");
        break;
    case Refusal::Refused:
        // What a proxy answers with neither 200 nor 407 (tinyproxy answers wrong credentials
        // with 401, others 403 for a port they do not tunnel to): Qt keeps no status.
        sentence = QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The proxy at %1 refused the connection to the server. If it needs a user name and "
            "password, check them in %2 (http://user:password@host:port); hosts listed in no_proxy "
            "are reached without it.");
        break;
    case Refusal::UnreachableOrRefused:
        sentence = QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The connection through the proxy at %1 failed: the proxy cannot be reached or "
            "refused the connection. Check that it is running and that %2 names it correctly, with "
            "the user name and password it needs (http://user:password@host:port); hosts listed in "
            "no_proxy are reached without it.");
        break;
    case Refusal::UnknownHost:
        sentence = QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The proxy at %1 cannot be found: its host name is not known. Check the proxy in %2 "
            "(hosts listed in no_proxy are reached without it).");
        break;
    }
    return ApiError::transportRefused(sentence.arg(where, variable), qtText);
}

Refusal kindOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return Refusal::Credentials;
    case QAbstractSocket::ProxyConnectionRefusedError:
        return Refusal::Unreachable;
    case QAbstractSocket::ProxyNotFoundError:
        return Refusal::UnknownHost;
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::SocketAccessError: // "Proxy denied connection" (403, 405)
        return Refusal::Refused;
    default:
        return Refusal::None;
    }
}

Refusal kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return Refusal::Credentials;
    case QNetworkReply::ProxyConnectionRefusedError:
        return Refusal::Unreachable;
    case QNetworkReply::ProxyNotFoundError:
        return Refusal::UnknownHost;
    // The manager folds the proxy's own failures (refused, not found, an answer other than 200
    // or 407) into this one code and keeps only Qt's text: on a proxied route, the proxy failed.
    case QNetworkReply::UnknownNetworkError:
        return Refusal::UnreachableOrRefused;
    default:
        return Refusal::None;
    }
}

} // namespace

std::optional<ApiError> proxyRefusal(const QNetworkReply* reply)
{
    if (!reply)
        return std::nullopt;
    const Refusal kind = kindOf(reply->error());
    if (kind == Refusal::None)
        return std::nullopt;
    // The reply does not say which proxy it went through: the one the same route takes now.
    const QNetworkProxy proxy = socketProxyFor(reply->url(), reply->manager()).value_or(QNetworkProxy());
    if (proxy.type() != QNetworkProxy::HttpProxy && proxy.type() != QNetworkProxy::Socks5Proxy)
        return std::nullopt;
    return refusal(kind, proxy, reply->url().scheme(), reply->errorString());
}

std::optional<ApiError> proxyRefusal(const QAbstractSocket* socket)
{
    if (!socket || socket->proxy().type() == QNetworkProxy::NoProxy)
        return std::nullopt;
    const QString scheme = socket->inherits("QSslSocket") ? u"https"_s : u"http"_s;
    return refusal(kindOf(socket->error()), socket->proxy(), scheme, socket->errorString());
}

} // namespace bge::net
