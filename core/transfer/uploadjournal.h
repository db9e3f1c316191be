#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace bge {

// What is needed to continue a multipart upload after a crash or restart, saved as one JSON
// file per upload (written atomically) before the first byte is sent. Never holds
// credentials or tokens.
struct UploadJournal
{
    struct Part
    {
        int number = 0;
        QString etag; // as OSS sent it, quotes included
        quint64 crc64 = 0;
        qint64 size = 0;
    };

    QString path;        // absolute path of the local file
    qint64 size = 0;
    qint64 mtimeMs = 0;  // last modification, ms since the epoch
    QString objectName;
    QString uploadId;
    qint64 partSize = 0;
    QList<Part> parts;   // finished parts, any order

    // <AppDataLocation>/uploads
    static QString defaultDirectory();
    // The journal file of uploading `path` to `objectName` inside `directory`.
    static QString fileFor(const QString& directory, const QString& path, const QString& objectName);
    static std::optional<UploadJournal> load(const QString& file);
    // Atomic write (QSaveFile); false with `error` set on failure.
    bool save(const QString& file, QString* error) const;
    static void remove(const QString& file);
};

} // namespace bge
