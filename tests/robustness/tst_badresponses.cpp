// Real PlatformApi jobs over loopback against a server that misbehaves on purpose: every
// answer must end the job exactly once with the right ApiError kind and a useful detail,
// never a crash, a hang or a silent default.
#include "joboutcome.h"
#include "misbehavingserver.h"
#include "common/peakmemory.h"
#include "common/sanitizers.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "auth/oauthclient.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTcpServer>

#include <memory>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

using Reply = MisbehavingServer::Reply;

constexpr int kTransferTimeoutMs = 1500;
constexpr qint64 kMiB = 1024 * 1024;

// Which PlatformApi call a table row drives; each has its own path on the server.
enum class Call
{
    User,
    Samples,
    Sample,
    Variants,
    Taxa,
    Functions,
    Genes,
    Externals,
    Ping,
    UploadToken,
    DownloadUrl,
    Introspect,
    Model,
    RegisterSample
};

QByteArray pathOf(Call call)
{
    switch (call) {
    case Call::User:
        return "/profile";
    case Call::Samples:
        return "/samples";
    case Call::Sample:
        return "/samples/E-B00000000001";
    case Call::Variants:
        return "/variants";
    case Call::Taxa:
        return "/microbiome/taxon_abundance";
    case Call::Functions:
        return "/microbiome/func_abundance";
    case Call::Genes:
        return "/microbiome/gene_abundance";
    case Call::Externals:
        return "/samples/external_ids";
    case Call::Ping:
        return "/ping";
    case Call::UploadToken:
        return "/sts/token";
    case Call::DownloadUrl:
        return "/oss/sign_url";
    case Call::Introspect:
        return "/oauth2/introspect";
    case Call::Model:
        return "/model/m1";
    case Call::RegisterSample:
        return "/samples/register";
    }
    return {};
}

// How the request layer names the call in error detail: "GET /samples".
QString describe(Call call)
{
    const bool post = call == Call::UploadToken || call == Call::DownloadUrl || call == Call::RegisterSample;
    return (post ? u"POST "_s : u"GET "_s) + QString::fromLatin1(pathOf(call));
}

const QByteArray kSamplesPage = R"({"code": 0, "msg": "success", "data": {"result": [
    {"biosample_id": "E-B00000000001", "external_sample_id": "demo",
     "organism": {"code": 1, "display": "human"}, "biosample_site": {"code": 11, "display": "blood"},
     "project": [{"project_id": "P-W00000001", "project_name": "demo"}], "data_availability": true}],
    "count": 1, "next_page": 2}})";

QByteArray envelope(const QByteArray& data)
{
    return R"({"code": 0, "msg": "success", "data": )" + data + '}';
}

QByteArray htmlPage(const QByteArray& title)
{
    return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><center><h1>" + title +
           "</h1></center><hr><center>nginx</center></body></html>\n";
}

} // namespace

Q_DECLARE_METATYPE(Call)

