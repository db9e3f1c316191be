#include "gzipprefix.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace bge::seqformat {

namespace {

constexpr unsigned char kFlagHcrc = 0x02;
constexpr unsigned char kFlagExtra = 0x04;
constexpr unsigned char kFlagName = 0x08;
constexpr unsigned char kFlagComment = 0x10;

unsigned byteAt(QByteArrayView data, qsizetype i) noexcept
{
    return static_cast<unsigned char>(data[i]);
}

// Skips a zero-terminated field; -1 when the terminator is not within the data.
qsizetype skipZeroTerminated(QByteArrayView data, qsizetype from) noexcept
{
    const qsizetype end = data.indexOf('\0', from);
    return end < 0 ? -1 : end + 1;
}

bool onlyZeros(QByteArrayView data) noexcept
{
    return std::all_of(data.begin(), data.end(), [](char c) { return c == '\0'; });
}

} // namespace

bool hasGzipMagic(QByteArrayView data) noexcept
{
    return data.size() >= 2 && byteAt(data, 0) == 0x1f && byteAt(data, 1) == 0x8b;
}

GzipHeader parseGzipHeader(QByteArrayView data) noexcept
{
    GzipHeader header;
    // Magic, CM = 8 (deflate), FLG, MTIME(4), XFL, OS.
    if (data.size() < 10 || !hasGzipMagic(data) || byteAt(data, 2) != 8)
        return header;
    const unsigned flags = byteAt(data, 3);
    qsizetype pos = 10;
    if (flags & kFlagExtra) {
        if (data.size() < pos + 2)
            return header;
        const qsizetype xlen = byteAt(data, pos) | (byteAt(data, pos + 1) << 8);
        pos += 2;
        if (data.size() < pos + xlen)
            return header;
        // Subfields: SI1 SI2 SLEN(2) data; BGZF's is 'B' 'C' with SLEN 2 (the block size).
        for (qsizetype sub = pos; sub + 4 <= pos + xlen;) {
            const qsizetype slen = byteAt(data, sub + 2) | (byteAt(data, sub + 3) << 8);
            if (sub + 4 + slen > pos + xlen)
                break;
            if (data[sub] == 'B' && data[sub + 1] == 'C' && slen == 2)
                header.bgzf = true;
            sub += 4 + slen;
        }
        pos += xlen;
    }
    if (flags & kFlagName) {
        pos = skipZeroTerminated(data, pos);
        if (pos < 0)
            return header;
    }
    if (flags & kFlagComment) {
        pos = skipZeroTerminated(data, pos);
        if (pos < 0)
            return header;
    }
    if (flags & kFlagHcrc)
        pos += 2;
    if (pos > data.size())
        return header;
    header.complete = true;
    header.size = pos;
    return header;
}

QByteArrayView bgzfEofMarker() noexcept
{
    static constexpr char kEof[] = "\x1f\x8b\x08\x04\x00\x00\x00\x00\x00\xff\x06\x00\x42\x43\x02\x00"
                                   "\x1b\x00\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00";
    return QByteArrayView(kEof, sizeof(kEof) - 1);
}

InflatedPrefix inflateGzipPrefix(QByteArrayView compressed, qsizetype maxOutput)
{
    InflatedPrefix result;
    maxOutput = std::max<qsizetype>(maxOutput, 0);
    result.data.resize(maxOutput);

    z_stream stream{};
    // 16 + MAX_WBITS: gzip wrapper only, with its CRC-32 and length checked at each member's end.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
        result.data.clear();
        result.detail = QStringLiteral("zlib could not be initialised");
        return result;
    }

    constexpr qsizetype kChunk = std::numeric_limits<uInt>::max() / 2;
    qsizetype consumed = 0;
    qsizetype produced = 0;
    bool inMember = true;
    for (;;) {
        if (!inMember) {
            const QByteArrayView rest = compressed.sliced(consumed);
            if (rest.isEmpty() || onlyZeros(rest)) {
                // Padding zeros after the last member are what `gzip -d` accepts too.
                result.end = InflatedPrefix::End::StreamEnd;
                break;
            }
            if (rest.size() == 1 && byteAt(rest, 0) == 0x1f) {
                result.end = InflatedPrefix::End::InputExhausted;
                break;
            }
            if (!hasGzipMagic(rest)) {
                result.end = InflatedPrefix::End::Corrupt;
                result.detail = QStringLiteral("data after the end of the compressed stream");
                break;
            }
            inflateReset(&stream);
            inMember = true;
        }
        if (produced >= maxOutput) {
            result.end = InflatedPrefix::End::OutputLimit;
            break;
        }
        const qsizetype inAvailable = std::min(compressed.size() - consumed, kChunk);
        const qsizetype outAvailable = std::min(maxOutput - produced, kChunk);
        // zlib's API is not const-correct; it never writes through next_in.
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + consumed));
        stream.avail_in = static_cast<uInt>(inAvailable);
        stream.next_out = reinterpret_cast<Bytef*>(result.data.data() + produced);
        stream.avail_out = static_cast<uInt>(outAvailable);
        const int status = inflate(&stream, Z_NO_FLUSH);
        consumed += inAvailable - stream.avail_in;
        produced += outAvailable - stream.avail_out;
        if (status == Z_STREAM_END) {
            inMember = false;
            continue;
        }
        if (status == Z_OK)
            continue;
        if (status == Z_BUF_ERROR) {
            // No progress possible: either the output is full or the input has run out.
            if (produced >= maxOutput) {
                result.end = InflatedPrefix::End::OutputLimit;
            } else {
                result.end = InflatedPrefix::End::InputExhausted;
            }
            break;
        }
        result.end = InflatedPrefix::End::Corrupt;
        result.detail = stream.msg ? QString::fromLatin1(stream.msg) : QStringLiteral("zlib error %1").arg(status);
        break;
    }
    inflateEnd(&stream);
    result.data.truncate(produced);
    return result;
}

} // namespace bge::seqformat
