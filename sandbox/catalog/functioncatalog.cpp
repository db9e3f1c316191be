// Gut-microbiome functions with their public identifiers and names (Gene Ontology, KEGG
// orthology/pathways/modules, eggNOG COGs, Pfam, Enzyme Commission, MetaCyc).
#include "functioncatalog.h"

#include <algorithm>
#include <array>

namespace bge::sandbox::catalog {
namespace {

constexpr std::array<KnownFunction, 16> kGo = {{
    {"GO:0006096", "glycolytic process"},
    {"GO:0006412", "translation"},
    {"GO:0005975", "carbohydrate metabolic process"},
    {"GO:0006099", "tricarboxylic acid cycle"},
    {"GO:0055085", "transmembrane transport"},
    {"GO:0006355", "regulation of transcription, DNA-templated"},
    {"GO:0003735", "structural constituent of ribosome"},
    {"GO:0016021", "integral component of membrane"},
    {"GO:0006281", "DNA repair"},
    {"GO:0019605", "butyrate metabolic process"},
    {"GO:0006085", "acetyl-CoA biosynthetic process"},
    {"GO:0046872", "metal ion binding"},
    {"GO:0009252", "peptidoglycan biosynthetic process"},
    {"GO:0006260", "DNA replication"},
    {"GO:0015976", "carbon utilization"},
    {"GO:1990063", "Bam protein complex"},
}};

constexpr std::array<KnownFunction, 16> kKo = {{
    {"K00001", "alcohol dehydrogenase"},
    {"K00134", "glyceraldehyde 3-phosphate dehydrogenase"},
    {"K00845", "glucokinase"},
    {"K01895", "acetyl-CoA synthetase"},
    {"K00929", "butyrate kinase"},
    {"K01034", "acetate CoA/acetoacetate CoA-transferase alpha subunit"},
    {"K00248", "butyryl-CoA dehydrogenase"},
    {"K02035", "peptide/nickel transport system substrate-binding protein"},
    {"K02945", "small subunit ribosomal protein S1"},
    {"K01176", "alpha-amylase"},
    {"K01190", "beta-galactosidase"},
    {"K01442", "choloylglycine hydrolase"},
    {"K03088", "RNA polymerase sigma-70 factor, ECF subfamily"},
    {"K06147", "ATP-binding cassette, subfamily B, bacterial"},
    {"K01824", "uncharacterized protein"},
    {"K00925", "acetate kinase"},
}};

constexpr std::array<KnownFunction, 15> kEggnog = {{
    {"COG0001", "Glutamate-1-semialdehyde aminotransferase"},
    {"COG0002", "N-acetyl-gamma-glutamyl-phosphate reductase"},
    {"COG0057", "Glyceraldehyde-3-phosphate dehydrogenase/erythrose-4-phosphate dehydrogenase"},
    {"COG0148", "Enolase"},
    {"COG0166", "Glucose-6-phosphate isomerase"},
    {"COG0205", "6-phosphofructokinase"},
    {"COG0469", "Pyruvate kinase"},
    {"COG1012", "NAD-dependent aldehyde dehydrogenases"},
    {"COG0845", "Membrane-fusion protein"},
    {"COG1132", "ABC-type multidrug transport system, ATPase and permease components"},
    {"COG3345", "Alpha-galactosidase"},
    {"COG0366", "Glycosidases"},
    {"COG1653", "ABC-type sugar transport system, periplasmic component"},
    {"COG5184", "Alpha-tubulin suppressor and related RCC1 domain-containing proteins"},
    {"COG0282", "Acetate kinase"},
}};

constexpr std::array<KnownFunction, 14> kPfam = {{
    {"PF00005", "ABC transporter"},
    {"PF00072", "Response regulator receiver domain"},
    {"PF00196", "Bacterial regulatory proteins, luxR family"},
    {"PF00271", "Helicase conserved C-terminal domain"},
    {"PF00486", "Transcriptional regulatory protein, C terminal"},
    {"PF00512", "His Kinase A (phospho-acceptor) domain"},
    {"PF00528", "Binding-protein-dependent transport system inner membrane component"},
    {"PF00535", "Glycosyl transferase family 2"},
    {"PF02518", "Histidine kinase-, DNA gyrase B-, and HSP90-like ATPase"},
    {"PF07690", "Major Facilitator Superfamily"},
    {"PF00150", "Cellulase (glycosyl hydrolase family 5)"},
    {"PF00128", "Alpha amylase, catalytic domain"},
    {"PF00561", "alpha/beta hydrolase fold"},
    {"PF01183", "Glycosyl hydrolases family 25"},
}};

constexpr std::array<KnownFunction, 14> kKeggPwy = {{
    {"map00010", "Glycolysis / Gluconeogenesis"},
    {"map00020", "Citrate cycle (TCA cycle)"},
    {"map00030", "Pentose phosphate pathway"},
    {"map00040", "Pentose and glucuronate interconversions"},
    {"map00052", "Galactose metabolism"},
    {"map00250", "Alanine, aspartate and glutamate metabolism"},
    {"map00400", "Phenylalanine, tyrosine and tryptophan biosynthesis"},
    {"map00500", "Starch and sucrose metabolism"},
    {"map00620", "Pyruvate metabolism"},
    {"map00650", "Butanoate metabolism"},
    {"map00120", "Primary bile acid biosynthesis"},
    {"map00121", "Secondary bile acid biosynthesis"},
    {"map02010", "ABC transporters"},
    {"map03010", "Ribosome"},
}};

constexpr std::array<KnownFunction, 12> kKeggMdl = {{
    {"M00001", "Glycolysis (Embden-Meyerhof pathway), glucose => pyruvate"},
    {"M00002", "Glycolysis, core module involving three-carbon compounds"},
    {"M00003", "Gluconeogenesis, oxaloacetate => fructose-6P"},
    {"M00004", "Pentose phosphate pathway (Pentose phosphate cycle)"},
    {"M00005", "PRPP biosynthesis, ribose 5P => PRPP"},
    {"M00007", "Pentose phosphate pathway, non-oxidative phase, fructose 6P => ribose 5P"},
    {"M00009", "Citrate cycle (TCA cycle, Krebs cycle)"},
    {"M00018", "Threonine biosynthesis, aspartate => homoserine => threonine"},
    {"M00019", "Valine/isoleucine biosynthesis, pyruvate => valine / 2-oxobutanoate => isoleucine"},
    {"M00023", "Tryptophan biosynthesis, chorismate => tryptophan"},
    {"M00026", "Histidine biosynthesis, PRPP => histidine"},
    {"M00120", "Coenzyme A biosynthesis, pantothenate => CoA"},
}};

constexpr std::array<KnownFunction, 13> kLevel4ec = {{
    {"1.1.1.1", "alcohol dehydrogenase"},
    {"1.1.1.27", "L-lactate dehydrogenase"},
    {"1.2.1.12", "glyceraldehyde-3-phosphate dehydrogenase (phosphorylating)"},
    {"2.7.1.40", "pyruvate kinase"},
    {"2.7.2.1", "acetate kinase"},
    {"2.7.2.7", "butyrate kinase"},
    {"2.3.1.8", "phosphate acetyltransferase"},
    {"3.2.1.23", "beta-galactosidase"},
    {"3.2.1.1", "alpha-amylase"},
    {"3.5.1.24", "choloylglycine hydrolase"},
    {"4.2.1.11", "phosphopyruvate hydratase"},
    {"5.3.1.9", "glucose-6-phosphate isomerase"},
    {"2.7.7.7", "DNA-directed DNA polymerase"},
}};

constexpr std::array<KnownFunction, 12> kMetacycRxn = {{
    {"PYRUVDEH-RXN", "pyruvate dehydrogenase"},
    {"GAPOXNPHOSPHN-RXN", "glyceraldehyde-3-phosphate dehydrogenase"},
    {"PEPDEPHOS-RXN", "pyruvate kinase"},
    {"2PGADEHYDRAT-RXN", "enolase"},
    {"PGLUCISOM-RXN", "glucose-6-phosphate isomerase"},
    {"ACETATEKIN-RXN", "acetate kinase"},
    {"PHOSACETYLTRANS-RXN", "phosphate acetyltransferase"},
    {"BUTYRATE-KINASE-RXN", "butyrate kinase"},
    {"F16ALDOLASE-RXN", "fructose-bisphosphate aldolase"},
    {"TRIOSEPISOMERIZATION-RXN", "triose-phosphate isomerase"},
    {"6PFRUCTPHOS-RXN", "6-phosphofructokinase"},
    {"PGLYCDEHYDROG-RXN", "phosphoglycerate dehydrogenase"},
}};

constexpr std::array<KnownFunction, 12> kMetacycPwy = {{
    {"PWY-5100", "pyruvate fermentation to acetate and lactate II"},
    {"GLYCOLYSIS", "glycolysis I (from glucose 6-phosphate)"},
    {"PWY-1042", "glycolysis IV (plant cytosol)"},
    {"PWY-5677", "succinate fermentation to butanoate"},
    {"CENTFERM-PWY", "pyruvate fermentation to butanoate"},
    {"PWY-5973", "cis-vaccenate biosynthesis"},
    {"PWY-6122", "5-aminoimidazole ribonucleotide biosynthesis II"},
    {"PWY-7219", "adenosine ribonucleotides de novo biosynthesis"},
    {"ILEUSYN-PWY", "L-isoleucine biosynthesis I (from threonine)"},
    {"VALSYN-PWY", "L-valine biosynthesis"},
    {"PWY-6737", "starch degradation V"},
    {"PWY-7111", "pyruvate fermentation to isobutanol (engineered)"},
}};

constexpr std::array<FunctionCatalog, 9> kCatalogs = {{
    {"go", "go_HUMAnN2_0.11", kGo},
    {"ko", "ko_HUMAnN2_0.11", kKo},
    {"eggnog", "eggnog_HUMAnN2_0.11", kEggnog},
    {"pfam", "pfam_HUMAnN2_0.11", kPfam},
    {"kegg-pwy", "kegg-pwy_HUMAnN2_0.11", kKeggPwy},
    {"kegg-mdl", "kegg-mdl_HUMAnN2_0.11", kKeggMdl},
    {"level4ec", "level4ec_HUMAnN2_0.11", kLevel4ec},
    {"metacyc-rxn", "metacyc-rxn_HUMAnN2_0.11", kMetacycRxn},
    {"metacyc-pwy", "metacyc-pwy_HUMAnN2_0.11", kMetacycPwy},
}};

} // namespace

std::span<const FunctionCatalog> functionCatalogs()
{
    return kCatalogs;
}

const FunctionCatalog* findFunctionCatalog(std::string_view catalog)
{
    const auto it = std::find_if(kCatalogs.begin(), kCatalogs.end(),
                                 [&](const FunctionCatalog& c) { return c.catalog == catalog; });
    return it == kCatalogs.end() ? nullptr : &*it;
}

} // namespace bge::sandbox::catalog
