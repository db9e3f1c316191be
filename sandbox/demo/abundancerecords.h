#pragma once

#include "demotypes.h"

#include <QJsonObject>
#include <QList>

namespace bge::sandbox {

namespace catalog {
struct KnownTaxon;
struct KnownFunction;
struct FunctionCatalog;
struct KnownIgcGene;
} // namespace catalog

// A metagenomic sample's profiles, deterministic from (seed, sample). Higher ranks are sums of
// the species below them (plus members outside the catalogue), so the profile is consistent.
struct TaxonObservation
{
    const catalog::KnownTaxon* taxon;
    double value; // percent
};
QList<TaxonObservation> taxonProfile(const Sample& sample, quint64 seed); // largest first
QJsonObject taxonRecord(const Sample& sample, const TaxonObservation& observation);

struct FunctionObservation
{
    const catalog::KnownFunction* function;
    double value;
};
QList<FunctionObservation> functionProfile(const Sample& sample, const catalog::FunctionCatalog& catalog,
                                           quint64 seed);
QJsonObject functionRecord(const Sample& sample, const catalog::FunctionCatalog& catalog,
                           const FunctionObservation& observation, quint64 seed);

struct GeneObservation
{
    const catalog::KnownIgcGene* gene;
    double value;
};
QList<GeneObservation> igcGeneProfile(const Sample& sample, quint64 seed);
QJsonObject igcGeneRecord(const Sample& sample, const GeneObservation& observation);

// Gene abundance as a downloadable file (data_type=file): points at a sample attachment.
QJsonObject geneFileRecord(const Sample& sample, const QString& catalogName, const SampleFile& file);

QJsonObject sampleInfo(const Sample& sample);

} // namespace bge::sandbox
