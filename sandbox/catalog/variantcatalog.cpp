// Reference data from public knowledge (dbSNP, GRCh38; gnomAD/1000 Genomes-like allele
// frequencies, rounded). Positions are given to the best of our knowledge; the sandbox needs
// them to be plausible, not authoritative.
#include "variantcatalog.h"

#include <algorithm>
#include <array>

namespace bge::sandbox::catalog {
namespace {

constexpr std::array<KnownVariant, 55> kVariants = {{
    {"rs762551", "CYP1A2", "NM_000761", "chr15", 74749576, "C", "A", "snp", 0.67, 0.63, "caffeine metabolism (CYP1A2*1F)"},
    {"rs671", "ALDH2", "NM_000690", "chr12", 111803962, "G", "A", "snp", 0.06, 0.25, "alcohol flush, ALDH2*2"},
    {"rs1229984", "ADH1B", "NM_000668", "chr4", 99318162, "C", "T", "snp", 0.2, 0.7, "fast ethanol oxidation, ADH1B*2"},
    {"rs4988235", "MCM6", "NM_005915", "chr2", 135851076, "G", "A", "snp", 0.26, 0.01, "lactase persistence (LCT -13910)"},
    {"rs333", "CCR5", "NM_000579", "chr3", 46373452, "TCAGTCAGTATCAATTCTGGAAGAATTTCCAGA", "T", "indel", 0.03, 0.0, "CCR5-delta32, HIV-1 resistance"},
    {"rs4149056", "SLCO1B1", "NM_006446", "chr12", 21178615, "T", "C", "snp", 0.1, 0.12, "statin myopathy risk, SLCO1B1*5"},
    {"rs1065852", "CYP2D6", "NM_000106", "chr22", 42130692, "G", "A", "snp", 0.25, 0.5, "reduced CYP2D6 activity, *10"},
    {"rs3892097", "CYP2D6", "NM_000106", "chr22", 42128945, "C", "T", "snp", 0.1, 0.002, "CYP2D6 poor metabolizer, *4"},
    {"rs4244285", "CYP2C19", "NM_000769", "chr10", 94781859, "G", "A", "snp", 0.19, 0.3, "clopidogrel response, CYP2C19*2"},
    {"rs12248560", "CYP2C19", "NM_000769", "chr10", 94761900, "C", "T", "snp", 0.17, 0.01, "ultrarapid CYP2C19, *17"},
    {"rs1057910", "CYP2C9", "NM_000771", "chr10", 94981296, "A", "C", "snp", 0.05, 0.04, "warfarin dose, CYP2C9*3"},
    {"rs1799853", "CYP2C9", "NM_000771", "chr10", 94942290, "C", "T", "snp", 0.07, 0.0, "warfarin dose, CYP2C9*2"},
    {"rs9923231", "VKORC1", "NM_024006", "chr16", 31096368, "C", "T", "snp", 0.4, 0.91, "warfarin sensitivity"},
    {"rs1801133", "MTHFR", "NM_005957", "chr1", 11796321, "G", "A", "snp", 0.25, 0.33, "folate metabolism, C677T"},
    {"rs1801131", "MTHFR", "NM_005957", "chr1", 11794419, "T", "G", "snp", 0.25, 0.19, "folate metabolism, A1298C"},
    {"rs429358", "APOE", "NM_000041", "chr19", 44908684, "T", "C", "snp", 0.14, 0.09, "APOE e4 (with rs7412)"},
    {"rs7412", "APOE", "NM_000041", "chr19", 44908822, "C", "T", "snp", 0.07, 0.09, "APOE e2 (with rs429358)"},
    {"rs1815739", "ACTN3", "NM_001104", "chr11", 66560624, "C", "T", "snp", 0.4, 0.5, "muscle performance, R577X"},
    {"rs9939609", "FTO", "NM_001080432", "chr16", 53786615, "T", "A", "snp", 0.35, 0.13, "body-mass index"},
    {"rs7903146", "TCF7L2", "NM_030756", "chr10", 112998590, "C", "T", "snp", 0.23, 0.03, "type 2 diabetes risk"},
    {"rs12913832", "HERC2", "NM_004667", "chr15", 28120472, "A", "G", "snp", 0.2, 0.0, "eye colour"},
    {"rs1426654", "SLC24A5", "NM_205850", "chr15", 48134287, "A", "G", "snp", 0.35, 0.98, "skin pigmentation"},
    {"rs16891982", "SLC45A2", "NM_016180", "chr5", 33951588, "C", "G", "snp", 0.2, 0.01, "skin and hair pigmentation"},
    {"rs1800562", "HFE", "NM_000410", "chr6", 26092913, "G", "A", "snp", 0.03, 0.0, "hereditary haemochromatosis, C282Y"},
    {"rs1799945", "HFE", "NM_000410", "chr6", 26090951, "C", "G", "snp", 0.08, 0.03, "iron overload, H63D"},
    {"rs6025", "F5", "NM_000130", "chr1", 169549811, "C", "T", "snp", 0.01, 0.0, "factor V Leiden, venous thrombosis"},
    {"rs1799963", "F2", "NM_000506", "chr11", 46739505, "G", "A", "snp", 0.007, 0.0, "prothrombin G20210A"},
    {"rs334", "HBB", "NM_000518", "chr11", 5227002, "T", "A", "snp", 0.02, 0.0, "sickle-cell trait, HbS"},
    {"rs776746", "CYP3A5", "NM_000777", "chr7", 99672916, "T", "C", "snp", 0.65, 0.72, "tacrolimus dose, CYP3A5*3"},
    {"rs1142345", "TPMT", "NM_000367", "chr6", 18130687, "T", "C", "snp", 0.05, 0.02, "thiopurine toxicity, TPMT*3C"},
    {"rs3918290", "DPYD", "NM_000110", "chr1", 97450058, "C", "T", "snp", 0.005, 0.0, "fluoropyrimidine toxicity, DPYD*2A"},
    {"rs4680", "COMT", "NM_000754", "chr22", 19963748, "G", "A", "snp", 0.37, 0.28, "COMT Val158Met"},
    {"rs53576", "OXTR", "NM_000916", "chr3", 8762685, "G", "A", "snp", 0.35, 0.6, "oxytocin receptor"},
    {"rs17822931", "ABCC11", "NM_033151", "chr16", 48224287, "C", "T", "snp", 0.3, 0.8, "earwax type and body odour"},
    {"rs713598", "TAS2R38", "NM_176817", "chr7", 141973545, "C", "G", "snp", 0.4, 0.6, "bitter taste (PTC)"},
    {"rs10246939", "TAS2R38", "NM_176817", "chr7", 141972804, "C", "T", "snp", 0.45, 0.4, "bitter taste (PTC)"},
    {"rs1042713", "ADRB2", "NM_000024", "chr5", 148826877, "G", "A", "snp", 0.45, 0.5, "beta-agonist response"},
    {"rs1800497", "ANKK1", "NM_178510", "chr11", 113400106, "G", "A", "snp", 0.3, 0.4, "dopamine D2 receptor density, Taq1A"},
    {"rs2231142", "ABCG2", "NM_004827", "chr4", 88131171, "G", "T", "snp", 0.12, 0.3, "gout and urate, Q141K"},
    {"rs16969968", "CHRNA5", "NM_000745", "chr15", 78590583, "G", "A", "snp", 0.2, 0.02, "nicotine dependence"},
    {"rs1051730", "CHRNA3", "NM_000743", "chr15", 78601997, "G", "A", "snp", 0.2, 0.02, "smoking quantity"},
    {"rs10757278", "CDKN2B-AS1", "NR_003529", "chr9", 22124478, "A", "G", "snp", 0.45, 0.5, "coronary artery disease (9p21)"},
    {"rs2187668", "HLA-DQA1", "NM_002122", "chr6", 32638107, "C", "T", "snp", 0.06, 0.01, "coeliac disease, HLA-DQ2.5"},
    {"rs662", "PON1", "NM_000446", "chr7", 95308134, "T", "C", "snp", 0.4, 0.6, "paraoxonase activity, Q192R"},
    {"rs1695", "GSTP1", "NM_000852", "chr11", 67585218, "A", "G", "snp", 0.3, 0.2, "glutathione S-transferase, I105V"},
    {"rs1800566", "NQO1", "NM_000903", "chr16", 69711242, "G", "A", "snp", 0.25, 0.42, "NQO1*2, benzene toxicity"},
    {"rs2282679", "GC", "NM_000583", "chr4", 71742666, "T", "G", "snp", 0.25, 0.28, "vitamin D binding protein level"},
    {"rs4343", "ACE", "NM_000789", "chr17", 63488670, "G", "A", "snp", 0.5, 0.35, "ACE insertion/deletion proxy"},
    {"rs699", "AGT", "NM_000029", "chr1", 230710048, "A", "G", "snp", 0.6, 0.8, "blood pressure, M235T"},
    {"rs5082", "APOA2", "NM_001643", "chr1", 161223628, "G", "A", "snp", 0.35, 0.1, "saturated fat and body weight"},
    {"rs2228570", "VDR", "NM_000376", "chr12", 47879112, "A", "G", "snp", 0.6, 0.55, "vitamin D receptor, FokI"},
    {"rs602662", "FUT2", "NM_000511", "chr19", 48703728, "G", "A", "snp", 0.4, 0.0, "secretor status, vitamin B12"},
    {"rs1047781", "FUT2", "NM_000511", "chr19", 48703374, "A", "T", "snp", 0.1, 0.45, "weak secretor, Se(w) in East Asia"},
    {"rs3811647", "TF", "NM_001063", "chr3", 133757880, "G", "A", "snp", 0.35, 0.35, "transferrin and iron level"},
    {"rs174547", "FADS1", "NM_013402", "chr11", 61803311, "T", "C", "snp", 0.4, 0.55, "omega-3/6 fatty acid desaturation"},
}};

} // namespace

std::span<const KnownVariant> knownVariants()
{
    return kVariants;
}

const KnownVariant* findVariant(std::string_view rsid)
{
    const auto it = std::find_if(kVariants.begin(), kVariants.end(), [&](const KnownVariant& v) { return v.rsid == rsid; });
    return it == kVariants.end() ? nullptr : &*it;
}

} // namespace bge::sandbox::catalog
