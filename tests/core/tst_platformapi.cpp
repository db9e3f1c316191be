// Every call of PlatformApi against the real sandbox over loopback: typed results checked
// against what the sandbox holds (cross-checked with plain HTTP where the sandbox is the only
// other witness), paging through PageToken, local validation, and each refusal the platform
// documents, as the error value the caller sees.
#include "common/httptestclient.h"
#include "common/sandboxprocess.h"
#include "coretestsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

QStringList idsOf(const QList<Sample>& samples)
{
    QStringList ids;
    for (const Sample& s : samples)
        ids.append(s.biosampleId);
    return ids;
}

QStringList rsidsOf(const QList<Variant>& variants)
{
    QStringList rsids;
    for (const Variant& v : variants)
        rsids.append(v.rsid);
    return rsids;
}

int codeAt(const QJsonObject& o, QStringView key)
{
    return o.value(key).toObject().value(u"code").toInt(-1);
}

QString md5Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex());
}

// A token provider that always hands out the same access token and never renews: what a
// caller without a session would amount to. Counts what ApiCall asks of it.
class FixedTokenProvider final : public TokenProvider
{
public:
    explicit FixedTokenProvider(QString token) : m_token(std::move(token)) {}
    void acquireToken(QObject* context, TokenCallback ready) override
    {
        ++acquired;
        QMetaObject::invokeMethod(
            context, [ready, token = m_token] { ready(token, {}); }, Qt::QueuedConnection);
    }
    void tokenRejected(const QString& accessToken) override { rejected.append(accessToken); }

    int acquired = 0;
    QStringList rejected;

private:
    QString m_token;
};

} // namespace

