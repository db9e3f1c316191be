// How FileBodyRequest reads an HTTP/1.1 answer, without a server: every framing, fed whole and
// one byte at a time, interim answers, limits, and which answers leave a reusable connection.
#include "transfer/httpresponseparser.h"

#include <QTest>

using bge::HttpResponseParser;
using namespace Qt::StringLiterals;

namespace {

// Feeds `bytes` in pieces of `step` (0: all at once); returns the bytes the parser took.
qsizetype feedInPieces(HttpResponseParser& parser, const QByteArray& bytes, qsizetype step)
{
    qsizetype used = 0;
    const qsizetype piece = step > 0 ? step : bytes.size();
    for (qsizetype at = 0; at < bytes.size() && !parser.isDone() && !parser.hasFailed(); at += piece) {
        const qsizetype n = qMin(piece, bytes.size() - at);
        const qsizetype took = parser.feed(bytes.constData() + at, n);
        used += took;
        if (took < n)
            break;
    }
    return used;
}

} // namespace

class TestHttpResponseParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framings_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");

        QTest::newRow("length") << "HTTP/1.1 200 OK\r\nETag: \"A1\"\r\nContent-Length: 5\r\n\r\nhello"_ba << 200
                                << "hello"_ba << true;
        QTest::newRow("no body") << "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nx-oss-hash-crc64ecma: 1\r\n\r\n"_ba
                                 << 200 << QByteArray() << true;
        QTest::newRow("chunked") << "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    "4;ext=1\r\n<Err\r\n3\r\nor>\r\n0\r\nX-Trailer: t\r\n\r\n"_ba
                                 << 403 << "<Error>"_ba << true;
        QTest::newRow("until close") << "HTTP/1.1 500 Oops\r\n\r\nbroken"_ba << 500 << "broken"_ba << false;
        QTest::newRow("connection close") << "HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 2\r\n\r\nok"_ba
                                          << 200 << "ok"_ba << false;
        QTest::newRow("HTTP/1.0") << "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba << 200 << "ok"_ba << false;
        QTest::newRow("HTTP/1.0 keep-alive")
            << "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok"_ba << 200 << "ok"_ba
            << true;
        QTest::newRow("100 Continue first") << "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"_ba
                                            << 200 << "x"_ba << true;
        QTest::newRow("bare LF") << "HTTP/1.1 204 No Content\nServer: s\n\n"_ba << 204 << QByteArray() << true;
        QTest::newRow("no reason") << "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n"_ba << 200 << QByteArray() << true;
    }

    void framings()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        for (const qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(7)}) {
            HttpResponseParser parser;
            const qsizetype used = feedInPieces(parser, answer, step);
            if (!parser.isDone())
                parser.closed(); // a body that runs to the end of the connection
            QVERIFY2(parser.isDone(), qPrintable(u"step %1: %2"_s.arg(step).arg(parser.error())));
            QCOMPARE(used, answer.size());
            QCOMPARE(parser.status(), status);
            QCOMPARE(parser.body(), body);
            QCOMPARE(parser.keepAlive(), keepAlive);
        }
    }

    void headersAreCaseInsensitive()
    {
        HttpResponseParser parser;
        const QByteArray answer = "HTTP/1.1 200 OK\r\nETAG:  \"5EB6\" \r\nX-Oss-Hash-Crc64ecma: 42\r\n"
                                  "content-length: 0\r\n\r\n";
        parser.feed(answer.constData(), answer.size());
        QVERIFY(parser.isDone());
        QCOMPARE(parser.header("ETag"), "\"5EB6\""_ba);
        QCOMPARE(parser.header("x-oss-hash-crc64ecma"), "42"_ba);
        QVERIFY(parser.header("Missing").isEmpty());
    }

    void bytesAfterTheAnswerAreNotTaken()
    {
        HttpResponseParser parser;
        const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n";
        QCOMPARE(parser.feed(answer.constData(), answer.size()), answer.indexOf("ok") + 2);
        QVERIFY(parser.isDone());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("not HTTP") << "SSH-2.0-OpenSSH_9.2\r\n\r\n"_ba;
        QTest::newRow("HTML") << "<html><body>busy</body></html>\n\n"_ba;
        QTest::newRow("HTTP/2 preface") << "HTTP/2 200\r\n\r\n"_ba;
        QTest::newRow("bad status") << "HTTP/1.1 2x0 OK\r\n\r\n"_ba;
        QTest::newRow("status too small") << "HTTP/1.1 042 OK\r\n\r\n"_ba;
        QTest::newRow("header without colon") << "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n"_ba;
        QTest::newRow("folded header") << "HTTP/1.1 200 OK\r\nA: b\r\n c\r\n\r\n"_ba;
        QTest::newRow("negative length") << "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"_ba;
        QTest::newRow("two lengths") << "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"_ba;
        QTest::newRow("huge length") << "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n"_ba;
        QTest::newRow("gzip transfer") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"_ba;
        QTest::newRow("bad chunk size") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba;
        QTest::newRow("bad chunk end") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n"_ba;
        QTest::newRow("switching protocols") << "HTTP/1.1 101 Switching Protocols\r\n\r\n"_ba;
    }

    void rejects()
    {
        QFETCH(QByteArray, answer);
        HttpResponseParser parser;
        parser.feed(answer.constData(), answer.size());
        QVERIFY2(parser.hasFailed(), qPrintable(u"state %1"_s.arg(int(parser.state()))));
        QVERIFY(!parser.error().isEmpty());
        QVERIFY(!parser.keepAlive());
    }

    void limits()
    {
        HttpResponseParser endless;
        const QByteArray line = "X-Filler: " + QByteArray(1000, 'a') + "\r\n";
        endless.feed("HTTP/1.1 200 OK\r\n", 17);
        for (int i = 0; i < 100 && !endless.hasFailed(); ++i)
            endless.feed(line.constData(), line.size());
        QVERIFY(endless.hasFailed()); // a header block that never ends

        HttpResponseParser big(16);
        const QByteArray chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n" + QByteArray(32, 'b');
        big.feed(chunked.constData(), chunked.size());
        QVERIFY(big.hasFailed()); // a chunked body over the limit

        HttpResponseParser untilClose(16);
        const QByteArray open = "HTTP/1.1 200 OK\r\n\r\n" + QByteArray(32, 'c');
        untilClose.feed(open.constData(), open.size());
        QVERIFY(untilClose.hasFailed());
    }

    void truncatedAnswersFail()
    {
        HttpResponseParser none;
        none.closed();
        QVERIFY(none.hasFailed());
        QVERIFY(!none.hasStarted());

        HttpResponseParser half;
        const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc";
        half.feed(answer.constData(), answer.size());
        QVERIFY(half.hasStarted());
        half.closed();
        QVERIFY(half.hasFailed());

        HttpResponseParser chunks;
        const QByteArray open = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n";
        chunks.feed(open.constData(), open.size());
        chunks.closed();
        QVERIFY(chunks.hasFailed());
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
