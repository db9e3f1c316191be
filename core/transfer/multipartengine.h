#pragma once

#include "api/job.h"
#include "api/retrypolicy.h"
#include "multipartadapter.h"
#include "partplan.h"
#include "uploadjournal.h"

#include <QElapsedTimer>
#include <QHash>

#include <memory>

namespace bge {

struct MultipartSettings
{
    QList<UploadJournal::Source> sources; // absolute paths, their size and mtime when the upload began
    QString objectName;                   // the destination, as the journal names it
    qint64 partSize = 0;                  // for a new upload (a resumed one keeps its journal's)
    PartLimits limits;
    int parallelism = 4;                  // parts in flight (waiting for a pacing slot included)
    RetryPolicy retry{6, 500, 8000};
    QString journalFile;
    QJsonObject extra;                    // saved in a new journal, handed back on resume
};

struct MultipartOutcome
{
    QString uploadId;
    QString id;                       // CompleteReply::id
    QList<UploadJournal::Part> parts; // by source, then number
    qint64 size = 0;                  // of every source
    int partsSent = 0;                // parts this job sent
    bool resumed = false;             // continued an upload from its journal
};

// The protocol-neutral multipart upload: several sources cut into parts (PartPlan), parts in
// flight (parallelism) each read through a file window, pacing (MultipartAdapter::beforePart),
// per-part retries, the journal (written before the first byte, per part its source, number,
// size and the server's receipt), resume (journal + the server's list: only missing parts sent),
// file-changed detection, throttled progress, abort and cancel. What the protocol says is in
// the adapter, which must outlive the engine.
//
// Destroying a running engine stops its requests but leaves the journal and the server's parts
// (what a crash leaves behind: the next engine for the same sources resumes). abort() aborts
// the upload on the server and removes the journal.
class MultipartEngine final : public Job<MultipartOutcome>
{
    Q_OBJECT
public:
    MultipartEngine(MultipartAdapter* adapter, MultipartSettings settings, QObject* parent = nullptr);
    ~MultipartEngine() override;

    // Ends the job with `error` from outside (e.g. the adapter's credentials failed), exactly
    // as the engine's own failures: a refusal discards the upload, anything else keeps it.
    void failWith(const ApiError& error);
    // The upload as the journal has it: on resume, `extra` is what the adapter saved in
    // MultipartSettings::extra when the upload began (e.g. the HealthOmics store and clientToken).
    const UploadJournal& journal() const { return m_journal; }
    // The job failed because the server assembled the result other than its parts make (the
    // adapter answered Complete with `discard`): the upload is spent; what is left of the result
    // is the caller's to look at.
    bool assembledDamaged() const { return m_assembledDamaged; }

Q_SIGNALS:
    // Bytes acknowledged or in flight, at most five times a second (and once at the end).
    void progress(qint64 done, qint64 total);

protected:
    void doStart() override;
    void doAbort() override;

private:
    struct Task;

    void initiate();
    void listSource(int source, QList<UploadJournal::Part> found);
    void resumeWith(const QList<UploadJournal::Part>& serverParts);
    void pump();
    void sendPart(std::shared_ptr<Task> task);
    void partDone(std::shared_ptr<Task> task, const UploadPartReply& reply);
    void completeUpload();
    void lookForCompleted(std::function<void()> otherwise);
    bool fileChanged() const;
    void failChangedFile();
    void fail(const ApiError& error);
    bool saveJournal(bool force = true);
    void flushJournal();
    void dropJournal();
    void partProgress(quint32 key, qint64 sent);
    void reportProgress(bool force);
    std::optional<PartPlan> planFor(qint64 partSize);

    MultipartAdapter* m_adapter;
    MultipartSettings m_settings;
    PartPlan m_plan;
    UploadJournal m_journal;
    QList<PlannedPart> m_pending;
    QHash<quint32, qint64> m_inFlightBytes; // key: source << 16 | number
    qint64 m_total = 0;
    qint64 m_doneBytes = 0;
    int m_partsSent = 0;
    bool m_resumed = false;
    bool m_completing = false;
    // The journal says an earlier run sent Complete: the upload may be gone because it became
    // the result.
    bool m_mayBeComplete = false;
    bool m_assembledDamaged = false;
    QElapsedTimer m_progressClock;
    QElapsedTimer m_journalClock;
    bool m_journalDirty = false; // parts finished since the last save
};

} // namespace bge
