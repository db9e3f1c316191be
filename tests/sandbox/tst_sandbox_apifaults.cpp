// bge-sandbox --api-faults over raw loopback sockets: each fault kind as specified (a gateway's
// 502/503 HTML page, a connection closed without an answer before anything happened on the
// server, a delayed answer that holds up no other connection), counted in the log, rates 0 and 1
// exact, the HTML sign-in page exempt, the same sequence for the same --seed.
#include "common/sandboxprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

const QString kRedirect = u"http://127.0.0.1:53682/callback"_s;

// One request on a connection of its own, read until the server closes it. Raw, so that nothing
// between the test and the sandbox retries or reinterprets a dropped connection.
struct RawAnswer
{
    bool answered = false; // any byte came back
    int status = 0;
    QByteArray head;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // The code in a redirect's Location.
    QString code() const
    {
        for (const QByteArray& line : head.split('\n')) {
            if (line.toLower().startsWith("location:"))
                return QUrlQuery(QUrl(QString::fromUtf8(line.mid(9).trimmed()))).queryItemValue(u"code"_s, QUrl::FullyDecoded);
        }
        return {};
    }
};

class RawSocket final
{
public:
    RawSocket(int port, const QByteArray& request)
    {
        m_socket.connectToHost(u"127.0.0.1"_s, quint16(port));
        m_socket.write(request);
    }
    bool waitClosed(int timeoutMs = 60000)
    {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy closed(&m_socket, &QTcpSocket::disconnected);
        return closed.wait(timeoutMs) || m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    RawAnswer answer()
    {
        m_received += m_socket.readAll();
        RawAnswer a;
        a.answered = !m_received.isEmpty();
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        a.head = m_received.left(end);
        a.body = end < 0 ? QByteArray() : m_received.mid(end + 4);
        const QList<QByteArray> statusLine = a.head.left(a.head.indexOf("\r\n")).split(' ');
        a.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        return a;
    }
    QTcpSocket& socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray getRequest(const QString& pathAndQuery)
{
    return "GET " + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

QByteArray postRequest(const QString& path, const QUrlQuery& form)
{
    const QByteArray body = form.toString(QUrl::FullyEncoded).toUtf8();
    return "POST " + path.toUtf8()
           + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
             "application/x-www-form-urlencoded\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

int portOf(const SandboxProcess& sandbox)
{
    return QUrl(sandbox.apiEndpoint()).port();
}

RawAnswer exchange(int port, const QByteArray& request)
{
    RawSocket s(port, request);
    if (!s.waitClosed())
        return {};
    return s.answer();
}

// What happened to one request: "ok", "502", "503" or "drop".
QString outcome(const RawAnswer& a)
{
    if (!a.answered)
        return u"drop"_s;
    return a.status == 200 ? u"ok"_s : QString::number(a.status);
}

int countLines(const QString& log, const QString& pattern)
{
    return int(log.count(QRegularExpression(pattern, QRegularExpression::MultilineOption)));
}

QUrlQuery authorizeQuery(const SandboxProcess& sandbox)
{
    return {{u"client_id"_s, sandbox.client(u"authorization_code"_s).value(u"client_id").toString()},
            {u"response_type"_s, u"code"_s},
            {u"redirect_uri"_s, kRedirect},
            {u"state"_s, u"st"_s},
            {sandbox.description().value(u"auto_approve_param").toString(),
             sandbox.user(0).value(u"username").toString()}};
}

QUrlQuery tokenForm(const SandboxProcess& sandbox, const QString& grant, const QString& name, const QString& value)
{
    const QJsonObject desktop = sandbox.client(u"authorization_code"_s);
    QUrlQuery form{{u"client_id"_s, desktop.value(u"client_id").toString()},
                   {u"client_secret"_s, desktop.value(u"client_secret").toString()},
                   {u"grant_type"_s, grant},
                   {name, value}};
    if (grant == u"authorization_code")
        form.addQueryItem(u"redirect_uri"_s, kRedirect);
    return form;
}

} // namespace

class TestSandboxApiFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorRateOneAnswersGatewayErrors()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({u"--api-faults"_s, u"error-rate=1"_s}), qPrintable(sandbox.errorOutput()));
        const int port = portOf(sandbox);
        QSet<int> statuses;
        for (int i = 0; i < 20; ++i) {
            const RawAnswer a = exchange(port, i % 2 ? getRequest(u"/ping"_s)
                                                     : postRequest(u"/oauth2/access_token"_s,
                                                                   tokenForm(sandbox, u"client_credentials"_s,
                                                                             u"scope"_s, u"profile.default"_s)));
            QVERIFY(a.answered);
            QVERIFY2(a.status == 502 || a.status == 503, a.head.constData());
            statuses.insert(a.status);
            // The front end's own page, not the API's envelope.
            QVERIFY(a.head.toLower().contains("content-type: text/html"));
            QVERIFY(a.body.contains(QByteArray("<h1>" + QByteArray::number(a.status))));
            QVERIFY(a.json().isEmpty());
        }
        QCOMPARE(statuses, (QSet<int>{502, 503})); // both kinds in 20 draws with the default seed
        sandbox.stop();
        const QString log = sandbox.errorOutput();
        QCOMPARE(countLines(log, u"^api: fault: 50[23] for "_s), 20);
        QVERIFY2(log.contains(u"api: faults: 20 requests faultable: 20 answered 5xx, 0 dropped, 0 delayed"_s),
                 qPrintable(log));
    }

