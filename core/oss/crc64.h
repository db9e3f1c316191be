#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace bge::oss {

// CRC-64/XZ: the ECMA-182 polynomial, reflected, all-ones initial value and final xor.
// This is the value OSS returns in `x-oss-hash-crc64ecma` (as a decimal string).
// Carry-less multiplication folding where the CPU has it (x86-64 PCLMULQDQ), table-driven
// slicing-by-8 otherwise and for the last bytes.
class Crc64 final
{
public:
    void update(const char* data, qsizetype size) noexcept;
    void update(QByteArrayView data) noexcept { update(data.data(), data.size()); }
    quint64 value() const noexcept { return ~m_register; }
    void reset() noexcept { m_register = ~quint64{0}; }

    static quint64 checksum(QByteArrayView data) noexcept;

    // The CRC of A followed by B, from crc(A), crc(B) and the length of B, without the data:
    // how a multipart object's CRC follows from its parts' CRCs (zlib's crc32_combine method).
    static quint64 combine(quint64 crcA, quint64 crcB, quint64 lengthB) noexcept;

private:
    quint64 m_register = ~quint64{0};
};

} // namespace bge::oss
