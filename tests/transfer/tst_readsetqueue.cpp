// HealthOmics read sets in the transfer queue, against the HealthOmics emulator of a real
// bge-sandbox child process: a paired FASTQ queued, uploaded and read back byte for byte; a
// queue destroyed mid-upload and a new one resuming the same upload from the saved state;
// cancel aborting the upload on the server; pause and resume; UPLOAD_FAILED with the service's
// reason; an account that does not exist; read-set downloads, a second one to the same name
// waiting in NameExists, and a paused one resuming its partial file; the state file with
// read-set items (and an old one without them). And a process running the queue (the
// readsetqueuechild program) killed with SIGKILL, no destructor and no last save: in the middle
// of the parts, before Create, and while the service processes the completed upload; a new
// queue in this process resumes from what it left on disk.
//
// The emulator answers every request after a short latency and uses small parts, so that a
// test can act while an upload runs; the accounts live in a temporary QSettings file with the
// secret in an in-memory credential store.
#include "common/sandboxprocess.h"
#include "credentials/memorycredentialstore.h"
#include "omics/omicstestsupport.h"
#include "omics/omicsaccount.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/omicsconnections.h"
#include "omics/readsetuploadjob.h"
#include "transfer/downloaddestination.h"
#include "transfer/transferqueue.h"
#include "transfer/transferqueuestore.h"
#include "transfer/uploadjournal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

using namespace bge;
using namespace bge::omics;
using namespace Qt::StringLiterals;
using test::fastq;
using test::writeFile;

namespace {

constexpr qint64 kKiB = 1024;
constexpr int kWaitMs = 180000; // generous: a shared two-core machine

// The suite's own patience (kWaitMs) with the shared waiter.
template <typename T> Result<T> awaitJobLong(Job<T>* job)
{
    return test::awaitJob(job, kWaitMs);
}

const QString kAccount = u"emulator"_s;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A readsetqueuechild process and what it printed so far.
struct Child
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QByteArray out;

    // The rest of the first line that starts with "<key> " (empty: not printed yet).
    QString value(const QString& key)
    {
        out += process->readAllStandardOutput();
        const QByteArray prefix = key.toUtf8() + ' ';
        // Whole lines only: a read may end in the middle of one.
        for (const QByteArray& line : out.left(out.lastIndexOf('\n') + 1).split('\n')) {
            if (line.startsWith(prefix))
                return QString::fromUtf8(line.mid(prefix.size()));
        }
        return {};
    }
    bool running() const { return process->state() == QProcess::Running; }
    // SIGKILL (no chance to save or clean up), then gone.
    bool killHard()
    {
        process->kill();
        return process->waitForFinished(30000) && process->exitStatus() == QProcess::CrashExit;
    }
};

// UploadReadSetPart requests the emulator acknowledged in `log` ("omics: PUT <path> 200", the
// path only: one line per request, the upload id in the path, the part number not).
QStringList acknowledgedPartUploads(const QString& log)
{
    static const QRegularExpression line(u"^omics: PUT /\\S*/upload/([^/\\s]+)/part 200$"_s,
                                         QRegularExpression::MultilineOption);
    QStringList ids;
    for (auto it = line.globalMatch(log); it.hasNext();)
        ids.append(it.next().captured(1));
    return ids;
}

} // namespace

class TestReadSetQueue final : public QObject
{
    Q_OBJECT

private:
    test::SandboxProcess m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    QTemporaryDir m_data;
    QString m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MemoryCredentialStore> m_keychain;
    std::unique_ptr<OmicsConnections> m_connections;
    std::unique_ptr<OmicsApi> m_api;
    int m_counter = 0;
    // The paired upload's read set and its files, for the download tests.
    QString m_pairedId;
    QString m_r1;
    QString m_r2;
    // The restarted upload's read set (50 parts of 256 KiB) and its file.
    QString m_bigId;
    QString m_big;

    QString freshDir(const QString& name)
    {
        const QString dir = m_dir.filePath(u"%1-%2"_s.arg(++m_counter).arg(name));
        QDir().mkpath(dir);
        return dir;
    }

    // 256 KiB parts, two at a time: a few MiB make many parts.
    static TransferQueueSettings settings(const QString& dir)
    {
        TransferQueueSettings s;
        s.stateFile = dir + u"/state/transfers.json"_s;
        s.tickIntervalMs = 100;
        s.upload.journalDirectory = dir + u"/journals"_s;
        s.readSetUpload.partSize = 256 * kKiB;
        s.readSetUpload.parallelism = 2;
        s.readSetUpload.pollIntervalMs = 300;
        s.readSetDownload.parallelism = 2;
        return s;
    }

    std::unique_ptr<TransferQueue> makeQueue(const TransferQueueSettings& s)
    {
        TransferQueueSettings withOmics = s;
        withOmics.omics = m_connections.get();
        return std::make_unique<TransferQueue>(nullptr, nullptr, withOmics);
    }

    ReadSetUploadOptions uploadOptions(const QStringList& files, const QString& name) const
    {
        ReadSetUploadOptions o;
        o.storeId = m_store;
        o.files = files;
        o.fileType = u"FASTQ"_s;
        o.subjectId = u"NA12878"_s;
        o.sampleId = u"NA12878-S1"_s;
        o.name = name;
        o.description = u"queued from the test"_s;
        o.generatedFrom = u"tst_readsetqueue"_s;
        return o;
    }

    static TransferState stateOf(const TransferQueue& queue, quint64 id)
    {
        const int row = queue.rowOf(id);
        return row < 0 ? TransferState::Cancelled : queue.at(row).state;
    }

    static const TransferItem& itemOf(const TransferQueue& queue, quint64 id)
    {
        return queue.at(queue.rowOf(id));
    }

    static bool waitFor(const TransferQueue& queue, quint64 id, TransferState state, int timeoutMs = kWaitMs)
    {
        if (QTest::qWaitFor([&] { return stateOf(queue, id) == state; }, timeoutMs))
            return true;
        const TransferItem& item = itemOf(queue, id);
        qWarning().noquote() << item.name << "is" << transferStateKey(item.state) << item.error;
        return false;
    }

