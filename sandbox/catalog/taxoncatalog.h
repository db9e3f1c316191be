#pragma once

#include <span>
#include <string_view>

namespace bge::sandbox::catalog {

// A human-gut taxon as metagenomic profilers report it, with where it usually stands in a
// reference cohort of healthy Chinese adults.
struct KnownTaxon
{
    std::string_view taxonId;  // "txid" + NCBI Taxonomy id
    std::string_view name;     // MetaPhlAn style: "s__Bacteroides_thetaiotaomicron"
    std::string_view rank;     // kingdom, phylum, class, order, family, genus, species
    std::string_view lineage;  // "k__Bacteria|p__Bacteroidetes|…|s__…"
    double cohortMedian;       // percent relative abundance among carriers
    double cohortPrevalence;   // fraction of the cohort carrying it
};

std::span<const KnownTaxon> knownTaxa();

} // namespace bge::sandbox::catalog
