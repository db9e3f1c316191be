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
    Credentials,  // 407: final
    Policy,       // 403, 405: final
    Unreachable,  // the proxy itself: retryable
    UnknownHost,  // the proxy's name: retryable
    NoTunnel,     // the proxy answered CONNECT with another status (500, 502, 504): retryable
    ProxyFailed   // Qt's manager: one of the last three, it does not say which: retryable
};

// The variable that names the proxy for `scheme` (the command line's words; the desktop app
// follows the system's settings, which on Linux are these variables too).
QString variableFor(const QString& scheme)
{
    return scheme.compare(u"http"_s, Qt::CaseInsensitive) == 0 ? u"http_proxy"_s : u"https_proxy"_s;
}

QString sentenceFor(Refusal kind, const QNetworkProxy& proxy)
{
    switch (kind) {
    case Refusal::None:
        break;
    case Refusal::Credentials:
        return proxy.user().isEmpty()
                   ? QCoreApplication::translate(
                         "bge::net::ProxyRefusal",
                         "The proxy at %1 asks for a user name and password (407). Give them in %2 as "
                         "http://user:password@host:port, or in the system's proxy settings.")
                   : QCoreApplication::translate(
                         "bge::net::ProxyRefusal",
                         "The proxy at %1 refused the user name and password (407). Check the credentials "
                         "in %2 (http://user:password@host:port) or in the system's proxy settings.");
    case Refusal::Policy:
        return QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The proxy at %1 refused the connection to the server. If it needs a user name and "
            "password, check them in %2 (http://user:password@host:port); hosts listed in no_proxy "
            "are reached without it.");
    case Refusal::Unreachable:
        return QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The proxy at %1 cannot be reached. Check that it is running and that %2 names it "
            "correctly; hosts listed in no_proxy are reached without it.");
    case Refusal::UnknownHost:
        return QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The proxy at %1 cannot be found: its host name is not known. Check the proxy in %2 "
            "(hosts listed in no_proxy are reached without it).");
    case Refusal::NoTunnel:
        // Mostly an origin that is down or unreachable from the proxy (tinyproxy's "500 Unable
        // to connect", squid's 502/504); tinyproxy also answers wrong credentials with 401, which
        // Qt cannot tell apart, so nothing here may blame the credentials.
        return QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The proxy at %1 could not connect to the server. The server may be down or out of "
            "the proxy's reach: try again later, and check that %2 names the right proxy; hosts "
            "listed in no_proxy are reached without it.");
    case Refusal::ProxyFailed:
        return QCoreApplication::translate(
            "bge::net::ProxyRefusal",
            "The connection through the proxy at %1 failed: the proxy cannot be reached, or it "
            "could not connect to the server. Check that the proxy is running and that %2 names it "
            "correctly, then try again; hosts listed in no_proxy are reached without it.");
    }
    return {};
}

std::optional<ApiError> refusal(Refusal kind, const QNetworkProxy& proxy, const QString& scheme,
                                const QString& qtText)
{
    if (kind == Refusal::None)
        return std::nullopt;
    const QString sentence = sentenceFor(kind, proxy).arg(proxyAddress(proxy), variableFor(scheme));
    // Only the proxy's explicit answers come back the same way: a proxy that is down, or whose
    // server is, may work a moment later, so those are retried like any outage and the sentence
    // tells the last failure.
    if (kind == Refusal::Credentials || kind == Refusal::Policy)
        return ApiError::transportRefused(sentence, qtText);
    return ApiError::transportExplained(sentence, qtText);
}

Refusal kindOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return Refusal::Credentials;
    case QAbstractSocket::SocketAccessError: // "Proxy denied connection" (403, 405)
        return Refusal::Policy;
    case QAbstractSocket::ProxyConnectionRefusedError:
        return Refusal::Unreachable;
    case QAbstractSocket::ProxyNotFoundError:
        return Refusal::UnknownHost;
    case QAbstractSocket::ProxyProtocolError: // any CONNECT status but 200/403/404/405/407/503
        return Refusal::NoTunnel;
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
        return Refusal::ProxyFailed;
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
