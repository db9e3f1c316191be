#include "interpretationmodels.h"

#include "abundancerecords.h"
#include "catalog/taxoncatalog.h"
#include "catalog/variantcatalog.h"
#include "catalogtext.h"
#include "demorandom.h"
#include "platformcodes.h"
#include "variantrecords.h"

#include <QJsonArray>

#include <array>
#include <cmath>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

QJsonArray cohortScores(quint64 seed, const QString& label, double centre, double spread, int count)
{
    DemoRandom rng = DemoRandom::derive(seed, label);
    QJsonArray values;
    for (int i = 0; i < count; ++i)
        values.append(std::clamp(centre + spread * rng.normal(), 0.001, 0.999));
    return values;
}

double abundanceOf(const QList<TaxonObservation>& profile, std::string_view name)
{
    for (const auto& o : profile) {
        if (o.taxon->name == name)
            return o.value;
    }
    return 0;
}

// Colorectal cancer risk from gut-microbiome markers (the platform's documented example:
// the result shape, including its two differently shaped background groups, is kept as is).
QJsonObject colorectalCancer(const Sample& sample, quint64 seed)
{
    const QList<TaxonObservation> profile = taxonProfile(sample, seed);
    const double fuso = abundanceOf(profile, "s__Fusobacterium_nucleatum");
    const double faecali = abundanceOf(profile, "s__Faecalibacterium_prausnitzii");
    const double score = 1.5 + 0.6 * std::log10(fuso + 1e-4) - 0.5 * std::log10(faecali + 1e-3);
    const double p = std::round(1 / (1 + std::exp(-score)) * 10000) / 10000;
    return {{u"predict_class"_s, p >= 0.5 ? u"Colorectal cancer"_s : u"control"_s},
            {u"disease_probability"_s, p},
            {u"predict_probability"_s, QJsonObject{{u"control"_s, std::round((1 - p) * 10000) / 10000},
                                                   {u"Colorectal cancer"_s, p}}},
            {u"plot_object"_s, QJsonValue(QJsonValue::Null)},
            {u"verbose"_s, QJsonValue(QJsonValue::Null)},
            {u"threshold"_s, 0.5},
            {u"background"_s,
             QJsonArray{QJsonObject{{u"group"_s, u"case"_s},
                                    {u"plot_coord"_s, QJsonObject{{u"y"_s, cohortScores(seed, u"crc-case"_s, 0.78, 0.12, 60)},
                                                                  {u"x"_s, u"case"_s}}}},
                        QJsonObject{{u"group"_s, u"control"_s},
                                    {u"plot_coord"_s,
                                     QJsonObject{{u"probability"_s, cohortScores(seed, u"crc-control"_s, 0.24, 0.12, 60)},
                                                 {u"group"_s, u"control"_s}}}}}}};
}

// Genotype-based models: one or two variants decide a class; the background is the
// cohort's genotype distribution.
struct GenotypeRule
{
    std::string_view rsid;
    std::array<const char16_t*, 3> classes; // by alternate-allele count 0, 1, 2
};

QJsonObject genotypeModel(const Sample& sample, quint64 seed, std::span<const GenotypeRule> rules)
{
    QJsonArray genotypes;
    QJsonArray background;
    QString predicted;
    for (const GenotypeRule& rule : rules) {
        const catalog::KnownVariant* v = catalog::findVariant(rule.rsid);
        if (!v)
            continue;
        const VariantCall call = callVariant(sample, *v, seed);
        const QString rsid = toQString(rule.rsid);
        genotypes.append(QJsonObject{{u"rsid"_s, rsid},
                                     {u"gene"_s, toQString(v->gene)},
                                     {u"genotype"_s, basesGenotype(*v, call)}});
        if (predicted.isEmpty() && !call.noCall)
            predicted = QString::fromUtf16(rule.classes[std::size_t(call.alternateCount)]);
        const double q = v->eastAsianAlternateFrequency;
        const double freqs[] = {(1 - q) * (1 - q), 2 * q * (1 - q), q * q};
        for (int n = 0; n < 3; ++n) {
            const QString label = basesGenotype(*v, VariantCall{n, false, 0, 0});
            background.append(QJsonObject{
                {u"group"_s, QString(rsid + u' ' + label)},
                {u"plot_coord"_s, QJsonObject{{u"x"_s, label}, {u"y"_s, QJsonArray{std::round(freqs[n] * 10000) / 10000}}}}});
        }
    }
    return {{u"predict_class"_s, predicted.isEmpty() ? u"undetermined"_s : predicted},
            {u"genotypes"_s, genotypes},
            {u"plot_object"_s, QJsonValue(QJsonValue::Null)},
            {u"verbose"_s, QJsonValue(QJsonValue::Null)},
            {u"background"_s, background}};
}

QJsonObject caffeine(const Sample& sample, quint64 seed)
{
    static constexpr GenotypeRule kRules[] = {
        {"rs762551", {u"slow metabolizer", u"intermediate metabolizer", u"rapid metabolizer"}}};
    return genotypeModel(sample, seed, kRules);
}

QJsonObject alcoholFlush(const Sample& sample, quint64 seed)
{
    static constexpr GenotypeRule kRules[] = {
        {"rs671", {u"typical acetaldehyde clearance", u"alcohol flush (reduced ALDH2 activity)",
                   u"severe alcohol flush (ALDH2 deficient)"}},
        {"rs1229984", {u"typical ethanol oxidation", u"fast ethanol oxidation", u"very fast ethanol oxidation"}}};
    return genotypeModel(sample, seed, kRules);
}

QJsonObject lactose(const Sample& sample, quint64 seed)
{
    static constexpr GenotypeRule kRules[] = {
        {"rs4988235", {u"lactase non-persistent (likely lactose intolerant)", u"lactase persistent",
                       u"lactase persistent"}}};
    return genotypeModel(sample, seed, kRules);
}

constexpr std::array<InterpretationModel, 4> kModels = {{
    {u"zS68QlusdT2RWsZ", u"Colorectal cancer risk (gut microbiome)", kOmicMetagenomics, &colorectalCancer},
    {u"Cf7nR2aLpQ0xW4e", u"Caffeine metabolism (CYP1A2)", kOmicGenomics, &caffeine},
    {u"Ad9kE3hTzB6yN1u", u"Alcohol flush reaction (ALDH2, ADH1B)", kOmicGenomics, &alcoholFlush},
    {u"Lc4mH8sVwJ2qP7d", u"Lactose tolerance (LCT/MCM6)", kOmicGenomics, &lactose},
}};

} // namespace

std::span<const InterpretationModel> interpretationModels()
{
    return kModels;
}

const InterpretationModel* findModel(const QString& id)
{
    for (const InterpretationModel& m : kModels) {
        if (id == QStringView(m.id))
            return &m;
    }
    return nullptr;
}

QJsonObject runModel(const InterpretationModel& model, const Sample& sample, quint64 seed)
{
    // A sample the model cannot read is a model-level failure, not an API error (sandbox convention).
    if (sample.omic != model.requiredOmic || !sample.dataAvailability) {
        return {{u"model_code"_s, 1},
                {u"model_msg"_s, sample.dataAvailability ? u"样品的组学类型不适用于该模型"_s : u"样品数据尚不可用"_s},
                {u"model_data"_s, QJsonValue(QJsonValue::Null)}};
    }
    return {{u"model_code"_s, 0}, {u"model_msg"_s, u"success"_s}, {u"model_data"_s, model.run(sample, seed)}};
}

} // namespace bge::sandbox
