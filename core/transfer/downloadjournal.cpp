#include "downloadjournal.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>

namespace bge {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDownloadJournal, "bge.transfer.journal", QtInfoMsg)

namespace {
constexpr int kFormat = 1;
constexpr qint64 kMaxJournalBytes = 256 * 1024; // 10,000 part numbers fit

// A journal that is there but cannot be used: its partial file is discarded and the download
// starts over. Said in the log, as nothing else explains why it began again from zero.
std::nullopt_t refused(const QString& path)
{
    qCWarning(lcDownloadJournal).noquote() << "the download journal" << path
                                           << "cannot be read (damaged or of another version); that download starts over";
    return std::nullopt;
}
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
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxJournalBytes)
        return refused(path);
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (o.value(u"format").toInt() != kFormat || !o.value(u"object").isString() ||
        !o.value(u"size").isString())
        return refused(path);
    DownloadJournal j;
    j.objectName = o.value(u"object").toString();
    j.etag = o.value(u"etag").toString().toLatin1();
    bool ok = false;
    j.size = o.value(u"size").toString().toLongLong(&ok);
    if (!ok || j.size < -1)
        return refused(path);
    if (o.contains(u"crc64")) {
        const quint64 crc = o.value(u"crc64").toString().toULongLong(&ok);
        if (!ok)
            return refused(path);
        j.crc64 = crc;
    }
    if (o.contains(u"part_size")) {
        j.partSize = o.value(u"part_size").toString().toLongLong(&ok);
        if (!ok || j.partSize <= 0)
            return refused(path);
        for (const QJsonValue& v : o.value(u"parts_done").toArray()) {
            const int n = v.toInt();
            if (n < 1 || n > 10000)
                return refused(path);
            j.partsDone.append(n);
        }
    }
    return j;
}

} // namespace bge
