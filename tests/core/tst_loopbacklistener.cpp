// The RFC 8252 loopback redirect listener, driven by real HTTP clients over loopback: the
// browser's GET with code and state, an OAuth error, wrong paths and methods, a second
// request after delivery, and clients that send garbage, too much, or nothing at all.
#include "auth/loopbackredirectlistener.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace bge;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 30000; // generous: CI is a slow, shared machine

struct Answer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

Answer request(QNetworkAccessManager& network, const QByteArray& verb, const QUrl& url)
{
    QNetworkRequest r(url);
    r.setTransferTimeout(kWaitMs);
    QNetworkReply* reply = network.sendCustomRequest(r, verb);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(kWaitMs);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    a.body = reply->readAll();
    reply->deleteLater();
    return a;
}

QUrl withQuery(QUrl url, const QString& query)
{
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

AuthorizationResponse responseAt(const QSignalSpy& spy, int index)
{
    return spy.at(index).first().value<AuthorizationResponse>();
}

// What a raw TCP client gets back after writing `bytes` (and possibly holding the line open).
QByteArray rawExchange(const QUrl& redirectUri, const QByteArray& bytes)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, quint16(redirectUri.port()));
    if (!socket.waitForConnected(kWaitMs))
        return "(could not connect)";
    socket.write(bytes);
    QByteArray answer;
    const bool closed = QTest::qWaitFor(
        [&socket, &answer] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        kWaitMs);
    answer += socket.readAll();
    if (!closed)
        answer += "(still open)";
    return answer;
}

} // namespace

