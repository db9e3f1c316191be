// AWS Signature Version 4 against the vectors of ../shared/reference/healthomics-protocol.md
// §5.4 (botocore's aws4_testsuite), the canonical request botocore produced for
// UploadReadSetPart (§2.7), and the query encoding of nextToken (§2.15).
#include "aws/sigv4.h"

#include <QTest>
#include <QTimeZone>

using namespace bge::aws;
using namespace Qt::StringLiterals;

namespace {

AwsCredentials exampleCredentials(QString token = {})
{
    return {u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s, std::move(token), {}};
}

QDateTime exampleTime()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc());
}

SigV4::Request getVanilla()
{
    SigV4::Request r;
    r.method = "GET";
    r.path = "/";
    r.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
    return r;
}

} // namespace

class TestSigV4 final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getVanilla();
    void postFormUrlEncoded();
    void queryOrderKeyCase();
    void sessionToken();
    void signAddsItsHeaders();
    void uploadReadSetPartCanonicalRequest();
    void nextTokenIsPercentEncoded();
    void uriEncoding();
    void pathNormalisation_data();
    void pathNormalisation();
    void headerValuesTrimmedAndJoined();
    void unsignedHeadersLeftOut();
    void amzDates();
    void authorizationParsed();
    void malformedAuthorizationRefused_data();
    void malformedAuthorizationRefused();
};

