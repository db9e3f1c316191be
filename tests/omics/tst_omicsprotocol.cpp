// The HealthOmics client's protocol pieces without the emulator: endpoints and host prefixes,
// SigV4 on the requests it builds, restJson1 errors and their sentences, strict records,
// the pacer's slots, standard-retry classification, local validation (nothing sent), and a
// loopback server that answers canned HTTP to check retries on the wire.
#include "aws/sigv4.h"
#include "omics/awscredentialsprovider.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/omicserror.h"
#include "omics/omicsretry.h"
#include "omics/omicsvalidation.h"
#include "omics/requestpacer.h"
#include "omicstestsupport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace bge;
using namespace bge::omics;
using namespace Qt::StringLiterals;

namespace {

aws::AwsCredentials testCredentials(const QString& token = {})
{
    return {u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s, token, {}};
}

// A loopback HTTP/1.1 server that answers each request with the next canned response and
// records what it received. Real sockets: the client's whole stack runs.
class CannedServer final : public QObject
{
public:
    struct Received
    {
        QByteArray head;
        QByteArray body;
    };

    CannedServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const { return QUrl(u"http://127.0.0.1:"_s + QString::number(port())); }

    QList<QByteArray> responses; // consumed in order; "DROP" closes the connection instead
    QList<Received> received;
    int connections = 0;

