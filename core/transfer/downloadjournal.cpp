#include "downloadjournal.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace bge {

using namespace Qt::StringLiterals;

namespace {
constexpr int kFormat = 1;
constexpr qint64 kMaxJournalBytes = 256 * 1024; // 10,000 part numbers fit
} // namespace

bool DownloadJournal::save(const QString& path, QString* error) const
{
    QJsonObject o{{u"format"_s, kFormat},
                  {u"object"_s, objectName},
                  {u"etag"_s, QString::fromLatin1(etag)},
                  // As strings: JSON numbers lose precision beyond 2^53.
                  {u"size"_s, QString::number(size)}};
    if (crc64)
        o.insert(u"crc64"_s, QString::number(*crc64));
    if (partSize > 0) {
        QJsonArray done;
        for (const int n : partsDone)
            done.append(n);
        o.insert(u"part_size"_s, QString::number(partSize));
        o.insert(u"parts_done"_s, done);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 ||
        !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<DownloadJournal> DownloadJournal::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxJournalBytes)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (o.value(u"format").toInt() != kFormat || !o.value(u"object").isString() ||
        !o.value(u"size").isString())
        return std::nullopt;
    DownloadJournal j;
    j.objectName = o.value(u"object").toString();
    j.etag = o.value(u"etag").toString().toLatin1();
    bool ok = false;
    j.size = o.value(u"size").toString().toLongLong(&ok);
    if (!ok || j.size < -1)
        return std::nullopt;
    if (o.contains(u"crc64")) {
        const quint64 crc = o.value(u"crc64").toString().toULongLong(&ok);
        if (!ok)
            return std::nullopt;
        j.crc64 = crc;
    }
    if (o.contains(u"part_size")) {
        j.partSize = o.value(u"part_size").toString().toLongLong(&ok);
        if (!ok || j.partSize <= 0)
            return std::nullopt;
        for (const QJsonValue& v : o.value(u"parts_done").toArray()) {
            const int n = v.toInt();
            if (n < 1 || n > 10000)
                return std::nullopt;
            j.partsDone.append(n);
        }
    }
    return j;
}

} // namespace bge
