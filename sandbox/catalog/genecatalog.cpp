// A sample of IGC 9.9M genes (Li et al. 2014, Nat Biotechnol, doi:10.1038/nbt.2942) in the
// catalogue's naming scheme, with KEGG/eggNOG annotations and taxonomy as the catalogue gives them.
#include "genecatalog.h"

#include <array>

namespace bge::sandbox::catalog {
namespace {

constexpr std::array<KnownIgcGene, 40> kGenes = {{
    {"igc_24913", "N056A_GL0049930", "K03088", "COG3345", "unknown", "unknown", "Complete", 5472},
    {"igc_49826", "DOM023_GL0045345", "K00929", "COG3049", "Firmicutes", "Faecalibacterium", "Lack 3'-end", 645},
    {"igc_74739", "SZEY-37A_GL0081825", "unknown", "COG5184", "Actinobacteria", "Bifidobacterium", "Lack both ends", 2478},
    {"igc_99652", "O2.UC29-0_GL0096035", "K01176", "COG3345", "Proteobacteria", "Escherichia", "Complete", 1611},
    {"igc_124565", "T2D-6A_GL0018357", "K00929", "unknown", "Firmicutes", "Roseburia", "Complete", 4905},
    {"igc_149478", "V1.UC48-0_GL0098792", "K02035", "COG1595", "Bacteroidetes", "Alistipes", "Complete", 4290},
    {"igc_174391", "V1.CD10-0_GL0012496", "K03088", "COG0057", "Bacteroidetes", "Alistipes", "Lack 5'-end", 1875},
    {"igc_199304", "SZEY-37A_GL0027146", "unknown", "COG5184", "Firmicutes", "Faecalibacterium", "Lack 5'-end", 486},
    {"igc_224217", "DLM012_GL0019237", "K01824", "COG0057", "Proteobacteria", "Escherichia", "Lack 5'-end", 4671},
    {"igc_249130", "NLM031_GL0079229", "K01824", "COG1653", "Firmicutes", "Roseburia", "Lack 3'-end", 1362},
    {"igc_274043", "NLM031_GL0044282", "K01824", "COG1653", "Firmicutes", "Blautia", "Complete", 3465},
    {"igc_298956", "T2D-6A_GL0012119", "K01034", "COG3049", "Actinobacteria", "Bifidobacterium", "Lack 3'-end", 5808},
    {"igc_323869", "V1.CD10-0_GL0010020", "K01176", "COG0057", "Bacteroidetes", "Alistipes", "Lack both ends", 4848},
    {"igc_348782", "MH0016_GL0020052", "K01190", "unknown", "unknown", "unknown", "Lack both ends", 402},
    {"igc_373695", "T2D-6A_GL0073752", "unknown", "unknown", "Bacteroidetes", "Bacteroides", "Complete", 4728},
    {"igc_398608", "NOM028_GL0005487", "K02035", "COG0366", "unknown", "unknown", "Complete", 1143},
    {"igc_423521", "T2D-110A_GL0006640", "unknown", "COG1132", "Actinobacteria", "Bifidobacterium", "Lack both ends", 3357},
    {"igc_448434", "T2D-110A_GL0091140", "K02035", "COG1132", "unknown", "unknown", "Complete", 5457},
    {"igc_473347", "T2D-110A_GL0060152", "K00134", "COG0366", "Bacteroidetes", "Prevotella", "Complete", 5967},
    {"igc_498260", "T2D-110A_GL0050668", "K01034", "COG1132", "Firmicutes", "Faecalibacterium", "Complete", 2811},
    {"igc_523173", "MH0016_GL0030059", "K01442", "COG1595", "Firmicutes", "Blautia", "Complete", 5154},
    {"igc_548086", "MH0016_GL0083511", "K03088", "COG1653", "Bacteroidetes", "Bacteroides", "Lack 3'-end", 4965},
    {"igc_572999", "T2D-6A_GL0050988", "K00929", "COG0366", "Firmicutes", "Faecalibacterium", "Lack 5'-end", 2274},
    {"igc_597912", "V1.UC48-0_GL0075190", "unknown", "COG1653", "Firmicutes", "Blautia", "Lack 5'-end", 4128},
    {"igc_622825", "V1.CD10-0_GL0053547", "K00929", "COG1132", "Firmicutes", "Roseburia", "Lack 3'-end", 2418},
    {"igc_647738", "O2.UC29-0_GL0023421", "unknown", "COG1595", "Bacteroidetes", "Bacteroides", "Complete", 459},
    {"igc_672651", "ED4_GL0035466", "K01190", "COG1653", "Firmicutes", "Eubacterium", "Lack 3'-end", 1059},
    {"igc_697564", "T2D-6A_GL0008983", "K01442", "COG0057", "Firmicutes", "Faecalibacterium", "Lack 5'-end", 1956},
    {"igc_722477", "T2D-110A_GL0047469", "K03088", "COG3345", "Firmicutes", "Faecalibacterium", "Lack 5'-end", 3600},
    {"igc_747390", "NOM028_GL0012349", "unknown", "COG1788", "Firmicutes", "Eubacterium", "Complete", 4425},
    {"igc_772303", "MH0016_GL0056040", "K01442", "COG3345", "Firmicutes", "Roseburia", "Lack both ends", 3600},
    {"igc_797216", "ED4_GL0078093", "K01190", "unknown", "Bacteroidetes", "Alistipes", "Lack both ends", 1833},
    {"igc_822129", "ED4_GL0080754", "K01442", "COG1132", "unknown", "unknown", "Complete", 5820},
    {"igc_847042", "T2D-6A_GL0070315", "K01190", "COG3345", "Bacteroidetes", "Bacteroides", "Lack both ends", 5190},
    {"igc_871955", "MH0016_GL0030151", "K01824", "COG0057", "Firmicutes", "Eubacterium", "Complete", 3060},
    {"igc_896868", "N056A_GL0074301", "K00929", "COG0366", "unknown", "unknown", "Complete", 1212},
    {"igc_921781", "MH0410_GL0078716", "K03088", "COG1788", "Proteobacteria", "Escherichia", "Complete", 5931},
    {"igc_946694", "DOM023_GL0077155", "K01034", "COG0366", "Firmicutes", "Faecalibacterium", "Lack 3'-end", 2046},
    {"igc_971607", "MH0410_GL0071401", "unknown", "COG1653", "Actinobacteria", "Bifidobacterium", "Lack both ends", 3675},
    {"igc_996520", "MH0410_GL0009430", "unknown", "COG0057", "Bacteroidetes", "Bacteroides", "Lack both ends", 993},
}};

} // namespace

std::span<const KnownIgcGene> igcGenes()
{
    return kGenes;
}

} // namespace bge::sandbox::catalog