    static QByteArray answer(int status, const QByteArray& body, const QByteArray& extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n" +
               "x-amzn-RequestId: req-" + QByteArray::number(status) + "\r\n" + extraHeaders +
               "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray& line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            received.append({head, buffer.mid(end + 4, length)});
            buffer.remove(0, end + 4 + length);
            const QByteArray response = responses.isEmpty() ? answer(500, "{}") : responses.takeFirst();
            if (response == "DROP") {
                socket->abort();
                m_buffers.remove(socket);
                return;
            }
            socket->write(response);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QByteArray headerOf(const QByteArray& head, QByteArrayView name)
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TestOmicsProtocol final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    OmicsConnection* connectionTo(const QUrl& url, QObject* parent,
                                  const aws::AwsCredentials& c = testCredentials())
    {
        auto* provider = new StaticCredentialsProvider(c);
        auto* connection = new OmicsConnection(OmicsEndpoint::overridden(url).value(), u"us-east-1"_s,
                                               provider, &m_network, parent);
        provider->setParent(connection);
        return connection;
    }

    // Recomputes the signature from what the request carries, as the service does.
    static void verifySignature(const QNetworkRequest& r, const QByteArray& method,
                                QByteArrayView payloadHash)
    {
        const auto authorization = aws::SigV4::parseAuthorization(r.rawHeader("Authorization"));
        QVERIFY(authorization);
        QCOMPARE(authorization->service, QByteArray("omics"));
        QCOMPARE(authorization->region, QByteArray("us-east-1"));
        aws::SigV4::Request seen;
        seen.method = method;
        seen.path = r.url().path(QUrl::FullyEncoded).toLatin1();
        const QList<QPair<QString, QString>> items = QUrlQuery(r.url()).queryItems(QUrl::FullyDecoded);
        for (const auto& [name, value] : items)
            seen.query.append({name.toUtf8(), value.toUtf8()});
        for (const QByteArray& name : r.rawHeaderList())
            seen.headers.append({name, r.rawHeader(name)});
        const QByteArray canonical =
            aws::SigV4::canonicalRequest(seen, authorization->signedHeaders, payloadHash);
        const QByteArray expected =
            aws::SigV4::signature(testCredentials().secretAccessKey.toLatin1(), r.rawHeader("X-Amz-Date"),
                                  "us-east-1", "omics", canonical);
        QCOMPARE(authorization->signature, expected);
    }

private Q_SLOTS:
    void regionalEndpointsCarryHostPrefixes()
    {
        const OmicsEndpoint e = OmicsEndpoint::forRegion(u"eu-west-2"_s).value();
        QVERIFY(!e.isOverride());
        QCOMPARE(
            e.url(Operation::ListReadSets, "/sequencestore/1234567890/readsets"),
            QUrl(
                u"https://control-storage-omics.eu-west-2.amazonaws.com/sequencestore/1234567890/readsets"_s));
        QCOMPARE(e.url(Operation::UploadReadSetPart, "/p", "partSource=SOURCE2&partNumber=3").host(),
                 u"storage-omics.eu-west-2.amazonaws.com"_s);
        const QSet<Operation> storage = {Operation::GetReadSet, Operation::UploadReadSetPart,
                                         Operation::CompleteMultipartReadSetUpload};
        for (int i = 0; i < kOperationCount; ++i) {
            const auto op = Operation(i);
            const QString host = e.url(op, "/").host();
            QCOMPARE(host, (storage.contains(op) ? u"storage-"_s : u"control-storage-"_s) +
                               u"omics.eu-west-2.amazonaws.com"_s);
        }
        QVERIFY(!OmicsEndpoint::forRegion(u"not a region"_s));
        QVERIFY(!OmicsEndpoint::forRegion(u"us-east-1.evil.com/x"_s));
    }

    void overridesAreVerbatim()
    {
        const OmicsEndpoint e = OmicsEndpoint::overridden(QUrl(u"http://127.0.0.1:9000/base/"_s)).value();
        QVERIFY(e.isOverride());
        const QUrl url =
            e.url(Operation::GetReadSet, "/sequencestore/1234567890/readset/0000000001", "partNumber=1");
        QCOMPARE(url.toString(),
                 u"http://127.0.0.1:9000/base/sequencestore/1234567890/readset/0000000001?partNumber=1"_s);
        QCOMPARE(OmicsEndpoint::hostHeader(url), QByteArray("127.0.0.1:9000"));
        QCOMPARE(OmicsEndpoint::hostHeader(QUrl(u"https://omics.example.com:443/"_s)),
                 QByteArray("omics.example.com"));
        QCOMPARE(OmicsEndpoint::hostHeader(QUrl(u"http://[::1]:8080/"_s)), QByteArray("[::1]:8080"));
        QVERIFY(OmicsEndpoint::overridden(QUrl(u"http://localhost:1"_s)));
        QVERIFY(OmicsEndpoint::overridden(QUrl(u"https://vpce-1.omics.us-east-1.vpce.amazonaws.com"_s)));
        const Result<OmicsEndpoint> remote = OmicsEndpoint::overridden(QUrl(u"http://omics.example.com"_s));
        QVERIFY(!remote);
        QCOMPARE(remote.error().kind(), ApiError::Kind::Usage);
        QVERIFY(!OmicsEndpoint::overridden(QUrl(u"ftp://127.0.0.1"_s)));
        QVERIFY(!OmicsEndpoint::overridden(QUrl(u"https://h/?x=1"_s)));
        QVERIFY(!OmicsEndpoint::overridden(QUrl(u"https://user@h/"_s)));
    }

    void signedRequestsAreWhatTheServiceChecks()
    {
        QObject owner;
        OmicsConnection* c =
            connectionTo(QUrl(u"http://127.0.0.1:18765"_s), &owner, testCredentials(u"session-token"_s));
        const QDateTime now = QDateTime::fromString(u"2026-11-22T14:14:51Z"_s, Qt::ISODate);

        // GET: no body, no Content-Type, the port in the signed Host.
        OmicsRequest get = OmicsApi::partRequest(u"1234567890"_s, u"0000000001"_s, 2, u"SOURCE1"_s).value();
        QNetworkRequest r = c->signedRequest(get, testCredentials(u"session-token"_s), now);
        QCOMPARE(r.rawHeader("Host"), QByteArray("127.0.0.1:18765"));
        QCOMPARE(r.rawHeader("X-Amz-Date"), QByteArray("20261122T141451Z"));
        QCOMPARE(r.rawHeader("X-Amz-Security-Token"), QByteArray("session-token"));
        QVERIFY(!r.hasRawHeader("Content-Type"));
        QVERIFY(r.rawHeader("User-Agent").startsWith("BGE-Desktop/"));
        QVERIFY(r.rawHeader("Authorization").contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));
        verifySignature(r, "GET", aws::SigV4::kEmptyPayloadHash);

        // A part: UNSIGNED-PAYLOAD, signed, with its length; the query sorted in the signature.
        OmicsRequest part =
            OmicsApi::uploadPartRequest(u"1234567890"_s, u"5555555555"_s, u"SOURCE1"_s, 1, 16).value();
        part.rawBody = [](QObject*) { return nullptr; };
        r = c->signedRequest(part, testCredentials(), now);
        QCOMPARE(r.rawHeader("x-amz-content-sha256"), QByteArray("UNSIGNED-PAYLOAD"));
        QCOMPARE(r.header(QNetworkRequest::ContentLengthHeader).toLongLong(), 16);
        QCOMPARE(r.url().query(QUrl::FullyEncoded), u"partSource=SOURCE1&partNumber=1"_s);
        verifySignature(r, "PUT", aws::SigV4::kUnsignedPayload);

        // JSON: Content-Type signed, the body's hash; nextToken percent-encoded on the wire.
        OmicsRequest list;
        list.operation = Operation::ListReadSets;
        list.path = "/sequencestore/1234567890/readsets";
        list.query = {{"maxResults", "50"}, {"nextToken", "tok/+="}};
        list.jsonBody = "{}";
        r = c->signedRequest(list, testCredentials(), now);
        QCOMPARE(r.rawHeader("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.url().query(QUrl::FullyEncoded), u"maxResults=50&nextToken=tok%2F%2B%3D"_s);
        QVERIFY(r.rawHeader("Authorization").contains("SignedHeaders=content-type;host;x-amz-date,"));
        verifySignature(r, "POST", "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        // Nothing secret in the headers besides the signature itself.
        for (const QByteArray& name : r.rawHeaderList())
            QVERIFY(!r.rawHeader(name).contains("wJalrXUtnFEMI"));
    }

    void errorCodeSources()
    {
        // Header first, then code/Code, then __type; sanitised.
        ServiceErrorFields f =
            parseServiceError("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.omics/",
                              "abc-123", R"({"code":"ValidationException","message":"Read set not found"})");
        QCOMPARE(f.code, u"ResourceNotFoundException"_s);
        QCOMPARE(f.message, u"Read set not found"_s);
        QCOMPARE(f.requestId, u"abc-123"_s);
        f = parseServiceError({}, {}, R"({"Code":"ConflictException","__type":"X","Message":"busy"})");
        QCOMPARE(f.code, u"ConflictException"_s);
        QCOMPARE(f.message, u"busy"_s);
        f = parseServiceError(
            {}, {}, "{\"__type\":\"com.amazonaws.omics#ThrottlingException\",\"message\":\"slow\"}");
        QCOMPARE(f.code, u"ThrottlingException"_s);
        QCOMPARE(sanitizeErrorCode(u"aws.protocoltests.restjson#FooError"), u"FooError"_s);
        QCOMPARE(sanitizeErrorCode(u"FooError:http://x#y"), u"FooError"_s);
        QCOMPARE(sanitizeErrorCode(u" FooError,BarError "), u"FooError"_s);
        f = parseServiceError({}, {}, "<html>Bad gateway</html>");
        QVERIFY(f.code.isEmpty());
        QVERIFY(f.message.isEmpty());
        const ApiError e = serviceError(502, {}, {}, "<html>");
        QCOMPARE(e.kind(), ApiError::Kind::Service);
        QCOMPARE(e.httpStatus(), 502);
        QVERIFY(e.message().contains(u"502"_s));
        // Control characters from the network do not reach a terminal.
        f = parseServiceError("Evil\x1b[2JException", {}, "{\"message\":\"a\\u001b[31mb\"}");
        QVERIFY(!f.code.contains(QChar(0x1b)));
        QVERIFY(!f.message.contains(QChar(0x1b)));
    }

    void everyMappedCodeHasItsOwnSentence()
    {
        const QList<QPair<QString, QString>> cases = {
            {u"ValidationException"_s, u"bad name"_s},
            {u"ServiceQuotaExceededException"_s, u"q"_s},
            {u"AccessDeniedException"_s, u"no"_s},
            {u"ResourceNotFoundException"_s, u"gone"_s},
            {u"NotSupportedOperationException"_s, u"n"_s},
            {u"RequestTimeoutException"_s, u"t"_s},
            {u"ConflictException"_s, u"c"_s},
            {u"RangeNotSatisfiableException"_s, u"r"_s},
            {u"ThrottlingException"_s, u"slow"_s},
            {u"InternalServerException"_s, u"oops"_s},
            {u"InvalidSignatureException"_s, u"The request signature we calculated does not match"_s},
            {u"InvalidSignatureException"_s,
             u"Signature expired: 20150830T123600Z is now earlier than 20150830T124100Z"_s},
            {u"UnrecognizedClientException"_s, u"The security token included in the request is invalid."_s},
            {u"ExpiredTokenException"_s, u"The security token included in the request is expired"_s},
            {u"MissingAuthenticationTokenException"_s, u"Missing Authentication Token"_s},
            {u"IncompleteSignatureException"_s, u"x"_s},
            {u"RequestExpired"_s, u"x"_s},
            {u"SomethingNewException"_s, u"the service's own words"_s},
        };
        QSet<QString> seen;
        for (const auto& [code, message] : cases) {
            const QString sentence = errorSentence(code, message, 400);
            QVERIFY2(!sentence.isEmpty(), qPrintable(code));
            QVERIFY2(!seen.contains(sentence), qPrintable(code + u": "_s + sentence));
            seen.insert(sentence);
        }
        QVERIFY(errorSentence(u"InvalidSignatureException"_s, u"mismatch"_s, 403)
                    .contains(u"secret access key"_s));
        QVERIFY(errorSentence(u"InvalidSignatureException"_s, u"Signature expired: …"_s, 403)
                    .contains(u"clock"_s));
        QVERIFY(errorSentence(u"ExpiredToken"_s, {}, 403).contains(u"expired"_s));
        QVERIFY(errorSentence(u"InvalidClientTokenId"_s, {}, 403).contains(u"access key ID"_s));
        QVERIFY(errorSentence(u"SomethingNewException"_s, u"own words"_s, 400)
                    .contains(u"SomethingNewException"_s));
        QVERIFY(errorSentence(u"SomethingNewException"_s, u"own words"_s, 400).contains(u"own words"_s));
        QCOMPARE(errorSentence(u"ExpiredToken"_s, {}, 403),
                 errorSentence(u"ExpiredTokenException"_s, {}, 403));
        // The full text keeps the code, the service's message and the request id for the log.
        const ApiError e =
            serviceError(404, "ResourceNotFoundException", "rid-9", R"({"message":"Read set not found"})");
        QCOMPARE(e.serviceCode(), u"ResourceNotFoundException"_s);
        QCOMPARE(e.apiMessage(), u"Read set not found"_s);
        QCOMPARE(e.requestId(), u"rid-9"_s);
        QVERIFY(e.fullText().contains(u"rid-9"_s));
        QCOMPARE(ApiError::kindName(e.kind()), u"service"_s);
    }

    void retryClassification()
    {
        using StandardRetry::Class;
        const auto svc = [](int status, const char* code) { return serviceError(status, code, {}, "{}"); };
        QCOMPARE(StandardRetry::classify(ApiError::transport(u"reset"_s)), Class::Transient);
        QCOMPARE(StandardRetry::classify(ApiError::timeout(u"t"_s)), Class::Transient);
        for (int status : {500, 502, 503, 504})
            QCOMPARE(StandardRetry::classify(svc(status, "")), Class::Transient);
        QCOMPARE(StandardRetry::classify(svc(500, "InternalServerException")), Class::Transient);
        QCOMPARE(StandardRetry::classify(svc(408, "RequestTimeoutException")), Class::Transient);
        QCOMPARE(StandardRetry::classify(svc(400, "RequestTimeout")), Class::Transient);
        for (const char* code :
             {"ThrottlingException", "TooManyRequestsException", "Throttling", "ThrottledException",
              "RequestLimitExceeded", "SlowDown", "PriorRequestNotComplete"})
            QCOMPARE(StandardRetry::classify(svc(400, code)), Class::Throttling);
        QCOMPARE(StandardRetry::classify(svc(429, "")), Class::Throttling);
        for (const char* code :
             {"ValidationException", "AccessDeniedException", "ResourceNotFoundException",
              "ConflictException", "InvalidSignatureException", "ServiceQuotaExceededException"})
            QCOMPARE(StandardRetry::classify(svc(400, code)), Class::Final);
        QCOMPARE(StandardRetry::classify(svc(501, "")), Class::Final);
        QCOMPARE(StandardRetry::classify(ApiError::malformed(u"x"_s)), Class::Final);
        QCOMPARE(StandardRetry::classify(ApiError::usage(u"x"_s)), Class::Final);
        QCOMPARE(StandardRetry::classify(ApiError::cancelled()), Class::Final);
        // rand(0,1) * min(2^attempt, 20) seconds.
        QCOMPARE(StandardRetry::delayMs(1, 0.5), 1000);
        QCOMPARE(StandardRetry::delayMs(2, 1.0), 4000);
        QCOMPARE(StandardRetry::delayMs(5, 1.0), 20000);
        QCOMPARE(StandardRetry::delayMs(9, 0.25), 5000);
        QCOMPARE(StandardRetry::delayMs(3, 0.0), 0);
        for (int i = 0; i < 100; ++i)
            QVERIFY(StandardRetry::delayMs(3) >= 0 && StandardRetry::delayMs(3) <= 8000);
        QCOMPARE(StandardRetry::kMaxAttempts, 3);
    }

    void pacerSlots()
    {
        RequestPacer pacer;
        qint64 now = 1000;
        pacer.setClock([&now] { return now; });
        // Parts at 10 TPS (with the margin: 110 ms apart), independent of Create's 1 TPS.
        QCOMPARE(RequestPacer::intervalMs(Operation::UploadReadSetPart), 110);
        QCOMPARE(RequestPacer::intervalMs(Operation::CreateMultipartReadSetUpload), 1100);
        QCOMPARE(RequestPacer::intervalMs(Operation::GetReadSet), 37);
        QCOMPARE(RequestPacer::intervalMs(Operation::ListReadSets), 220);
        QList<qint64> slots;
        for (int i = 0; i < 12; ++i)
            slots.append(pacer.reserve(Operation::UploadReadSetPart));
        for (int i = 0; i < 12; ++i)
            QCOMPARE(slots[i], 1000 + 110 * i);
        // Any window of one second holds at most 10 parts.
        for (int i = 0; i + 10 < slots.size(); ++i)
            QVERIFY(slots[i + 10] - slots[i] >= 1000);
        QCOMPARE(pacer.reserve(Operation::CreateMultipartReadSetUpload), 1000);
        QCOMPARE(pacer.reserve(Operation::CreateMultipartReadSetUpload), 2100);
        QCOMPARE(pacer.reserve(Operation::CompleteMultipartReadSetUpload), 1000);
        // After a quiet spell a request goes at once.
        now = 10000;
        QCOMPARE(pacer.reserve(Operation::UploadReadSetPart), 10000);
        QCOMPARE(pacer.reserve(Operation::UploadReadSetPart), 10110);
        pacer.setEnabled(false);
        QCOMPARE(pacer.reserve(Operation::UploadReadSetPart), 10000);
    }

    void pacerReleasesInOrderWithoutBlocking()
    {
        RequestPacer pacer;
        QList<int> order;
        QElapsedTimer clock;
        clock.start();
        QObject context;
        for (int i = 0; i < 3; ++i)
            pacer.schedule(Operation::CreateMultipartReadSetUpload, &context,
                           [&order, i] { order.append(i); });
        // schedule() returned at once: nothing ran inside it.
        QVERIFY(order.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 30000);
        QCOMPARE(order, (QList<int>{0, 1, 2}));
        // Three 1-TPS slots: the third cannot have come before two intervals passed (less 2 ms:
        // the pacer's clock and this one round to whole milliseconds separately).
        QVERIFY(clock.elapsed() >= 2 * RequestPacer::intervalMs(Operation::CreateMultipartReadSetUpload) - 2);
    }

    void timestampsAndRecords()
    {
        QCOMPARE(parseTimestamp(QJsonValue(u"2023-11-20T23:40:47.437522+00:00"_s)),
                 QDateTime::fromString(u"2023-11-20T23:40:47.437Z"_s, Qt::ISODateWithMs));
        QCOMPARE(parseTimestamp(QJsonValue(u"2022-07-13T23:25:20Z"_s)),
                 QDateTime::fromString(u"2022-07-13T23:25:20Z"_s, Qt::ISODate));
        QCOMPARE(parseTimestamp(QJsonValue(u"2022-07-14T01:25:20+02:00"_s)),
                 QDateTime::fromString(u"2022-07-13T23:25:20Z"_s, Qt::ISODate));
        QCOMPARE(parseTimestamp(QJsonValue(1657754720.5)).toMSecsSinceEpoch(), 1657754720500LL);
        for (const QJsonValue& bad : {QJsonValue(u"yesterday"_s), QJsonValue(u"2022-13-40T00:00:00Z"_s),
                                      QJsonValue(u"2022-07-13T23:25:20"_s), QJsonValue(-1), QJsonValue(1e300),
                                      QJsonValue(true), QJsonValue()})
            QVERIFY2(!parseTimestamp(bad).isValid(), qPrintable(compactJson(bad)));
        QCOMPARE(formatTimestamp(QDateTime::fromString(u"2024-01-02T03:04:05Z"_s, Qt::ISODate)),
                 u"2024-01-02T03:04:05Z"_s);

        const QJsonObject item = QJsonDocument::fromJson(R"({"id":"0000000001",
            "arn":"arn:aws:omics:us-east-1:123456789012:sequenceStore/1234567890/readSet/0000000001",
            "sequenceStoreId":"1234567890","status":"ACTIVE","fileType":"FASTQ","creationTime":1700000000,
            "creationType":"UPLOAD","sequenceInformation":{"totalReadCount":10,"totalBaseCount":1500},
            "etag":{"algorithm":"FASTQ_MD5up","source1":"abc"}})")
                                     .object();
        Result<ReadSetListItem> r = ReadSetListItem::fromJson(item);
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QCOMPARE(r->sequenceInformation->totalReadCount, 10);
        QCOMPARE(r->etag->source1, u"abc"_s);
        QCOMPARE(r->raw, item);
        // An enum value this client does not know yet is kept, not refused.
        QJsonObject newer = item;
        newer[u"fileType"_s] = u"BAM_NEXT"_s;
        QCOMPARE(ReadSetListItem::fromJson(newer)->fileType, u"BAM_NEXT"_s);
        // Strict: a missing required member, a wrong type, a bad time.
        for (const auto& [key, value] :
             QList<QPair<QString, QJsonValue>>{{u"id"_s, QJsonValue()},
                                               {u"status"_s, 3},
                                               {u"creationTime"_s, u"soon"_s},
                                               {u"sequenceInformation"_s, u"x"_s}}) {
            QJsonObject broken = item;
            if (value.isNull())
                broken.remove(key);
            else
                broken[key] = value;
            const Result<ReadSetListItem> b = ReadSetListItem::fromJson(broken);
            QVERIFY2(!b, qPrintable(key));
            QCOMPARE(b.error().kind(), ApiError::Kind::Malformed);
            QVERIFY2(b.error().detail().contains(key), qPrintable(b.error().detail()));
        }

        QJsonObject metadata = item;
        metadata[u"files"_s] =
            QJsonObject{{u"source1"_s,
                         QJsonObject{{u"totalParts"_s, 3}, {u"partSize"_s, 100}, {u"contentLength"_s, 250}}}};
        Result<ReadSetMetadata> m = ReadSetMetadata::fromJson(metadata);
        QVERIFY2(m, qPrintable(m.error().fullText()));
        QCOMPARE(m->file(u"SOURCE1")->totalParts, 3);
        QVERIFY(!m->file(u"SOURCE2"));
        // A layout that does not add up is refused before a download trusts it.
        metadata[u"files"_s] =
            QJsonObject{{u"source1"_s,
                         QJsonObject{{u"totalParts"_s, 3}, {u"partSize"_s, 100}, {u"contentLength"_s, 900}}}};
        QVERIFY(!ReadSetMetadata::fromJson(metadata));

        const QJsonObject store = QJsonDocument::fromJson(R"({"id":"1234567890","arn":"arn:x","creationTime":
            "2023-11-20T23:40:47Z","sseConfig":{"type":"KMS"},"name":"main"})")
                                      .object();
        QCOMPARE(SequenceStore::fromJson(store)->sseType, u"KMS"_s);
        QJsonObject badStore = store;
        badStore[u"sseConfig"_s] = QJsonObject{{u"keyArn"_s, u"k"_s}};
        QVERIFY(!SequenceStore::fromJson(badStore));

        const Result<ReadSetUpload> upload = ReadSetUpload::fromJson(
            QJsonDocument::fromJson(
                R"({"sequenceStoreId":"1234567890","uploadId":"5555555555","sourceFileType":"FASTQ","subjectId":"s",
                "sampleId":"x","name":"rs1","creationTime":"2023-11-20T23:40:47.437522+00:00","tags":{"k":"v"}})")
                .object());
        QVERIFY2(upload, qPrintable(upload.error().fullText()));
        QVERIFY(upload->referenceArn.isEmpty());
        QCOMPARE(upload->tags.value(u"k"_s), u"v"_s);
        QVERIFY(!ReadSetUpload::fromJson(
            QJsonDocument::fromJson(R"({"uploadId":"5555555555","tags":{"k":1}})").object()));

        QVERIFY(!ReadSetUploadPart::fromJson(
            QJsonDocument::fromJson(R"({"partNumber":0,"partSize":1,"partSource":"SOURCE1","checksum":"c"})")
                .object()));
        QCOMPARE(ReadSetUploadPart::fromJson(
                     QJsonDocument::fromJson(
                         R"({"partNumber":2,"partSize":10,"partSource":"SOURCE1","checksum":"c"})")
                         .object())
                     ->partNumber,
                 2);

        const Result<ImportJob> job = ImportJob::fromJson(
            QJsonDocument::fromJson("{\"id\":\"7777777777\",\"sequenceStoreId\":\"1234567890\",\"roleArn\":"
                                    "\"arn:aws:iam::1:role/r\",\"status\":\"FAILED\",\n                "
                                    "\"creationTime\":\"2024-01-02T03:04:05Z\",\"sources\":[{\"sourceFiles\":"
                                    "{\"source1\":\"s3://b/k\"},\n                "
                                    "\"sourceFileType\":\"BAM\",\"status\":\"FAILED\",\"statusMessage\":"
                                    "\"missing\",\"subjectId\":\"s\",\"sampleId\":\"x\"}]}")
                .object());
        QVERIFY2(job, qPrintable(job.error().fullText()));
        QCOMPARE(job->sources.first().statusMessage, u"missing"_s);
        QVERIFY(ImportJobStatus::isTerminal(job->summary.status));
        QVERIFY(!ImportJob::fromJson(
            QJsonDocument::fromJson(
                R"({"id":"7777777777","sequenceStoreId":"1","roleArn":"r","status":"FAILED","creationTime":1})")
                .object()));

        const Result<OmicsPage<ReadSetListItem>> page = parsePage<ReadSetListItem>(
            QJsonObject{{u"readSets"_s, QJsonArray{item}}, {u"nextToken"_s, u"t/+="_s}}, u"readSets");
        QVERIFY(page);
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->nextToken, u"t/+="_s);
        QVERIFY(!parsePage<ReadSetListItem>(QJsonObject{}, u"readSets"));
        QVERIFY(!parsePage<ReadSetListItem>(QJsonObject{{u"readSets"_s, QJsonArray{1}}}, u"readSets"));
    }

