// The platform's data calls against the real sandbox: token, grant-mode and scope refusals
// on every endpoint, then samples, register/improve, variants, abundance, models and the
// object-storage hand-off, each with its documented validation.
#include "common/httptestclient.h"
#include "common/sandboxprocess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

struct Call
{
    QByteArray verb;
    QString path;
    QUrlQuery params;
};

} // namespace

Q_DECLARE_METATYPE(Call)

class TestSandboxData final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<HttpTestClient> m_http;
    QString m_user0, m_user1, m_viewer, m_app;
    QString m_genomic, m_metagenomic, m_otherGenomic, m_appGenomic;

    HttpResult call(const Call& c, const QString& token)
    {
        return c.verb == "GET" ? m_http->get(c.path, c.params, token) : m_http->post(c.path, c.params, token);
    }
    HttpResult get(const QString& path, const QUrlQuery& q, const QString& token) { return m_http->get(path, q, token); }
    static void expectError(const HttpResult& r, int code, const QString& msg)
    {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.code(), code);
        QCOMPARE(r.msg(), msg);
    }
    QList<QJsonObject> allSamples(const QString& token, const QUrlQuery& filter = {})
    {
        QList<QJsonObject> all;
        QJsonValue page = 1;
        while (!page.isNull()) {
            QUrlQuery q = filter;
            q.addQueryItem(u"page"_s, QString::number(page.toInt()));
            q.addQueryItem(u"limit"_s, u"100"_s);
            const HttpResult r = get(u"/samples"_s, q, token);
            if (r.code() != 0)
                return {};
            for (const QJsonValue& s : r.data().toObject().value(u"result").toArray())
                all.append(s.toObject());
            page = r.data().toObject().value(u"next_page");
        }
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        m_http = std::make_unique<HttpTestClient>(m_sandbox.apiEndpoint());
        const QString approve = m_sandbox.description().value(u"auto_approve_param").toString();
        const QJsonObject desktop = m_sandbox.clientById(u"bge-desktop-demo"_s);
        const QJsonObject viewer = m_sandbox.clientById(u"bge-viewer-demo"_s);
        const QJsonObject app = m_sandbox.clientById(u"bge-pipeline-demo"_s);
        const auto secret = [](const QJsonObject& c) { return c.value(u"client_secret").toString(); };
        m_user0 = m_http->userToken(approve, u"bge-desktop-demo"_s, secret(desktop), m_sandbox.user(0).value(u"username").toString());
        m_user1 = m_http->userToken(approve, u"bge-desktop-demo"_s, secret(desktop), m_sandbox.user(1).value(u"username").toString());
        m_viewer = m_http->userToken(approve, u"bge-viewer-demo"_s, secret(viewer), m_sandbox.user(0).value(u"username").toString());
        m_app = m_http->clientToken(u"bge-pipeline-demo"_s, secret(app));
        QVERIFY(!m_user0.isEmpty() && !m_user1.isEmpty() && !m_viewer.isEmpty() && !m_app.isEmpty());
        m_genomic = m_sandbox.user(0).value(u"samples").toObject().value(u"genomics").toString();
        m_metagenomic = m_sandbox.user(0).value(u"samples").toObject().value(u"metagenomics").toString();
        m_otherGenomic = m_sandbox.user(1).value(u"samples").toObject().value(u"genomics").toString();
        m_appGenomic = app.value(u"samples").toObject().value(u"genomics").toString();
        QVERIFY(!m_genomic.isEmpty() && !m_metagenomic.isEmpty() && !m_otherGenomic.isEmpty() && !m_appGenomic.isEmpty());
    }

    void everyCallNeedsAValidToken_data()
    {
        QTest::addColumn<Call>("call");
        QTest::addColumn<QString>("scope"); // what the viewer app lacks, or empty when it has it
        QTest::addColumn<bool>("userOnly");
        const QString id = u"E-B12345678901"_s;
        const auto row = [](const char* name, Call c, const QString& scope, bool userOnly) {
            QTest::newRow(name) << c << scope << userOnly;
        };
        row("profile", {"GET", u"/profile"_s, {}}, QString(), true);
        row("samples", {"GET", u"/samples"_s, {}}, QString(), false);
        row("sample", {"GET", u"/samples/"_s + id, {}}, QString(), false);
        row("externals", {"GET", u"/samples/external_ids"_s, {{u"external_ids"_s, u"x"_s}, {u"project_id"_s, u"P-W1"_s}}},
            QString(), false);
        row("register", {"POST", u"/samples/register"_s, {}}, u"sample.default:write"_s, false);
        row("improve", {"POST", u"/samples/improve"_s, {}}, u"sample.default:write"_s, false);
        row("variants", {"GET", u"/variants"_s, {{u"biosample_id"_s, id}, {u"rsids"_s, u"rs671"_s}}}, u"variant.rsid"_s, false);
        row("taxa", {"GET", u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, id}}}, u"abundance.default"_s, true);
        row("functions", {"GET", u"/microbiome/func_abundance"_s, {{u"biosample_id"_s, id}, {u"catalog"_s, u"go"_s}}},
            u"abundance.default"_s, true);
        row("genes", {"GET", u"/microbiome/gene_abundance"_s,
                      {{u"biosample_id"_s, id}, {u"catalog"_s, u"IGC_9.9M"_s}, {u"data_type"_s, u"list"_s}}},
            u"abundance.default"_s, true);
        row("sts", {"POST", u"/sts/token"_s, {}}, u"service.file:write"_s, false);
        row("sign_url", {"POST", u"/oss/sign_url"_s, {{u"object_name"_s, u"x"_s}}}, u"service.file:read"_s, false);
        row("model", {"GET", u"/model/zS68QlusdT2RWsZ"_s, {{u"biosample_id"_s, id}}}, u"model.default"_s, false);
    }
    void everyCallNeedsAValidToken()
    {
        QFETCH(Call, call);
        QFETCH(QString, scope);
        QFETCH(bool, userOnly);
        expectError(this->call(call, QString()), 403, u"access_token 已失效或错误"_s);
        expectError(this->call(call, u"Wr6QmVmx5twsjRoasdfXkwmlgfXAYB"_s), 403, u"access_token 已失效或错误"_s);
        if (!scope.isEmpty())
            expectError(this->call(call, m_viewer), 401, u"无访问权限"_s);
        if (userOnly)
            expectError(this->call(call, m_app), 40015, u"本接口不支持客户端模式的应用访问"_s);
        else
            QVERIFY(this->call(call, m_app).code() != 40015);
    }

    void profile()
    {
        const HttpResult r = get(u"/profile"_s, {}, m_user0);
        QCOMPARE(r.code(), 0);
        const QJsonObject u = r.data().toObject();
        for (const char16_t* key : {u"userId", u"username", u"nickname", u"email", u"phone", u"sex", u"birthday", u"avatar",
                                    u"userAddress", u"personnelInfoCode"})
            QVERIFY2(u.contains(QString::fromUtf16(key)), qPrintable(QString::fromUtf16(key)));
        QCOMPARE(u.value(u"username").toString(), m_sandbox.user(0).value(u"username").toString());
    }

    void samplesPageAndShape()
    {
        const HttpResult r = get(u"/samples"_s, {}, m_user0);
        QCOMPARE(r.code(), 0);
        const QJsonObject d = r.data().toObject();
        const QJsonArray result = d.value(u"result").toArray();
        QCOMPARE(result.size(), 50);
        QCOMPARE(d.value(u"next_page").toInt(), 2);
        const QJsonObject s = result.first().toObject();
        for (const char16_t* key : {u"organism", u"biosample_site", u"omic", u"status"}) {
            QVERIFY(s.value(QString::fromUtf16(key)).toObject().contains(u"code"_s));
            QVERIFY(s.value(QString::fromUtf16(key)).toObject().contains(u"display"_s));
        }
        QVERIFY(s.value(u"project").toArray().first().toObject().contains(u"project_id"_s));
        QVERIFY(s.value(u"sequencing").toObject().value(u"read_type").isArray());
        QVERIFY(s.value(u"statistics").toObject().contains(u"depth"_s));
        QVERIFY(!s.contains(u"files"_s));

        const QList<QJsonObject> all = allSamples(m_user0);
        QCOMPARE(all.size(), d.value(u"count").toInt());
        QSet<QString> ids;
        for (const QJsonObject& o : all)
            ids.insert(o.value(u"biosample_id").toString());
        QCOMPARE(ids.size(), all.size());
    }

    void sampleFilters_data()
    {
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field"); // coded field checked, or the plain field
        QTest::newRow("sites") << u"biosample_sites"_s << u"11,1"_s << u"biosample_site"_s;
        QTest::newRow("omics") << u"omics"_s << u"2"_s << u"omic"_s;
        QTest::newRow("organisms") << u"organisms"_s << u"1"_s << u"organism"_s;
        QTest::newRow("statuses") << u"statuses"_s << u"9001"_s << u"status"_s;
        QTest::newRow("availability") << u"data_availability"_s << u"false"_s << u"data_availability"_s;
    }
    void sampleFilters()
    {
        QFETCH(QString, parameter);
        QFETCH(QString, value);
        QFETCH(QString, field);
        const QList<QJsonObject> matching = allSamples(m_user0, {{parameter, value}});
        QVERIFY(!matching.isEmpty());
        QVERIFY(matching.size() < allSamples(m_user0).size());
        for (const QJsonObject& s : matching) {
            const QJsonValue v = s.value(field);
            const QString actual = v.isObject() ? QString::number(v.toObject().value(u"code").toInt())
                                                : (v.toBool() ? u"true"_s : u"false"_s);
            QVERIFY2(value.split(u',').contains(actual), qPrintable(actual));
        }
    }

    void sampleFiltersByIdsProjectsAndFiles()
    {
        const QList<QJsonObject> all = allSamples(m_user0);
        const QString project = all.first().value(u"project").toArray().first().toObject().value(u"project_id").toString();
        for (const QJsonObject& s : allSamples(m_user0, {{u"project_ids"_s, project}}))
            QCOMPARE(s.value(u"project").toArray().first().toObject().value(u"project_id").toString(), project);
        const HttpResult byIds = get(u"/samples"_s, {{u"biosample_ids"_s, m_genomic + u',' + m_metagenomic + u',' + m_otherGenomic},
                                                     {u"require_files"_s, u"true"_s}}, m_user0);
        const QJsonArray result = byIds.data().toObject().value(u"result").toArray();
        QCOMPARE(result.size(), 2); // the other user's sample is not listed
        QVERIFY(!result.first().toObject().value(u"files").toArray().isEmpty());
    }

    void sampleListValidation_data()
    {
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("value");
        for (const char* v : {"0", "0,3", "20", "3,20", "x", "1,,2"})
            QTest::addRow("biosample_sites=%s", v) << u"biosample_sites"_s << QString::fromLatin1(v);
        QTest::newRow("omics=3") << u"omics"_s << u"3"_s;
        QTest::newRow("organisms=4") << u"organisms"_s << u"4"_s;
        QTest::newRow("limit=0") << u"limit"_s << u"0"_s;
        QTest::newRow("limit=101") << u"limit"_s << u"101"_s;
        QTest::newRow("page=0") << u"page"_s << u"0"_s;
        QTest::newRow("statuses=42") << u"statuses"_s << u"42"_s;
        QTest::newRow("data_availability=maybe") << u"data_availability"_s << u"maybe"_s;
        QTest::newRow("require_files=perhaps") << u"require_files"_s << u"perhaps"_s;
    }
    void sampleListValidation()
    {
        QFETCH(QString, parameter);
        QFETCH(QString, value);
        expectError(get(u"/samples"_s, {{parameter, value}}, m_user0), 41001, u"参数错误"_s);
    }

    void demoDataCoverage()
    {
        QList<QJsonObject> all;
        const QString approve = m_sandbox.description().value(u"auto_approve_param").toString();
        const QString secret = m_sandbox.clientById(u"bge-desktop-demo"_s).value(u"client_secret").toString();
        for (int i = 0; i < 3; ++i)
            all += allSamples(m_http->userToken(approve, u"bge-desktop-demo"_s, secret, m_sandbox.user(i).value(u"username").toString()));
        all += allSamples(m_app);
        QVERIFY(all.size() >= 200);
        QSet<int> sites, omics, organismCodes, statuses;
        QSet<QString> projects;
        for (const QJsonObject& s : all) {
            sites.insert(s.value(u"biosample_site").toObject().value(u"code").toInt());
            omics.insert(s.value(u"omic").toObject().value(u"code").toInt());
            organismCodes.insert(s.value(u"organism").toObject().value(u"code").toInt());
            statuses.insert(s.value(u"status").toObject().value(u"code").toInt());
            projects.insert(s.value(u"project").toArray().first().toObject().value(u"project_id").toString());
            QVERIFY(QRegularExpression(u"^E-[A-Z]\\d{11}$"_s).match(s.value(u"biosample_id").toString()).hasMatch());
        }
        QCOMPARE(sites.size(), 15);
        QCOMPARE(omics, QSet<int>({1, 2}));
        QCOMPARE(organismCodes, QSet<int>({1, 2, 3}));
        QVERIFY(projects.size() >= 3);
        QVERIFY(statuses.size() >= 3);
    }

    void oneSample()
    {
        HttpResult r = get(u"/samples/"_s + m_genomic, {}, m_user0);
        QCOMPARE(r.code(), 0);
        QCOMPARE(r.data().toObject().value(u"biosample_id").toString(), m_genomic);
        QCOMPARE(get(u"/samples/"_s + m_genomic.toLower(), {}, m_user0).code(), 0); // ids are upper-cased
        for (const QString& id : {m_otherGenomic, u"demo"_s, u"E-B112"_s, u"E-B00000000000"_s})
            expectError(get(u"/samples/"_s + id, {}, m_user0), 41303, u"请提供本人的 biosample_id"_s);
    }

    void externals()
    {
        const QJsonObject sample = get(u"/samples/"_s + m_genomic, {}, m_user0).data().toObject();
        const QString external = sample.value(u"external_sample_id").toString();
        const QString project = sample.value(u"project").toArray().first().toObject().value(u"project_id").toString();
        const HttpResult r = get(u"/samples/external_ids"_s,
                                 {{u"external_ids"_s, external + u",unknown-kit"_s}, {u"project_id"_s, project}}, m_user0);
        QCOMPARE(r.code(), 0);
        QCOMPARE(r.data().toArray().size(), 1);
        QCOMPARE(r.data().toArray().first().toObject().value(u"biosample_id").toString(), m_genomic);
        expectError(get(u"/samples/external_ids"_s, {{u"project_id"_s, project}}, m_user0), 41001, u"参数错误"_s);
        // Finding 9: the platform refuses a lookup without a project (its SDK's tests expect 41001).
        expectError(get(u"/samples/external_ids"_s, {{u"external_ids"_s, external}}, m_user0), 41001, u"参数错误"_s);
        expectError(get(u"/samples/external_ids"_s, {{u"external_ids"_s, external}, {u"project_id"_s, QString()}}, m_user0),
                    41001, u"参数错误"_s);
        // An unknown project is no error: it matches nothing.
        const HttpResult other = get(u"/samples/external_ids"_s,
                                     {{u"external_ids"_s, external}, {u"project_id"_s, u"P-W00000000000"_s}}, m_user0);
        QCOMPARE(other.code(), 0);
        QVERIFY(other.data().toArray().isEmpty());
    }

    void registerAndImprove()
    {
        const QString project = get(u"/samples/"_s + m_genomic, {}, m_user0)
                                    .data().toObject().value(u"project").toArray().first().toObject().value(u"project_id").toString();
        const QUrlQuery form{{u"external_sample_id"_s, u"KIT-20261122-01"_s}, {u"biosample_site"_s, u"1"_s}, {u"project_id"_s, project}};
        HttpResult r = m_http->post(u"/samples/register"_s, form, m_user0);
        QCOMPARE(r.code(), 0);
        const QString id = r.data().toString();
        QVERIFY(QRegularExpression(u"^E-F\\d{11}$"_s).match(id).hasMatch());
        const QJsonObject created = get(u"/samples/"_s + id, {}, m_user0).data().toObject();
        QCOMPARE(created.value(u"status").toObject().value(u"code").toInt(), 1001);
        QVERIFY(created.value(u"library_id").isNull());

        expectError(m_http->post(u"/samples/register"_s, form, m_user0), 41001, u"参数错误"_s); // duplicate
        QUrlQuery again = form;
        again.addQueryItem(u"duplicate_enabled"_s, u"true"_s);
        r = m_http->post(u"/samples/register"_s, again, m_user0);
        QCOMPARE(r.code(), 0);
        QVERIFY(r.data().toString() != id);
        for (const QUrlQuery& bad : {QUrlQuery{{u"biosample_site"_s, u"1"_s}, {u"project_id"_s, project}},
                                     QUrlQuery{{u"external_sample_id"_s, u"k"_s}, {u"biosample_site"_s, u"16"_s}, {u"project_id"_s, project}},
                                     QUrlQuery{{u"external_sample_id"_s, u"k"_s}, {u"biosample_site"_s, u"1"_s}, {u"project_id"_s, u"P-W00000000000"_s}}})
            expectError(m_http->post(u"/samples/register"_s, bad, m_user0), 41001, u"参数错误"_s);

        const auto improve = [&](const QUrlQuery& fields, const QString& token) {
            QUrlQuery q = fields;
            if (!q.hasQueryItem(u"biosample_id"_s))
                q.addQueryItem(u"biosample_id"_s, id);
            return m_http->post(u"/samples/improve"_s, q, token);
        };
        QCOMPARE(improve({{u"library_id"_s, u"HWJBAYTGAA170328-18"_s}}, m_user0).code(), 0);
        QCOMPARE(get(u"/samples/"_s + id, {}, m_user0).data().toObject().value(u"library_id").toString(), u"HWJBAYTGAA170328-18"_s);
        expectError(improve({{u"library_id"_s, u"OTHER"_s}}, m_user0), 41001, u"参数错误"_s); // set once, never changed
        expectError(improve({}, m_user0), 41001, u"参数错误"_s);
        expectError(improve({{u"library_layout"_s, u"TRIPLE"_s}}, m_user0), 41001, u"参数错误"_s);
        expectError(improve({{u"no_such_field"_s, u"x"_s}}, m_user0), 41001, u"参数错误"_s);
        expectError(improve({{u"library_layout"_s, u"PAIRED"_s}}, m_user1), 41303, u"请提供本人的 biosample_id"_s);
    }

    void clientCredentialsAppSeesItsOwnSamples()
    {
        const QList<QJsonObject> mine = allSamples(m_app);
        QVERIFY(!mine.isEmpty());
        for (const QJsonObject& s : mine)
            QVERIFY(s.value(u"biosample_id").toString() != m_genomic);
        QCOMPARE(get(u"/variants"_s, {{u"biosample_id"_s, m_appGenomic}, {u"rsids"_s, u"rs671"_s}}, m_app).code(), 0);
        expectError(get(u"/variants"_s, {{u"biosample_id"_s, m_genomic}, {u"rsids"_s, u"rs671"_s}}, m_app), 41303,
                    u"请提供本人的 biosample_id"_s);
        const QString project = mine.first().value(u"project").toArray().first().toObject().value(u"project_id").toString();
        QCOMPARE(m_http->post(u"/samples/register"_s, {{u"external_sample_id"_s, u"LIMS-77"_s}, {u"biosample_site"_s, u"11"_s},
                                                       {u"project_id"_s, project}}, m_app).code(), 0);
    }

    // --samples N: a platform of that size for the scale benchmarks. Every sample is someone's
    // (the demo users' and the pipeline app's counts add up to N), the first 240 are the default
    // platform's, and a sample past them has its results through the API.
    void samplesOnDemand()
    {
        SandboxProcess big;
        QVERIFY2(big.start({u"--samples"_s, u"1000"_s}), qPrintable(big.errorOutput()));
        HttpTestClient http(big.apiEndpoint());
        const QString approve = big.description().value(u"auto_approve_param").toString();
        const QString desktopSecret =
            big.clientById(u"bge-desktop-demo"_s).value(u"client_secret").toString();
        int total = 0;
        QString user0Token;
        for (int u = 0; u < 3; ++u) {
            const QString token = http.userToken(approve, u"bge-desktop-demo"_s, desktopSecret,
                                                 big.user(u).value(u"username").toString());
            if (u == 0)
                user0Token = token;
            const HttpResult r = http.get(u"/samples"_s, {{u"limit"_s, u"1"_s}}, token);
            QCOMPARE(r.code(), 0);
            total += r.data().toObject().value(u"count").toInt();
        }
        const QString appToken =
            http.clientToken(u"bge-pipeline-demo"_s,
                             big.clientById(u"bge-pipeline-demo"_s).value(u"client_secret").toString());
        total += http.get(u"/samples"_s, {{u"limit"_s, u"1"_s}}, appToken)
                     .data()
                     .toObject()
                     .value(u"count")
                     .toInt();
        QCOMPARE(total, 1000);

        // The first page is the default platform's.
        const auto ids = [](const HttpResult& r) {
            QStringList list;
            for (const QJsonValue& v : r.data().toObject().value(u"result").toArray())
                list.append(v.toObject().value(u"biosample_id").toString());
            return list;
        };
        const QUrlQuery firstPage{{u"limit"_s, u"50"_s}};
        QCOMPARE(ids(http.get(u"/samples"_s, firstPage, user0Token)),
                 ids(get(u"/samples"_s, firstPage, m_user0)));

        // The last analysed metagenomics sample of zhanglei3's, far past the first 240.
        QUrlQuery analysed{{u"omics"_s, u"2"_s}, {u"data_availability"_s, u"true"_s}, {u"limit"_s, u"100"_s}};
        const int count =
            http.get(u"/samples"_s, analysed, user0Token).data().toObject().value(u"count").toInt();
        QVERIFY(count > 100);
        analysed.addQueryItem(u"page"_s, QString::number((count + 99) / 100));
        const QString last = ids(http.get(u"/samples"_s, analysed, user0Token)).constLast();
        const HttpResult taxa =
            http.get(u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, last}}, user0Token);
        QCOMPARE(taxa.code(), 0);

        SandboxProcess refused;
        QVERIFY(!refused.start({u"--samples"_s, u"0"_s}));
        QVERIFY(refused.errorOutput().contains(u"--samples must be a whole number from 1"_s));
    }

    void variants()
    {
        const HttpResult r = get(u"/variants"_s, {{u"biosample_id"_s, m_genomic},
                                                 {u"rsids"_s, u"rs762551,rs671,rs1229984,rs4988235,rs333,rs999999999"_s}}, m_user0);
        QCOMPARE(r.code(), 0);
        const QJsonArray records = r.data().toArray();
        QCOMPARE(records.size(), 5); // an rsid outside the assay is simply absent
        const QJsonObject first = records.first().toObject();
        QCOMPARE(first.value(u"alternate_id").toArray().first().toString(), u"rs762551"_s);
        QCOMPARE(first.value(u"genomic_context").toObject().value(u"gene").toArray().first().toObject().value(u"symbol").toString(),
                 u"CYP1A2"_s);
        const QJsonObject variant = first.value(u"variant").toObject();
        for (const char16_t* key : {u"DP", u"PL", u"AD", u"GQ", u"GT"})
            QVERIFY(variant.value(u"call").toObject().contains(QString::fromUtf16(key)));
        QCOMPARE(variant.value(u"chromosome").toString(), u"chr15"_s);
        QVERIFY(variant.value(u"information").toObject().value(u"frequency").toObject().contains(u"TOPMED"_s));
        QCOMPARE(get(u"/variants"_s, {{u"biosample_id"_s, m_genomic}, {u"rsids"_s, u"rs762551,rs671,rs1229984,rs4988235,rs333,rs999999999"_s}},
                     m_user0).body, r.body); // deterministic

        QStringList hundred;
        for (int i = 1; i <= 100; ++i)
            hundred.append(u"rs"_s + QString::number(i));
        QCOMPARE(get(u"/variants"_s, {{u"biosample_id"_s, m_genomic}, {u"rsids"_s, hundred.join(u',')}}, m_user0).code(), 0);
        hundred.append(u"rs101"_s);
        expectError(get(u"/variants"_s, {{u"biosample_id"_s, m_genomic}, {u"rsids"_s, hundred.join(u',')}}, m_user0), 41001, u"参数错误"_s);
        for (const QString& bad : {u"rs3,,rs34"_s, u"rs3,"_s, QString(), u"abc"_s, u"rs12a"_s})
            expectError(get(u"/variants"_s, {{u"biosample_id"_s, m_genomic}, {u"rsids"_s, bad}}, m_user0), 41001, u"参数错误"_s);
        for (const QString& id : {u"demo"_s, u"E-B112"_s, u"E-B00000000000"_s, m_otherGenomic})
            expectError(get(u"/variants"_s, {{u"biosample_id"_s, id}, {u"rsids"_s, u"rs671"_s}}, m_user0), 41303,
                        u"请提供本人的 biosample_id"_s);
    }

    void taxonAbundance()
    {
        HttpResult r = get(u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"limit"_s, u"20"_s}}, m_user0);
        QCOMPARE(r.code(), 0);
        QCOMPARE(r.json().value(u"pagination").toObject().value(u"count").toInt(), 20);
        QCOMPARE(r.json().value(u"pagination").toObject().value(u"page").toInt(), 1);
        const QJsonObject record = r.data().toArray().first().toObject();
        const QJsonObject percentiles = record.value(u"background").toObject().value(u"background").toObject();
        double previous = -1;
        for (const char* p : {"0%", "5%", "25%", "50%", "75%", "95%", "100%"}) {
            const double v = percentiles.value(QString::fromLatin1(p)).toDouble(-2);
            QVERIFY(v >= previous);
            previous = v;
        }
        QVERIFY(record.value(u"background").toObject().value(u"rank_ratio").toString().startsWith(u">="_s));
        const QString taxonId = record.value(u"taxonomy").toObject().value(u"taxon_id").toString();
        QVERIFY(taxonId.startsWith(u"txid"_s));

        int page = 1;
        int total = 0;
        for (;; ++page) {
            r = get(u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"page"_s, QString::number(page)},
                                                      {u"limit"_s, u"25"_s}}, m_user0);
            const int count = r.json().value(u"pagination").toObject().value(u"count").toInt();
            QCOMPARE(count, r.data().toArray().size());
            if (count == 0)
                break;
            total += count;
        }
        QVERIFY(total > 20);

        r = get(u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"taxon_id"_s, taxonId}}, m_user0);
        QCOMPARE(r.data().toArray().size(), 1);
        for (const QString& odd : {u"txidXYZ"_s, u"txid999999999"_s, u"BT1"_s}) {
            r = get(u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"taxon_id"_s, odd}}, m_user0);
            QCOMPARE(r.code(), 0);
            QCOMPARE(r.json().value(u"pagination").toObject().value(u"count").toInt(), 0);
        }
        expectError(get(u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, m_otherGenomic}}, m_user0), 41303,
                    u"请提供本人的 biosample_id"_s);
    }

    void functionAbundance()
    {
        for (const char* catalog : {"go", "ko", "eggnog", "pfam", "kegg-pwy", "kegg-mdl", "level4ec", "metacyc-rxn", "metacyc-pwy"}) {
            QSet<QString> seen;
            QString cursor;
            int count = -1;
            do {
                QUrlQuery q{{u"biosample_id"_s, m_metagenomic}, {u"catalog"_s, QString::fromLatin1(catalog)}, {u"limit"_s, u"7"_s}};
                if (!cursor.isEmpty())
                    q.addQueryItem(u"next_page"_s, cursor);
                const HttpResult r = get(u"/microbiome/func_abundance"_s, q, m_user0);
                QCOMPARE(r.code(), 0);
                const QJsonObject d = r.data().toObject();
                QCOMPARE(d.value(u"limit").toInt(), 7);
                count = d.value(u"count").toInt();
                for (const QJsonValue& v : d.value(u"result").toArray()) {
                    const QJsonObject coding = v.toObject().value(u"coding").toObject();
                    QCOMPARE(coding.value(u"system").toString(), QString::fromLatin1(catalog) + u"_HUMAnN2_0.11"_s);
                    QVERIFY(!seen.contains(coding.value(u"id").toString()));
                    seen.insert(coding.value(u"id").toString());
                }
                cursor = d.value(u"next_page").toString();
            } while (!cursor.isEmpty());
            QVERIFY2(count > 7, catalog);
            QCOMPARE(seen.size(), count);
        }
        expectError(get(u"/microbiome/func_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"catalog"_s, u"foo"_s}}, m_user0),
                    41001, u"参数错误"_s);
        expectError(get(u"/microbiome/func_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"catalog"_s, u"go"_s},
                                                          {u"next_page"_s, u"garbage!!"_s}}, m_user0), 41001, u"参数错误"_s);
    }

    void geneAbundance()
    {
        HttpResult r = get(u"/microbiome/gene_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"catalog"_s, u"IGC_9.9M"_s},
                                                             {u"data_type"_s, u"list"_s}, {u"limit"_s, u"5"_s}}, m_user0);
        QCOMPARE(r.code(), 0);
        QCOMPARE(r.data().toObject().value(u"result").toArray().size(), 5);
        QVERIFY(!r.data().toObject().value(u"next_page").toString().isEmpty());
        QVERIFY(r.data().toObject().value(u"result").toArray().first().toObject().value(u"igc_gene").toObject().contains(u"annotation"_s));

        r = get(u"/microbiome/gene_abundance"_s, {{u"biosample_id"_s, m_metagenomic}, {u"catalog"_s, u"UniRef90_HUMAnN2_0.11"_s},
                                                 {u"data_type"_s, u"file"_s}}, m_user0);
        QCOMPARE(r.code(), 0);
        const QJsonObject file = r.data().toObject().value(u"result").toArray().first().toObject().value(u"file").toObject();
        const HttpResult signedUrl = m_http->post(u"/oss/sign_url"_s, {{u"object_name"_s, file.value(u"object_name").toString()}}, m_user0);
        QCOMPARE(signedUrl.code(), 0);
        const HttpResult download = m_http->send("GET", QUrl(signedUrl.data().toObject().value(u"url").toString()), {}, {});
        QCOMPARE(download.status, 200);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(download.body, QCryptographicHash::Md5).toHex()),
                 file.value(u"md5").toString());

        for (const QUrlQuery& bad : {QUrlQuery{{u"catalog"_s, u"UniRef90_HUMAnN2_0.11"_s}, {u"data_type"_s, u"list"_s}},
                                     QUrlQuery{{u"catalog"_s, u"IGC_9.9M"_s}, {u"data_type"_s, u"csv"_s}},
                                     QUrlQuery{{u"catalog"_s, u"IGC_9.9M"_s}, {u"data_type"_s, u"list"_s}, {u"limit"_s, u"1001"_s}}}) {
            QUrlQuery q = bad;
            q.addQueryItem(u"biosample_id"_s, m_metagenomic);
            expectError(get(u"/microbiome/gene_abundance"_s, q, m_user0), 41001, u"参数错误"_s);
        }
    }

    void models()
    {
        for (const QJsonValue& v : m_sandbox.description().value(u"models").toArray()) {
            const QString id = v.toString();
            const bool microbiome = id == u"zS68QlusdT2RWsZ";
            const HttpResult r = get(u"/model/"_s + id, {{u"biosample_id"_s, microbiome ? m_metagenomic : m_genomic}}, m_user0);
            QCOMPARE(r.code(), 0);
            const QJsonObject result = r.data().toObject();
            QCOMPARE(result.value(u"model_code").toInt(-1), 0);
            QCOMPARE(result.value(u"model_msg").toString(), u"success"_s);
            QVERIFY(!result.value(u"model_data").toObject().value(u"predict_class").toString().isEmpty());
            QVERIFY(!result.value(u"model_data").toObject().value(u"background").toArray().isEmpty());
            if (!microbiome) {
                const HttpResult wrong = get(u"/model/"_s + id, {{u"biosample_id"_s, m_metagenomic}}, m_user0);
                QCOMPARE(wrong.code(), 0);
                QVERIFY(wrong.data().toObject().value(u"model_code").toInt() != 0);
            }
        }
        expectError(get(u"/model/NoSuchModel0000"_s, {{u"biosample_id"_s, m_genomic}}, m_user0), 41202, u"模型不存在"_s);
        expectError(get(u"/model/zS68QlusdT2RWsZ"_s, {}, m_user0), 41001, u"参数错误"_s);
        expectError(get(u"/model/zS68QlusdT2RWsZ"_s, {{u"biosample_id"_s, m_otherGenomic}}, m_user0), 41303,
                    u"请提供本人的 biosample_id"_s);
    }

    void uploadToken()
    {
        const HttpResult a = m_http->post(u"/sts/token"_s, {}, m_user0);
        const HttpResult b = m_http->post(u"/sts/token"_s, {}, m_user0);
        QCOMPARE(a.code(), 0);
        const QJsonObject d = a.data().toObject();
        const QJsonObject c = d.value(u"credentials").toObject();
        QVERIFY(c.value(u"access_key_id").toString().startsWith(u"STS."_s));
        QVERIFY(!c.value(u"access_key_secret").toString().isEmpty());
        QVERIFY(!c.value(u"security_token").toString().isEmpty());
        QVERIFY(QDateTime::fromString(c.value(u"expiration").toString(), Qt::ISODate) > QDateTime::currentDateTimeUtc());
        QCOMPARE(d.value(u"endpoint").toString(), m_sandbox.ossEndpoint());
        QVERIFY(QRegularExpression(u"^DUS-\\d{11}-[A-Za-z0-9]{40}/\\d{8}TZ-[0-9a-f]{32}$"_s)
                    .match(d.value(u"destination").toString()).hasMatch());
        QVERIFY(d.value(u"base_uri").toString().endsWith(d.value(u"destination").toString()));
        QVERIFY(!d.value(u"bucket").toString().isEmpty() && !d.value(u"region_id").toString().isEmpty());
        QCOMPARE(b.data().toObject().value(u"destination"), d.value(u"destination"));
        QVERIFY(b.data().toObject().value(u"credentials").toObject().value(u"access_key_id") != c.value(u"access_key_id"));
        expectError(m_http->post(u"/sts/token"_s, {{u"region_id"_s, u"mars-1"_s}}, m_user0), 41001, u"参数错误"_s);
    }

    void signedDownloadUrls()
    {
        const QJsonObject sample = get(u"/samples/"_s + m_genomic, {{u"require_files"_s, u"true"_s}}, m_user0).data().toObject();
        const QJsonObject file = sample.value(u"files").toArray().first().toObject();
        const HttpResult r = m_http->post(u"/oss/sign_url"_s, {{u"object_name"_s, file.value(u"object_name").toString()}}, m_user0);
        QCOMPARE(r.code(), 0);
        const qint64 expires = r.data().toObject().value(u"expires").toString().toLongLong();
        QVERIFY(qAbs(expires - (QDateTime::currentSecsSinceEpoch() + 600)) < 30);
        const HttpResult download = m_http->send("GET", QUrl(r.data().toObject().value(u"url").toString()), {}, {});
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body.size(), file.value(u"size").toInteger());
        QVERIFY(download.body.startsWith("##fileformat=VCF"));

        expectError(m_http->post(u"/oss/sign_url"_s, {{u"object_name"_s, file.value(u"object_name").toString()}}, m_user1), 401,
                    u"无访问权限"_s);
        for (const QUrlQuery& bad : {QUrlQuery{{u"object_name"_s, file.value(u"object_name").toString()}, {u"region"_s, u"moon"_s}},
                                     QUrlQuery{{u"object_name"_s, file.value(u"object_name").toString()}, {u"expiration_time"_s, u"0"_s}},
                                     QUrlQuery{}})
            expectError(m_http->post(u"/oss/sign_url"_s, bad, m_user0), 41001, u"参数错误"_s);
    }
};

QTEST_GUILESS_MAIN(TestSandboxData)
#include "tst_sandbox_data.moc"
