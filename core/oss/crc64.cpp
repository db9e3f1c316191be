#include "crc64.h"

#include <QtEndian>

#include <array>
#include <cstring>

namespace bge::oss {
namespace {

constexpr quint64 kReflectedPolynomial = 0xC96C5795D7870F42ULL;

using Tables = std::array<std::array<quint64, 256>, 8>;

constexpr Tables makeTables()
{
    Tables t{};
    for (quint64 n = 0; n < 256; ++n) {
        quint64 crc = n;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? (crc >> 1) ^ kReflectedPolynomial : crc >> 1;
        t[0][n] = crc;
    }
    for (std::size_t n = 0; n < 256; ++n) {
        for (std::size_t k = 1; k < 8; ++k)
            t[k][n] = (t[k - 1][n] >> 8) ^ t[0][t[k - 1][n] & 0xFF];
    }
    return t;
}

constexpr Tables kTables = makeTables();

inline quint64 loadLittleEndian64(const unsigned char* p) noexcept
{
    quint64 v;
    std::memcpy(&v, p, sizeof v);
    if constexpr (Q_BYTE_ORDER == Q_BIG_ENDIAN)
        v = qbswap(v);
    return v;
}

// GF(2) 64x64 matrix helpers for combine().
quint64 gf2MatrixTimes(const quint64* mat, quint64 vec) noexcept
{
    quint64 sum = 0;
    while (vec) {
        if (vec & 1)
            sum ^= *mat;
        vec >>= 1;
        ++mat;
    }
    return sum;
}

void gf2MatrixSquare(quint64* square, const quint64* mat) noexcept
{
    for (int n = 0; n < 64; ++n)
        square[n] = gf2MatrixTimes(mat, mat[n]);
}

} // namespace

void Crc64::update(const char* data, qsizetype size) noexcept
{
    auto p = reinterpret_cast<const unsigned char*>(data);
    quint64 crc = m_register;
    while (size >= 8) {
        crc ^= loadLittleEndian64(p);
        crc = kTables[7][crc & 0xFF] ^ kTables[6][(crc >> 8) & 0xFF] ^ kTables[5][(crc >> 16) & 0xFF]
              ^ kTables[4][(crc >> 24) & 0xFF] ^ kTables[3][(crc >> 32) & 0xFF]
              ^ kTables[2][(crc >> 40) & 0xFF] ^ kTables[1][(crc >> 48) & 0xFF] ^ kTables[0][crc >> 56];
        p += 8;
        size -= 8;
    }
    while (size-- > 0)
        crc = kTables[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    m_register = crc;
}

quint64 Crc64::checksum(QByteArrayView data) noexcept
{
    Crc64 crc;
    crc.update(data);
    return crc.value();
}

quint64 Crc64::combine(quint64 crcA, quint64 crcB, quint64 lengthB) noexcept
{
    if (lengthB == 0)
        return crcA;

    quint64 even[64]; // operator for 2^n zero bits, even powers
    quint64 odd[64];  // odd powers

    odd[0] = kReflectedPolynomial; // operator for one zero bit
    quint64 row = 1;
    for (int n = 1; n < 64; ++n) {
        odd[n] = row;
        row <<= 1;
    }
    gf2MatrixSquare(even, odd); // two zero bits
    gf2MatrixSquare(odd, even); // four zero bits

    // Apply len(B) zero bytes to crc(A): the first square gives one zero byte (eight bits).
    do {
        gf2MatrixSquare(even, odd);
        if (lengthB & 1)
            crcA = gf2MatrixTimes(even, crcA);
        lengthB >>= 1;
        if (lengthB == 0)
            break;
        gf2MatrixSquare(odd, even);
        if (lengthB & 1)
            crcA = gf2MatrixTimes(odd, crcA);
        lengthB >>= 1;
    } while (lengthB != 0);

    return crcA ^ crcB;
}

} // namespace bge::oss