    void expiredTokenRenewsRefreshableCredentialsOnce()
    {
        // A credential_process hands out a new session token per run; an ExpiredTokenException
        // makes the call fetch fresh credentials and try once more, signed with the new token.
        QTemporaryDir dir;
        const QString counter = dir.filePath(u"n"_s);
        const QString tool = dir.filePath(u"creds.sh"_s);
        QVERIFY(test::writeFile(
            tool,
            "#!/bin/sh\necho x >> '" + counter.toUtf8() + "'\nn=$(wc -l < '" + counter.toUtf8() +
                "')\necho '{\"Version\":1,\"AccessKeyId\":\"AKIDEXAMPLE\",\"SecretAccessKey\":\"s\","
                "\"SessionToken\":\"token-'$n'\"}'\n",
            true));
        CannedServer server;
        QObject owner;
        auto* provider = new ProcessCredentialsProvider(u"\""_s + tool + u"\""_s);
        auto* connection = new OmicsConnection(OmicsEndpoint::overridden(server.url()).value(),
                                               u"us-east-1"_s, provider, &m_network, &owner);
        provider->setParent(connection);
        const QByteArray store = R"({"id":"1234567890","arn":"arn:x","creationTime":"2023-11-20T23:40:47Z"})";
        server.responses = {CannedServer::answer(
                                403, R"({"message":"The security token included in the request is expired"})",
                                "X-Amzn-Errortype: ExpiredTokenException\r\n"),
                            CannedServer::answer(200, store)};
        const Result<SequenceStore> r = test::awaitJob(OmicsApi(connection).sequenceStore(u"1234567890"_s));
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QCOMPARE(server.received.size(), 2);
        QCOMPARE(headerOf(server.received[0].head, "X-Amz-Security-Token"), QByteArray("token-1"));
        QCOMPARE(headerOf(server.received[1].head, "X-Amz-Security-Token"), QByteArray("token-2"));
        // Expired again right after the renewal: reported, not looped on.
        server.received.clear();
        server.responses = {CannedServer::answer(403, "{}", "X-Amzn-Errortype: ExpiredTokenException\r\n"),
                            CannedServer::answer(403, "{}", "X-Amzn-Errortype: ExpiredTokenException\r\n"),
                            CannedServer::answer(200, store)};
        const Result<SequenceStore> again =
            test::awaitJob(OmicsApi(connection).sequenceStore(u"1234567890"_s));
        QVERIFY(!again);
        QVERIFY(again.error().message().contains(u"session token has expired"_s));
        QCOMPARE(server.received.size(), 2);
    }

