#pragma once

#include "demotypes.h"

#include <QJsonObject>

namespace bge::sandbox {

namespace catalog {
struct KnownVariant;
}

// A sample's call at one catalogued variant, deterministic from (seed, sample, rsid):
// genotypes follow Hardy–Weinberg proportions of the population's allele frequency.
struct VariantCall
{
    int alternateCount = 0; // 0, 1 or 2
    bool noCall = false;
    int depth = 0;
    int genotypeQuality = 0;
    QString genotype() const; // "0/1", or "./." for a no-call
};

VariantCall callVariant(const Sample& sample, const catalog::KnownVariant& variant, quint64 seed);
QString basesGenotype(const catalog::KnownVariant& variant, const VariantCall& call); // "C/A"
QJsonObject variantRecord(const Sample& sample, const catalog::KnownVariant& variant, quint64 seed);

} // namespace bge::sandbox
