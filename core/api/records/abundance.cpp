#include "abundance.h"

#include "api/jsonfields.h"

namespace bge {

using namespace Qt::StringLiterals;

namespace {

Observation readObservation(JsonFields& parent)
{
    Observation o;
    if (!parent.object().contains(u"observation"))
        return o;
    JsonFields f(parent.objectField(u"observation"), parent.childPath(u"observation"));
    o.value = f.number(u"value");
    o.unit = f.string(u"unit");
    o.type = f.string(u"type");
    parent.merge(f);
    return o;
}

CohortBackground readBackground(JsonFields& parent)
{
    CohortBackground b;
    if (!parent.object().contains(u"background"))
        return b;
    JsonFields f(parent.objectField(u"background"), parent.childPath(u"background"));
    b.referenceCohort = f.string(u"reference_cohort");
    b.frequency = f.number(u"freq");
    b.mean = f.number(u"mean");
    b.rankRatio = f.string(u"rank_ratio");
    const QJsonObject percentiles = f.objectField(u"background");
    for (auto it = percentiles.begin(); it != percentiles.end(); ++it) {
        bool isNumber = false;
        const int pct = QString(it.key()).remove(u'%').toInt(&isNumber);
        if (!isNumber || !it.value().isDouble()) {
            f.fail(u"%1.background.%2: expected a number under a percentile key"_s.arg(parent.childPath(u"background"),
                                                                                         it.key()));
            continue;
        }
        b.percentiles.insert(pct, it.value().toDouble());
    }
    parent.merge(f);
    return b;
}

} // namespace

Result<TaxonAbundance> TaxonAbundance::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"taxon_abundance"_s);
    TaxonAbundance t;
    JsonFields taxonomy(f.objectField(u"taxonomy"), f.childPath(u"taxonomy"));
    t.taxonId = taxonomy.requiredString(u"taxon_id");
    t.taxonName = taxonomy.string(u"taxon_name");
    t.lineage = taxonomy.string(u"lineage");
    t.rank = taxonomy.string(u"rank");
    f.merge(taxonomy);
    t.observation = readObservation(f);
    t.background = readBackground(f);
    t.raw = f.object();
    if (!f.ok())
        return f.error();
    return t;
}

Result<FunctionAbundance> FunctionAbundance::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"func_abundance"_s);
    FunctionAbundance a;
    JsonFields coding(f.objectField(u"coding"), f.childPath(u"coding"));
    a.functionId = coding.requiredString(u"id");
    a.system = coding.string(u"system");
    a.name = coding.string(u"display");
    f.merge(coding);
    a.observation = readObservation(f);
    a.raw = f.object();
    if (!f.ok())
        return f.error();
    return a;
}

Result<GeneAbundance> GeneAbundance::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"gene_abundance"_s);
    GeneAbundance g;
    g.catalog = f.string(u"catalog");
    g.dataType = f.string(u"data_type");
    if (f.object().contains(u"file")) {
        JsonFields file(f.objectField(u"file"), f.childPath(u"file"));
        g.fileObjectName = file.requiredString(u"object_name");
        g.fileName = file.string(u"file_name");
        g.fileSize = file.integer(u"size").value_or(-1);
        g.fileMd5 = file.string(u"md5");
        f.merge(file);
    } else {
        JsonFields gene(f.objectField(u"igc_gene"), f.childPath(u"igc_gene"));
        g.geneId = gene.requiredString(u"igc_gene_id");
        g.geneName = gene.string(u"igc_gene_name");
        g.annotation = gene.objectField(u"annotation");
        f.merge(gene);
        g.observation = readObservation(f);
    }
    g.raw = f.object();
    if (!f.ok())
        return f.error();
    return g;
}

} // namespace bge
