#pragma once

#include <QByteArrayView>
#include <QString>

namespace bge::seqformat {

// What a file's first bytes (and, for BGZF and CRAM, its last few: the end-of-file markers
// that tell a truncated file) say it is. Bounded: at most kHeadBytes are read and at most
// kMaxInflated bytes inflated, whatever the file and whatever its headers claim.
struct SniffResult
{
    enum class Format {
        Unknown,     // bytes that match no format we know (see problem)
        Empty,       // zero bytes (or a compressed stream of zero bytes)
        Fastq,
        Bam,
        Cram,
        Fasta,
        Sam,
        Vcf,
        Bcf,
        Compressed,  // a compressed stream of something else, or an archive/compressor HealthOmics cannot read
        NotAFile,    // a directory, device, socket or pipe
        Unreadable,  // missing, no permission, I/O error
    };
    enum class Compression { None, Gzip, Bgzf, Zip, Bzip2, Xz, Zstd };
    enum class Alignment { NotApplicable, Aligned, Unaligned, Unknown };

    Format format = Format::Unknown;
    Compression compression = Compression::None;
    Alignment alignment = Alignment::NotApplicable; // BAM only
    bool damaged = false;  // it is (or claims to be) `format`, but is malformed or truncated
    QString problem;       // translated: why damaged, unknown or unreadable; empty when fine
    int cramMajor = 0;
    int cramMinor = 0;
    qint64 referenceCount = -1; // BAM n_ref when it was within the bytes read
    int fastqRecordsChecked = 0;

    // FASTQ, BAM or CRAM and not damaged: something a read set can be made from.
    bool isReadSetSource() const noexcept;
    // A short translated name of what the bytes are, e.g. "gzip-compressed FASTQ",
    // "unaligned BAM (uBAM)", "CRAM 3.0", "a directory".
    QString formatName() const;
    // One translated sentence about the file, e.g. "“x.bam” is damaged: …".
    QString describe(const QString& fileName) const;
};

inline constexpr qsizetype kHeadBytes = 256 * 1024;
inline constexpr qsizetype kMaxInflated = 1024 * 1024;
inline constexpr qsizetype kTailBytes = 64;

// Pure: `head` is the file's first min(size, kHeadBytes) bytes, `tail` its last
// min(size, kTailBytes) bytes, `fileSize` its size.
SniffResult sniffBytes(QByteArrayView head, QByteArrayView tail, qint64 fileSize);
// Convenience for a whole file held in memory (tests, fuzzing).
SniffResult sniffBytes(QByteArrayView wholeFile);

// Reads at most kHeadBytes + kTailBytes of the file. Synchronous but bounded (two small reads),
// so it is cheap enough for a dialog; non-regular files are never opened (a FIFO would block).
SniffResult sniffFile(const QString& path);

} // namespace bge::seqformat
