// The platform and its object storage together, through the real bge-sandbox process:
// credentials from /sts/token sign OSS requests (V1 and V4, as core signs them); they expire;
// the destination rule holds; objects survive a restart; faults can be injected.
#include "common/httptestclient.h"
#include "common/sandboxprocess.h"
#include "oss/crc64.h"
#include "oss/signaturev1.h"
#include "oss/signaturev4.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace bge::test;
using namespace bge::oss;
using namespace Qt::StringLiterals;

namespace {

struct Upload
{
    OssCredentials credentials;
    QString endpoint;
    QString bucket;
    QString destination;
    QString region;
};

Upload uploadToken(HttpTestClient& api, const QString& token)
{
    const QJsonObject d = api.post(u"/sts/token"_s, {}, token).data().toObject();
    const QJsonObject c = d.value(u"credentials").toObject();
    return {{c.value(u"access_key_id").toString(), c.value(u"access_key_secret").toString(),
             c.value(u"security_token").toString(),
             QDateTime::fromString(c.value(u"expiration").toString(), Qt::ISODate)},
            d.value(u"endpoint").toString(), d.value(u"bucket").toString(), d.value(u"destination").toString(),
            d.value(u"region_id").toString()};
}

struct RequestOptions
{
    QList<QPair<QByteArray, QByteArray>> headers; // signed along with the request
    qint64 clockOffsetSeconds = 0;                // a client whose clock is wrong
    bool virtualHosted = false;                   // Host: <bucket>.oss-cn-shenzhen.aliyuncs.com, no bucket in the path
    bool unsigned_ = false;
};

QString encodedQuery(const QList<QPair<QString, QString>>& query)
{
    QString q;
    for (const auto& [name, value] : query)
        q += (q.isEmpty() ? u""_s : u"&"_s) + QString::fromLatin1(QUrl::toPercentEncoding(name))
             + (value.isEmpty() ? QString() : u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return q;
}

// Sends one object-storage request, signed the way core signs.
HttpResult ossRequest(HttpTestClient& http, const Upload& u, const QByteArray& verb, const QString& key,
                      const QByteArray& body, bool v4, QList<QPair<QString, QString>> query = {},
                      const RequestOptions& options = {})
{
    SignableRequest r;
    r.method = verb;
    r.bucket = u.bucket;
    r.key = key;
    r.query = query;
    if (!body.isEmpty() || verb == "PUT")
        r.setHeader("Content-Type", "application/octet-stream");
    for (const auto& [name, value] : options.headers)
        r.setHeader(name, value);
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(options.clockOffsetSeconds);
    if (options.unsigned_)
        ;
    else if (v4)
        SignatureV4::signHeaders(r, u.credentials, now, u.region.toUtf8());
    else
        SignatureV1::signHeaders(r, u.credentials, now);
    const QString path = QString::fromLatin1(QUrl::toPercentEncoding(key, "/"));
    QUrl url(options.virtualHosted ? QString(u.endpoint + u'/' + path) : QString(u.endpoint + u'/' + u.bucket + u'/' + path));
    if (!query.isEmpty())
        url.setQuery(encodedQuery(query), QUrl::StrictMode);
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto& [name, value] : r.headers)
        headers.append({name, value});
    if (options.virtualHosted)
        headers.append({"Host", u.bucket.toUtf8() + ".oss-cn-shenzhen.aliyuncs.com"});
    return http.send(verb, url, body, headers);
}

QByteArray xmlElement(const QByteArray& xml, const QByteArray& name)
{
    const qsizetype from = xml.indexOf(QByteArray('<' + name + '>'));
    const qsizetype to = xml.indexOf(QByteArray("</" + name + '>'));
    return from < 0 || to < 0 ? QByteArray() : xml.mid(from + name.size() + 2, to - from - name.size() - 2);
}

QByteArray xmlCode(const HttpResult& r)
{
    return xmlElement(r.body, "Code");
}

QByteArray randomBytes(qsizetype n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char& c : b)
        c = char(rng.bounded(256));
    return b;
}

const QList<QPair<QByteArray, QByteArray>> kForbidOverwrite{{"x-oss-forbid-overwrite", "true"}};