    void badInputIsRefusedBeforeSending()
    {
        CannedServer server;
        QObject owner;
        OmicsApi api(connectionTo(server.url(), &owner));
        const QString store = u"1234567890"_s;
        const QString upload = u"5555555555"_s;
        const auto usage = [](auto* job) {
            const auto r = test::awaitJob(job);
            return !r && r.error().kind() == ApiError::Kind::Usage ? r.error().detail() : QString();
        };
        QVERIFY(!usage(api.sequenceStore(u"123"_s)).isEmpty());
        QVERIFY(!usage(api.sequenceStore(u"12345678901234567890123456789012345678"_s)).isEmpty());
        QVERIFY(!usage(api.listReadSets(u"abcdefghij"_s)).isEmpty());
        QVERIFY(usage(api.listReadSets(store, {}, ListOptions{0, {}})).contains(u"maxResults"_s));
        QVERIFY(usage(api.listReadSets(store, {}, ListOptions{101, {}})).contains(u"maxResults"_s));
        ReadSetFilter filter;
        filter.status = u"SHINY"_s;
        QVERIFY(usage(api.listReadSets(store, filter)).contains(u"status"_s));
        CreateUploadInput in{u"BAM"_s, u"subj"_s, u"samp"_s, u"name"_s, {}, {}, {}, {}, {}};
        QVERIFY(usage(api.createUpload(store, in)).contains(u"reference"_s));
        in.sourceFileType = u"CRAM"_s;
        QVERIFY(usage(api.createUpload(store, in)).contains(u"reference"_s));
        in.sourceFileType = u"SAM"_s;
        QVERIFY(usage(api.createUpload(store, in)).contains(u"file type"_s));
        in.sourceFileType = u"UBAM"_s;
        in.name = QString(128, u'n');
        QVERIFY(usage(api.createUpload(store, in)).contains(u"name"_s));
        in.name = u"a\u0001b"_s;
        QVERIFY(!usage(api.createUpload(store, in)).isEmpty());
        QVERIFY(
            usage(api.uploadPart(store, upload, u"SOURCE3"_s, 1, QByteArray("x"))).contains(u"partSource"_s));
        QVERIFY(usage(api.uploadPart(store, upload, u"SOURCE1"_s, 10001, QByteArray("x")))
                    .contains(u"partNumber"_s));
        QVERIFY(!usage(api.uploadPart(store, upload, u"SOURCE1"_s, 1, QByteArray())).isEmpty());
        QVERIFY(!usage(api.completeUpload(store, upload, {})).isEmpty());
        QVERIFY(
            usage(api.completeUpload(store, upload, {{u"SOURCE1"_s, 1, u"c"_s}, {u"SOURCE1"_s, 1, u"c"_s}}))
                .contains(u"twice"_s));
        QVERIFY(!usage(api.completeUpload(store, upload, {{u"SOURCE1"_s, 1, QString()}})).isEmpty());
        QVERIFY(usage(api.readSetPart(store, u"0000000001"_s, 1, u"SOURCE9"_s)).contains(u"file"_s));
        StartImportInput import{u"arn:aws:iam::123456789012:role/r"_s, {}, {}};
        QVERIFY(!usage(api.startImportJob(store, import)).isEmpty());
        import.sources.append({u"https://bucket/key"_s, {}, u"FASTQ"_s, u"s"_s, u"x"_s, {}, {}, {}, {}, {}});
        QVERIFY(usage(api.startImportJob(store, import)).contains(u"S3 URI"_s));
        import.sources.first().source1 = u"s3://bucket/key"_s;
        import.roleArn = u"role"_s;
        QVERIFY(usage(api.startImportJob(store, import)).contains(u"roleArn"_s));
        QVERIFY(!usage(api.listImportJobs(store, ImportJobFilter{u"DONE"_s, {}, {}})).isEmpty());
        QVERIFY(!usage(api.listUploadParts(store, upload, u"SOURCE0"_s)).isEmpty());
        // None of it reached the server.
        QTest::qWait(50);
        QCOMPARE(server.connections, 0);
    }

