#include "variantrecords.h"

#include "catalog/variantcatalog.h"
#include "catalogtext.h"
#include "demorandom.h"

#include <QJsonArray>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {


DemoRandom rngFor(const Sample& sample, const catalog::KnownVariant& variant, quint64 seed)
{
    return DemoRandom::derive(seed, u"variant:" + sample.biosampleId + u':' + toQString(variant.rsid));
}

} // namespace

QString VariantCall::genotype() const
{
    if (noCall)
        return u"./."_s;
    return alternateCount == 0 ? u"0/0"_s : alternateCount == 1 ? u"0/1"_s : u"1/1"_s;
}

VariantCall callVariant(const Sample& sample, const catalog::KnownVariant& variant, quint64 seed)
{
    DemoRandom rng = rngFor(sample, variant, seed);
    const double q = variant.eastAsianAlternateFrequency;
    const double r = rng.uniform();
    VariantCall call;
    call.alternateCount = r < q * q ? 2 : r < q * q + 2 * q * (1 - q) ? 1 : 0;
    call.noCall = rng.chance(0.01);
    call.depth = call.noCall ? rng.range(0, 4) : rng.range(18, 120);
    call.genotypeQuality = call.noCall ? 0 : std::min(99, 20 + call.depth * 2);
    return call;
}

QString basesGenotype(const catalog::KnownVariant& variant, const VariantCall& call)
{
    if (call.noCall)
        return u"./."_s;
    const QString ref = toQString(variant.reference);
    const QString alt = toQString(variant.alternate);
    return call.alternateCount == 0 ? ref + u'/' + ref : call.alternateCount == 1 ? ref + u'/' + alt : alt + u'/' + alt;
}

QJsonObject variantRecord(const Sample& sample, const catalog::KnownVariant& v, quint64 seed)
{
    const VariantCall call = callVariant(sample, v, seed);
    DemoRandom rng = rngFor(sample, v, seed ^ 0x5EEDULL);

    // Allele depths and phred-scaled likelihoods consistent with the call.
    const int altReads = call.alternateCount == 0 ? rng.range(0, 1)
                         : call.alternateCount == 2 ? call.depth - rng.range(0, 1)
                                                    : int(call.depth * rng.uniform(0.38, 0.62));
    const int refReads = std::max(0, call.depth - altReads);
    const int strong = call.depth * 15;
    const QString pl = call.alternateCount == 0   ? u"0,%1,%2"_s.arg(call.depth * 3).arg(strong)
                       : call.alternateCount == 1 ? u"%1,0,%2"_s.arg(refReads * 15).arg(altReads * 15)
                                                  : u"%1,%2,0"_s.arg(strong).arg(call.depth * 3);
    const double q = v.alternateFrequency;
    const double caf = std::round(v.eastAsianAlternateFrequency * 10000) / 10000;

    QJsonObject callObject{{u"DP"_s, call.depth},
                           {u"PL"_s, call.noCall ? QJsonValue(QJsonValue::Null) : QJsonValue(pl)},
                           {u"AD"_s, QJsonArray{refReads, altReads}},
                           {u"GQ"_s, call.genotypeQuality},
                           {u"GT"_s, call.genotype()}};
    QJsonObject variant{
        {u"call"_s, callObject},
        {u"chromosome"_s, toQString(v.chromosome)},
        {u"information"_s,
         QJsonObject{{u"frequency"_s, QJsonObject{{u"TOPMED"_s, QJsonArray{1 - q, q}},
                                                  {u"CAF"_s, QJsonArray{std::round((1 - caf) * 10000) / 10000, caf}}}},
                     {u"AN"_s, 2},
                     {u"site_quality"_s, std::round(call.depth * rng.uniform(12, 16) * 100) / 100},
                     {u"DP"_s, call.depth}}},
        {u"type"_s, toQString(v.type)},
        {u"genotype"_s, basesGenotype(v, call)},
        {u"reference_base"_s, toQString(v.reference)},
        {u"position"_s, double(v.position)},
        {u"alternate_base"_s, QJsonArray{toQString(v.alternate)}},
    };
    QJsonArray mrna;
    if (!v.mrna.empty())
        mrna.append(QJsonObject{{u"mRNA"_s, toQString(v.mrna)}, {u"protein"_s, QJsonValue(QJsonValue::Null)}});
    const QJsonObject gene{{u"symbol"_s, toQString(v.gene)},
                           {u"version"_s, QJsonObject{{u"mRNA_and_protein"_s, mrna},
                                                      {u"RNA"_s, QJsonArray()},
                                                      {u"Genomic"_s, QJsonArray()}}},
                           {u"coding"_s, QJsonObject{{u"system"_s, u"https://www.ncbi.nlm.nih.gov"_s}}}};
    return {
        {u"source"_s, QJsonObject{{u"tag"_s, QJsonObject{{u"assembly_synonym"_s, u"GRCh38"_s}, {u"dbSNP_build"_s, 151}}},
                                  {u"update_time"_s, sample.updateTime.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s)},
                                  {u"pipeline_version"_s, u"WGSAI3.0-l"_s}}},
        {u"is_assayed"_s, true},
        {u"genomic_context"_s, QJsonObject{{u"gene"_s, QJsonArray{gene}}}},
        {u"variant"_s, variant},
        {u"is_genotyped"_s, !call.noCall},
        {u"batch_no"_s, 0},
        {u"alternate_id"_s, QJsonArray{toQString(v.rsid)}},
        {u"coordinate_system"_s, 0},
        {u"is_no_call"_s, call.noCall},
        {u"variant_id"_s, rng.uuid()},
    };
}

} // namespace bge::sandbox
