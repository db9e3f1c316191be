#include "benchdata.h"

#include "oss/crc64.h"

#include <QByteArray>
#include <QFile>

#include <unistd.h>

namespace bge::bench {

namespace {

constexpr qint64 kBlock = 16 * 1024 * 1024;

} // namespace

std::optional<quint64> writeBenchFile(const QString& path, qint64 size, quint64 seed, bool sync)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return std::nullopt;
    SplitMix64 rng(seed);
    oss::Crc64 crc;
    QByteArray block(qMin(kBlock, (size + 7) / 8 * 8), Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        auto* words = reinterpret_cast<quint64*>(block.data());
        for (qsizetype i = 0; i < block.size() / 8; ++i)
            words[i] = rng.next();
        const qint64 n = qMin<qint64>(block.size(), size - written);
        crc.update(block.constData(), n);
        if (f.write(block.constData(), n) != n)
            return std::nullopt;
        written += n;
    }
    if (!f.flush() || (sync && fdatasync(f.handle()) != 0))
        return std::nullopt;
    return crc.value();
}

std::optional<quint64> fileCrc64(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    oss::Crc64 crc;
    QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(block.data(), block.size());
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            return crc.value();
        crc.update(block.constData(), n);
    }
}

void syncFileSystem()
{
    ::sync();
}

qint64 parseBenchSize(const QString& text)
{
    const QString t = text.trimmed().toUpper();
    qint64 unit = 1;
    QString digits = t;
    if (t.endsWith(u'K'))
        unit = 1024;
    else if (t.endsWith(u'M'))
        unit = 1024 * 1024;
    else if (t.endsWith(u'G'))
        unit = 1024LL * 1024 * 1024;
    if (unit != 1)
        digits.chop(1);
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    return ok && n > 0 ? n * unit : 0;
}

} // namespace bge::bench
