#pragma once

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>

namespace bge::net {

// The proxies the environment names, read as curl and most command-line tools read them:
// https_proxy for https://, http_proxy for http://, all_proxy for anything else or when the
// specific one is unset; each lower case first, then upper case; no_proxy (NO_PROXY) a list of
// host names and domain suffixes (".example.org", "example.org" or "*.example.org" match the
// domain and its hosts; "*" matches everything; an address block such as "10.0.0.0/8" matches
// hosts written as addresses in it) reached directly. A proxy URL may carry a user
// name and password (http://user:pass@host:port), percent-encoded; without a port, 1080 as curl.
//
// Why not Qt's own reading (QNetworkProxyFactory::setUseSystemConfiguration): on Debian it goes
// through libproxy, which reads neither HTTPS_PROXY nor NO_PROXY reliably, and the command line
// must do exactly what its manual page says whatever desktop it runs on.
class EnvironmentProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit EnvironmentProxyFactory(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;

    // Empty when every proxy variable that is set can be used; else a sentence naming the
    // variable and saying what is wrong (never its value: it may hold a password).
    QString problem() const;

    // Whether `host` is one no_proxy names.
    bool bypasses(const QString& host) const;

private:
    QString value(const char* lowerCaseName) const;
    QNetworkProxy proxyFrom(const char* lowerCaseName) const;

    QProcessEnvironment m_environment;
    QStringList m_noProxy;
    QList<QPair<QHostAddress, int>> m_noProxySubnets;
};

// bge: the application's proxies are the environment's (for every QNetworkAccessManager and
// every socket left on QNetworkProxy::DefaultProxy). Returns EnvironmentProxyFactory::problem().
QString useEnvironmentProxies();

// bge-desktop: the system's proxy configuration (desktop settings or PAC through libproxy, else
// the environment), which QtWebEngine follows too; HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and
// NO_PROXY stand in for their unset lower-case names, so that both programs mostly agree. They
// differ where the system's lookup does: with http_proxy alone, it (libproxy, Qt's generic
// reading) sends https:// through that proxy too, where bge, like curl, goes direct (a proxy
// named for http:// only need not tunnel); and no_proxy's address blocks are bge's reading.
// Kept: the desktop app must do what the desktop's other programs do, and bge what curl does;
// the manual page tells users to set https_proxy for both. Before the QApplication exists
// (QtWebEngine reads the environment once).
void useSystemProxies();

} // namespace bge::net