void TestSigV4::getVanilla()
{
    const SigV4::Request r = ::getVanilla();
    const QByteArrayList signedHeaders = SigV4::defaultSignedHeaders(r);
    QCOMPARE(signedHeaders, (QByteArrayList{"host", "x-amz-date"}));
    const QByteArray creq = SigV4::canonicalRequest(r, signedHeaders, SigV4::payloadHash(""));
    QCOMPARE(creq, QByteArray("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(SigV4::payloadHash(""), SigV4::kEmptyPayloadHash.toByteArray());
    const QByteArray scope = SigV4::scope("20150830", "us-east-1", "service");
    QCOMPARE(SigV4::stringToSign(creq, "20150830T123600Z", scope),
             QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"));
    QCOMPARE(SigV4::signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830T123600Z", "us-east-1", "service", creq),
             QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

    // The whole header, as sign() writes it.
    SigV4::Request signedRequest;
    signedRequest.method = "GET";
    signedRequest.headers = {{"Host", "example.amazonaws.com"}};
    SigV4::sign(signedRequest, exampleCredentials(), exampleTime(), "us-east-1", "service", SigV4::kEmptyPayloadHash);
    QCOMPARE(signedRequest.header("Authorization"),
             QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        "SignedHeaders=host;x-amz-date, "
                        "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
}

void TestSigV4::postFormUrlEncoded()
{
    SigV4::Request r;
    r.method = "POST";
    r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Host", "example.amazonaws.com"}};
    const QByteArray body = "Param1=value1";
    QCOMPARE(SigV4::payloadHash(body), QByteArray("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
    SigV4::sign(r, exampleCredentials(), exampleTime(), "us-east-1", "service", SigV4::payloadHash(body));
    QCOMPARE(SigV4::canonicalRequest(r, {"content-type", "host", "x-amz-date"}, SigV4::payloadHash(body)),
             QByteArray("POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
                        "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
                        "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
    QCOMPARE(r.header("Authorization"),
             QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        "SignedHeaders=content-type;host;x-amz-date, "
                        "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"));
}

void TestSigV4::queryOrderKeyCase()
{
    SigV4::Request r = ::getVanilla();
    r.query = {{"Param2", "value2"}, {"Param1", "value1"}};
    const QByteArray creq = SigV4::canonicalRequest(r, SigV4::defaultSignedHeaders(r), SigV4::kEmptyPayloadHash);
    QCOMPARE(creq, QByteArray("GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\n"
                              "x-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(SigV4::stringToSign(creq, "20150830T123600Z", SigV4::scope("20150830", "us-east-1", "service")).split('\n').last(),
             QByteArray("816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0"));
    QCOMPARE(SigV4::signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830T123600Z", "us-east-1", "service", creq),
             QByteArray("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"));
}

void TestSigV4::sessionToken()
{
    const QString token = u"6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"_s;
    SigV4::Request r;
    r.method = "GET";
    r.headers = {{"Host", "example.amazonaws.com"}};
    SigV4::sign(r, exampleCredentials(token), exampleTime(), "us-east-1", "service", SigV4::kEmptyPayloadHash);
    QCOMPARE(r.header("X-Amz-Security-Token"), token.toLatin1());
    const QByteArray creq = SigV4::canonicalRequest(r, SigV4::defaultSignedHeaders(r), SigV4::kEmptyPayloadHash);
    QCOMPARE(creq, "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:"
                       + token.toLatin1()
                       + "\n\nhost;x-amz-date;x-amz-security-token\n"
                         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QCOMPARE(SigV4::stringToSign(creq, "20150830T123600Z", SigV4::scope("20150830", "us-east-1", "service")).split('\n').last(),
             QByteArray("067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b"));
    // The suite's .authz (its .sreq is known to disagree with it).
    QCOMPARE(r.header("Authorization"),
             QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                        "Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"));
}

void TestSigV4::signAddsItsHeaders()
{
    SigV4::Request r;
    r.method = "PUT";
    r.headers = {{"Host", "127.0.0.1:18765"}, {"User-Agent", "BGE-Desktop/0.1"}, {"Content-Length", "16"}};
    SigV4::sign(r, exampleCredentials(), exampleTime(), "us-east-1", "omics", SigV4::kUnsignedPayload);
    QCOMPARE(r.header("x-amz-content-sha256"), QByteArray("UNSIGNED-PAYLOAD"));
    QCOMPARE(r.header("x-amz-date"), QByteArray("20150830T123600Z"));
    QVERIFY(!r.hasHeader("x-amz-security-token"));
    const auto auth = SigV4::parseAuthorization(r.header("authorization"));
    QVERIFY(auth);
    // User-Agent and Content-Length are never signed: the stack or a proxy may change them.
    QCOMPARE(auth->signedHeaders, (QByteArrayList{"host", "x-amz-content-sha256", "x-amz-date"}));
    QCOMPARE(auth->service, QByteArray("omics"));
    // Signing again replaces, never duplicates.
    SigV4::sign(r, exampleCredentials(), exampleTime().addSecs(1), "us-east-1", "omics", SigV4::kUnsignedPayload);
    QCOMPARE(r.header("x-amz-date"), QByteArray("20150830T123601Z"));
    QCOMPARE(r.header("authorization").count("AWS4-HMAC-SHA256"), 1);
}

void TestSigV4::uploadReadSetPartCanonicalRequest()
{
    // §2.7: what botocore logged for UploadReadSetPart on a loopback endpoint.
    SigV4::Request r;
    r.method = "PUT";
    r.path = "/sequencestore/1234567890/upload/5555555555/part";
    r.query = {{"partSource", "SOURCE1"}, {"partNumber", "1"}};
    r.headers = {{"Host", "127.0.0.1:18765"}, {"X-Amz-Date", "20261122T141451Z"},
                 {"X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"}};
    QCOMPARE(SigV4::canonicalRequest(r, SigV4::defaultSignedHeaders(r), SigV4::kUnsignedPayload),
             QByteArray("PUT\n/sequencestore/1234567890/upload/5555555555/part\npartNumber=1&partSource=SOURCE1\n"
                        "host:127.0.0.1:18765\nx-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-date:20261122T141451Z\n\n"
                        "host;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"));
}

void TestSigV4::nextTokenIsPercentEncoded()
{
    // §2.15: botocore sent nextToken=tok%2F%2B%3D for "tok/+=", the same in the canonical query.
    QCOMPARE(SigV4::canonicalQuery({{"nextToken", "tok/+="}, {"maxResults", "50"}}),
             QByteArray("maxResults=50&nextToken=tok%2F%2B%3D"));
    // A key without a value is written "key=".
    QCOMPARE(SigV4::canonicalQuery({{"b", ""}, {"a", "1"}}), QByteArray("a=1&b="));
    // Byte order: upper case sorts before lower case; equal names by value.
    QCOMPARE(SigV4::canonicalQuery({{"a", "2"}, {"B", "1"}, {"a", "1"}}), QByteArray("B=1&a=1&a=2"));
}

void TestSigV4::uriEncoding()
{
    QCOMPARE(SigV4::uriEncode("AZaz09-_.~"), QByteArray("AZaz09-_.~"));
    QCOMPARE(SigV4::uriEncode("a b+c/d=é"), QByteArray("a%20b%2Bc%2Fd%3D%C3%A9"));
    QCOMPARE(SigV4::uriEncode("a/b", true), QByteArray("a/b"));
}

void TestSigV4::pathNormalisation_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("canonical");
    // Cases of the suite's normalize-path folder (botocore's normalize_url_path).
    QTest::newRow("empty") << QByteArray() << QByteArray("/");
    QTest::newRow("get-slash") << QByteArray("//") << QByteArray("/");
    QTest::newRow("get-slashes") << QByteArray("//example//") << QByteArray("/example/");
    QTest::newRow("get-relative") << QByteArray("/example/..") << QByteArray("/");
    QTest::newRow("get-relative-relative") << QByteArray("/example1/example2/../..") << QByteArray("/");
    QTest::newRow("get-slash-dot-slash") << QByteArray("/./") << QByteArray("/");
    QTest::newRow("get-slash-pointless-dot") << QByteArray("/./example") << QByteArray("/example");
    // Non-S3 services sign the encoded path encoded once more.
    QTest::newRow("encoded segment") << QByteArray("/example%20space/") << QByteArray("/example%2520space/");
    QTest::newRow("omics") << QByteArray("/sequencestore/1234567890/readset/0000000001/metadata")
                           << QByteArray("/sequencestore/1234567890/readset/0000000001/metadata");
}

void TestSigV4::pathNormalisation()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, canonical);
    QCOMPARE(SigV4::canonicalPath(path), canonical);
}

void TestSigV4::headerValuesTrimmedAndJoined()
{
    // get-header-value-trim / get-header-key-duplicate: values trimmed, inner spaces collapsed,
    // repeated headers joined with ',' in order.
    SigV4::Request r;
    r.method = "GET";
    r.headers = {{"Host", "example.amazonaws.com"}, {"My-Header1", " value1"}, {"My-Header2", " \"a   b   c\""},
                 {"My-Header3", "v1"}, {"my-header3", "v2"}, {"X-Amz-Date", "20150830T123600Z"}};
    const QByteArray creq = SigV4::canonicalRequest(r, SigV4::defaultSignedHeaders(r), SigV4::kEmptyPayloadHash);
    QVERIFY2(creq.contains("my-header1:value1\nmy-header2:\"a b c\"\nmy-header3:v1,v2\n"), creq.constData());
    QVERIFY(creq.contains("\nhost;my-header1;my-header2;my-header3;x-amz-date\n"));
}

void TestSigV4::unsignedHeadersLeftOut()
{
    SigV4::Request r;
    r.headers = {{"Host", "h"}, {"Connection", "keep-alive"}, {"Expect", "100-continue"}, {"User-Agent", "x"},
                 {"Accept-Encoding", "gzip"}, {"Content-Type", "application/json"}};
    QCOMPARE(SigV4::defaultSignedHeaders(r), (QByteArrayList{"content-type", "host"}));
}

void TestSigV4::amzDates()
{
    QCOMPARE(SigV4::amzDate(exampleTime()), QByteArray("20150830T123600Z"));
    QCOMPARE(SigV4::fromAmzDate("20150830T123600Z"), exampleTime());
    QVERIFY(!SigV4::fromAmzDate("20150830T123600").isValid());
    QVERIFY(!SigV4::fromAmzDate("2015-08-30T12:36:00Z").isValid());
    QVERIFY(!SigV4::fromAmzDate("20151330T123600Z").isValid());
}

void TestSigV4::authorizationParsed()
{
    const auto a = SigV4::parseAuthorization(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/omics/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    QVERIFY(a);
    QCOMPARE(a->accessKeyId, QByteArray("AKIDEXAMPLE"));
    QCOMPARE(a->day, QByteArray("20150830"));
    QCOMPARE(a->region, QByteArray("us-east-1"));
    QCOMPARE(a->service, QByteArray("omics"));
    QCOMPARE(a->signedHeaders, (QByteArrayList{"host", "x-amz-date"}));
    QCOMPARE(a->signature.size(), 64);
}

void TestSigV4::malformedAuthorizationRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("other scheme") << QByteArray("OSS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, SignedHeaders=host, Signature=x");
    QTest::newRow("no signature") << QByteArray("AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, SignedHeaders=host");
    QTest::newRow("short scope") << QByteArray("AWS4-HMAC-SHA256 Credential=a/20150830/r/aws4_request, SignedHeaders=host, Signature=x");
    QTest::newRow("wrong terminator") << QByteArray("AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aliyun_v4_request, SignedHeaders=host, Signature=x");
    QTest::newRow("bad day") << QByteArray("AWS4-HMAC-SHA256 Credential=a/2015083/r/s/aws4_request, SignedHeaders=host, Signature=x");
    QTest::newRow("unknown field") << QByteArray("AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, Foo=1, SignedHeaders=host, Signature=x");
    QTest::newRow("repeated field") << QByteArray("AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, Signature=y, SignedHeaders=host, Signature=x");
}

void TestSigV4::malformedAuthorizationRefused()
{
    QFETCH(QByteArray, header);
    QVERIFY(!SigV4::parseAuthorization(header));
}

QTEST_APPLESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
