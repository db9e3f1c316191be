// /profile and the sample calls: list, one sample, external ids, register, improve.
#include "apicontext.h"
#include "demoworld.h"
#include "envelope.h"
#include "platformcodes.h"
#include "requestparams.h"
#include "samplejson.h"
#include "samplerepository.h"
#include "sampleaccess.h"

#include <QJsonArray>

#include <httplib.h>

#include <algorithm>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxSamplesPerPage = 100; // sandbox convention

// Allowed values for improvable library fields (INSDC/SRA vocabularies).
const QHash<QString, QStringList>& libraryVocabulary()
{
    static const QHash<QString, QStringList> kVocabulary = {
        {u"library_id"_s, {}},
        {u"library_strategy"_s, {u"WGS"_s, u"WXS"_s, u"AMPLICON"_s, u"RNA-Seq"_s, u"Targeted-Capture"_s, u"OTHER"_s}},
        {u"library_source"_s, {u"GENOMIC"_s, u"METAGENOMIC"_s, u"TRANSCRIPTOMIC"_s, u"METATRANSCRIPTOMIC"_s, u"OTHER"_s}},
        {u"library_selection"_s, {u"RANDOM"_s, u"PCR"_s, u"Hybrid Selection"_s, u"size fractionation"_s, u"other"_s}},
        {u"library_layout"_s, {u"SINGLE"_s, u"PAIRED"_s}},
    };
    return kVocabulary;
}

// Checks one improvable field; a QString describing the problem, or empty when valid.
QString libraryFieldProblem(const QString& name, const QString& value)
{
    const auto it = libraryVocabulary().constFind(name);
    if (it == libraryVocabulary().cend())
        return u"未知字段"_s;
    if (value.trimmed().isEmpty())
        return u"不能为空"_s;
    if (!it->isEmpty() && !it->contains(value))
        return u"取值应为 "_s + it->join(u", "_s);
    return {};
}

void handleProfile(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::UserOnly, "profile.default");
    if (!grant)
        return;
    const DemoUser* u = api.world.findUser(grant->principal.username);
    if (!u)
        return sendError(res, ApiCode::InvalidToken);
    sendSuccess(res, QJsonObject{{u"birthday"_s, u->birthday},
                                 {u"sex"_s, u->sex},
                                 {u"personnelInfoCode"_s, u->personnelInfoCode},
                                 {u"avatar"_s, QJsonValue(QJsonValue::Null)},
                                 {u"nickname"_s, u->nickname},
                                 {u"email"_s, u->email},
                                 {u"username"_s, u->username},
                                 {u"userId"_s, u->userId},
                                 {u"userAddress"_s, u->address},
                                 {u"phone"_s, u->phone}});
}

void handleSamples(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::Both, "sample.default:read");
    if (!grant)
        return;
    const RequestParams p(req);
    const auto ids = p.stringList("biosample_ids");
    const auto sites = p.intList("biosample_sites", 1, 15);
    const auto omics = p.intList("omics", 1, 2);
    const auto organismCodes = p.intList("organisms", 1, 3);
    const auto projects = p.stringList("project_ids");
    const auto statuses = p.intList("statuses", 1, 99999);
    const auto withFiles = p.boolean("require_files", false);
    // The reference names the page parameter `page`; older SDKs send `next_page`.
    const auto page = p.integer(p.has("page") ? "page" : "next_page", 1, 1, 1000000);
    const auto limit = p.integer("limit", 50, 1, kMaxSamplesPerPage);
    const bool availabilityGiven = p.has("data_availability");
    const auto availability = p.boolean("data_availability", false);
    if (!ids || !sites || !omics || !organismCodes || !projects || !statuses || !withFiles || !page || !limit
        || !availability)
        return sendError(res, ApiCode::InvalidParameter);
    for (const int s : *statuses) {
        if (!findCode(sampleStatuses(), s))
            return sendError(res, ApiCode::InvalidParameter);
    }

    // One pass over the samples: all are counted, only the page's are copied.
    const qsizetype first = qsizetype(*page - 1) * *limit;
    qsizetype matching = 0;
    QList<Sample> onPage;
    api.samples.forEachVisible(grant->principal, [&](const Sample& s) {
        if ((!ids->isEmpty() && !ids->contains(s.biosampleId, Qt::CaseInsensitive))
            || (!sites->isEmpty() && !sites->contains(s.site)) || (!omics->isEmpty() && !omics->contains(s.omic))
            || (!organismCodes->isEmpty() && !organismCodes->contains(s.organism))
            || (!statuses->isEmpty() && !statuses->contains(s.status))
            || (availabilityGiven && s.dataAvailability != *availability))
            return true;
        if (!projects->isEmpty()) {
            const bool inProject = std::any_of(s.projectIds.cbegin(), s.projectIds.cend(),
                                               [&](const QString& id) { return projects->contains(id); });
            if (!inProject)
                return true;
        }
        if (matching >= first && matching < first + *limit)
            onPage.append(s);
        ++matching;
        return true;
    });

    QJsonArray result;
    for (const Sample& s : std::as_const(onPage))
        result.append(sampleToJson(s, api.world, *withFiles));
    const bool more = first + *limit < matching;
    sendSuccess(res,
                QJsonObject{{u"result"_s, result},
                            {u"count"_s, double(matching)},
                            {u"next_page"_s, more ? QJsonValue(*page + 1) : QJsonValue(QJsonValue::Null)}});
}

