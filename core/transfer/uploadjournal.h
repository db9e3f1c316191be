#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bge {

// What is needed to continue a multipart upload after a crash or restart, whatever the
// protocol, saved as one JSON file per upload (written atomically) before the first byte is
// sent. Never holds credentials or tokens (a part's receipt is the server's acknowledgement
// for that part, not a secret).
//
// Format 2 (current): several sources (HealthOmics paired FASTQ: SOURCE1, SOURCE2), the
// protocol that wrote it, and per part its source and the opaque receipt the server returned
// (OSS ETag, HealthOmics checksum), echoed at Complete.
// Format 1 (one file, OSS ETag and CRC-64 per part) is still read, as an OSS journal of one
// source.
struct UploadJournal
{
    struct Source
    {
        QString path;       // absolute path of the local file
        qint64 size = 0;
        qint64 mtimeMs = 0; // last modification, ms since the epoch
    };
    struct Part
    {
        int number = 0;   // 1..10000 within its source
        QString receipt;    // echoed at Complete: OSS the ETag, quotes included; HealthOmics `checksum`
        quint64 crc64 = 0; // OSS: the part's CRC-64 (the object's is combined from them); else 0
        qint64 size = 0;
        int source = 1;   // 1-based
    };

    QString protocol = QStringLiteral("oss"); // a journal is only resumed by its own protocol
    QList<Source> sources;                     // sources[0] is source 1
    QString objectName; // the destination: OSS object key; HealthOmics store and read-set name
    QString uploadId;
    qint64 partSize = 0;
    QList<Part> parts;  // finished parts, any order
    QJsonObject extra;  // what else the protocol needs to resume (never a secret)
    // Complete was (about to be) sent with exactly `parts`: the upload may have become the
    // result already, so a rerun that finds the upload gone looks for that result first.
    bool completing = false;

    // <AppDataLocation>/uploads
    static QString defaultDirectory();
    // The journal file of uploading `path` to `objectName` inside `directory` (several sources:
    // their paths joined with '\n').
    static QString fileFor(const QString& directory, const QString& path, const QString& objectName);
    static std::optional<UploadJournal> load(const QString& file);
    // Atomic write (QSaveFile) in the current format; false with `error` set on failure.
    bool save(const QString& file, QString* error) const;
    static void remove(const QString& file);

    // Source 1 of an upload of one file (every OSS upload).
    QString path() const { return sources.isEmpty() ? QString() : sources.first().path; }
    qint64 size() const { return sources.isEmpty() ? 0 : sources.first().size; }
    qint64 mtimeMs() const { return sources.isEmpty() ? 0 : sources.first().mtimeMs; }
};

} // namespace bge
