#include "diskossstore.h"

#include "oss/crc64.h"
#include "segmentreader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

// Fault injection: flips one bit in the middle of the object and gives the CRC-64 of the result.
bool flipMiddleBit(const QList<OssObjectSegment>& segments, qint64 size, quint64* crc)
{
    qint64 middle = size / 2;
    for (const OssObjectSegment& segment : segments) {
        if (middle >= segment.size) {
            middle -= segment.size;
            continue;
        }
        QFile f(segment.path);
        char byte = 0;
        if (!f.open(QIODevice::ReadWrite) || !f.seek(middle) || f.read(&byte, 1) != 1 || !f.seek(middle))
            return false;
        byte = char(byte ^ 0x10);
        if (f.write(&byte, 1) != 1)
            return false;
        break;
    }
    oss::Crc64 sum;
    SegmentReader reader(segments);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (qint64 at = 0; at < size;) {
        const qint64 n = reader.read(at, buffer.data(), buffer.size());
        if (n <= 0)
            return false;
        sum.update(buffer.constData(), n);
        at += n;
    }
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
    return commitObject(tmp, info) == Commit::Stored;
}

namespace {

QJsonObject objectJson(const OssObjectInfo& info)
{
    return {{u"key"_s, info.key},
            {u"size"_s, QString::number(info.size)},
            {u"etag"_s, QString::fromLatin1(info.etag)},
            {u"crc64"_s, QString::number(info.crc64)},
            {u"contentType"_s, QString::fromUtf8(info.contentType)},
            {u"lastModified"_s, info.lastModified.toString(Qt::ISODateWithMs)},
            {u"meta"_s, metadataJson(info.userMetadata)}};
}

} // namespace

