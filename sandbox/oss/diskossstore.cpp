#include "diskossstore.h"

#include "oss/crc64.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinimumPartSize = 100 * 1024; // every part but the last (checked at Complete)

QByteArray quotedEtag(const QByteArray& md5)
{
    return '"' + md5.toHex().toUpper() + '"';
}

QString randomHex(int count)
{
    QString s;
    for (int i = 0; i < count; ++i)
        s += QChar(u"0123456789ABCDEF"[QRandomGenerator::system()->bounded(16)]);
    return s;
}

bool writeJson(const QString& path, const QJsonObject& o)
{
    QFile f(path + u".tmp"_s);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QJsonDocument(o).toJson()) < 0)
        return false;
    f.close();
    QFile::remove(path);
    return QFile::rename(f.fileName(), path);
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject metadataJson(const QList<QPair<QByteArray, QByteArray>>& meta)
{
    QJsonObject o;
    for (const auto& [name, value] : meta)
        o.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return o;
}

QList<QPair<QByteArray, QByteArray>> metadataFrom(const QJsonObject& o)
{
    QList<QPair<QByteArray, QByteArray>> meta;
    for (auto it = o.begin(); it != o.end(); ++it)
        meta.emplaceBack(it.key().toUtf8(), it.value().toString().toUtf8());
    return meta;
}

QJsonObject partJson(const PartInfo& p)
{
    return {{u"number"_s, p.number},
            {u"size"_s, QString::number(p.size)},
            {u"etag"_s, QString::fromLatin1(p.etag)},
            {u"md5"_s, QString::fromLatin1(p.md5.toHex())},
            {u"crc64"_s, QString::number(p.crc64)},
            {u"lastModified"_s, p.lastModified.toString(Qt::ISODateWithMs)}};
}

PartInfo partFrom(const QJsonObject& o)
{
    PartInfo p;
    p.number = o.value(u"number").toInt();
    p.size = o.value(u"size").toString().toLongLong();
    p.etag = o.value(u"etag").toString().toLatin1();
    p.md5 = QByteArray::fromHex(o.value(u"md5").toString().toLatin1());
    p.crc64 = o.value(u"crc64").toString().toULongLong();
    p.lastModified = QDateTime::fromString(o.value(u"lastModified").toString(), Qt::ISODateWithMs);
    return p;
}

bool appendFile(QFile& out, const QString& path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QByteArray buffer(8 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        if (out.write(buffer.constData(), n) != n)
            return false;
    }
}

// Fault injection: flips one bit in the middle of `path` and gives the CRC-64 of the result.
bool flipMiddleBit(const QString& path, quint64* crc)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(f.size() / 2))
        return false;
    char byte = 0;
    if (f.read(&byte, 1) != 1 || !f.seek(f.size() / 2))
        return false;
    byte = char(byte ^ 0x10);
    if (f.write(&byte, 1) != 1 || !f.seek(0))
        return false;
    oss::Crc64 sum;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (qint64 n; (n = f.read(buffer.data(), buffer.size())) > 0;)
        sum.update(buffer.constData(), n);
    *crc = sum.value();
    return true;
}

} // namespace

DiskOssStore::DiskOssStore(const QString& dataDirectory) : m_root(dataDirectory + u"/oss"_s)
{
    for (const char16_t* sub : {u"objects", u"uploads", u"tmp"})
        QDir().mkpath(m_root + u'/' + QString::fromUtf16(sub));
}

