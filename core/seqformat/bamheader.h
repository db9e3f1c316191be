#pragma once

#include <QByteArrayView>
#include <QString>

namespace bge::seqformat {

// The start of an inflated BAM stream: "BAM\1", l_text (int32 LE), the SAM header text,
// n_ref (int32 LE) (SAM/BAM specification §4.2). Only lengths are read, never trusted for an
// allocation: a hostile l_text of 2 GiB costs nothing.
struct BamHeader
{
    enum class Alignment {
        Aligned,   // @SQ lines in the text, or references in the binary header
        Unaligned, // no @SQ line and n_ref == 0: a uBAM
        Unknown,   // the header is longer than the bytes read and no @SQ was seen so far
    };
    bool isBam = false;   // the magic is there
    bool damaged = false; // the header cannot be right (negative lengths, not SAM text, cut short)
    Alignment alignment = Alignment::Unknown;
    qint64 textLength = -1;
    qint64 referenceCount = -1; // -1 when not within the bytes read
    QString problem;            // translated, when damaged
};

bool hasBamMagic(QByteArrayView inflated) noexcept;

// `complete`: the data is the whole inflated file, so anything missing is a truncation.
BamHeader parseBamHeader(QByteArrayView inflated, bool complete);

} // namespace bge::seqformat
