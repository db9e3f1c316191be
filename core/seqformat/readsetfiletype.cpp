#include "readsetfiletype.h"

#include "sequencefilesniffer.h"

namespace bge::seqformat {

QString wireName(ReadSetFileType type)
{
    switch (type) {
    case ReadSetFileType::Fastq: return QStringLiteral("FASTQ");
    case ReadSetFileType::Bam: return QStringLiteral("BAM");
    case ReadSetFileType::Cram: return QStringLiteral("CRAM");
    case ReadSetFileType::Ubam: return QStringLiteral("UBAM");
    }
    return {};
}

std::optional<ReadSetFileType> readSetFileTypeFromWireName(QStringView name)
{
    for (ReadSetFileType type : {ReadSetFileType::Fastq, ReadSetFileType::Bam, ReadSetFileType::Cram,
                                 ReadSetFileType::Ubam}) {
        if (name.compare(wireName(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

std::optional<ReadSetFileType> readSetFileTypeFromFileName(QStringView fileName)
{
    QStringView name = fileName;
    for (QStringView compressed : {u".gz", u".bgz", u".gzip"}) {
        if (name.endsWith(compressed, Qt::CaseInsensitive)) {
            name.chop(compressed.size());
            break;
        }
    }
    if (name.endsWith(u".fastq", Qt::CaseInsensitive) || name.endsWith(u".fq", Qt::CaseInsensitive))
        return ReadSetFileType::Fastq;
    if (name.size() < fileName.size())
        return std::nullopt; // a compressed BAM/CRAM name (x.bam.gz) claims nothing we accept
    if (name.endsWith(u".ubam", Qt::CaseInsensitive))
        return ReadSetFileType::Ubam;
    if (name.endsWith(u".bam", Qt::CaseInsensitive))
        return ReadSetFileType::Bam;
    if (name.endsWith(u".cram", Qt::CaseInsensitive))
        return ReadSetFileType::Cram;
    return std::nullopt;
}

std::optional<ReadSetFileType> readSetFileTypeFromSniff(const SniffResult& sniff)
{
    if (!sniff.isReadSetSource())
        return std::nullopt;
    switch (sniff.format) {
    case SniffResult::Format::Fastq: return ReadSetFileType::Fastq;
    case SniffResult::Format::Cram: return ReadSetFileType::Cram;
    case SniffResult::Format::Bam:
        return sniff.alignment == SniffResult::Alignment::Unaligned ? ReadSetFileType::Ubam : ReadSetFileType::Bam;
    default: return std::nullopt;
    }
}

bool requiresReference(ReadSetFileType type) noexcept
{
    return type == ReadSetFileType::Bam || type == ReadSetFileType::Cram;
}

} // namespace bge::seqformat
