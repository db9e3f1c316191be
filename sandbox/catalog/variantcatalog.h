#pragma once

#include <span>
#include <string_view>

namespace bge::sandbox::catalog {

// A variant on the sandbox's genotyping assay: well-known pharmacogenomic and trait SNPs.
struct KnownVariant
{
    std::string_view rsid;       // "rs762551"
    std::string_view gene;       // HGNC symbol
    std::string_view mrna;       // RefSeq transcript of the gene
    std::string_view chromosome; // "chr15"
    long long position;          // GRCh38, 1-based
    std::string_view reference;  // + strand; indels in VCF style (anchor base included)
    std::string_view alternate;
    std::string_view type;       // "snp", "indel"
    double alternateFrequency;   // global alternate-allele frequency
    double eastAsianAlternateFrequency;
    std::string_view trait;
};

std::span<const KnownVariant> knownVariants();
const KnownVariant* findVariant(std::string_view rsid); // nullptr when not on the assay

} // namespace bge::sandbox::catalog
