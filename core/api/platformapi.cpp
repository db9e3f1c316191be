#include "platformapi.h"

#include "immediatejob.h"
#include "listparsers.h"
#include "variantsjob.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>

namespace bge {

using namespace Qt::StringLiterals;

namespace {

QString joinInts(const QList<int>& values)
{
    QStringList parts;
    for (const int v : values)
        parts.append(QString::number(v));
    return parts.join(u',');
}

QString commaList(const QStringList& values)
{
    return values.isEmpty() ? QString() : values.join(u',');
}

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

// The SDK upper-cases biosample ids before sending; so do we.
QString normalizedId(const QString& biosampleId)
{
    return biosampleId.trimmed().toUpper();
}

template <typename T>
Job<T>* makeJob(ApiConnection* connection, ApiRequest request, typename ApiJob<T>::Parser parser)
{
    return new ApiJob<T>(connection, std::move(request), std::move(parser));
}

template <typename T>
typename ApiJob<T>::Parser recordParser()
{
    return [](const Envelope& e) { return T::fromJson(e.data); };
}

template <typename T>
Job<T>* refuse(const QString& problem)
{
    return new ImmediateJob<T>(ApiError::usage(problem));
}

void addPage(ApiRequest& request, const PageToken& page, const char* numberParameter, int limit)
{
    if (page.number())
        request.add(QString::fromLatin1(numberParameter), QString::number(*page.number()));
    else if (!page.cursorText().isEmpty())
        request.add(u"next_page"_s, page.cursorText());
    request.add(u"limit"_s, QString::number(limit));
}

} // namespace

QStringList functionCatalogs()
{
    return {u"go"_s, u"ko"_s, u"eggnog"_s, u"pfam"_s, u"kegg-pwy"_s, u"kegg-mdl"_s, u"level4ec"_s, u"metacyc-rxn"_s,
            u"metacyc-pwy"_s};
}

QStringList geneCatalogs()
{
    return {u"IGC_9.9M"_s, u"UniRef90_HUMAnN2_0.11"_s};
}

QStringList geneDataTypes()
{
    return {u"list"_s, u"file"_s};
}

QStringList PlatformApi::invalidRsids(const QStringList& rsids)
{
    static const QRegularExpression kRsid(u"^rs[0-9]+$"_s);
    QStringList bad;
    for (const QString& rsid : rsids) {
        if (!kRsid.match(rsid).hasMatch())
            bad.append(rsid.isEmpty() ? u"(empty)"_s : rsid);
    }
    return bad;
}

Job<QString>* PlatformApi::ping()
{
    return makeJob<QString>(m_connection, ApiRequest::get(u"/ping"_s).withoutAuth(), [](const Envelope& e) -> Result<QString> {
        if (!e.data.isString())
            return ApiError::malformed(u"ping: expected a string, got %1"_s.arg(jsonTypeName(e.data)));
        return e.data.toString();
    });
}

Job<TokenInfo>* PlatformApi::introspect(const QString& accessToken)
{
    ApiRequest r = ApiRequest::get(u"/oauth2/introspect"_s).withSensitiveAnswer();
    if (accessToken.isEmpty())
        r.introspectsBearer = true;
    else
        r.add(u"token"_s, accessToken);
    return makeJob<TokenInfo>(m_connection, r, recordParser<TokenInfo>());
}

Job<User>* PlatformApi::user()
{
    return makeJob<User>(m_connection, ApiRequest::get(u"/profile"_s), recordParser<User>());
}

Job<Page<Sample>>* PlatformApi::samples(const SampleQuery& q, const PageToken& page, int limit)
{
    if (!page.cursorText().isEmpty())
        return refuse<Page<Sample>>(
            QCoreApplication::translate("bge::PlatformApi", "samples are paged by number, not by cursor: %1").arg(page.cursorText()));
    ApiRequest r = ApiRequest::get(u"/samples"_s);
    QStringList ids;
    for (const QString& id : q.biosampleIds)
        ids.append(normalizedId(id));
    r.add(u"biosample_ids"_s, commaList(ids));
    if (!q.sites.isEmpty())
        r.add(u"biosample_sites"_s, joinInts(q.sites));
    if (!q.omics.isEmpty())
        r.add(u"omics"_s, joinInts(q.omics));
    r.add(u"project_ids"_s, commaList(q.projectIds));
    if (!q.organisms.isEmpty())
        r.add(u"organisms"_s, joinInts(q.organisms));
    if (q.dataAvailability)
        r.add(u"data_availability"_s, boolText(*q.dataAvailability));
    if (!q.statuses.isEmpty())
        r.add(u"statuses"_s, joinInts(q.statuses));
    if (q.requireFiles)
        r.add(u"require_files"_s, u"true"_s);
    addPage(r, page, "page", limit);
    return makeJob<Page<Sample>>(m_connection, r, [](const Envelope& e) { return parseResultPage<Sample>(e, u"samples"_s); });
}

Job<Sample>* PlatformApi::sample(const QString& biosampleId, bool requireFiles)
{
    const QString id = normalizedId(biosampleId);
    if (id.isEmpty())
        return refuse<Sample>(QCoreApplication::translate("bge::PlatformApi", "a biosample id is required"));
    ApiRequest r = ApiRequest::get(u"/samples/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)));
    if (requireFiles)
        r.add(u"require_files"_s, u"true"_s);
    return makeJob<Sample>(m_connection, r, recordParser<Sample>());
}

Job<QList<ExternalIdMapping>>* PlatformApi::externals(const ExternalIdQuery& q)
{
    if (q.externalIds.isEmpty())
        return refuse<QList<ExternalIdMapping>>(
            QCoreApplication::translate("bge::PlatformApi", "at least one external sample id is required"));
    ApiRequest r = ApiRequest::get(u"/samples/external_ids"_s);
    r.add(u"external_ids"_s, q.externalIds.join(u','));
    if (q.site)
        r.add(u"biosample_site"_s, QString::number(*q.site));
    r.add(u"project_id"_s, q.projectId.isEmpty() ? QString() : q.projectId);
    return makeJob<QList<ExternalIdMapping>>(m_connection, r, [](const Envelope& e) {
        return parseList<ExternalIdMapping>(e.data, u"external_ids"_s);
    });
}

Job<QString>* PlatformApi::registerSample(const SampleRegistration& s)
{
    ApiRequest r = ApiRequest::post(u"/samples/register"_s).notIdempotent();
    r.add(u"external_sample_id"_s, s.externalSampleId);
    r.add(u"biosample_site"_s, QString::number(s.site));
    r.add(u"project_id"_s, s.projectId);
    for (const auto& [name, value] : s.extraFields)
        r.add(name, value);
    r.add(u"duplicate_enabled"_s, boolText(s.duplicateEnabled));
    return makeJob<QString>(m_connection, r, [](const Envelope& e) -> Result<QString> {
        // The reference says "the new biosample_id"; accept it as a string or in an object.
        if (e.data.isString() && !e.data.toString().isEmpty())
            return e.data.toString();
        if (e.data.isObject() && e.data.toObject().value(u"biosample_id").isString())
            return e.data.toObject().value(u"biosample_id").toString();
        return ApiError::malformed(u"register: expected the new biosample id, got %1"_s.arg(jsonTypeName(e.data)));
    });
}

Job<Done>* PlatformApi::improveSample(const QString& biosampleId, const QList<std::pair<QString, QString>>& fields)
{
    if (fields.isEmpty())
        return refuse<Done>(QCoreApplication::translate("bge::PlatformApi", "give at least one field to set"));
    ApiRequest r = ApiRequest::post(u"/samples/improve"_s).notIdempotent();
    r.add(u"biosample_id"_s, normalizedId(biosampleId));
    for (const auto& [name, value] : fields)
        r.add(name, value);
    return makeJob<Done>(m_connection, r, [](const Envelope&) -> Result<Done> { return Done{}; });
}

Job<QList<Variant>>* PlatformApi::variants(const QString& biosampleId, const QStringList& rsids)
{
    if (rsids.isEmpty())
        return refuse<QList<Variant>>(QCoreApplication::translate("bge::PlatformApi", "give at least one rsid"));
    if (const QStringList bad = invalidRsids(rsids); !bad.isEmpty())
        return refuse<QList<Variant>>(
            QCoreApplication::translate("bge::PlatformApi", "not an rsid (rs followed by digits): %1").arg(bad.join(u", "_s)));
    QStringList unique = rsids;
    unique.removeDuplicates();
    const QString id = normalizedId(biosampleId);
    QPointer<ApiConnection> connection = m_connection;
    const auto batch = [connection, id](const QStringList& part) -> Job<QList<Variant>>* {
        if (!connection)
            return new ImmediateJob<QList<Variant>>(ApiError::cancelled());
        ApiRequest r = ApiRequest::get(u"/variants"_s, {{u"biosample_id"_s, id}, {u"rsids"_s, part.join(u',')}});
        return makeJob<QList<Variant>>(connection, r,
                                       [](const Envelope& e) { return parseList<Variant>(e.data, u"variants"_s); });
    };
    if (unique.size() <= kMaxRsidsPerCall)
        return batch(unique);
    return new VariantsJob(unique, kMaxRsidsPerCall, batch);
}

Job<Page<TaxonAbundance>>* PlatformApi::taxonAbundance(const QString& biosampleId, const QStringList& taxonIds,
                                                       const PageToken& page, int limit)
{
    if (!page.cursorText().isEmpty())
        return refuse<Page<TaxonAbundance>>(
            QCoreApplication::translate("bge::PlatformApi", "taxa are paged by number, not by cursor: %1").arg(page.cursorText()));
    ApiRequest r = ApiRequest::get(u"/microbiome/taxon_abundance"_s, {{u"biosample_id"_s, normalizedId(biosampleId)}});
    r.add(u"taxon_id"_s, commaList(taxonIds));
    const qint64 pageNumber = page.number().value_or(1);
    addPage(r, PageToken::pageNumber(pageNumber), "page", limit);
    return makeJob<Page<TaxonAbundance>>(m_connection, r, [pageNumber](const Envelope& e) -> Result<Page<TaxonAbundance>> {
        Result<QList<TaxonAbundance>> items = parseList<TaxonAbundance>(e.data, u"taxon_abundance"_s);
        if (!items)
            return items.error();
        JsonFields pagination(e.pagination, u"pagination"_s);
        const std::optional<qint64> count = pagination.integer(u"count");
        const std::optional<qint64> current = pagination.integer(u"page");
        if (!pagination.ok())
            return pagination.error();
        Page<TaxonAbundance> p;
        p.items = std::move(items.value());
        // Taxa: `count` is the number of records on this page; like the SDK, the next page is
        // page+1 until a page comes back empty (the platform gives no total).
        if (!p.items.isEmpty() && count.value_or(p.items.size()) > 0)
            p.next = PageToken::pageNumber(current.value_or(pageNumber) + 1);
        return p;
    });
}

Job<Page<FunctionAbundance>>* PlatformApi::functionAbundance(const QString& biosampleId, const QString& catalog,
                                                             const QStringList& ids, const PageToken& page, int limit)
{
    if (!functionCatalogs().contains(catalog))
        return refuse<Page<FunctionAbundance>>(
            QCoreApplication::translate("bge::PlatformApi", "unknown function catalog \"%1\" (one of: %2)")
                .arg(catalog, functionCatalogs().join(u", "_s)));
    ApiRequest r = ApiRequest::get(u"/microbiome/func_abundance"_s,
                                   {{u"biosample_id"_s, normalizedId(biosampleId)}, {u"catalog"_s, catalog}});
    r.add(u"ids"_s, commaList(ids));
    addPage(r, page.number() ? PageToken::cursor(page.toString()) : page, "next_page", limit);
    return makeJob<Page<FunctionAbundance>>(m_connection, r, [](const Envelope& e) {
        return parseResultPage<FunctionAbundance>(e, u"func_abundance"_s);
    });
}

Job<Page<GeneAbundance>>* PlatformApi::geneAbundance(const QString& biosampleId, const QString& catalog,
                                                     const QString& dataType, const QStringList& ids,
                                                     const PageToken& page, int limit)
{
    if (!geneCatalogs().contains(catalog))
        return refuse<Page<GeneAbundance>>(
            QCoreApplication::translate("bge::PlatformApi", "unknown gene catalog \"%1\" (one of: %2)")
                .arg(catalog, geneCatalogs().join(u", "_s)));
    if (!geneDataTypes().contains(dataType))
        return refuse<Page<GeneAbundance>>(
            QCoreApplication::translate("bge::PlatformApi", "data type must be \"list\" or \"file\", not \"%1\"").arg(dataType));
    ApiRequest r = ApiRequest::get(u"/microbiome/gene_abundance"_s, {{u"biosample_id"_s, normalizedId(biosampleId)},
                                                                     {u"catalog"_s, catalog},
                                                                     {u"data_type"_s, dataType}});
    r.add(u"ids"_s, commaList(ids));
    addPage(r, page.number() ? PageToken::cursor(page.toString()) : page, "next_page", limit);
    return makeJob<Page<GeneAbundance>>(m_connection, r, [](const Envelope& e) {
        return parseResultPage<GeneAbundance>(e, u"gene_abundance"_s);
    });
}

Job<UploadToken>* PlatformApi::uploadToken(const QString& regionId, bool internal)
{
    // Repeated after a 5xx or a lost connection: each call mints new temporary credentials and
    // changes nothing else, so a second set (if the first answer was lost) is merely unused.
    ApiRequest r = ApiRequest::post(u"/sts/token"_s).withSensitiveAnswer();
    r.add(u"region_id"_s, regionId.isEmpty() ? QString() : regionId);
    if (internal)
        r.add(u"internal"_s, u"true"_s);
    return makeJob<UploadToken>(m_connection, r, recordParser<UploadToken>());
}

Job<DownloadUrl>* PlatformApi::downloadUrl(const QString& objectName, const QString& region, int expirationSeconds)
{
    // Signing a URL changes nothing on the server: safe to retry.
    ApiRequest r = ApiRequest::post(u"/oss/sign_url"_s, {{u"object_name"_s, objectName},
                                                          {u"region"_s, region},
                                                          {u"expiration_time"_s, QString::number(expirationSeconds)}});
    r.withSensitiveAnswer();
    return makeJob<DownloadUrl>(m_connection, r, recordParser<DownloadUrl>());
}

Job<ModelResult>* PlatformApi::invokeModel(const QString& modelId, const QList<std::pair<QString, QString>>& parameters)
{
    if (modelId.trimmed().isEmpty())
        return refuse<ModelResult>(QCoreApplication::translate("bge::PlatformApi", "a model id is required"));
    ApiRequest r = ApiRequest::get(u"/model/"_s + QString::fromLatin1(QUrl::toPercentEncoding(modelId.trimmed())));
    for (const auto& [name, value] : parameters)
        r.add(name, name == u"biosample_id" ? normalizedId(value) : value);
    return makeJob<ModelResult>(m_connection, r, recordParser<ModelResult>());
}

} // namespace bge
