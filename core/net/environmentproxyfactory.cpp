#include "environmentproxyfactory.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace bge::net {

using namespace Qt::StringLiterals;

namespace {

constexpr const char* kProxyVariables[] = {"https_proxy", "http_proxy", "all_proxy", "no_proxy"};

QString upper(const char* lowerCaseName)
{
    return QString::fromLatin1(lowerCaseName).toUpper();
}

// A proxy URL as people write it: "http://host:port", or "host:port" without a scheme.
QUrl proxyUrl(const QString& text)
{
    const QString trimmed = text.trimmed();
    return QUrl(trimmed.contains(u"://"_s) ? trimmed : u"http://"_s + trimmed, QUrl::StrictMode);
}

bool usable(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() &&
           (scheme == u"http" || scheme == u"socks5" || scheme == u"socks5h");
}

} // namespace

EnvironmentProxyFactory::EnvironmentProxyFactory(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{
    const QStringList entries = value("no_proxy").split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.toLower();
        if (entry.startsWith(u"*."_s))
            entry.remove(0, 1);
        if (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (entry.endsWith(u'.'))
            entry.chop(1);
        // An address block ("10.0.0.0/8", "fd00::/8"), as curl >= 7.86 reads them: for hosts
        // written as addresses, which is how such networks are usually reached.
        if (entry.contains(u'/')) {
            const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(entry);
            if (!subnet.first.isNull())
                m_noProxySubnets.append(subnet);
            continue;
        }
        if (!entry.isEmpty())
            m_noProxy.append(entry);
    }
}

QString EnvironmentProxyFactory::value(const char* lowerCaseName) const
{
    const QString lower = m_environment.value(QString::fromLatin1(lowerCaseName));
    return lower.isEmpty() ? m_environment.value(upper(lowerCaseName)) : lower;
}

QNetworkProxy EnvironmentProxyFactory::proxyFrom(const char* lowerCaseName) const
{
    const QString text = value(lowerCaseName);
    if (text.isEmpty())
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    const QUrl url = proxyUrl(text);
    if (!usable(url))
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    const bool socks = url.scheme().toLower().startsWith(u"socks"_s);
    return QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                         quint16(url.port(1080)), url.userName(QUrl::FullyDecoded),
                         url.password(QUrl::FullyDecoded));
}

bool EnvironmentProxyFactory::bypasses(const QString& host) const
{
    QString h = host.toLower();
    if (h.endsWith(u'.'))
        h.chop(1);
    for (const QString& entry : m_noProxy) {
        if (entry == u"*" || h == entry || h.endsWith(u'.' + entry))
            return true;
    }
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    const QHostAddress address(h);
    if (address.isNull())
        return false;
    return std::any_of(m_noProxySubnets.cbegin(), m_noProxySubnets.cend(),
                       [&address](const QPair<QHostAddress, int>& subnet) { return address.isInSubnet(subnet); });
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    const QString scheme = query.protocolTag().toLower();
    const bool tcp = query.queryType() == QNetworkProxyQuery::TcpSocket ||
                     query.queryType() == QNetworkProxyQuery::UrlRequest;
    if (!tcp || bypasses(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    QNetworkProxy proxy(QNetworkProxy::DefaultProxy);
    if (scheme == u"https")
        proxy = proxyFrom("https_proxy");
    else if (scheme == u"http")
        proxy = proxyFrom("http_proxy");
    if (proxy.type() == QNetworkProxy::DefaultProxy)
        proxy = proxyFrom("all_proxy");
    if (proxy.type() == QNetworkProxy::DefaultProxy)
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    return {proxy};
}

QString EnvironmentProxyFactory::problem() const
{
    for (const char* name : kProxyVariables) {
        if (qstrcmp(name, "no_proxy") == 0)
            continue;
        const bool lowerSet = !m_environment.value(QString::fromLatin1(name)).isEmpty();
        const QString text = value(name);
        if (text.isEmpty() || usable(proxyUrl(text)))
            continue;
        return QCoreApplication::translate("bge::net::EnvironmentProxyFactory",
                                           "The proxy in %1 cannot be used: write it as http://host:port (or "
                                           "http://user:password@host:port, or socks5://host:port).")
            .arg(lowerSet ? QString::fromLatin1(name) : upper(name));
    }
    return {};
}

QString useEnvironmentProxies()
{
    auto* factory = new EnvironmentProxyFactory;
    const QString problem = factory->problem();
    QNetworkProxyFactory::setApplicationProxyFactory(factory); // Qt owns it
    return problem;
}

void useSystemProxies()
{
    for (const char* name : kProxyVariables) {
        if (qEnvironmentVariableIsEmpty(name) &&
            !qEnvironmentVariableIsEmpty(upper(name).toLatin1().constData()))
            qputenv(name, qgetenv(upper(name).toLatin1().constData()));
    }
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

} // namespace bge::net
