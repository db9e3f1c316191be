#include "proxyroute.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QUrl>

namespace bge::net {

using namespace Qt::StringLiterals;

std::optional<QNetworkProxy> socketProxyFor(const QUrl& url, const QNetworkAccessManager* network)
{
    const QNetworkProxyQuery query(url);
    QList<QNetworkProxy> proxies;
    if (network && network->proxy().type() != QNetworkProxy::DefaultProxy)
        proxies = {network->proxy()};
    else if (QNetworkProxyFactory* factory = network ? network->proxyFactory() : nullptr)
        proxies = factory->queryProxy(query);
    else
        proxies = QNetworkProxyFactory::proxyForQuery(query); // the application's; loopback direct
    // The first entry, as the manager uses it (it tries the next only where it cannot use one).
    const QNetworkProxy first = proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
    switch (first.type()) {
    case QNetworkProxy::NoProxy:
    case QNetworkProxy::DefaultProxy:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case QNetworkProxy::HttpProxy:
    case QNetworkProxy::Socks5Proxy:
        return first;
    default:
        return std::nullopt;
    }
}

QString proxyAddress(const QNetworkProxy& proxy)
{
    const QString host = proxy.hostName().contains(u':') ? u'[' + proxy.hostName() + u']' : proxy.hostName();
    return host + u':' + QString::number(proxy.port());
}

} // namespace bge::net