class TestLoopbackListener final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void redirectUriIsLoopback()
    {
        LoopbackRedirectListener listener;
        QVERIFY2(listener.listen(), qPrintable(listener.errorString()));
        const QUrl uri = listener.redirectUri();
        QCOMPARE(uri.scheme(), u"http"_s);
        QCOMPARE(uri.host(), u"127.0.0.1"_s);
        QVERIFY(uri.port() > 0);
        QCOMPARE(uri.path(), u"/callback"_s);

        LoopbackRedirectListener other;
        QVERIFY(other.listen(u"oauth/done"_s));
        QCOMPARE(other.redirectUri().path(), u"/oauth/done"_s);
        QVERIFY(other.redirectUri().port() != uri.port()); // each its own port
    }

    void deliversCodeAndState()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        QSignalSpy received(&listener, &LoopbackRedirectListener::responseReceived);
        // Encoded as the sandbox (and the real platform) encode them: '+' and '/' escaped.
        const Answer a = request(
            m_network, "GET", withQuery(listener.redirectUri(), u"code=Zx9-abc_DEF&state=s%20t%2Ba%2Fte"_s));
        QCOMPARE(a.status, 200);
        QVERIFY(a.contentType.startsWith("text/html"));
        QVERIFY(a.body.contains("Signed in."));
        QCOMPARE(received.count(), 1);
        const AuthorizationResponse r = responseAt(received, 0);
        QCOMPARE(r.code, u"Zx9-abc_DEF"_s);
        QCOMPARE(r.state, u"s t+a/te"_s);
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.errorDescription.isEmpty());
    }

    // With the expected state set, answers carrying another state (another program on this
    // computer, a stale tab) neither complete nor abort the sign-in: 404, no signal.
    void foreignStateIsIgnored()
    {
        LoopbackRedirectListener listener;
        listener.setExpectedState(u"right-state"_s);
        QVERIFY(listener.listen());
        QSignalSpy received(&listener, &LoopbackRedirectListener::responseReceived);
        const Answer forged = request(m_network, "GET", withQuery(listener.redirectUri(), u"code=forged&state=wrong"_s));
        QCOMPARE(forged.status, 404);
        QVERIFY(!forged.body.contains("Signed in."));
        const Answer denial =
            request(m_network, "GET", withQuery(listener.redirectUri(), u"error=access_denied&state=wrong"_s));
        QCOMPARE(denial.status, 404);
        QCOMPARE(received.count(), 0);
        const Answer real = request(m_network, "GET", withQuery(listener.redirectUri(), u"code=real&state=right-state"_s));
        QCOMPARE(real.status, 200);
        QVERIFY(real.body.contains("Signed in."));
        QCOMPARE(received.count(), 1);
        QCOMPARE(responseAt(received, 0).code, u"real"_s);
    }

    void reportsAccessDenied()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        listener.setPageTexts(u"All good <3"_s, u"Nope & nope"_s);
        QSignalSpy received(&listener, &LoopbackRedirectListener::responseReceived);
        const Answer a =
            request(m_network, "GET",
                    withQuery(listener.redirectUri(),
                              u"error=access_denied&error_description=The%20user%20said%20no&state=xyz"_s));
        QCOMPARE(a.status, 200);
        QVERIFY(a.body.contains("Nope &amp; nope")); // the failure page, HTML-escaped
        QVERIFY(!a.body.contains("All good"));
        QCOMPARE(received.count(), 1);
        const AuthorizationResponse r = responseAt(received, 0);
        QCOMPARE(r.error, u"access_denied"_s);
        QCOMPARE(r.errorDescription, u"The user said no"_s);
        QCOMPARE(r.state, u"xyz"_s);
        QVERIFY(r.code.isEmpty());
    }

    // RFC 6749 §4.1.2 and Appendix B: the redirect's query is application/x-www-form-urlencoded,
    // so '+' is a space (error_description as servers send it) and a real '+' comes as %2B.
    void redirectQueryIsFormDecoded_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("description");
        QTest::newRow("plus is a space")
            << u"error=access_denied&error_description=The+user+denied+access&state=xyz"_s << QString()
            << u"xyz"_s << u"access_denied"_s << u"The user denied access"_s;
        QTest::newRow("escaped plus and percent")
            << u"error=server_error&error_description=100%25+sure%2Bmore&state=s"_s << QString() << u"s"_s
            << u"server_error"_s << u"100% sure+more"_s;
        QTest::newRow("base64url code and state") << u"code=Ab-_9.~x&state=q_-Z0"_s << u"Ab-_9.~x"_s
                                                  << u"q_-Z0"_s << QString() << QString();
        QTest::newRow("escaped plus in code") << u"code=ab%2Bcd%2F&state=s%2B1"_s << u"ab+cd/"_s << u"s+1"_s
                                              << QString() << QString();
    }
    void redirectQueryIsFormDecoded()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        QFETCH(QString, state);
        QFETCH(QString, error);
        QFETCH(QString, description);
        const AuthorizationResponse r =
            AuthorizationResponse::fromRedirect(withQuery(QUrl(u"http://127.0.0.1:1/callback"_s), query));
        QCOMPARE(r.code, code);
        QCOMPARE(r.state, state);
        QCOMPARE(r.error, error);
        QCOMPARE(r.errorDescription, description);
    }

    void neitherCodeNorErrorIsAnInvalidRequest()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        QSignalSpy received(&listener, &LoopbackRedirectListener::responseReceived);
        const Answer a = request(m_network, "GET", withQuery(listener.redirectUri(), u"state=only"_s));
        QCOMPARE(a.status, 200);
        QCOMPARE(received.count(), 1);
        QCOMPARE(responseAt(received, 0).error, u"invalid_request"_s);
        QCOMPARE(responseAt(received, 0).state, u"only"_s);
    }

    void wrongPathOrMethodIsIgnored()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        QSignalSpy received(&listener, &LoopbackRedirectListener::responseReceived);
        QUrl elsewhere = listener.redirectUri();
        for (const QString& path : {u"/favicon.ico"_s, u"/callback/extra"_s, u"/"_s, u"/Callback"_s}) {
            elsewhere.setPath(path);
            const Answer a = request(m_network, "GET", withQuery(elsewhere, u"code=stolen&state=s"_s));
            QCOMPARE(a.status, 404);
        }
        QCOMPARE(
            request(m_network, "POST", withQuery(listener.redirectUri(), u"code=posted&state=s"_s)).status,
            405);
        QCOMPARE(received.count(), 0);

        // The right request still gets through afterwards.
        QCOMPARE(request(m_network, "GET", withQuery(listener.redirectUri(), u"code=real&state=s"_s)).status,
                 200);
        QCOMPARE(received.count(), 1);
        QCOMPARE(responseAt(received, 0).code, u"real"_s);
    }

    void onlyTheFirstResponseIsDelivered()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        QSignalSpy received(&listener, &LoopbackRedirectListener::responseReceived);
        QCOMPARE(request(m_network, "GET", withQuery(listener.redirectUri(), u"code=first&state=s"_s)).status,
                 200);
        QCOMPARE(
            request(m_network, "GET", withQuery(listener.redirectUri(), u"code=second&state=s"_s)).status,
            404);
        QCOMPARE(
            request(m_network, "GET", withQuery(listener.redirectUri(), u"error=access_denied"_s)).status,
            404);
        QCOMPARE(received.count(), 1);
        QCOMPARE(responseAt(received, 0).code, u"first"_s);

        // Listening again starts a new round.
        listener.close();
        QVERIFY(listener.listen());
        QCOMPARE(request(m_network, "GET", withQuery(listener.redirectUri(), u"code=third&state=s"_s)).status,
                 200);
        QCOMPARE(received.count(), 2);
        QCOMPARE(responseAt(received, 1).code, u"third"_s);
    }

    void misbehavingClientsDoNotBlock()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        QSignalSpy received(&listener, &LoopbackRedirectListener::responseReceived);
        const quint16 port = quint16(listener.redirectUri().port());

        // A pre-connecting browser that sends nothing, and one that stops mid-headers.
        QTcpSocket silent;
        silent.connectToHost(u"127.0.0.1"_s, port);
        QVERIFY(silent.waitForConnected(kWaitMs));
        QTcpSocket partial;
        partial.connectToHost(u"127.0.0.1"_s, port);
        QVERIFY(partial.waitForConnected(kWaitMs));
        partial.write("GET /callback?code=partial&state=s HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QVERIFY(partial.waitForBytesWritten(kWaitMs));

        // Garbage gets an error status and the connection closed.
        QVERIFY(rawExchange(listener.redirectUri(), "HELLO THERE\r\n\r\n").startsWith("HTTP/1.1 405"));
        QVERIFY(
            rawExchange(listener.redirectUri(), QByteArray::fromHex("160301020001000001fc0303") + "\r\n\r\n")
                .startsWith("HTTP/1.1 405"));
        // A request line that never ends is cut off once it is too large.
        QVERIFY(rawExchange(listener.redirectUri(), "GET /callback?code=" + QByteArray(20000, 'x'))
                    .startsWith("HTTP/1.1 431"));
        QCOMPARE(received.count(), 0);

        // The browser's real request is answered while the idle ones are still connected.
        const Answer a = request(m_network, "GET", withQuery(listener.redirectUri(), u"code=good&state=s"_s));
        QCOMPARE(a.status, 200);
        QCOMPARE(received.count(), 1);
        QCOMPARE(responseAt(received, 0).code, u"good"_s);
        QCOMPARE(silent.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(partial.state(), QAbstractSocket::ConnectedState);

        // The request that was held back, once complete, comes after delivery: 404.
        partial.write("\r\n");
        QVERIFY(QTest::qWaitFor(
            [&partial] {
                return partial.state() == QAbstractSocket::UnconnectedState || partial.bytesAvailable() > 0;
            },
            kWaitMs));
        QVERIFY(partial.readAll().startsWith("HTTP/1.1 404"));
        QCOMPARE(received.count(), 1);
    }

    void destroyedWhileClientsAreConnected()
    {
        // The sign-in dialog closes while the browser still holds connections open.
        auto listener = std::make_unique<LoopbackRedirectListener>();
        QVERIFY(listener->listen());
        QSignalSpy received(listener.get(), &LoopbackRedirectListener::responseReceived);
        QTcpSocket idle;
        idle.connectToHost(u"127.0.0.1"_s, quint16(listener->redirectUri().port()));
        QVERIFY(idle.waitForConnected(kWaitMs));
        idle.write("GET /callback?code=late");
        QVERIFY(idle.waitForBytesWritten(kWaitMs));
        // Connections are accepted in order: once a later one is answered, this one is held.
        QVERIFY(rawExchange(listener->redirectUri(), "GET /elsewhere HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404"));
        QCOMPARE(idle.state(), QAbstractSocket::ConnectedState);
        listener.reset();
        QVERIFY(
            QTest::qWaitFor([&idle] { return idle.state() == QAbstractSocket::UnconnectedState; }, kWaitMs));
        QCOMPARE(received.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoopbackListener)
#include "tst_loopbacklistener.moc"
