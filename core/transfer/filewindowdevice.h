#pragma once

#include "oss/crc64.h"

#include <QFile>
#include <QIODevice>

namespace bge {

// A read-only view of the bytes [offset, offset + length) of a file, for sending one part of
// an upload without holding it in memory. Computes the CRC-64/ECMA of what it serves; a
// rewind (reset() or seek(0), which Qt does to resend a body) restarts the CRC.
// Reads the file kReadAhead bytes at a time: Qt's HTTP layer asks for 16 KiB at a time, and a
// system call per 16 KiB costs more than the copy (the benchmark in tests/bench shows it).
// A read of kReadAhead bytes or more goes straight from the file into the caller's buffer.
class FileWindowDevice final : public QIODevice
{
    Q_OBJECT
public:
    FileWindowDevice(const QString& path, qint64 offset, qint64 length, QObject* parent = nullptr);
    ~FileWindowDevice() override;

    // Opens the file read-only (unbuffered); false with errorString() when the file is not
    // readable or shorter than the window.
    bool openWindow();

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }
    bool seek(qint64 pos) override;
    bool atEnd() const override;
    void close() override;

    // The CRC of the whole window, valid once every byte was served in order.
    bool crcComplete() const { return m_crcBytes == m_length; }
    quint64 crc64() const { return m_crc.value(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

public:
    static constexpr qint64 kReadAhead = 512 * 1024;

private:
    void hashServed(const char* data, qint64 position, qint64 size);

    QFile m_file;
    qint64 m_offset;
    qint64 m_length;
    QByteArray m_ahead;      // bytes of the window read ahead, starting at m_aheadStart
    qint64 m_aheadStart = 0; // window position of m_ahead's first byte
    oss::Crc64 m_crc;
    qint64 m_crcBytes = 0; // how many leading bytes of the window the CRC covers
};

} // namespace bge
