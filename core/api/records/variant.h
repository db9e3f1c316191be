#pragma once

#include "api/result.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace bge {

// One record of GET /variants: a call at one rsid for one sample.
struct Variant
{
    QString rsid; // first of alternate_id
    QStringList alternateIds;
    QString variantId;
    QString chromosome;
    std::optional<qint64> position;
    QString referenceBase;
    QStringList alternateBases;
    QString genotype; // bases, e.g. "C/A"
    QString type;     // snp, indel, …
    QStringList genes;
    // variant.call
    QString gt; // e.g. "0/1"
    std::optional<qint64> depth;
    std::optional<qint64> genotypeQuality;
    QString phredLikelihoods;
    QList<qint64> alleleDepths;
    QJsonObject frequencies; // population -> [ref, alt…]
    std::optional<bool> isAssayed;
    std::optional<bool> isNoCall;
    QJsonObject source;
    QJsonObject raw;

    // "homozygous reference", "heterozygous", "homozygous alternate", or empty when unknown.
    QString zygosity() const;
    static Result<Variant> fromJson(const QJsonValue& value);
};

} // namespace bge
