#include "sequencefilesniffer.h"

#include "bamheader.h"
#include "gzipprefix.h"
#include "textformats.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace bge::seqformat {

namespace {

using Format = SniffResult::Format;
using Compression = SniffResult::Compression;

// lupdate and the runtime agree on the context only through a class that declares it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::seqformat::Sniffer)
};

SniffResult make(Format format, Compression compression = Compression::None, const QString& problem = {})
{
    SniffResult result;
    result.format = format;
    result.compression = compression;
    result.problem = problem;
    return result;
}

SniffResult damaged(SniffResult result, const QString& problem)
{
    result.damaged = true;
    result.problem = problem;
    return result;
}

// CRAM's end-of-file containers (CRAM specification §9): version 3.x and 2.1.
QByteArrayView cram3Eof()
{
    static constexpr char kEof[] = "\x0f\x00\x00\x00\xff\xff\xff\xff\x0f\xe0\x45\x4f\x46\x00\x00\x00\x00\x01\x00"
                                   "\x05\xbd\xd9\x4f\x00\x01\x00\x06\x06\x01\x00\x01\x00\x01\x00\xee\x63\x01\x4b";
    return QByteArrayView(kEof, sizeof(kEof) - 1);
}

QByteArrayView cram2Eof()
{
    static constexpr char kEof[] = "\x0b\x00\x00\x00\xff\xff\xff\xff\x0f\xe0\x45\x4f\x46\x00\x00\x00\x00\x01\x00"
                                   "\x00\x01\x00\x06\x06\x01\x00\x01\x00\x01\x00";
    return QByteArrayView(kEof, sizeof(kEof) - 1);
}

SniffResult sniffCram(QByteArrayView head, QByteArrayView tail)
{
    SniffResult result = make(Format::Cram);
    // "CRAM", major, minor, then a 20-byte file id.
    if (head.size() < 26)
        return damaged(result, Text::tr("the CRAM file definition is cut short"));
    result.cramMajor = static_cast<unsigned char>(head[4]);
    result.cramMinor = static_cast<unsigned char>(head[5]);
    if (result.cramMajor != 2 && result.cramMajor != 3) {
        return damaged(result, Text::tr("CRAM version %1.%2 is not one HealthOmics reads (2.1, 3.0 and 3.1 are)")
                                   .arg(result.cramMajor)
                                   .arg(result.cramMinor));
    }
    const QByteArrayView eof = result.cramMajor == 3 ? cram3Eof() : cram2Eof();
    if (!tail.endsWith(eof)) {
        return damaged(result, Text::tr("the file ends without CRAM's end-of-file container: it is probably truncated"));
    }
    return result;
}

// What an (inflated, or plain) stream's first bytes hold.
SniffResult classifyContent(QByteArrayView data, bool complete, Compression compression)
{
    if (hasBamMagic(data)) {
        SniffResult result = make(Format::Bam, compression);
        const BamHeader header = parseBamHeader(data, complete);
        result.referenceCount = header.referenceCount;
        switch (header.alignment) {
        case BamHeader::Alignment::Aligned: result.alignment = SniffResult::Alignment::Aligned; break;
        case BamHeader::Alignment::Unaligned: result.alignment = SniffResult::Alignment::Unaligned; break;
        case BamHeader::Alignment::Unknown: result.alignment = SniffResult::Alignment::Unknown; break;
        }
        if (header.damaged)
            return damaged(result, header.problem);
        if (compression != Compression::Bgzf) {
            return damaged(result, compression == Compression::None
                                       ? Text::tr("the BAM data is not compressed; BAM must be BGZF-compressed (samtools view -b)")
                                       : Text::tr("the BAM data is in plain gzip, not BGZF; rewrite it with samtools view -b"));
        }
        return result;
    }
    if (data.startsWith("CRAM")) {
        return damaged(make(Format::Cram, compression),
                       Text::tr("this CRAM file has been compressed again; upload the CRAM file itself"));
    }
    if (data.startsWith(QByteArrayView("BCF\2", 4)))
        return make(Format::Bcf, compression, Text::tr("a BCF file holds variants, not reads"));

    const FastqShape fastq = checkFastq(data, complete);
    if (fastq.isFastq) {
        SniffResult result = make(Format::Fastq, compression);
        result.fastqRecordsChecked = fastq.recordsChecked;
        if (fastq.damaged)
            return damaged(result, fastq.problem);
        return result;
    }
    if (looksLikeVcf(data))
        return make(Format::Vcf, compression, Text::tr("a VCF file holds variants, not reads"));
    if (looksLikeSam(data)) {
        return make(Format::Sam, compression,
                    Text::tr("SAM text must be converted to BAM or CRAM first (samtools view -b or -C)"));
    }
    if (looksLikeFasta(data)) {
        return make(Format::Fasta, compression,
                    Text::tr("FASTA holds sequences without base qualities (a reference or an assembly), not reads"));
    }
    if (compression != Compression::None)
        return make(Format::Compressed, compression, Text::tr("the compressed data is not a sequencing format"));
    return make(Format::Unknown, compression,
                looksLikeText(data) ? Text::tr("the text is not FASTQ, and not BAM or CRAM either")
                                    : Text::tr("the bytes match none of FASTQ, BAM, uBAM or CRAM"));
}

