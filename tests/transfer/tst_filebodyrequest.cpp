// FileBodyRequest against scripted servers on loopback: what goes on the wire, kept-alive
// connections (and one the server closed meanwhile), answers before the end of the body,
// stalls, truncated and foreign answers, refused connections, TLS with and without a trusted
// certificate, abort, and which proxies the socket tunnels through (the others go through Qt).
// The uploads through it against the real sandbox are tst_upload's.
#include "oss/crc64.h"
#include "transfer/connectionpool.h"
#include "transfer/filebodyrequest.h"
#include "transfer/filewindowdevice.h"
#include "transfer/ossrequest.h"

#include "common/testfiles.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace bge;
using namespace Qt::StringLiterals;

namespace {

struct ReceivedRequest
{
    QByteArray head; // request line and headers
    QByteArray body;
    int connection = 0; // which accepted connection carried it, from 1
};

// Accepts connections, reads requests (head + Content-Length body) and lets the test answer.
// `onHead` may answer before the body arrives (an early refusal); `onRequest` gets each whole
// request.
class ScriptedServer final : public QObject
{
public:
    explicit ScriptedServer(QTcpServer* server = nullptr) : m_server(server ? server : new QTcpServer(this))
    {
        m_server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &ScriptedServer::accept);
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
    }

    quint16 port() const { return m_server->serverPort(); }
    QUrl url(const QString& scheme = u"http"_s) const
    {
        return QUrl(u"%1://127.0.0.1:%2/bucket/dir/object%20name?partNumber=3&uploadId=u-1"_s.arg(scheme).arg(port()));
    }

    std::function<bool(QTcpSocket*, const QByteArray& head)> onHead; // true: answered, ignore the body
    std::function<void(QTcpSocket*, const ReceivedRequest&)> onRequest = [](QTcpSocket* s, const ReceivedRequest&) {
        s->write("HTTP/1.1 200 OK\r\nETag: \"E1\"\r\nContent-Length: 0\r\n\r\n");
    };
    QList<ReceivedRequest> requests;
    int connections = 0;
    int closedConnections = 0;

private:
    struct Connection
    {
        QByteArray buffer;
        qint64 bodyLeft = -1; // -1: reading a head
        bool ignoring = false;
        ReceivedRequest current;
    };

    void accept()
    {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            auto state = std::make_shared<Connection>();
            state->current.connection = ++connections;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, state] { read(socket, *state); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                ++closedConnections;
                socket->deleteLater();
            });
            read(socket, *state);
        }
    }

    void read(QTcpSocket* socket, Connection& c)
    {
        c.buffer += socket->readAll();
        for (;;) {
            if (c.bodyLeft < 0) {
                const qsizetype end = c.buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                c.current.head = c.buffer.left(end + 4);
                c.current.body.clear();
                c.buffer.remove(0, end + 4);
                c.bodyLeft = 0;
                for (const QByteArray& line : c.current.head.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        c.bodyLeft = line.mid(15).trimmed().toLongLong();
                }
                c.ignoring = onHead && onHead(socket, c.current.head);
            }
            const qsizetype n = qsizetype(qMin<qint64>(c.bodyLeft, c.buffer.size()));
            if (!c.ignoring)
                c.current.body += c.buffer.left(n);
            c.buffer.remove(0, n);
            c.bodyLeft -= n;
            if (c.bodyLeft > 0)
                return;
            c.bodyLeft = -1;
            if (!c.ignoring) {
                requests.append(c.current);
                onRequest(socket, c.current);
            }
        }
    }

    QTcpServer* m_server;
};

// A plain TCP relay in front of a server that can stop reading from its clients: what it has
// not read stays in the kernel's buffers, and the client has to wait (a server too busy to
// read, a slow network). Plain sockets, because a limited read buffer is reliable there.
class PausableRelay final : public QObject
{
public:
    explicit PausableRelay(quint16 targetPort) : m_target(targetPort)
    {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* in = m_server.nextPendingConnection()) {
                auto* out = new QTcpSocket(this);
                m_pairs.append(qMakePair(in, out));
                connect(in, &QTcpSocket::readyRead, this, [this, in, out] { forward(in, out, true); });
                connect(out, &QTcpSocket::readyRead, this, [this, in, out] { forward(out, in, false); });
                connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
                connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
                in->setReadBufferSize(m_paused ? kPausedBuffer : 0);
                out->connectToHost(QHostAddress::LocalHost, m_target);
            }
        });
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
    }

    quint16 port() const { return m_server.serverPort(); }
    void pause()
    {
        m_paused = true;
        for (const auto& [in, out] : std::as_const(m_pairs))
            in->setReadBufferSize(kPausedBuffer);
    }
    void resume()
    {
        m_paused = false;
        for (const auto& [in, out] : std::as_const(m_pairs)) {
            in->setReadBufferSize(0);
            forward(in, out, true);
        }
    }

