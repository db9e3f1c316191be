#include "crc64.h"

#include <QtEndian>

#include <array>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define BGE_CRC64_CLMUL 1
#include <immintrin.h>
#endif

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

// Slicing-by-8: eight bytes a step through eight 256-entry tables.
quint64 updateWithTables(quint64 crc, const unsigned char* p, qsizetype size) noexcept
{
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
    return crc;
}

#ifdef BGE_CRC64_CLMUL

// Carry-less multiplication folding (Intel, "Fast CRC Computation for Generic Polynomials Using
// PCLMULQDQ", 2009), for the reflected CRC: the tables cost about one cycle a byte, folding a
// fraction of that, and every uploaded and downloaded byte goes through this.
//
// A 16-byte block loaded little-endian is the bit-reversal of a polynomial a of degree < 128
// (its first bit is the highest power). Moving a forward by D bits, a * x^D = a_hi * x^(64+D) +
// a_lo * x^D, is two 64x64 carry-less products with x^(64+D) mod P and x^D mod P. A product of
// two reflected 64-bit values is the reflected 128-bit product times x, hence the constants are
// taken one power lower. What remains after folding, 128 bits, goes through the tables.

// x^n mod P, reflected: 1 is the top bit; multiplying by x shifts right and reduces.
constexpr quint64 xPowerModP(int n)
{
    quint64 v = quint64{1} << 63;
    for (int i = 0; i < n; ++i)
        v = (v >> 1) ^ ((v & 1) ? kReflectedPolynomial : 0);
    return v;
}

struct FoldConstants
{
    quint64 high; // multiplies the low quadword (a_hi): x^(64 + D - 1) mod P
    quint64 low;  // multiplies the high quadword (a_lo): x^(D - 1) mod P
};

constexpr FoldConstants foldBy(int bits)
{
    return {xPowerModP(64 + bits - 1), xPowerModP(bits - 1)};
}

constexpr FoldConstants kFold128 = foldBy(128);
constexpr FoldConstants kFold256 = foldBy(256);
constexpr FoldConstants kFold384 = foldBy(384);
constexpr FoldConstants kFold512 = foldBy(512);

__attribute__((target("pclmul,sse2"))) inline __m128i fold(__m128i a, __m128i constants)
{
    return _mm_xor_si128(_mm_clmulepi64_si128(a, constants, 0x00), _mm_clmulepi64_si128(a, constants, 0x11));
}

__attribute__((target("pclmul,sse2"))) inline __m128i constantsOf(FoldConstants k)
{
    return _mm_set_epi64x(qint64(k.low), qint64(k.high));
}

__attribute__((target("pclmul,sse2"))) inline __m128i load(const unsigned char* p)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

// Needs size >= 64. Returns the register after the whole multiple of 16 bytes; *consumed tells
// how many.
__attribute__((target("pclmul,sse2"))) quint64 updateWithClmul(quint64 crc, const unsigned char* p,
                                                               qsizetype size, qsizetype* consumed)
{
    const unsigned char* const start = p;
    // The register enters as the first eight message bytes do in the table loop: xor-ed in.
    __m128i a0 = _mm_xor_si128(load(p), _mm_cvtsi64_si128(qint64(crc)));
    __m128i a1 = load(p + 16);
    __m128i a2 = load(p + 32);
    __m128i a3 = load(p + 48);
    p += 64;
    size -= 64;
    const __m128i by512 = constantsOf(kFold512);
    while (size >= 64) { // four independent chains keep the multiplier busy
        a0 = _mm_xor_si128(fold(a0, by512), load(p));
        a1 = _mm_xor_si128(fold(a1, by512), load(p + 16));
        a2 = _mm_xor_si128(fold(a2, by512), load(p + 32));
        a3 = _mm_xor_si128(fold(a3, by512), load(p + 48));
        p += 64;
        size -= 64;
    }
    __m128i a = _mm_xor_si128(_mm_xor_si128(fold(a0, constantsOf(kFold384)), fold(a1, constantsOf(kFold256))),
                              _mm_xor_si128(fold(a2, constantsOf(kFold128)), a3));
    const __m128i by128 = constantsOf(kFold128);
    while (size >= 16) {
        a = _mm_xor_si128(fold(a, by128), load(p));
        p += 16;
        size -= 16;
    }
    alignas(16) unsigned char rest[16];
    _mm_store_si128(reinterpret_cast<__m128i*>(rest), a);
    *consumed = p - start;
    return updateWithTables(0, rest, 16); // the register is already folded into the 128 bits
}

bool hasClmul() noexcept
{
    static const bool has = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse2");
    return has;
}

#endif

} // namespace

void Crc64::update(const char* data, qsizetype size) noexcept
{
    auto p = reinterpret_cast<const unsigned char*>(data);
    quint64 crc = m_register;
#ifdef BGE_CRC64_CLMUL
    if (size >= 64 && hasClmul()) {
        qsizetype consumed = 0;
        crc = updateWithClmul(crc, p, size, &consumed);
        p += consumed;
        size -= consumed;
    }
#endif
    m_register = updateWithTables(crc, p, size);
}

quint64 Crc64::checksum(QByteArrayView data) noexcept
{
    Crc64 crc;
    crc.update(data);
    return crc.value();
}

quint64 Crc64::combine(quint64 crcA, quint64 crcB, quint64 lengthB) noexcept
{
    // The operators that append 2^k zero bytes to a CRC, k = 0..63, made once: each is the
    // square of the one before. zlib's method squares its way up to len(B) at every call (about
    // a millisecond for a part of 8 MiB, a part of every multipart upload's CPU); with the
    // operators at hand a combine is one matrix product per set bit of len(B).
    using Operator = std::array<quint64, 64>;
    static const std::array<Operator, 64> kZeroBytes = [] {
        std::array<Operator, 64> ops{};
        Operator odd{};
        Operator even{};
        odd[0] = kReflectedPolynomial; // operator for one zero bit
        quint64 row = 1;
        for (int n = 1; n < 64; ++n) {
            odd[n] = row;
            row <<= 1;
        }
        gf2MatrixSquare(even.data(), odd.data());   // two zero bits
        gf2MatrixSquare(odd.data(), even.data());   // four zero bits
        gf2MatrixSquare(ops[0].data(), odd.data()); // one zero byte
        for (std::size_t k = 1; k < ops.size(); ++k)
            gf2MatrixSquare(ops[k].data(), ops[k - 1].data());
        return ops;
    }();

    for (std::size_t k = 0; lengthB != 0; ++k, lengthB >>= 1) {
        if (lengthB & 1)
            crcA = gf2MatrixTimes(kZeroBytes[k].data(), crcA);
    }
    return crcA ^ crcB;
}

} // namespace bge::oss
