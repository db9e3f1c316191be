// The platform API's request handling against the real sandbox (issue 14, findings 6a, 8, 9):
// every required parameter of every call refused with 41001 when missing, blank or of the wrong
// type; a POST without body or Content-Length read as empty (RFC 9112 §6.3); OAuth grants kept
// across restarts in the data folder, hashed, a damaged file ignored, expired grants pruned.
#include "common/httptestclient.h"
#include "common/sandboxprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

enum class Caller { User, App, Nobody };

struct ApiCall
{
    QByteArray verb;
    QString path;
    QUrlQuery params; // a complete call the sandbox accepts as far as its parameters go
    Caller caller = Caller::User;
};

const QString kRedirect = u"http://127.0.0.1:53682/callback"_s;

QUrlQuery without(QUrlQuery q, const QString& name)
{
    q.removeAllQueryItems(name);
    return q;
}

QUrlQuery with(QUrlQuery q, const QString& name, const QString& value)
{
    q.removeAllQueryItems(name);
    q.addQueryItem(name, value);
    return q;
}

QString grantFile(const QString& dataDir)
{
    return dataDir + u"/api/oauth-grants.json"_s;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int entries(const QString& dataDir, const QString& table)
{
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(grantFile(dataDir)));
    return doc.isObject() ? int(doc.object().value(table).toArray().size()) : -1;
}

// When the last code or token in the file expires (or an invalid time when there is none).
QDateTime lastExpiry(const QString& dataDir)
{
    QDateTime last;
    const QJsonObject root = QJsonDocument::fromJson(readAll(grantFile(dataDir))).object();
    for (const char16_t* table : {u"authorization_codes", u"access_tokens", u"refresh_tokens"}) {
        for (const QJsonValue& v : root.value(QStringView(table)).toArray()) {
            const QDateTime t = QDateTime::fromString(v.toObject().value(u"expires_at").toString(), Qt::ISODateWithMs);
            if (!last.isValid() || t > last)
                last = t;
        }
    }
    return last;
}

QByteArray sha256Hex(const QString& s)
{
    return QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha256).toHex();
}

// One raw HTTP/1.1 exchange on its own connection; the answer up to its declared length.
QByteArray rawExchange(int port, const QByteArray& request)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, quint16(port));
    if (!socket.waitForConnected(10000))
        return {};
    socket.write(request);
    QByteArray answer;
    while (socket.waitForReadyRead(15000)) {
        answer += socket.readAll();
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const qsizetype at = answer.toLower().indexOf("content-length:");
        if (at >= 0 && at < end) {
            const qsizetype eol = answer.indexOf("\r\n", at);
            const qsizetype length = answer.mid(at + 15, eol - at - 15).trimmed().toLongLong();
            if (answer.size() >= end + 4 + length)
                break;
        }
    }
    return answer;
}

} // namespace

Q_DECLARE_METATYPE(ApiCall)

