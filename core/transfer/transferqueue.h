#pragma once

#include "connectionpool.h"
#include "filesinflight.h"
#include "transferbatches.h"
#include "transferitem.h"
#include "transferrate.h"
#include "transfertask.h"
#include "transfertotals.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace bge {

struct TransferQueueSettings
{
    QString stateFile;        // empty: defaultStateFile()
    // Multipart uploads, downloads and read sets at a time: each already has several parts in
    // flight, so more of them would only split the link and the memory.
    int maxConcurrent = 2;
    // Besides those, uploads below the multipart threshold at a time (one PutObject each): their
    // time goes on each request's round trip and the server storing it, not on the link, so a
    // folder of small files needs many in flight (see FilesInFlight, which `bge upload` uses).
    int maxSingleRequestUploads = FilesInFlight::kDefaultSingleRequestFiles;
    int tickIntervalMs = 250; // how often figures and views are refreshed
    int saveDelayMs = 200;    // changes within this time are saved together (longer for long lists)
    UploadOptions upload;     // journal folder, part sizes, parallelism, retries
    DownloadOptions download;
    // The HealthOmics accounts read-set items name; without them such items wait, queued.
    omics::OmicsConnections* omics = nullptr;
    // Only the technical fields count (part size, parallelism, polling; the journal folder
    // is upload.journalDirectory unless set here); each item brings the rest.
    omics::ReadSetUploadOptions readSetUpload;
    omics::ReadSetDownloadOptions readSetDownload;
};

// Every upload and download of the app: runs a few at a time, keeps figures (speed, ETA,
// totals) refreshed by a timer rather than per byte, and saves itself (no secrets) on every
// change, so that a restart resumes what was unfinished: uploads through their journal and
// the parts already on the server, downloads after the bytes of their partial file.
//
// Rows are items in the order they were added. Views follow the signals: inserted rows
// appear at once, changes come batched once per tick (a few times a second) however many
// items moved, so thousands of queued files stay cheap.
class TransferQueue final : public QObject
{
    Q_OBJECT
public:
    // `api` signs download URLs; `credentials` give uploads their target. Without `api`
    // nothing starts: items wait, queued. Without credentials (or with a session that is not
    // signed in) uploads fail with a message, to be retried later.
    TransferQueue(PlatformApi* api, UploadCredentials* credentials, TransferQueueSettings settings = {},
                  QObject* parent = nullptr);
    // Saves, then stops running transfers the way a crash would: all of them resume next time.
    ~TransferQueue() override;

    // <AppDataLocation>/transfers.json
    static QString defaultStateFile();

    int count() const { return int(m_items.size()); }
    const TransferItem& at(int row) const { return m_items.at(row); }
    int rowOf(quint64 id) const { return m_rows.value(id, -1); }
    // As of the last tick.
    const TransferTotals& totals() const { return m_totals; }
    int maxConcurrent() const { return m_maxConcurrent; }
    void setMaxConcurrent(int files);
    int maxSingleRequestUploads() const { return m_maxSingleRequestUploads; }
    int runningCount() const { return int(m_running.size()); }
    // The platform folder uploads go to; empty until known.
    const QString& uploadDestination() const { return m_uploadDestination; }
    void refreshUploadDestination();
    // What the transfers run with (tests find a read-set upload's journal through it).
    const TransferEnvironment& environment() const { return m_environment; }
    // Why the saved queue could not be read or written; empty when fine.
    const QString& storageError() const { return m_storageError; }

    // Files, and the files of folders at any depth, as one batch. A name already used by
    // another file of the batch or an unfinished upload is not sent: the item waits in
    // NameExists for overwrite() or skip(). Returns the new items' ids.
    QList<quint64> addUploads(const QStringList& paths);
    // An existing destination, or one another download writes, waits in NameExists too.
    quint64 addDownload(const QString& objectName, const QString& destination);

    // HealthOmics read sets, one item each (a pair of FASTQ files is one item), as one batch,
    // for the account `account` of the OmicsConnections. Of each options only the store and
    // what describes the read set are taken (files, name, type, sample, subject, reference,
    // description, generatedFrom, tags). The service allows duplicate names: no NameExists.
    QList<quint64> addReadSetUploads(const QString& account,
                                     const QList<omics::ReadSetUploadOptions>& uploads);
    // One file (SOURCE1, SOURCE2, INDEX) of a read set into `destination`, which waits in
    // NameExists like any download when it exists.
    quint64 addReadSetDownload(const QString& account, const QString& storeId, const QString& readSetId,
                               const QString& file, const QString& destination);
    // The accounts read-set items run with (before the first start, or later: waiting items
    // start then).
    void setOmicsConnections(omics::OmicsConnections* connections);

