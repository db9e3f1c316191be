#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace bge::seqformat {

struct SniffResult;

// HealthOmics' FileType for read sets (sourceFileType / fileType on the wire).
enum class ReadSetFileType { Fastq, Bam, Cram, Ubam };

// "FASTQ", "BAM", "CRAM", "UBAM": the wire names, which are also what people type.
QString wireName(ReadSetFileType type);
// Case-insensitive; nullopt for anything else (including "auto").
std::optional<ReadSetFileType> readSetFileTypeFromWireName(QStringView name);

// What a file name claims: .fastq/.fq (optionally .gz, .bgz), .bam, .cram, .ubam.
// A ".unmapped.bam" is still a BAM by name; only the bytes can tell it is unaligned.
std::optional<ReadSetFileType> readSetFileTypeFromFileName(QStringView fileName);

// What the bytes say: FASTQ, CRAM, BAM, or UBAM for a BAM without @SQ lines and references.
// A BAM whose header is longer than the bytes read counts as BAM (a reference is then asked
// for, which is the safe side). nullopt when the file is no read-set source.
std::optional<ReadSetFileType> readSetFileTypeFromSniff(const SniffResult& sniff);

// A reference ARN is required for BAM and CRAM, optional for FASTQ and UBAM (the service's
// and the reference transfer manager's rule).
bool requiresReference(ReadSetFileType type) noexcept;

} // namespace bge::seqformat