class TestSandboxApi final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::unique_ptr<HttpTestClient> m_http;
    QString m_approve, m_desktopSecret, m_pipelineSecret, m_user;
    QString m_userToken, m_appToken;
    QString m_genomic, m_metagenomic, m_otherGenomic, m_external, m_project;

    HttpResult call(const ApiCall& c, const QUrlQuery& params)
    {
        const QString token = c.caller == Caller::User ? m_userToken : c.caller == Caller::App ? m_appToken : QString();
        return c.verb == "GET" ? m_http->get(c.path, params, token) : m_http->post(c.path, params, token);
    }
    static void expectInvalidParameter(const HttpResult& r)
    {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), 41001);
        QCOMPARE(r.msg(), u"参数错误"_s);
    }
    QUrlQuery tokenForm(const QString& grantType) const
    {
        return {{u"client_id"_s, u"bge-desktop-demo"_s}, {u"client_secret"_s, m_desktopSecret}, {u"grant_type"_s, grantType}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandbox.start({u"--data-dir"_s, m_dir.path()}), qPrintable(m_sandbox.errorOutput()));
        m_http = std::make_unique<HttpTestClient>(m_sandbox.apiEndpoint());
        m_approve = m_sandbox.description().value(u"auto_approve_param").toString();
        m_desktopSecret = m_sandbox.clientById(u"bge-desktop-demo"_s).value(u"client_secret").toString();
        m_pipelineSecret = m_sandbox.clientById(u"bge-pipeline-demo"_s).value(u"client_secret").toString();
        m_user = m_sandbox.user(0).value(u"username").toString();
        m_userToken = m_http->userToken(m_approve, u"bge-desktop-demo"_s, m_desktopSecret, m_user);
        m_appToken = m_http->clientToken(u"bge-pipeline-demo"_s, m_pipelineSecret);
        QVERIFY(!m_userToken.isEmpty() && !m_appToken.isEmpty());
        m_genomic = m_sandbox.user(0).value(u"samples").toObject().value(u"genomics").toString();
        m_metagenomic = m_sandbox.user(0).value(u"samples").toObject().value(u"metagenomics").toString();
        m_otherGenomic = m_sandbox.user(1).value(u"samples").toObject().value(u"genomics").toString();
        const QJsonObject sample = m_http->get(u"/samples/"_s + m_genomic, {}, m_userToken).data().toObject();
        m_external = sample.value(u"external_sample_id").toString();
        m_project = sample.value(u"project").toArray().first().toObject().value(u"project_id").toString();
        QVERIFY(!m_genomic.isEmpty() && !m_metagenomic.isEmpty() && !m_otherGenomic.isEmpty());
        QVERIFY(!m_external.isEmpty() && !m_project.isEmpty());
    }

    // Finding 9: each required parameter of each call, left out or sent blank, is 41001; the
    // complete call is not (it may still be refused for another reason, e.g. 41303 for another
    // user's sample, which shows that its parameters passed).
    void requiredParameters_data()
    {
        QTest::addColumn<ApiCall>("call");
        QTest::addColumn<QString>("parameter");
        const auto rows = [](const char* name, const ApiCall& c, const QStringList& required) {
            for (const QString& p : required)
                QTest::addRow("%s %s", name, qPrintable(p)) << c << p;
        };
        rows("externals", {"GET", u"/samples/external_ids"_s, {{u"external_ids"_s, m_external}, {u"project_id"_s, m_project}}},
             {u"external_ids"_s, u"project_id"_s});
        rows("register", {"POST", u"/samples/register"_s, {{u"external_sample_id"_s, u"KIT-REQ-1"_s}, {u"biosample_site"_s, u"1"_s},
                                                         {u"project_id"_s, m_project}, {u"duplicate_enabled"_s, u"true"_s}}},
             {u"external_sample_id"_s, u"biosample_site"_s, u"project_id"_s});
        rows("improve", {"POST", u"/samples/improve"_s, {{u"biosample_id"_s, m_otherGenomic}, {u"library_id"_s, u"L1"_s}}},
             {u"biosample_id"_s});
        rows("variants", {"GET", u"/variants"_s, {{u"biosample_id"_s, m_genomic}, {u"rsids"_s, u"rs671"_s}}},
             {u"biosample_id"_s, u"rsids"_s});
        rows("taxa", {"GET", u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, m_metagenomic}}}, {u"biosample_id"_s});
        rows("functions", {"GET", u"/microbiome/func_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"catalog"_s, u"go"_s}}},
             {u"biosample_id"_s, u"catalog"_s});
        rows("genes", {"GET", u"/microbiome/gene_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"catalog"_s, u"IGC_9.9M"_s},
                                                              {u"data_type"_s, u"list"_s}}},
             {u"biosample_id"_s, u"catalog"_s, u"data_type"_s});
        rows("sign_url", {"POST", u"/oss/sign_url"_s, {{u"object_name"_s, u"not-yours"_s}}}, {u"object_name"_s});
        rows("model", {"GET", u"/model/zS68QlusdT2RWsZ"_s, {{u"biosample_id"_s, m_metagenomic}}}, {u"biosample_id"_s});
        rows("introspect", {"GET", u"/oauth2/introspect"_s, {{u"token"_s, m_appToken}}}, {u"token"_s});
        rows("client credentials",
             {"POST", u"/oauth2/access_token"_s, {{u"client_id"_s, u"bge-pipeline-demo"_s}, {u"client_secret"_s, m_pipelineSecret},
                                                  {u"grant_type"_s, u"client_credentials"_s}}, Caller::Nobody},
             {u"client_id"_s, u"client_secret"_s, u"grant_type"_s});
        rows("code exchange",
             {"POST", u"/oauth2/access_token"_s, with(with(tokenForm(u"authorization_code"_s), u"code"_s, u"made-up"_s),
                                                      u"redirect_uri"_s, kRedirect), Caller::Nobody},
             {u"code"_s, u"redirect_uri"_s});
        rows("refresh", {"POST", u"/oauth2/access_token"_s,
                         with(tokenForm(u"refresh_token"_s), u"refresh_token"_s, u"made-up"_s), Caller::Nobody},
             {u"refresh_token"_s});
    }
    void requiredParameters()
    {
        QFETCH(ApiCall, call);
        QFETCH(QString, parameter);
        const HttpResult complete = this->call(call, call.params);
        QCOMPARE(complete.status, 200);
        QVERIFY2(complete.code() >= 0 && complete.code() != 41001, complete.body.constData());
        expectInvalidParameter(this->call(call, without(call.params, parameter)));
        expectInvalidParameter(this->call(call, with(call.params, parameter, QString())));
        expectInvalidParameter(this->call(call, with(call.params, parameter, u"  "_s)));
    }

    void wrongTypes_data()
    {
        QTest::addColumn<ApiCall>("call");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("value");
        const ApiCall samples{"GET", u"/samples"_s, {}};
        for (const char* p : {"biosample_sites", "omics", "organisms", "statuses", "page", "limit"})
            QTest::addRow("samples %s", p) << samples << QString::fromLatin1(p) << u"many"_s;
        QTest::newRow("samples require_files") << samples << u"require_files"_s << u"perhaps"_s;
        QTest::newRow("samples data_availability") << samples << u"data_availability"_s << u"2"_s;
        QTest::newRow("sample require_files") << ApiCall{"GET", u"/samples/"_s + m_genomic, {}} << u"require_files"_s << u"yes"_s;
        QTest::newRow("externals biosample_site")
            << ApiCall{"GET", u"/samples/external_ids"_s, {{u"external_ids"_s, m_external}, {u"project_id"_s, m_project}}}
            << u"biosample_site"_s << u"blood"_s;
        QTest::newRow("register biosample_site")
            << ApiCall{"POST", u"/samples/register"_s, {{u"external_sample_id"_s, u"KIT-REQ-2"_s}, {u"biosample_site"_s, u"1"_s},
                                                       {u"project_id"_s, m_project}, {u"duplicate_enabled"_s, u"true"_s}}}
            << u"biosample_site"_s << u"blood"_s;
        QTest::newRow("register duplicate_enabled")
            << ApiCall{"POST", u"/samples/register"_s, {{u"external_sample_id"_s, u"KIT-REQ-3"_s}, {u"biosample_site"_s, u"1"_s},
                                                       {u"project_id"_s, m_project}, {u"duplicate_enabled"_s, u"true"_s}}}
            << u"duplicate_enabled"_s << u"sometimes"_s;
        const ApiCall taxa{"GET", u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, m_metagenomic}}};
        QTest::newRow("taxa page") << taxa << u"page"_s << u"first"_s;
        QTest::newRow("taxa limit") << taxa << u"limit"_s << u"ten"_s;
        QTest::newRow("functions limit")
            << ApiCall{"GET", u"/microbiome/func_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"catalog"_s, u"go"_s}}}
            << u"limit"_s << u"1.5"_s;
        QTest::newRow("sts internal") << ApiCall{"POST", u"/sts/token"_s, {}} << u"internal"_s << u"vpc"_s;
        QTest::newRow("sign_url expiration_time")
            << ApiCall{"POST", u"/oss/sign_url"_s, {{u"object_name"_s, u"not-yours"_s}}} << u"expiration_time"_s << u"soon"_s;
    }
    void wrongTypes()
    {
        QFETCH(ApiCall, call);
        QFETCH(QString, parameter);
        QFETCH(QString, value);
        const HttpResult complete = this->call(call, call.params);
        QVERIFY2(complete.code() >= 0 && complete.code() != 41001, complete.body.constData());
        expectInvalidParameter(this->call(call, with(call.params, parameter, value)));
    }

    // Finding 9: `curl -X POST URL` sends neither a body nor Content-Length; HTTP/1.1 says the
    // body is empty (RFC 9112 §6.3), so the call is answered at once (the parameters may come
    // in the query string), not after a read timeout with HTTP 400.
    void postWithoutBodyOrLength()
    {
        const int port = QUrl(m_sandbox.apiEndpoint()).port();
        QByteArray answer = rawExchange(port, "POST /sts/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                                  + m_userToken.toLatin1() + "\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QJsonObject body = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(body.value(u"code").toInt(-1), 0);
        QVERIFY(body.value(u"data").toObject().value(u"credentials").toObject().value(u"access_key_id").toString().startsWith(u"STS."_s));

        answer = rawExchange(port, "POST /oauth2/access_token?client_id=bge-pipeline-demo&client_secret="
                                       + m_pipelineSecret.toLatin1()
                                       + "&grant_type=client_credentials HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        body = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(body.value(u"code").toInt(-1), 0);
        QVERIFY(!body.value(u"data").toObject().value(u"access_token").toString().isEmpty());
    }

    // Finding 8: a restarted sandbox on the same data folder still honours what it issued.
    void grantsSurviveRestart()
    {
        QTemporaryDir dir;
        QString refresh, code, clientToken, access;
        {
            SandboxProcess first;
            QVERIFY2(first.start({u"--data-dir"_s, dir.path()}), qPrintable(first.errorOutput()));
            HttpTestClient http(first.apiEndpoint());
            access = http.userToken(m_approve, u"bge-desktop-demo"_s, m_desktopSecret, m_user, {}, &refresh);
            clientToken = http.clientToken(u"bge-pipeline-demo"_s, m_pipelineSecret);
            const HttpResult authorize = http.get(u"/oauth2/authorize"_s, {{u"client_id"_s, u"bge-desktop-demo"_s},
                                                                            {u"response_type"_s, u"code"_s},
                                                                            {u"redirect_uri"_s, kRedirect},
                                                                            {m_approve, m_user}});
            code = QUrlQuery(QUrl(QString::fromUtf8(authorize.header("Location")))).queryItemValue(u"code"_s);
            QVERIFY(!access.isEmpty() && !refresh.isEmpty() && !clientToken.isEmpty() && !code.isEmpty());
            first.stop();
        }
        // Hashed on disk: none of the secrets in clear, each one's SHA-256 present.
        const QByteArray stored = readAll(grantFile(dir.path()));
        QVERIFY(!stored.isEmpty());
        for (const QString& secret : {access, refresh, clientToken, code}) {
            QVERIFY2(!stored.contains(secret.toLatin1()), "a secret is stored in clear");
            QVERIFY(stored.contains(sha256Hex(secret)));
        }

        SandboxProcess second;
        QVERIFY2(second.start({u"--data-dir"_s, dir.path()}), qPrintable(second.errorOutput()));
        HttpTestClient http(second.apiEndpoint());
        const HttpResult profile = http.get(u"/profile"_s, {}, access);
        QCOMPARE(profile.code(), 0);
        QCOMPARE(profile.data().toObject().value(u"username").toString(), m_user);
        QCOMPARE(http.get(u"/samples"_s, {}, clientToken).code(), 0);
        // The pending code is still good once; the refresh token still rotates.
        const HttpResult exchanged = http.post(u"/oauth2/access_token"_s,
                                               with(with(tokenForm(u"authorization_code"_s), u"code"_s, code),
                                                    u"redirect_uri"_s, kRedirect));
        QCOMPARE(exchanged.code(), 0);
        const HttpResult refreshed = http.post(u"/oauth2/access_token"_s,
                                               with(tokenForm(u"refresh_token"_s), u"refresh_token"_s, refresh));
        QCOMPARE(refreshed.code(), 0);
        const QString newRefresh = refreshed.data().toObject().value(u"refresh_token").toString();
        QCOMPARE(http.get(u"/profile"_s, {}, refreshed.data().toObject().value(u"access_token").toString()).code(), 0);
        QCOMPARE(http.post(u"/oauth2/access_token"_s, with(tokenForm(u"refresh_token"_s), u"refresh_token"_s, refresh)).code(),
                 400); // spent, across the restart too
        QCOMPARE(http.post(u"/oauth2/access_token"_s, with(tokenForm(u"refresh_token"_s), u"refresh_token"_s, newRefresh))
                     .code(),
                 0);
    }

    void damagedGrantFileIsIgnored_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("\x00\x01not json at all", 17);
        QTest::newRow("truncated") << QByteArray(R"({"version":1,"access_tokens":[{"sha256":)");
        QTest::newRow("wrong shape") << QByteArray(R"({"version":1,"authorization_codes":{},"access_tokens":[],"refresh_tokens":[]})");
        QTest::newRow("bad record") << QByteArray(R"({"version":1,"authorization_codes":[],"access_tokens":[{"sha256":"ab"}],"refresh_tokens":[]})");
        QTest::newRow("future version") << QByteArray(R"({"version":99})");
    }
    void damagedGrantFileIsIgnored()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.path() + u"/api"_s));
        QFile f(grantFile(dir.path()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();

        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({u"--data-dir"_s, dir.path()}), qPrintable(sandbox.errorOutput()));
        QTRY_VERIFY(sandbox.errorOutput().contains(u"OAuth grants"_s));
        QVERIFY(sandbox.errorOutput().contains(u"ignored"_s));
        HttpTestClient http(sandbox.apiEndpoint());
        const QString token = http.clientToken(u"bge-pipeline-demo"_s, m_pipelineSecret);
        QVERIFY(!token.isEmpty());
        QCOMPARE(http.get(u"/samples"_s, {}, token).code(), 0);
        QCOMPARE(entries(dir.path(), u"access_tokens"_s), 1); // written afresh
    }

    // Finding 6a: expired codes and tokens are pruned, on every change and at start.
    void expiredGrantsArePruned()
    {
        QTemporaryDir dir;
        const QStringList args{u"--data-dir"_s, dir.path(), u"--token-ttl"_s, u"1"_s, u"--refresh-ttl"_s, u"2"_s};
        {
            SandboxProcess sandbox;
            QVERIFY2(sandbox.start(args), qPrintable(sandbox.errorOutput()));
            HttpTestClient http(sandbox.apiEndpoint());
            for (int i = 0; i < 20; ++i)
                QVERIFY(!http.clientToken(u"bge-pipeline-demo"_s, m_pipelineSecret).isEmpty());
            for (int i = 0; i < 3; ++i)
                QVERIFY(!http.userToken(m_approve, u"bge-desktop-demo"_s, m_desktopSecret, m_user).isEmpty());
            QVERIFY(entries(dir.path(), u"access_tokens"_s) >= 1);
            QVERIFY(entries(dir.path(), u"refresh_tokens"_s) >= 1);
            // Once everything issued so far has expired, the next grant leaves only itself.
            QVERIFY(lastExpiry(dir.path()).isValid());
            QTRY_VERIFY_WITH_TIMEOUT(lastExpiry(dir.path()) < QDateTime::currentDateTimeUtc(), 30000);
            QVERIFY(!http.clientToken(u"bge-pipeline-demo"_s, m_pipelineSecret).isEmpty());
            QCOMPARE(entries(dir.path(), u"access_tokens"_s), 1);
            QCOMPARE(entries(dir.path(), u"refresh_tokens"_s), 0);
            QCOMPARE(entries(dir.path(), u"authorization_codes"_s), 0); // each one was used
            QVERIFY(!http.userToken(m_approve, u"bge-desktop-demo"_s, m_desktopSecret, m_user).isEmpty());
            QCOMPARE(entries(dir.path(), u"refresh_tokens"_s), 1);
            sandbox.stop();
        }
        // Started again after they expired, the sandbox prunes at once.
        QTRY_VERIFY_WITH_TIMEOUT(lastExpiry(dir.path()) < QDateTime::currentDateTimeUtc(), 30000);
        SandboxProcess again;
        QVERIFY2(again.start(args), qPrintable(again.errorOutput()));
        QCOMPARE(entries(dir.path(), u"access_tokens"_s), 0);
        QCOMPARE(entries(dir.path(), u"refresh_tokens"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandbox_api.moc"
