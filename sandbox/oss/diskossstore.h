#pragma once

#include "osserror.h"
#include "ossstore.h"

#include <QDateTime>

#include <mutex>
#include <variant>

namespace bge::sandbox {

struct PartInfo
{
    int number = 0;
    qint64 size = 0;
    QByteArray etag; // quoted upper-case hex MD5
    QByteArray md5;  // raw 16 bytes
    quint64 crc64 = 0;
    QDateTime lastModified;
};

struct UploadInfo
{
    QString uploadId;
    QString key;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> userMetadata;
    QDateTime initiated;
};

// Objects and multipart uploads as files under <dataDirectory>/oss, each with a JSON
// sidecar, so everything survives a restart. Bodies arrive already on disk (BodySink) and
// are moved into place with a rename; metadata changes are serialised by one mutex.
class DiskOssStore final : public OssStore
{
public:
    explicit DiskOssStore(const QString& dataDirectory);

    bool putBytes(const QString& key, const QByteArray& data, const QByteArray& contentType) override;
    std::optional<OssObjectInfo> stat(const QString& key) const override;

    QString temporaryPath() const; // a fresh file name for an incoming body
    enum class Commit { Stored, Exists, Failed };
    // Moves the body into place as the object `info`. With `keepExisting` (x-oss-forbid-overwrite)
    // an object already there stays and the answer is Exists: checked under the lock, so of two
    // writers racing for a new name only one wins.
    Commit commitObject(const QString& temporaryFile, OssObjectInfo info, bool keepExisting = false);
    bool removeObject(const QString& key);

    UploadInfo createUpload(const QString& key, const QByteArray& contentType,
                            const QList<QPair<QByteArray, QByteArray>>& userMetadata);
    std::optional<UploadInfo> upload(const QString& uploadId) const;
    bool commitPart(const QString& uploadId, const PartInfo& part, const QString& temporaryFile);
    QList<PartInfo> parts(const QString& uploadId) const; // ascending part numbers
    bool abortUpload(const QString& uploadId);
    // Makes the object of the listed parts (number, ETag), or of every part when `requested` is
    // empty (x-oss-complete-all), by moving the part files: no byte is copied. `damage` (fault
    // injection only) flips one bit of the object and records the CRC-64 of the damaged bytes.
    // `keepExisting` (x-oss-forbid-overwrite): FileAlreadyExists if the object exists when the
    // upload is claimed, the upload left as it was.
    std::variant<OssObjectInfo, OssError> completeUpload(const QString& uploadId,
                                                         const QList<QPair<int, QByteArray>>& requested,
                                                         bool damage = false, bool keepExisting = false);

private:
    // Makes the parts (the files in `partsDirectory`, in this order) the object `info`, moving
    // the directory to `folder` (next to the object's JSON).
    bool commitParts(const QString& partsDirectory, const QString& folder, const QList<PartInfo>& parts,
                     const OssObjectInfo& info);
    static QList<PartInfo> partsIn(const QString& directory); // ascending part numbers
    static void removeData(const QString& base); // an object's files, whichever form; under the lock
    bool existsLocked(const QString& key) const;  // under the lock
    static QString partFileName(int number);
    QString objectBase(const QString& key) const;
    QString uploadDirectory(const QString& uploadId) const;
    static bool isValidUploadId(const QString& uploadId);

    QString m_root;
    mutable std::mutex m_mutex;
};

} // namespace bge::sandbox
