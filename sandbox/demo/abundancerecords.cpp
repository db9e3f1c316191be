#include "abundancerecords.h"

#include "catalog/functioncatalog.h"
#include "catalog/genecatalog.h"
#include "catalog/taxoncatalog.h"
#include "cohortstatistics.h"
#include "catalogtext.h"
#include "demorandom.h"
#include "platformcodes.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {


double significant(double v)
{
    return v == 0 ? 0 : std::stod(QString::number(v, 'g', 6).toStdString());
}

CohortDistribution cohortOf(const catalog::KnownTaxon& t)
{
    return {std::max(t.cohortMedian, 1e-5), std::clamp(t.cohortPrevalence, 0.01, 1.0), 1.3};
}

} // namespace

QJsonObject sampleInfo(const Sample& sample)
{
    const CodedValue* site = findCode(biosampleSites(), sample.site);
    return {{u"biosample_id"_s, sample.biosampleId},
            {u"sample_time"_s, sample.collectionTime.isValid()
                                   ? QJsonValue(sample.collectionTime.date().toString(Qt::ISODate))
                                   : QJsonValue(QJsonValue::Null)},
            {u"biosample_site"_s, site ? QString::fromUtf16(site->display) : QString()}};
}

QList<TaxonObservation> taxonProfile(const Sample& sample, quint64 seed)
{
    DemoRandom rng = DemoRandom::derive(seed, u"taxa:" + sample.biosampleId);
    const auto taxa = catalog::knownTaxa();

    // Species first: present with the cohort's prevalence, log-normal abundance.
    QHash<const catalog::KnownTaxon*, double> values;
    double speciesTotal = 0;
    for (const auto& t : taxa) {
        if (t.rank != "species")
            continue;
        const double z = rng.normal();
        if (!rng.chance(t.cohortPrevalence))
            continue;
        const double v = cohortOf(t).sample(z);
        values.insert(&t, v);
        speciesTotal += v;
    }
    // Scale the species to the share a profiler classifies at species level.
    const double classified = rng.uniform(62, 88);
    for (auto& v : values)
        v = speciesTotal > 0 ? v * classified / speciesTotal : 0;

    // Every higher rank: its species plus members the catalogue does not list.
    QHash<const catalog::KnownTaxon*, double> ofListedSpecies;
    for (const auto& t : taxa) {
        if (t.rank == "species")
            continue;
        const QString lineage = toQString(t.lineage);
        double sum = 0;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (it.key()->rank == "species" && toQString(it.key()->lineage).startsWith(lineage + u'|'))
                sum += it.value();
        }
        const double extra = rng.chance(t.cohortPrevalence) ? cohortOf(t).sample(rng.normal()) * 0.15 : 0;
        const double v = std::min(99.9, sum > 0 ? sum * rng.uniform(1.02, 1.2) + extra : extra);
        if (v > 0) {
            values.insert(&t, v);
            ofListedSpecies.insert(&t, sum);
        }
    }
    // Relative abundances of one rank share the sample's reads: as a profiler reports them,
    // they sum to at most 100 %. The unlisted members are what gives way; the listed species
    // stay inside their genus, family and so on.
    constexpr double kRankCeiling = 99.5;
    QHash<QString, std::pair<double, double>> rankTotals; // rank → (all, of listed species)
    for (auto it = ofListedSpecies.cbegin(); it != ofListedSpecies.cend(); ++it) {
        auto& [all, listed] = rankTotals[toQString(it.key()->rank)];
        all += values.value(it.key());
        listed += it.value();
    }
    for (auto it = ofListedSpecies.cbegin(); it != ofListedSpecies.cend(); ++it) {
        const auto [all, listed] = rankTotals.value(toQString(it.key()->rank));
        if (all <= kRankCeiling || all <= listed)
            continue;
        const double shrink = std::max(0.0, (kRankCeiling - listed) / (all - listed));
        double& v = values[it.key()];
        v = it.value() + (v - it.value()) * shrink;
        if (v <= 0)
            values.remove(it.key());
    }

    QList<TaxonObservation> profile;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        profile.append({it.key(), significant(it.value())});
    std::sort(profile.begin(), profile.end(), [](const auto& a, const auto& b) {
        return a.value != b.value ? a.value > b.value : a.taxon->taxonId < b.taxon->taxonId;
    });
    return profile;
}

QJsonObject taxonRecord(const Sample& sample, const TaxonObservation& o)
{
    const catalog::KnownTaxon& t = *o.taxon;
    return {{u"platform_labels"_s, QJsonArray{sample.instrumentModel.value(0, u"BGISEQ-500"_s)}},
            {u"background"_s, cohortOf(t).backgroundJson(o.value)},
            {u"sample_info"_s, sampleInfo(sample)},
            {u"observation"_s, QJsonObject{{u"unit"_s, u"percent"_s},
                                           {u"type"_s, u"relative abundance"_s},
                                           {u"value"_s, o.value}}},
            {u"taxonomy"_s, QJsonObject{{u"taxon_name"_s, toQString(t.name)},
                                        {u"coding"_s, QJsonObject{{u"system"_s, u"https://open.bge.genomics.cn"_s}}},
                                        {u"taxon_id"_s, toQString(t.taxonId)},
                                        {u"lineage"_s, toQString(t.lineage)},
                                        {u"rank"_s, toQString(t.rank)}}}};
}

