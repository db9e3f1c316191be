#pragma once

#include "omicsdemo.h"
#include "omicstime.h"

#include "ossstore.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <mutex>
#include <optional>

namespace bge::sandbox::omics {

enum class FileSlot
{
    Source1 = 0,
    Source2 = 1,
    Index = 2
};

struct ReadSetRecord
{
    QString id, storeId, name, description, subjectId, sampleId, generatedFrom, referenceArn, fileType;
    QString creationType = QStringLiteral("UPLOAD");
    QString creationJobId;
    QString finalStatus = QStringLiteral("ACTIVE"); // once processing is over: ACTIVE or UPLOAD_FAILED
    QString statusMessage;                          // why it failed
    Micros created = 0;
    Micros readyAt = 0; // PROCESSING_UPLOAD until then
    qint64 readCount = 0;
    qint64 baseCount = 0;
    QList<OssObjectSegment> files[3]; // SOURCE1, SOURCE2, INDEX; absolute paths in memory

    QString status(Micros now) const
    {
        return now < readyAt ? QStringLiteral("PROCESSING_UPLOAD") : finalStatus;
    }
    qint64 size(FileSlot slot) const;
};

struct PartRecord
{
    QString source; // SOURCE1 | SOURCE2
    int number = 0;
    qint64 size = 0;
    QString checksum; // hex SHA-256 of the part's bytes
    QString path;
    Micros created = 0;
};

struct UploadRecord
{
    QString id, storeId, fileType, subjectId, sampleId, generatedFrom, referenceArn, name, description;
    QJsonObject tags;
    Micros created = 0;
    QList<PartRecord> parts; // not in state.json: found again from the part files' names
};

struct ImportSourceRecord
{
    QString source1, source2, fileType, subjectId, sampleId, generatedFrom, referenceArn, name, description;
    QJsonObject tags;
    QString failure; // why the source cannot be imported (decided at start); empty = it can
    QString readSetId;
};

struct ImportJobRecord
{
    QString id, storeId, roleArn;
    Micros created = 0, startsAt = 0, completesAt = 0;
    QList<ImportSourceRecord> sources;
    bool materialized = false; // its read sets exist

    QString status(Micros now) const;
    QString sourceStatus(const ImportSourceRecord& s, Micros now) const;
};

// The emulator's state under <data-dir>/omics: read sets, uploads with their parts, import jobs
// and idempotency tokens, kept in memory and written to state.json after every change (bodies
// live in files beside it and are never held in memory). Every method takes the one mutex.
class OmicsState final
{
public:
    OmicsState(OmicsDemo demo, QString directory, qint64 processingMs);
    bool open(QString* error); // loads state.json, or writes the demo data for a new seed

    const OmicsDemo& demo() const { return m_demo; }
    std::mutex& mutex() { return m_mutex; }

    // Everything below expects the mutex held (lock it with mutex()).
    void advance(Micros now); // import jobs that are due create their read sets
    const DemoStore* store(const QString& id) const;
    QList<ReadSetRecord>& readSets() { return m_readSets; }
    ReadSetRecord* readSet(const QString& storeId, const QString& id);
    QMap<QString, UploadRecord>& uploads() { return m_uploads; }
    UploadRecord* upload(const QString& storeId, const QString& id);
    QMap<QString, ImportJobRecord>& importJobs() { return m_jobs; }
    QString newId();
    qint64 processingMicros() const { return m_processingMs * 1000; }

    QString temporaryPath();
    // Moves a received part's file into the upload, replacing a part of the same number.
    bool commitPart(UploadRecord& upload, PartRecord part, const QString& receivedFile);
    // Turns the upload into a read set whose files are its parts (moved, not copied).
    ReadSetRecord completeUpload(const QString& uploadId, const QString& readSetId, Micros now);
    void abortUpload(const QString& uploadId);

    // Idempotency (clientToken): the answer given to an earlier call with this token, if any.
    struct TokenUse
    {
        QByteArray fingerprint;
        QJsonObject response;
        Micros at = 0;
    };
    std::optional<TokenUse> tokenUse(const QString& key, Micros now) const;
    void rememberToken(const QString& key, const TokenUse& use);

    bool save(); // state.json, atomically

    QString sourcePath(const DemoSource& source) const;

private:
    bool writeDemo(QString* error);
    void load(const QJsonObject& o);
    void scanParts(UploadRecord& upload);
    QString uploadDirectory(const QString& uploadId) const;

    OmicsDemo m_demo;
    QString m_dir;
    qint64 m_processingMs;
    std::mutex m_mutex;
    qint64 m_nextId = 0;
    qint64 m_temporaryCounter = 0;
    QList<ReadSetRecord> m_readSets;
    QMap<QString, UploadRecord> m_uploads;
    QMap<QString, ImportJobRecord> m_jobs;
    QHash<QString, TokenUse> m_tokens;
};

} // namespace bge::sandbox::omics
