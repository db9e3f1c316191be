#pragma once

#include "ossstore.h"

#include <QFile>

#include <memory>

namespace bge::sandbox {

// Reads an object's bytes at any offset across its segments, opening each file when the read
// reaches it (an object may have 10 000 parts: never all open at once). Segments of a replaced
// multipart object stay where they were until deleted (each Complete has its own folder), so a
// read never mixes two objects; it may end early.
class SegmentReader final
{
public:
    explicit SegmentReader(QList<OssObjectSegment> segments);

    // Opens the file holding `offset` now (a download holds on to what it started with, even if
    // the object is replaced meanwhile); false if it is gone.
    bool open(qint64 offset);
    // Up to `size` bytes from `offset`, never across a segment's end; -1 when the file is gone
    // or short (the object was deleted meanwhile).
    qint64 read(qint64 offset, char* data, qint64 size);

private:
    qsizetype openAt(qint64 offset); // the segment's index, -1 if it cannot be opened

    QList<OssObjectSegment> m_segments;
    QList<qint64> m_starts; // object offset of each segment's first byte
    qsizetype m_open = -1;
    std::unique_ptr<QFile> m_file;
};

} // namespace bge::sandbox
