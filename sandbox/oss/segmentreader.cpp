#include "segmentreader.h"

#include <algorithm>

namespace bge::sandbox {

SegmentReader::SegmentReader(QList<OssObjectSegment> segments) : m_segments(std::move(segments))
{
    qint64 start = 0;
    for (const OssObjectSegment& s : std::as_const(m_segments)) {
        m_starts.append(start);
        start += s.size;
    }
}

qsizetype SegmentReader::openAt(qint64 offset)
{
    // The last segment starting at or before `offset`.
    const auto next = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
    const qsizetype index = qsizetype(next - m_starts.cbegin()) - 1;
    if (index < 0 || offset - m_starts[index] >= m_segments[index].size)
        return -1;
    if (index != m_open) {
        m_file = std::make_unique<QFile>(m_segments[index].path);
        if (!m_file->open(QIODevice::ReadOnly)) {
            m_open = -1;
            return -1;
        }
        m_open = index;
    }
    return index;
}

bool SegmentReader::open(qint64 offset)
{
    return openAt(offset) >= 0;
}

qint64 SegmentReader::read(qint64 offset, char* data, qint64 size)
{
    const qsizetype index = openAt(offset);
    if (index < 0)
        return -1;
    const qint64 within = offset - m_starts[index];
    const qint64 want = std::min(size, m_segments[index].size - within);
    if (!m_file->seek(within))
        return -1;
    const qint64 got = m_file->read(data, want);
    return got > 0 ? got : -1;
}

} // namespace bge::sandbox
