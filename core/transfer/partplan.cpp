#include "partplan.h"

namespace bge {

namespace {

constexpr qint64 kMiB = 1024 * 1024;

} // namespace

PartLimits PartLimits::oss()
{
    return {8 * kMiB, 100 * 1024, 5LL * 1024 * kMiB, 10000};
}

PartLimits PartLimits::healthOmics()
{
    // The service documents no minimum; 5 MiB is s3transfer's, which the reference transfer
    // manager runs on, so a smaller part size asked for is raised to it.
    return {100 * kMiB, 5 * kMiB, 100 * kMiB, 10000};
}

PartPlan::PartPlan(QList<qint64> sourceSizes, qint64 partSize) : m_sizes(std::move(sourceSizes)), m_partSize(partSize)
{
    Q_ASSERT(partSize > 0);
}

qint64 PartPlan::partSizeFor(qint64 largestSource, const PartLimits& limits, qint64 requested)
{
    const qint64 needed = (largestSource + limits.maxPartsPerSource - 1) / limits.maxPartsPerSource;
    if (requested <= 0) {
        qint64 size = limits.defaultPartSize;
        if (needed > size)
            size = (needed + kMiB - 1) / kMiB * kMiB;
        return qMin(size, limits.maxPartSize);
    }
    // What the person asked for, raised only as far as the part count requires.
    const qint64 size = qBound(limits.minPartSize, requested, limits.maxPartSize);
    return qMin(qMax(size, needed), limits.maxPartSize);
}

qint64 PartPlan::sourceSize(int source) const
{
    return source >= 1 && source <= m_sizes.size() ? m_sizes.at(source - 1) : 0;
}

qint64 PartPlan::totalSize() const
{
    qint64 total = 0;
    for (const qint64 size : m_sizes)
        total += size;
    return total;
}

int PartPlan::partCount(int source) const
{
    if (source < 1 || source > m_sizes.size() || m_partSize <= 0)
        return 0;
    const qint64 size = m_sizes.at(source - 1);
    return int(qMax<qint64>(1, (size + m_partSize - 1) / m_partSize));
}

int PartPlan::totalParts() const
{
    int total = 0;
    for (int source = 1; source <= sourceCount(); ++source)
        total += partCount(source);
    return total;
}

PlannedPart PartPlan::part(int source, int number) const
{
    const qint64 offset = qint64(number - 1) * m_partSize;
    return {source, number, offset, qMax<qint64>(0, qMin(m_partSize, sourceSize(source) - offset))};
}

QList<PlannedPart> PartPlan::parts() const
{
    QList<PlannedPart> all;
    all.reserve(totalParts());
    for (int source = 1; source <= sourceCount(); ++source) {
        for (int number = 1, n = partCount(source); number <= n; ++number)
            all.append(part(source, number));
    }
    return all;
}

bool PartPlan::fits(const PartLimits& limits) const
{
    if (m_partSize <= 0 || m_partSize > limits.maxPartSize)
        return false;
    for (int source = 1; source <= sourceCount(); ++source) {
        if (qint64(m_sizes.at(source - 1) + m_partSize - 1) / m_partSize > limits.maxPartsPerSource)
            return false;
    }
    return true;
}

} // namespace bge
