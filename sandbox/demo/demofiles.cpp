#include "demofiles.h"

#include "abundancerecords.h"
#include "catalogtext.h"
#include "catalog/genecatalog.h"
#include "catalog/taxoncatalog.h"
#include "catalog/variantcatalog.h"
#include "ossstore.h"
#include "platformcodes.h"
#include "variantrecords.h"

#include <algorithm>

#include <QCryptographicHash>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {


QByteArray vcfFor(const Sample& sample, quint64 seed)
{
    QByteArray vcf = "##fileformat=VCFv4.2\n##reference=GRCh38\n##source=WGSAI3.0-l\n"
                     "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t"
                     + sample.biosampleId.toUtf8() + '\n';
    for (const auto& v : catalog::knownVariants()) {
        const VariantCall call = callVariant(sample, v, seed);
        vcf += toBytes(v.chromosome) + '\t' + QByteArray::number(v.position) + '\t' + toBytes(v.rsid) + '\t'
               + toBytes(v.reference) + '\t' + toBytes(v.alternate) + '\t' + QByteArray::number(call.depth * 14) + '\t'
               + (call.noCall ? "LowQual" : "PASS") + "\tDP=" + QByteArray::number(call.depth) + "\tGT:DP:GQ\t"
               + call.genotype().toUtf8() + ':' + QByteArray::number(call.depth) + ':'
               + QByteArray::number(call.genotypeQuality) + '\n';
    }
    return vcf;
}

QByteArray taxonTableFor(const Sample& sample, quint64 seed)
{
    QByteArray tsv = "#taxon_id\ttaxon_name\trank\tlineage\trelative_abundance\n";
    for (const TaxonObservation& o : taxonProfile(sample, seed))
        tsv += toBytes(o.taxon->taxonId) + '\t' + toBytes(o.taxon->name) + '\t' + toBytes(o.taxon->rank) + '\t'
               + toBytes(o.taxon->lineage) + '\t' + QByteArray::number(o.value, 'g', 6) + '\n';
    return tsv;
}

QByteArray igcTableFor(const Sample& sample, quint64 seed)
{
    QByteArray tsv = "#igc_gene_id\tigc_gene_name\tkegg\teggnog\trelative_abundance\n";
    for (const GeneObservation& o : igcGeneProfile(sample, seed))
        tsv += toBytes(o.gene->igcGeneId) + '\t' + toBytes(o.gene->igcGeneName) + '\t' + toBytes(o.gene->keggAnnotation)
               + '\t' + toBytes(o.gene->eggnogAnnotation) + '\t' + QByteArray::number(o.value, 'g', 6) + '\n';
    return tsv;
}

QByteArray uniref90TableFor(const Sample& sample, quint64 seed)
{
    // HUMAnN2 gene-family table: UniRef90 clusters named after the IGC genes' KEGG orthologs.
    QByteArray tsv = "# Gene Family\t" + sample.biosampleId.toUtf8() + "_Abundance-RPKs\n";
    for (const GeneObservation& o : igcGeneProfile(sample, seed ^ 0x90))
        tsv += "UniRef90_" + toBytes(o.gene->igcGeneName).right(7) + '\t' + QByteArray::number(o.value * 1e9, 'f', 3) + '\n';
    return tsv;
}

SampleFile store(OssStore& oss, const QString& key, const QByteArray& data, const QString& dataType,
                 const QString& format)
{
    const QByteArray contentType = format == u"vcf" ? "text/x-vcf" : "text/tab-separated-values";
    if (const auto existing = oss.stat(key); !existing || existing->size != data.size())
        oss.putBytes(key, data, contentType);
    return {key, key.section(u'/', -1), dataType, format, data.size(),
            QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex())};
}

} // namespace

const SampleFile* geneAbundanceFile(const Sample& sample, const QString& catalogName)
{
    for (const SampleFile& f : sample.files) {
        if (f.dataType == u"gene_abundance" && f.fileName.contains(catalogName))
            return &f;
    }
    return nullptr;
}

void attachDemoFiles(QList<Sample>& samples, OssStore& oss, quint64 seed)
{
    for (qsizetype i = 0; i < std::min(samples.size(), kSamplesWithFiles); ++i) {
        Sample& s = samples[i];
        if (!s.dataAvailability)
            continue;
        const QString id = s.biosampleId;
        if (s.omic == kOmicGenomics) {
            s.files.append(store(oss, u"ods/genomics/"_s + id + u'/' + id + u".variants.vcf"_s, vcfFor(s, seed),
                                 u"variants"_s, u"vcf"_s));
        } else {
            const QString dir = u"ods/microbiome/"_s + id + u'/' + id;
            s.files.append(store(oss, dir + u".taxon.relab.tsv"_s, taxonTableFor(s, seed), u"taxon_abundance"_s, u"tsv"_s));
            s.files.append(store(oss, dir + u".IGC_9.9M.abundance.tsv"_s, igcTableFor(s, seed), u"gene_abundance"_s,
                                 u"tsv"_s));
            s.files.append(store(oss, dir + u".UniRef90_HUMAnN2_0.11.genefamilies.tsv"_s, uniref90TableFor(s, seed),
                                 u"gene_abundance"_s, u"tsv"_s));
        }
    }
}

} // namespace bge::sandbox
