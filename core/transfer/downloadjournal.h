#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace bge {

// The sidecar `<destination>.bgepart.json` beside a partial download: which object the bytes
// in `<destination>.bgepart` belong to, as the server described it when they started to
// arrive. A resume only continues bytes of the same object (same name, size and ETag);
// anything else starts over. Holds no URL: a signed URL is a credential.
struct DownloadJournal
{
    QString objectName;
    QByteArray etag;              // as sent, quotes included; empty when the server sent none
    qint64 size = -1;             // the whole object; -1 when unknown
    std::optional<quint64> crc64; // whole-object x-oss-hash-crc64ecma, when the server sent it
    // A download in parts (PartDownloadEngine; HealthOmics GetReadSet): the part size and the
    // parts already written in full. 0 and empty for a sequential download.
    qint64 partSize = 0;
    QList<int> partsDone = {};

    // Written to a temporary file and renamed over the old one, so a crash leaves either.
    bool save(const QString& path, QString* error) const;
    // nullopt when missing, unreadable or not a journal of this format.
    static std::optional<DownloadJournal> load(const QString& path);
};

} // namespace bge
