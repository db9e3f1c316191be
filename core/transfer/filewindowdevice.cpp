#include "filewindowdevice.h"

#include <cstring>

namespace bge {

FileWindowDevice::FileWindowDevice(const QString& path, qint64 offset, qint64 length, QObject* parent)
    : QIODevice(parent), m_file(path), m_offset(offset), m_length(length)
{
}

FileWindowDevice::~FileWindowDevice() = default;

bool FileWindowDevice::openWindow()
{
    if (m_offset < 0 || m_length < 0) {
        setErrorString(QStringLiteral("invalid window"));
        return false;
    }
    if (!m_file.open(QIODevice::ReadOnly)) {
        setErrorString(m_file.errorString());
        return false;
    }
    if (m_file.size() < m_offset + m_length) {
        setErrorString(QStringLiteral("the file is shorter than expected (it changed on disk)"));
        m_file.close();
        return false;
    }
    if (!m_file.seek(m_offset)) {
        setErrorString(m_file.errorString());
        m_file.close();
        return false;
    }
    m_crc.reset();
    m_crcBytes = 0;
    return QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool FileWindowDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_length || !m_file.seek(m_offset + pos))
        return false;
    if (pos == 0) {
        m_crc.reset();
        m_crcBytes = 0;
    }
    return QIODevice::seek(pos);
}

bool FileWindowDevice::atEnd() const
{
    return pos() >= m_length;
}

void FileWindowDevice::close()
{
    QIODevice::close();
    m_file.close();
    m_ahead.clear();
}

qint64 FileWindowDevice::readData(char* data, qint64 maxSize)
{
    const qint64 position = pos();
    const qint64 want = qMin(maxSize, m_length - position);
    if (want <= 0)
        return m_length - position == 0 ? 0 : -1;
    const bool inAhead = position >= m_aheadStart && position < m_aheadStart + m_ahead.size();
    if (!inAhead && want >= kReadAhead) {
        // A reader asking for big blocks gets them straight from the file, without a copy.
        if (m_file.pos() != m_offset + position && !m_file.seek(m_offset + position))
            return -1;
        const qint64 read = m_file.read(data, want);
        if (read <= 0)
            return -1; // the file shrank
        hashServed(data, position, read);
        return read;
    }
    if (!inAhead) {
        // Refill from the file at `position` (after a seek, too).
        m_ahead.resize(qMin(kReadAhead, m_length - position));
        if (m_file.pos() != m_offset + position && !m_file.seek(m_offset + position))
            return -1;
        const qint64 read = m_file.read(m_ahead.data(), m_ahead.size());
        if (read <= 0) {
            m_ahead.clear();
            return -1; // a window that cannot be filled: the file shrank
        }
        m_ahead.resize(read);
        m_aheadStart = position;
    }
    const qint64 got = qMin(want, m_aheadStart + m_ahead.size() - position);
    std::memcpy(data, m_ahead.constData() + (position - m_aheadStart), size_t(got));
    hashServed(data, position, got);
    return got;
}

void FileWindowDevice::hashServed(const char* data, qint64 position, qint64 size)
{
    // Hash only bytes beyond what the CRC already covers, and only contiguously.
    if (position <= m_crcBytes && position + size > m_crcBytes) {
        const qint64 skip = m_crcBytes - position;
        m_crc.update(data + skip, size - skip);
        m_crcBytes = position + size;
    }
}

} // namespace bge
