#include "downloadjournal.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace bge {

using namespace Qt::StringLiterals;

namespace {
constexpr int kFormat = 1;
constexpr qint64 kMaxJournalBytes = 64 * 1024;
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
    return j;
}

} // namespace bge
