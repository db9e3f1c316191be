#pragma once

// Files for transfer suites: seeded random content, written (folders made) and read back.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QString>

namespace bge::test {

inline constexpr qint64 kKiB = 1024;
inline constexpr qint64 kMiB = 1024 * 1024;

// The same bytes for the same seed, so a failure can be reproduced.
inline QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < b.size(); ++i)
        b[i] = char(rng.bounded(256));
    return b;
}

// Creates the missing folders of `path` first.
inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// `size` bytes from a seeded generator, written 8 MiB at a time: large files fast, in little
// memory (other bytes than randomBytes gives for the same seed).
inline bool writeRandomFile(const QString& path, qint64 size, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator rng(seed);
    QByteArray block(8 * kMiB, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        rng.fillRange(reinterpret_cast<quint32*>(block.data()), block.size() / 4);
        const qint64 n = qMin<qint64>(block.size(), size - written);
        if (f.write(block.constData(), n) != n)
            return false;
        written += n;
    }
    return true;
}

// Whether two files hold the same bytes, read 4 MiB at a time.
inline bool sameBytes(const QString& a, const QString& b)
{
    QFile fa(a);
    QFile fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly) || fa.size() != fb.size())
        return false;
    while (!fa.atEnd()) {
        if (fa.read(4 * kMiB) != fb.read(4 * kMiB))
            return false;
    }
    return true;
}

// Empty when the file cannot be read.
inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace bge::test