SniffResult sniffGzip(QByteArrayView head, QByteArrayView tail, bool whole)
{
    const GzipHeader header = parseGzipHeader(head);
    const Compression compression = header.bgzf ? Compression::Bgzf : Compression::Gzip;
    const InflatedPrefix inflated = inflateGzipPrefix(head, kMaxInflated);
    const bool streamComplete = whole && inflated.end == InflatedPrefix::End::StreamEnd;

    if (inflated.end == InflatedPrefix::End::Corrupt) {
        SniffResult result = classifyContent(inflated.data, false, compression);
        if (inflated.data.isEmpty())
            result = make(Format::Compressed, compression);
        return damaged(result, Text::tr("the compressed data is corrupt (%1)").arg(inflated.detail));
    }
    if (whole && inflated.end == InflatedPrefix::End::InputExhausted) {
        SniffResult result = classifyContent(inflated.data, false, compression);
        if (inflated.data.isEmpty())
            result = make(Format::Compressed, compression);
        return damaged(result, Text::tr("the compressed data stops abruptly: the file is truncated"));
    }
    if (streamComplete && inflated.data.isEmpty())
        return make(Format::Empty, compression, Text::tr("the file holds only an empty compressed stream"));

    SniffResult result = classifyContent(inflated.data, streamComplete, compression);
    if (!result.damaged && header.bgzf && !tail.endsWith(bgzfEofMarker())) {
        return damaged(result,
                       Text::tr("the file ends without BGZF's end-of-file marker: it is probably truncated"));
    }
    return result;
}

} // namespace

bool SniffResult::isReadSetSource() const noexcept
{
    return !damaged && (format == Format::Fastq || format == Format::Bam || format == Format::Cram);
}

QString SniffResult::formatName() const
{
    switch (format) {
    case Format::Fastq:
        switch (compression) {
        case Compression::Gzip: return Text::tr("gzip-compressed FASTQ");
        case Compression::Bgzf: return Text::tr("BGZF-compressed FASTQ");
        default: return Text::tr("FASTQ");
        }
    case Format::Bam:
        switch (alignment) {
        case Alignment::Aligned: return Text::tr("aligned BAM");
        case Alignment::Unaligned: return Text::tr("unaligned BAM (uBAM)");
        default: return Text::tr("BAM");
        }
    case Format::Cram:
        return cramMajor > 0 ? Text::tr("CRAM %1.%2").arg(cramMajor).arg(cramMinor) : Text::tr("CRAM");
    case Format::Fasta: return Text::tr("FASTA");
    case Format::Sam: return Text::tr("SAM text");
    case Format::Vcf: return Text::tr("VCF");
    case Format::Bcf: return Text::tr("BCF");
    case Format::Empty: return Text::tr("an empty file");
    case Format::NotAFile: return Text::tr("not a regular file");
    case Format::Unreadable: return Text::tr("an unreadable file");
    case Format::Compressed:
        switch (compression) {
        case Compression::Zip: return Text::tr("a ZIP archive");
        case Compression::Bzip2: return Text::tr("bzip2-compressed data");
        case Compression::Xz: return Text::tr("xz-compressed data");
        case Compression::Zstd: return Text::tr("zstd-compressed data");
        case Compression::Bgzf: return Text::tr("BGZF-compressed data");
        default: return Text::tr("gzip-compressed data");
        }
    case Format::Unknown: break;
    }
    return Text::tr("an unknown format");
}