QList<FunctionObservation> functionProfile(const Sample& sample, const catalog::FunctionCatalog& c, quint64 seed)
{
    DemoRandom rng = DemoRandom::derive(seed, u"functions:" + sample.biosampleId + u':' + toQString(c.catalog));
    QList<FunctionObservation> profile;
    double total = 0;
    for (const auto& f : c.functions) {
        const double v = std::exp(rng.normal() * 1.6) * rng.uniform(0.5, 2.0);
        if (rng.chance(0.9)) {
            profile.append({&f, v});
            total += v;
        }
    }
    // A few percent of all reads map to the catalogue's listed entries.
    const double share = rng.uniform(2, 9);
    for (auto& o : profile)
        o.value = significant(o.value * share / total);
    std::sort(profile.begin(), profile.end(), [](const auto& a, const auto& b) { return a.value > b.value; });
    return profile;
}

QJsonObject functionRecord(const Sample& sample, const catalog::FunctionCatalog& c, const FunctionObservation& o,
                           quint64 seed)
{
    DemoRandom rng = DemoRandom::derive(seed, u"element:" + sample.biosampleId + u':' + toQString(o.function->id));
    return {{u"sample_info"_s, sampleInfo(sample)},
            {u"platform_labels"_s, QJsonArray()},
            {u"data_element_id"_s, rng.uuid()},
            // "display" is a sandbox addition (FHIR-style coding), so clients can show names.
            {u"coding"_s, QJsonObject{{u"system"_s, toQString(c.codingSystem)},
                                      {u"id"_s, toQString(o.function->id)},
                                      {u"display"_s, toQString(o.function->name)}}},
            {u"observation"_s, QJsonObject{{u"unit"_s, u"percent"_s},
                                           {u"type"_s, u"relative abundance"_s},
                                           {u"value"_s, o.value}}}};
}

QList<GeneObservation> igcGeneProfile(const Sample& sample, quint64 seed)
{
    DemoRandom rng = DemoRandom::derive(seed, u"igc:" + sample.biosampleId);
    QList<GeneObservation> profile;
    for (const auto& g : catalog::igcGenes()) {
        const double v = 2e-8 * std::exp(rng.normal() * 2.0);
        if (rng.chance(0.7))
            profile.append({&g, significant(v)});
    }
    std::sort(profile.begin(), profile.end(), [](const auto& a, const auto& b) { return a.value > b.value; });
    return profile;
}

QJsonObject igcGeneRecord(const Sample& sample, const GeneObservation& o)
{
    const catalog::KnownIgcGene& g = *o.gene;
    return {{u"platform_labels"_s, QJsonValue(QJsonValue::Null)},
            {u"sample_info"_s, sampleInfo(sample)},
            {u"observation"_s, QJsonObject{{u"value"_s, o.value},
                                           {u"software"_s, u"IGC_PROFILING(10.1038/nbt.2942/)"_s},
                                           {u"type"_s, u"relative abundance"_s},
                                           {u"unit"_s, u"percent"_s}}},
            {u"igc_gene"_s,
             QJsonObject{{u"igc_gene_id"_s, toQString(g.igcGeneId)},
                         {u"coding"_s, QJsonObject{{u"system"_s, u"http://meta.genomics.cn"_s}}},
                         {u"annotation"_s, QJsonObject{{u"kegg_annotation"_s, toQString(g.keggAnnotation)},
                                                       {u"phylum"_s, toQString(g.phylum)},
                                                       {u"genus"_s, toQString(g.genus)},
                                                       {u"gene_completeness"_s, toQString(g.completeness)},
                                                       {u"eggnog_annotation"_s, toQString(g.eggnogAnnotation)},
                                                       {u"gene_length"_s, g.geneLength}}},
                         {u"igc_gene_name"_s, toQString(g.igcGeneName)}}}};
}

QJsonObject geneFileRecord(const Sample& sample, const QString& catalogName, const SampleFile& file)
{
    // Sandbox convention for data_type=file: the record names the result file to download
    // through /oss/sign_url.
    return {{u"sample_info"_s, sampleInfo(sample)},
            {u"platform_labels"_s, QJsonValue(QJsonValue::Null)},
            {u"catalog"_s, catalogName},
            {u"data_type"_s, u"file"_s},
            {u"file"_s, QJsonObject{{u"object_name"_s, file.objectName},
                                    {u"file_name"_s, file.fileName},
                                    {u"format"_s, file.format},
                                    {u"size"_s, double(file.size)},
                                    {u"md5"_s, file.md5}}}};
}

} // namespace bge::sandbox
