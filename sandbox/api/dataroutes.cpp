// Analysis results: variants by rsid, and taxon / function / gene abundance.
#include "abundancerecords.h"
#include "apicontext.h"
#include "catalogtext.h"
#include "catalog/functioncatalog.h"
#include "catalog/genecatalog.h"
#include "catalog/taxoncatalog.h"
#include "catalog/variantcatalog.h"
#include "demofiles.h"
#include "demoworld.h"
#include "envelope.h"
#include "platformcodes.h"
#include "requestparams.h"
#include "sampleaccess.h"
#include "variantrecords.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <httplib.h>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxRsids = 100;
constexpr int kMaxAbundanceLimit = 1000;

// Opaque cursors, shaped like the platform's (base64 of "<Kind>@<position>").
QString encodeCursor(const QString& kind, qsizetype offset)
{
    return QString::fromLatin1((kind + u'@' + QString::number(offset)).toUtf8().toBase64());
}

std::optional<qsizetype> decodeCursor(const QString& kind, const QString& cursor)
{
    if (cursor.isEmpty())
        return 0;
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QString text = QString::fromUtf8(*decoded);
    if (!text.startsWith(kind + u'@'))
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = text.mid(kind.size() + 1).toLongLong(&ok);
    if (!ok || offset < 0)
        return std::nullopt;
    return offset;
}

void handleVariants(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::Both, "variant.rsid");
    if (!grant)
        return;
    const RequestParams p(req);
    static const QRegularExpression kRsid(u"^rs[0-9]+$"_s);
    const QStringList rsids = p.value("rsids").split(u',');
    const auto id = p.required("biosample_id");
    if (!id || !p.has("rsids") || rsids.size() > kMaxRsids)
        return sendError(res, ApiCode::InvalidParameter);
    for (const QString& rsid : rsids) {
        if (!kRsid.match(rsid).hasMatch())
            return sendError(res, ApiCode::InvalidParameter);
    }
    const auto sample = ownSample(api, grant->principal, *id);
    if (!sample)
        return sendError(res, ApiCode::NotOwnSample);

    // Only analysed genomics samples have calls; rsids outside the assay's catalogue are
    // simply absent from the result.
    QJsonArray result;
    if (sample->omic == kOmicGenomics && sample->dataAvailability) {
        QStringList seen;
        for (const QString& rsid : rsids) {
            const auto* v = catalog::findVariant(rsid.toStdString());
            if (v && !seen.contains(rsid)) {
                seen.append(rsid);
                result.append(variantRecord(*sample, *v, api.world.seed()));
            }
        }
    }
    sendSuccess(res, result);
}

bool hasAbundance(const Sample& s)
{
    return s.omic == kOmicMetagenomics && s.dataAvailability;
}

void handleTaxa(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::UserOnly, "abundance.default");
    if (!grant)
        return;
    const RequestParams p(req);
    const auto page = p.integer(p.has("page") ? "page" : "next_page", 1, 1, 1000000);
    const auto limit = p.integer("limit", 50, 1, kMaxAbundanceLimit);
    const auto id = p.required("biosample_id");
    if (!page || !limit || !id)
        return sendError(res, ApiCode::InvalidParameter);
    const auto sample = ownSample(api, grant->principal, *id);
    if (!sample)
        return sendError(res, ApiCode::NotOwnSample);

    // Malformed or unknown taxon ids are not an error: they match nothing.
    const QStringList wanted = p.value("taxon_id").split(u',', Qt::SkipEmptyParts);
    QList<TaxonObservation> profile;
    if (hasAbundance(*sample)) {
        for (const TaxonObservation& o : taxonProfile(*sample, api.world.seed())) {
            if (wanted.isEmpty() || wanted.contains(toQString(o.taxon->taxonId)))
                profile.append(o);
        }
    }
    QJsonArray data;
    const qsizetype first = qsizetype(*page - 1) * *limit;
    for (qsizetype i = first; i < std::min(profile.size(), first + *limit); ++i)
        data.append(taxonRecord(*sample, profile[i]));
    // `count` is the number of records on this page (the SDK stops when it reaches 0).
    sendSuccess(res, data, {{u"pagination"_s, QJsonObject{{u"count"_s, data.size()}, {u"page"_s, *page}}}});
}

