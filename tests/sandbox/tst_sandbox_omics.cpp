// The HealthOmics emulator in bge-sandbox, over loopback with requests signed here with
// bge::aws::SigV4: every read-set operation's success and error paths, SigV4 refusals,
// validation, paging, filters, the upload life cycle, import jobs, quotas, idempotency,
// fault injection and state across a restart.
#include "common/httptestclient.h"
#include "common/sandboxprocess.h"

#include "aws/sigv4.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace bge::test;
using namespace Qt::StringLiterals;
namespace SigV4 = bge::aws::SigV4;

namespace {

using Query = QList<QPair<QByteArray, QByteArray>>;

// One signed call; fields left alone give a correct request.
struct Call
{
    QByteArray method = "POST";
    QString path;
    Query query;
    QByteArray body;
    bool json = true;             // Content-Type: application/json (signed) when there is a body
    bool unsignedPayload = false; // UploadReadSetPart as the SDKs send it
    bool sign = true;
    QDateTime at = QDateTime::currentDateTimeUtc();
    QString accessKeyId; // empty: the emulator's
    QString secret;      // empty: the emulator's
    QByteArray region;   // empty: the emulator's
    QByteArray service = "omics";
    QByteArray rawQuery; // sent verbatim instead of `query` (the signature still covers `query`)
};

class Omics final
{
public:
    explicit Omics(const QJsonObject& description)
        : d(description.value(u"omics").toObject()), m_http(d.value(u"endpoint").toString())
    {
    }

    QJsonObject d;
    QString store(int i = 0) const { return d.value(u"sequence_stores").toArray().at(i)[u"id"].toString(); }

    HttpResult send(const Call& c)
    {
        const QUrl base(d.value(u"endpoint").toString());
        QByteArray encodedQuery;
        for (const auto& [name, value] : c.query)
            encodedQuery +=
                (encodedQuery.isEmpty() ? "" : "&") + SigV4::uriEncode(name) + '=' + SigV4::uriEncode(value);
        if (!c.rawQuery.isEmpty())
            encodedQuery = c.rawQuery;
        const QUrl url = QUrl::fromEncoded(base.toEncoded() + c.path.toUtf8() +
                                               (encodedQuery.isEmpty() ? QByteArray() : '?' + encodedQuery),
                                           QUrl::StrictMode);
        SigV4::Request r;
        r.method = c.method;
        r.path = c.path.toUtf8();
        r.query = c.query;
        r.headers.append({"Host", base.host().toLatin1() + ':' + QByteArray::number(base.port())});
        if (!c.body.isEmpty() && c.json)
            r.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        if (!c.body.isEmpty() && !c.json && !c.unsignedPayload)
            r.headers.append({QByteArray("Content-Type"), QByteArray("application/octet-stream")});
        if (c.sign) {
            bge::aws::AwsCredentials credentials;
            credentials.accessKeyId =
                c.accessKeyId.isEmpty() ? d.value(u"access_key_id").toString() : c.accessKeyId;
            credentials.secretAccessKey =
                c.secret.isEmpty() ? d.value(u"secret_access_key").toString() : c.secret;
            const QByteArray region =
                c.region.isEmpty() ? d.value(u"region").toString().toLatin1() : c.region;
            SigV4::sign(r, credentials, c.at, region, c.service,
                        c.unsignedPayload ? SigV4::kUnsignedPayload
                                          : QByteArrayView(SigV4::payloadHash(c.body)));
        }
        QList<std::pair<QByteArray, QByteArray>> headers;
        for (const auto& [name, value] : std::as_const(r.headers)) {
            if (name != "Host")
                headers.emplaceBack(name, value);
        }
        return m_http.send(c.method, url, c.body, headers);
    }

    HttpResult post(const QString& path, const QJsonObject& body = {}, const Query& query = {})
    {
        Call c;
        c.path = path;
        c.query = query;
        c.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return send(c);
    }
    HttpResult get(const QString& path, const Query& query = {})
    {
        Call c;
        c.method = "GET";
        c.path = path;
        c.query = query;
        return send(c);
    }
    HttpResult putPart(const QString& store, const QString& upload, const QByteArray& source, int number,
                       const QByteArray& bytes)
    {
        Call c;
        c.method = "PUT";
        c.path = u"/sequencestore/%1/upload/%2/part"_s.arg(store, upload);
        c.query = {{"partSource", source}, {"partNumber", QByteArray::number(number)}};
        c.body = bytes;
        c.json = false;
        c.unsignedPayload = true;
        return send(c);
    }

    QJsonObject createUpload(const QString& store, const QJsonObject& body)
    {
        const HttpResult r = post(u"/sequencestore/%1/upload"_s.arg(store), body);
        return r.status == 200 ? r.json() : QJsonObject{{u"error"_s, QString::fromUtf8(r.body)}};
    }

    QJsonObject metadata(const QString& store, const QString& id)
    {
        return get(u"/sequencestore/%1/readset/%2/metadata"_s.arg(store, id)).json();
    }

    // Every read set of a store with a filter, following nextToken.
    QJsonArray allReadSets(const QString& store, const QJsonObject& filter, int pageSize = 100,
                           int* pages = nullptr)
    {
        QJsonArray all;
        QByteArray token;
        int count = 0;
        do {
            Query q{{"maxResults", QByteArray::number(pageSize)}};
            if (!token.isEmpty())
                q.append({"nextToken", token});
            const HttpResult r =
                post(u"/sequencestore/%1/readsets"_s.arg(store),
                     filter.isEmpty() ? QJsonObject{} : QJsonObject{{u"filter"_s, filter}}, q);
            if (r.status != 200)
                return {};
            for (const QJsonValue& v : r.json().value(u"readSets").toArray())
                all.append(v);
            token = r.json().value(u"nextToken").toString().toLatin1();
            ++count;
        } while (!token.isEmpty() && count < 1000);
        if (pages)
            *pages = count;
        return all;
    }

    QByteArray readAll(const QString& store, const QString& id, const QByteArray& file, int parts)
    {
        QByteArray all;
        for (int i = 1; i <= parts; ++i) {
            const HttpResult r = get(u"/sequencestore/%1/readset/%2"_s.arg(store, id),
                                     {{"partNumber", QByteArray::number(i)}, {"file", file}});
            if (r.status != 200)
                return "part " + QByteArray::number(i) + " failed: " + r.body;
            all += r.body;
        }
        return all;
    }

private:
    HttpTestClient m_http;
};

QByteArray errorType(const HttpResult& r)
{
    return r.header("X-Amzn-ErrorType");
}

QString message(const HttpResult& r)
{
    return r.json().value(u"message").toString();
}

// The bytes of a demo read set of a type, read back through GetReadSet.
QByteArray demoBytes(Omics& o, const QString& store, const QString& fileType)
{
    const QJsonArray sets = o.allReadSets(store, {{u"status"_s, u"ACTIVE"_s}});
    for (const QJsonValue& v : sets) {
        if (v[u"fileType"].toString() != fileType || v[u"creationType"].toString() != u"UPLOAD")
            continue;
        const QString id = v[u"id"].toString();
        const int parts = o.metadata(store, id)[u"files"][u"source1"][u"totalParts"].toInt();
        return o.readAll(store, id, "SOURCE1", parts);
    }
    return {};
}

QByteArray fastqText(int reads)
{
    QByteArray text;
    for (int i = 0; i < reads; ++i)
        text += "@A00123:8:HV3K2DSX3:1:1101:" + QByteArray::number(1000 + i) +
                ":1000 1:N:0:ATCACG\nACGTACGTAC\n+\nIIIIIIIIII\n";
    return text;
}

} // namespace

