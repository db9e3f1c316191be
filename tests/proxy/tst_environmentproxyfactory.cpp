// How `bge` reads the proxy variables (net::EnvironmentProxyFactory), case by case: which
// variable for which scheme, lower case before upper case, all_proxy, no_proxy's forms,
// credentials and defaults, and the sentence for a value that is no proxy.
#include "net/environmentproxyfactory.h"

#include <QTest>

using namespace bge::net;
using namespace Qt::StringLiterals;

namespace {

QProcessEnvironment environment(std::initializer_list<std::pair<const char*, const char*>> variables)
{
    QProcessEnvironment env;
    for (const auto& [name, value] : variables)
        env.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return env;
}

QNetworkProxy proxyFor(EnvironmentProxyFactory& factory, const char* url)
{
    const QList<QNetworkProxy> proxies =
        factory.queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(url))));
    return proxies.value(0, QNetworkProxy(QNetworkProxy::DefaultProxy));
}

QString where(const QNetworkProxy& p)
{
    return p.type() == QNetworkProxy::NoProxy ? u"direct"_s : p.hostName() + u':' + QString::number(p.port());
}

} // namespace

class TestEnvironmentProxyFactory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variableForScheme()
    {
        EnvironmentProxyFactory f(
            environment({{"https_proxy", "http://secure:3128"}, {"http_proxy", "http://plain:8080"}}));
        QCOMPARE(where(proxyFor(f, "https://api.example.org/x")), u"secure:3128"_s);
        QCOMPARE(where(proxyFor(f, "http://api.example.org/x")), u"plain:8080"_s);
        QCOMPARE(proxyFor(f, "https://api.example.org/x").type(), QNetworkProxy::HttpProxy);
        // A socket's query (the body sender's) is answered the same way.
        QNetworkProxyQuery socket(u"api.example.org"_s, 443, u"https"_s);
        QCOMPARE(where(f.queryProxy(socket).value(0)), u"secure:3128"_s);
    }

    void lowerCaseFirstThenUpperCase()
    {
        EnvironmentProxyFactory both(
            environment({{"https_proxy", "http://lower:1"}, {"HTTPS_PROXY", "http://upper:2"}}));
        QCOMPARE(where(proxyFor(both, "https://h.example/")), u"lower:1"_s);
        EnvironmentProxyFactory upper(environment({{"HTTPS_PROXY", "http://upper:2"}}));
        QCOMPARE(where(proxyFor(upper, "https://h.example/")), u"upper:2"_s);
    }

    void allProxyWhenTheSpecificOneIsUnset()
    {
        EnvironmentProxyFactory f(
            environment({{"ALL_PROXY", "socks5://socks:1081"}, {"http_proxy", "http://plain:8080"}}));
        QCOMPARE(where(proxyFor(f, "https://h.example/")), u"socks:1081"_s);
        QCOMPARE(proxyFor(f, "https://h.example/").type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(where(proxyFor(f, "http://h.example/")), u"plain:8080"_s);
        EnvironmentProxyFactory none(environment({}));
        QCOMPARE(where(proxyFor(none, "https://h.example/")), u"direct"_s);
    }

    void credentialsSchemeAndPort()
    {
        EnvironmentProxyFactory f(environment({{"https_proxy", "http://user%40corp:p%3Ass%2Fw@proxy.corp"}}));
        const QNetworkProxy p = proxyFor(f, "https://h.example/");
        QCOMPARE(p.user(), u"user@corp"_s);
        QCOMPARE(p.password(), u"p:ss/w"_s);
        QCOMPARE(p.port(), quint16(1080)); // curl's default
        EnvironmentProxyFactory bare(environment({{"https_proxy", "proxy.corp:3128"}}));
        QCOMPARE(where(proxyFor(bare, "https://h.example/")), u"proxy.corp:3128"_s);
    }

    void noProxy_data()
    {
        QTest::addColumn<QString>("noProxy");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("direct");
        QTest::newRow("exact") << u"api.example.org"_s << u"api.example.org"_s << true;
        QTest::newRow("exact, other host") << u"api.example.org"_s << u"oss.example.org"_s << false;
        QTest::newRow("domain") << u"example.org"_s << u"oss.example.org"_s << true;
        QTest::newRow("leading dot") << u".example.org"_s << u"oss.example.org"_s << true;
        QTest::newRow("leading dot, the domain") << u".example.org"_s << u"example.org"_s << true;
        QTest::newRow("star dot") << u"*.example.org"_s << u"a.b.example.org"_s << true;
        QTest::newRow("not a suffix of a label") << u"example.org"_s << u"notexample.org"_s << false;
        QTest::newRow("star") << u"*"_s << u"anything.example"_s << true;
        QTest::newRow("list with spaces, case")
            << u"intranet , Example.ORG"_s << u"OSS.example.org"_s << true;
        QTest::newRow("trailing dot") << u"example.org."_s << u"api.example.org"_s << true;
        // CIDR blocks, as curl >= 7.86 reads them, for hosts written as addresses.
        QTest::newRow("cidr v4") << u"10.0.0.0/8"_s << u"10.20.30.40"_s << true;
        QTest::newRow("cidr v4, outside") << u"10.0.0.0/8"_s << u"11.0.0.1"_s << false;
        QTest::newRow("cidr v4 /24 in a list") << u"example.org, 192.168.7.0/24"_s << u"192.168.7.200"_s << true;
        QTest::newRow("cidr v4 /24, outside") << u"192.168.7.0/24"_s << u"192.168.8.1"_s << false;
        QTest::newRow("cidr v6") << u"fd00::/8"_s << u"[fd12:3456::1]"_s << true;
        QTest::newRow("cidr v6, outside") << u"fd00::/8"_s << u"[2001:db8::1]"_s << false;
        QTest::newRow("cidr, host name") << u"10.0.0.0/8"_s << u"ten.example.org"_s << false;
        QTest::newRow("plain address") << u"172.16.0.9"_s << u"172.16.0.9"_s << true;
    }
    void noProxy()
    {
        QFETCH(QString, noProxy);
        QFETCH(QString, host);
        QFETCH(bool, direct);
        for (const char* name : {"no_proxy", "NO_PROXY"}) {
            QProcessEnvironment env = environment({{"https_proxy", "http://proxy:3128"}});
            env.insert(QString::fromLatin1(name), noProxy);
            EnvironmentProxyFactory f(env);
            const QByteArray url = QByteArray("https://") + host.toLatin1() + "/k";
            QCOMPARE(proxyFor(f, url.constData()).type() == QNetworkProxy::NoProxy, direct);
        }
    }

    void unusableValueIsAProblem()
    {
        EnvironmentProxyFactory ftp(environment({{"HTTPS_PROXY", "ftp://nowhere"}}));
        QVERIFY(ftp.problem().contains(u"HTTPS_PROXY"_s));
        QCOMPARE(where(proxyFor(ftp, "https://h.example/")), u"direct"_s);
        EnvironmentProxyFactory secret(environment({{"http_proxy", "http://user:hunter2@"}}));
        QVERIFY(secret.problem().contains(u"http_proxy"_s));
        QVERIFY(!secret.problem().contains(u"hunter2"_s));
        EnvironmentProxyFactory fine(environment({{"https_proxy", "http://proxy:3128"}, {"no_proxy", "*"}}));
        QVERIFY(fine.problem().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentProxyFactory)
#include "tst_environmentproxyfactory.moc"