class TestBadResponses final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MisbehavingServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiConnection> m_connection;
    FixedTokenProvider m_tokens;

    PlatformApi api() const { return PlatformApi(m_connection.get()); }

    JobOutcome runCall(Call call)
    {
        PlatformApi a = api();
        switch (call) {
        case Call::User:
            return awaitJob(a.user());
        case Call::Samples:
            return awaitJob(a.samples(SampleQuery{}, PageToken(), 50));
        case Call::Sample:
            return awaitJob(a.sample(u"E-B00000000001"_s));
        case Call::Variants:
            return awaitJob(a.variants(u"E-B00000000001"_s, {u"rs762551"_s}));
        case Call::Taxa:
            return awaitJob(a.taxonAbundance(u"E-B00000000001"_s));
        case Call::Functions:
            return awaitJob(a.functionAbundance(u"E-B00000000001"_s, u"go"_s));
        case Call::Genes:
            return awaitJob(a.geneAbundance(u"E-B00000000001"_s, u"IGC_9.9M"_s, u"file"_s));
        case Call::Externals:
            return awaitJob(a.externals(ExternalIdQuery{{u"demo"_s}, {}, {}}));
        case Call::Ping:
            return awaitJob(a.ping());
        case Call::UploadToken:
            return awaitJob(a.uploadToken());
        case Call::DownloadUrl:
            return awaitJob(a.downloadUrl(u"DUS-1/demo.txt"_s));
        case Call::Introspect:
            return awaitJob(a.introspect(u"some-token"_s));
        case Call::Model:
            return awaitJob(a.invokeModel(u"m1"_s, {}));
        case Call::RegisterSample:
            return awaitJob(a.registerSample(SampleRegistration{u"demo"_s, 1, u"P-W1"_s, false, {}}));
        }
        return {};
    }

    // Logged so that a run shows what each misbehaviour amounted to.
    static void report(const JobOutcome& outcome)
    {
        qInfo().noquote() << QTest::currentTestFunction() << QTest::currentDataTag() << "→" << outcome.kind()
                          << outcome.elapsedMs << "ms:" << outcome.error.fullText();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<MisbehavingServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_connection = std::make_unique<ApiConnection>(m_server->baseUrl(), m_network.get());
        m_connection->setTransferTimeoutMs(kTransferTimeoutMs);
        m_connection->setRetryPolicy(RetryPolicy::none());
        m_tokens = FixedTokenProvider();
        m_connection->setTokenProvider(&m_tokens);
    }

    void cleanup()
    {
        m_connection.reset();
        m_network.reset();
        m_server.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // The baseline: a well-formed page parses, with the bearer token sent.
    void wellFormedAnswerParses()
    {
        m_server->script("/samples", Reply::json(kSamplesPage));
        std::optional<Page<Sample>> page;
        const JobOutcome o = awaitJob(api().samples(SampleQuery{}), &page);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"none"_s);
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->items[0].organism.code, 1);
        QCOMPARE(page->next, PageToken::pageNumber(2));
        QCOMPARE(m_server->requests().value(0).headers.value("authorization"),
                 QByteArray("Bearer ") + FixedTokenProvider::kToken);
    }

    // Bodies that are not an envelope, or carry records of the wrong shape: Malformed,
    // with the path of the offending field in the detail.
    void malformedAnswers_data()
    {
        QTest::addColumn<Call>("call");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("detail");

        const QByteArray json = "application/json";
        // Not an envelope.
        QTest::newRow("invalid JSON")
            << Call::User << json << QByteArray(R"({"code": 0, "data": {"username": )") << u"invalid JSON"_s;
        QTest::newRow("JSON array") << Call::User << json << QByteArray(R"([{"code": 0}])")
                                    << u"not a JSON object"_s;
        QTest::newRow("JSON string") << Call::User << json << QByteArray(R"("success")") << u""_s;
        QTest::newRow("missing code") << Call::User << json << QByteArray(R"({"msg": "success", "data": {}})")
                                      << u"no integer \"code\""_s;
        QTest::newRow("code as string")
            << Call::User << json << QByteArray(R"({"code": "0", "data": {}})") << u"no integer \"code\""_s;
        QTest::newRow("code fractional")
            << Call::User << json << QByteArray(R"({"code": 0.5, "data": {}})") << u"no integer \"code\""_s;
        QTest::newRow("code null") << Call::User << json << QByteArray(R"({"code": null, "data": {}})")
                                   << u"no integer \"code\""_s;
        QTest::newRow("msg a number")
            << Call::User << json << QByteArray(R"({"code": 0, "msg": 7, "data": {}})")
            << u"\"msg\" is not a string"_s;
        QTest::newRow("pagination an array")
            << Call::Taxa << json << QByteArray(R"({"code": 0, "data": [], "pagination": [1]})")
            << u"\"pagination\" is not an object"_s;
        QTest::newRow("empty body") << Call::User << json << QByteArray() << u"empty response"_s;
        QTest::newRow("whitespace body")
            << Call::User << json << QByteArray(" \r\n\t ") << u"empty response"_s;
        QTest::newRow("HTML page, status 200") << Call::User << QByteArray("text/html; charset=utf-8")
                                               << htmlPage("Welcome to nginx!") << u"an HTML page"_s;
        QTest::newRow("HTML page labelled JSON")
            << Call::User << json << htmlPage("Login") << u"an HTML page"_s;
        QTest::newRow("plain text") << Call::Ping << QByteArray("text/plain") << QByteArray("pong")
                                    << u"invalid JSON"_s;

        // Envelopes whose data has the wrong shape.
        QTest::newRow("profile data null")
            << Call::User << json << envelope("null") << u"user: expected an object, got null"_s;
        QTest::newRow("username missing") << Call::User << json << envelope(R"({"userId": "5be85a3f"})")
                                          << u"user.username: required field is missing"_s;
        QTest::newRow("username a number") << Call::User << json << envelope(R"({"username": 42})")
                                           << u"user.username: expected a string, got a number"_s;
        QTest::newRow("biosample_id a number")
            << Call::Samples << json
            << envelope(R"({"result": [{"biosample_id": 123}], "count": 1, "next_page": null})")
            << u"samples.result[0]: sample.biosample_id: expected a string, got a number"_s;
        QTest::newRow("count a string")
            << Call::Samples << json
            << envelope(R"({"result": [{"biosample_id": "E-B1"}], "count": "1", "next_page": null})")
            << u"samples.count: expected a number, got a string"_s;
        QTest::newRow("count fractional")
            << Call::Samples << json << envelope(R"({"result": [], "count": 1.5, "next_page": null})")
            << u"samples.count: expected an integer"_s;
        QTest::newRow("result not an array")
            << Call::Samples << json << envelope(R"({"result": {"biosample_id": "E-B1"}, "count": 1})")
            << u"samples.result: expected an array, got an object"_s;
        QTest::newRow("organism.code a string")
            << Call::Samples << json
            << envelope(
                   R"({"result": [{"biosample_id": "E-B1", "organism": {"code": "1", "display": "human"}}],
                            "count": 1, "next_page": null})")
            << u"sample.organism.code: expected a number, got a string"_s;
        QTest::newRow("next_page an object")
            << Call::Samples << json << envelope(R"({"result": [], "count": 0, "next_page": {"page": 2}})")
            << u"samples.next_page: expected a page number, a cursor or null, got an object"_s;
        QTest::newRow("page data an array")
            << Call::Samples << json << envelope("[]") << u"samples: expected an object, got an array"_s;
        QTest::newRow("biosample_id missing")
            << Call::Sample << json << envelope(R"({"external_sample_id": "demo"})")
            << u"sample.biosample_id: required field is missing"_s;
        QTest::newRow("project not a list")
            << Call::Sample << json
            << envelope(R"({"biosample_id": "E-B1", "project": {"project_id": "P-W1"}})")
            << u"sample.project: expected an array, got an object"_s;
        QTest::newRow("file without object_name")
            << Call::Sample << json
            << envelope(R"({"biosample_id": "E-B1", "files": [{"file_name": "a.vcf"}]})")
            << u"sample.files[0].object_name: required field is missing"_s;
        QTest::newRow("variants data an object")
            << Call::Variants << json << envelope("{}") << u"variants: expected an array, got an object"_s;
        QTest::newRow("variant position a string")
            << Call::Variants << json
            << envelope(
                   R"([{"alternate_id": ["rs762551"], "variant": {"chromosome": "chr15", "position": "74749576"}}])")
            << u"variants[0]: variant.variant.position: expected a number, got a string"_s;
        QTest::newRow("alternate_id not strings")
            << Call::Variants << json << envelope(R"([{"alternate_id": ["rs762551", 5]}])")
            << u"variant.alternate_id[1]: expected a string, got a number"_s;
        QTest::newRow("taxon_id missing")
            << Call::Taxa << json << envelope(R"([{"taxonomy": {"taxon_name": "s__B"}}])")
            << u"taxon_abundance.taxonomy.taxon_id: required field is missing"_s;
        QTest::newRow("percentile not a number")
            << Call::Taxa << json
            << envelope(
                   R"([{"taxonomy": {"taxon_id": "BT1"}, "background": {"background": {"50%": "0.1"}}}])")
            << u"expected a number under a percentile key"_s;
        QTest::newRow("pagination.count a string")
            << Call::Taxa << json
            << QByteArray(R"({"code": 0, "data": [], "pagination": {"count": "0", "page": 1}})")
            << u"pagination.count: expected a number, got a string"_s;
        QTest::newRow("function id missing")
            << Call::Functions << json
            << envelope(R"({"result": [{"coding": {"system": "go"}}], "next_page": null})")
            << u"func_abundance.coding.id: required field is missing"_s;
        QTest::newRow("gene file size a string")
            << Call::Genes << json
            << envelope(R"({"result": [{"file": {"object_name": "o", "size": "12"}}], "next_page": null})")
            << u"gene_abundance.file.size: expected a number, got a string"_s;
        QTest::newRow("external id without biosample_id")
            << Call::Externals << json << envelope(R"([{"external_sample_id": "demo"}])")
            << u"external_id.biosample_id: required field is missing"_s;
        QTest::newRow("ping data a number")
            << Call::Ping << json << envelope("1") << u"ping: expected a string, got a number"_s;
        QTest::newRow("upload token expiration not a time")
            << Call::UploadToken << json
            << envelope(
                   R"({"endpoint": "e", "destination": "d", "bucket": "b", "credentials": {"access_key_id": "i",
                            "access_key_secret": "s", "security_token": "t", "expiration": "tomorrow"}})")
            << u"not an ISO 8601 time"_s;
        QTest::newRow("download url relative")
            << Call::DownloadUrl << json << envelope(R"({"url": "/relative/path", "expires": 1})")
            << u"not an absolute URL"_s;
        QTest::newRow("introspection without active")
            << Call::Introspect << json << envelope(R"({"client_id": "c"})")
            << u"introspection.active: required field is missing"_s;
        QTest::newRow("model_code a string") << Call::Model << json << envelope(R"({"model_code": "0"})")
                                             << u"model_result.model_code: expected a number, got a string"_s;
        QTest::newRow("register answers an object without id")
            << Call::RegisterSample << json << envelope(R"({"id": "E-B1"})")
            << u"expected the new biosample id"_s;
    }

    void malformedAnswers()
    {
        QFETCH(Call, call);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, detail);
        m_server->script(pathOf(call), Reply::http(200, contentType, body));

        const JobOutcome o = runCall(call);
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"malformed"_s);
        QVERIFY2(o.error.detail().contains(detail), qPrintable(o.error.detail()));
        // Where it happened, for logs: "GET /samples: …".
        QVERIFY2(o.error.detail().startsWith(describe(call) + u": "_s), qPrintable(o.error.detail()));
        QCOMPARE(m_server->requestCount(pathOf(call)), 1);
    }

    // code != 0: the platform's own error, with code, msg and data kept intact; never retried.
    void apiErrorKeepsCodeMessageAndData()
    {
        m_connection->setRetryPolicy(RetryPolicy{4, 10, 40});
        m_server->script("/samples",
                         Reply::json(u"{\"code\": 41001, \"msg\": \"参数错误\", "
                                     "\"data\": {\"limit\": \"must be between 1 and 1000\"}}"_s.toUtf8()));
        const JobOutcome o = awaitJob(api().samples(SampleQuery{}, PageToken(), 5000));
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"api"_s);
        QCOMPARE(o.error.apiCode(), 41001);
        QCOMPARE(o.error.apiMessage(), u"参数错误"_s);
        QCOMPARE(o.error.apiData().toObject().value(u"limit").toString(), u"must be between 1 and 1000"_s);
        QVERIFY(o.error.message().contains(u"41001 参数错误"_s));
        QVERIFY(o.error.fullText().contains(u"must be between 1 and 1000"_s));
        QVERIFY(!o.error.isTokenRejected());
        QCOMPARE(m_server->requestCount("/samples"), 1);
    }

    void apiErrorWithNullData()
    {
        m_server->script("/profile",
                         Reply::json(u"{\"code\": 401, \"msg\": \"无访问权限\", \"data\": null}"_s.toUtf8()));
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"api"_s);
        QCOMPARE(o.error.apiCode(), 401);
        QCOMPARE(o.error.apiMessage(), u"无访问权限"_s);
        QVERIFY(o.error.apiData().isNull());
    }

    // HTTP errors: the status decides, whatever the body (even an envelope).
    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");

        QTest::newRow("500 HTML") << 500 << QByteArray("text/html") << htmlPage("500 Internal Server Error");
        QTest::newRow("502 HTML") << 502 << QByteArray("text/html") << htmlPage("502 Bad Gateway");
        QTest::newRow("503 empty") << 503 << QByteArray() << QByteArray();
        QTest::newRow("404 text") << 404 << QByteArray("text/plain") << QByteArray("404 page not found");
        QTest::newRow("403 with an envelope")
            << 403 << QByteArray("application/json")
            << QByteArray(R"({"code": 0, "msg": "success", "data": {"username": "a"}})");
    }

    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        m_server->script("/profile", Reply::http(status, contentType, body));

        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"http"_s);
        QCOMPARE(o.error.httpStatus(), status);
        QVERIFY2(o.error.detail().contains(u"HTTP %1"_s.arg(status)), qPrintable(o.error.detail()));
        QVERIFY2(o.error.message().contains(QString::number(status)), qPrintable(o.error.message()));
    }

    // A redirect would carry the bearer token elsewhere: reported, never followed.
    void redirectsAreNotFollowed_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("302") << 302;
        QTest::newRow("307") << 307;
    }

    void redirectsAreNotFollowed()
    {
        QFETCH(int, status);
        const QByteArray target = m_server->baseUrl().toEncoded() + "/followed";
        m_server->script("/profile", Reply::http(status, "text/html", "moved", {"Location: " + target}));
        m_server->script("/followed", Reply::json(envelope(R"({"username": "a"})")));

        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"http"_s);
        QCOMPARE(o.error.httpStatus(), status);
        QVERIFY2(o.error.detail().contains(u"redirect"_s), qPrintable(o.error.detail()));
        QCOMPARE(m_server->requestCount("/followed"), 0);
    }

    void truncatedBody()
    {
        m_server->script("/profile", Reply::raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                "Content-Length: 1000\r\nConnection: close\r\n\r\n"
                                                "{\"code\": 0, \"msg\": \"success\", \"data\": {\"user"));
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"transport"_s);
        QVERIFY2(o.error.detail().contains(u"broke while reading"_s), qPrintable(o.error.detail()));
    }

    void resetMidHeaders()
    {
        m_server->script("/profile", Reply::reset("HTTP/1.1 200 OK\r\nContent-Type: appl"));
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"transport"_s);
    }

    void resetBeforeAnswering()
    {
        m_server->script("/profile", Reply::reset());
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"transport"_s);
    }

    void closedWithoutAnswering()
    {
        m_server->script("/profile", Reply::raw({}));
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"transport"_s);
    }

    // Qt's HTTP channel re-sends a request by itself (up to twice) when the connection drops
    // before the answer starts, POST included: notIdempotent() cannot prevent that. The job
    // still ends once; the count is logged so a change in Qt shows up.
    void postDroppedBeforeAnswerEndsOnce()
    {
        m_server->script("/samples/register", Reply::raw({}));
        const JobOutcome o = runCall(Call::RegisterSample);
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"transport"_s);
        QTest::qWait(200);
        const int sent = m_server->requestCount("/samples/register");
        qInfo() << "the server received the POST" << sent << "times";
        QVERIFY(sent >= 1 && sent <= 3);
    }

    void garbageStatusLine()
    {
        m_server->script("/profile", Reply::raw("SSH-2.0-OpenSSH_9.2\r\n\r\n"));
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"transport"_s);
    }

    void connectionRefused()
    {
        QTcpServer probe; // a port that was free a moment ago and has nobody listening now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ApiConnection closed(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), m_network.get());
        closed.setRetryPolicy(RetryPolicy::none());
        const JobOutcome o = awaitJob(PlatformApi(&closed).ping());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"transport"_s);
        QVERIFY2(o.error.detail().contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(o.error.detail()));
    }

    // Accepts, reads the request, never answers: the transfer timeout ends it.
    void silentServerTimesOut()
    {
        m_server->script("/profile", Reply::silence());
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"timeout"_s);
        QVERIFY2(o.elapsedMs >= kTransferTimeoutMs - 100, qPrintable(QString::number(o.elapsedMs)));
        QVERIFY2(o.elapsedMs < 4 * kTransferTimeoutMs, qPrintable(QString::number(o.elapsedMs)));
        QTRY_COMPARE(m_server->openConnections(), 0); // the client hung up
    }

    void stallMidBodyTimesOut()
    {
        m_server->script("/profile", Reply::silence("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                    "Content-Length: 200\r\n\r\n{\"code\": 0, "));
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QVERIFY2(o.elapsedMs < 4 * kTransferTimeoutMs, qPrintable(QString::number(o.elapsedMs)));
        QCOMPARE(o.kind(), u"timeout"_s);
        QVERIFY(o.error.isRetryable()); // either way it stays worth another attempt
    }

    // Content-Length of 200 MiB: refused as soon as the headers say so, not after buffering.
    // The server sends 4 MiB and then waits: a client that went by counting bytes received
    // would sit there until the transfer time-out instead.
    void hugeDeclaredBodyAbortsEarly()
    {
        const bool measured = resetPeakMemory() && !kAddressSanitizer; // ASan: its quarantine
        const qint64 peakBefore = peakResidentKiB();
        m_server->script("/samples",
                         Reply::streamThenHold("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                               "Content-Length: 209715200\r\nConnection: close\r\n\r\n",
                                               4 * kMiB));
        const JobOutcome o = awaitJob(api().samples(SampleQuery{}));
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"malformed"_s);
        QVERIFY2(o.error.detail().contains(u"the response exceeds"_s), qPrintable(o.error.detail()));
        QVERIFY2(o.elapsedMs < kTransferTimeoutMs, qPrintable(QString::number(o.elapsedMs)));
        QTRY_COMPARE(m_server->openConnections(), 0); // the client hung up
        const qint64 peakGrowth = peakResidentKiB() - peakBefore;
        qInfo() << "streamed" << m_server->streamedBytes() / 1024 << "KiB; peak RSS grew" << peakGrowth
                << "KiB";
        if (measured)
            QVERIFY2(peakGrowth < 32 * 1024, qPrintable(QString::number(peakGrowth)));
    }

    // No Content-Length, data until the server closes: cut off once past the limit, while
    // still receiving (the envelope's own size check would say "response of N bytes").
    void hugeUndeclaredBodyIsCutOff()
    {
        const bool measured = resetPeakMemory() && !kAddressSanitizer; // ASan: its quarantine
        const qint64 peakBefore = peakResidentKiB();
        m_server->script("/samples", Reply::stream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                   "Connection: close\r\n\r\n",
                                                   200 * kMiB));
        const JobOutcome o = awaitJob(api().samples(SampleQuery{}));
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"malformed"_s);
        QVERIFY2(o.error.detail().contains(u"the response exceeds"_s), qPrintable(o.error.detail()));
        QTRY_COMPARE(m_server->openConnections(), 0);
        const qint64 peakGrowth = peakResidentKiB() - peakBefore;
        qInfo() << "streamed" << m_server->streamedBytes() / kMiB
                << "MiB before the client hung up; peak RSS grew" << peakGrowth << "KiB";
        QVERIFY2(m_server->streamedBytes() < 150 * kMiB, "the client read on far past the limit");
        if (measured)
            QVERIFY2(peakGrowth < 160 * 1024, qPrintable(QString::number(peakGrowth)));
    }

    // Idempotent calls retry 5xx with backoff.
    void retriesAfter503ThenSucceeds()
    {
        m_connection->setRetryPolicy(RetryPolicy{4, 20, 80});
        const Reply unavailable = Reply::http(503, "text/html", htmlPage("503 Service Unavailable"));
        m_server->script("/samples", {unavailable, unavailable, Reply::json(kSamplesPage)});
        auto* job = dynamic_cast<ApiJob<Page<Sample>>*>(api().samples(SampleQuery{}));
        QVERIFY(job);
        job->setAutoDelete(false);
        const std::unique_ptr<JobBase> owner(job);
        std::optional<Page<Sample>> page;
        const JobOutcome o = awaitJob<Page<Sample>>(job, &page);
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"none"_s);
        QCOMPARE(job->attempts(), 3);
        QCOMPARE(m_server->requestCount("/samples"), 3);
        QCOMPARE(page->items.size(), 1);
    }

    void retriesGiveUpAfterMaxAttempts()
    {
        m_connection->setRetryPolicy(RetryPolicy{3, 20, 80});
        m_server->script("/profile", Reply::http(502, "text/html", htmlPage("502 Bad Gateway")));
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"http"_s);
        QCOMPARE(o.error.httpStatus(), 502);
        QCOMPARE(m_server->requestCount("/profile"), 3);
    }

    // A registration may have reached the server: a 503 must not make it twice.
    void postIsNotRetriedAfter503()
    {
        m_connection->setRetryPolicy(RetryPolicy{4, 20, 80});
        m_server->script("/samples/register",
                         {Reply::http(503, "text/plain", "busy"), Reply::json(envelope("\"E-B2\""))});
        auto* job = dynamic_cast<ApiJob<QString>*>(
            api().registerSample(SampleRegistration{u"demo"_s, 1, u"P-W1"_s, false, {}}));
        QVERIFY(job);
        job->setAutoDelete(false);
        const std::unique_ptr<JobBase> owner(job);
        const JobOutcome o = awaitJob<QString>(job);
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"http"_s);
        QCOMPARE(o.error.httpStatus(), 503);
        QCOMPARE(job->attempts(), 1);
        QTest::qWait(300); // longer than any backoff of the policy above
        QCOMPARE(m_server->requestCount("/samples/register"), 1);
        QCOMPARE(m_server->requests().value(0).method, QByteArray("POST"));
    }

    // 403 `access_token 已失效或错误`: the token is reported once and the call replayed once.
    void rejectedTokenIsReplayedOnce()
    {
        const QByteArray rejected =
            u"{\"code\": 403, \"msg\": \"access_token 已失效或错误\", \"data\": null}"_s.toUtf8();
        m_server->script("/profile",
                         {Reply::json(rejected), Reply::json(envelope(R"({"username": "zhanglei3"})"))});
        std::optional<User> user;
        const JobOutcome o = awaitJob(api().user(), &user);
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"none"_s);
        QCOMPARE(user->username, u"zhanglei3"_s);
        QCOMPARE(m_tokens.rejected, 1);
        QCOMPARE(m_server->requestCount("/profile"), 2);
    }

    void rejectedTokenTwiceFails()
    {
        const QByteArray rejected =
            u"{\"code\": 403, \"msg\": \"access_token 已失效或错误\", \"data\": null}"_s.toUtf8();
        m_server->script("/profile", Reply::json(rejected));
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"api"_s);
        QVERIFY(o.error.isTokenRejected());
        QCOMPARE(m_tokens.rejected, 1);
        QCOMPARE(m_server->requestCount("/profile"), 2);
    }

    void noTokenProviderIsAuthentication()
    {
        m_connection->setTokenProvider(nullptr);
        const JobOutcome o = awaitJob(api().user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"authentication"_s);
        QCOMPARE(m_server->requests().size(), 0);
    }

    // Token, STS and signed-URL answers hold secrets: an error about one never quotes it,
    // while an ordinary call still shows an excerpt (so the redaction is not blanket).
    void secretsAreNeverQuotedInErrors()
    {
        m_server->script("/oauth2/access_token",
                         Reply::json(R"({"access_token": "SECRET_AT_123", "refresh_token": "SECRET_RT_456"})"));
        OAuthClient oauth(m_connection.get(), u"client"_s);
        const JobOutcome token = awaitJob(oauth.clientCredentials(u"client-secret"_s));
        report(token);
        QCOMPARE(token.kind(), u"malformed"_s);
        QVERIFY(!token.error.fullText().contains(u"SECRET_"_s));

        m_server->script("/sts/token", Reply::http(500, "text/html", "<html>SECRET_STS_KEY</html>"));
        const JobOutcome sts = awaitJob(api().uploadToken());
        report(sts);
        QCOMPARE(sts.kind(), u"http"_s);
        QVERIFY(!sts.error.fullText().contains(u"SECRET_"_s));

        m_server->script("/profile", Reply::json(R"({"username": "VISIBLE_TEXT"})"));
        const JobOutcome profile = awaitJob(api().user());
        QCOMPARE(profile.kind(), u"malformed"_s);
        QVERIFY(profile.error.fullText().contains(u"VISIBLE_TEXT"_s));
    }

    // Introspection asks about the token the call is sent with, also after a renewal.
    void introspectionFollowsTheRenewedToken()
    {
        struct RotatingTokens final : TokenProvider
        {
            QString token = u"old-token"_s;
            void acquireToken(QObject* context, TokenCallback ready) override
            {
                QMetaObject::invokeMethod(context, [ready, t = token] { ready(t, {}); }, Qt::QueuedConnection);
            }
            void tokenRejected(const QString&) override { token = u"new-token"_s; }
        } tokens;
        m_connection->setTokenProvider(&tokens);
        const QByteArray rejected =
            u"{\"code\": 403, \"msg\": \"access_token 已失效或错误\", \"data\": null}"_s.toUtf8();
        m_server->script("/oauth2/introspect",
                         {Reply::json(rejected), Reply::json(envelope(R"({"active": true, "client_id": "c"})"))});
        std::optional<TokenInfo> info;
        const JobOutcome o = awaitJob(api().introspect(), &info);
        report(o);
        m_connection->setTokenProvider(&m_tokens);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"none"_s);
        QVERIFY(info->active);
        const QList<MisbehavingServer::Request>& requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QVERIFY(requests[0].query.contains("token=old-token"));
        QCOMPARE(requests[0].headers.value("authorization"), QByteArray("Bearer old-token"));
        QVERIFY(requests[1].query.contains("token=new-token"));
        QCOMPARE(requests[1].headers.value("authorization"), QByteArray("Bearer new-token"));
    }

    // The request layer itself refuses clear-text HTTP off this computer, whoever built the
    // connection (TEST-NET-2 address: never contacted).
    void plainHttpOffLoopbackIsRefused()
    {
        ApiConnection remote(QUrl(u"http://198.51.100.7"_s), m_network.get());
        remote.setTokenProvider(&m_tokens);
        const JobOutcome o = awaitJob(PlatformApi(&remote).user());
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"usage"_s);
        QVERIFY(o.elapsedMs < 5000);
    }

    // More than 100 rsids go out in batches; a bad second batch fails the whole job.
    void variantBatchFailureStopsTheJob()
    {
        QStringList rsids;
        for (int i = 1; i <= 150; ++i)
            rsids.append(u"rs%1"_s.arg(i));
        m_server->script("/variants", {Reply::json(envelope(R"([{"alternate_id": ["rs1"]}])")),
                                       Reply::json(R"({"code": 0, "data": [{"alternate_id": "rs101"}]})")});
        const JobOutcome o = awaitJob(api().variants(u"E-B1"_s, rsids));
        report(o);
        BGE_VERIFY_FINISHED_ONCE(o);
        QCOMPARE(o.kind(), u"malformed"_s);
        QCOMPARE(m_server->requestCount("/variants"), 2);
    }

    // The handler belongs to its context: gone with it, while the job still ends once.
    void handlerNotCalledAfterContextDeleted()
    {
        m_server->script("/samples", Reply::json(kSamplesPage));
        Job<Page<Sample>>* job = api().samples(SampleQuery{});
        QSignalSpy finished(job, &JobBase::finished);
        int calls = 0;
        auto* context = new QObject;
        job->run(context, [&calls](const Result<Page<Sample>>&) { ++calls; });
        delete context;
        QTRY_COMPARE(finished.count(), 1);
        QTRY_COMPARE(m_server->requestCount("/samples"), 1);
        QTest::qWait(50);
        QCOMPARE(calls, 0);
        QCOMPARE(finished.count(), 1);
    }

    void handlerNotCalledWhenContextDiesInFlight()
    {
        m_server->script("/profile", Reply::silence());
        Job<User>* job = api().user();
        QSignalSpy finished(job, &JobBase::finished);
        int calls = 0;
        auto* context = new QObject;
        job->run(context, [&calls](const Result<User>&) { ++calls; });
        QTRY_COMPARE(m_server->requestCount("/profile"), 1);
        delete context;
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 4 * kTransferTimeoutMs);
        QCOMPARE(calls, 0);
    }

    void abortInFlightIsCancelled()
    {
        m_server->script("/profile", Reply::silence());
        Job<User>* job = api().user();
        QSignalSpy finished(job, &JobBase::finished);
        int calls = 0;
        ApiError error;
        job->run(this, [&](const Result<User>& r) {
            ++calls;
            error = r.error();
        });
        QTRY_COMPARE(m_server->requestCount("/profile"), 1);
        job->abort();
        job->abort();
        QTRY_COMPARE(calls, 1);
        QCOMPARE(ApiError::kindName(error.kind()), u"cancelled"_s);
        QTRY_COMPARE(m_server->openConnections(), 0); // the request was really dropped
        QTest::qWait(kTransferTimeoutMs + 200);       // no late time-out after the abort
        QCOMPARE(calls, 1);
        QCOMPARE(finished.count(), 1);
    }

    void abortBeforeSendingSendsNothing()
    {
        m_server->script("/profile", Reply::json(envelope(R"({"username": "a"})")));
        Job<User>* job = api().user();
        QSignalSpy finished(job, &JobBase::finished);
        int calls = 0;
        ApiError error;
        job->run(this, [&](const Result<User>& r) {
            ++calls;
            error = r.error();
        });
        job->abort();
        QTRY_COMPARE(calls, 1);
        QCOMPARE(ApiError::kindName(error.kind()), u"cancelled"_s);
        QTest::qWait(200);
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(finished.count(), 1);
    }

    void abortAfterFinishingChangesNothing()
    {
        m_server->script("/profile", Reply::json(envelope(R"({"username": "a"})")));
        Job<User>* job = api().user();
        job->setAutoDelete(false);
        const std::unique_ptr<JobBase> owner(job);
        const JobOutcome o = awaitJob(job);
        BGE_VERIFY_FINISHED_ONCE(o);
        QSignalSpy finished(job, &JobBase::finished);
        job->abort();
        QTest::qWait(50);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!job->error());
    }

    // The connection goes away under a running call: the call still ends, once.
    void connectionDeletedInFlight()
    {
        m_server->script("/profile", Reply::silence());
        Job<User>* job = api().user();
        QSignalSpy finished(job, &JobBase::finished);
        int calls = 0;
        job->run(this, [&calls](const Result<User>&) { ++calls; });
        QTRY_COMPARE(m_server->requestCount("/profile"), 1);
        m_connection.reset();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 4 * kTransferTimeoutMs);
        QTest::qWait(50);
        QCOMPARE(calls, 1);
        QCOMPARE(finished.count(), 1);
    }

    void jobDeletedInFlight()
    {
        m_server->script("/profile", Reply::silence());
        Job<User>* job = api().user();
        int calls = 0;
        job->run(this, [&calls](const Result<User>&) { ++calls; });
        QTRY_COMPARE(m_server->requestCount("/profile"), 1);
        delete job;
        QTRY_COMPARE(m_server->openConnections(), 0);
        QTest::qWait(kTransferTimeoutMs + 200);
        QCOMPARE(calls, 0);
    }

    // The network manager goes away under a running call (e.g. at shut-down): the reply dies
    // with it without finished(), and the call must still end, exactly once.
    void networkManagerDeletedInFlight()
    {
        m_server->script("/profile", Reply::silence());
        Job<User>* job = api().user();
        QSignalSpy finished(job, &JobBase::finished);
        int calls = 0;
        job->run(this, [&calls](const Result<User>&) { ++calls; });
        QTRY_COMPARE(m_server->requestCount("/profile"), 1);
        m_network.reset();
        const bool ended =
            QTest::qWaitFor([&finished] { return finished.count() > 0; }, 3 * kTransferTimeoutMs);
        QVERIFY(ended);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestBadResponses)
#include "tst_badresponses.moc"
