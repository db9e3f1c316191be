#include "uploadjournal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace bge {

Q_LOGGING_CATEGORY(lcJournal, "bge.transfer.journal", QtInfoMsg)

namespace {

constexpr int kFormat = 2;
constexpr int kMaxSources = 16;

std::optional<UploadJournal::Part> partFrom(const QJsonObject& p, int format)
{
    UploadJournal::Part part;
    part.number = p.value(u"number").toInt();
    part.receipt = p.value(format == 1 ? u"etag" : u"receipt").toString();
    part.crc64 = p.value(u"crc64").toString().toULongLong(); // 64 bits do not fit a double
    part.size = p.value(u"size").toInteger(-1);
    part.source = format == 1 ? 1 : p.value(u"source").toInt();
    if (part.number < 1 || part.number > 10000 || part.receipt.isEmpty() || part.size < 0 || part.source < 1 ||
        part.source > kMaxSources)
        return std::nullopt;
    return part;
}

// A journal that is there but cannot be used (cut short by a crash, damaged, edited, from a
// newer version): the upload starts over, which loses time but nothing else. Said in the log,
// as nothing else explains why a large upload began again from its first byte.
std::nullopt_t refused(const QString& file)
{
    qCWarning(lcJournal).noquote() << "the upload journal" << file
                                   << "cannot be read (damaged or of another version); that upload starts over";
    return std::nullopt;
}

} // namespace

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
    if (!f.exists())
        return std::nullopt;
    if (!f.open(QIODevice::ReadOnly) || f.size() > 4 * 1024 * 1024)
        return refused(file);
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const int format = o.value(u"version").toInt();
    if (format != 1 && format != kFormat)
        return refused(file);
    UploadJournal j;
    if (format == 1) {
        // Format 1: an OSS upload of one file, its description at the top level.
        j.sources = {{o.value(u"path").toString(), o.value(u"size").toInteger(-1), o.value(u"mtime_ms").toInteger()}};
    } else {
        j.protocol = o.value(u"protocol").toString();
        const QJsonArray sources = o.value(u"sources").toArray();
        if (sources.isEmpty() || sources.size() > kMaxSources)
            return refused(file);
        for (const QJsonValue& v : sources) {
            const QJsonObject s = v.toObject();
            j.sources.append({s.value(u"path").toString(), s.value(u"size").toInteger(-1),
                              s.value(u"mtime_ms").toInteger()});
        }
        j.extra = o.value(u"extra").toObject();
        j.completing = o.value(u"completing").toBool();
    }
    j.objectName = o.value(u"object_name").toString();
    j.uploadId = o.value(u"upload_id").toString();
    j.partSize = o.value(u"part_size").toInteger();
    for (const QJsonValue& v : o.value(u"parts").toArray()) {
        const std::optional<Part> part = partFrom(v.toObject(), format);
        if (!part || part->source > j.sources.size())
            return refused(file);
        j.parts.append(*part);
    }
    for (const Source& s : std::as_const(j.sources)) {
        if (s.path.isEmpty() || s.size < 0)
            return refused(file);
    }
    if (j.protocol.isEmpty() || j.objectName.isEmpty() || j.uploadId.isEmpty() || j.partSize <= 0)
        return refused(file);
    return j;
}

bool UploadJournal::save(const QString& file, QString* error) const
{
    QJsonArray sourcesJson;
    for (const Source& s : sources)
        sourcesJson.append(QJsonObject{{u"path"_s, s.path}, {u"size"_s, s.size}, {u"mtime_ms"_s, s.mtimeMs}});
    QJsonArray partsJson;
    for (const Part& p : parts)
        partsJson.append(QJsonObject{{u"source"_s, p.source},
                                     {u"number"_s, p.number},
                                     {u"receipt"_s, p.receipt},
                                     {u"crc64"_s, QString::number(p.crc64)}, // 64 bits do not fit a double
                                     {u"size"_s, p.size}});
    QJsonObject o{{u"version"_s, kFormat},        {u"protocol"_s, protocol},   {u"sources"_s, sourcesJson},
                  {u"object_name"_s, objectName}, {u"upload_id"_s, uploadId}, {u"part_size"_s, partSize},
                  {u"parts"_s, partsJson}};
    if (!extra.isEmpty())
        o.insert(u"extra"_s, extra);
    if (completing)
        o.insert(u"completing"_s, true);
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