QString SniffResult::describe(const QString& fileName) const
{
    if (format == Format::Unreadable)
        return Text::tr("“%1” cannot be read: %2.").arg(fileName, problem);
    if (format == Format::NotAFile)
        return Text::tr("“%1” is not a regular file: %2.").arg(fileName, problem);
    if (damaged)
        return Text::tr("“%1” looks like %2 but is damaged: %3.").arg(fileName, formatName(), problem);
    if (isReadSetSource())
        return Text::tr("“%1” is %2.").arg(fileName, formatName());
    if (format == Format::Empty)
        return Text::tr("“%1” is empty.").arg(fileName);
    if (format == Format::Unknown)
        return Text::tr("“%1” is not a sequencing file HealthOmics can read: %2.").arg(fileName, problem);
    return Text::tr("“%1” is %2, not a read-set file: %3.").arg(fileName, formatName(), problem);
}

SniffResult sniffBytes(QByteArrayView head, QByteArrayView tail, qint64 fileSize)
{
    if (fileSize <= 0 || head.isEmpty())
        return make(Format::Empty, Compression::None, Text::tr("the file is empty"));
    const bool whole = head.size() >= fileSize;
    if (head.startsWith("CRAM"))
        return sniffCram(head, tail);
    if (hasGzipMagic(head))
        return sniffGzip(head, tail, whole);
    if (head.startsWith(QByteArrayView("PK\3\4", 4))) {
        return make(Format::Compressed, Compression::Zip,
                    Text::tr("HealthOmics reads FASTQ plain or gzip-compressed; unpack the archive first"));
    }
    if (head.startsWith("BZh")) {
        return make(Format::Compressed, Compression::Bzip2,
                    Text::tr("HealthOmics reads FASTQ plain or gzip-compressed; recompress it with gzip"));
    }
    if (head.startsWith(QByteArrayView("\xfd" "7zXZ\0", 6))) {
        return make(Format::Compressed, Compression::Xz,
                    Text::tr("HealthOmics reads FASTQ plain or gzip-compressed; recompress it with gzip"));
    }
    if (head.startsWith(QByteArrayView("\x28\xb5\x2f\xfd", 4))) {
        return make(Format::Compressed, Compression::Zstd,
                    Text::tr("HealthOmics reads FASTQ plain or gzip-compressed; recompress it with gzip"));
    }
    return classifyContent(head.first(std::min<qsizetype>(head.size(), kMaxInflated)), whole, Compression::None);
}

SniffResult sniffBytes(QByteArrayView wholeFile)
{
    const qsizetype headSize = std::min<qsizetype>(wholeFile.size(), kHeadBytes);
    const qsizetype tailSize = std::min<qsizetype>(wholeFile.size(), kTailBytes);
    return sniffBytes(wholeFile.first(headSize), wholeFile.last(tailSize), wholeFile.size());
}

SniffResult sniffFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return make(Format::Unreadable, Compression::None, Text::tr("the file does not exist"));
    if (info.isDir())
        return make(Format::NotAFile, Compression::None, Text::tr("it is a folder"));
    if (!info.isFile())
        return make(Format::NotAFile, Compression::None, Text::tr("it is a device, socket or pipe"));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return make(Format::Unreadable, Compression::None, file.errorString());
    const qint64 size = file.size();
    const QByteArray head = file.read(std::min<qint64>(size, kHeadBytes));
    if (head.size() < std::min<qint64>(size, kHeadBytes)) {
        // Shorter than its size said: an I/O error, or the file shrank while we looked.
        return make(Format::Unreadable, Compression::None,
                    file.error() != QFileDevice::NoError ? file.errorString() : Text::tr("the file changed while it was read"));
    }
    QByteArray tail;
    if (size > head.size()) {
        const qint64 tailSize = std::min<qint64>(size - head.size(), kTailBytes);
        if (!file.seek(size - tailSize))
            return make(Format::Unreadable, Compression::None, file.errorString());
        tail = file.read(tailSize);
        if (tail.size() < tailSize)
            return make(Format::Unreadable, Compression::None, Text::tr("the file changed while it was read"));
        // The tail must be kTailBytes long where the file allows: it may overlap the head.
        if (tail.size() < kTailBytes)
            tail.prepend(head.right(kTailBytes - tail.size()));
    } else {
        tail = head.right(kTailBytes);
    }
    return sniffBytes(head, tail, size);
}

} // namespace bge::seqformat