void sendCursorPage(httplib::Response& res, const QJsonArray& all, qsizetype offset, int limit, const QString& kind)
{
    QJsonArray result;
    for (qsizetype i = offset; i < std::min(all.size(), offset + limit); ++i)
        result.append(all[i]);
    const bool more = offset + limit < all.size();
    sendSuccess(res, QJsonObject{{u"result"_s, result},
                                 {u"count"_s, all.size()},
                                 {u"next_page"_s, more ? QJsonValue(encodeCursor(kind, offset + limit))
                                                       : QJsonValue(QJsonValue::Null)},
                                 {u"limit"_s, limit}});
}

void handleFunctions(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::UserOnly, "abundance.default");
    if (!grant)
        return;
    const RequestParams p(req);
    const auto* catalogue = catalog::findFunctionCatalog(p.value("catalog").toStdString());
    const auto ids = p.stringList("ids");
    const auto offset = decodeCursor(u"FuncAbundance"_s, p.value("next_page"));
    const auto limit = p.integer("limit", 50, 1, kMaxAbundanceLimit);
    const auto id = p.required("biosample_id");
    if (!catalogue || !ids || !offset || !limit || !id)
        return sendError(res, ApiCode::InvalidParameter);
    const auto sample = ownSample(api, grant->principal, *id);
    if (!sample)
        return sendError(res, ApiCode::NotOwnSample);
    QJsonArray all;
    if (hasAbundance(*sample)) {
        for (const FunctionObservation& o : functionProfile(*sample, *catalogue, api.world.seed())) {
            if (ids->isEmpty() || ids->contains(toQString(o.function->id)))
                all.append(functionRecord(*sample, *catalogue, o, api.world.seed()));
        }
    }
    sendCursorPage(res, all, *offset, *limit, u"FuncAbundance"_s);
}

void handleGenes(ApiContext& api, const httplib::Request& req, httplib::Response& res)
{
    const auto grant = authorizeCall(api, req, res, AppModes::UserOnly, "abundance.default");
    if (!grant)
        return;
    const RequestParams p(req);
    const QString catalogName = p.value("catalog");
    const QString dataType = p.value("data_type");
    const auto ids = p.stringList("ids");
    const auto offset = decodeCursor(u"GeneAbundance"_s, p.value("next_page"));
    const auto limit = p.integer("limit", 50, 1, kMaxAbundanceLimit);
    const bool igc = catalogName == u"IGC_9.9M";
    const bool uniref = catalogName == u"UniRef90_HUMAnN2_0.11";
    const auto id = p.required("biosample_id");
    if ((!igc && !uniref) || (dataType != u"list" && dataType != u"file") || (uniref && dataType == u"list") || !ids
        || !offset || !limit || !id)
        return sendError(res, ApiCode::InvalidParameter);
    const auto sample = ownSample(api, grant->principal, *id);
    if (!sample)
        return sendError(res, ApiCode::NotOwnSample);
    QJsonArray all;
    if (hasAbundance(*sample)) {
        if (dataType == u"file") {
            if (const SampleFile* file = geneAbundanceFile(*sample, catalogName))
                all.append(geneFileRecord(*sample, catalogName, *file));
        } else {
            for (const GeneObservation& o : igcGeneProfile(*sample, api.world.seed())) {
                if (ids->isEmpty() || ids->contains(toQString(o.gene->igcGeneId)))
                    all.append(igcGeneRecord(*sample, o));
            }
        }
    }
    sendCursorPage(res, all, *offset, *limit, u"GeneAbundance"_s);
}

} // namespace

void registerVariantRoutes(httplib::Server& server, ApiContext& api)
{
    server.Get("/variants", [&api](const httplib::Request& req, httplib::Response& res) { handleVariants(api, req, res); });
}

void registerMicrobiomeRoutes(httplib::Server& server, ApiContext& api)
{
    server.Get("/microbiome/taxon_abundance",
               [&api](const httplib::Request& req, httplib::Response& res) { handleTaxa(api, req, res); });
    server.Get("/microbiome/func_abundance",
               [&api](const httplib::Request& req, httplib::Response& res) { handleFunctions(api, req, res); });
    server.Get("/microbiome/gene_abundance",
               [&api](const httplib::Request& req, httplib::Response& res) { handleGenes(api, req, res); });
}

} // namespace bge::sandbox
