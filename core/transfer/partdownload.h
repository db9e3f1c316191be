#pragma once

#include "api/job.h"
#include "api/retrypolicy.h"
#include "downloaddestination.h"
#include "downloadjournal.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>

#include <functional>
#include <memory>

namespace bge {

struct DownloadPartRequest
{
    int number = 1;    // 1-based
    qint64 offset = 0; // (number - 1) * partSize
    qint64 length = 0; // exactly what the server must send for this part
};

// What one protocol says about fetching one part of a file in parts. HealthOmics: GetReadSet
// `?partNumber=N&file=SOURCE1|SOURCE2|INDEX` (part N is the bytes at (N-1)*partSize, from
// GetReadSetMetadata's files.<name>.partSize/totalParts/contentLength), paced to its 30 TPS.
// An OSS adapter would be a ranged GET of the part.
//
// Callbacks: `write` as the body arrives (false: stop, the engine failed to store it);
// `done` exactly once unless stop() came first. An error is retried by the engine when
// isRetryable() (the part is then fetched again from its start).
class PartDownloadAdapter
{
public:
    virtual ~PartDownloadAdapter() = default;
    virtual void fetchPart(const DownloadPartRequest& part, std::function<bool(const char*, qint64)> write,
                           std::function<void(const ApiError&)> done) = 0;
    // Pacing: calls `go` when the next part may be asked for.
    virtual void beforePart(std::function<void()> go) { go(); }
    // Stops every request; no callback follows.
    virtual void stop() = 0;
};

struct PartDownloadSettings
{
    QString destination;
    bool overwrite = false; // an existing destination is never replaced unless this is set
    // Which bytes these are (e.g. "<store>/<read set>/SOURCE1" and what the metadata says of
    // them): a partial file of anything else is not resumed.
    QString identity;
    qint64 size = 0;     // the whole file, from the metadata: the bytes on disk must add up to it
    qint64 partSize = 0; // > 0
    int parallelism = 4;
    RetryPolicy retry{5, 500, 8000}; // per part, consecutive failed attempts
};

struct PartDownloadResult
{
    QString path;
    qint64 size = 0;
    int partsFetched = 0; // by this job
    int partsKept = 0;    // from an earlier, interrupted job
    qint64 bytesFetched = 0;
};

// A file downloaded in parts in parallel into `<destination>.bgepart` (each part written at
// its offset), with a journal of the parts written in full (saved before the first byte and at
// most once a second after), resumed after a kill (only missing parts fetched), its size
// checked against the metadata, then moved into place: never over an existing file unless
// overwriting. Destroyed or cancelled, it keeps the partial file and its journal for a resume.
class PartDownloadEngine final : public Job<PartDownloadResult>
{
    Q_OBJECT
public:
    PartDownloadEngine(PartDownloadAdapter* adapter, PartDownloadSettings settings, QObject* parent = nullptr);
    ~PartDownloadEngine() override;

    int partCount() const;

Q_SIGNALS:
    // Bytes of finished parts and parts in flight, at most five times a second (and at the end).
    void progress(qint64 done, qint64 total);

protected:
    void doStart() override;
    void doAbort() override;

private:
    struct Task;

    ApiError prepare();
    void pump();
    void fetch(std::shared_ptr<Task> task);
    bool write(const std::shared_ptr<Task>& task, const char* data, qint64 size);
    void partDone(std::shared_ptr<Task> task, const ApiError& error);
    void finish();
    void fail(const ApiError& error);
    void release();
    bool saveJournal(bool force);
    void reportProgress(bool force);

    PartDownloadAdapter* m_adapter;
    PartDownloadSettings m_settings;
    DownloadDestination m_target;
    QFile m_part;
    DownloadJournal m_journal;
    QList<int> m_pending;
    QHash<int, qint64> m_inFlightBytes;
    qint64 m_doneBytes = 0;
    std::optional<ApiError> m_writeError;
    PartDownloadResult m_result;
    QElapsedTimer m_progressClock;
    QElapsedTimer m_journalClock;
    bool m_journalDirty = false;
};

} // namespace bge
