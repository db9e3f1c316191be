#include "uploadjournal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace bge {

QString UploadJournal::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/uploads"_s;
}

QString UploadJournal::fileFor(const QString& directory, const QString& path, const QString& objectName)
{
    const QByteArray id = QCryptographicHash::hash((path + u'\n' + objectName).toUtf8(), QCryptographicHash::Sha256)
                              .toHex()
                              .left(32);
    return directory + u"/upload-"_s + QString::fromLatin1(id) + u".json"_s;
}

std::optional<UploadJournal> UploadJournal::load(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 4 * 1024 * 1024)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (o.value(u"version").toInt() != 1)
        return std::nullopt;
    UploadJournal j;
    j.path = o.value(u"path").toString();
    j.size = o.value(u"size").toInteger(-1);
    j.mtimeMs = o.value(u"mtime_ms").toInteger();
    j.objectName = o.value(u"object_name").toString();
    j.uploadId = o.value(u"upload_id").toString();
    j.partSize = o.value(u"part_size").toInteger();
    for (const QJsonValue& v : o.value(u"parts").toArray()) {
        const QJsonObject p = v.toObject();
        Part part;
        part.number = p.value(u"number").toInt();
        part.etag = p.value(u"etag").toString();
        part.crc64 = p.value(u"crc64").toString().toULongLong();
        part.size = p.value(u"size").toInteger(-1);
        if (part.number < 1 || part.number > 10000 || part.etag.isEmpty() || part.size < 0)
            return std::nullopt;
        j.parts.append(part);
    }
    if (j.path.isEmpty() || j.size < 0 || j.objectName.isEmpty() || j.uploadId.isEmpty() || j.partSize <= 0)
        return std::nullopt;
    return j;
}

bool UploadJournal::save(const QString& file, QString* error) const
{
    QJsonArray partsJson;
    for (const Part& p : parts)
        partsJson.append(QJsonObject{{u"number"_s, p.number},
                                     {u"etag"_s, p.etag},
                                     {u"crc64"_s, QString::number(p.crc64)}, // 64 bits do not fit a double
                                     {u"size"_s, p.size}});
    const QJsonObject o{{u"version"_s, 1},          {u"path"_s, path},
                        {u"size"_s, size},          {u"mtime_ms"_s, mtimeMs},
                        {u"object_name"_s, objectName}, {u"upload_id"_s, uploadId},
                        {u"part_size"_s, partSize}, {u"parts"_s, partsJson}};
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 ||
        !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

void UploadJournal::remove(const QString& file)
{
    QFile::remove(file);
}

} // namespace bge
