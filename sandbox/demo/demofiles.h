#pragma once

#include "demotypes.h"

#include <QList>

namespace bge::sandbox {

class OssStore;

// Result files attached to samples that have data (a VCF for genomics; taxon and gene
// abundance tables for metagenomics), written into the object store so they can be
// downloaded through /oss/sign_url. Fills each sample's `files`.
// Only the first kSamplesWithFiles samples get them: with --samples 270000, writing some 450,000
// files at every start would take minutes and gigabytes; the samples past them still have their
// results through the API, which derives them from the seed, and list no files.
inline constexpr qsizetype kSamplesWithFiles = 240;
void attachDemoFiles(QList<Sample>& samples, OssStore& store, quint64 seed);

// A sample's gene-abundance result file for a catalog, or nullptr.
const SampleFile* geneAbundanceFile(const Sample& sample, const QString& catalog);

} // namespace bge::sandbox
