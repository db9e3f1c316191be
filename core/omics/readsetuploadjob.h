#pragma once

#include "api/job.h"
#include "omicsinputs.h"
#include "readsetuploadrecord.h"
#include "records/readset.h"

#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>

namespace bge {
class MultipartEngine;
struct MultipartOutcome;
}

namespace bge::omics {

class OmicsConnection;
class ReadSetUploadAdapter;

struct ReadSetUploadOptions
{
    QString storeId;
    QStringList files; // R1 → SOURCE1, R2 → SOURCE2 (two only for FASTQ)
    QString fileType;  // FASTQ, BAM, CRAM, UBAM; empty or "auto": from the bytes
    QString subjectId;
    QString sampleId;
    QString name;
    QString referenceArn; // required for BAM and CRAM
    QString description;
    QString generatedFrom;
    QMap<QString, QString> tags;
    QString journalDirectory; // empty: UploadJournal::defaultDirectory()
    qint64 partSize = 0;      // 0: 100 MiB, grown to fit 10,000 parts (at most 100 MiB anyway)
    int parallelism = 4;
    bool waitForActive = true; // follow the read set through PROCESSING_UPLOAD after Complete
    int pollIntervalMs = 1500; // GetReadSetMetadata's quota is 5 TPS
    int settleTimeoutMs = 30 * 60 * 1000;
    // Off: the declared type is sent without comparing it with the bytes (a type the sniffer
    // cannot read; tests of the service's own verdict). Never off for "auto".
    bool checkBytes = true;
};

struct ReadSetUploadResult
{
    QString uploadId;
    QString readSetId;
    QString fileType;
    qint64 size = 0;   // every file
    int partsSent = 0; // by this job
    int partsTotal = 0;
    bool resumed = false;                    // continued an upload from its journal
    std::optional<ReadSetMetadata> metadata; // the last one read (ACTIVE unless not waited for)
};

// Uploads one read set (one file, or paired FASTQ) to a sequence store: the type checked
// against the bytes before anything is sent, the multipart upload on the protocol-neutral
// MultipartEngine with ReadSetUploadAdapter, then the read set followed through
// PROCESSING_UPLOAD to ACTIVE (UPLOAD_FAILED: an error with the service's reason) and its
// stored sizes checked against the files.
//
// abort() aborts the upload on the server. Destroying a running job leaves the journal and
// the server's parts: the next job for the same files and name resumes (only missing parts).
class ReadSetUploadJob final : public Job<ReadSetUploadResult>
{
    Q_OBJECT
public:
    ReadSetUploadJob(OmicsConnection* connection, ReadSetUploadOptions options, QObject* parent = nullptr);
    ~ReadSetUploadJob() override;

    // The journal file for these options (where a resume is looked for).
    static QString journalFileFor(const ReadSetUploadOptions& options);
    // The commit-point record for these options (ReadSetUploadRecord), beside the journal.
    static QString recordFileFor(const ReadSetUploadOptions& options);

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // After Complete, while the service processes the parts.
    void processing(const QString& readSetId, const QString& status);
    // Something the user should hear about what a rerun found (a read set an earlier run
    // completed, an upload gone); translated.
    void notice(const QString& message);
    // The record was saved at a commit point (before Create, after it, before Complete, after
    // it). For tests that stop the job there: connect queued, never delete the job inside.
    void commitPoint(bge::omics::ReadSetUploadRecord::State state);

protected:
    void doStart() override;
    void doAbort() override;

private:
    ApiError check();
    void abortOrphan();
    CreateUploadInput createInput(const QString& clientToken) const;
    void startEngine();
    void engineFinished(const Result<MultipartOutcome>& outcome);
    void follow(const QString& readSetId, bool fromRecord);
    void checkCompletingUpload();
    void findReadSet();
    void foundReadSets(const QStringList& matched);
    void uploadAgain(const QString& why);
    ApiError saveRecord();
    void forgetRecord();
    void poll();
    void settled(const ReadSetMetadata& metadata);

    QPointer<OmicsConnection> m_connection;
    ReadSetUploadOptions m_options;
    QString m_fileType;
    QList<qint64> m_sizes;
    QString m_recordFile;
    std::optional<ReadSetUploadRecord> m_record;
    bool m_followingRecord = false; // the read set came from the record, not from this upload
    ReadSetUploadResult m_result;
    QTimer m_pollTimer;
    qint64 m_settleDeadline = 0;
    std::unique_ptr<QObject> m_pollContext;
    // Declared in this order so that the engine goes first (it stops the adapter).
    std::unique_ptr<ReadSetUploadAdapter> m_adapter;
    std::unique_ptr<MultipartEngine> m_engine;
};

} // namespace bge::omics