private:
    void forward(QTcpSocket* from, QTcpSocket* to, bool fromClient)
    {
        if (fromClient && m_paused)
            return;
        to->write(from->readAll());
    }

    static constexpr qint64 kPausedBuffer = 16 * 1024;
    quint16 m_target;
    QTcpServer m_server;
    bool m_paused = false;
    QList<QPair<QTcpSocket*, QTcpSocket*>> m_pairs;
};

QByteArray headerOf(const QByteArray& head, const QByteArray& name)
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TestFileBodyRequest final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;
    QByteArray m_bytes;

    // A request for the window [offset, offset + length) of the test file.
    FileBodyRequest* request(ConnectionPool* pool, const QUrl& url, qint64 offset, qint64 length, int stallMs = 20000)
    {
        auto* body = new FileWindowDevice(m_file, offset, length);
        if (!body->openWindow())
            qFatal("cannot open the test file window");
        QNetworkRequest r(url);
        r.setRawHeader("Authorization", "OSS4-HMAC-SHA256 Credential=test");
        r.setRawHeader("Content-Type", "application/octet-stream");
        r.setRawHeader("Content-Length", QByteArray::number(length));
        r.setTransferTimeout(stallMs);
        return new FileBodyRequest(pool, r, "PUT", body, this);
    }

    static QSslCertificate testCertificate()
    {
        QFile file(QFINDTESTDATA("data/test-server.crt"));
        return file.open(QIODevice::ReadOnly) ? QSslCertificate(&file, QSsl::Pem) : QSslCertificate();
    }

    // A TLS server with the self-signed test certificate (data/), or nullptr.
    static QSslServer* tlsServer()
    {
        QFile keyFile(QFINDTESTDATA("data/test-server.key"));
        const QSslCertificate certificate = testCertificate();
        const QSslKey key = keyFile.open(QIODevice::ReadOnly) ? QSslKey(&keyFile, QSsl::Ec, QSsl::Pem) : QSslKey();
        if (certificate.isNull() || key.isNull())
            return nullptr;
        auto* tls = new QSslServer;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(key);
        tls->setSslConfiguration(config);
        return tls;
    }

    // Trusts the test certificate as if it were installed in the system; gives what to restore.
    static QSslConfiguration trustTestCertificate()
    {
        const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = saved;
        trusting.addCaCertificate(testCertificate());
        QSslConfiguration::setDefaultConfiguration(trusting);
        return saved;
    }

    static bool runToEnd(FileBodyRequest* r)
    {
        QSignalSpy finished(r, &FileBodyRequest::finished);
        r->start();
        return finished.wait(30000) && finished.size() == 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(u"reads.fastq"_s);
        m_bytes = test::randomBytes(5 * 1024 * 1024 + 123, 7);
        QVERIFY(test::writeFile(m_file, m_bytes));
    }

    void sendsTheHeadAndTheWindow()
    {
        ScriptedServer server;
        server.onRequest = [](QTcpSocket* s, const ReceivedRequest&) {
            s->write("HTTP/1.1 200 OK\r\nETag: \"5EB6\"\r\nx-oss-hash-crc64ecma: 123\r\nContent-Length: 0\r\n\r\n");
        };
        ConnectionPool pool;
        const qint64 offset = 1000, length = 2 * 1024 * 1024 + 17;
        FileBodyRequest* r = request(&pool, server.url(), offset, length);
        QSignalSpy progress(r, &FileBodyRequest::uploadProgress);
        QVERIFY(runToEnd(r));
        QVERIFY2(!r->error(), qPrintable(r->error().detail()));

        QCOMPARE(server.requests.size(), 1);
        const ReceivedRequest& got = server.requests.first();
        QVERIFY(got.head.startsWith("PUT /bucket/dir/object%20name?partNumber=3&uploadId=u-1 HTTP/1.1\r\n"));
        QCOMPARE(headerOf(got.head, "Host"), u"127.0.0.1:%1"_s.arg(server.port()).toLatin1());
        QCOMPARE(headerOf(got.head, "Content-Length"), QByteArray::number(length));
        QCOMPARE(headerOf(got.head, "Authorization"), "OSS4-HMAC-SHA256 Credential=test"_ba);
        QCOMPARE(got.head.count("Content-Length"), 1);
        QVERIFY(got.body == m_bytes.mid(offset, length));

        const OssReply reply = OssReply::read(r->response(), r->error());
        QVERIFY(!reply.error);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.etag, "\"5EB6\""_ba);
        QCOMPARE(reply.crc64, "123"_ba);
        QVERIFY(r->body()->crcComplete());
        oss::Crc64 crc;
        crc.update(m_bytes.constData() + offset, length);
        QCOMPARE(r->body()->crc64(), crc.value());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), length);
        QCOMPARE(progress.last().at(1).toLongLong(), length);
        QCOMPARE(pool.idleCount(), 1); // kept for the next part
    }

    void keepsTheConnectionForTheNextRequest()
    {
        ScriptedServer server;
        ConnectionPool pool;
        for (int i = 0; i < 3; ++i) {
            FileBodyRequest* r = request(&pool, server.url(), i * 1000, 300 * 1024);
            QVERIFY(runToEnd(r));
            QVERIFY(!r->error());
            QCOMPARE(r->reusedConnection(), i > 0);
        }
        QCOMPARE(server.requests.size(), 3);
        QCOMPARE(server.connections, 1);
        QVERIFY(server.requests[2].body == m_bytes.mid(2000, 300 * 1024));
    }

    void replacesAConnectionTheServerClosed()
    {
        // The server answers and closes without saying so (an idle time-out on its side): the
        // next request finds the kept connection dead and goes again on a fresh one.
        ScriptedServer server;
        server.onRequest = [](QTcpSocket* s, const ReceivedRequest&) {
            s->write("HTTP/1.1 200 OK\r\nETag: \"E\"\r\nContent-Length: 0\r\n\r\n");
            s->disconnectFromHost();
        };
        ConnectionPool pool;
        FileBodyRequest* first = request(&pool, server.url(), 0, 200 * 1024);
        FileBodyRequest* second = request(&pool, server.url(), 4096, 1024 * 1024);
        QSignalSpy secondDone(second, &FileBodyRequest::finished);
        // Started from the first one's finished(): the closed connection is still in the pool.
        connect(first, &FileBodyRequest::finished, second, &FileBodyRequest::start);
        first->start();
        QVERIFY(secondDone.wait(30000));
        QVERIFY2(!second->error(), qPrintable(second->error().detail()));
        QCOMPARE(second->response().status(), 200);
        QVERIFY(second->replacedClosedConnection()); // it did take the dead one first
        QCOMPARE(server.connections, 2);
        QCOMPARE(server.requests.size(), 2);
        QVERIFY(server.requests[1].body == m_bytes.mid(4096, 1024 * 1024));
        QVERIFY(second->body()->crcComplete()); // counted once, from the first byte again
        oss::Crc64 crc;
        crc.update(m_bytes.constData() + 4096, 1024 * 1024);
        QCOMPARE(second->body()->crc64(), crc.value());
    }

    void anAnswerBeforeTheEndOfTheBodyEndsTheRequest()
    {
        ScriptedServer server;
        server.onHead = [](QTcpSocket* s, const QByteArray&) {
            s->write("HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: 95\r\n\r\n"
                     "<Error><Code>SecurityTokenExpired</Code><Message>expired</Message><RequestId>r</RequestId>"
                     "</Error>");
            return true;
        };
        ConnectionPool pool;
        FileBodyRequest* r = request(&pool, server.url(), 0, m_bytes.size());
        QVERIFY(runToEnd(r));
        QVERIFY(!r->error());
        const OssReply reply = OssReply::read(r->response(), r->error());
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.code, u"SecurityTokenExpired"_s);
        QVERIFY(isCredentialExpiry(reply.code));
        QCOMPARE(pool.idleCount(), 0); // the connection is mid-request: never reused
    }

    void aSilentServerTimesOut()
    {
        ScriptedServer server;
        server.onRequest = [](QTcpSocket*, const ReceivedRequest&) {}; // reads everything, answers nothing
        ConnectionPool pool;
        FileBodyRequest* r = request(&pool, server.url(), 0, 64 * 1024, 300);
        QVERIFY(runToEnd(r));
        QCOMPARE(r->error().kind(), ApiError::Kind::Timeout);
        QVERIFY(r->error().isRetryable());
    }

    void brokenAnswers_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("kind");
        QTest::newRow("truncated") << "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc"_ba
                                   << int(ApiError::Kind::Transport);
        QTest::newRow("nothing") << QByteArray() << int(ApiError::Kind::Transport);
        // Not HTTP at all (something else listening): a transport error, retried like Qt's.
        QTest::newRow("HTML") << "<html><body>Welcome to nginx</body></html>\r\n\r\n"_ba
                              << int(ApiError::Kind::Transport);
    }

    void brokenAnswers()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, kind);
        ScriptedServer server;
        server.onRequest = [answer](QTcpSocket* s, const ReceivedRequest&) {
            s->write(answer);
            s->disconnectFromHost();
        };
        ConnectionPool pool;
        FileBodyRequest* r = request(&pool, server.url(), 0, 10000);
        QVERIFY(runToEnd(r));
        QCOMPARE(int(r->error().kind()), kind);
        QVERIFY(!r->error().detail().isEmpty());
        QCOMPARE(pool.idleCount(), 0);
    }

    void aRefusedConnectionIsATransportError()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ConnectionPool pool;
        FileBodyRequest* r = request(&pool, QUrl(u"http://127.0.0.1:%1/b/k"_s.arg(port)), 0, 100);
        QVERIFY(runToEnd(r));
        QCOMPARE(r->error().kind(), ApiError::Kind::Transport);
        QVERIFY(r->error().isRetryable());
    }

    void abortIsSilent()
    {
        ScriptedServer server;
        server.onHead = [](QTcpSocket*, const QByteArray&) { return true; }; // takes the body, never answers
        ConnectionPool pool;
        FileBodyRequest* r = request(&pool, server.url(), 0, m_bytes.size());
        QSignalSpy finished(r, &FileBodyRequest::finished);
        r->start();
        QTRY_COMPARE(server.connections, 1);
        r->abort();
        QTRY_COMPARE(server.closedConnections, 1);
        QTest::qWait(50);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(pool.idleCount(), 0);
    }

    void verifiesTheServersCertificate()
    {
        auto* tls = tlsServer();
        QVERIFY(tls);
        ScriptedServer server(tls);
        ConnectionPool pool;

        // Not trusted: refused, with the reason, and nothing sent.
        FileBodyRequest* refused = request(&pool, server.url(u"https"_s), 0, 1000);
        QVERIFY(runToEnd(refused));
        QCOMPARE(refused->error().kind(), ApiError::Kind::Transport);
        QVERIFY2(refused->error().detail().contains(u"certificate"_s, Qt::CaseInsensitive),
                 qPrintable(refused->error().detail()));
        QCOMPARE(server.requests.size(), 0);

        // Trusted (as if installed in the system's store): the body goes through TLS.
        const QSslConfiguration saved = trustTestCertificate();
        FileBodyRequest* trusted = request(&pool, server.url(u"https"_s), 512, 1024 * 1024);
        const bool ended = runToEnd(trusted);
        QSslConfiguration::setDefaultConfiguration(saved);
        QVERIFY(ended);
        QVERIFY2(!trusted->error(), qPrintable(trusted->error().detail()));
        QCOMPARE(server.requests.size(), 1);
        QVERIFY(server.requests.first().body == m_bytes.mid(512, 1024 * 1024));
    }

    void aSlowReaderHoldsTheBodyBackOverTls()
    {
        // With TLS, Qt reports plaintext as written once it is encrypted: unless the request
        // also counts the ciphertext still queued, it would encrypt the whole body into memory
        // (and report it sent) while the server reads nothing.
        const QString big = m_dir.filePath(u"big.bam"_s);
        const qint64 size = 48 * 1024 * 1024;
        QVERIFY(test::writeFile(big, test::randomBytes(size, 8)));
        auto* tls = tlsServer();
        QVERIFY(tls);
        ScriptedServer server(tls);
        PausableRelay relay(server.port());
        // Past the TLS handshake, once the head has arrived, the server stops reading.
        server.onHead = [&relay](QTcpSocket*, const QByteArray&) {
            relay.pause();
            return false;
        };
        const QSslConfiguration saved = trustTestCertificate();
        const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(saved); });

        auto* body = new FileWindowDevice(big, 0, size);
        QVERIFY(body->openWindow());
        QUrl url = server.url(u"https"_s);
        url.setPort(relay.port());
        QNetworkRequest r(url);
        r.setTransferTimeout(60000);
        ConnectionPool pool;
        auto* request = new FileBodyRequest(&pool, r, "PUT", body, this);
        qint64 reported = 0;
        connect(request, &FileBodyRequest::uploadProgress, this, [&reported](qint64 sent, qint64) { reported = sent; });
        QSignalSpy finished(request, &FileBodyRequest::finished);
        request->start();
        QTRY_COMPARE(server.connections, 1);
        QTest::qWait(1500); // long enough to encrypt 48 MiB many times over, and to send a few
        QVERIFY2(reported < size / 2, qPrintable(u"reported %1 of %2 bytes sent to a server that reads nothing"_s
                                                      .arg(reported).arg(size)));
        QVERIFY(finished.isEmpty());
        relay.resume();
        QVERIFY(finished.wait(60000));
        QVERIFY2(!request->error(), qPrintable(request->error().detail()));
        QCOMPARE(reported, size);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().body.size(), size);
    }

    void keepsATlsConnectionForTheNextRequest()
    {
        // A kept TLS connection: the second body (larger than what the request queues at once)
        // must flow as on a fresh connection.
        auto* tls = tlsServer();
        QVERIFY(tls);
        ScriptedServer server(tls);
        const QSslConfiguration saved = trustTestCertificate();
        const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(saved); });
        ConnectionPool pool;
        for (int i = 0; i < 2; ++i) {
            FileBodyRequest* r = request(&pool, server.url(u"https"_s), i * 100, 4 * 1024 * 1024);
            QVERIFY(runToEnd(r));
            QVERIFY2(!r->error(), qPrintable(r->error().detail()));
            QCOMPARE(r->reusedConnection(), i > 0);
        }
        QCOMPARE(server.connections, 1);
        QCOMPARE(server.requests.size(), 2);
        QVERIFY(server.requests[1].body == m_bytes.mid(100, 4 * 1024 * 1024));
    }

    // HTTP (CONNECT) and SOCKS5 proxies are tunnelled through by the socket itself (issue 14,
    // tests/proxy: through a real tinyproxy); only a caching-only proxy is left to Qt.
    void proxiedRequestsTunnelOrGoThroughQt()
    {
        const QUrl url(u"https://bucket.oss-cn-shenzhen.aliyuncs.com/k"_s);
        QNetworkAccessManager network;
        QVERIFY(FileBodyRequest::canSendDirectly(url, &network));
        QVERIFY(FileBodyRequest::canSendDirectly(QUrl(u"http://127.0.0.1:9/b/k"_s), nullptr));
        QVERIFY(!FileBodyRequest::canSendDirectly(QUrl(u"ftp://127.0.0.1/b/k"_s), &network));

        network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"proxy.example"_s, 3128));
        QVERIFY(FileBodyRequest::canSendDirectly(url, &network));
        network.setProxy(QNetworkProxy(QNetworkProxy::HttpCachingProxy, u"proxy.example"_s, 3128));
        QVERIFY(!FileBodyRequest::canSendDirectly(url, &network));
        network.setProxy(QNetworkProxy::NoProxy);
        QVERIFY(FileBodyRequest::canSendDirectly(url, &network));

        QNetworkAccessManager followsApplication;
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::Socks5Proxy, u"socks.example"_s, 1080));
        const bool socks = FileBodyRequest::canSendDirectly(url, &followsApplication);
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpCachingProxy, u"cache.example"_s, 3128));
        const bool caching = FileBodyRequest::canSendDirectly(url, &followsApplication);
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QVERIFY(socks);
        QVERIFY(!caching);
        QVERIFY(FileBodyRequest::canSendDirectly(url, &followsApplication));
    }
};

QTEST_GUILESS_MAIN(TestFileBodyRequest)
#include "tst_filebodyrequest.moc"