class TestSandboxOmics final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_data;
    std::unique_ptr<Omics> m_omics;
    // Small GetReadSet parts so that small files have several; a processing delay long enough to
    // see PROCESSING_UPLOAD right after Complete.
    static constexpr int kReadPartSize = 1000;

    QString waitForStatus(const QString& store, const QString& id, const QString& notThis)
    {
        QString status;
        for (int i = 0; i < 300; ++i) {
            status = m_omics->metadata(store, id).value(u"status").toString();
            if (status != notThis)
                break;
            QTest::qWait(50);
        }
        return status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QVERIFY2(m_sandbox.start({u"--data-dir"_s, m_data.path(), u"--omics-quotas"_s, u"off"_s,
                                  u"--omics-read-part-size"_s, QString::number(kReadPartSize),
                                  u"--omics-processing-ms"_s, u"1500"_s}),
                 qPrintable(m_sandbox.errorOutput()));
        m_omics = std::make_unique<Omics>(m_sandbox.description());
    }

    void describeHasExactlyTheOmicsKeys()
    {
        QProcess p;
        p.start(SandboxProcess::executable(), {u"--describe"_s, u"--omics-port"_s, u"8799"_s});
        QVERIFY(p.waitForFinished(30000));
        const QJsonObject o =
            QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(u"omics").toObject();
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"access_key_id"_s, u"account_id"_s, u"endpoint"_s, u"import_role_arn"_s,
                                    u"reference_arn"_s, u"region"_s, u"s3_sources"_s, u"secret_access_key"_s,
                                    u"sequence_stores"_s}));
        QCOMPARE(o[u"endpoint"].toString(), u"http://127.0.0.1:8799"_s);
        QVERIFY(QRegularExpression(u"^AKIA[A-Z0-9]{16}$"_s).match(o[u"access_key_id"].toString()).hasMatch());
        QCOMPARE(o[u"secret_access_key"].toString().size(), 40);
        QVERIFY(QRegularExpression(u"^\\d{12}$"_s).match(o[u"account_id"].toString()).hasMatch());
        QVERIFY(o[u"reference_arn"].toString().startsWith(u"arn:aws:omics:"));
        QVERIFY(o[u"import_role_arn"].toString().startsWith(u"arn:aws:iam::" + o[u"account_id"].toString()));
        QCOMPARE(o[u"sequence_stores"].toArray().size(), 2);
        for (const QJsonValue& s : o[u"sequence_stores"].toArray()) {
            QVERIFY(QRegularExpression(u"^\\d{10}$"_s).match(s[u"id"].toString()).hasMatch());
            QVERIFY(!s[u"name"].toString().isEmpty());
            QCOMPARE(s.toObject().keys().size(), 2);
        }
        QSet<QString> types;
        for (const QJsonValue& s : o[u"s3_sources"].toArray()) {
            QVERIFY(s[u"uri"].toString().startsWith(u"s3://"));
            types.insert(s[u"file_type"].toString());
        }
        QCOMPARE(types, (QSet<QString>{u"FASTQ"_s, u"BAM"_s, u"CRAM"_s, u"UBAM"_s}));
        // The running sandbox advertises its real port, and the same keys for the same seed.
        QVERIFY(m_omics->d[u"endpoint"].toString() != u"http://127.0.0.1:0"_s);
        QCOMPARE(m_omics->d[u"access_key_id"], o[u"access_key_id"]);
    }

    void signatureRefusals_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QString>("text");
        QTest::newRow("missing auth") << 0 << 403 << QByteArray("MissingAuthenticationTokenException")
                                      << u"Missing Authentication Token"_s;
        QTest::newRow("unknown key") << 1 << 403 << QByteArray("UnrecognizedClientException")
                                     << u"The security token included in the request is invalid."_s;
        QTest::newRow("wrong secret")
            << 2 << 403 << QByteArray("InvalidSignatureException")
            << u"The request signature we calculated does not match the signature you "
               "provided. Check your AWS Secret Access Key and signing method. Consult the "
               "service documentation for details."_s;
        QTest::newRow("expired") << 3 << 403 << QByteArray("InvalidSignatureException")
                                 << u"Signature expired: "_s;
        QTest::newRow("future") << 4 << 403 << QByteArray("InvalidSignatureException")
                                << u"Signature not yet current: "_s;
        QTest::newRow("wrong service") << 5 << 403 << QByteArray("InvalidSignatureException")
                                       << u"Credential should be scoped to correct service: 'omics'."_s;
        QTest::newRow("wrong region") << 6 << 403 << QByteArray("InvalidSignatureException")
                                      << u"Credential should be scoped to a valid region, not 'eu-west-1'."_s;
        QTest::newRow("malformed") << 7 << 400 << QByteArray("IncompleteSignatureException")
                                   << u"Authorization header requires"_s;
        QTest::newRow("body changed") << 8 << 403 << QByteArray("InvalidSignatureException")
                                      << u"The request signature we calculated"_s;
    }
    void signatureRefusals()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        QFETCH(QString, text);
        Call c;
        c.path = u"/sequencestores"_s;
        c.body = "{}";
        switch (kind) {
        case 0:
            c.sign = false;
            break;
        case 1:
            c.accessKeyId = u"AKIAIOSFODNN7EXAMPLE"_s;
            break;
        case 2:
            c.secret = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
            break;
        case 3:
            c.at = QDateTime::currentDateTimeUtc().addSecs(-16 * 60);
            break;
        case 4:
            c.at = QDateTime::currentDateTimeUtc().addSecs(16 * 60);
            break;
        case 5:
            c.service = "s3";
            break;
        case 6:
            c.region = "eu-west-1";
            break;
        default:
            break;
        }
        HttpResult r;
        if (kind == 7 || kind == 8) {
            // A request signed for one thing and sent as another.
            SigV4::Request signedRequest;
            const QUrl base(m_omics->d[u"endpoint"].toString());
            signedRequest.method = "POST";
            signedRequest.path = "/sequencestores";
            signedRequest.headers = {{"Host", base.host().toLatin1() + ':' + QByteArray::number(base.port())},
                                     {"Content-Type", "application/json"}};
            bge::aws::AwsCredentials credentials{
                m_omics->d[u"access_key_id"].toString(), m_omics->d[u"secret_access_key"].toString(), {}, {}};
            SigV4::sign(signedRequest, credentials, QDateTime::currentDateTimeUtc(), "us-east-1", "omics",
                        SigV4::payloadHash("{}"));
            QByteArray authorization = signedRequest.header("Authorization");
            if (kind == 7)
                authorization = "AWS4-HMAC-SHA256 Credential=broken";
            HttpTestClient http(m_omics->d[u"endpoint"].toString());
            r = http.send("POST", QUrl(base.toString() + u"/sequencestores"_s),
                          kind == 8 ? "{\"filter\":{}}" : "{}",
                          {{"Content-Type", "application/json"},
                           {"X-Amz-Date", signedRequest.header("X-Amz-Date")},
                           {"Authorization", authorization}});
        } else {
            r = m_omics->send(c);
        }
        QCOMPARE(r.status, status);
        QCOMPARE(errorType(r), type);
        QVERIFY2(message(r).startsWith(text), qPrintable(message(r)));
        QVERIFY(!r.header("x-amzn-RequestId").isEmpty());
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        if (kind == 3)
            QVERIFY2(message(r).endsWith(u" - 15 min.)"_s), qPrintable(message(r)));
    }

    void sequenceStores()
    {
        HttpResult r = m_omics->post(u"/sequencestores"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(!r.header("x-amzn-RequestId").isEmpty());
        const QJsonArray stores = r.json()[u"sequenceStores"].toArray();
        QCOMPARE(stores.size(), 2);
        QCOMPARE(stores[0][u"id"].toString(), m_omics->store(0));
        QVERIFY(stores[0][u"arn"].toString().endsWith(u":sequenceStore/"_s + m_omics->store(0)));
        QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00$"_s)
                    .match(stores[0][u"creationTime"].toString())
                    .hasMatch());

        // Paging with a token that needs percent-encoding.
        r = m_omics->post(u"/sequencestores"_s, {}, {{"maxResults", "1"}});
        QCOMPARE(r.json()[u"sequenceStores"].toArray().size(), 1);
        const QByteArray token = r.json()[u"nextToken"].toString().toLatin1();
        QVERIFY(token.contains('+') && token.contains('/') && token.contains('='));
        r = m_omics->post(u"/sequencestores"_s, {}, {{"maxResults", "1"}, {"nextToken", token}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"sequenceStores"].toArray()[0][u"id"].toString(), m_omics->store(1));
        QVERIFY(!r.json().contains(u"nextToken"));

        r = m_omics->post(u"/sequencestores"_s,
                          {{u"filter"_s, QJsonObject{{u"name"_s, stores[1][u"name"]}}}});
        QCOMPARE(r.json()[u"sequenceStores"].toArray().size(), 1);
        r = m_omics->post(u"/sequencestores"_s,
                          {{u"filter"_s, QJsonObject{{u"createdAfter"_s, u"2099-01-01T00:00:00Z"_s}}}});
        QCOMPARE(r.json()[u"sequenceStores"].toArray().size(), 0);

        r = m_omics->get(u"/sequencestore/"_s + m_omics->store(1));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"id"].toString(), m_omics->store(1));
        QCOMPARE(r.json()[u"status"].toString(), u"ACTIVE"_s);

        r = m_omics->get(u"/sequencestore/1234567890"_s);
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QByteArray("ResourceNotFoundException"));
        r = m_omics->get(u"/sequencestore/12ab"_s);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QByteArray("ValidationException"));
        r = m_omics->get(u"/nothing/here"_s);
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QByteArray("UnknownOperationException"));
    }

    void listReadSetsPaging()
    {
        const QString store = m_omics->store(0);
        int pages = 0;
        const QJsonArray all = m_omics->allReadSets(store, {}, 100);
        const QJsonArray paged = m_omics->allReadSets(store, {}, 7, &pages);
        QVERIFY(all.size() >= 40);
        QCOMPARE(paged.size(), all.size());
        QCOMPARE(pages, int((all.size() + 6) / 7));
        QSet<QString> ids;
        for (const QJsonValue& v : paged)
            ids.insert(v[u"id"].toString());
        QCOMPARE(ids.size(), all.size());
        const qsizetype both = all.size() + m_omics->allReadSets(m_omics->store(1), {}).size();
        QVERIFY2(both >= 60, qPrintable(QString::number(both)));
        QSet<QString> types;
        for (const QJsonValue& v : all) {
            types.insert(v[u"fileType"].toString());
            QVERIFY(v[u"arn"].toString().endsWith(u"/readSet/"_s + v[u"id"].toString()));
            QCOMPARE(v[u"sequenceStoreId"].toString(), store);
        }
        QCOMPARE(types.size(), 4);

        // A token sent without percent-encoding ('+' read as a space) does not page.
        HttpResult r = m_omics->post(u"/sequencestore/%1/readsets"_s.arg(store), {}, {{"maxResults", "5"}});
        const QByteArray token = r.json()[u"nextToken"].toString().toLatin1();
        QVERIFY(token.contains('+'));
        Call c;
        c.path = u"/sequencestore/%1/readsets"_s.arg(store);
        c.body = "{}";
        c.query = {{"maxResults", "5"}, {"nextToken", token}};
        c.rawQuery = "maxResults=5&nextToken=" + token;
        r = m_omics->send(c);
        QVERIFY2(r.status == 400 || r.status == 403, r.body.constData());
        // A token of another list (or a made-up one) is refused.
        r = m_omics->post(u"/sequencestore/%1/readsets"_s.arg(store),
                          {{u"filter"_s, QJsonObject{{u"fileType"_s, 1}}}}, {{"nextToken", "abc"}});
        QCOMPARE(r.status, 400);
        r = m_omics->post(u"/sequencestore/%1/readsets"_s.arg(m_omics->store(1)), {}, {{"nextToken", token}});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QByteArray("ValidationException"));
        // Unknown store.
        r = m_omics->post(u"/sequencestore/1111111111/readsets"_s);
        QCOMPARE(r.status, 404);
    }

    void listReadSetsFilters_data()
    {
        QTest::addColumn<QString>("member");
        QTest::newRow("name") << u"name"_s;
        QTest::newRow("status") << u"status"_s;
        QTest::newRow("referenceArn") << u"referenceArn"_s;
        QTest::newRow("sampleId") << u"sampleId"_s;
        QTest::newRow("subjectId") << u"subjectId"_s;
        QTest::newRow("generatedFrom") << u"generatedFrom"_s;
        QTest::newRow("creationType") << u"creationType"_s;
        QTest::newRow("createdAfter") << u"createdAfter"_s;
        QTest::newRow("createdBefore") << u"createdBefore"_s;
    }
    void listReadSetsFilters()
    {
        QFETCH(QString, member);
        const QString store = m_omics->store(0);
        const QJsonArray all = m_omics->allReadSets(store, {});
        QVERIFY(all.size() > 10);
        const QJsonObject pick = all.at(all.size() / 2).toObject();
        QJsonValue value;
        std::function<bool(const QJsonObject&)> expected;
        const auto when = [](const QJsonObject& o) {
            return QDateTime::fromString(o[u"creationTime"].toString(), Qt::ISODateWithMs);
        };
        if (member == u"createdAfter" || member == u"createdBefore") {
            // An offset other than Z: the same instant written in UTC+08:00.
            const QDateTime t = when(pick).addMSecs(1);
            value = t.toTimeZone(QTimeZone(8 * 3600)).toString(Qt::ISODateWithMs);
            expected = member == u"createdAfter"
                           ? std::function([t, when](const QJsonObject& o) { return when(o) >= t; })
                           : std::function([t, when](const QJsonObject& o) { return when(o) <= t; });
        } else if (member == u"generatedFrom") {
            value = pick[u"sequenceInformation"][u"generatedFrom"];
            expected = [&](const QJsonObject& o) {
                return o[u"sequenceInformation"][u"generatedFrom"] == value;
            };
        } else if (member == u"referenceArn") {
            value = m_omics->d[u"reference_arn"];
            expected = [&](const QJsonObject& o) { return o[u"referenceArn"] == value; };
        } else {
            value = pick[member];
            expected = [&](const QJsonObject& o) { return o[member] == value; };
        }
        QVERIFY(!value.toString().isEmpty());
        qsizetype count = 0;
        for (const QJsonValue& v : all)
            count += expected(v.toObject()) ? 1 : 0;
        QVERIFY(count > 0);
        const QJsonArray filtered = m_omics->allReadSets(store, {{member, value}}, 3);
        QCOMPARE(filtered.size(), count);
        for (const QJsonValue& v : filtered)
            QVERIFY(expected(v.toObject()));
        if (member == u"referenceArn") {
            // An empty referenceArn: read sets without one.
            const QJsonArray unlinked = m_omics->allReadSets(store, {{member, QString()}});
            QCOMPARE(unlinked.size() + filtered.size(), all.size());
        }
    }

    void validation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("message");
        const QString store = u"/sequencestore/%1"_s;
        QTest::newRow("maxResults 0")
            << u"/sequencestores"_s << QByteArray("{}") << QByteArray("maxResults=0")
            << u"1 validation error detected: Value '0' at 'maxResults' failed to satisfy "
               "constraint: Member must have value greater than or equal to 1"_s;
        QTest::newRow("maxResults 101")
            << store + u"/readsets"_s << QByteArray("{}") << QByteArray("maxResults=101")
            << u"1 validation error detected: Value '101' at 'maxResults' failed to satisfy "
               "constraint: Member must have value less than or equal to 100"_s;
        QTest::newRow("status enum")
            << store + u"/readsets"_s << QByteArray("{\"filter\":{\"status\":\"GONE\"}}") << QByteArray()
            << u"1 validation error detected: Value 'GONE' at 'filter.status' failed to "
               "satisfy constraint: Member must satisfy enum value set: [ARCHIVED, ACTIVATING, "
               "ACTIVE, DELETING, DELETED, PROCESSING_UPLOAD, UPLOAD_FAILED]"_s;
        QTest::newRow("required")
            << store + u"/upload"_s << QByteArray("{\"sourceFileType\":\"FASTQ\",\"name\":\"n\"}")
            << QByteArray()
            << u"2 validation errors detected: Value null at 'subjectId' failed to satisfy "
               "constraint: Member must not be null; Value null at 'sampleId' failed to satisfy "
               "constraint: Member must not be null"_s;
        QTest::newRow("file type enum")
            << store + u"/upload"_s
            << QByteArray(
                   "{\"sourceFileType\":\"SAM\",\"subjectId\":\"s\",\"sampleId\":\"x\",\"name\":\"n\"}")
            << QByteArray()
            << u"1 validation error detected: Value 'SAM' at 'sourceFileType' failed to satisfy constraint: "
               u"Member must "
               "satisfy enum value set: [FASTQ, BAM, CRAM, UBAM]"_s;
        QTest::newRow("name too long")
            << store + u"/upload"_s
            << QByteArray("{\"sourceFileType\":\"FASTQ\",\"subjectId\":\"s\",\"sampleId\":\"x\",\"name\":\"" +
                          QByteArray(128, 'n') + "\"}")
            << QByteArray()
            << u"at 'name' failed to satisfy constraint: Member must have length less than or equal to 127"_s;
        QTest::newRow("BAM without reference")
            << store + u"/upload"_s
            << QByteArray(
                   "{\"sourceFileType\":\"BAM\",\"subjectId\":\"s\",\"sampleId\":\"x\",\"name\":\"n\"}")
            << QByteArray() << u"A reference ARN is required for BAM files"_s;
        QTest::newRow("CRAM without reference")
            << store + u"/upload"_s
            << QByteArray(
                   "{\"sourceFileType\":\"CRAM\",\"subjectId\":\"s\",\"sampleId\":\"x\",\"name\":\"n\"}")
            << QByteArray() << u"A reference ARN is required for CRAM files"_s;
        QTest::newRow("unknown reference")
            << store + u"/upload"_s
            << QByteArray(
                   "{\"sourceFileType\":\"BAM\",\"subjectId\":\"s\",\"sampleId\":\"x\",\"name\":\"n\","
                   "\"referenceArn\":\"arn:aws:omics:us-east-1:123456789012:referenceStore/1/reference/2\"}")
            << QByteArray()
            << u"The reference arn:aws:omics:us-east-1:123456789012:referenceStore/1/reference/2 does not exist."_s;
        QTest::newRow("reference pattern")
            << store + u"/upload"_s
            << QByteArray("{\"sourceFileType\":\"BAM\",\"subjectId\":\"s\",\"sampleId\":\"x\",\"name\":\"n\","
                          "\"referenceArn\":\"ref\"}")
            << QByteArray()
            << u"Value 'ref' at 'referenceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:.+"_s;
        QTest::newRow("malformed JSON")
            << store + u"/readsets"_s << QByteArray("{\"filter\":") << QByteArray() << u"Unable to parse"_s;
        QTest::newRow("parts member")
            << store + u"/upload/5555555555/parts"_s << QByteArray("{}") << QByteArray()
            << u"Value null at 'partSource' failed to satisfy constraint: Member must not be null"_s;
        QTest::newRow("part number")
            << store + u"/upload/5555555555/complete"_s
            << QByteArray("{\"parts\":[{\"partNumber\":0,\"partSource\":\"SOURCE1\",\"checksum\":\"x\"}]}")
            << QByteArray()
            << u"Value '0' at 'parts.1.member.partNumber' failed to satisfy constraint: Member must have value greater than or equal to 1"_s;
        QTest::newRow("no sources")
            << store + u"/importjob"_s
            << QByteArray("{\"roleArn\":\"arn:aws:iam::123456789012:role/x\",\"sources\":[]}") << QByteArray()
            << u"at 'sources' failed to satisfy constraint: Member must have length greater than or equal to 1"_s;
        QTest::newRow("import filter")
            << store + u"/importjobs"_s << QByteArray("{\"filter\":{\"status\":\"DONE\"}}") << QByteArray()
            << u"Value 'DONE' at 'filter.status'"_s;
    }
    void validation()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, query);
        QFETCH(QString, message);
        Call c;
        c.path = path.contains(u"%1"_s) ? path.arg(m_omics->store(0)) : path;
        c.body = body;
        for (const QByteArray& item : query.split('&')) {
            if (!item.isEmpty())
                c.query.append({item.left(item.indexOf('=')), item.mid(item.indexOf('=') + 1)});
        }
        const HttpResult r = m_omics->send(c);
        QCOMPARE(r.status, 400);
        QVERIFY2(errorType(r) == "ValidationException" || errorType(r) == "SerializationException",
                 errorType(r).constData());
        QVERIFY2(::message(r).contains(message), qPrintable(::message(r)));
        if (message.startsWith(u"1 validation") || message.startsWith(u"2 validation"))
            QCOMPARE(::message(r), message);
    }

    void uploadLifeCycle()
    {
        const QString store = m_omics->store(0);
        const QByteArray ubam = demoBytes(*m_omics, store, u"UBAM"_s);
        QVERIFY(ubam.size() > 3 * kReadPartSize);
        const QJsonObject created =
            m_omics->createUpload(store, {{u"sourceFileType"_s, u"UBAM"_s},
                                          {u"subjectId"_s, u"TRIO-9001"_s},
                                          {u"sampleId"_s, u"NA19240"_s},
                                          {u"name"_s, u"NA19240_unaligned"_s},
                                          {u"description"_s, u"life cycle"_s},
                                          {u"tags"_s, QJsonObject{{u"project"_s, u"bge"_s}}}});
        const QString upload = created[u"uploadId"].toString();
        QVERIFY2(QRegularExpression(u"^\\d{10}$"_s).match(upload).hasMatch(),
                 qPrintable(created[u"error"].toString()));
        QCOMPARE(created[u"sequenceStoreId"].toString(), store);
        QCOMPARE(created[u"sourceFileType"].toString(), u"UBAM"_s);
        QVERIFY(!created.contains(u"referenceArn"));

        // Three parts sent out of order, part 2 first with wrong bytes then replaced.
        const qsizetype third = ubam.size() / 3;
        const QByteArray parts[3] = {ubam.left(third), ubam.mid(third, third), ubam.mid(2 * third)};
        QString checksums[3];
        HttpResult r = m_omics->putPart(store, upload, "SOURCE1", 2, "wrong bytes");
        QCOMPARE(r.status, 200);
        const QString replaced = r.json()[u"checksum"].toString();
        for (int i : {2, 0, 1}) {
            r = m_omics->putPart(store, upload, "SOURCE1", i + 1, parts[i]);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
            checksums[i] = r.json()[u"checksum"].toString();
            QVERIFY(!checksums[i].isEmpty() && checksums[i].size() <= 100);
        }
        QVERIFY(checksums[1] != replaced);

        r = m_omics->post(u"/sequencestore/%1/upload/%2/parts"_s.arg(store, upload),
                          {{u"partSource"_s, u"SOURCE1"_s}});
        QCOMPARE(r.status, 200);
        const QJsonArray listed = r.json()[u"parts"].toArray();
        QCOMPARE(listed.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(listed[i][u"partNumber"].toInt(), i + 1);
            QCOMPARE(listed[i][u"partSource"].toString(), u"SOURCE1"_s);
            QCOMPARE(listed[i][u"checksum"].toString(), checksums[i]);
            QCOMPARE(qint64(listed[i][u"partSize"].toDouble()), parts[i].size());
        }
        r = m_omics->post(u"/sequencestore/%1/upload/%2/parts"_s.arg(store, upload),
                          {{u"partSource"_s, u"SOURCE1"_s}}, {{"maxResults", "2"}});
        QCOMPARE(r.json()[u"parts"].toArray().size(), 2);
        QVERIFY(r.json().contains(u"nextToken"));
        r = m_omics->post(u"/sequencestore/%1/upload/%2/parts"_s.arg(store, upload),
                          {{u"partSource"_s, u"SOURCE2"_s}});
        QCOMPARE(r.json()[u"parts"].toArray().size(), 0);

        // ListMultipartReadSetUploads has no body at all, as the SDKs send it.
        Call list;
        list.path = u"/sequencestore/%1/uploads"_s.arg(store);
        r = m_omics->send(list);
        QCOMPARE(r.status, 200);
        bool found = false;
        for (const QJsonValue& u : r.json()[u"uploads"].toArray())
            found = found || u[u"uploadId"].toString() == upload;
        QVERIFY(found);

        const auto complete = [&](const QJsonArray& partList) {
            return m_omics->post(u"/sequencestore/%1/upload/%2/complete"_s.arg(store, upload),
                                 {{u"parts"_s, partList}});
        };
        const auto item = [](int n, const QString& checksum) {
            return QJsonObject{
                {u"partNumber"_s, n}, {u"partSource"_s, u"SOURCE1"_s}, {u"checksum"_s, checksum}};
        };
        r = complete({item(1, checksums[0]), item(2, replaced), item(3, checksums[2])});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QByteArray("ValidationException"));
        r = complete({item(1, checksums[0]), item(2, checksums[1]), item(4, checksums[2])});
        QCOMPARE(r.status, 400);
        QVERIFY(message(r).contains(u"not uploaded"_s));
        r = complete({item(1, checksums[0]), item(3, checksums[2])});
        QCOMPARE(r.status, 400);
        r = complete({item(1, checksums[0]), item(2, checksums[1]), item(3, checksums[2])});
        QCOMPARE(r.status, 200);
        const QString readSet = r.json()[u"readSetId"].toString();
        QVERIFY(!readSet.isEmpty());

        // Gone from the uploads; the read set processes, then is ACTIVE and reads back identical.
        r = m_omics->send(list);
        for (const QJsonValue& u : r.json()[u"uploads"].toArray())
            QVERIFY(u[u"uploadId"].toString() != upload);
        QCOMPARE(m_omics->putPart(store, upload, "SOURCE1", 1, "late").status, 404);
        QJsonObject meta = m_omics->metadata(store, readSet);
        if (meta[u"status"].toString() == u"PROCESSING_UPLOAD") {
            r = m_omics->get(u"/sequencestore/%1/readset/%2"_s.arg(store, readSet), {{"partNumber", "1"}});
            QCOMPARE(r.status, 409);
            QCOMPARE(errorType(r), QByteArray("ConflictException"));
        }
        QCOMPARE(waitForStatus(store, readSet, u"PROCESSING_UPLOAD"_s), u"ACTIVE"_s);
        meta = m_omics->metadata(store, readSet);
        QCOMPARE(meta[u"fileType"].toString(), u"UBAM"_s);
        QCOMPARE(meta[u"creationType"].toString(), u"UPLOAD"_s);
        QCOMPARE(meta[u"name"].toString(), u"NA19240_unaligned"_s);
        const QJsonObject source1 = meta[u"files"][u"source1"].toObject();
        QCOMPARE(qint64(source1[u"contentLength"].toDouble()), ubam.size());
        QCOMPARE(source1[u"partSize"].toInt(), kReadPartSize);
        const int totalParts = source1[u"totalParts"].toInt();
        QCOMPARE(totalParts, int((ubam.size() + kReadPartSize - 1) / kReadPartSize));
        QVERIFY(!meta[u"files"].toObject().contains(u"source2"));
        QCOMPARE(m_omics->readAll(store, readSet, "SOURCE1", totalParts), ubam);
        r = m_omics->get(u"/sequencestore/%1/readset/%2"_s.arg(store, readSet), {{"partNumber", "2"}});
        QCOMPARE(r.body, ubam.mid(kReadPartSize, kReadPartSize)); // file defaults to SOURCE1
        QCOMPARE(r.header("Content-Type"), QByteArray("application/octet-stream"));
        r = m_omics->get(u"/sequencestore/%1/readset/%2"_s.arg(store, readSet),
                         {{"partNumber", QByteArray::number(totalParts + 1)}, {"file", "SOURCE1"}});
        QCOMPARE(r.status, 416);
        QCOMPARE(errorType(r), QByteArray("RangeNotSatisfiableException"));
        r = m_omics->get(u"/sequencestore/%1/readset/%2"_s.arg(store, readSet), {{"partNumber", "10001"}});
        QCOMPARE(r.status, 400);
        r = m_omics->get(u"/sequencestore/%1/readset/%2"_s.arg(store, readSet),
                         {{"partNumber", "1"}, {"file", "SOURCE3"}});
        QCOMPARE(r.status, 400);
        r = m_omics->get(u"/sequencestore/%1/readset/%2"_s.arg(store, readSet),
                         {{"partNumber", "1"}, {"file", "SOURCE2"}});
        QCOMPARE(r.status, 404);
        r = m_omics->get(u"/sequencestore/%1/readset/9999999999/metadata"_s.arg(store));
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QByteArray("ResourceNotFoundException"));
        // Listed with its filters, as an UPLOAD.
        const QJsonArray mine =
            m_omics->allReadSets(store, {{u"sampleId"_s, u"NA19240"_s}, {u"creationType"_s, u"UPLOAD"_s}});
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine[0][u"id"].toString(), readSet);
    }

    void pairedFastq()
    {
        const QString store = m_omics->store(1);
        const QJsonObject created = m_omics->createUpload(store, {{u"sourceFileType"_s, u"FASTQ"_s},
                                                                  {u"subjectId"_s, u"ASD-2002"_s},
                                                                  {u"sampleId"_s, u"HG00733"_s},
                                                                  {u"name"_s, u"HG00733_paired"_s},
                                                                  {u"generatedFrom"_s, u"NovaSeq 6000"_s}});
        const QString upload = created[u"uploadId"].toString();
        QVERIFY(!upload.isEmpty());
        const QByteArray r1 = fastqText(60);
        QByteArray r2 = fastqText(60);
        r2.replace(" 1:N", " 2:N");
        QJsonArray list;
        int n = 0;
        for (const auto& [source, bytes] :
             {std::pair{QByteArray("SOURCE1"), r1}, std::pair{QByteArray("SOURCE2"), r2}}) {
            for (int i = 0; i < 2; ++i) {
                const HttpResult r =
                    m_omics->putPart(store, upload, source, i + 1,
                                     bytes.mid(i * (bytes.size() / 2), i == 0 ? bytes.size() / 2 : -1));
                QCOMPARE(r.status, 200);
                list.append(QJsonObject{{u"partNumber"_s, i + 1},
                                        {u"partSource"_s, QString::fromLatin1(source)},
                                        {u"checksum"_s, r.json()[u"checksum"]}});
                ++n;
            }
        }
        HttpResult r =
            m_omics->post(u"/sequencestore/%1/upload/%2/complete"_s.arg(store, upload), {{u"parts"_s, list}});
        QCOMPARE(r.status, 200);
        const QString readSet = r.json()[u"readSetId"].toString();
        QCOMPARE(waitForStatus(store, readSet, u"PROCESSING_UPLOAD"_s), u"ACTIVE"_s);
        const QJsonObject files = m_omics->metadata(store, readSet)[u"files"].toObject();
        QCOMPARE(qint64(files[u"source1"][u"contentLength"].toDouble()), r1.size());
        QCOMPARE(qint64(files[u"source2"][u"contentLength"].toDouble()), r2.size());
        QCOMPARE(m_omics->readAll(store, readSet, "SOURCE2", files[u"source2"][u"totalParts"].toInt()), r2);
        QCOMPARE(m_omics->readAll(store, readSet, "SOURCE1", files[u"source1"][u"totalParts"].toInt()), r1);

        // SOURCE2 only for FASTQ.
        const QString ubamUpload = m_omics
                                       ->createUpload(store, {{u"sourceFileType"_s, u"UBAM"_s},
                                                              {u"subjectId"_s, u"s"_s},
                                                              {u"sampleId"_s, u"x"_s},
                                                              {u"name"_s, u"n"_s}})[u"uploadId"]
                                       .toString();
        r = m_omics->putPart(store, ubamUpload, "SOURCE2", 1, "x");
        QCOMPARE(r.status, 400);
        QCOMPARE(errorType(r), QByteArray("ValidationException"));
        r = m_omics->putPart(store, ubamUpload, "SOURCE3", 1, "x");
        QCOMPARE(r.status, 400);
        r = m_omics->putPart(store, ubamUpload, "SOURCE1", 0, "x");
        QCOMPARE(r.status, 400);
        QVERIFY(message(r).contains(u"'partNumber'"_s));
        r = m_omics->putPart(store, ubamUpload, "SOURCE1", 10001, "x");
        QCOMPARE(r.status, 400);
        r = m_omics->putPart(store, u"4444444444"_s, "SOURCE1", 1, "x");
        QCOMPARE(r.status, 404);
    }

    void uploadFailedForWrongBytes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("FASTQ of text") << u"FASTQ"_s << QByteArray("this is not a FASTQ file\n");
        QTest::newRow("CRAM of FASTQ") << u"CRAM"_s << fastqText(3);
        QTest::newRow("BAM of FASTQ") << u"BAM"_s << fastqText(3);
        QTest::newRow("UBAM of aligned BAM") << u"UBAM"_s << QByteArray(); // filled from a demo BAM
    }
    void uploadFailedForWrongBytes()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, bytes);
        const QString store = m_omics->store(0);
        if (bytes.isEmpty())
            bytes = demoBytes(*m_omics, store, u"BAM"_s);
        QVERIFY(!bytes.isEmpty());
        QJsonObject body{{u"sourceFileType"_s, type},
                         {u"subjectId"_s, u"s"_s},
                         {u"sampleId"_s, u"x"_s},
                         {u"name"_s, u"bad"_s}};
        if (type == u"BAM" || type == u"CRAM")
            body.insert(u"referenceArn"_s, m_omics->d[u"reference_arn"]);
        const QString upload = m_omics->createUpload(store, body)[u"uploadId"].toString();
        HttpResult r = m_omics->putPart(store, upload, "SOURCE1", 1, bytes);
        QCOMPARE(r.status, 200);
        r = m_omics->post(u"/sequencestore/%1/upload/%2/complete"_s.arg(store, upload),
                          {{u"parts"_s, QJsonArray{QJsonObject{{u"partNumber"_s, 1},
                                                               {u"partSource"_s, u"SOURCE1"_s},
                                                               {u"checksum"_s, r.json()[u"checksum"]}}}}});
        QCOMPARE(r.status, 200);
        const QString readSet = r.json()[u"readSetId"].toString();
        QCOMPARE(waitForStatus(store, readSet, u"PROCESSING_UPLOAD"_s), u"UPLOAD_FAILED"_s);
        const QJsonObject meta = m_omics->metadata(store, readSet);
        QVERIFY2(meta[u"statusMessage"].toString().contains(type),
                 qPrintable(meta[u"statusMessage"].toString()));
        r = m_omics->get(u"/sequencestore/%1/readset/%2"_s.arg(store, readSet), {{"partNumber", "1"}});
        QCOMPARE(r.status, 409);
        QCOMPARE(
            m_omics->allReadSets(store, {{u"status"_s, u"UPLOAD_FAILED"_s}, {u"name"_s, u"bad"_s}}).isEmpty(),
            false);
    }

    void abort()
    {
        const QString store = m_omics->store(0);
        const QString upload = m_omics
                                   ->createUpload(store, {{u"sourceFileType"_s, u"FASTQ"_s},
                                                          {u"subjectId"_s, u"s"_s},
                                                          {u"sampleId"_s, u"x"_s},
                                                          {u"name"_s, u"abort me"_s}})[u"uploadId"]
                                   .toString();
        QCOMPARE(m_omics->putPart(store, upload, "SOURCE1", 1, fastqText(2)).status, 200);
        Call c;
        c.method = "DELETE";
        c.path = u"/sequencestore/%1/upload/%2/abort"_s.arg(store, upload);
        HttpResult r = m_omics->send(c);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty() || r.json().isEmpty());
        Call list;
        list.path = u"/sequencestore/%1/uploads"_s.arg(store);
        for (const QJsonValue& u : m_omics->send(list).json()[u"uploads"].toArray())
            QVERIFY(u[u"uploadId"].toString() != upload);
        r = m_omics->send(c);
        QCOMPARE(r.status, 404);
        QCOMPARE(errorType(r), QByteArray("ResourceNotFoundException"));
        QCOMPARE(m_omics->putPart(store, upload, "SOURCE1", 2, "x").status, 404);
        r = m_omics->post(u"/sequencestore/%1/upload/%2/parts"_s.arg(store, upload),
                          {{u"partSource"_s, u"SOURCE1"_s}});
        QCOMPARE(r.status, 404);
        r = m_omics->post(u"/sequencestore/%1/upload/%2/complete"_s.arg(store, upload),
                          {{u"parts"_s, QJsonArray{QJsonObject{{u"partNumber"_s, 1},
                                                               {u"partSource"_s, u"SOURCE1"_s},
                                                               {u"checksum"_s, u"x"_s}}}}});
        QCOMPARE(r.status, 404);
    }

    void importJobs()
    {
        const QString store = m_omics->store(1);
        const QJsonArray sources = m_omics->d[u"s3_sources"].toArray();
        QJsonArray items;
        for (const QJsonValue& s : sources) {
            const QString type = s[u"file_type"].toString();
            if (type == u"FASTQ" && s[u"uri"].toString().contains(u"_R2_"))
                continue;
            QJsonObject files{{u"source1"_s, s[u"uri"]}};
            if (type == u"FASTQ")
                files.insert(u"source2"_s, QString(s[u"uri"].toString()).replace(u"_R1_"_s, u"_R2_"_s));
            QJsonObject item{{u"sourceFiles"_s, files},
                             {u"sourceFileType"_s, type},
                             {u"subjectId"_s, u"CRC-7001"_s},
                             {u"sampleId"_s, u"NA24385"_s},
                             {u"name"_s, QString(u"imported "_s + type)}};
            if (type == u"BAM" || type == u"CRAM")
                item.insert(u"referenceArn"_s, m_omics->d[u"reference_arn"]);
            items.append(item);
        }
        QCOMPARE(items.size(), 4);
        const QString role = m_omics->d[u"import_role_arn"].toString();
        HttpResult r = m_omics->post(u"/sequencestore/%1/importjob"_s.arg(store),
                                     {{u"roleArn"_s, role}, {u"sources"_s, items}});
        QCOMPARE(r.status, 200);
        const QString job = r.json()[u"id"].toString();
        QCOMPARE(r.json()[u"status"].toString(), u"SUBMITTED"_s);
        QCOMPARE(r.json()[u"roleArn"].toString(), role);

        QString status;
        QStringList seen;
        for (int i = 0; i < 300 && status != u"COMPLETED"; ++i) {
            r = m_omics->get(u"/sequencestore/%1/importjob/%2"_s.arg(store, job));
            QCOMPARE(r.status, 200);
            status = r.json()[u"status"].toString();
            if (seen.isEmpty() || seen.constLast() != status)
                seen.append(status);
            QTest::qWait(50);
        }
        QCOMPARE(status, u"COMPLETED"_s);
        QVERIFY2(seen.constFirst() == u"SUBMITTED" || seen.constFirst() == u"IN_PROGRESS",
                 qPrintable(seen.join(u',')));
        QVERIFY(r.json().contains(u"completionTime"));
        const QJsonArray result = r.json()[u"sources"].toArray();
        QCOMPARE(result.size(), 4);
        for (const QJsonValue& s : result) {
            QCOMPARE(s[u"status"].toString(), u"FINISHED"_s);
            const QString readSet = s[u"readSetId"].toString();
            const QJsonObject meta = m_omics->metadata(store, readSet);
            QCOMPARE(meta[u"status"].toString(), u"ACTIVE"_s);
            QCOMPARE(meta[u"creationType"].toString(), u"IMPORT"_s);
            QCOMPARE(meta[u"creationJobId"].toString(), job);
            QCOMPARE(meta[u"fileType"].toString(), s[u"sourceFileType"].toString());
            QCOMPARE(meta[u"files"].toObject().contains(u"source2"),
                     meta[u"fileType"].toString() == u"FASTQ");
            QVERIFY(meta[u"files"][u"source1"][u"contentLength"].toDouble() > 0);
        }
        QCOMPARE(
            m_omics->allReadSets(store, {{u"creationType"_s, u"IMPORT"_s}, {u"sampleId"_s, u"NA24385"_s}})
                .size(),
            4);

        // A missing object fails its source; all failed → FAILED, some → COMPLETED_WITH_FAILURES.
        const QString missing =
            u"s3://%1/runs/missing.fastq.gz"_s.arg(QUrl(sources[0][u"uri"].toString()).host());
        const QJsonObject bad{{u"sourceFiles"_s, QJsonObject{{u"source1"_s, missing}}},
                              {u"sourceFileType"_s, u"FASTQ"_s},
                              {u"subjectId"_s, u"s"_s},
                              {u"sampleId"_s, u"x"_s}};
        r = m_omics->post(u"/sequencestore/%1/importjob"_s.arg(store),
                          {{u"roleArn"_s, role}, {u"sources"_s, QJsonArray{bad}}});
        QCOMPARE(r.status, 200);
        const QString failedJob = r.json()[u"id"].toString();
        r = m_omics->post(u"/sequencestore/%1/importjob"_s.arg(store),
                          {{u"roleArn"_s, role}, {u"sources"_s, QJsonArray{bad, items[3]}}});
        const QString mixedJob = r.json()[u"id"].toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_omics->get(u"/sequencestore/%1/importjob/%2"_s.arg(store, failedJob))
                                      .json()[u"status"]
                                      .toString(),
                                  u"FAILED"_s, 20000);
        r = m_omics->get(u"/sequencestore/%1/importjob/%2"_s.arg(store, failedJob));
        QCOMPARE(r.json()[u"sources"][0][u"status"].toString(), u"FAILED"_s);
        QVERIFY(r.json()[u"sources"][0][u"statusMessage"].toString().contains(missing));
        QVERIFY(!r.json()[u"sources"][0].toObject().contains(u"readSetId"));
        QTRY_COMPARE_WITH_TIMEOUT(m_omics->get(u"/sequencestore/%1/importjob/%2"_s.arg(store, mixedJob))
                                      .json()[u"status"]
                                      .toString(),
                                  u"COMPLETED_WITH_FAILURES"_s, 20000);

        // Listing with a filter, and paging.
        r = m_omics->post(u"/sequencestore/%1/importjobs"_s.arg(store),
                          {{u"filter"_s, QJsonObject{{u"status"_s, u"FAILED"_s}}}});
        QCOMPARE(r.status, 200);
        const QJsonArray failed = r.json()[u"importJobs"].toArray();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0][u"id"].toString(), failedJob);
        r = m_omics->post(u"/sequencestore/%1/importjobs"_s.arg(store), {}, {{"maxResults", "2"}});
        QCOMPARE(r.json()[u"importJobs"].toArray().size(), 2);
        const QByteArray token = r.json()[u"nextToken"].toString().toLatin1();
        QVERIFY(!token.isEmpty());
        r = m_omics->post(u"/sequencestore/%1/importjobs"_s.arg(store), {},
                          {{"maxResults", "2"}, {"nextToken", token}});
        QCOMPARE(r.json()[u"importJobs"].toArray().size(), 1);

        // Refusals: another role, a bad URI, source2 on a BAM, an unknown job.
        r = m_omics->post(u"/sequencestore/%1/importjob"_s.arg(store),
                          {{u"roleArn"_s, u"arn:aws:iam::123456789012:role/Other"_s},
                           {u"sources"_s, QJsonArray{items[0]}}});
        QCOMPARE(r.status, 400);
        QJsonObject badUri = bad;
        badUri[u"sourceFiles"_s] = QJsonObject{{u"source1"_s, u"https://example.org/x.fastq"_s}};
        r = m_omics->post(u"/sequencestore/%1/importjob"_s.arg(store),
                          {{u"roleArn"_s, role}, {u"sources"_s, QJsonArray{badUri}}});
        QCOMPARE(r.status, 400);
        QVERIFY(message(r).contains(u"sources.1.member.sourceFiles.source1"_s));
        r = m_omics->get(u"/sequencestore/%1/importjob/7777777777"_s.arg(store));
        QCOMPARE(r.status, 404);
    }

    void clientTokenIsIdempotent()
    {
        const QString store = m_omics->store(0);
        const QJsonObject body{{u"sourceFileType"_s, u"FASTQ"_s},
                               {u"subjectId"_s, u"s"_s},
                               {u"sampleId"_s, u"x"_s},
                               {u"name"_s, u"retried"_s},
                               {u"clientToken"_s, u"token-42"_s}};
        const QJsonObject first = m_omics->createUpload(store, body);
        const QJsonObject second = m_omics->createUpload(store, body);
        QVERIFY(!first[u"uploadId"].toString().isEmpty());
        QCOMPARE(second[u"uploadId"], first[u"uploadId"]);
        QJsonObject changed = body;
        changed[u"name"_s] = u"another"_s;
        HttpResult r = m_omics->post(u"/sequencestore/%1/upload"_s.arg(store), changed);
        QCOMPARE(r.status, 400);
        changed[u"clientToken"_s] = u"token-43"_s;
        QVERIFY(m_omics->createUpload(store, changed)[u"uploadId"] != first[u"uploadId"]);

        const QJsonObject job{
            {u"roleArn"_s, m_omics->d[u"import_role_arn"]},
            {u"clientToken"_s, u"job-1"_s},
            {u"sources"_s,
             QJsonArray{QJsonObject{
                 {u"sourceFiles"_s, QJsonObject{{u"source1"_s, m_omics->d[u"s3_sources"][4][u"uri"]}}},
                 {u"sourceFileType"_s, m_omics->d[u"s3_sources"][4][u"file_type"]},
                 {u"subjectId"_s, u"s"_s},
                 {u"sampleId"_s, u"x"_s}}}}};
        const QString a =
            m_omics->post(u"/sequencestore/%1/importjob"_s.arg(store), job).json()[u"id"].toString();
        const QString b =
            m_omics->post(u"/sequencestore/%1/importjob"_s.arg(store), job).json()[u"id"].toString();
        QVERIFY(!a.isEmpty());
        QCOMPARE(b, a);
    }

    void requestsAsTheSdksSendThem()
    {
        const QString store = m_omics->store(0);
        const QString upload = m_omics
                                   ->createUpload(store, {{u"sourceFileType"_s, u"FASTQ"_s},
                                                          {u"subjectId"_s, u"s"_s},
                                                          {u"sampleId"_s, u"x"_s},
                                                          {u"name"_s, u"sdk"_s}})[u"uploadId"]
                                   .toString();
        // A part with a signed payload hash and Content-Type (JS: application/octet-stream) …
        Call c;
        c.method = "PUT";
        c.path = u"/sequencestore/%1/upload/%2/part"_s.arg(store, upload);
        c.query = {{"partSource", "SOURCE1"}, {"partNumber", "1"}};
        c.body = fastqText(3);
        c.json = false;
        HttpResult r = m_omics->send(c);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"checksum"].toString(),
                 QString::fromLatin1(QCryptographicHash::hash(c.body, QCryptographicHash::Sha256).toHex()));
        // … or UNSIGNED-PAYLOAD and no Content-Type at all (botocore).
        r = m_omics->putPart(store, upload, "SOURCE1", 2, fastqText(4));
        QCOMPARE(r.status, 200);
        // An empty body with a Content-Type, and GET with no body: both fine.
        c = Call();
        c.path = u"/sequencestore/%1/readsets"_s.arg(store);
        c.query = {{"maxResults", "1"}};
        r = m_omics->send(c);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"readSets"].toArray().size(), 1);
        // Timestamps in filters with Z, with an offset and with microseconds.
        for (const QString& t : {u"2020-01-01T00:00:00Z"_s, u"2020-01-01T08:00:00+08:00"_s,
                                 u"2020-01-01T00:00:00.123456+00:00"_s}) {
            r = m_omics->post(u"/sequencestore/%1/readsets"_s.arg(store),
                              {{u"filter"_s, QJsonObject{{u"createdAfter"_s, t}}}});
            QCOMPARE(r.status, 200);
            QVERIFY(!r.json()[u"readSets"].toArray().isEmpty());
        }
    }

    void hostPrefixesAndBigParts()
    {
        const QUrl base(m_omics->d[u"endpoint"].toString());
        const QString store = m_omics->store(0);
        const QString upload = m_omics
                                   ->createUpload(store, {{u"sourceFileType"_s, u"FASTQ"_s},
                                                          {u"subjectId"_s, u"s"_s},
                                                          {u"sampleId"_s, u"x"_s},
                                                          {u"name"_s, u"raw"_s}})[u"uploadId"]
                                   .toString();
        // Raw HTTP/1.1 over a socket, signed here: the Host as an SDK with host prefixes sends it.
        const auto exchange = [&](const QByteArray& host, const QByteArray& method, const QByteArray& path,
                                  const Query& query, qint64 contentLength, const QByteArray& bodyStart) {
            SigV4::Request r;
            r.method = method;
            r.path = path;
            r.query = query;
            r.headers = {{"Host", host}};
            bge::aws::AwsCredentials credentials{
                m_omics->d[u"access_key_id"].toString(), m_omics->d[u"secret_access_key"].toString(), {}, {}};
            SigV4::sign(r, credentials, QDateTime::currentDateTimeUtc(), "us-east-1", "omics",
                        contentLength > 0 ? SigV4::kUnsignedPayload : SigV4::kEmptyPayloadHash);
            QByteArray request = method + ' ' + path +
                                 (query.isEmpty() ? QByteArray() : "?" + SigV4::canonicalQuery(query)) +
                                 " HTTP/1.1\r\n";
            for (const auto& [name, value] : std::as_const(r.headers))
                request += name + ": " + value + "\r\n";
            request += "Content-Length: " + QByteArray::number(contentLength) + "\r\n\r\n" + bodyStart;
            QTcpSocket socket;
            socket.connectToHost(base.host(), quint16(base.port()));
            if (!socket.waitForConnected(10000))
                return QByteArray();
            socket.write(request);
            QByteArray answer;
            while (!answer.contains("\r\n\r\n") || !answer.contains('}')) {
                if (!socket.waitForReadyRead(30000))
                    break;
                answer += socket.readAll();
            }
            return answer;
        };
        const QByteArray port = ':' + QByteArray::number(base.port());
        QByteArray answer = exchange("control-storage-127.0.0.1" + port, "POST",
                                     "/sequencestore/" + store.toLatin1() + "/uploads", {}, 0, {});
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains(upload.toLatin1()));
        // A part over 100 MiB is refused from its Content-Length, before its bytes are read.
        answer = exchange("storage-127.0.0.1" + port, "PUT",
                          "/sequencestore/" + store.toLatin1() + "/upload/" + upload.toLatin1() + "/part",
                          {{"partSource", "SOURCE1"}, {"partNumber", "1"}}, 100LL * 1024 * 1024 + 1, "@r1\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QVERIFY(answer.contains("ValidationException"));
        QVERIFY(answer.contains("100 MiB"));
    }

    void throttling()
    {
        SandboxProcess sandbox;
        QTemporaryDir data;
        QVERIFY(sandbox.start({u"--data-dir"_s, data.path()}));
        Omics omics(sandbox.description());
        // Create has a quota of 1 TPS: of several sent at once, some are refused.
        int throttled = 0;
        int created = 0;
        for (int i = 0; i < 4; ++i) {
            const HttpResult r = omics.post(u"/sequencestore/%1/upload"_s.arg(omics.store()),
                                            {{u"sourceFileType"_s, u"FASTQ"_s},
                                             {u"subjectId"_s, u"s"_s},
                                             {u"sampleId"_s, u"x"_s},
                                             {u"name"_s, u"n"_s}});
            if (r.status == 429) {
                ++throttled;
                QCOMPARE(errorType(r), QByteArray("ThrottlingException"));
                QCOMPARE(message(r), u"Rate exceeded"_s);
            } else {
                QCOMPARE(r.status, 200);
                ++created;
            }
        }
        QVERIFY(created >= 1);
        QVERIFY2(throttled >= 1, "four Creates in a row at 1 TPS were all admitted");
        // The bucket refills: after a pause the next one is admitted.
        QTest::qWait(1100);
        QCOMPARE(
            omics
                .post(u"/sequencestore/%1/upload"_s.arg(omics.store()), {{u"sourceFileType"_s, u"FASTQ"_s},
                                                                         {u"subjectId"_s, u"s"_s},
                                                                         {u"sampleId"_s, u"x"_s},
                                                                         {u"name"_s, u"n"_s}})
                .status,
            200);
        // With quotas off (the suite's sandbox) the same burst is never throttled.
        for (int i = 0; i < 8; ++i) {
            const HttpResult r = m_omics->post(u"/sequencestore/%1/upload"_s.arg(m_omics->store()),
                                               {{u"sourceFileType"_s, u"FASTQ"_s},
                                                {u"subjectId"_s, u"s"_s},
                                                {u"sampleId"_s, u"x"_s},
                                                {u"name"_s, u"n"_s}});
            QVERIFY2(r.status == 200,
                     qPrintable(QString::number(r.error) + u' ' + QString::fromUtf8(r.body)));
        }
    }

    void faultInjection()
    {
        {
            // --oss-faults applies to the omics endpoint too: every call a 500 without effect.
            SandboxProcess sandbox;
            QVERIFY(sandbox.start({u"--oss-faults"_s, u"error-rate=1"_s, u"--omics-quotas"_s, u"off"_s}));
            Omics omics(sandbox.description());
            const HttpResult r = omics.post(u"/sequencestores"_s);
            QCOMPARE(r.status, 500);
            QCOMPARE(errorType(r), QByteArray("InternalServerException"));
        }
        {
            // --omics-faults sets the omics endpoint's faults alone: here connections cut mid-body.
            SandboxProcess sandbox;
            QVERIFY(sandbox.start({u"--oss-faults"_s, u"error-rate=1"_s, u"--omics-faults"_s,
                                   u"drop-rate=1"_s, u"--omics-quotas"_s, u"off"_s}));
            Omics omics(sandbox.description());
            const QString store = omics.store();
            const HttpResult r =
                omics.putPart(store, u"5555555555"_s, "SOURCE1", 1, QByteArray(4 << 20, 'x'));
            QVERIFY(r.status != 200 && r.status != 500);
            const HttpResult list = omics.post(u"/sequencestores"_s);
            QVERIFY(list.error != QNetworkReply::NoError);
            QCOMPARE(list.status, 0);
        }
    }

    void stateSurvivesRestart()
    {
        QTemporaryDir data;
        const QStringList args{u"--data-dir"_s,
                               data.path(),
                               u"--omics-quotas"_s,
                               u"off"_s,
                               u"--omics-processing-ms"_s,
                               u"0"_s,
                               u"--omics-read-part-size"_s,
                               u"100"_s};
        QString upload;
        QString readSet;
        QString checksum;
        const QByteArray bytes = fastqText(20);
        QString store;
        QString job;
        {
            SandboxProcess sandbox;
            QVERIFY(sandbox.start(args));
            Omics omics(sandbox.description());
            store = omics.store();
            const QJsonObject body{{u"sourceFileType"_s, u"FASTQ"_s},
                                   {u"subjectId"_s, u"s"_s},
                                   {u"sampleId"_s, u"x"_s},
                                   {u"name"_s, u"kept"_s}};
            upload = omics.createUpload(store, body)[u"uploadId"].toString();
            checksum = omics.putPart(store, upload, "SOURCE1", 1, bytes).json()[u"checksum"].toString();
            const QJsonObject source{
                {u"sourceFiles"_s, QJsonObject{{u"source1"_s, omics.d[u"s3_sources"][4][u"uri"]}}},
                {u"sourceFileType"_s, omics.d[u"s3_sources"][4][u"file_type"]},
                {u"subjectId"_s, u"s"_s},
                {u"sampleId"_s, u"x"_s}};
            job = omics
                      .post(u"/sequencestore/%1/importjob"_s.arg(store),
                            {{u"roleArn"_s, omics.d[u"import_role_arn"]}, {u"sources"_s, QJsonArray{source}}})
                      .json()[u"id"]
                      .toString();
            QVERIFY(!job.isEmpty());
            const QString done = omics.createUpload(store, body)[u"uploadId"].toString();
            const QString c2 = omics.putPart(store, done, "SOURCE1", 1, bytes).json()[u"checksum"].toString();
            readSet = omics
                          .post(u"/sequencestore/%1/upload/%2/complete"_s.arg(store, done),
                                {{u"parts"_s, QJsonArray{QJsonObject{{u"partNumber"_s, 1},
                                                                     {u"partSource"_s, u"SOURCE1"_s},
                                                                     {u"checksum"_s, c2}}}}})
                          .json()[u"readSetId"]
                          .toString();
            QVERIFY(!readSet.isEmpty());
            sandbox.stop();
        }
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(args));
        Omics omics(sandbox.description());
        HttpResult r = omics.post(u"/sequencestore/%1/upload/%2/parts"_s.arg(store, upload),
                                  {{u"partSource"_s, u"SOURCE1"_s}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"parts"].toArray().size(), 1);
        QCOMPARE(r.json()[u"parts"][0][u"checksum"].toString(), checksum);
        r = omics.post(u"/sequencestore/%1/upload/%2/parts"_s.arg(store, upload),
                       {{u"partSource"_s, u"SOURCE1"_s},
                        {u"filter"_s, QJsonObject{{u"createdAfter"_s, u"2099-01-01T00:00:00Z"_s}}}});
        QCOMPARE(r.json()[u"parts"].toArray().size(), 0);
        // The import job too, finished meanwhile (its times are kept, not restarted).
        r = omics.get(u"/sequencestore/%1/importjob/%2"_s.arg(store, job));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()[u"status"].toString(), u"COMPLETED"_s);
        QVERIFY(!omics.metadata(store, r.json()[u"sources"][0][u"readSetId"].toString()).isEmpty());
        const QJsonObject meta = omics.metadata(store, readSet);
        QCOMPARE(meta[u"status"].toString(), u"ACTIVE"_s);
        QCOMPARE(omics.readAll(store, readSet, "SOURCE1", meta[u"files"][u"source1"][u"totalParts"].toInt()),
                 bytes);
        // New ids do not collide with those given before the restart.
        const QString next = omics
                                 .createUpload(store, {{u"sourceFileType"_s, u"FASTQ"_s},
                                                       {u"subjectId"_s, u"s"_s},
                                                       {u"sampleId"_s, u"x"_s},
                                                       {u"name"_s, u"n"_s}})[u"uploadId"]
                                 .toString();
        QVERIFY(next != upload && next != readSet && !next.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxOmics)
#include "tst_sandbox_omics.moc"