    void retriesOnTheWire()
    {
        CannedServer server;
        QObject owner;
        OmicsConnection* connection = connectionTo(server.url(), &owner);
        connection->pacer()->setEnabled(false);
        OmicsApi api(connection);
        const QByteArray store = R"({"id":"1234567890","arn":"arn:x","creationTime":"2023-11-20T23:40:47Z"})";
        // A 503, then a throttling answer, then success: three attempts, one result.
        server.responses = {CannedServer::answer(503, "{}"),
                            CannedServer::answer(400, R"({"message":"Rate exceeded"})",
                                                 "X-Amzn-Errortype: ThrottlingException\r\n"),
                            CannedServer::answer(200, store)};
        auto* job = api.sequenceStore(u"1234567890"_s);
        Result<SequenceStore> r = test::awaitJob(job);
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QCOMPARE(r->id, u"1234567890"_s);
        QCOMPARE(server.received.size(), 3);
        // Every attempt signed afresh, no body on the GET.
        for (const auto& request : server.received) {
            QVERIFY(request.head.startsWith("GET /sequencestore/1234567890 HTTP/1.1"));
            QVERIFY(headerOf(request.head, "Authorization")
                        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"));
            QVERIFY(headerOf(request.head, "Content-Type").isEmpty());
            QCOMPARE(headerOf(request.head, "Host"), "127.0.0.1:" + QByteArray::number(server.port()));
        }

        // A validation error is final at once, with its sentence and request id.
        server.received.clear();
        server.responses = {
            CannedServer::answer(400, R"({"message":"bad filter"})",
                                 "X-Amzn-Errortype: ValidationException:http://internal/\r\n")};
        r = test::awaitJob(api.sequenceStore(u"1234567890"_s));
        QVERIFY(!r);
        QCOMPARE(r.error().kind(), ApiError::Kind::Service);
        QCOMPARE(r.error().serviceCode(), u"ValidationException"_s);
        QCOMPARE(r.error().requestId(), u"req-400"_s);
        QVERIFY(r.error().message().contains(u"bad filter"_s));
        QCOMPARE(server.received.size(), 1);

        // Three 500s: the standard mode gives up after three attempts.
        server.received.clear();
        server.responses = {CannedServer::answer(500, "{}", "X-Amzn-Errortype: InternalServerException\r\n"),
                            CannedServer::answer(500, "{}"), CannedServer::answer(500, "{}"),
                            CannedServer::answer(200, store)};
        r = test::awaitJob(api.sequenceStore(u"1234567890"_s));
        QVERIFY(!r);
        QCOMPARE(r.error().httpStatus(), 500);
        QCOMPARE(server.received.size(), 3);

        // A dropped connection is transient; a part is resent whole, with its length and
        // UNSIGNED-PAYLOAD, and the opaque checksum comes back.
        server.received.clear();
        server.responses = {"DROP", CannedServer::answer(200, R"({"checksum":"opaque=="})")};
        const Result<UploadedPart> part = test::awaitJob(api.uploadPart(
            u"1234567890"_s, u"5555555555"_s, u"SOURCE2"_s, 3, QByteArray("@r1\nACGT\n+\nIIII\n")));
        QVERIFY2(part, qPrintable(part.error().fullText()));
        QCOMPARE(part->checksum, u"opaque=="_s);
        QCOMPARE(server.received.size(), 2);
        for (const auto& request : server.received) {
            QVERIFY(request.head.startsWith(
                "PUT /sequencestore/1234567890/upload/5555555555/part?partSource=SOURCE2&partNumber=3 "
                "HTTP/1.1"));
            QCOMPARE(request.body, QByteArray("@r1\nACGT\n+\nIIII\n"));
            QCOMPARE(headerOf(request.head, "x-amz-content-sha256"), QByteArray("UNSIGNED-PAYLOAD"));
            QVERIFY(headerOf(request.head, "Transfer-Encoding").isEmpty());
        }

        // A 2xx that is not JSON is Malformed, not retried.
        server.received.clear();
        server.responses = {CannedServer::answer(200, "<html>")};
        r = test::awaitJob(api.sequenceStore(u"1234567890"_s));
        QCOMPARE(r.error().kind(), ApiError::Kind::Malformed);
        QCOMPARE(server.received.size(), 1);

        // Bodyless POST and DELETE carry an explicit empty body and no Content-Type.
        server.received.clear();
        server.responses = {CannedServer::answer(200, ""), CannedServer::answer(200, "{}")};
        const Result<OmicsPage<ReadSetUpload>> uploads =
            test::awaitJob(api.listUploads(u"1234567890"_s, {5, {}}));
        QVERIFY2(uploads, qPrintable(uploads.error().fullText()));
        QVERIFY(uploads->items.isEmpty());
        QVERIFY(test::awaitJob(api.abortUpload(u"1234567890"_s, u"5555555555"_s)));
        QCOMPARE(server.received.size(), 2);
        QVERIFY(server.received[0].head.startsWith("POST /sequencestore/1234567890/uploads?maxResults=5 "));
        QVERIFY(
            server.received[1].head.startsWith("DELETE /sequencestore/1234567890/upload/5555555555/abort "));
        for (const auto& request : server.received) {
            QVERIFY(headerOf(request.head, "Content-Type").isEmpty());
            QCOMPARE(headerOf(request.head, "Content-Length"), QByteArray("0"));
        }

        // Create carries a generated clientToken, the same one on every attempt.
        server.received.clear();
        server.responses = {
            CannedServer::answer(503, "{}"),
            CannedServer::answer(200, R"({"sequenceStoreId":"1234567890","uploadId":"5555555555",
                                "sourceFileType":"UBAM","subjectId":"s","sampleId":"x","creationTime":"2024-01-02T03:04:05Z"})")};
        const Result<ReadSetUpload> created = test::awaitJob(
            api.createUpload(u"1234567890"_s, {u"UBAM"_s, u"s"_s, u"x"_s, u"n"_s, {}, {}, {}, {}, {}}));
        QVERIFY2(created, qPrintable(created.error().fullText()));
        QCOMPARE(server.received.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(server.received[0].body).object();
        QCOMPARE(first.value(u"clientToken"_s).toString().size(), 36);
        QCOMPARE(server.received[1].body, server.received[0].body);
        QCOMPARE(headerOf(server.received[0].head, "Content-Type"), QByteArray("application/json"));
    }
};

QTEST_GUILESS_MAIN(TestOmicsProtocol)
#include "tst_omicsprotocol.moc"
