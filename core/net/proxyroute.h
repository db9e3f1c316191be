#pragma once

#include <QNetworkProxy>

#include <optional>

class QNetworkAccessManager;
class QUrl;

namespace bge::net {

// The proxy a connection of our own to `url` must take to go the way `network` would send the
// same request (its own proxy or factory, else the application's, loopback always direct):
// NoProxy for a direct connection, an HTTP proxy (tunnelled with CONNECT) or a SOCKS5 proxy.
// Empty when the route is one a socket cannot follow (a caching-only proxy): leave such a
// request to the manager.
std::optional<QNetworkProxy> socketProxyFor(const QUrl& url, const QNetworkAccessManager* network);

// "host:port" of a proxy, for sentences (never its user name or password).
QString proxyAddress(const QNetworkProxy& proxy);

} // namespace bge::net
