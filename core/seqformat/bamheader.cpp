#include "bamheader.h"

#include <QCoreApplication>

#include <algorithm>

namespace bge::seqformat {

namespace {

// lupdate and the runtime agree on the context only through a class that declares it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(bge::seqformat::Sniffer)
};

qint32 int32At(QByteArrayView data, qsizetype pos) noexcept
{
    quint32 value = 0;
    for (int i = 3; i >= 0; --i)
        value = (value << 8) | static_cast<unsigned char>(data[pos + i]);
    return static_cast<qint32>(value);
}

bool hasSqLine(QByteArrayView text) noexcept
{
    if (text.startsWith("@SQ\t"))
        return true;
    return text.indexOf("\n@SQ\t") >= 0;
}

BamHeader damaged(BamHeader header, const QString& problem)
{
    header.damaged = true;
    header.problem = problem;
    return header;
}

} // namespace

bool hasBamMagic(QByteArrayView inflated) noexcept
{
    return inflated.startsWith(QByteArrayView("BAM\1", 4));
}

BamHeader parseBamHeader(QByteArrayView inflated, bool complete)
{
    BamHeader header;
    if (!hasBamMagic(inflated))
        return header;
    header.isBam = true;
    if (inflated.size() < 8) {
        if (complete)
            return damaged(header, Text::tr("the BAM header is cut short"));
        return header;
    }
    header.textLength = int32At(inflated, 4);
    if (header.textLength < 0)
        return damaged(header, Text::tr("the BAM header declares a negative text length"));

    const qsizetype textStart = 8;
    const qsizetype available = inflated.size() - textStart;
    const QByteArrayView text = inflated.sliced(textStart, std::min<qint64>(header.textLength, available));
    // Writers may pad the text with NULs; anything else must be SAM header lines.
    if (!text.isEmpty() && text[0] != '@' && text[0] != '\0')
        return damaged(header, Text::tr("the BAM header text is not a SAM header"));
    const bool sq = hasSqLine(text);

    const qint64 refCountAt = textStart + header.textLength;
    if (refCountAt + 4 > inflated.size()) {
        if (complete) {
            return damaged(header, Text::tr("the BAM header declares %1 bytes of text, more than the file holds")
                                       .arg(header.textLength));
        }
        header.alignment = sq ? BamHeader::Alignment::Aligned : BamHeader::Alignment::Unknown;
        return header;
    }
    header.referenceCount = int32At(inflated, refCountAt);
    if (header.referenceCount < 0)
        return damaged(header, Text::tr("the BAM header declares a negative number of reference sequences"));
    header.alignment = (sq || header.referenceCount > 0) ? BamHeader::Alignment::Aligned
                                                         : BamHeader::Alignment::Unaligned;
    return header;
}

} // namespace bge::seqformat
