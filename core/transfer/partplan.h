#pragma once

#include <QList>
#include <QtGlobal>

namespace bge {

// What a multipart protocol allows. OSS: parts of 100 KiB to 5 GiB, 10,000 per object.
// HealthOmics read-set uploads: at most 100 MiB a part (the documented cap; the reference
// transfer manager sends 100 MiB parts), 10,000 per source; no documented minimum.
struct PartLimits
{
    qint64 defaultPartSize = 8LL * 1024 * 1024;
    qint64 minPartSize = 1;
    qint64 maxPartSize = 5LL * 1024 * 1024 * 1024;
    int maxPartsPerSource = 10000;

    static PartLimits oss();
    static PartLimits healthOmics();
};

// One part of one source: the bytes [offset, offset + length) of that source's file.
struct PlannedPart
{
    int source = 1; // 1-based: HealthOmics SOURCE1, SOURCE2; always 1 for OSS
    int number = 1; // 1-based within its source
    qint64 offset = 0;
    qint64 length = 0;
};

// How the sources of one upload are cut into parts: one part size for every source (a journal
// records one), each source numbering its parts from 1. An empty source is one empty part
// (OSS and HealthOmics both need at least one part to complete).
class PartPlan final
{
public:
    PartPlan() = default;
    PartPlan(QList<qint64> sourceSizes, qint64 partSize);

    // The part size for sources whose largest has `largestSource` bytes: `requested` (0: the
    // default) within the limits, grown so that the largest source fits in the part count cap
    // (the default grown to whole MiB). May still not fit() when the maximum part size is too
    // small for the file: the caller refuses the upload then.
    static qint64 partSizeFor(qint64 largestSource, const PartLimits& limits, qint64 requested = 0);

    int sourceCount() const { return int(m_sizes.size()); }
    qint64 partSize() const { return m_partSize; }
    qint64 sourceSize(int source) const;
    qint64 totalSize() const;
    int partCount(int source) const;
    int totalParts() const;
    PlannedPart part(int source, int number) const; // number in 1..partCount(source)
    // Every part, source by source, each in number order: the order in which parts are sent
    // and listed at Complete (what the reference transfer manager does).
    QList<PlannedPart> parts() const;
    // Every source within the part count cap, the part size within the maximum.
    bool fits(const PartLimits& limits) const;

private:
    QList<qint64> m_sizes;
    qint64 m_partSize = 0;
};

} // namespace bge