void DiskOssStore::removeData(const QString& base)
{
    QFile::remove(base + u".json"_s);
    QFile::remove(base + u".data"_s);
    const QFileInfo file(base);
    QDir objects = file.dir();
    for (const QString& folder : objects.entryList({file.fileName() + u".parts-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot))
        QDir(objects.filePath(folder)).removeRecursively();
}

bool DiskOssStore::existsLocked(const QString& key) const
{
    return readJson(objectBase(key) + u".json"_s).value(u"key").toString() == key;
}

DiskOssStore::Commit DiskOssStore::commitObject(const QString& temporaryFile, OssObjectInfo info, bool keepExisting)
{
    std::lock_guard lock(m_mutex);
    if (keepExisting && existsLocked(info.key)) {
        QFile::remove(temporaryFile);
        return Commit::Exists;
    }
    const QString base = objectBase(info.key);
    removeData(base);
    if (!QFile::rename(temporaryFile, base + u".data"_s))
        return Commit::Failed;
    return writeJson(base + u".json"_s, objectJson(info)) ? Commit::Stored : Commit::Failed;
}

bool DiskOssStore::commitParts(const QString& partsDirectory, const QString& folder, const QList<PartInfo>& parts,
                               const OssObjectInfo& info)
{
    std::lock_guard lock(m_mutex);
    const QString base = objectBase(info.key);
    removeData(base);
    if (!QDir().rename(partsDirectory, folder))
        return false;
    QJsonObject o = objectJson(info);
    QJsonArray files;
    for (const PartInfo& p : parts) {
        files.append(QJsonObject{{u"file"_s, QString(QFileInfo(folder).fileName() + u'/' + partFileName(p.number))},
                                 {u"size"_s, QString::number(p.size)}});
    }
    o.insert(u"parts"_s, files);
    return writeJson(base + u".json"_s, o);
}

QString DiskOssStore::partFileName(int number)
{
    return u"part-%1.data"_s.arg(number);
}

std::optional<OssObjectInfo> DiskOssStore::stat(const QString& key) const
{
    std::lock_guard lock(m_mutex);
    const QString base = objectBase(key);
    const QJsonObject o = readJson(base + u".json"_s);
    if (o.value(u"key").toString() != key)
        return std::nullopt;
    QList<OssObjectSegment> segments;
    if (o.contains(u"parts"_s)) {
        for (const QJsonValue& part : o.value(u"parts"_s).toArray()) {
            segments.append({QFileInfo(base).path() + u'/' + part[u"file"_s].toString(),
                             part[u"size"_s].toString().toLongLong()});
        }
    } else {
        segments.append({base + u".data"_s, o.value(u"size").toString().toLongLong()});
    }
    if (segments.isEmpty() || !QFile::exists(segments.first().path))
        return std::nullopt;
    OssObjectInfo info;
    info.key = key;
    info.size = o.value(u"size").toString().toLongLong();
    info.etag = o.value(u"etag").toString().toLatin1();
    info.crc64 = o.value(u"crc64").toString().toULongLong();
    info.contentType = o.value(u"contentType").toString().toUtf8();
    info.lastModified = QDateTime::fromString(o.value(u"lastModified").toString(), Qt::ISODateWithMs);
    info.userMetadata = metadataFrom(o.value(u"meta").toObject());
    info.segments = segments;
    return info;
}

bool DiskOssStore::removeObject(const QString& key)
{
    std::lock_guard lock(m_mutex);
    const QString base = objectBase(key);
    const bool existed = QFile::exists(base + u".json"_s);
    removeData(base);
    return existed;
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
    const QString data = dir + u'/' + partFileName(part.number);
    QFile::remove(data); // re-uploading a part number replaces it
    return QFile::rename(temporaryFile, data) &&
           writeJson(dir + u"/part-"_s + QString::number(part.number) + u".json"_s, partJson(part));
}

QList<PartInfo> DiskOssStore::parts(const QString& uploadId) const
{
    std::lock_guard lock(m_mutex);
    return partsIn(uploadDirectory(uploadId));
}

QList<PartInfo> DiskOssStore::partsIn(const QString& directory)
{
    QList<PartInfo> result;
    const QDir dir(directory);
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

namespace {

// The parts a CompleteMultipartUpload names, checked against those uploaded.
std::variant<QList<PartInfo>, OssError> chooseParts(const QList<PartInfo>& available,
                                                     const QList<QPair<int, QByteArray>>& requested)
{
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
    return chosen;
}

} // namespace

std::variant<OssObjectInfo, OssError> DiskOssStore::completeUpload(const QString& uploadId,
                                                                   const QList<QPair<int, QByteArray>>& requested,
                                                                   bool damage, bool keepExisting)
{
    const auto info = upload(uploadId);
    if (!info)
        return OssError::noSuchUpload(uploadId);

    // Claim the upload first: a concurrent Complete or Abort then finds it gone, and a part
    // uploaded meanwhile is refused instead of changing the parts checked below. A refused
    // Complete gives the upload back.
    const QString claimed = m_root + u"/tmp/complete-"_s + uploadId;
    {
        std::lock_guard lock(m_mutex);
        if (keepExisting && existsLocked(info->key))
            return OssError::fileAlreadyExists();
        if (!QDir().rename(uploadDirectory(uploadId), claimed))
            return OssError::noSuchUpload(uploadId);
    }
    const auto selection = chooseParts(partsIn(claimed), requested);
    if (const auto* refusal = std::get_if<OssError>(&selection)) {
        std::lock_guard lock(m_mutex);
        QDir().rename(claimed, uploadDirectory(uploadId));
        return *refusal;
    }
    const QList<PartInfo> chosen = std::get<QList<PartInfo>>(selection);

    // The object is the chosen parts as they are, moved and not copied: like OSS, Complete
    // costs the same whatever the object's size. Parts left out of the list are discarded.
    QByteArray md5s;
    quint64 crc = 0;
    qint64 size = 0;
    QList<OssObjectSegment> segments;
    for (const PartInfo& p : std::as_const(chosen)) {
        md5s += p.md5;
        crc = oss::Crc64::combine(crc, p.crc64, quint64(p.size));
        size += p.size;
        segments.append({claimed + u'/' + partFileName(p.number), p.size});
    }
    QDir parts(claimed);
    for (const QString& name : parts.entryList(QDir::Files)) {
        const bool kept = std::any_of(chosen.cbegin(), chosen.cend(),
                                      [&](const PartInfo& p) { return partFileName(p.number) == name; });
        if (!kept)
            parts.remove(name); // part JSON files and unlisted parts
    }
    if (damage && size > 0 && !flipMiddleBit(segments, size, &crc)) {
        parts.removeRecursively();
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
    // Each completed upload gets a folder of its own: a download of the object this one
    // replaces keeps reading the old parts, never a mix of both.
    const QString folder = objectBase(object.key) + u".parts-"_s + uploadId;
    if (!commitParts(claimed, folder, chosen, object)) {
        parts.removeRecursively();
        return OssError::internalError();
    }
    for (OssObjectSegment& segment : segments)
        segment.path = folder + u'/' + QFileInfo(segment.path).fileName();
    object.segments = segments;
    return object;
}

} // namespace bge::sandbox
