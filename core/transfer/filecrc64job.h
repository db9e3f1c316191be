#pragma once

#include "api/job.h"
#include "oss/crc64.h"

#include <QFile>

namespace bge {

// The CRC-64 (OSS's x-oss-hash-crc64ecma) of a whole file, read a few MiB per turn of the event
// loop: a multi-GB file takes seconds, during which the application must stay responsive.
// Fails (Usage) when the file cannot be read or does not have `expectedSize` bytes (it changed).
class FileCrc64Job final : public Job<quint64>
{
    Q_OBJECT
public:
    FileCrc64Job(QString path, qint64 expectedSize, QObject* parent = nullptr);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void step();

    QString m_path;
    qint64 m_expected;
    qint64 m_read = 0;
    QFile m_file;
    oss::Crc64 m_crc;
};

} // namespace bge
