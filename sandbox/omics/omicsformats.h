#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bge::sandbox {
class DemoRandom;
}

namespace bge::sandbox::omics {

// Small, real files of the four read-set types, for the demo read sets and import sources, and
// the check the emulator makes of uploaded bytes.
namespace formats {

// FASTQ text of `reads` reads named after an Illumina run (gzip-compressed when `gzip`).
QByteArray fastq(DemoRandom& random, const QString& runName, int reads, int length, int mate, bool gzip);
// A BAM: BGZF blocks, "BAM\1", a header with @SQ lines when `references` is not empty (aligned)
// and none when it is (unaligned, uBAM), then `reads` unmapped records and the BGZF EOF block.
QByteArray bam(DemoRandom& random, const QString& sample, const QStringList& references, int reads);
// A CRAM 3.0 file definition followed by its SAM header text: enough for anything sniffing it.
QByteArray cram(DemoRandom& random, const QString& sample, const QStringList& references);

// Why the first bytes of an uploaded SOURCE1 are not of `fileType`, or an empty string when they
// are (see the sandbox convention in omicsformats.cpp).
QString problem(const QString& fileType, const QByteArray& head);

} // namespace formats

} // namespace bge::sandbox::omics