class TestPlatformApi final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<HttpTestClient> m_http; // plain HTTP: the second witness of what the sandbox holds
    std::unique_ptr<ClientStack> m_user;    // demo user 0 through the desktop app (every scope)
    std::unique_ptr<ClientStack> m_viewer;  // demo user 0 through the read-only viewer app
    std::unique_ptr<ClientStack> m_app;     // the pipeline app, client credentials
    QString m_username;
    QString m_genomic, m_metagenomic, m_otherGenomic, m_appMetagenomic;

    // Every sample matching `query`, page by page through PageToken until hasNext() is false.
    void collectSamples(PlatformApi& api, const SampleQuery& query, int limit, QList<Sample>& out,
                        qint64& total)
    {
        PageToken page;
        int pages = 0;
        total = -1;
        for (;;) {
            const Result<Page<Sample>> r = await(api.samples(query, page, limit));
            BGE_VERIFY_OK(r);
            QVERIFY(r->total.has_value());
            if (pages == 0)
                total = *r->total;
            QCOMPARE(*r->total, total); // every page tells the same total
            QVERIFY(r->items.size() <= limit);
            out += r->items;
            ++pages;
            if (!r->hasNext())
                break;
            QCOMPARE(r->items.size(), qsizetype(limit)); // only the last page may be short
            QVERIFY(r->next->number().has_value());      // samples page by number
            QCOMPARE(*r->next->number(), qint64(pages + 1));
            page = *r->next;
            QVERIFY2(pages < 1000, "paging does not end");
        }
    }

    // The same listing through plain HTTP, as ids in the order the platform gives them.
    QStringList rawSampleIds(const QString& token)
    {
        QStringList ids;
        for (int page = 1;; ++page) {
            const HttpResult r = m_http->get(
                u"/samples"_s, {{u"page"_s, QString::number(page)}, {u"limit"_s, u"100"_s}}, token);
            if (r.code() != 0)
                return {u"(error %1)"_s.arg(r.code())};
            for (const QJsonValue& s : r.data().toObject().value(u"result").toArray())
                ids.append(s.toObject().value(u"biosample_id").toString());
            if (r.data().toObject().value(u"next_page").isNull())
                return ids;
        }
    }

    QString userToken() const { return m_user->session.grant().accessToken; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorOutput()));
        m_http = std::make_unique<HttpTestClient>(m_sandbox.apiEndpoint());
        m_username = m_sandbox.user(0).value(u"username").toString();

        m_user = makeStack(m_sandbox, u"bge-desktop-demo"_s);
        const Result<TokenGrant> user = signIn(*m_user, m_sandbox, m_username);
        BGE_VERIFY_OK(user);
        m_user->session.setGrant(user.value());

        m_viewer = makeStack(m_sandbox, u"bge-viewer-demo"_s);
        const Result<TokenGrant> viewer = signIn(*m_viewer, m_sandbox, m_username);
        BGE_VERIFY_OK(viewer);
        m_viewer->session.setGrant(viewer.value());

        m_app = makeStack(m_sandbox, u"bge-pipeline-demo"_s);
        m_app->session.useClientCredentials();

        m_genomic = m_sandbox.user(0).value(u"samples").toObject().value(u"genomics").toString();
        m_metagenomic = m_sandbox.user(0).value(u"samples").toObject().value(u"metagenomics").toString();
        m_otherGenomic = m_sandbox.user(1).value(u"samples").toObject().value(u"genomics").toString();
        m_appMetagenomic = m_sandbox.clientById(u"bge-pipeline-demo"_s)
                               .value(u"samples")
                               .toObject()
                               .value(u"metagenomics")
                               .toString();
        QVERIFY(!m_genomic.isEmpty() && !m_metagenomic.isEmpty() && !m_otherGenomic.isEmpty() &&
                !m_appMetagenomic.isEmpty());
    }

    void signInGrant()
    {
        const TokenGrant& g = m_user->session.grant();
        QVERIFY(!g.accessToken.isEmpty());
        QVERIFY(!g.refreshToken.isEmpty());
        QCOMPARE(g.tokenType, u"Bearer"_s);
        QCOMPARE(g.expiresIn, m_sandbox.description().value(u"token_ttl").toInteger());
        QStringList expected;
        for (const QJsonValue& v : m_sandbox.clientById(u"bge-desktop-demo"_s).value(u"scopes").toArray())
            expected.append(v.toString());
        QStringList scopes = g.scopes;
        scopes.sort();
        expected.sort();
        QCOMPARE(scopes, expected); // no scope asked: whatever the app may use
        QCOMPARE(g.raw.value(u"access_token").toString(), g.accessToken);
        QCOMPARE(m_user->session.renewal(), Session::Renewal::RefreshToken);
    }

    void ping()
    {
        // No session at all: /ping needs no token.
        QNetworkAccessManager network;
        ApiConnection bare(QUrl(m_sandbox.apiEndpoint()), &network);
        PlatformApi api(&bare);
        const Result<QString> r = await(api.ping());
        BGE_VERIFY_OK(r);
        QCOMPARE(r.value(), u"pong"_s);
    }

    void introspect()
    {
        Result<TokenInfo> r = await(m_user->api.introspect(userToken()));
        BGE_VERIFY_OK(r);
        QVERIFY(r->active);
        QCOMPARE(r->clientId, u"bge-desktop-demo"_s);
        QCOMPARE(r->username, m_username);
        QCOMPARE(r->grantType, u"authorization_code"_s);
        QStringList scopes = r->scopes;
        QStringList granted = m_user->session.grant().scopes;
        scopes.sort();
        granted.sort();
        QCOMPARE(scopes, granted);
        QVERIFY(r->issuedAt.isValid() && r->expiresAt.isValid());
        QCOMPARE(r->issuedAt.secsTo(r->expiresAt), m_user->session.grant().expiresIn);
        QCOMPARE(r->raw.value(u"client_id").toString(), u"bge-desktop-demo"_s);

        // A made-up token is not an error, just inactive (asked by the app, whose session
        // fetches its own token for the Bearer header first).
        const Result<TokenInfo> madeUp = await(m_app->api.introspect(u"made-up-token"_s));
        BGE_VERIFY_OK(madeUp);
        QCOMPARE(madeUp->active, false);
        QVERIFY(madeUp->clientId.isEmpty());
        // The app's token, looked at with the user's.
        r = await(m_user->api.introspect(m_app->session.grant().accessToken));
        BGE_VERIFY_OK(r);
        QVERIFY(r->active);
        QCOMPARE(r->clientId, u"bge-pipeline-demo"_s);
        QCOMPARE(r->grantType, u"client_credentials"_s);
        QVERIFY(r->username.isEmpty());
    }

    void user()
    {
        const Result<User> r = await(m_user->api.user());
        BGE_VERIFY_OK(r);
        QCOMPARE(r->username, m_username);
        QCOMPARE(r->nickname, m_sandbox.user(0).value(u"nickname").toString());
        QCOMPARE(r->email, m_username + u"@example.com"_s);
        QVERIFY(QRegularExpression(u"^[0-9a-f]{24}$"_s).match(r->userId).hasMatch());
        QVERIFY(QRegularExpression(u"^1\\d{10}$"_s).match(r->phone).hasMatch());
        QVERIFY(r->sex == u"1"_s || r->sex == u"2"_s); // a number on the wire, kept as text
        QVERIFY(!r->birthday.isEmpty() && !r->address.isEmpty());
        QCOMPARE(r->personnelInfoCode.size(), 32);
        QVERIFY(r->avatar.isEmpty()); // null on the wire
        QCOMPARE(r->raw.value(u"userAddress").toString(), r->address);
        QVERIFY(r->raw.contains(u"avatar"_s));
        // The plain HTTP view says the same.
        const QJsonObject raw = m_http->get(u"/profile"_s, {}, userToken()).data().toObject();
        QCOMPARE(r->raw, raw);
    }

    void samplesPagedToTheEnd()
    {
        // First page with the defaults: 50 records, then page 2.
        const Result<Page<Sample>> first = await(m_user->api.samples({}));
        BGE_VERIFY_OK(first);
        QCOMPARE(first->items.size(), 50);
        QVERIFY(first->hasNext());
        QCOMPARE(first->next->number().value_or(0), 2);
        QCOMPARE(first->next->toString(), u"2"_s);

        QList<Sample> all;
        qint64 total = 0;
        collectSamples(m_user->api, {}, 17, all, total);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(qint64(all.size()), total);
        QCOMPARE(*first->total, total);
        const QStringList ids = idsOf(all);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size()); // no duplicates
        QCOMPARE(ids, rawSampleIds(userToken()));
        QVERIFY(ids.contains(m_genomic) && ids.contains(m_metagenomic) && !ids.contains(m_otherGenomic));

        for (const Sample& s : all) {
            QVERIFY(QRegularExpression(u"^E-[A-Z]\\d{11}$"_s).match(s.biosampleId).hasMatch());
            QCOMPARE(s.raw.value(u"biosample_id").toString(), s.biosampleId);
            QCOMPARE(s.site.code, codeAt(s.raw, u"biosample_site"));
            QCOMPARE(s.omic.code, codeAt(s.raw, u"omic"));
            QCOMPARE(s.organism.code, codeAt(s.raw, u"organism"));
            QCOMPARE(s.status.code, codeAt(s.raw, u"status"));
            QVERIFY(s.site.code >= 1 && s.site.code <= 15 && !s.site.display.isEmpty());
            QVERIFY(s.omic.code == 1 || s.omic.code == 2);
            QVERIFY(s.organism.code >= 1 && s.organism.code <= 3);
            QCOMPARE(s.dataAvailability, std::optional<bool>(s.raw.value(u"data_availability").toBool()));
            QVERIFY(!s.projects.isEmpty());
            QCOMPARE(s.projects.first().projectId,
                     s.raw.value(u"project").toArray().first().toObject().value(u"project_id").toString());
            QVERIFY(s.projects.first().projectId.startsWith(u"P-W"_s));
            QVERIFY(s.sequencing.value(u"read_type").isArray());
            QVERIFY(s.statistics.contains(u"depth"_s));
            QVERIFY(!s.filesRequested);
            QVERIFY(s.files.isEmpty());
        }

        // Past the end: an empty page, no next.
        const Result<Page<Sample>> beyond =
            await(m_user->api.samples({}, PageToken::pageNumber(total / 17 + 5), 17));
        BGE_VERIFY_OK(beyond);
        QVERIFY(beyond->items.isEmpty());
        QVERIFY(!beyond->hasNext());
        QCOMPARE(beyond->total.value_or(-1), total);
    }

    void sampleFilters_data()
    {
        QTest::addColumn<QString>("filter");
        for (const char* f : {"sites", "omics", "organisms", "statuses", "available", "unavailable",
                              "projects", "ids", "omics+available"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void sampleFilters()
    {
        QFETCH(QString, filter);
        QList<Sample> all;
        qint64 total = 0;
        collectSamples(m_user->api, {}, 100, all, total);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(all.size() > 2);
        const Sample& a = all.first();
        // A second value that differs from the first sample's, to ask for two at once.
        const auto other = [&all](const std::function<int(const Sample&)>& field, int not_) {
            for (const Sample& s : all) {
                if (field(s) != not_)
                    return field(s);
            }
            return not_;
        };

        SampleQuery q;
        std::function<bool(const Sample&)> matches;
        if (filter == u"sites") {
            q.sites = {a.site.code, other([](const Sample& s) { return s.site.code; }, a.site.code)};
            matches = [&q](const Sample& s) { return q.sites.contains(s.site.code); };
        } else if (filter == u"omics") {
            q.omics = {2};
            matches = [](const Sample& s) { return s.omic.code == 2; };
        } else if (filter == u"organisms") {
            q.organisms = {a.organism.code};
            matches = [&a](const Sample& s) { return s.organism.code == a.organism.code; };
        } else if (filter == u"statuses") {
            q.statuses = {a.status.code};
            matches = [&a](const Sample& s) { return s.status.code == a.status.code; };
        } else if (filter == u"available" || filter == u"unavailable") {
            q.dataAvailability = filter == u"available";
            matches = [&q](const Sample& s) { return s.dataAvailability == q.dataAvailability; };
        } else if (filter == u"projects") {
            q.projectIds = {a.projects.first().projectId};
            matches = [&q](const Sample& s) { return s.projectIds().contains(q.projectIds.first()); };
        } else if (filter == u"ids") {
            // Lower case on purpose: the client upper-cases ids, like the SDK. Another user's
            // sample and an unknown id are simply not listed.
            q.biosampleIds = {m_metagenomic.toLower(), m_genomic, m_otherGenomic, u"E-B00000000000"_s};
            matches = [this](const Sample& s) {
                return s.biosampleId == m_genomic || s.biosampleId == m_metagenomic;
            };
        } else if (filter == u"omics+available") {
            q.omics = {1};
            q.dataAvailability = true;
            matches = [](const Sample& s) { return s.omic.code == 1 && s.dataAvailability == true; };
        }
        QList<Sample> expected;
        for (const Sample& s : all) {
            if (matches(s))
                expected.append(s);
        }
        QVERIFY2(!expected.isEmpty() && expected.size() < all.size(),
                 "the demo data should make the filter select");

        QList<Sample> got;
        qint64 matching = 0;
        collectSamples(m_user->api, q, 7, got, matching);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(matching, qint64(expected.size()));
        QCOMPARE(idsOf(got), idsOf(expected));
    }

    void samplesWithFiles()
    {
        SampleQuery q;
        q.biosampleIds = {m_genomic, m_metagenomic};
        q.requireFiles = true;
        const Result<Page<Sample>> r = await(m_user->api.samples(q));
        BGE_VERIFY_OK(r);
        QCOMPARE(r->items.size(), 2);
        QCOMPARE(r->total.value_or(-1), 2);
        QVERIFY(!r->hasNext());
        for (const Sample& s : r->items) {
            QVERIFY(s.filesRequested);
            QVERIFY(!s.files.isEmpty());
            QCOMPARE(s.files.size(), s.raw.value(u"files").toArray().size());
        }
    }

    void sampleWithFiles()
    {
        const Result<Sample> plain = await(m_user->api.sample(m_genomic));
        BGE_VERIFY_OK(plain);
        QCOMPARE(plain->biosampleId, m_genomic);
        QCOMPARE(plain->omic.code, 1);
        QCOMPARE(plain->dataAvailability, std::optional<bool>(true));
        QVERIFY(!plain->filesRequested);

        const Result<Sample> r = await(m_user->api.sample(m_genomic.toLower(), true));
        BGE_VERIFY_OK(r);
        QCOMPARE(r->biosampleId, m_genomic);
        QCOMPARE(r->externalSampleId, plain->externalSampleId);
        QVERIFY(r->filesRequested);
        QVERIFY(!r->files.isEmpty());
        const QJsonArray rawFiles = r->raw.value(u"files").toArray();
        QCOMPARE(r->files.size(), rawFiles.size());
        for (qsizetype i = 0; i < r->files.size(); ++i) {
            const SampleFile& f = r->files[i];
            QCOMPARE(f.raw, rawFiles[i].toObject());
            QCOMPARE(f.objectName, f.raw.value(u"object_name").toString());
            QVERIFY(!f.objectName.isEmpty() && !f.fileName.isEmpty() && !f.dataType.isEmpty() &&
                    !f.format.isEmpty());
            QVERIFY(f.size > 0);
            QCOMPARE(f.size, f.raw.value(u"size").toInteger());
            QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(f.md5).hasMatch());
        }
        // The same record as plain HTTP returns.
        QCOMPARE(r->raw,
                 m_http->get(u"/samples/"_s + m_genomic, {{u"require_files"_s, u"true"_s}}, userToken())
                     .data()
                     .toObject());
    }

    void externals()
    {
        const Result<Sample> sample = await(m_user->api.sample(m_genomic));
        BGE_VERIFY_OK(sample);
        QVERIFY(!sample->externalSampleId.isEmpty());

        ExternalIdQuery q;
        q.externalIds = {sample->externalSampleId, u"unknown-kit"_s};
        q.projectId = sample->projects.first().projectId; // the platform requires it (41001 otherwise)
        Result<QList<ExternalIdMapping>> r = await(m_user->api.externals(q));
        BGE_VERIFY_OK(r);
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->first().externalSampleId, sample->externalSampleId);
        QCOMPARE(r->first().biosampleId, m_genomic);
        QCOMPARE(r->first().raw.value(u"biosample_id").toString(), m_genomic);

        q.externalIds = {sample->externalSampleId};
        q.site = sample->site.code;
        r = await(m_user->api.externals(q));
        BGE_VERIFY_OK(r);
        QCOMPARE(r->size(), 1);
        q.site = sample->site.code == 1 ? 2 : 1; // the same kit at another site is another sample
        r = await(m_user->api.externals(q));
        BGE_VERIFY_OK(r);
        QCOMPARE(r->size(), 0);

        BGE_VERIFY_ERROR_KIND(await(m_user->api.externals({})), ApiError::Kind::Usage);
    }

    void registerSample()
    {
        const Result<Sample> model = await(m_user->api.sample(m_genomic));
        BGE_VERIFY_OK(model);
        const QString project = model->projects.first().projectId;
        qint64 before = 0;
        {
            const Result<Page<Sample>> page = await(m_user->api.samples({}, {}, 1));
            BGE_VERIFY_OK(page);
            before = page->total.value_or(-1);
        }

        SampleRegistration reg;
        reg.externalSampleId = u"KIT-CORETEST-0001"_s;
        reg.site = 1;
        reg.projectId = project;
        reg.extraFields = {{u"library_strategy"_s, u"WGS"_s}};
        const Result<QString> r = await(m_user->api.registerSample(reg));
        BGE_VERIFY_OK(r);
        const QString id = r.value();
        QVERIFY2(QRegularExpression(u"^E-[A-Z]\\d{11}$"_s).match(id).hasMatch(), qPrintable(id));

        // It is listed now, with what was registered.
        SampleQuery byId;
        byId.biosampleIds = {id};
        const Result<Page<Sample>> listed = await(m_user->api.samples(byId));
        BGE_VERIFY_OK(listed);
        QCOMPARE(listed->items.size(), 1);
        const Sample& s = listed->items.first();
        QCOMPARE(s.biosampleId, id);
        QCOMPARE(s.externalSampleId, reg.externalSampleId);
        QCOMPARE(s.site.code, 1);
        QCOMPARE(s.projectIds(), QStringList{project});
        QCOMPARE(s.status.code, 1001); // registered, nothing analysed yet
        QCOMPARE(s.raw.value(u"library_strategy").toString(), u"WGS"_s);
        QVERIFY(s.raw.value(u"library_id").isNull());
        const Result<Page<Sample>> after = await(m_user->api.samples({}, {}, 1));
        BGE_VERIFY_OK(after);
        QCOMPARE(after->total.value_or(-1), before + 1);
        ExternalIdQuery ext;
        ext.externalIds = {reg.externalSampleId};
        ext.projectId = reg.projectId;
        const Result<QList<ExternalIdMapping>> mapped = await(m_user->api.externals(ext));
        BGE_VERIFY_OK(mapped);
        QCOMPARE(mapped->size(), 1);
        QCOMPARE(mapped->first().biosampleId, id);

        // Again: refused, and the data names the sample it duplicates.
        const Result<QString> duplicate = await(m_user->api.registerSample(reg));
        BGE_VERIFY_API_ERROR(duplicate, 41001);
        QCOMPARE(duplicate.error().apiMessage(), u"参数错误"_s);
        QVERIFY(duplicate.error().apiData().isObject());
        QCOMPARE(duplicate.error().apiData().toObject().value(u"biosample_id").toString(), id);
        QVERIFY(duplicate.error().apiData().toObject().contains(u"external_sample_id"_s));
        QVERIFY(duplicate.error().fullText().contains(id)); // the data reaches the log text

        reg.duplicateEnabled = true;
        const Result<QString> second = await(m_user->api.registerSample(reg));
        BGE_VERIFY_OK(second);
        QVERIFY(second.value() != id);

        // A field outside the vocabulary: 41001 naming the field.
        SampleRegistration bad = reg;
        bad.externalSampleId = u"KIT-CORETEST-0002"_s;
        bad.extraFields = {{u"library_layout"_s, u"TRIPLE"_s}};
        const Result<QString> refused = await(m_user->api.registerSample(bad));
        BGE_VERIFY_API_ERROR(refused, 41001);
        QVERIFY(refused.error().apiData().toObject().contains(u"library_layout"_s));
    }

    void improveSample()
    {
        SampleRegistration reg;
        reg.externalSampleId = u"KIT-CORETEST-IMPROVE"_s;
        reg.site = 11;
        {
            const Result<Sample> model = await(m_user->api.sample(m_metagenomic));
            BGE_VERIFY_OK(model);
            reg.projectId = model->projects.first().projectId;
        }
        const Result<QString> created = await(m_user->api.registerSample(reg));
        BGE_VERIFY_OK(created);
        const QString id = created.value();

        const Result<Done> set = await(m_user->api.improveSample(
            id.toLower(), {{u"library_id"_s, u"HWJBAYTGAA170328-18"_s}, {u"library_layout"_s, u"PAIRED"_s}}));
        BGE_VERIFY_OK(set);
        const Result<Sample> improved = await(m_user->api.sample(id));
        BGE_VERIFY_OK(improved);
        QCOMPARE(improved->raw.value(u"library_id").toString(), u"HWJBAYTGAA170328-18"_s);
        QCOMPARE(improved->raw.value(u"library_layout").toString(), u"PAIRED"_s);
        QVERIFY(improved->raw.value(u"library_source").isNull());

        // Set once, never changed: the data names the field.
        const Result<Done> again = await(m_user->api.improveSample(id, {{u"library_id"_s, u"OTHER"_s}}));
        BGE_VERIFY_API_ERROR(again, 41001);
        QVERIFY(again.error().apiData().isObject());
        QVERIFY(again.error().apiData().toObject().contains(u"library_id"_s));
        QVERIFY(!again.error().apiData().toObject().value(u"library_id").toString().isEmpty());
        const Result<Sample> unchanged = await(m_user->api.sample(id));
        BGE_VERIFY_OK(unchanged);
        QCOMPARE(unchanged->raw.value(u"library_id").toString(), u"HWJBAYTGAA170328-18"_s);

        // Nothing to set is caught before sending; another user's sample is refused.
        BGE_VERIFY_ERROR_KIND(await(m_user->api.improveSample(id, {})), ApiError::Kind::Usage);
        BGE_VERIFY_API_ERROR(
            await(m_user->api.improveSample(m_otherGenomic, {{u"library_source"_s, u"GENOMIC"_s}})), 41303);
    }

    void variants()
    {
        const QStringList asked{u"rs762551"_s,  u"rs671"_s, u"rs1229984"_s,
                                u"rs4988235"_s, u"rs333"_s, u"rs999999999"_s};
        const Result<QList<Variant>> r = await(m_user->api.variants(m_genomic, asked));
        BGE_VERIFY_OK(r);
        // An rsid outside the assay is simply absent; the rest come in the order asked.
        QCOMPARE(rsidsOf(r.value()), asked.mid(0, 5));
        const Variant& v = r->first();
        QCOMPARE(v.alternateIds, QStringList{u"rs762551"_s});
        QCOMPARE(v.genes, QStringList{u"CYP1A2"_s});
        QCOMPARE(v.chromosome, u"chr15"_s);
        QCOMPARE(v.position, std::optional<qint64>(74749576));
        QCOMPARE(v.referenceBase, u"C"_s);
        QCOMPARE(v.alternateBases, QStringList{u"A"_s});
        QCOMPARE(v.type, u"snp"_s);
        QVERIFY(!v.variantId.isEmpty());
        QCOMPARE(v.isAssayed, std::optional<bool>(true));
        QVERIFY(v.frequencies.contains(u"TOPMED"_s));
        QCOMPARE(v.source.value(u"pipeline_version").toString(), u"WGSAI3.0-l"_s);
        const QJsonObject call = v.raw.value(u"variant").toObject().value(u"call").toObject();
        QCOMPARE(v.gt, call.value(u"GT").toString());
        QCOMPARE(v.depth, std::optional<qint64>(call.value(u"DP").toInteger()));
        QCOMPARE(v.genotypeQuality, std::optional<qint64>(call.value(u"GQ").toInteger()));
        QCOMPARE(v.alleleDepths.size(), 2);
        if (v.isNoCall == std::optional<bool>(false)) {
            QVERIFY(!v.zygosity().isEmpty());
            QCOMPARE(v.genotype.split(u'/').size(), 2);
        }
        const Variant& indel = r->at(4);
        QCOMPARE(indel.rsid, u"rs333"_s);
        QCOMPARE(indel.type, u"indel"_s);
        // The typed list is the plain HTTP answer, record for record.
        const QJsonArray raw =
            m_http
                ->get(u"/variants"_s, {{u"biosample_id"_s, m_genomic}, {u"rsids"_s, asked.join(u',')}},
                      userToken())
                .data()
                .toArray();
        QCOMPARE(raw.size(), r->size());
        for (qsizetype i = 0; i < raw.size(); ++i)
            QCOMPARE(r->at(i).raw, raw[i].toObject());
    }

    void variantsSplitBeyondHundred()
    {
        // 150 rsids: the whole catalogue the demo assay covers, spread among unknown ones.
        const QStringList catalogue{
            u"rs762551"_s,   u"rs671"_s,      u"rs1229984"_s,  u"rs4988235"_s,  u"rs333"_s,
            u"rs4149056"_s,  u"rs1065852"_s,  u"rs3892097"_s,  u"rs4244285"_s,  u"rs12248560"_s,
            u"rs1057910"_s,  u"rs1799853"_s,  u"rs9923231"_s,  u"rs1801133"_s,  u"rs1801131"_s,
            u"rs429358"_s,   u"rs7412"_s,     u"rs1815739"_s,  u"rs9939609"_s,  u"rs7903146"_s,
            u"rs12913832"_s, u"rs1426654"_s,  u"rs16891982"_s, u"rs1800562"_s,  u"rs1799945"_s,
            u"rs6025"_s,     u"rs1799963"_s,  u"rs334"_s,      u"rs776746"_s,   u"rs1142345"_s,
            u"rs3918290"_s,  u"rs4680"_s,     u"rs53576"_s,    u"rs17822931"_s, u"rs713598"_s,
            u"rs10246939"_s, u"rs1042713"_s,  u"rs1800497"_s,  u"rs2231142"_s,  u"rs16969968"_s,
            u"rs1051730"_s,  u"rs10757278"_s, u"rs2187668"_s,  u"rs662"_s,      u"rs1695"_s,
            u"rs1800566"_s,  u"rs2282679"_s,  u"rs4343"_s,     u"rs699"_s,      u"rs5082"_s,
            u"rs2228570"_s,  u"rs602662"_s,   u"rs1047781"_s,  u"rs3811647"_s,  u"rs174547"_s};
        QStringList rsids;
        int unknown = 900000001;
        for (qsizetype i = 0; rsids.size() < 150; ++i) {
            if (i % 2 == 1 && i / 2 < catalogue.size())
                rsids.append(catalogue[i / 2]);
            else
                rsids.append(u"rs"_s + QString::number(unknown++));
        }
        QCOMPARE(rsids.size(), 150);
        QCOMPARE(QSet<QString>(rsids.cbegin(), rsids.cend()).size(), 150);
        QStringList expected; // the catalogue ones, in the order asked
        for (const QString& rsid : rsids) {
            if (catalogue.contains(rsid))
                expected.append(rsid);
        }
        QCOMPARE(expected.size(), catalogue.size());
        QVERIFY2(expected.size() < 150 && rsids.indexOf(expected.last()) >= PlatformApi::kMaxRsidsPerCall,
                 "both batches should hold catalogue rsids");

        // The platform itself refuses more than 100 in one call...
        QCOMPARE(m_http
                     ->get(u"/variants"_s, {{u"biosample_id"_s, m_genomic}, {u"rsids"_s, rsids.join(u',')}},
                           userToken())
                     .code(),
                 41001);
        // ...so the client splits the list, transparently.
        const Result<QList<Variant>> all = await(m_user->api.variants(m_genomic, rsids));
        BGE_VERIFY_OK(all);
        QCOMPARE(rsidsOf(all.value()), expected);

        // Exactly what two separate calls answer, in that order.
        const Result<QList<Variant>> head = await(m_user->api.variants(m_genomic, rsids.mid(0, 100)));
        const Result<QList<Variant>> tail = await(m_user->api.variants(m_genomic, rsids.mid(100)));
        BGE_VERIFY_OK(head);
        BGE_VERIFY_OK(tail);
        QVERIFY(!head->isEmpty() && !tail->isEmpty());
        const QList<Variant> joined = head.value() + tail.value();
        QCOMPARE(all->size(), joined.size());
        for (qsizetype i = 0; i < joined.size(); ++i)
            QCOMPARE(all->at(i).raw, joined[i].raw);

        // Duplicates are asked once.
        const Result<QList<Variant>> twice = await(m_user->api.variants(m_genomic, rsids + rsids.mid(0, 60)));
        BGE_VERIFY_OK(twice);
        QCOMPARE(rsidsOf(twice.value()), expected);
    }

    void variantsRefusedBeforeSending_data()
    {
        QTest::addColumn<QStringList>("rsids");
        QTest::newRow("letters") << QStringList{u"rs671"_s, u"rs12a"_s};
        QTest::newRow("no prefix") << QStringList{u"671"_s};
        QTest::newRow("empty item") << QStringList{u"rs3"_s, QString(), u"rs34"_s};
        QTest::newRow("upper case") << QStringList{u"RS671"_s};
        QTest::newRow("none") << QStringList{};
    }
    void variantsRefusedBeforeSending()
    {
        QFETCH(QStringList, rsids);
        // Through the signed-in stack: the sandbox would have said 41001 (kind Api).
        const Result<QList<Variant>> r = await(m_user->api.variants(m_genomic, rsids));
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Usage);
        QVERIFY(!r.error().message().isEmpty());
        for (const QString& bad : PlatformApi::invalidRsids(rsids))
            QVERIFY2(r.error().detail().contains(bad), qPrintable(r.error().detail()));
        // Through a connection to a closed port with no session: still Usage, so nothing was sent.
        QNetworkAccessManager network;
        ApiConnection nowhere(QUrl(u"http://127.0.0.1:9"_s), &network);
        PlatformApi offline(&nowhere);
        BGE_VERIFY_ERROR_KIND(await(offline.variants(m_genomic, rsids)), ApiError::Kind::Usage);
    }

    void taxonAbundancePaged()
    {
        QList<TaxonAbundance> all;
        PageToken page;
        int pages = 0;
        for (;;) {
            const Result<Page<TaxonAbundance>> r =
                await(m_user->api.taxonAbundance(m_metagenomic, {}, page, 25));
            BGE_VERIFY_OK(r);
            ++pages;
            QCOMPARE(page.number().value_or(1), qint64(pages));
            QVERIFY(r->items.size() <= 25);
            all += r->items;
            if (!r->hasNext())
                break;
            QCOMPARE(r->next->number().value_or(0), qint64(pages + 1));
            page = *r->next;
            QVERIFY(pages < 1000);
        }
        QVERIFY(all.size() > 25);
        QSet<QString> ids;
        for (const TaxonAbundance& t : all) {
            QVERIFY(t.taxonId.startsWith(u"txid"_s));
            QCOMPARE(t.raw.value(u"taxonomy").toObject().value(u"taxon_id").toString(), t.taxonId);
            QVERIFY(!t.taxonName.isEmpty() && !t.rank.isEmpty());
            QVERIFY(t.observation.value.has_value());
            ids.insert(t.taxonId);
        }
        QCOMPARE(ids.size(), all.size()); // no duplicates across pages
        // As many as plain HTTP counts page by page (the platform gives no total for taxa).
        int rawTotal = 0;
        for (int p = 1;; ++p) {
            const HttpResult r = m_http->get(
                u"/microbiome/taxon_abundance"_s,
                {{u"biosample_id"_s, m_metagenomic}, {u"page"_s, QString::number(p)}, {u"limit"_s, u"100"_s}},
                userToken());
            const int count = r.json().value(u"pagination").toObject().value(u"count").toInt();
            if (count == 0)
                break;
            rawTotal += count;
        }
        QCOMPARE(all.size(), rawTotal);

        const TaxonAbundance& t = all.first();
        const QList<int> percentiles = t.background.percentiles.keys();
        QCOMPARE(percentiles, (QList<int>{0, 5, 25, 50, 75, 95, 100}));
        double previous = -1;
        for (const int p : percentiles) {
            QVERIFY(t.background.percentiles.value(p) >= previous);
            previous = t.background.percentiles.value(p);
        }
        QVERIFY(t.background.rankRatio.startsWith(u">="_s));
        QVERIFY(!t.background.referenceCohort.isEmpty());

        // One taxon by id; unknown or malformed ids match nothing (not an error).
        Result<Page<TaxonAbundance>> one = await(m_user->api.taxonAbundance(m_metagenomic, {t.taxonId}));
        BGE_VERIFY_OK(one);
        QCOMPARE(one->items.size(), 1);
        QCOMPARE(one->items.first().raw, t.raw);
        one = await(m_user->api.taxonAbundance(m_metagenomic, {u"txid999999999"_s, u"BT1"_s}));
        BGE_VERIFY_OK(one);
        QVERIFY(one->items.isEmpty());
        QVERIFY(!one->hasNext());
    }

    void functionAbundanceByCursor_data()
    {
        QTest::addColumn<QString>("catalog");
        for (const QString& c : functionCatalogs())
            QTest::newRow(qPrintable(c)) << c;
    }
    void functionAbundanceByCursor()
    {
        QFETCH(QString, catalog);
        QList<FunctionAbundance> all;
        PageToken page;
        std::optional<qint64> total;
        for (int pages = 0;; ++pages) {
            QVERIFY(pages < 1000);
            const Result<Page<FunctionAbundance>> r =
                await(m_user->api.functionAbundance(m_metagenomic, catalog, {}, page, 7));
            BGE_VERIFY_OK(r);
            QVERIFY(r->total.has_value());
            if (!total)
                total = r->total;
            QCOMPARE(r->total, total);
            all += r->items;
            if (!r->hasNext())
                break;
            QCOMPARE(r->items.size(), 7);
            QVERIFY(!r->next->number().has_value()); // an opaque cursor, not a page number
            QVERIFY(!r->next->cursorText().isEmpty());
            // Through its text form, as the command line hands it back.
            page = PageToken::fromString(r->next->toString());
            QCOMPARE(page, *r->next);
        }
        QVERIFY(*total > 7);
        QCOMPARE(qint64(all.size()), *total);
        QSet<QString> ids;
        for (const FunctionAbundance& f : all) {
            QCOMPARE(f.system, catalog + u"_HUMAnN2_0.11"_s);
            QCOMPARE(f.raw.value(u"coding").toObject().value(u"id").toString(), f.functionId);
            QVERIFY(f.observation.value.has_value());
            ids.insert(f.functionId);
        }
        QCOMPARE(ids.size(), all.size());

        // Filtered by ids.
        const QStringList two{all[1].functionId, all[3].functionId};
        const Result<Page<FunctionAbundance>> some =
            await(m_user->api.functionAbundance(m_metagenomic, catalog, two));
        BGE_VERIFY_OK(some);
        QCOMPARE(some->items.size(), 2);
        QCOMPARE(some->items[0].raw, all[1].raw);
        QCOMPARE(some->items[1].raw, all[3].raw);
    }

    void functionAbundanceUnknownCatalog()
    {
        BGE_VERIFY_ERROR_KIND(await(m_user->api.functionAbundance(m_metagenomic, u"foo"_s)),
                              ApiError::Kind::Usage);
    }

    void geneAbundanceList()
    {
        QList<GeneAbundance> all;
        PageToken page;
        for (int pages = 0; pages < 3; ++pages) {
            const Result<Page<GeneAbundance>> r =
                await(m_user->api.geneAbundance(m_metagenomic, u"IGC_9.9M"_s, u"list"_s, {}, page, 5));
            BGE_VERIFY_OK(r);
            QCOMPARE(r->items.size(), 5);
            QVERIFY(r->hasNext());
            QVERIFY(!r->next->cursorText().isEmpty());
            all += r->items;
            page = *r->next;
        }
        QSet<QString> ids;
        for (const GeneAbundance& g : all) {
            QVERIFY(!g.isFile());
            QVERIFY(!g.geneId.isEmpty());
            QCOMPARE(g.raw.value(u"igc_gene").toObject().value(u"igc_gene_id").toString(), g.geneId);
            QVERIFY(!g.annotation.isEmpty());
            QVERIFY(g.observation.value.has_value());
            ids.insert(g.geneId);
        }
        QCOMPARE(ids.size(), all.size());
        const Result<Page<GeneAbundance>> byId =
            await(m_user->api.geneAbundance(m_metagenomic, u"IGC_9.9M"_s, u"list"_s, {all[7].geneId}));
        BGE_VERIFY_OK(byId);
        QCOMPARE(byId->items.size(), 1);
        QCOMPARE(byId->items.first().raw, all[7].raw);

        // UniRef90 only comes as a file: the platform says 41001 to a list.
        BGE_VERIFY_API_ERROR(
            await(m_user->api.geneAbundance(m_metagenomic, u"UniRef90_HUMAnN2_0.11"_s, u"list"_s)), 41001);
        BGE_VERIFY_ERROR_KIND(await(m_user->api.geneAbundance(m_metagenomic, u"IGC_9.9M"_s, u"csv"_s)),
                              ApiError::Kind::Usage);
        BGE_VERIFY_ERROR_KIND(await(m_user->api.geneAbundance(m_metagenomic, u"NR"_s, u"list"_s)),
                              ApiError::Kind::Usage);
    }

    void geneAbundanceFile_data()
    {
        QTest::addColumn<QString>("catalog");
        for (const QString& c : geneCatalogs())
            QTest::newRow(qPrintable(c)) << c;
    }
    void geneAbundanceFile()
    {
        QFETCH(QString, catalog);
        const Result<Page<GeneAbundance>> r =
            await(m_user->api.geneAbundance(m_metagenomic, catalog, u"file"_s));
        BGE_VERIFY_OK(r);
        QCOMPARE(r->items.size(), 1);
        QVERIFY(!r->hasNext());
        const GeneAbundance& g = r->items.first();
        QVERIFY(g.isFile());
        QCOMPARE(g.fileObjectName, g.raw.value(u"file").toObject().value(u"object_name").toString());
        QVERIFY(!g.fileName.isEmpty());
        QVERIFY(g.fileSize > 0);
        QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(g.fileMd5).hasMatch());
        // The file it points at is there, with that size and digest.
        const Result<DownloadUrl> url = await(m_user->api.downloadUrl(g.fileObjectName));
        BGE_VERIFY_OK(url);
        int status = 0;
        const QByteArray bytes = fetch(m_user->network, url->url, &status);
        QCOMPARE(status, 200);
        QCOMPARE(qint64(bytes.size()), g.fileSize);
        QCOMPARE(md5Hex(bytes), g.fileMd5);
    }

    void uploadToken()
    {
        const Result<UploadToken> r = await(m_user->api.uploadToken());
        BGE_VERIFY_OK(r);
        QVERIFY(r->accessKeyId.startsWith(u"STS."_s));
        QVERIFY(!r->accessKeySecret.isEmpty());
        QVERIFY(!r->securityToken.isEmpty());
        QVERIFY(r->expiration > QDateTime::currentDateTimeUtc());
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(r->expiration);
        QVERIFY2(qAbs(lifetime - m_sandbox.description().value(u"sts_ttl").toInteger()) < 120,
                 qPrintable(QString::number(lifetime)));
        QCOMPARE(r->endpoint, m_sandbox.ossEndpoint());
        QCOMPARE(r->bucket, m_sandbox.description().value(u"bucket").toString());
        QCOMPARE(r->regionId, m_sandbox.description().value(u"region").toString());
        QVERIFY(QRegularExpression(u"^DUS-\\d{11}-[A-Za-z0-9]{40}/\\d{8}TZ-[0-9a-f]{32}$"_s)
                    .match(r->destination)
                    .hasMatch());
        QVERIFY(r->baseUri.endsWith(r->destination));
        QCOMPARE(r->raw.value(u"credentials").toObject().value(u"access_key_id").toString(), r->accessKeyId);

        // Each call mints new credentials for the same destination; the region can be named.
        const Result<UploadToken> again = await(m_user->api.uploadToken(r->regionId, true));
        BGE_VERIFY_OK(again);
        QCOMPARE(again->destination, r->destination);
        QVERIFY(again->accessKeyId != r->accessKeyId);
        BGE_VERIFY_API_ERROR(await(m_user->api.uploadToken(u"mars-1"_s)), 41001);
    }

    void downloadUrlServesTheFile()
    {
        const Result<Sample> sample = await(m_user->api.sample(m_genomic, true));
        BGE_VERIFY_OK(sample);
        QVERIFY(!sample->files.isEmpty());
        for (const SampleFile& file : sample->files) {
            const Result<DownloadUrl> r = await(m_user->api.downloadUrl(file.objectName));
            BGE_VERIFY_OK(r);
            QVERIFY(r->url.isValid());
            QVERIFY(r->url.toString().startsWith(m_sandbox.ossEndpoint()));
            QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(r->expires) - 600) < 120);
            int status = 0;
            const QByteArray bytes = fetch(m_user->network, r->url, &status);
            QCOMPARE(status, 200);
            QCOMPARE(qint64(bytes.size()), file.size);
            QCOMPARE(md5Hex(bytes), file.md5);
        }
        // A shorter lifetime is honoured; another region's name is refused.
        const Result<DownloadUrl> brief =
            await(m_user->api.downloadUrl(sample->files.first().objectName, u"international"_s, 60));
        BGE_VERIFY_OK(brief);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(brief->expires) - 60) < 60);
        BGE_VERIFY_API_ERROR(await(m_user->api.downloadUrl(sample->files.first().objectName, u"moon"_s)),
                             41001);
    }

    void invokeModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("metagenomic");
        for (const QJsonValue& v : m_sandbox.description().value(u"model_details").toArray()) {
            const QJsonObject m = v.toObject();
            QTest::newRow(qPrintable(m.value(u"model_id").toString()))
                << m.value(u"model_id").toString() << (m.value(u"omics").toString() == u"metagenomics");
        }
    }
    void invokeModel()
    {
        QFETCH(QString, model);
        QFETCH(bool, metagenomic);
        const QString sample = metagenomic ? m_metagenomic : m_genomic;
        const Result<ModelResult> r =
            await(m_user->api.invokeModel(model, {{u"biosample_id"_s, sample.toLower()}}));
        BGE_VERIFY_OK(r);
        QCOMPARE(r->modelCode, 0);
        QCOMPARE(r->modelMessage, u"success"_s);
        QVERIFY(!r->modelData.value(u"predict_class").toString().isEmpty());
        QVERIFY(!r->modelData.value(u"background").toArray().isEmpty());
        QCOMPARE(r->raw.value(u"model_data").toObject(), r->modelData);
        // The same answer as plain HTTP (the models are deterministic).
        QCOMPARE(
            r->raw,
            m_http->get(u"/model/"_s + model, {{u"biosample_id"_s, sample}}, userToken()).data().toObject());
    }

    void invokeUnknownModel()
    {
        const Result<ModelResult> r =
            await(m_user->api.invokeModel(u"NoSuchModel0000"_s, {{u"biosample_id"_s, m_genomic}}));
        BGE_VERIFY_API_ERROR(r, 41202);
        QCOMPARE(r.error().apiMessage(), u"模型不存在"_s);
        BGE_VERIFY_ERROR_KIND(await(m_user->api.invokeModel(u"  "_s, {})), ApiError::Kind::Usage);
    }

    void anotherUsersSample()
    {
        const Result<Sample> r = await(m_user->api.sample(m_otherGenomic));
        BGE_VERIFY_API_ERROR(r, 41303);
        QCOMPARE(r.error().apiMessage(), u"请提供本人的 biosample_id"_s);
        BGE_VERIFY_API_ERROR(await(m_user->api.variants(m_otherGenomic, {u"rs671"_s})), 41303);
        BGE_VERIFY_API_ERROR(await(m_user->api.taxonAbundance(m_otherGenomic)), 41303);
    }

    void malformedSampleId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("word") << u"demo"_s;
        QTest::newRow("short") << u"E-B112"_s;
        QTest::newRow("unknown") << u"E-B00000000000"_s;
    }
    void malformedSampleId()
    {
        QFETCH(QString, id);
        const Result<Sample> r = await(m_user->api.sample(id));
        BGE_VERIFY_API_ERROR(r, 41303);
        BGE_VERIFY_API_ERROR(await(m_user->api.variants(id, {u"rs671"_s})), 41303);
    }

    void emptySampleIdRefusedLocally()
    {
        BGE_VERIFY_ERROR_KIND(await(m_user->api.sample(u"  "_s)), ApiError::Kind::Usage);
    }

    void badTokenWithoutRenewal()
    {
        // A session holding a token the platform does not know, and nothing to renew it with:
        // the call gets 403, the session forgets the token, and the replay finds no way to
        // get another. The caller sees Authentication (sign in again), not the raw 403.
        ClientStack stack(m_sandbox.apiEndpoint(), u"bge-desktop-demo"_s,
                          m_sandbox.clientById(u"bge-desktop-demo"_s).value(u"client_secret").toString());
        TokenGrant garbage;
        garbage.accessToken = u"Wr6QmVmx5twsjRoasdfXkwmlgfXAYB"_s;
        garbage.expiresIn = 21600;
        garbage.obtainedAt = QDateTime::currentDateTimeUtc();
        stack.session.setGrant(garbage);
        QCOMPARE(stack.session.renewal(), Session::Renewal::None);
        QVERIFY(stack.session.canAuthenticate()); // until the platform says otherwise

        const Result<User> r = await(stack.api.user());
        BGE_VERIFY_ERROR_KIND(r, ApiError::Kind::Authentication);
        QCOMPARE(stack.session.renewalCount(), 0);
        QVERIFY(stack.session.grant().accessToken.isEmpty()); // forgotten after the 403
        QVERIFY(!stack.session.canAuthenticate());
        // The next call does not even reach the network.
        BGE_VERIFY_ERROR_KIND(await(stack.api.samples({})), ApiError::Kind::Authentication);

        // Without a session (a provider that keeps handing out the same token): the 403 is
        // reported once, the call is replayed exactly once, and the caller sees the API error.
        FixedTokenProvider fixed(garbage.accessToken);
        stack.connection.setTokenProvider(&fixed);
        const Result<User> raw = await(stack.api.user());
        stack.connection.setTokenProvider(&stack.session);
        BGE_VERIFY_API_ERROR(raw, 403);
        QVERIFY(raw.error().isTokenRejected());
        QCOMPARE(raw.error().apiMessage(), u"access_token 已失效或错误"_s);
        QCOMPARE(fixed.acquired, 2);
        QCOMPARE(fixed.rejected, QStringList{garbage.accessToken});

        // No provider at all.
        ApiConnection bare(QUrl(m_sandbox.apiEndpoint()), &stack.network);
        PlatformApi api(&bare);
        BGE_VERIFY_ERROR_KIND(await(api.user()), ApiError::Kind::Authentication);
    }

    void readOnlyAppCannotWrite()
    {
        // The viewer app reads...
        const Result<Page<Sample>> listed = await(m_viewer->api.samples({}));
        BGE_VERIFY_OK(listed);
        QVERIFY(!listed->items.isEmpty());
        const QString project = listed->items.first().projects.first().projectId;
        // ...and every write is 401 无访问权限.
        SampleRegistration reg;
        reg.externalSampleId = u"KIT-VIEWER-0001"_s;
        reg.site = 1;
        reg.projectId = project;
        const Result<QString> registered = await(m_viewer->api.registerSample(reg));
        BGE_VERIFY_API_ERROR(registered, 401);
        QCOMPARE(registered.error().apiMessage(), u"无访问权限"_s);
        BGE_VERIFY_API_ERROR(
            await(m_viewer->api.improveSample(m_genomic, {{u"library_source"_s, u"GENOMIC"_s}})), 401);
        BGE_VERIFY_API_ERROR(await(m_viewer->api.uploadToken()), 401);
        // Nothing was registered.
        ExternalIdQuery q;
        q.externalIds = {reg.externalSampleId};
        q.projectId = project;
        const Result<QList<ExternalIdMapping>> mapped = await(m_viewer->api.externals(q));
        BGE_VERIFY_OK(mapped);
        QVERIFY(mapped->isEmpty());
    }

    void missingScope()
    {
        // The viewer app lacks variant.rsid, abundance.default, model.default, service.file:read.
        BGE_VERIFY_API_ERROR(await(m_viewer->api.variants(m_genomic, {u"rs671"_s})), 401);
        BGE_VERIFY_API_ERROR(await(m_viewer->api.taxonAbundance(m_metagenomic)), 401);
        BGE_VERIFY_API_ERROR(
            await(m_viewer->api.invokeModel(u"zS68QlusdT2RWsZ"_s, {{u"biosample_id"_s, m_metagenomic}})),
            401);

        // The desktop app, signed in with fewer scopes than it may ask for.
        const std::unique_ptr<ClientStack> narrow = makeStack(m_sandbox, u"bge-desktop-demo"_s);
        const Result<TokenGrant> grant =
            signIn(*narrow, m_sandbox, m_username, {u"profile.default"_s, u"sample.default:read"_s});
        BGE_VERIFY_OK(grant);
        QStringList scopes = grant->scopes;
        scopes.sort();
        QCOMPARE(scopes, (QStringList{u"profile.default"_s, u"sample.default:read"_s}));
        narrow->session.setGrant(grant.value());
        BGE_VERIFY_OK(await(narrow->api.user()));
        BGE_VERIFY_OK(await(narrow->api.sample(m_genomic)));
        const Result<QList<Variant>> variants = await(narrow->api.variants(m_genomic, {u"rs671"_s}));
        BGE_VERIFY_API_ERROR(variants, 401);
        BGE_VERIFY_API_ERROR(await(narrow->api.downloadUrl(u"any"_s)), 401);
        QCOMPARE(narrow->session.renewalCount(), 0); // 401 is not a token problem: no renewal
    }

    void clientCredentialsOnUserOnlyEndpoints()
    {
        const Result<User> profile = await(m_app->api.user());
        BGE_VERIFY_API_ERROR(profile, 40015);
        QCOMPARE(profile.error().apiMessage(), u"本接口不支持客户端模式的应用访问"_s);
        BGE_VERIFY_API_ERROR(await(m_app->api.taxonAbundance(m_appMetagenomic)), 40015);
        BGE_VERIFY_API_ERROR(await(m_app->api.functionAbundance(m_appMetagenomic, u"go"_s)), 40015);
        BGE_VERIFY_API_ERROR(await(m_app->api.geneAbundance(m_appMetagenomic, u"IGC_9.9M"_s, u"list"_s)),
                             40015);

        // What the app may do, it does, on its own samples only.
        const Result<Sample> own = await(m_app->api.sample(m_appMetagenomic));
        BGE_VERIFY_OK(own);
        QCOMPARE(own->biosampleId, m_appMetagenomic);
        BGE_VERIFY_API_ERROR(await(m_app->api.sample(m_genomic)), 41303);
        QCOMPARE(m_app->session.renewal(), Session::Renewal::ClientCredentials);
        QVERIFY(m_app->session.grant().refreshToken.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlatformApi)
#include "tst_platformapi.moc"
