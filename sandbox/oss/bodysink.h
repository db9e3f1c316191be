#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

#include "oss/crc64.h"

struct evp_md_ctx_st;

namespace bge::sandbox {

// Receives a request body in chunks and streams it to a temporary file, computing MD5 and
// CRC-64 on the way, so memory stays flat whatever the object's size.
class BodySink final
{
public:
    explicit BodySink(const QString& temporaryPath);
    ~BodySink();
    BodySink(const BodySink&) = delete;
    BodySink& operator=(const BodySink&) = delete;

    bool isOpen() const { return m_ok; }
    bool write(const char* data, qsizetype size);
    bool finish(); // flushes and closes; false on an I/O error
    void discard(); // removes the file

    qint64 size() const { return m_size; }
    QByteArray md5() const { return m_md5; } // 16 raw bytes, after finish()
    quint64 crc64() const { return m_crc.value(); }
    QString path() const { return m_file.fileName(); }

private:
    bool flush();

    QFile m_file;
    QByteArray m_buffer;
    evp_md_ctx_st* m_md5Context = nullptr;
    QByteArray m_md5;
    oss::Crc64 m_crc;
    qint64 m_size = 0;
    bool m_ok = false;
};

} // namespace bge::sandbox
