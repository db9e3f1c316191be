// Our own body sender (FileBodyRequest: UploadPart and PutObject bodies on a socket of their own)
// through a private tinyproxy (issue 14, "Proxies"): the socket tunnels with CONNECT to
// `bge-sandbox --tls --advertise-host <this machine's name>` and gets the storage's own answer;
// a proxy that asks for credentials (407) ends the request with a sentence naming the proxy (never
// the password), not worth another attempt; a proxy that cannot be reached, or cannot reach the
// server (tinyproxy's 500 for a closed port), is a retryable failure with a sentence of its own.
#include "common/sandboxprocess.h"
#include "common/testfiles.h"
#include "proxy/tinyproxyprocess.h"

#include "net/cabundle.h"
#include "transfer/connectionpool.h"
#include "transfer/filebodyrequest.h"
#include "transfer/filewindowdevice.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

class TestProxySocket final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;
    QString m_host;
    SandboxProcess m_sandbox;
    TinyproxyProcess m_proxy;
    TinyproxyProcess m_authProxy;

    QUrl objectUrl() const
    {
        QUrl url(m_sandbox.ossEndpoint());
        url.setPath(u"/bge-open-sandbox/proxy-probe.bin"_s);
        return url;
    }

    // A PUT of the test file (1 MiB) to the sandbox's storage, unsigned, through `proxy`, run to
    // its end.
    // `route`: the one the request is told to take (FileBodyRequest::setRoute), if any.
    std::unique_ptr<FileBodyRequest> put(const QNetworkProxy& proxy, const QUrl& url = {},
                                         std::optional<std::optional<QNetworkProxy>> route = {})
    {
        QNetworkProxy::setApplicationProxy(proxy);
        auto* body = new FileWindowDevice(m_file, 0, kMiB);
        if (!body->openWindow())
            return nullptr;
        QNetworkRequest r(url.isEmpty() ? objectUrl() : url);
        r.setRawHeader("Content-Type", "application/octet-stream");
        r.setRawHeader("Content-Length", QByteArray::number(kMiB));
        r.setTransferTimeout(60000);
        auto request = std::make_unique<FileBodyRequest>(nullptr, r, "PUT", body);
        if (route)
            request->setRoute(*route);
        QSignalSpy finished(request.get(), &FileBodyRequest::finished);
        request->start();
        if (!finished.wait(90000))
            return nullptr;
        return request;
    }

    static QNetworkProxy httpProxy(quint16 port, const QString& user = {}, const QString& password = {})
    {
        return QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, port, user, password);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QByteArray why = TinyproxyProcess::unavailable(&m_host); !why.isEmpty())
            QSKIP(why.constData());
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(u"body.bin"_s);
        QVERIFY(writeFile(m_file, randomBytes(kMiB, 21)));
        QVERIFY2(m_sandbox.start({u"--tls"_s, u"--advertise-host"_s, m_host}),
                 qPrintable(m_sandbox.errorOutput()));
        const Result<bool> trusted =
            net::CaBundle::loadAndTrust(m_sandbox.description().value(u"ca_file"_s).toString());
        QVERIFY2(trusted.ok(), qPrintable(trusted.error().fullText()));
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorOutput()));
        QVERIFY2(m_authProxy.start(u"uploader"_s, u"right-pass"_s), qPrintable(m_authProxy.errorOutput()));
    }

    void cleanup() { QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy); }

    // The storage's own answer (an unsigned PUT is refused with 403 and its XML), through a
    // tunnel the proxy logged: the socket spoke HTTP to the storage through it.
    void socketTunnelsThroughTheProxy()
    {
        QVERIFY(FileBodyRequest::canSendDirectly(objectUrl(), nullptr));
        m_proxy.clearLog();
        const auto request = put(httpProxy(m_proxy.port()));
        QVERIFY(request);
        QVERIFY2(!request->error(), qPrintable(request->error().fullText()));
        QCOMPARE(request->response().status(), 403);
        const QString target = m_host + u':' + QString::number(objectUrl().port());
        QVERIFY2(m_proxy.connectTargets().contains(target), qPrintable(m_proxy.log()));
    }

    // The socket goes where the manager the caller decided with would go, not where the
    // application's proxy points: a manager set to go direct under an application proxy sends
    // nothing through the proxy, and one set to a proxy tunnels through it while the
    // application goes direct.
    void socketFollowsTheManagersRoute()
    {
        QNetworkAccessManager direct;
        direct.setProxy(QNetworkProxy::NoProxy);
        QNetworkProxy::setApplicationProxy(httpProxy(m_proxy.port()));
        const std::optional<QNetworkProxy> none = FileBodyRequest::routeFor(objectUrl(), &direct);
        QVERIFY(none);
        QCOMPARE(none->type(), QNetworkProxy::NoProxy);
        m_proxy.clearLog();
        auto request = put(httpProxy(m_proxy.port()), {}, none);
        QVERIFY(request);
        QVERIFY2(!request->error(), qPrintable(request->error().fullText()));
        QCOMPARE(request->response().status(), 403);
        QCOMPARE(m_proxy.requestCount(), 0);

        QNetworkAccessManager proxied;
        proxied.setProxy(httpProxy(m_proxy.port()));
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        const std::optional<QNetworkProxy> through = FileBodyRequest::routeFor(objectUrl(), &proxied);
        QVERIFY(through);
        QCOMPARE(through->type(), QNetworkProxy::HttpProxy);
        request = put(QNetworkProxy::NoProxy, {}, through);
        QVERIFY(request);
        QVERIFY2(!request->error(), qPrintable(request->error().fullText()));
        QCOMPARE(request->response().status(), 403);
        const QString target = m_host + u':' + QString::number(objectUrl().port());
        QVERIFY2(m_proxy.connectTargets().contains(target), qPrintable(m_proxy.log()));
    }

    // The right credentials pass (the same answer from the storage).
    void credentialsInTheProxyPass()
    {
        m_authProxy.clearLog();
        const auto request = put(httpProxy(m_authProxy.port(), u"uploader"_s, u"right-pass"_s));
        QVERIFY(request);
        QVERIFY2(!request->error(), qPrintable(request->error().fullText()));
        QCOMPARE(request->response().status(), 403);
    }

    void proxyRefusals_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("closedPort");
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("no credentials (407)")
            << QString() << QString() << false << u"asks for a user name and password (407)"_s << false;
        // tinyproxy answers wrong credentials with 401 (a real 407 gives the sentence above), which
        // Qt cannot tell from a proxy that could not reach the server (500, 502, 504).
        QTest::newRow("wrong credentials (401)")
            << u"uploader"_s << u"wrong-pass"_s << false << u"could not connect to the server"_s << true;
        QTest::newRow("nobody listening") << QString() << QString() << true << u"cannot be reached"_s << true;
    }
    void proxyRefusals()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(bool, closedPort);
        QFETCH(QString, sentence);
        QFETCH(bool, retryable);
        const quint16 port = closedPort ? TinyproxyProcess::freePort() : m_authProxy.port();
        const auto request = put(httpProxy(port, user, password));
        QVERIFY(request);
        const ApiError& error = request->error();
        QVERIFY(error);
        const QString message = error.message();
        QVERIFY2(message.contains(u"proxy at 127.0.0.1:%1"_s.arg(port)), qPrintable(message));
        QVERIFY2(message.contains(sentence), qPrintable(message));
        QVERIFY2(message.contains(u"https_proxy"_s), qPrintable(message));
        QVERIFY(!error.fullText().contains(u"wrong-pass"_s));
        // Only the proxy's own refusal comes back the same way; the rest may pass a moment later.
        QCOMPARE(error.isRetryable(), retryable);
    }

    // The server is down (nothing listens on its port): tinyproxy answers the CONNECT with 500.
    // That is an outage to wait out, told as such: no word of credentials.
    void serverDownBehindTheProxy()
    {
        QUrl url = objectUrl();
        url.setPort(TinyproxyProcess::freePort());
        m_proxy.clearLog();
        const auto request = put(httpProxy(m_proxy.port()), url);
        QVERIFY(request);
        const ApiError& error = request->error();
        QVERIFY(error);
        QCOMPARE(m_proxy.connectTargets().count(m_host + u':' + QString::number(url.port())), 1);
        const QString message = error.message();
        QVERIFY2(message.contains(u"proxy at 127.0.0.1:%1 could not connect to the server"_s.arg(m_proxy.port())),
                 qPrintable(message));
        QVERIFY2(!message.contains(u"user name"_s) && !message.contains(u"password"_s), qPrintable(message));
        QVERIFY(error.isRetryable());
    }
};

QTEST_GUILESS_MAIN(TestProxySocket)
#include "tst_proxy_socket.moc"