void handleSample(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::Both, "sample.default:read");
    if (!grant)
        return;
    const auto withFiles = RequestParams(req).boolean("require_files", false);
    if (!withFiles)
        return sendError(res, ApiCode::InvalidParameter);
    const auto sample = ownSample(api, grant->principal, QString::fromStdString(req.matches[1]));
    if (!sample)
        return sendError(res, ApiCode::NotOwnSample);
    sendSuccess(res, sampleToJson(*sample, api.world, *withFiles));
}

void handleExternals(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::Both, "sample.default:read");
    if (!grant)
        return;
    const RequestParams p(req);
    const auto externalIds = p.stringList("external_ids");
    const auto site = p.integer("biosample_site", 0, 1, 15);
    // The platform refuses a lookup without a project (its SDK's own tests expect 41001); an
    // unknown project is not an error, it simply matches nothing (sandbox convention, as for
    // unknown taxon ids).
    const auto projectId = p.required("project_id");
    if (!externalIds || externalIds->isEmpty() || !site || !projectId)
        return sendError(res, ApiCode::InvalidParameter);
    QJsonArray result;
    for (const QString& externalId : *externalIds) {
        if (const auto s = api.samples.findByExternalId(grant->principal, externalId, *site, *projectId))
            result.append(QJsonObject{{u"external_sample_id"_s, externalId}, {u"biosample_id"_s, s->biosampleId}});
    }
    sendSuccess(res, result);
}

void handleRegister(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::Both, "sample.default:write");
    if (!grant)
        return;
    const RequestParams p(req);
    const QString externalId = p.value("external_sample_id").trimmed();
    const auto site = p.integer("biosample_site", 0, 1, 15);
    const QString projectId = p.value("project_id").trimmed();
    const auto duplicates = p.boolean("duplicate_enabled", false);
    if (externalId.isEmpty() || externalId.size() > 64 || !site || *site == 0 || !duplicates
        || !api.world.findProject(projectId))
        return sendError(res, ApiCode::InvalidParameter);

    Sample s;
    for (const auto& [name, value] : p.all()) {
        if (name == u"external_sample_id" || name == u"biosample_site" || name == u"project_id"
            || name == u"duplicate_enabled")
            continue;
        if (const QString problem = libraryFieldProblem(name, value); !problem.isEmpty())
            return sendError(res, ApiCode::InvalidParameter, QJsonObject{{name, problem}});
        s.improvable.insert(name, value);
    }
    if (!*duplicates) {
        if (const auto existing = api.samples.findByExternalId(grant->principal, externalId, *site, projectId))
            return sendError(res, ApiCode::InvalidParameter,
                             QJsonObject{{u"external_sample_id"_s, u"已登记"_s},
                                         {u"biosample_id"_s, existing->biosampleId}});
    }
    for (const QString& field : libraryVocabulary().keys()) {
        if (!s.improvable.contains(field))
            s.improvable.insert(field, QString());
    }
    s.site = *site;
    s.omic = (*site == kSiteBlood || *site == kSiteSaliva) ? kOmicGenomics : kOmicMetagenomics;
    s.organism = api.world.findProject(projectId)->organism;
    s.status = kStatusRegistered;
    s.ownerUser = grant->principal.username;
    s.ownerClient = grant->principal.clientId;
    s.projectIds = {projectId};
    s.externalSampleId = externalId;
    s.updateTime = QDateTime::currentDateTimeUtc();
    sendSuccess(res, api.samples.add(s, api.world.seed()));
}

void handleImprove(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::Both, "sample.default:write");
    if (!grant)
        return;
    const RequestParams p(req);
    const auto id = p.required("biosample_id");
    if (!id)
        return sendError(res, ApiCode::InvalidParameter);
    auto sample = ownSample(api, grant->principal, *id);
    if (!sample)
        return sendError(res, ApiCode::NotOwnSample);
    int changes = 0;
    for (const auto& [name, value] : p.all()) {
        if (name == u"biosample_id")
            continue;
        if (const QString problem = libraryFieldProblem(name, value); !problem.isEmpty())
            return sendError(res, ApiCode::InvalidParameter, QJsonObject{{name, problem}});
        // A field that already has a value cannot be changed.
        if (!sample->improvable.value(name).isEmpty())
            return sendError(res, ApiCode::InvalidParameter, QJsonObject{{name, u"已有值，不可修改"_s}});
        sample->improvable.insert(name, value);
        ++changes;
    }
    if (changes == 0)
        return sendError(res, ApiCode::InvalidParameter);
    sample->updateTime = QDateTime::currentDateTimeUtc();
    api.samples.replace(*sample);
    sendSuccess(res, QJsonValue(QJsonValue::Null));
}

} // namespace

void registerSampleRoutes(httplib::Server& server, ApiContext& api)
{
    const auto bind = [&api](void (*handler)(ApiContext&, const httplib::Request&, httplib::Response&)) {
        return [&api, handler](const httplib::Request& req, httplib::Response& res) { handler(api, req, res); };
    };
    server.Get("/profile", bind(&handleProfile));
    server.Get("/samples", bind(&handleSamples));
    server.Get("/samples/external_ids", bind(&handleExternals));
    server.Post("/samples/register", bind(&handleRegister));
    server.Post("/samples/improve", bind(&handleImprove));
    server.Get(R"(/samples/([^/]+))", bind(&handleSample));
}

} // namespace bge::sandbox