    // The engine's journal of the upload once it names an upload with at least `parts` parts.
    static std::optional<UploadJournal> journalWithParts(const QString& file, int parts)
    {
        std::optional<UploadJournal> found;
        [[maybe_unused]] const bool seen = QTest::qWaitFor(
            [&] {
                found = UploadJournal::load(file);
                return found && !found->uploadId.isEmpty() && found->parts.size() >= parts;
            },
            kWaitMs);
        return found && found->parts.size() >= parts ? found : std::nullopt;
    }

    // The uploads in progress on the store with this read-set name.
    QStringList uploadsNamed(const QString& name)
    {
        const Result<OmicsPage<ReadSetUpload>> page = awaitJobLong(m_api->listUploads(m_store));
        if (!page)
            return {u"error: "_s + page.error().fullText()};
        QStringList ids;
        for (const ReadSetUpload& u : page.value().items) {
            if (u.name == name)
                ids.append(u.uploadId);
        }
        return ids;
    }

    // Every part of one file of a read set, through GetReadSet.
    QByteArray readBack(const QString& readSetId, const QString& file)
    {
        const Result<ReadSetMetadata> metadata = awaitJobLong(m_api->readSetMetadata(m_store, readSetId));
        if (!metadata)
            return {};
        const std::optional<ReadSetFileInfo> info = metadata.value().file(file);
        if (!info)
            return {};
        QByteArray bytes;
        for (int part = 1; part <= info->totalParts; ++part) {
            const Result<QByteArray> r = awaitJobLong(m_api->readSetPart(m_store, readSetId, part, file));
            if (!r)
                return {};
            bytes += r.value();
        }
        return bytes;
    }

