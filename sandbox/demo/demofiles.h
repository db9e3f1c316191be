#pragma once

#include "demotypes.h"

#include <QList>

namespace bge::sandbox {

class OssStore;

// Result files attached to samples that have data (a VCF for genomics; taxon and gene
// abundance tables for metagenomics), written into the object store so they can be
// downloaded through /oss/sign_url. Fills each sample's `files`.
void attachDemoFiles(QList<Sample>& samples, OssStore& store, quint64 seed);

// A sample's gene-abundance result file for a catalog, or nullptr.
const SampleFile* geneAbundanceFile(const Sample& sample, const QString& catalog);

} // namespace bge::sandbox