    void pause(const QList<quint64>& ids);
    void resume(const QList<quint64>& ids);
    void cancel(const QList<quint64>& ids);
    void retry(const QList<quint64>& ids);
    void overwrite(const QList<quint64>& ids); // resolves a name clash by replacing
    void skip(const QList<quint64>& ids);      // resolves a name clash by not transferring
    void removeFinished();                     // completed, cancelled and skipped items

    // Writes the saved state now rather than after the short delay.
    void saveNow();

Q_SIGNALS:
    void itemsInserted(int first, int last);
    void itemsAboutToBeRemoved(int first, int last);
    void itemsRemoved(int first, int last);
    // At most once per tick, covering every row that changed since the last one.
    void itemsChanged(int first, int last);
    void totalsChanged();
    void batchFinished(const bge::TransferBatchSummary& summary);
    void uploadDestinationChanged(const QString& destination);
    void storageErrorChanged(const QString& error);
    // A read-set upload's read set reached ACTIVE (`active`) or UPLOAD_FAILED: a view of that
    // store can refresh.
    void readSetSettled(const QString& account, const QString& storeId, const QString& readSetId,
                        bool active);
    // An object's upload had to do more than the person asked (its assembly came back damaged
    // and the file is sent again): translated, one line, for the transfers panel. A read-set
    // upload's notes go to its item instead.
    void notice(const QString& text);

private:
    struct Running
    {
        TransferTask* task = nullptr;
        TransferRate rate;
        int reports = 0;            // progress signals so far
        bool singleRequest = false; // counted against maxSingleRequestUploads
    };
    void load();
    void appendItems(QList<TransferItem> items);
    void setState(int row, TransferState state, const QString& error = {});
    void markChanged(int row);
    void scheduleSave();
    void scheduleStart();
    void startWaiting();
    bool startRow(int row);
    static bool mayBeOwnFinishedDownload(const TransferItem& item);
    void setNameExists(int row);
    bool finishedBeforeStop(const TransferItem& item) const;
    void stopRow(int row, bool keepForResume);
    void onProgress(quint64 id, qint64 done, qint64 total);
    void onFinished(quint64 id, const ApiError& error, const QString& objectName);
    void onReadSetFinished(int row, const ApiError& error, const QString& readSetId);
    void onReadSetStatus(quint64 id, const QString& readSetId, const QString& status, const QString& note);
    bool canStart(const TransferItem& item) const;
    bool isSingleRequestUpload(const TransferItem& item) const;
    static QString busyKey(const TransferItem& item);
    void tick();
    void rebuildIndexes();
    void setStorageError(const QString& error);
    void setUploadDestination(const QString& destination);
    QSet<QString> pendingUploadNames() const;
    template <typename Action> void forEachRow(const QList<quint64>& ids, Action action);

    TransferEnvironment m_environment;
    QString m_stateFile;
    int m_maxConcurrent;
    int m_maxSingleRequestUploads;
    // Kept connections every upload of the queue shares: a small file's PutObject goes on a
    // connection an earlier one left open instead of opening (on the real service: a TLS
    // handshake) one of its own.
    ConnectionPool m_connections;
    QList<TransferItem> m_items;
    QHash<quint64, int> m_rows;
    QHash<quint64, Running> m_running;
    TransferBatches m_batches; // ended batches are reported at the next tick
    quint64 m_nextId = 1;
    quint64 m_nextBatch = 1;
    int m_scanFrom = 0; // no queued item above this row can start
    bool m_startPending = false;
    QSet<quint64> m_interrupted; // downloads that were running when the app last stopped

    QTimer m_tick;
    QTimer m_saveTimer;
    int m_saveDelayMs = 0;
    QElapsedTimer m_clock;
    qint64 m_progressSavedAt = 0;
    int m_changedFirst = -1;
    int m_changedLast = -1;
    TransferTotals m_totals;
    QString m_uploadDestination;
    QString m_storageError;
};

} // namespace bge