    // A readsetqueuechild uploading `files` as `name` with the queue settings of `dir`; its
    // queue gets the accounts `accountsDelayMs` after the item is queued (0: from the start).
    std::unique_ptr<Child> startChild(const QString& dir, const QStringList& files, const QString& name,
                                      int saveDelayMs, int accountsDelayMs = 0)
    {
        m_settings->sync(); // the child reads the account from the file
        auto child = std::make_unique<Child>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BGE_TEST_OMICS_SECRET"_s, m_sandbox.description()
                                                   .value(u"omics"_s)
                                                   .toObject()
                                                   .value(u"secret_access_key"_s)
                                                   .toString());
        child->process->setProcessEnvironment(env);
        child->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child->process->start(QStringLiteral(BGE_READSETQUEUECHILD_PATH),
                              QStringList{dir, m_settings->fileName(), kAccount, m_store, name,
                                          QString::number(256 * kKiB), QString::number(saveDelayMs),
                                          QString::number(accountsDelayMs)} +
                                  files);
        return child;
    }

    // The read sets of the store with this name.
    QStringList readSetsNamed(const QString& name)
    {
        ReadSetFilter filter;
        filter.name = name;
        const Result<OmicsPage<ReadSetListItem>> page = awaitJobLong(m_api->listReadSets(m_store, filter));
        if (!page)
            return {u"error: "_s + page.error().fullText()};
        QStringList ids;
        for (const ReadSetListItem& r : page.value().items)
            ids.append(r.id);
        return ids;
    }

    // Waits for the single item of `queue` to complete, then checks the one read set named
    // `name`: ACTIVE, its files the bytes of `files`, no upload of that name left in progress,
    // neither journal nor record left. Returns its id.
    QString verifyOneActiveReadSet(const TransferQueue& queue, const QString& name, const QStringList& files,
                                   const QString& journal, const QString& record)
    {
        if (!waitFor(queue, queue.at(0).id, TransferState::Completed))
            return {};
        const TransferItem& item = queue.at(0);
        const QString id = item.readSet->readSetId;
        [&] {
            QCOMPARE(item.readSet->status, u"ACTIVE"_s);
            QCOMPARE(readSetsNamed(name), QStringList{id}); // one read set, never a duplicate
            QCOMPARE(readSetStatus(id), u"ACTIVE"_s);
            QCOMPARE(readBack(id, u"SOURCE1"_s), readAll(files.at(0)));
            if (files.size() > 1)
                QCOMPARE(readBack(id, u"SOURCE2"_s), readAll(files.at(1)));
            QCOMPARE(uploadsNamed(name), QStringList());
            QVERIFY(!QFile::exists(journal));
            QVERIFY(!QFile::exists(record));
        }();
        return QTest::currentTestFailed() ? QString() : id;
    }

    QString readSetStatus(const QString& readSetId)
    {
        const Result<ReadSetMetadata> metadata = awaitJobLong(m_api->readSetMetadata(m_store, readSetId));
        return metadata ? metadata.value().readSet.status : metadata.error().fullText();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_data.isValid());
        // Latency on every HealthOmics request: an upload of a few MiB in 256 KiB parts runs
        // long enough to be acted on in the middle.
        QVERIFY2(m_sandbox.start({u"--data-dir"_s, m_data.path(), u"--omics-quotas"_s, u"on"_s,
                                  u"--omics-processing-ms"_s, u"600"_s, u"--omics-read-part-size"_s,
                                  QString::number(256 * kKiB), u"--omics-faults"_s, u"latency-ms=60"_s}),
                 qPrintable(m_sandbox.errorOutput()));
        const QJsonObject omics = m_sandbox.description().value(u"omics"_s).toObject();
        m_store = omics.value(u"sequence_stores"_s).toArray().first().toObject().value(u"id"_s).toString();
        QVERIFY(!m_store.isEmpty());

        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_keychain = std::make_unique<MemoryCredentialStore>();
        m_connections = std::make_unique<OmicsConnections>(m_settings.get(), m_keychain.get(), &m_network);
        OmicsAccount account;
        account.name = kAccount;
        account.region = omics.value(u"region"_s).toString();
        account.accessKeyId = omics.value(u"access_key_id"_s).toString();
        account.endpoint = omics.value(u"endpoint"_s).toString();
        std::optional<QString> problem;
        QObject context;
        m_connections->save(account, omics.value(u"secret_access_key"_s).toString(), &context,
                            [&problem](const QString& p) { problem = p; });
        QTRY_VERIFY(problem.has_value());
        QVERIFY2(problem->isEmpty(), qPrintable(*problem));
        const Result<OmicsConnection*> connection = m_connections->connection(kAccount);
        QVERIFY2(connection, qPrintable(connection.error().fullText()));
        m_api = std::make_unique<OmicsApi>(connection.value());

        m_r1 = m_dir.filePath(u"NA12878_S1_L001_R1_001.fastq"_s);
        m_r2 = m_dir.filePath(u"NA12878_S1_L001_R2_001.fastq"_s);
        QVERIFY(writeFile(m_r1, fastq(5000, 11, 1))); // ~1.6 MiB: 7 parts
        QVERIFY(writeFile(m_r2, fastq(4000, 12, 2)));
    }

    void pairedFastqCompletes()
    {
        const QString dir = freshDir(u"paired"_s);
        auto queue = makeQueue(settings(dir));
        QSignalSpy settled(queue.get(), &TransferQueue::readSetSettled);
        const QList<quint64> ids =
            queue->addReadSetUploads(kAccount, {uploadOptions({m_r1, m_r2}, u"paired"_s)});
        QCOMPARE(ids.size(), 1);
        const TransferItem& queued = itemOf(*queue, ids.first());
        QVERIFY(queued.readSet);
        QCOMPARE(queued.size, QFileInfo(m_r1).size() + QFileInfo(m_r2).size());
        QCOMPARE(queued.readSet->secondFile, QFileInfo(m_r2).absoluteFilePath());
        QCOMPARE(queued.state, TransferState::Queued); // duplicates are fine in a store: no clash

        // While the service processes the bytes the row stays Running, saying so.
        bool sawProcessing = false;
        connect(queue.get(), &TransferQueue::itemsChanged, this, [&] {
            const TransferItem& item = itemOf(*queue, ids.first());
            if (item.state == TransferState::Running && item.readSet->isProcessing())
                sawProcessing = true;
        });
        QVERIFY(waitFor(*queue, ids.first(), TransferState::Completed));
        QVERIFY(sawProcessing);
        const TransferItem& item = itemOf(*queue, ids.first());
        QCOMPARE(item.done, item.size);
        QCOMPARE(item.readSet->status, u"ACTIVE"_s);
        QVERIFY(!item.readSet->readSetId.isEmpty());
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.first().at(0).toString(), kAccount);
        QCOMPARE(settled.first().at(1).toString(), m_store);
        QCOMPARE(settled.first().at(2).toString(), item.readSet->readSetId);
        QCOMPARE(settled.first().at(3).toBool(), true);

        m_pairedId = item.readSet->readSetId;
        QCOMPARE(readSetStatus(m_pairedId), u"ACTIVE"_s);
        QCOMPARE(readBack(m_pairedId, u"SOURCE1"_s), readAll(m_r1));
        QCOMPARE(readBack(m_pairedId, u"SOURCE2"_s), readAll(m_r2));
        const Result<ReadSetMetadata> metadata = awaitJobLong(m_api->readSetMetadata(m_store, m_pairedId));
        QVERIFY(metadata);
        QCOMPARE(metadata.value().readSet.name, u"paired"_s);
        QCOMPARE(metadata.value().readSet.sampleId, u"NA12878-S1"_s);
        QCOMPARE(metadata.value().readSet.subjectId, u"NA12878"_s);
        // Nothing left behind: no journal, no record, no upload in progress.
        const ReadSetUploadOptions o = TransferTask::readSetUploadOptions(queue->environment(), item);
        QVERIFY(!QFile::exists(ReadSetUploadJob::journalFileFor(o)));
        QVERIFY(!QFile::exists(ReadSetUploadJob::recordFileFor(o)));
        QCOMPARE(uploadsNamed(u"paired"_s), QStringList());
    }

    void restartResumesTheSameUpload()
    {
        const QString dir = freshDir(u"restart"_s);
        const QString big = dir + u"/big_R1.fastq"_s;
        // ~12.6 MiB: 50 parts, so that the resumed run lasts past the journal's next save.
        QVERIFY(writeFile(big, fastq(40000, 21)));
        const TransferQueueSettings s = settings(dir);
        auto queue = makeQueue(s);
        const quint64 id = queue->addReadSetUploads(kAccount, {uploadOptions({big}, u"restarted"_s)}).first();
        const QString journalFile = ReadSetUploadJob::journalFileFor(
            TransferTask::readSetUploadOptions(queue->environment(), itemOf(*queue, id)));
        const std::optional<UploadJournal> before = journalWithParts(journalFile, 3);
        QVERIFY2(before, "the upload never got three parts on the server");
        QVERIFY(stateOf(*queue, id) == TransferState::Running);
        queue.reset(); // what quitting (or a crash after the last save) leaves

        const std::optional<UploadJournal> kept = UploadJournal::load(journalFile);
        QVERIFY(kept);
        QCOMPARE(kept->uploadId, before->uploadId);
        qint64 keptBytes = 0;
        for (const UploadJournal::Part& p : kept->parts)
            keptBytes += p.size;
        QVERIFY(keptBytes > 0);
        QCOMPARE(uploadsNamed(u"restarted"_s), QStringList{before->uploadId});

        auto again = makeQueue(s);
        QCOMPARE(again->count(), 1);
        const TransferItem& loaded = again->at(0);
        QCOMPARE(loaded.id, id);
        QVERIFY(loaded.readSet);
        QCOMPARE(loaded.readSet->account, kAccount);
        QCOMPARE(loaded.readSet->subjectId, u"NA12878"_s);
        const qint64 savedDone = loaded.done;
        QVERIFY(savedDone > 0);
        // Never less than what the server kept: the parts already sent are not sent again.
        qint64 lowest = std::numeric_limits<qint64>::max();
        QSet<QString> uploadsSeen; // in journals that grew past what was kept
        connect(again.get(), &TransferQueue::itemsChanged, this, [&] {
            const TransferItem& item = again->at(0);
            if (item.state != TransferState::Running)
                return;
            lowest = std::min(lowest, item.done);
            if (const std::optional<UploadJournal> j = UploadJournal::load(journalFile);
                j && j->parts.size() > kept->parts.size())
                uploadsSeen.insert(j->uploadId);
        });
        QVERIFY(waitFor(*again, id, TransferState::Completed));
        QCOMPARE(uploadsSeen, QSet<QString>{before->uploadId}); // the same upload, grown
        // The saved figure may lag the journal by the last progress report: the floor is the
        // lower of the two (a fresh upload would have gone back to nothing).
        const qint64 floor = std::min(keptBytes, savedDone);
        QVERIFY2(lowest >= floor, qPrintable(u"%1 < %2"_s.arg(lowest).arg(floor)));
        const QString readSetId = again->at(0).readSet->readSetId;
        QCOMPARE(readSetStatus(readSetId), u"ACTIVE"_s);
        QCOMPARE(readBack(readSetId, u"SOURCE1"_s), readAll(big));
        m_bigId = readSetId;
        m_big = big;
        QCOMPARE(uploadsNamed(u"restarted"_s), QStringList());
        QVERIFY(!QFile::exists(journalFile));
    }

    void restartWhileProcessingFollowsTheSameReadSet()
    {
        const QString dir = freshDir(u"restart-processing"_s);
        const QString file = dir + u"/processing_R1.fastq"_s;
        QVERIFY(writeFile(file, fastq(1500, 61)));
        const TransferQueueSettings s = settings(dir);
        auto queue = makeQueue(s);
        const quint64 id =
            queue->addReadSetUploads(kAccount, {uploadOptions({file}, u"restarted-processing"_s)}).first();
        QVERIFY(QTest::qWaitFor([&] { return itemOf(*queue, id).readSet->isProcessing(); }, kWaitMs));
        const QString readSetId = itemOf(*queue, id).readSet->readSetId;
        QVERIFY(!readSetId.isEmpty());
        QCOMPARE(stateOf(*queue, id), TransferState::Running);
        queue.reset(); // killed while the service processes the bytes

        auto again = makeQueue(s);
        QCOMPARE(again->at(0).readSet->readSetId, readSetId); // saved the moment Complete named it
        QVERIFY(waitFor(*again, id, TransferState::Completed));
        const TransferItem& item = again->at(0);
        QCOMPARE(item.readSet->readSetId, readSetId); // followed, not uploaded a second time
        QCOMPARE(item.readSet->status, u"ACTIVE"_s);
        QVERIFY(!item.readSet->note.isEmpty()); // the person hears why nothing was sent
        ReadSetFilter filter;
        filter.name = u"restarted-processing"_s;
        const Result<OmicsPage<ReadSetListItem>> page = awaitJobLong(m_api->listReadSets(m_store, filter));
        QVERIFY(page);
        QCOMPARE(page.value().items.size(), 1);
        QCOMPARE(page.value().items.first().id, readSetId);
    }

    void sigkillMidUploadResumesTheSameUpload()
    {
        const QString dir = freshDir(u"sigkill"_s);
        const QString r1 = dir + u"/killed_R1.fastq"_s;
        const QString r2 = dir + u"/killed_R2.fastq"_s;
        // ~6.2 MiB each: 25 parts of 256 KiB per file, 50 in all, so that the kill lands mid-way.
        QVERIFY(writeFile(r1, fastq(20000, 71, 1)));
        QVERIFY(writeFile(r2, fastq(20000, 72, 2)));
        const auto partsOf = [](const QString& f) { return int((QFileInfo(f).size() + 256 * kKiB - 1) / (256 * kKiB)); };
        const int total = partsOf(r1) + partsOf(r2);
        const QString name = u"sigkilled"_s;
        const auto child = startChild(dir, {r1, r2}, name, 200);
        QVERIFY(child->process->waitForStarted(30000));
        QVERIFY(QTest::qWaitFor([&] { return !child->value(u"journal"_s).isEmpty() || !child->running(); }, kWaitMs));
        const QString journalFile = child->value(u"journal"_s);
        const QString recordFile = child->value(u"record"_s);
        QVERIFY2(!journalFile.isEmpty(), child->out.constData());

        // Killed once the journal names an upload with a few parts.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const std::optional<UploadJournal> j = UploadJournal::load(journalFile);
                         return (j && !j->uploadId.isEmpty() && j->parts.size() >= 3) || !child->running();
                     },
                     kWaitMs),
                 "the child never got three parts on the server");
        QVERIFY2(child->running(), child->out.constData());
        QVERIFY(child->killHard());
        const QString killedLog = m_sandbox.errorOutput();

        const std::optional<UploadJournal> before = UploadJournal::load(journalFile);
        QVERIFY(before);
        QVERIFY(!before->uploadId.isEmpty());
        const int kept = int(before->parts.size());
        QVERIFY2(kept >= 3 && kept < total, qPrintable(u"%1 of %2"_s.arg(kept).arg(total)));
        // The server has the same upload in progress, with (at least) the journal's parts.
        QCOMPARE(uploadsNamed(name), QStringList{before->uploadId});
        const std::optional<ReadSetUploadRecord> record = ReadSetUploadRecord::load(recordFile);
        QVERIFY(record);
        QCOMPARE(record->state, ReadSetUploadRecord::State::Created);
        QCOMPARE(record->uploadId, before->uploadId);

        // A new queue on the same state file and settings: the item, and the same upload.
        auto again = makeQueue(settings(dir));
        QCOMPARE(again->count(), 1);
        const TransferItem& loaded = again->at(0);
        QVERIFY(loaded.readSet);
        QCOMPARE(loaded.readSet->account, kAccount);
        QCOMPARE(loaded.readSet->storeId, m_store);
        QCOMPARE(loaded.localPath, QFileInfo(r1).absoluteFilePath());
        QCOMPARE(loaded.readSet->secondFile, QFileInfo(r2).absoluteFilePath());
        QCOMPARE(loaded.name, name);
        QCOMPARE(ReadSetUploadJob::journalFileFor(TransferTask::readSetUploadOptions(again->environment(), loaded)),
                 journalFile);
        QVERIFY(verifyOneActiveReadSet(*again, name, {r1, r2}, journalFile, recordFile) != QString());

        // What the emulator acknowledged since the kill: parts of the killed upload only, the
        // ones the journal lacked, plus at most the killed process's two parts in flight whose
        // answers were logged after the kill. (A line is logged after its answer: wait.)
        const auto since = [&] { return acknowledgedPartUploads(m_sandbox.errorOutput().mid(killedLog.size())); };
        QTRY_VERIFY_WITH_TIMEOUT(since().size() >= total - kept, 10000);
        const QStringList sent = since();
        qInfo() << "journal kept" << kept << "of" << total << "parts; sent after the kill:" << sent.size();
        QCOMPARE(QSet<QString>(sent.begin(), sent.end()), QSet<QString>{before->uploadId});
        QVERIFY2(sent.size() <= total - kept + 2,
                 qPrintable(u"%1 parts sent after the kill, %2 were missing"_s.arg(sent.size()).arg(total - kept)));
    }

    void sigkillBeforeCreateUploadsOnce_data()
    {
        QTest::addColumn<bool>("creating");
        // The item saved in the state file, queued, nothing sent: the child's queue is without
        // its accounts for a minute (as the app's may be at start-up), so the moment is sure.
        QTest::newRow("saved") << false;
        // The record says Create is about to go (or went) with its clientToken; no answer yet.
        QTest::newRow("creating") << true;
    }

    void sigkillBeforeCreateUploadsOnce()
    {
        QFETCH(bool, creating);
        const QString dir = freshDir(u"sigkill-early"_s);
        const QString name = u"sigkilled-early-%1"_s.arg(QString::fromUtf8(QTest::currentDataTag()));
        const QString stateFile = settings(dir).stateFile;
        // Saved at once (no save delay), so that the item is on disk before Create answers.
        const auto child = startChild(dir, {m_r1, m_r2}, name, 0, creating ? 0 : 60000);
        QVERIFY(child->process->waitForStarted(30000));
        QString journalFile;
        QString recordFile;
        bool hit = false;
        QVERIFY(QTest::qWaitFor(
            [&] {
                journalFile = child->value(u"journal"_s);
                recordFile = child->value(u"record"_s);
                if (recordFile.isEmpty())
                    return !child->running();
                if (QFile::exists(journalFile))
                    return true; // too late already
                QString error;
                const std::optional<TransferQueueState> saved = TransferQueueState::load(stateFile, &error);
                if (!saved || saved->items.size() != 1)
                    return !child->running();
                const std::optional<ReadSetUploadRecord> record = ReadSetUploadRecord::load(recordFile);
                hit = creating ? record && record->state == ReadSetUploadRecord::State::Creating
                               : !QFile::exists(recordFile);
                return hit || (creating ? QFile::exists(recordFile) && !record : QFile::exists(recordFile)) ||
                       (record && record->state != ReadSetUploadRecord::State::Creating);
            },
            kWaitMs));
        QVERIFY2(child->running(), child->out.constData());
        QVERIFY(child->killHard());
        // The saved moment is sure (no accounts, nothing can start); the Create in flight lasts
        // the emulator's latency, which this process usually but not always sees.
        QVERIFY2(hit || creating, "the saved item started without its accounts");
        if (!hit)
            QSKIP("the child went past the Create before this process saw it; nothing to check");
        // Where the kill landed (it may have gone one step further than what was seen).
        const std::optional<ReadSetUploadRecord> record = ReadSetUploadRecord::load(recordFile);
        const bool journalAfter = QFile::exists(journalFile);
        qInfo().noquote() << "killed with the record"
                          << (!record                                                       ? "absent"
                              : record->state == ReadSetUploadRecord::State::Creating ? "creating"
                                                                                         : "past creating")
                          << (journalAfter ? "and a journal" : "and no journal");

        if (!creating) {
            QVERIFY(!record);
            QCOMPARE(uploadsNamed(name), QStringList()); // nothing reached the service
        } else {
            QVERIFY(record);
            // Said for the log: whether the Create in flight was answered after the kill.
            qInfo() << "uploads on the service after the kill:" << uploadsNamed(name).size();
        }

        auto again = makeQueue(settings(dir));
        QCOMPARE(again->count(), 1);
        QCOMPARE(again->at(0).name, name);
        QCOMPARE(again->at(0).readSet->storeId, m_store);
        // A Create the killed process sent may have been answered after the kill: the rerun
        // sends the same clientToken, and no second upload (nor read set) is left behind.
        QVERIFY(verifyOneActiveReadSet(*again, name, {m_r1, m_r2}, journalFile, recordFile) != QString());
    }

    void sigkillWhileProcessingFollowsTheSameReadSet()
    {
        const QString dir = freshDir(u"sigkill-processing"_s);
        const QString name = u"sigkilled-processing"_s;
        const auto child = startChild(dir, {m_r1, m_r2}, name, 200);
        QVERIFY(child->process->waitForStarted(30000));
        QVERIFY(QTest::qWaitFor([&] { return !child->value(u"record"_s).isEmpty() || !child->running(); }, kWaitMs));
        const QString journalFile = child->value(u"journal"_s);
        const QString recordFile = child->value(u"record"_s);
        QVERIFY2(!recordFile.isEmpty(), child->out.constData());
        // Complete answered (the record says so) and the service processes the parts.
        std::optional<ReadSetUploadRecord> record;
        QVERIFY(QTest::qWaitFor(
            [&] {
                record = ReadSetUploadRecord::load(recordFile);
                return (record && record->state == ReadSetUploadRecord::State::Completed) || !child->running();
            },
            kWaitMs));
        QVERIFY2(child->running(), child->out.constData());
        QVERIFY(child->killHard());
        QVERIFY(record && !record->readSetId.isEmpty());
        const QString readSetId = record->readSetId;
        QVERIFY(!QFile::exists(journalFile)); // the engine removes it once Complete answers
        QCOMPARE(readSetsNamed(name), QStringList{readSetId});

        auto again = makeQueue(settings(dir));
        QCOMPARE(again->count(), 1);
        QCOMPARE(verifyOneActiveReadSet(*again, name, {m_r1, m_r2}, journalFile, recordFile), readSetId);
        QVERIFY(!again->at(0).readSet->note.isEmpty()); // the person hears why nothing was sent
    }

    void cancelAbortsTheUpload()
    {
        const QString dir = freshDir(u"cancel"_s);
        const QString big = dir + u"/cancel_R1.fastq"_s;
        QVERIFY(writeFile(big, fastq(12000, 31)));
        auto queue = makeQueue(settings(dir));
        const quint64 id = queue->addReadSetUploads(kAccount, {uploadOptions({big}, u"cancelled"_s)}).first();
        const QString journalFile = ReadSetUploadJob::journalFileFor(
            TransferTask::readSetUploadOptions(queue->environment(), itemOf(*queue, id)));
        const std::optional<UploadJournal> journal = journalWithParts(journalFile, 1);
        QVERIFY(journal);
        QCOMPARE(uploadsNamed(u"cancelled"_s), QStringList{journal->uploadId});
        queue->cancel({id});
        QCOMPARE(stateOf(*queue, id), TransferState::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(uploadsNamed(u"cancelled"_s), QStringList(), kWaitMs);
        QVERIFY(!QFile::exists(journalFile));
    }

    void cancelOfAPausedUploadAbortsIt()
    {
        const QString dir = freshDir(u"cancel-paused"_s);
        const QString big = dir + u"/paused_R1.fastq"_s;
        QVERIFY(writeFile(big, fastq(12000, 41)));
        auto queue = makeQueue(settings(dir));
        const quint64 id =
            queue->addReadSetUploads(kAccount, {uploadOptions({big}, u"cancel-paused"_s)}).first();
        const QString journalFile = ReadSetUploadJob::journalFileFor(
            TransferTask::readSetUploadOptions(queue->environment(), itemOf(*queue, id)));
        const std::optional<UploadJournal> journal = journalWithParts(journalFile, 1);
        QVERIFY(journal);
        queue->pause({id});
        QCOMPARE(stateOf(*queue, id), TransferState::Paused);
        QVERIFY(QFile::exists(journalFile)); // kept for a resume
        QCOMPARE(uploadsNamed(u"cancel-paused"_s), QStringList{journal->uploadId});
        queue->cancel({id}); // no task any more: the journal says what to abort
        QTRY_COMPARE_WITH_TIMEOUT(uploadsNamed(u"cancel-paused"_s), QStringList(), kWaitMs);
        QVERIFY(!QFile::exists(journalFile));
    }

    void pauseThenResumeCompletes()
    {
        const QString dir = freshDir(u"pause"_s);
        const QString big = dir + u"/pause_R1.fastq"_s;
        QVERIFY(writeFile(big, fastq(12000, 51)));
        auto queue = makeQueue(settings(dir));
        const quint64 id =
            queue->addReadSetUploads(kAccount, {uploadOptions({big}, u"paused-resumed"_s)}).first();
        const QString journalFile = ReadSetUploadJob::journalFileFor(
            TransferTask::readSetUploadOptions(queue->environment(), itemOf(*queue, id)));
        const std::optional<UploadJournal> journal = journalWithParts(journalFile, 2);
        QVERIFY(journal);
        queue->pause({id});
        QCOMPARE(stateOf(*queue, id), TransferState::Paused);
        QCOMPARE(queue->runningCount(), 0);
        queue->resume({id});
        QVERIFY(waitFor(*queue, id, TransferState::Completed));
        const QString readSetId = itemOf(*queue, id).readSet->readSetId;
        QCOMPARE(readSetStatus(readSetId), u"ACTIVE"_s);
        QCOMPARE(readBack(readSetId, u"SOURCE1"_s), readAll(big));
        QCOMPARE(uploadsNamed(u"paused-resumed"_s), QStringList()); // the one upload, completed
    }

    // One file at a time, yet the second starts while the service processes the first: a read
    // set being processed sends nothing and leaves its slot.
    void processingReadSetLeavesItsSlot()
    {
        const QString dir = freshDir(u"slot"_s);
        const QString first = dir + u"/slot1_R1.fastq"_s;
        const QString second = dir + u"/slot2_R1.fastq"_s;
        QVERIFY(writeFile(first, fastq(800, 61)));
        QVERIFY(writeFile(second, fastq(800, 62)));
        auto queue = makeQueue(settings(dir));
        queue->setMaxConcurrent(1);
        const QList<quint64> ids = queue->addReadSetUploads(
            kAccount, {uploadOptions({first}, u"slot-first"_s), uploadOptions({second}, u"slot-second"_s)});
        QCOMPARE(ids.size(), 2);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const TransferItem& a = itemOf(*queue, ids.at(0));
                return a.state == TransferState::Running && a.readSet->isProcessing() &&
                       stateOf(*queue, ids.at(1)) == TransferState::Running;
            },
            kWaitMs));
        QVERIFY(waitFor(*queue, ids.at(0), TransferState::Completed));
        QVERIFY(waitFor(*queue, ids.at(1), TransferState::Completed));
        QCOMPARE(readBack(itemOf(*queue, ids.at(1)).readSet->readSetId, u"SOURCE1"_s), readAll(second));
    }

    void uploadFailedKeepsTheServiceReason()
    {
        QByteArray junk(600 * kKiB + 5, Qt::Uninitialized);
        QRandomGenerator random(7);
        for (char& c : junk)
            c = char(random.bounded(256));
        junk[0] = 'X';
        const QString dir = freshDir(u"junk"_s);
        const QString path = dir + u"/junk.fastq"_s;
        QVERIFY(writeFile(path, junk));
        TransferQueueSettings s = settings(dir);
        s.readSetUpload.checkBytes = false; // the service's verdict, not the sniffer's
        auto queue = makeQueue(s);
        QSignalSpy settled(queue.get(), &TransferQueue::readSetSettled);
        const quint64 id = queue->addReadSetUploads(kAccount, {uploadOptions({path}, u"junk"_s)}).first();
        QVERIFY(waitFor(*queue, id, TransferState::Failed));
        const TransferItem& item = itemOf(*queue, id);
        QCOMPARE(item.readSet->status, u"UPLOAD_FAILED"_s);
        QVERIFY(!item.readSet->statusMessage.isEmpty());
        QVERIFY(!item.readSet->readSetId.isEmpty());
        QVERIFY2(item.error.contains(item.readSet->readSetId), qPrintable(item.error));
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.first().at(2).toString(), item.readSet->readSetId);
        QCOMPARE(settled.first().at(3).toBool(), false);
        QCOMPARE(readSetStatus(item.readSet->readSetId), u"UPLOAD_FAILED"_s);
    }

    void unknownAccountFails()
    {
        const QString dir = freshDir(u"no-account"_s);
        auto queue = makeQueue(settings(dir));
        const quint64 id =
            queue->addReadSetUploads(u"nobody"_s, {uploadOptions({m_r1}, u"orphan"_s)}).first();
        QVERIFY(waitFor(*queue, id, TransferState::Failed));
        QVERIFY2(itemOf(*queue, id).error.contains(u"nobody"_s), qPrintable(itemOf(*queue, id).error));
        const quint64 download = queue->addReadSetDownload(u"nobody"_s, m_store, u"1234567890"_s,
                                                           u"SOURCE1"_s, dir + u"/orphan.fastq"_s);
        QVERIFY(waitFor(*queue, download, TransferState::Failed));
        QVERIFY(itemOf(*queue, download).error.contains(u"nobody"_s));
        QCOMPARE(uploadsNamed(u"orphan"_s), QStringList());
    }

    void withoutAccountsItemsWait()
    {
        // A queue made before the app has its accounts: read-set items wait, then run.
        const QString dir = freshDir(u"later"_s);
        auto queue = std::make_unique<TransferQueue>(nullptr, nullptr, settings(dir));
        const quint64 id = queue->addReadSetUploads(kAccount, {uploadOptions({m_r2}, u"later"_s)}).first();
        QTest::qWait(300);
        QCOMPARE(stateOf(*queue, id), TransferState::Queued);
        queue->setOmicsConnections(m_connections.get());
        QVERIFY(waitFor(*queue, id, TransferState::Completed));
    }

    void downloadIntoAFolder()
    {
        QVERIFY2(!m_pairedId.isEmpty(), "pairedFastqCompletes did not run");
        const QString dir = freshDir(u"download"_s);
        auto queue = makeQueue(settings(dir));
        const QString r1 = dir + u"/paired_1.fastq"_s;
        const QString r2 = dir + u"/paired_2.fastq"_s;
        const quint64 first = queue->addReadSetDownload(kAccount, m_store, m_pairedId, u"SOURCE1"_s, r1);
        const quint64 second = queue->addReadSetDownload(kAccount, m_store, m_pairedId, u"source2"_s, r2);
        QVERIFY(waitFor(*queue, first, TransferState::Completed));
        QVERIFY(waitFor(*queue, second, TransferState::Completed));
        QCOMPARE(readAll(r1), readAll(m_r1));
        QCOMPARE(readAll(r2), readAll(m_r2));
        QCOMPARE(itemOf(*queue, first).done, QFileInfo(m_r1).size());

        // The same name again: it waits for the person, and the file is left alone.
        const quint64 again = queue->addReadSetDownload(kAccount, m_store, m_pairedId, u"SOURCE1"_s, r1);
        QCOMPARE(stateOf(*queue, again), TransferState::NameExists);
        QTest::qWait(300);
        QCOMPARE(stateOf(*queue, again), TransferState::NameExists);
        // Overwriting replaces it with the other file's bytes.
        QVERIFY(writeFile(r1, "stale"));
        queue->overwrite({again});
        QVERIFY(waitFor(*queue, again, TransferState::Completed));
        QCOMPARE(readAll(r1), readAll(m_r1));
    }

    void pausedDownloadResumesItsPartialFile()
    {
        QVERIFY2(!m_bigId.isEmpty(), "restartResumesTheSameUpload did not run");
        const QString dir = freshDir(u"download-pause"_s);
        const QString dest = dir + u"/big.fastq"_s;
        auto queue = makeQueue(settings(dir));
        const quint64 id = queue->addReadSetDownload(kAccount, m_store, m_bigId, u"SOURCE1"_s, dest);
        const qint64 total = QFileInfo(m_big).size();
        QVERIFY(QTest::qWaitFor([&] { return itemOf(*queue, id).done >= total / 4; }, kWaitMs));
        queue->pause({id});
        QCOMPARE(stateOf(*queue, id), TransferState::Paused);
        const QString partial = DownloadDestination::partialPathFor(dest);
        QVERIFY(QFile::exists(partial));
        QVERIFY(!QFile::exists(dest));
        const qint64 doneAtPause = itemOf(*queue, id).done;
        QVERIFY(doneAtPause > 0);

        // Resumed, it never goes back to nothing: the parts in the partial file are kept.
        qint64 lowest = std::numeric_limits<qint64>::max();
        connect(queue.get(), &TransferQueue::itemsChanged, this, [&] {
            const TransferItem& item = itemOf(*queue, id);
            if (item.state == TransferState::Running)
                lowest = std::min(lowest, item.done);
        });
        queue->resume({id});
        QVERIFY(waitFor(*queue, id, TransferState::Completed));
        // At most the parts in flight at the pause (two of 256 KiB) are fetched again.
        const qint64 floor = doneAtPause - 2 * 256 * kKiB;
        QVERIFY2(lowest >= floor && lowest != std::numeric_limits<qint64>::max(),
                 qPrintable(u"%1 < %2"_s.arg(lowest).arg(floor)));
        QCOMPARE(readAll(dest), readAll(m_big));
        QVERIFY(!QFile::exists(partial));
    }

    void stateFileRoundTrip()
    {
        const QString file = freshDir(u"state"_s) + u"/transfers.json"_s;
        TransferQueueState state;
        TransferItem upload;
        upload.id = 4;
        upload.batch = 2;
        upload.localPath = u"/data/r1.fastq"_s;
        upload.name = u"NA12878"_s;
        upload.size = 300;
        upload.done = 100;
        upload.state = TransferState::Paused;
        ReadSetTransfer r;
        r.account = u"lab"_s;
        r.storeId = u"1234567890"_s;
        r.secondFile = u"/data/r2.fastq"_s;
        r.fileType = u"FASTQ"_s;
        r.subjectId = u"S"_s;
        r.sampleId = u"X"_s;
        r.referenceArn = u"arn:aws:omics:eu-west-2:1:referenceStore/1/reference/2"_s;
        r.description = u"d"_s;
        r.generatedFrom = u"g"_s;
        r.tags = {{u"project"_s, u"p1"_s}};
        r.readSetId = u"9876543210"_s;
        r.status = u"UPLOAD_FAILED"_s;
        r.statusMessage = u"bad bytes"_s;
        r.note = u"an earlier run"_s;
        upload.readSet = r;
        TransferItem download;
        download.id = 5;
        download.batch = 3;
        download.direction = TransferDirection::Download;
        download.localPath = u"/data/out.bam"_s;
        download.name = u"out.bam"_s;
        ReadSetTransfer d;
        d.account = u"lab"_s;
        d.storeId = u"1234567890"_s;
        d.readSetId = u"1111111111"_s;
        d.file = u"INDEX"_s;
        download.readSet = d;
        TransferItem platform;
        platform.id = 6;
        platform.batch = 4;
        platform.localPath = u"/data/plain.txt"_s;
        platform.name = u"plain.txt"_s;
        state.items = {upload, download, platform};
        QString error;
        QVERIFY2(state.save(file, &error), qPrintable(error));

        const std::optional<TransferQueueState> loaded = TransferQueueState::load(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->items.size(), 3);
        const TransferItem& u = loaded->items.at(0);
        QVERIFY(u.readSet);
        QCOMPARE(u.isUpload(), true);
        QCOMPARE(u.state, TransferState::Paused);
        QCOMPARE(u.done, 100);
        QCOMPARE(u.readSet->account, r.account);
        QCOMPARE(u.readSet->storeId, r.storeId);
        QCOMPARE(u.readSet->secondFile, r.secondFile);
        QCOMPARE(u.readSet->fileType, r.fileType);
        QCOMPARE(u.readSet->subjectId, r.subjectId);
        QCOMPARE(u.readSet->sampleId, r.sampleId);
        QCOMPARE(u.readSet->referenceArn, r.referenceArn);
        QCOMPARE(u.readSet->description, r.description);
        QCOMPARE(u.readSet->generatedFrom, r.generatedFrom);
        QCOMPARE(u.readSet->tags, r.tags);
        QCOMPARE(u.readSet->readSetId, r.readSetId);
        QCOMPARE(u.readSet->status, r.status);
        QCOMPARE(u.readSet->statusMessage, r.statusMessage);
        QCOMPARE(u.readSet->note, r.note);
        const TransferItem& dl = loaded->items.at(1);
        QVERIFY(dl.readSet);
        QVERIFY(!dl.isUpload());
        QCOMPARE(dl.readSet->readSetId, d.readSetId);
        QCOMPARE(dl.readSet->file, d.file);
        QVERIFY(!loaded->items.at(2).readSet);

        // No secret in the file, and read-set items under directions an older app leaves out.
        const QByteArray json = readAll(file);
        QVERIFY(json.contains("\"omics-upload\""));
        QVERIFY(json.contains("\"omics-download\""));
        QVERIFY(!json.contains(m_sandbox.description()
                                   .value(u"omics"_s)
                                   .toObject()
                                   .value(u"secret_access_key"_s)
                                   .toString()
                                   .toUtf8()));

        // A read-set item without its account or its read set is left out, the rest kept.
        QJsonObject root = QJsonDocument::fromJson(json).object();
        QJsonArray items = root.value(u"items"_s).toArray();
        QJsonObject broken = items.at(1).toObject();
        QJsonObject part = broken.value(u"read_set"_s).toObject();
        part.remove(u"read_set_id"_s);
        broken.insert(u"read_set"_s, part);
        items.replace(1, broken);
        root.insert(u"items"_s, items);
        QVERIFY(writeFile(file, QJsonDocument(root).toJson()));
        const std::optional<TransferQueueState> partly = TransferQueueState::load(file, &error);
        QVERIFY(partly);
        QCOMPARE(partly->items.size(), 2);

        // An upload refused when it was added (no store) stays, to say why.
        int storelessRow = -1;
        for (int i = 0; i < items.size(); ++i) {
            if (items.at(i).toObject().value(u"direction"_s).toString() == u"omics-upload"_s && i != 1)
                storelessRow = i;
        }
        QVERIFY(storelessRow >= 0);
        QJsonObject storeless = items.at(storelessRow).toObject();
        QJsonObject storelessPart = storeless.value(u"read_set"_s).toObject();
        storelessPart.insert(u"store_id"_s, QString());
        storeless.insert(u"read_set"_s, storelessPart);
        items.replace(storelessRow, storeless);
        root.insert(u"items"_s, items);
        QVERIFY(writeFile(file, QJsonDocument(root).toJson()));
        const std::optional<TransferQueueState> kept = TransferQueueState::load(file, &error);
        QVERIFY(kept);
        QCOMPARE(kept->items.size(), 2);
    }

    void oldStateFileStillLoads()
    {
        // Written by the app before read sets: no read_set anywhere.
        const QString dir = freshDir(u"old-state"_s);
        const QString file = dir + u"/state/transfers.json"_s;
        QVERIFY(writeFile(
            file,
            R"({"version":1,"next_id":"8","next_batch":"3","items":[)"
            R"({"id":"3","batch":"1","direction":"upload","local_path":"/nowhere/a.txt","name":"a.txt",)"
            R"("size":10,"done":0,"state":"paused"},)"
            R"({"id":"7","batch":"2","direction":"download","local_path":"/nowhere/b.txt","name":"b.txt",)"
            R"("object_name":"folder/b.txt","size":-1,"done":0,"state":"failed","error":"boom"}]})"));
        auto queue = makeQueue(settings(dir));
        QCOMPARE(queue->storageError(), QString());
        QCOMPARE(queue->count(), 2);
        QVERIFY(!queue->at(0).readSet);
        QVERIFY(!queue->at(1).readSet);
        QCOMPARE(queue->at(0).state, TransferState::Paused);
        QCOMPARE(queue->at(1).objectName, u"folder/b.txt"_s);
        // New items continue after the saved ids.
        const quint64 id =
            queue->addReadSetDownload(kAccount, m_store, u"1"_s, u"SOURCE1"_s, dir + u"/c.fastq"_s);
        QCOMPARE(id, quint64(8));
        queue->cancel({id});
    }
};

QTEST_GUILESS_MAIN(TestReadSetQueue)
#include "tst_readsetqueue.moc"
