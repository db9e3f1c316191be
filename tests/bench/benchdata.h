#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace bge::bench {

// A fast seeded generator (splitmix64): bytes that do not compress, at memory speed, so that a
// 4 GiB file takes seconds to write rather than a minute of /dev/urandom.
class SplitMix64 final
{
public:
    explicit SplitMix64(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    quint64 m_state;
};

// Writes `size` pseudo-random bytes from `seed`, and returns their CRC-64; nullopt on an I/O
// error. `sync`: flushed to disk (so that its dirty pages do not slow the transfers that follow);
// thousands of small files are synced once, together, by the caller (syncFileSystem).
std::optional<quint64> writeBenchFile(const QString& path, qint64 size, quint64 seed, bool sync = true);

// The CRC-64 of a file as it is on disk (the same code OSS's x-oss-hash-crc64ecma is checked
// against); nullopt when it cannot be read.
std::optional<quint64> fileCrc64(const QString& path);

// sync(2): everything written so far on its way to the disk before a measured run starts.
void syncFileSystem();

// "4M" -> 4 MiB, "64K" -> 64 KiB, "1024" -> 1024 bytes; 0 when it is not a size.
qint64 parseBenchSize(const QString& text);

} // namespace bge::bench
