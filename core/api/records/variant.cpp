#include "variant.h"

#include "api/jsonfields.h"

#include <QRegularExpression>

namespace bge {

using namespace Qt::StringLiterals;

QString Variant::zygosity() const
{
    const QStringList alleles = QString(gt).replace(u'|', u'/').split(u'/', Qt::SkipEmptyParts);
    if (alleles.size() != 2 || alleles.contains(u"."_s))
        return {};
    if (alleles[0] != alleles[1])
        return u"heterozygous"_s;
    return alleles[0] == u"0" ? u"homozygous reference"_s : u"homozygous alternate"_s;
}

Result<Variant> Variant::fromJson(const QJsonValue& value)
{
    JsonFields f(value, u"variant"_s);
    Variant v;
    v.alternateIds = f.stringList(u"alternate_id");
    v.rsid = v.alternateIds.value(0);
    v.variantId = f.string(u"variant_id");
    v.isAssayed = f.boolean(u"is_assayed");
    v.isNoCall = f.boolean(u"is_no_call");
    v.source = f.objectField(u"source");

    JsonFields call(f.objectField(u"variant"), f.childPath(u"variant"));
    if (f.object().contains(u"variant")) {
        v.chromosome = call.string(u"chromosome");
        v.position = call.integer(u"position");
        v.referenceBase = call.string(u"reference_base");
        v.alternateBases = call.stringList(u"alternate_base");
        v.genotype = call.string(u"genotype");
        v.type = call.string(u"type");
        JsonFields c(call.objectField(u"call"), call.childPath(u"call"));
        v.gt = c.string(u"GT");
        v.depth = c.integer(u"DP");
        v.genotypeQuality = c.integer(u"GQ");
        v.phredLikelihoods = c.stringOrNumber(u"PL");
        for (const QJsonValue& ad : c.array(u"AD")) {
            if (const std::optional<qint64> depth = exactInteger(ad))
                v.alleleDepths.append(*depth);
            else if (!ad.isNull())
                c.fail(u"variant.variant.call.AD: expected integers"_s);
        }
        if (call.object().contains(u"call"))
            call.merge(c);
        const QJsonObject information = call.objectField(u"information");
        v.frequencies = information.value(u"frequency").toObject();
        f.merge(call);
    }
    const QJsonObject context = f.objectField(u"genomic_context");
    for (const QJsonValue& gene : context.value(u"gene").toArray()) {
        const QString symbol = gene.toObject().value(u"symbol").toString();
        if (!symbol.isEmpty())
            v.genes.append(symbol);
    }
    v.raw = f.object();
    if (!f.ok())
        return f.error();
    return v;
}

} // namespace bge