QString DiskOssStore::objectBase(const QString& key) const
{
    // File names from a hash: keys may hold any UTF-8, slashes, and be 1023 bytes long.
    return m_root + u"/objects/"_s
           + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool DiskOssStore::isValidUploadId(const QString& uploadId)
{
    static const QRegularExpression kFormat(u"^[0-9A-F]{32}$"_s);
    return kFormat.match(uploadId).hasMatch();
}

QString DiskOssStore::uploadDirectory(const QString& uploadId) const
{
    return m_root + u"/uploads/"_s + uploadId;
}

QString DiskOssStore::temporaryPath() const
{
    return m_root + u"/tmp/"_s + randomHex(24);
}

bool DiskOssStore::putBytes(const QString& key, const QByteArray& data, const QByteArray& contentType)
{
    const QString tmp = temporaryPath();
    QFile f(tmp);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return false;
    f.close();
    OssObjectInfo info;
    info.key = key;
    info.size = data.size();
    info.etag = quotedEtag(QCryptographicHash::hash(data, QCryptographicHash::Md5));
    info.crc64 = oss::Crc64::checksum(data);
    info.contentType = contentType;
    info.lastModified = QDateTime::currentDateTimeUtc();
    return commitObject(tmp, info);
}

bool DiskOssStore::commitObject(const QString& temporaryFile, OssObjectInfo info)
{
    std::lock_guard lock(m_mutex);
    const QString base = objectBase(info.key);
    QFile::remove(base + u".data"_s);
    if (!QFile::rename(temporaryFile, base + u".data"_s))
        return false;
    return writeJson(base + u".json"_s, {{u"key"_s, info.key},
                                         {u"size"_s, QString::number(info.size)},
                                         {u"etag"_s, QString::fromLatin1(info.etag)},
                                         {u"crc64"_s, QString::number(info.crc64)},
                                         {u"contentType"_s, QString::fromUtf8(info.contentType)},
                                         {u"lastModified"_s, info.lastModified.toString(Qt::ISODateWithMs)},
                                         {u"meta"_s, metadataJson(info.userMetadata)}});
}

std::optional<OssObjectInfo> DiskOssStore::stat(const QString& key) const
{
    std::lock_guard lock(m_mutex);
    const QString base = objectBase(key);
    const QJsonObject o = readJson(base + u".json"_s);
    if (o.value(u"key").toString() != key || !QFile::exists(base + u".data"_s))
        return std::nullopt;
    OssObjectInfo info;
    info.key = key;
    info.size = o.value(u"size").toString().toLongLong();
    info.etag = o.value(u"etag").toString().toLatin1();
    info.crc64 = o.value(u"crc64").toString().toULongLong();
    info.contentType = o.value(u"contentType").toString().toUtf8();
    info.lastModified = QDateTime::fromString(o.value(u"lastModified").toString(), Qt::ISODateWithMs);
    info.userMetadata = metadataFrom(o.value(u"meta").toObject());
    info.filePath = base + u".data"_s;
    return info;
}

bool DiskOssStore::removeObject(const QString& key)
{
    std::lock_guard lock(m_mutex);
    const QString base = objectBase(key);
    QFile::remove(base + u".json"_s);
    return QFile::remove(base + u".data"_s);
}

UploadInfo DiskOssStore::createUpload(const QString& key, const QByteArray& contentType,
                                      const QList<QPair<QByteArray, QByteArray>>& userMetadata)
{
    std::lock_guard lock(m_mutex);
    UploadInfo u{randomHex(32), key, contentType, userMetadata, QDateTime::currentDateTimeUtc()};
    QDir().mkpath(uploadDirectory(u.uploadId));
    writeJson(uploadDirectory(u.uploadId) + u"/upload.json"_s,
              {{u"key"_s, key},
               {u"contentType"_s, QString::fromUtf8(contentType)},
               {u"meta"_s, metadataJson(userMetadata)},
               {u"initiated"_s, u.initiated.toString(Qt::ISODateWithMs)}});
    return u;
}

std::optional<UploadInfo> DiskOssStore::upload(const QString& uploadId) const
{
    if (!isValidUploadId(uploadId))
        return std::nullopt;
    std::lock_guard lock(m_mutex);
    const QJsonObject o = readJson(uploadDirectory(uploadId) + u"/upload.json"_s);
    if (o.isEmpty())
        return std::nullopt;
    return UploadInfo{uploadId, o.value(u"key").toString(), o.value(u"contentType").toString().toUtf8(),
                      metadataFrom(o.value(u"meta").toObject()),
                      QDateTime::fromString(o.value(u"initiated").toString(), Qt::ISODateWithMs)};
}

bool DiskOssStore::commitPart(const QString& uploadId, const PartInfo& part, const QString& temporaryFile)
{
    std::lock_guard lock(m_mutex);
    const QString dir = uploadDirectory(uploadId);
    if (!QFile::exists(dir + u"/upload.json"_s))
        return false; // aborted or completed meanwhile
    const QString base = dir + u"/part-"_s + QString::number(part.number);
    QFile::remove(base + u".data"_s); // re-uploading a part number replaces it
    return QFile::rename(temporaryFile, base + u".data"_s) && writeJson(base + u".json"_s, partJson(part));
}

QList<PartInfo> DiskOssStore::parts(const QString& uploadId) const
{
    std::lock_guard lock(m_mutex);
    QList<PartInfo> result;
    const QDir dir(uploadDirectory(uploadId));
    for (const QString& name : dir.entryList({u"part-*.json"_s}, QDir::Files))
        result.append(partFrom(readJson(dir.filePath(name))));
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
    return result;
}

bool DiskOssStore::abortUpload(const QString& uploadId)
{
    if (!isValidUploadId(uploadId))
        return false;
    std::lock_guard lock(m_mutex);
    QDir dir(uploadDirectory(uploadId));
    return dir.exists(u"upload.json"_s) && dir.removeRecursively();
}

std::variant<OssObjectInfo, OssError> DiskOssStore::completeUpload(const QString& uploadId,
                                                                   const QList<QPair<int, QByteArray>>& requested,
                                                                   bool damage)
{
    const auto info = upload(uploadId);
    if (!info)
        return OssError::noSuchUpload(uploadId);
    const QList<PartInfo> available = parts(uploadId);

    QList<PartInfo> chosen;
    if (requested.isEmpty()) {
        chosen = available;
    } else {
        int previous = 0;
        for (const auto& [number, etag] : requested) {
            if (number <= previous)
                return OssError::invalidPartOrder();
            previous = number;
            const auto it = std::find_if(available.cbegin(), available.cend(),
                                         [n = number](const PartInfo& p) { return p.number == n; });
            QByteArray bare = etag.trimmed();
            bare.replace('"', QByteArray());
            if (it == available.cend() || '"' + bare.toUpper() + '"' != it->etag)
                return OssError::invalidPart();
            chosen.append(*it);
        }
    }
    if (chosen.isEmpty())
        return OssError::invalidPart();
    for (qsizetype i = 0; i + 1 < chosen.size(); ++i) {
        if (chosen[i].size < kMinimumPartSize)
            return OssError::entityTooSmall();
    }

    // Claim the upload so that a concurrent Complete or Abort finds it gone.
    const QString claimed = m_root + u"/tmp/complete-"_s + uploadId;
    {
        std::lock_guard lock(m_mutex);
        if (!QDir().rename(uploadDirectory(uploadId), claimed))
            return OssError::noSuchUpload(uploadId);
    }
    const QString assembled = temporaryPath();
    QFile out(assembled);
    QByteArray md5s;
    quint64 crc = 0;
    qint64 size = 0;
    bool ok = out.open(QIODevice::WriteOnly);
    for (const PartInfo& p : chosen) {
        ok = ok && appendFile(out, claimed + u"/part-"_s + QString::number(p.number) + u".data"_s);
        md5s += p.md5;
        crc = oss::Crc64::combine(crc, p.crc64, quint64(p.size));
        size += p.size;
    }
    out.close();
    QDir(claimed).removeRecursively();
    if (ok && damage && size > 0)
        ok = flipMiddleBit(assembled, &crc);
    if (!ok) {
        QFile::remove(assembled);
        return OssError::internalError();
    }
    OssObjectInfo object;
    object.key = info->key;
    object.size = size;
    // Multipart ETags are opaque to clients; this is the common "<md5 of part md5s>-<N>" form.
    object.etag = '"' + QCryptographicHash::hash(md5s, QCryptographicHash::Md5).toHex().toUpper() + '-'
                  + QByteArray::number(chosen.size()) + '"';
    object.crc64 = crc;
    object.contentType = info->contentType;
    object.lastModified = QDateTime::currentDateTimeUtc();
    object.userMetadata = info->userMetadata;
    if (!commitObject(assembled, object))
        return OssError::internalError();
    object.filePath = objectBase(object.key) + u".data"_s;
    return object;
}

} // namespace bge::sandbox
