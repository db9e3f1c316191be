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
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

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

// Sends one object-storage request, path-style, signed the way core signs.
HttpResult ossRequest(HttpTestClient& http, const Upload& u, const QByteArray& verb, const QString& key,
                      const QByteArray& body, bool v4, QList<QPair<QString, QString>> query = {})
{
    SignableRequest r;
    r.method = verb;
    r.bucket = u.bucket;
    r.key = key;
    r.query = query;
    if (!body.isEmpty() || verb == "PUT")
        r.setHeader("Content-Type", "application/octet-stream");
    if (v4)
        SignatureV4::signHeaders(r, u.credentials, QDateTime::currentDateTimeUtc(), u.region.toUtf8());
    else
        SignatureV1::signHeaders(r, u.credentials, QDateTime::currentDateTimeUtc());
    QUrl url(u.endpoint + u'/' + u.bucket + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(key, "/")));
    QString q;
    for (const auto& [name, value] : query)
        q += (q.isEmpty() ? u""_s : u"&"_s) + name + (value.isEmpty() ? QString() : u'=' + value);
    if (!q.isEmpty())
        url.setQuery(q);
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const auto& [name, value] : r.headers)
        headers.append({name, value});
    return http.send(verb, url, body, headers);
}

QByteArray xmlCode(const HttpResult& r)
{
    const qsizetype from = r.body.indexOf("<Code>");
    const qsizetype to = r.body.indexOf("</Code>");
    return from < 0 || to < 0 ? QByteArray() : r.body.mid(from + 6, to - from - 6);
}

QByteArray randomBytes(qsizetype n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char& c : b)
        c = char(rng.bounded(256));
    return b;
}

} // namespace

class TestSandboxStorage final : public QObject
{
    Q_OBJECT

private:
    QString clientToken(SandboxProcess& sandbox, HttpTestClient& api)
    {
        const QJsonObject app = sandbox.client(u"client_credentials"_s);
        return api.clientToken(app.value(u"client_id").toString(), app.value(u"client_secret").toString());
    }

private Q_SLOTS:
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
        }
        SandboxProcess again;
        QVERIFY2(again.start({u"--data-dir"_s, data.path()}), qPrintable(again.errorOutput()));
        HttpTestClient api(again.apiEndpoint());
        const Upload u = uploadToken(api, clientToken(again, api));
        HttpTestClient oss(u.endpoint);
        QCOMPARE(u.destination + u"/kept.vcf"_s, key); // same seed, same destination
        QCOMPARE(ossRequest(oss, u, "GET", key, {}, true).body, body);
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
};

QTEST_GUILESS_MAIN(TestSandboxStorage)
#include "tst_sandbox_storage.moc"
