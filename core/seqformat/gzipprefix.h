#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace bge::seqformat {

// The shape of a gzip member header (RFC 1952), parsed with every length checked against
// the bytes present, so that a lying header cannot make us read past them.
struct GzipHeader
{
    bool complete = false; // every declared field fits in the bytes given
    bool bgzf = false;     // FEXTRA carries the BGZF "BC" subfield (SAM/BAM specification §4.1)
    qsizetype size = 0;    // header length when complete
};

bool hasGzipMagic(QByteArrayView data) noexcept;
GzipHeader parseGzipHeader(QByteArrayView data) noexcept;

// The BGZF end-of-file marker: an empty block every conforming writer appends. Its absence
// is how htslib tells a truncated BAM, and how we do from the last bytes alone.
QByteArrayView bgzfEofMarker() noexcept;

// Inflates the start of a (possibly multi-member, as BGZF is) gzip stream, producing at most
// maxOutput bytes: the input is a bounded prefix of a file and the output is bounded too, so
// a gzip bomb costs at most maxOutput bytes of memory and the work to produce them.
struct InflatedPrefix
{
    enum class End {
        StreamEnd,      // every member ended cleanly (CRC and length checked) and no input is left
        InputExhausted, // the input ended inside a member (normal for a prefix of a larger file)
        OutputLimit,    // maxOutput bytes were produced
        Corrupt,        // zlib refused the data, or garbage follows the last member
    };
    QByteArray data;
    End end = End::Corrupt;
    QString detail; // zlib's own (English) message for Corrupt, for logs and as detail
};

InflatedPrefix inflateGzipPrefix(QByteArrayView compressed, qsizetype maxOutput);

} // namespace bge::seqformat
