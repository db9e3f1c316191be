#pragma once

#include <span>
#include <string_view>

namespace bge::sandbox::catalog {

// A gene of the Integrated Gene Catalog of the human gut microbiome (IGC, 9.9 million genes).
struct KnownIgcGene
{
    std::string_view igcGeneId;        // "igc_…"
    std::string_view igcGeneName;      // "<sample>_GL<number>", e.g. "T2D-6A_GL0083352"
    std::string_view keggAnnotation;   // KEGG orthology or "unknown"
    std::string_view eggnogAnnotation; // COG or "unknown"
    std::string_view phylum;
    std::string_view genus;
    std::string_view completeness;     // "Complete", "Lack 5'-end", "Lack 3'-end", "Lack both ends"
    int geneLength;                    // bp
};

std::span<const KnownIgcGene> igcGenes();

} // namespace bge::sandbox::catalog
