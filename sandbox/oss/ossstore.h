#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace bge::sandbox {

// A file holding a run of an object's bytes.
struct OssObjectSegment
{
    QString path;
    qint64 size = 0;
};

struct OssObjectInfo
{
    QString key;
    qint64 size = 0;
    QByteArray etag;        // with quotes, upper-case hex: "\"5EB63BBBE01EEED093CB22BB8F5ACDC3\"" or "\"...-N\"" for multipart
    quint64 crc64 = 0;
    QByteArray contentType;
    QDateTime lastModified; // UTC
    QList<QPair<QByteArray, QByteArray>> userMetadata; // x-oss-meta-* (lower-case names)
    // Where the bytes are on disk, in order: one file, or a multipart object's part files as
    // they were uploaded (CompleteMultipartUpload moves them, it does not copy them).
    QList<OssObjectSegment> segments;
};

// Objects and multipart uploads on disk under <dataDirectory>/oss. Thread-safe.
// (Interface used by the platform side to place demo files; the server uses more of it.)
class OssStore
{
public:
    virtual ~OssStore() = default;
    // Stores a small object from memory (demo files). Overwrites.
    virtual bool putBytes(const QString& key, const QByteArray& data, const QByteArray& contentType) = 0;
    virtual std::optional<OssObjectInfo> stat(const QString& key) const = 0;
};

} // namespace bge::sandbox
