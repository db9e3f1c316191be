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

// Empty when the file cannot be read.
inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace bge::test