// A signed PutObject whose body goes out chunked (no Content-Length) over a socket of its own,
// `chunks` of `chunkSize` bytes, as long as the server reads; what the server answered, if it did.
QByteArray chunkedPut(const Upload& u, const QString& key, int chunks, int chunkSize)
{
    SignableRequest r;
    r.method = "PUT";
    r.bucket = u.bucket;
    r.key = key;
    r.setHeader("Content-Type", "application/octet-stream");
    SignatureV4::signHeaders(r, u.credentials, QDateTime::currentDateTimeUtc(), u.region.toUtf8());
    const QUrl endpoint(u.endpoint);
    QByteArray head = "PUT /" + u.bucket.toUtf8() + '/' + QUrl::toPercentEncoding(key, "/") + " HTTP/1.1\r\nHost: "
                      + endpoint.host().toUtf8() + ':' + QByteArray::number(endpoint.port()) + "\r\n";
    for (const auto& [name, value] : r.headers)
        head += name + ": " + value + "\r\n";
    head += "Transfer-Encoding: chunked\r\n\r\n";
    QTcpSocket socket;
    socket.connectToHost(endpoint.host(), quint16(endpoint.port()));
    if (!socket.waitForConnected(10000))
        return {};
    socket.write(head);
    const QByteArray chunk = QByteArray::number(chunkSize, 16) + "\r\n" + QByteArray(chunkSize, 'x') + "\r\n";
    QByteArray answer;
    for (int i = 0; i < chunks && socket.state() == QAbstractSocket::ConnectedState; ++i) {
        socket.write(chunk);
        // Written as the server reads: a server that stopped reading stops the loop (its answer,
        // or the closed connection, arrives instead).
        while (socket.bytesToWrite() > 0 && socket.state() == QAbstractSocket::ConnectedState) {
            if (!socket.waitForBytesWritten(2000))
                break; // the server stopped reading
        }
        if (socket.bytesToWrite() > 0 || socket.bytesAvailable() > 0 || socket.waitForReadyRead(0))
            break;
    }
    if (socket.state() == QAbstractSocket::ConnectedState)
        socket.write("0\r\n\r\n");
    while (!answer.contains("</Error>") && !answer.contains("\r\n\r\n") && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    answer += socket.readAll();
    // An answer with a body: read it whole.
    while (answer.startsWith("HTTP/1.1 4") && !answer.contains("</Error>") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer;
}

} // namespace

class TestSandboxStorage final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_shared;
    std::unique_ptr<HttpTestClient> m_oss;
    Upload m_upload;

    QString initiate(const QString& key)
    {
        const HttpResult init = ossRequest(*m_oss, m_upload, "POST", key, {}, true, {{u"uploads"_s, QString()}});
        return QString::fromLatin1(xmlElement(init.body, "UploadId"));
    }
    HttpResult part(const QString& key, const QString& uploadId, const QString& number, const QByteArray& body)
    {
        return ossRequest(*m_oss, m_upload, "PUT", key, body, false, {{u"partNumber"_s, number}, {u"uploadId"_s, uploadId}});
    }
    HttpResult complete(const QString& key, const QString& uploadId, const QByteArray& xml)
    {
        return ossRequest(*m_oss, m_upload, "POST", key, xml, true, {{u"uploadId"_s, uploadId}});
    }
    static QByteArray completeXml(const QList<QPair<int, QByteArray>>& parts)
    {
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload>";
        for (const auto& [n, etag] : parts)
            xml += "<Part><PartNumber>" + QByteArray::number(n) + "</PartNumber><ETag>" + etag + "</ETag></Part>";
        return xml + "</CompleteMultipartUpload>";
    }

    QString clientToken(SandboxProcess& sandbox, HttpTestClient& api)
    {
        const QJsonObject app = sandbox.client(u"client_credentials"_s);
        return api.clientToken(app.value(u"client_id").toString(), app.value(u"client_secret").toString());
    }

    // A sandbox of its own, started with `arguments`, and upload credentials for it.
    std::optional<Upload> startWithUpload(SandboxProcess& sandbox, const QStringList& arguments)
    {
        if (!sandbox.start(arguments))
            return std::nullopt;
        HttpTestClient api(sandbox.apiEndpoint());
        return uploadToken(api, clientToken(sandbox, api));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_shared.start(), qPrintable(m_shared.errorOutput()));
        HttpTestClient api(m_shared.apiEndpoint());
        m_upload = uploadToken(api, clientToken(m_shared, api));
        m_oss = std::make_unique<HttpTestClient>(m_upload.endpoint);
        QVERIFY(!m_upload.destination.isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("v4");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<int>("tamper"); // 0 none, 1 unknown key, 2 wrong token, 3 skewed clock, 4 unsigned, 5 bad MD5, 6 bad CRC
        for (const bool v4 : {false, true}) {
            const QByteArray tag = v4 ? "V4 " : "V1 ";
            QTest::newRow(QByteArray(tag + "unknown access key").constData()) << QByteArray("PUT") << u"a.txt"_s << v4 << 403 << QByteArray("InvalidAccessKeyId") << 1;
            QTest::newRow(QByteArray(tag + "wrong security token").constData()) << QByteArray("PUT") << u"a.txt"_s << v4 << 403 << QByteArray("InvalidSecurityToken") << 2;
            QTest::newRow(QByteArray(tag + "clock an hour off").constData()) << QByteArray("PUT") << u"a.txt"_s << v4 << 403 << QByteArray("RequestTimeTooSkewed") << 3;
            QTest::newRow(QByteArray(tag + "missing object").constData()) << QByteArray("GET") << u"never-written.bam"_s << v4 << 404 << QByteArray("NoSuchKey") << 0;
            QTest::newRow(QByteArray(tag + "bad Content-MD5").constData()) << QByteArray("PUT") << u"a.txt"_s << v4 << 400 << QByteArray("InvalidDigest") << 5;
            QTest::newRow(QByteArray(tag + "bad CRC-64").constData()) << QByteArray("PUT") << u"a.txt"_s << v4 << 400 << QByteArray("InvalidCRC64") << 6;
        }
        QTest::newRow("anonymous") << QByteArray("GET") << u"a.txt"_s << false << 403 << QByteArray("AccessDenied") << 4;
    }
    void refusals()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, name);
        QFETCH(bool, v4);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(int, tamper);
        Upload u = m_upload;
        RequestOptions options;
        if (tamper == 1)
            u.credentials.accessKeyId = u"STS.NoSuchKeyAtAll"_s;
        if (tamper == 2)
            u.credentials.securityToken = u"CAISforged"_s;
        if (tamper == 3)
            options.clockOffsetSeconds = -3600;
        if (tamper == 4)
            options.unsigned_ = true;
        if (tamper == 5)
            options.headers = {{"Content-MD5", "XUFAKrxLKna5cZ2REBfFkg=="}}; // md5("hello"), not of the body
        if (tamper == 6)
            options.headers = {{"x-oss-hash-crc64ecma", "12345"}};
        const HttpResult r = ossRequest(*m_oss, u, verb, m_upload.destination + u'/' + name,
                                        verb == "PUT" ? QByteArray("payload") : QByteArray(), v4, {}, options);
        QCOMPARE(r.status, status);
        QCOMPARE(xmlCode(r), code);
        QVERIFY(r.header("Content-Type").startsWith("application/xml"));
        QCOMPARE(xmlElement(r.body, "RequestId"), r.header("x-oss-request-id"));
        QCOMPARE(r.header("x-oss-request-id").size(), 24);
    }

    void headErrorTravelsInHeader()
    {
        const HttpResult r = ossRequest(*m_oss, m_upload, "HEAD", m_upload.destination + u"/none.cram"_s, {}, false);
        QCOMPARE(r.status, 404);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(xmlElement(QByteArray::fromBase64(r.header("x-oss-err")), "Code"), QByteArray("NoSuchKey"));
    }

    void multipartRefusals()
    {
        const QString key = m_upload.destination + u"/parts.bam"_s;
        const QString uploadId = initiate(key);
        QCOMPARE(uploadId.size(), 32);
        for (const QString& bad : {u"0"_s, u"10001"_s, u"abc"_s}) {
            const HttpResult r = part(key, uploadId, bad, "x");
            QCOMPARE(r.status, 400);
            QCOMPARE(xmlCode(r), QByteArray("InvalidArgument"));
        }
        const QByteArray big = randomBytes(100 * 1024);
        const HttpResult p1 = part(key, uploadId, u"1"_s, big);
        const HttpResult p2 = part(key, uploadId, u"2"_s, "tiny");
        const HttpResult p3 = part(key, uploadId, u"3"_s, big);
        QCOMPARE(p1.status, 200);
        QCOMPARE(p3.status, 200);

        // ListParts, one at a time.
        HttpResult list = ossRequest(*m_oss, m_upload, "GET", key, {}, false,
                                     {{u"uploadId"_s, uploadId}, {u"max-parts"_s, u"1"_s}});
        QCOMPARE(list.status, 200);
        QCOMPARE(xmlElement(list.body, "IsTruncated"), QByteArray("true"));
        QCOMPARE(xmlElement(list.body, "NextPartNumberMarker"), QByteArray("1"));
        QCOMPARE(xmlElement(list.body, "ETag"), p1.header("ETag"));
        list = ossRequest(*m_oss, m_upload, "GET", key, {}, false,
                          {{u"uploadId"_s, uploadId}, {u"part-number-marker"_s, u"2"_s}});
        QCOMPARE(xmlElement(list.body, "PartNumber"), QByteArray("3"));
        QCOMPARE(xmlElement(list.body, "IsTruncated"), QByteArray("false"));

        const auto refused = [&](const QByteArray& xml, const QByteArray& code) {
            const HttpResult r = complete(key, uploadId, xml);
            QCOMPARE(r.status, 400);
            QCOMPARE(xmlCode(r), code);
        };
        refused(completeXml({{3, p3.header("ETag")}, {1, p1.header("ETag")}}), "InvalidPartOrder");
        refused(completeXml({{1, p1.header("ETag")}, {2, p2.header("ETag")}, {3, p3.header("ETag")}}), "EntityTooSmall");
        refused(completeXml({{1, "\"0123456789ABCDEF0123456789ABCDEF\""}}), "InvalidPart");
        refused(completeXml({{1, p1.header("ETag")}, {4, p3.header("ETag")}}), "InvalidPart");
        refused("<CompleteMultipartUpload><Part><PartNumber>x", "MalformedXML");

        // A small last part is fine, quotes escaped as Go's encoder writes them too.
        QByteArray escaped = p3.header("ETag");
        escaped.replace('"', "&#34;");
        const HttpResult done = complete(key, uploadId, completeXml({{1, p1.header("ETag")}, {3, escaped}}));
        QCOMPARE(done.status, 200);
        QVERIFY(done.header("ETag").endsWith("-2\""));
        QCOMPARE(done.header("x-oss-hash-crc64ecma"), QByteArray::number(Crc64::checksum(QByteArray(big + big))));
        QCOMPARE(xmlCode(complete(key, uploadId, completeXml({{1, p1.header("ETag")}}))), QByteArray("NoSuchUpload"));
    }

    // x-oss-forbid-overwrite: true on PutObject, InitiateMultipartUpload and
    // CompleteMultipartUpload keeps an existing object: 409 FileAlreadyExists with OSS's message.
    void forbidOverwrite()
    {
        const QString key = m_upload.destination + u"/kept.fastq"_s;
        const auto refusedAsOss = [](const HttpResult& r) {
            QCOMPARE(r.status, 409);
            QCOMPARE(xmlCode(r), QByteArray("FileAlreadyExists"));
            QCOMPARE(xmlElement(r.body, "Message"),
                     QByteArray("The object you specified already exists and can not be overwritten."));
            QCOMPARE(xmlElement(r.body, "RequestId"), r.header("x-oss-request-id"));
        };
        RequestOptions forbid;
        forbid.headers = kForbidOverwrite;
        QCOMPARE(ossRequest(*m_oss, m_upload, "PUT", key, "first", true, {}, forbid).status, 200); // new name: fine
        refusedAsOss(ossRequest(*m_oss, m_upload, "PUT", key, "second", true, {}, forbid));
        refusedAsOss(ossRequest(*m_oss, m_upload, "PUT", key, "second", false, {}, forbid)); // V1 alike
        QCOMPARE(ossRequest(*m_oss, m_upload, "GET", key, {}, true).body, QByteArray("first"));
        RequestOptions allow;
        allow.headers = {{"x-oss-forbid-overwrite", "false"}};
        QCOMPARE(ossRequest(*m_oss, m_upload, "PUT", key, "third", true, {}, allow).status, 200);
        QCOMPARE(ossRequest(*m_oss, m_upload, "GET", key, {}, true).body, QByteArray("third"));

        refusedAsOss(ossRequest(*m_oss, m_upload, "POST", key, {}, true, {{u"uploads"_s, QString()}}, forbid));

        // An upload begun before the object existed: its Complete is refused, and the upload
        // stays to be completed without the header.
        const QString later = m_upload.destination + u"/later.bam"_s;
        const QString uploadId = initiate(later);
        const HttpResult p1 = part(later, uploadId, u"1"_s, "part one");
        QCOMPARE(p1.status, 200);
        const QByteArray xml = completeXml({{1, p1.header("ETag")}});
        QCOMPARE(ossRequest(*m_oss, m_upload, "PUT", later, "somebody else's", true).status, 200);
        refusedAsOss(ossRequest(*m_oss, m_upload, "POST", later, xml, true, {{u"uploadId"_s, uploadId}}, forbid));
        QCOMPARE(ossRequest(*m_oss, m_upload, "GET", later, {}, true).body, QByteArray("somebody else's"));
        QCOMPARE(complete(later, uploadId, xml).status, 200);
        QCOMPARE(ossRequest(*m_oss, m_upload, "GET", later, {}, true).body, QByteArray("part one"));

        // Completing again (a retry whose first reply was lost) meets the object it made.
        const QString fresh = m_upload.destination + u"/fresh.bam"_s;
        const QString freshId = initiate(fresh);
        const HttpResult f1 = part(fresh, freshId, u"1"_s, "fresh");
        const QByteArray freshXml = completeXml({{1, f1.header("ETag")}});
        QCOMPARE(ossRequest(*m_oss, m_upload, "POST", fresh, freshXml, true, {{u"uploadId"_s, freshId}}, forbid).status,
                 200);
        refusedAsOss(ossRequest(*m_oss, m_upload, "POST", fresh, freshXml, true, {{u"uploadId"_s, freshId}}, forbid));
    }

    // lost-reply-rate: the write is done, its answer never comes.
    void lostReplies()
    {
        SandboxProcess sandbox;
        const auto started = startWithUpload(sandbox, {u"--oss-faults"_s, u"lost-reply-rate=1"_s});
        QVERIFY2(started, qPrintable(sandbox.errorOutput()));
        const Upload& u = *started;
        QCOMPARE(sandbox.description().value(u"fault_injection").toBool(), true);
        HttpTestClient oss(u.endpoint);
        const QString key = u.destination + u"/lost.bam"_s;
        const QByteArray bytes = randomBytes(300 * 1024);
        const HttpResult put = ossRequest(oss, u, "PUT", key, bytes, true);
        QCOMPARE(put.status, 0);
        QVERIFY(put.error != QNetworkReply::NoError);
        HttpResult head = ossRequest(oss, u, "HEAD", key, {}, true);
        QCOMPARE(head.status, 200); // stored all the same
        QCOMPARE(head.header("x-oss-hash-crc64ecma"), QByteArray::number(Crc64::checksum(bytes)));
        QTRY_VERIFY(sandbox.errorOutput().contains(u"oss: fault: lost the reply to PutObject "_s + key));
        // A retry with x-oss-forbid-overwrite is refused, and answered.
        RequestOptions forbid;
        forbid.headers = kForbidOverwrite;
        QCOMPARE(ossRequest(oss, u, "PUT", key, bytes, true, {}, forbid).status, 409);

        const QString multi = u.destination + u"/lost-multi.bam"_s;
        const HttpResult init = ossRequest(oss, u, "POST", multi, {}, true, {{u"uploads"_s, QString()}});
        QCOMPARE(init.status, 200);
        const QString uploadId = QString::fromLatin1(xmlElement(init.body, "UploadId"));
        QCOMPARE(ossRequest(oss, u, "PUT", multi, bytes, true, {{u"partNumber"_s, u"1"_s}, {u"uploadId"_s, uploadId}}).status,
                 0);
        const HttpResult list = ossRequest(oss, u, "GET", multi, {}, true, {{u"uploadId"_s, uploadId}});
        QCOMPARE(xmlElement(list.body, "PartNumber"), QByteArray("1"));
        const QByteArray etag = xmlElement(list.body, "ETag");
        const HttpResult done = ossRequest(oss, u, "POST", multi, completeXml({{1, etag}}), true,
                                           {{u"uploadId"_s, uploadId}}, forbid);
        // Qt sends a request again by itself when the connection closes before any answer
        // byte: that second Complete meets the object the first one made (finding 1).
        QVERIFY2(done.status == 0 || (done.status == 409 && xmlCode(done) == "FileAlreadyExists"),
                 qPrintable(QString::number(done.status)));
        head = ossRequest(oss, u, "HEAD", multi, {}, true);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("x-oss-hash-crc64ecma"), QByteArray::number(Crc64::checksum(bytes)));
        const QString log = sandbox.errorOutput();
        QVERIFY(log.contains(u"oss: fault: lost the reply to UploadPart "_s + multi));
        QVERIFY(log.contains(u"oss: fault: lost the reply to CompleteMultipartUpload "_s + multi));
    }

    // The body limit (lowered here with --max-object-size) holds for a chunked body, which
    // announces no length, as for a Content-Length: 400 EntityTooLarge and nothing stored.
    void bodyLimitHoldsForChunkedBodies()
    {
        SandboxProcess sandbox;
        const auto started = startWithUpload(sandbox, {u"--max-object-size"_s, u"1048576"_s});
        QVERIFY2(started, qPrintable(sandbox.errorOutput()));
        const Upload& u = *started;
        HttpTestClient oss(u.endpoint);
        const QString declared = u.destination + u"/declared.bam"_s;
        const HttpResult tooBig = ossRequest(oss, u, "PUT", declared, randomBytes(1048577), true);
        QCOMPARE(tooBig.status, 400);
        QCOMPARE(xmlCode(tooBig), QByteArray("EntityTooLarge"));

        const QString small = u.destination + u"/chunked-small.bam"_s;
        const QByteArray fine = chunkedPut(u, small, 16, 64 * 1024); // exactly the limit
        QVERIFY2(fine.startsWith("HTTP/1.1 200"), fine.left(400).constData());
        HttpResult head = ossRequest(oss, u, "HEAD", small, {}, true);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), QByteArray("1048576"));

        const QString streamed = u.destination + u"/chunked-endless.bam"_s;
        const QByteArray refused = chunkedPut(u, streamed, 4096, 64 * 1024); // 256 MiB offered
        QVERIFY2(refused.startsWith("HTTP/1.1 400"), refused.left(400).constData());
        QVERIFY2(refused.contains("<Code>EntityTooLarge</Code>"), refused.left(1000).constData());
        QCOMPARE(ossRequest(oss, u, "HEAD", streamed, {}, true).status, 404);
    }

    void multipartObjectIsItsPartsInOrder()
    {
        // Complete moves the part files into the object instead of copying them (sandbox
        // choice, like OSS's constant-time Complete): reads must span them seamlessly.
        const QString key = m_upload.destination + u"/joined.cram"_s;
        const QString uploadId = initiate(key);
        const QByteArray a = randomBytes(100 * 1024);
        const QByteArray b = randomBytes(100 * 1024 + 1).mid(1); // other bytes, same size
        const QByteArray c = "the tail";
        const HttpResult p1 = part(key, uploadId, u"1"_s, a);
        const HttpResult p2 = part(key, uploadId, u"2"_s, randomBytes(100 * 1024)); // left out below
        const HttpResult p3 = part(key, uploadId, u"3"_s, b);
        const HttpResult p4 = part(key, uploadId, u"4"_s, c);
        QVERIFY(p1.status == 200 && p2.status == 200 && p3.status == 200 && p4.status == 200);
        const HttpResult done = complete(key, uploadId,
                                         completeXml({{1, p1.header("ETag")}, {3, p3.header("ETag")}, {4, p4.header("ETag")}}));
        QCOMPARE(done.status, 200);
        const QByteArray whole = a + b + c;
        QCOMPARE(done.header("x-oss-hash-crc64ecma"), QByteArray::number(Crc64::checksum(whole)));

        const auto get = [&](const QByteArray& range) {
            RequestOptions o;
            if (!range.isEmpty())
                o.headers = {{"Range", range}};
            return ossRequest(*m_oss, m_upload, "GET", key, {}, true, {}, o);
        };
        HttpResult r = get({});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body == whole);
        QCOMPARE(r.header("x-oss-object-type"), QByteArray("Multipart"));
        const qint64 seam = a.size();
        r = get("bytes=" + QByteArray::number(seam - 3) + '-' + QByteArray::number(seam + 2));
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, whole.mid(seam - 3, 6));
        r = get("bytes=-12"); // across the second seam
        QCOMPARE(r.body, whole.right(12));
        r = get("bytes=" + QByteArray::number(seam) + '-');
        QVERIFY(r.body == b + c);
        const HttpResult head = ossRequest(*m_oss, m_upload, "HEAD", key, {}, true);
        QCOMPARE(head.header("Content-Length"), QByteArray::number(whole.size()));

        // Replaced by a plain object, then deleted: nothing of the parts shows through.
        QCOMPARE(ossRequest(*m_oss, m_upload, "PUT", key, "plain", true).status, 200);
        QCOMPARE(get({}).body, QByteArray("plain"));
        QCOMPARE(ossRequest(*m_oss, m_upload, "DELETE", key, {}, true).status, 204);
        QCOMPARE(xmlCode(get({})), QByteArray("NoSuchKey"));
    }

    void abortLeavesNothing()
    {
        const QString key = m_upload.destination + u"/aborted.fastq"_s;
        const QString uploadId = initiate(key);
        QCOMPARE(part(key, uploadId, u"1"_s, "data").status, 200);
        QCOMPARE(ossRequest(*m_oss, m_upload, "DELETE", key, {}, true, {{u"uploadId"_s, uploadId}}).status, 204);
        const HttpResult list = ossRequest(*m_oss, m_upload, "GET", key, {}, true, {{u"uploadId"_s, uploadId}});
        QCOMPARE(list.status, 404);
        QCOMPARE(xmlCode(list), QByteArray("NoSuchUpload"));
        QCOMPARE(xmlCode(part(key, uploadId, u"2"_s, "late")), QByteArray("NoSuchUpload"));
    }

    void rangesAndAddressing()
    {
        const QString key = m_upload.destination + u"/range.vcf"_s;
        const QByteArray body = randomBytes(1000);
        RequestOptions hosted;
        hosted.virtualHosted = true;
        QCOMPARE(ossRequest(*m_oss, m_upload, "PUT", key, body, false, {}, hosted).status, 200);
        const auto get = [&](const QByteArray& range) {
            return ossRequest(*m_oss, m_upload, "GET", key, {}, true, {}, RequestOptions{{{"Range", range}}, 0, false, false});
        };
        HttpResult r = get("bytes=10-19");
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, body.mid(10, 10));
        QCOMPARE(r.header("Content-Range"), QByteArray("bytes 10-19/1000"));
        r = get("bytes=-5");
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, body.right(5));
        r = get("bytes=990-");
        QCOMPARE(r.body, body.mid(990));
        // OSS ignores a range it cannot satisfy and sends the whole object.
        r = get("bytes=5000-6000");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, body);
        // Unknown bucket, path-style.
        Upload other = m_upload;
        other.bucket = u"someone-elses-bucket"_s;
        QCOMPARE(xmlCode(ossRequest(*m_oss, other, "GET", key, {}, false)), QByteArray("NoSuchBucket"));
    }

    void presignedUrls()
    {
        const QString key = m_upload.destination + u"/shared.tsv"_s;
        const QByteArray body = "taxon\tabundance\ns__Faecalibacterium_prausnitzii\t3.5\n";
        QCOMPARE(ossRequest(*m_oss, m_upload, "PUT", key, body, true).status, 200);
        const auto fetch = [&](SignableRequest r) {
            QUrl url(m_upload.endpoint + u'/' + m_upload.bucket + u'/' + key);
            url.setQuery(encodedQuery(r.query), QUrl::StrictMode);
            return m_oss->send("GET", url, {}, {});
        };
        SignableRequest r;
        r.method = "GET";
        r.bucket = m_upload.bucket;
        r.key = key;
        SignableRequest v1 = r;
        SignatureV1::presign(v1, m_upload.credentials, QDateTime::currentSecsSinceEpoch() + 600);
        QCOMPARE(fetch(v1).body, body);
        SignableRequest expired = r;
        SignatureV1::presign(expired, m_upload.credentials, QDateTime::currentSecsSinceEpoch() - 10);
        HttpResult refused = fetch(expired);
        QCOMPARE(refused.status, 403);
        QCOMPARE(xmlCode(refused), QByteArray("AccessDenied"));
        QCOMPARE(xmlElement(refused.body, "Message"), QByteArray("Request has expired."));
        SignableRequest v4 = r;
        SignatureV4::presign(v4, m_upload.credentials, QDateTime::currentDateTimeUtc(), 600, m_upload.region.toUtf8());
        QCOMPARE(fetch(v4).body, body);
        SignableRequest v4tampered = v4;
        v4tampered.query.last().second = QString(64, u'0');
        QCOMPARE(xmlCode(fetch(v4tampered)), QByteArray("SignatureDoesNotMatch"));
    }

    void uploadWithPlatformCredentials_data()
    {
        QTest::addColumn<bool>("v4");
        QTest::newRow("V1") << false;
        QTest::newRow("V4") << true;
    }
    void uploadWithPlatformCredentials()
    {
        QFETCH(bool, v4);
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorOutput()));
        HttpTestClient api(sandbox.apiEndpoint());
        const Upload u = uploadToken(api, clientToken(sandbox, api));
        QVERIFY(u.credentials.accessKeyId.startsWith(u"STS."));
        QCOMPARE(u.endpoint, sandbox.ossEndpoint());

        HttpTestClient oss(u.endpoint);
        const QByteArray body = randomBytes(300 * 1024 + 3);
        const QString key = u.destination + u"/sample 样品+1.fastq"_s;
        const HttpResult put = ossRequest(oss, u, "PUT", key, body, v4);
        QCOMPARE(put.status, 200);
        QCOMPARE(put.header("ETag"),
                 '"' + QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex().toUpper() + '"');
        QCOMPARE(put.header("x-oss-hash-crc64ecma"), QByteArray::number(Crc64::checksum(body)));

        const HttpResult get = ossRequest(oss, u, "GET", key, {}, v4);
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, body);

        // No sub-directories under the destination, and nothing outside it.
        QCOMPARE(xmlCode(ossRequest(oss, u, "PUT", u.destination + u"/sub/x.bam"_s, "x", v4)), QByteArray("AccessDenied"));
        QCOMPARE(xmlCode(ossRequest(oss, u, "PUT", u"DUS-00000000000-other/x.bam"_s, "x", v4)), QByteArray("AccessDenied"));

        // A tampered secret is refused.
        Upload wrong = u;
        wrong.credentials.accessKeySecret = u"not-the-secret"_s;
        const HttpResult refused = ossRequest(oss, wrong, "GET", key, {}, v4);
        QCOMPARE(refused.status, 403);
        QCOMPARE(xmlCode(refused), QByteArray("SignatureDoesNotMatch"));
    }

    void multipartAcrossRenewedCredentials()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorOutput()));
        HttpTestClient api(sandbox.apiEndpoint());
        const QString token = clientToken(sandbox, api);
        const Upload first = uploadToken(api, token);
        HttpTestClient oss(first.endpoint);
        const QString key = first.destination + u"/renewed.cram"_s;
        const HttpResult init = ossRequest(oss, first, "POST", key, {}, true, {{u"uploads"_s, QString()}});
        QCOMPARE(init.status, 200);
        const qsizetype a = init.body.indexOf("<UploadId>") + 10;
        const QString uploadId = QString::fromLatin1(init.body.mid(a, init.body.indexOf("</UploadId>") - a));
        QVERIFY(!uploadId.isEmpty());

        const QByteArray part1 = randomBytes(100 * 1024);
        const QByteArray part2 = randomBytes(5000);
        const HttpResult p1 = ossRequest(oss, first, "PUT", key, part1, true,
                                         {{u"partNumber"_s, u"1"_s}, {u"uploadId"_s, uploadId}});
        QCOMPARE(p1.status, 200);
        // New credentials mid-upload (same destination): the upload goes on.
        const Upload second = uploadToken(api, token);
        QCOMPARE(second.destination, first.destination);
        QVERIFY(second.credentials.accessKeyId != first.credentials.accessKeyId);
        const HttpResult p2 = ossRequest(oss, second, "PUT", key, part2, false,
                                         {{u"partNumber"_s, u"2"_s}, {u"uploadId"_s, uploadId}});
        QCOMPARE(p2.status, 200);
        const QByteArray xml = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + p1.header("ETag")
                               + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" + p2.header("ETag")
                               + "</ETag></Part></CompleteMultipartUpload>";
        const HttpResult done = ossRequest(oss, second, "POST", key, xml, true, {{u"uploadId"_s, uploadId}});
        QCOMPARE(done.status, 200);
        QCOMPARE(done.header("x-oss-hash-crc64ecma"), QByteArray::number(Crc64::checksum(QByteArray(part1 + part2))));
        QCOMPARE(ossRequest(oss, second, "GET", key, {}, true).body, QByteArray(part1 + part2));
    }

    void stsCredentialsExpire()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({u"--sts-ttl"_s, u"2"_s}), qPrintable(sandbox.errorOutput()));
        HttpTestClient api(sandbox.apiEndpoint());
        const Upload u = uploadToken(api, clientToken(sandbox, api));
        HttpTestClient oss(u.endpoint);
        QCOMPARE(ossRequest(oss, u, "PUT", u.destination + u"/a.txt"_s, "a", false).status, 200);
        QThread::sleep(3);
        const HttpResult expired = ossRequest(oss, u, "PUT", u.destination + u"/b.txt"_s, "b", false);
        QCOMPARE(expired.status, 403);
        QCOMPARE(xmlCode(expired), QByteArray("SecurityTokenExpired"));
    }

    void objectsSurviveRestart()
    {
        QTemporaryDir data;
        const QByteArray body = randomBytes(4096);
        QString key;
        {
            SandboxProcess sandbox;
            QVERIFY2(sandbox.start({u"--data-dir"_s, data.path()}), qPrintable(sandbox.errorOutput()));
            HttpTestClient api(sandbox.apiEndpoint());
            const Upload u = uploadToken(api, clientToken(sandbox, api));
            HttpTestClient oss(u.endpoint);
            key = u.destination + u"/kept.vcf"_s;
            QCOMPARE(ossRequest(oss, u, "PUT", key, body, true).status, 200);
            // And a multipart object, kept as its parts.
            const HttpResult init = ossRequest(oss, u, "POST", key + u".bam"_s, {}, true, {{u"uploads"_s, QString()}});
            const QString uploadId = QString::fromLatin1(xmlElement(init.body, "UploadId"));
            const HttpResult p1 = ossRequest(oss, u, "PUT", key + u".bam"_s, body.repeated(25), false,
                                             {{u"partNumber"_s, u"1"_s}, {u"uploadId"_s, uploadId}});
            const HttpResult p2 = ossRequest(oss, u, "PUT", key + u".bam"_s, body, false,
                                             {{u"partNumber"_s, u"2"_s}, {u"uploadId"_s, uploadId}});
            QCOMPARE(ossRequest(oss, u, "POST", key + u".bam"_s,
                                completeXml({{1, p1.header("ETag")}, {2, p2.header("ETag")}}), true,
                                {{u"uploadId"_s, uploadId}}).status, 200);
        }
        SandboxProcess again;
        QVERIFY2(again.start({u"--data-dir"_s, data.path()}), qPrintable(again.errorOutput()));
        HttpTestClient api(again.apiEndpoint());
        const Upload u = uploadToken(api, clientToken(again, api));
        HttpTestClient oss(u.endpoint);
        QCOMPARE(u.destination + u"/kept.vcf"_s, key); // same seed, same destination
        QCOMPARE(ossRequest(oss, u, "GET", key, {}, true).body, body);
        QVERIFY(ossRequest(oss, u, "GET", key + u".bam"_s, {}, true).body == body.repeated(26));
    }

    void faultInjection()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({u"--oss-faults"_s, u"error-rate=1"_s}), qPrintable(sandbox.errorOutput()));
        QCOMPARE(sandbox.description().value(u"fault_injection").toBool(), true);
        HttpTestClient api(sandbox.apiEndpoint());
        const Upload u = uploadToken(api, clientToken(sandbox, api));
        QCOMPARE(api.get(u"/ping"_s).code(), 0); // the API itself is unaffected
        HttpTestClient oss(u.endpoint);
        const HttpResult r = ossRequest(oss, u, "PUT", u.destination + u"/f.txt"_s, "f", true);
        QVERIFY2(r.status >= 500, qPrintable(QString::number(r.status)));
        QCOMPARE(ossRequest(oss, u, "GET", u.destination + u"/f.txt"_s, {}, true).status >= 500, true);
    }

    // The random faults draw from --seed: one request at a time meets the same faults on every
    // run with the same seed (a replayable soak), and another seed gives another sequence.
    void randomFaultsFollowTheSeed()
    {
        const auto run = [this](const QString& seed) {
            SandboxProcess sandbox;
            if (!sandbox.start({u"--oss-faults"_s, u"error-rate=0.5"_s, u"--seed"_s, seed}))
                return QList<int>();
            HttpTestClient api(sandbox.apiEndpoint());
            const Upload u = uploadToken(api, clientToken(sandbox, api));
            HttpTestClient oss(u.endpoint);
            QList<int> statuses;
            for (int i = 0; i < 40; ++i)
                statuses.append(ossRequest(oss, u, "HEAD", u.destination + u"/none"_s, {}, true).status);
            return statuses;
        };
        const QList<int> first = run(u"7"_s);
        QCOMPARE(first.size(), 40);
        QVERIFY(first.contains(404) && std::any_of(first.cbegin(), first.cend(), [](int s) { return s >= 500; }));
        QCOMPARE(run(u"7"_s), first);
        QVERIFY(run(u"8"_s) != first);
    }

    void droppedConnectionsAndLatency()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({u"--oss-faults"_s, u"drop-rate=1,latency-ms=300"_s}), qPrintable(sandbox.errorOutput()));
        HttpTestClient api(sandbox.apiEndpoint());
        const Upload u = uploadToken(api, clientToken(sandbox, api));
        HttpTestClient oss(u.endpoint);
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = ossRequest(oss, u, "PUT", u.destination + u"/dropped.bam"_s, randomBytes(2 << 20), true);
        QVERIFY(timer.elapsed() >= 300);
        QVERIFY2(r.error != QNetworkReply::NoError, qPrintable(QString::number(r.status) + u" "_s + QString::number(r.error)));
        QVERIFY2(r.status == 0, r.body.constData());
        // Nothing half-written became visible.
        QCOMPARE(ossRequest(oss, u, "HEAD", u.destination + u"/dropped.bam"_s, {}, true).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSandboxStorage)
#include "tst_sandbox_storage.moc"
