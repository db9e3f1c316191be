// Finding 5 of issue 14: an http:// object-storage endpoint or signed download URL handed out by
// the platform is refused unless it is on this computer, before a single byte goes to it. A
// scripted platform hands out addresses on this machine's own non-loopback address, where a
// listener counts connections: none may arrive.
#include "robustness/joboutcome.h"
#include "robustness/misbehavingserver.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "net/transportpolicy.h"
#include "transfer/downloadjob.h"
#include "transfer/uploadcredentials.h"
#include "transfer/uploadjob.h"

#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray envelope(const QByteArray& data)
{
    return R"({"code": 0, "msg": "success", "data": )" + data + '}';
}

// An IPv4 address of this machine that is not loopback: a URL with it is "off this computer"
// for the policy, and yet a connection to it would land on our own listener.
QHostAddress nonLoopbackAddress()
{
    for (const QHostAddress& a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal())
            return a;
    }
    return {};
}

} // namespace

class TestClearTextRefusal final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MisbehavingServer> m_platform;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiConnection> m_connection;
    FixedTokenProvider m_tokens;
    QTcpServer m_elsewhere; // stands for object storage on another machine
    int m_connectionsElsewhere = 0;
    QHostAddress m_address;
    QTemporaryDir m_dir;

    QString elsewhereUrl(const QString& path = {}) const
    {
        return u"http://%1:%2%3"_s.arg(m_address.toString()).arg(m_elsewhere.serverPort()).arg(path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_address = nonLoopbackAddress();
        if (m_address.isNull())
            QSKIP("this machine has no non-loopback IPv4 address to stand for another computer");
        QVERIFY(m_elsewhere.listen(QHostAddress::AnyIPv4));
        connect(&m_elsewhere, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_elsewhere.nextPendingConnection()) {
                ++m_connectionsElsewhere;
                s->abort();
                s->deleteLater();
            }
        });
        // The listener really is reachable there: the refusals below are the policy's doing.
        QTcpSocket probe;
        probe.connectToHost(m_address, m_elsewhere.serverPort());
        QVERIFY(probe.waitForConnected(10000));
        probe.abort();
        QTRY_COMPARE(m_connectionsElsewhere, 1);
        m_connectionsElsewhere = 0;
    }

    void init()
    {
        m_platform = std::make_unique<MisbehavingServer>();
        QVERIFY(m_platform->listen());
        m_connection = std::make_unique<ApiConnection>(m_platform->baseUrl(), &m_network);
        m_connection->setTokenProvider(&m_tokens);
        m_platform->script("/oauth2/introspect", MisbehavingServer::Reply::json(envelope(
                                                      R"({"active": true, "client_id": "bge-pipeline-demo"})")));
    }

    void policy()
    {
        QVERIFY(net::isSecureOrLocal(QUrl(u"https://oss-cn-shenzhen.aliyuncs.com"_s)));
        QVERIFY(net::isSecureOrLocal(QUrl(u"http://127.0.0.1:9000"_s)));
        QVERIFY(net::isSecureOrLocal(QUrl(u"http://127.8.9.10"_s)));
        QVERIFY(net::isSecureOrLocal(QUrl(u"http://[::1]:9000"_s)));
        QVERIFY(net::isSecureOrLocal(QUrl(u"http://LOCALHOST:9000"_s)));
        QVERIFY(!net::isSecureOrLocal(QUrl(u"http://oss-cn-shenzhen.aliyuncs.com"_s)));
        QVERIFY(!net::isSecureOrLocal(QUrl(u"http://10.0.0.1"_s)));
        QVERIFY(!net::isSecureOrLocal(QUrl(u"http://127.0.0.1.example.org"_s)));
        QVERIFY(!net::isSecureOrLocal(QUrl(u"ftp://127.0.0.1"_s)));
        QVERIFY(!net::isSecureOrLocal(QUrl(u"oss-cn-shenzhen.aliyuncs.com"_s))); // no scheme: not https
        QVERIFY(net::clearTextRefusal(QUrl(u"https://x.example"_s), u"it"_s).isEmpty());
        const QString refusal = net::clearTextRefusal(QUrl(u"http://x.example"_s), u"the endpoint"_s);
        QVERIFY2(refusal.contains(u"x.example"_s) && refusal.contains(u"unencrypted"_s), qPrintable(refusal));
    }

    // Upload credentials naming plain http:// object storage elsewhere: the upload fails with
    // the policy's sentence, and nothing (no credentials, no byte) went there.
    void uploadToClearTextEndpointRefused()
    {
        m_platform->script("/sts/token",
                           MisbehavingServer::Reply::json(envelope(
                               R"({"endpoint": ")" + elsewhereUrl().toUtf8() +
                               R"(", "destination": "u/1", "bucket": "b", "region_id": "oss-cn-shenzhen",
                                   "credentials": {"access_key_id": "STS.id", "access_key_secret": "STS_SECRET",
                                   "security_token": "sts-token", "expiration": "2099-01-01T00:00:00Z"}})")));
        const QString file = m_dir.filePath(u"small.bin"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(QByteArray(4096, 'x')) == 4096);
        f.close();
        PlatformApi api(m_connection.get());
        PlatformUploadCredentials credentials(&api, &m_tokens);
        UploadOptions options;
        options.filePath = file;
        options.journalDirectory = m_dir.filePath(u"journals"_s);
        auto* job = new UploadJob(&m_network, &credentials, options);
        const JobOutcome outcome = awaitJob<UploadResult>(job);
        QVERIFY(outcome.done);
        QCOMPARE(outcome.handlerCalls, 1);
        QVERIFY(outcome.error.isError());
        QVERIFY2(outcome.error.message().contains(u"unencrypted"_s) &&
                     outcome.error.message().contains(m_address.toString()),
                 qPrintable(outcome.error.fullText()));
        QVERIFY(!outcome.error.isRetryable());
        QVERIFY(!outcome.error.fullText().contains(u"STS_SECRET"_s));
        QTest::qWait(200); // a connection attempt in flight would land meanwhile
        QCOMPARE(m_connectionsElsewhere, 0);
    }

    // A signed download URL in plain http:// elsewhere: refused, nothing fetched, no file made.
    void downloadFromClearTextUrlRefused()
    {
        m_platform->script("/oss/sign_url",
                           MisbehavingServer::Reply::json(envelope(
                               R"({"url": ")" + elsewhereUrl(u"/b/u/1/result.vcf?Signature=SIGNED"_s).toUtf8() +
                               R"(", "expires": 4102444800})")));
        PlatformApi api(m_connection.get());
        const QString destination = m_dir.filePath(u"result.vcf"_s);
        auto* job = new DownloadJob(&api, u"u/1/result.vcf"_s, destination, DownloadOptions{});
        const JobOutcome outcome = awaitJob<DownloadResult>(job);
        QVERIFY(outcome.done);
        QCOMPARE(outcome.handlerCalls, 1);
        QVERIFY2(outcome.error.message().contains(u"unencrypted"_s), qPrintable(outcome.error.fullText()));
        QVERIFY(!outcome.error.fullText().contains(u"SIGNED"_s));
        QCOMPARE(m_platform->requestCount("/oss/sign_url"), 1); // asked once, not retried
        QTest::qWait(200);
        QCOMPARE(m_connectionsElsewhere, 0);
        QVERIFY(!QFile::exists(destination));
    }

    // The same addresses on this computer are used (the sandbox's case): the policy is not a ban.
    void loopbackEndpointStillUsed()
    {
        MisbehavingServer storage;
        QVERIFY(storage.listen());
        storage.script("/b/u/1/result.vcf", MisbehavingServer::Reply::http(200, "text/plain", "hello"));
        m_platform->script("/oss/sign_url",
                           MisbehavingServer::Reply::json(envelope(
                               R"({"url": ")" + storage.baseUrl().toString().toUtf8() +
                               R"(/b/u/1/result.vcf?Signature=x", "expires": 4102444800})")));
        PlatformApi api(m_connection.get());
        const QString destination = m_dir.filePath(u"local.vcf"_s);
        auto* job = new DownloadJob(&api, u"u/1/result.vcf"_s, destination, DownloadOptions{});
        const JobOutcome outcome = awaitJob<DownloadResult>(job);
        QVERIFY(outcome.done);
        QVERIFY2(!outcome.error.message().contains(u"unencrypted"_s), qPrintable(outcome.error.fullText()));
        QCOMPARE(storage.requestCount("/b/u/1/result.vcf"), 1);
    }
};

QTEST_GUILESS_MAIN(TestClearTextRefusal)
#include "tst_cleartextrefusal.moc"
