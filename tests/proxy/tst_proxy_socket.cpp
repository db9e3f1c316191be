// Our own body sender (FileBodyRequest: UploadPart and PutObject bodies on a socket of their own)
// through a private tinyproxy (issue 14, "Proxies"): the socket tunnels with CONNECT to
// `bge-sandbox --tls --advertise-host <this machine's name>` and gets the storage's own answer;
// a proxy that asks for credentials, refuses them or cannot be reached ends the request with a
// sentence naming the proxy (never the password), at once, not as a retryable failure.
#include "common/sandboxprocess.h"
#include "common/testfiles.h"
#include "proxy/tinyproxyprocess.h"

#include "net/cabundle.h"
#include "transfer/connectionpool.h"
#include "transfer/filebodyrequest.h"
#include "transfer/filewindowdevice.h"

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
    std::unique_ptr<FileBodyRequest> put(const QNetworkProxy& proxy)
    {
        QNetworkProxy::setApplicationProxy(proxy);
        auto* body = new FileWindowDevice(m_file, 0, kMiB);
        if (!body->openWindow())
            return nullptr;
        QNetworkRequest r(objectUrl());
        r.setRawHeader("Content-Type", "application/octet-stream");
        r.setRawHeader("Content-Length", QByteArray::number(kMiB));
        r.setTransferTimeout(60000);
        auto request = std::make_unique<FileBodyRequest>(nullptr, r, "PUT", body);
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
        QTest::newRow("no credentials (407)")
            << QString() << QString() << false << u"asks for a user name and password (407)"_s;
        // tinyproxy answers wrong credentials with 401 (a real 407 gives the sentence above).
        QTest::newRow("wrong credentials")
            << u"uploader"_s << u"wrong-pass"_s << false << u"refused the connection to the server"_s;
        QTest::newRow("nobody listening") << QString() << QString() << true << u"cannot be reached"_s;
    }
    void proxyRefusals()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(bool, closedPort);
        QFETCH(QString, sentence);
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
        // The same proxy answers the same way: not worth another attempt.
        QVERIFY(!error.isRetryable());
    }
};

QTEST_GUILESS_MAIN(TestProxySocket)
#include "tst_proxy_socket.moc"