    void dropRateOneClosesWithoutAnswer()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({u"--api-faults"_s, u"drop-rate=1"_s}));
        const int port = portOf(sandbox);
        for (int i = 0; i < 10; ++i) {
            const RawAnswer a = exchange(port, i % 2 ? getRequest(u"/samples"_s)
                                                     : postRequest(u"/sts/token"_s, QUrlQuery{{u"region_id"_s, u"x"_s}}));
            QVERIFY2(!a.answered, a.head.constData());
        }
        // The sign-in page is exempt: a person at it would just reload, and the GUI tests load it.
        const RawAnswer page = exchange(port, getRequest(u"/oauth2/authorize?"_s + authorizeQuery(sandbox).toString(QUrl::FullyEncoded)));
        QCOMPARE(page.status, 302);
        sandbox.stop();
        const QString log = sandbox.errorOutput();
        QCOMPARE(countLines(log, u"^api: fault: dropped the connection of "_s), 10);
        QVERIFY2(log.contains(u"api: faults: 10 requests faultable: 0 answered 5xx, 10 dropped, 0 delayed"_s),
                 qPrintable(log));
    }

    // A faulted request was never handled: the single-use code, then the single-use refresh
    // token, still work after their first attempt was answered 5xx or cut off.
    void faultedRequestsChangeNothing_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("5xx") << u"error-rate=0.5"_s;
        QTest::newRow("drop") << u"drop-rate=0.5"_s;
    }
    void faultedRequestsChangeNothing()
    {
        QFETCH(QString, spec);
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({u"--api-faults"_s, spec}));
        const int port = portOf(sandbox);
        int faults = 0;
        QString refresh;
        while (refresh.isEmpty()) {
            const RawAnswer page = exchange(port, getRequest(u"/oauth2/authorize?"_s + authorizeQuery(sandbox).toString(QUrl::FullyEncoded)));
            QCOMPARE(page.status, 302); // exempt
            const QString code = page.code();
            const QByteArray request = postRequest(u"/oauth2/access_token"_s,
                                                   tokenForm(sandbox, u"authorization_code"_s, u"code"_s, code));
            RawAnswer a = exchange(port, request);
            if (outcome(a) == u"ok")
                continue; // the first attempt went through: try for a faulted one with a new code
            if (a.answered) // a 5xx on a POST whose body was never read closes the connection
                QVERIFY(a.head.toLower().contains("connection: close"));
            ++faults;
            for (int retry = 0; outcome(a) != u"ok" && retry < 40; ++retry)
                a = exchange(port, request);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.json().value(u"code").toInt(-1), 0); // the code was not spent by the faulted try
            refresh = a.json().value(u"data").toObject().value(u"refresh_token").toString();
            QVERIFY(!refresh.isEmpty());
        }
        for (int round = 0; round < 4; ++round) {
            const QByteArray request = postRequest(u"/oauth2/access_token"_s,
                                                   tokenForm(sandbox, u"refresh_token"_s, u"refresh_token"_s, refresh));
            RawAnswer a = exchange(port, request);
            for (int retry = 0; outcome(a) != u"ok" && retry < 40; ++retry, ++faults)
                a = exchange(port, request);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.json().value(u"code").toInt(-1), 0); // rotation happens only when answered
            refresh = a.json().value(u"data").toObject().value(u"refresh_token").toString();
        }
        QVERIFY(faults >= 1);
    }

    void ratesZeroFaultNothing()
    {
        SandboxProcess sandbox;
        // latency-ms=1 keeps the fault layer on, with both rates at 0.
        QVERIFY(sandbox.start({u"--api-faults"_s, u"error-rate=0,drop-rate=0,latency-ms=1"_s}));
        const int port = portOf(sandbox);
        for (int i = 0; i < 60; ++i) {
            const RawAnswer a = exchange(port, getRequest(u"/ping"_s));
            QCOMPARE(a.status, 200);
            QCOMPARE(a.json().value(u"code").toInt(-1), 0);
        }
        sandbox.stop();
        const QString log = sandbox.errorOutput();
        QCOMPARE(countLines(log, u"^api: fault: "_s), 0);
        QVERIFY2(log.contains(u"api: faults: 60 requests faultable: 0 answered 5xx, 0 dropped, 60 delayed"_s),
                 qPrintable(log));
    }

    // The delay holds up its own answer (at least latency-ms: a lower bound the server
    // guarantees), never another connection's: the exempt page asked later is answered first.
    void latencyDelaysEachAnswerOnItsOwn()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({u"--api-faults"_s, u"latency-ms=4000"_s}));
        const int port = portOf(sandbox);
        QElapsedTimer clock;
        clock.start();
        RawSocket slow(port, getRequest(u"/ping"_s));
        RawSocket slowToo(port, getRequest(u"/ping"_s));
        QTRY_VERIFY(slow.socket().bytesToWrite() == 0 && slowToo.socket().bytesToWrite() == 0);
        const RawAnswer page = exchange(port, getRequest(u"/oauth2/authorize?"_s + authorizeQuery(sandbox).toString(QUrl::FullyEncoded)));
        QCOMPARE(page.status, 302);
        QVERIFY(!slow.closed()); // still waiting for its delayed answer
        QVERIFY(slow.waitClosed());
        QVERIFY(slowToo.waitClosed());
        QVERIFY(clock.elapsed() >= 4000);
        QCOMPARE(slow.answer().status, 200);
        QCOMPARE(slowToo.answer().status, 200);
        sandbox.stop();
        QVERIFY(sandbox.errorOutput().contains(u"2 requests faultable: 0 answered 5xx, 0 dropped, 2 delayed"_s));
    }

    // Mixed rates: both faults and clean answers, each counted in the log as observed; the same
    // seed gives the same sequence, another seed another one.
    void seedReproducesTheSequence()
    {
        const auto run = [](const QString& seed, QString* log) {
            SandboxProcess sandbox;
            if (!sandbox.start({u"--api-faults"_s, u"error-rate=0.3,drop-rate=0.2"_s, u"--seed"_s, seed}))
                return QStringList();
            const int port = portOf(sandbox);
            QStringList outcomes;
            for (int i = 0; i < 60; ++i)
                outcomes.append(outcome(exchange(port, getRequest(u"/ping"_s))));
            sandbox.stop();
            *log = sandbox.errorOutput();
            return outcomes;
        };
        QString log1, log2, log3;
        const QStringList first = run(u"7"_s, &log1);
        const QStringList second = run(u"7"_s, &log2);
        const QStringList other = run(u"8"_s, &log3);
        QCOMPARE(first.size(), 60);
        QCOMPARE(second, first);
        QVERIFY(other != first);
        const int errors = int(first.count(u"502"_s) + first.count(u"503"_s));
        const int drops = int(first.count(u"drop"_s));
        QVERIFY(errors > 0 && drops > 0 && first.contains(u"ok"_s));
        QCOMPARE(countLines(log1, u"^api: fault: 50[23] for GET /ping"_s), errors);
        QCOMPARE(countLines(log1, u"^api: fault: dropped the connection of GET /ping"_s), drops);
        QVERIFY(log1.contains(u"60 requests faultable: %1 answered 5xx, %2 dropped"_s.arg(errors).arg(drops)));
    }

    void malformedSpecRefused_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("unknown") << u"error-rate=0.1,jitter=5"_s;
        QTest::newRow("out of range") << u"drop-rate=1.5"_s;
        QTest::newRow("object-storage kind") << u"corrupt-rate=0.1"_s;
        QTest::newRow("lost replies") << u"lost-reply-rate=0.1"_s;
    }
    void malformedSpecRefused()
    {
        QFETCH(QString, spec);
        QProcess p;
        p.start(SandboxProcess::executable(), {u"--port"_s, u"0"_s, u"--api-faults"_s, spec});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(u"--api-faults"_s) && !err.contains(u"--oss-faults"_s), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestSandboxApiFaults)
#include "tst_sandbox_apifaults.moc"
