// The protocol-neutral multipart upload without a server: the part plan (several sources, the
// HealthOmics 100 MiB / 10,000-part caps), the journal (format 2 with sources and receipts, and
// format 1 as OSS wrote it), and the engine driven through a fake adapter (a fake is fine
// here: what is tested is the scheduling, not the network; the OSS adapter is tested against
// the sandbox by tst_upload, tst_transferqueue and tst_transfer_cli).
#include "transfer/filewindowdevice.h"
#include "transfer/multipartengine.h"
#include "transfer/partplan.h"
#include "transfer/uploadjournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <map>

using namespace bge;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

using PartKey = std::pair<int, int>; // source, number

// The server side the fake adapter talks to: survives the adapter, as a real server survives
// a killed client.
struct FakeServer
{
    QString uploadId;
    int uploadsCreated = 0;
    std::map<PartKey, UploadJournal::Part> parts;
    QStringList aborted;
    QList<UploadJournal::Part> completedWith;
};

class FakeAdapter final : public MultipartAdapter
{
public:
    explicit FakeAdapter(FakeServer* server) : m_server(server) {}

    QString protocol() const override { return u"fake"_s; }

    void initiate(std::function<void(const InitiateReply&)> done) override
    {
        later([this, done] {
            m_server->uploadId = u"upload-%1"_s.arg(++m_server->uploadsCreated);
            done({{}, m_server->uploadId});
        });
    }

    void uploadPart(const UploadPartRequest& part, std::function<void(qint64)> sent,
                    std::function<void(const UploadPartReply&)> done) override
    {
        ++attempts[{part.source, part.number}];
        ++inFlight;
        maxInFlight = qMax(maxInFlight, inFlight);
        QString error;
        const std::unique_ptr<FileWindowDevice> device = part.window.open(&error);
        QVERIFY2(device, qPrintable(error));
        const QByteArray bytes = device->readAll();
        const PartKey key{part.source, part.number};
        const auto answer = [this, part, bytes, sent, done, key] {
            --inFlight;
            sent(bytes.size());
            if (failuresLeft[key] > 0) {
                --failuresLeft[key];
                done({ApiError::http(failStatus, u"HTTP %1: scripted"_s.arg(failStatus)), {}, 0, false, {}});
                return;
            }
            if (damageLeft[key] > 0) {
                --damageLeft[key];
                done({{}, {}, 0, true, u"scripted damage"_s});
                return;
            }
            received[key] = bytes;
            const QString receipt = u"t-%1-%2-%3"_s.arg(part.source).arg(part.number).arg(qHash(bytes));
            m_server->parts[key] = {part.number, receipt, 0, bytes.size(), part.source};
            done({{}, receipt, 0, false, {}});
        };
        if (held.contains(key)) {
            heldAnswers.append(answer);
            return;
        }
        later(answer);
    }

    void listParts(const QString& uploadId, int source, std::function<void(const ListPartsReply&)> done) override
    {
        ++lists;
        later([this, uploadId, source, done] {
            ListPartsReply reply;
            if (uploadId != m_server->uploadId) {
                reply.uploadGone = true;
                reply.error = ApiError::http(404, u"NoSuchUpload"_s);
            }
            for (const auto& [key, part] : m_server->parts) {
                if (key.first == source)
                    reply.parts.append(part);
            }
            done(reply);
        });
    }

    void complete(const QString&, const QList<UploadJournal::Part>& parts,
                  std::function<void(const CompleteReply&)> done) override
    {
        if (onComplete)
            onComplete();
        later([this, parts, done] {
            m_server->completedWith = parts;
            m_server->uploadId.clear(); // the upload became the result
            done({{}, false, u"read-set-1"_s});
        });
    }

    // The upload is gone; anything else as every adapter's default.
    bool discardsUpload(const ApiError& error) const override
    {
        return error.httpStatus() == 404 || MultipartAdapter::discardsUpload(error);
    }

    void findCompleted(const QList<UploadJournal::Part>& parts, std::function<void(const CompleteReply&)> done) override
    {
        ++finds;
        later([this, parts, done] {
            const auto receipts = [](const QList<UploadJournal::Part>& list) {
                QStringList r;
                for (const UploadJournal::Part& p : list)
                    r.append(p.receipt);
                return r;
            };
            if (!m_server->completedWith.isEmpty() && receipts(m_server->completedWith) == receipts(parts))
                done({{}, false, u"read-set-1"_s});
            else
                done({ApiError::http(404, u"NoSuchKey"_s), false, {}});
        });
    }

    void abortUpload(const QString& uploadId, std::function<void()> done) override
    {
        later([this, uploadId, done] {
            m_server->aborted.append(uploadId);
            done();
        });
    }

    void abandon(const QString& uploadId) override { m_server->aborted.append(uploadId); }

    void beforePart(std::function<void()> go) override
    {
        if (pacing)
            waitingForSlot.append(std::move(go));
        else
            go();
    }

    void stop() override
    {
        ++stops;
        m_stopped = true;
        waitingForSlot.clear();
        heldAnswers.clear();
    }

    // Answers a held part (see `held`).
    void release()
    {
        const QList<std::function<void()>> answers = std::exchange(heldAnswers, {});
        held.clear();
        for (const auto& answer : answers)
            later(answer);
    }

    std::map<PartKey, int> attempts;
    std::map<PartKey, int> failuresLeft;
    std::map<PartKey, int> damageLeft;
    std::map<PartKey, QByteArray> received;
    QSet<PartKey> held; // parts whose answer waits for release()
    QList<std::function<void()>> heldAnswers;
    int failStatus = 503;
    int inFlight = 0;
    int maxInFlight = 0;
    int lists = 0;
    int finds = 0;
    int stops = 0;
    std::function<void()> onComplete;
    bool pacing = false;
    QList<std::function<void()>> waitingForSlot;

private:
    void later(std::function<void()> f)
    {
        QTimer::singleShot(0, &m_context, [this, f] {
            if (!m_stopped)
                f();
        });
    }

    FakeServer* m_server;
    QObject m_context;
    bool m_stopped = false;
};

QByteArray pattern(qint64 size, int seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 x = 2463534242u + quint32(seed);
    for (char& c : bytes) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = char(x);
    }
    return bytes;
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

UploadJournal::Source sourceOf(const QString& path)
{
    const QFileInfo info(path);
    return {info.absoluteFilePath(), info.size(), info.lastModified().toMSecsSinceEpoch()};
}

PartLimits smallParts()
{
    return {1000, 1, 1000, 10000};
}

} // namespace

class TestMultipartEngine final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_r1, m_r2;
    QByteArray m_bytes1, m_bytes2;

    MultipartSettings settings(const QString& journal, QList<QString> files = {}) const
    {
        if (files.isEmpty())
            files = {m_r1, m_r2};
        MultipartSettings s;
        for (const QString& f : files)
            s.sources.append(sourceOf(f));
        s.objectName = u"store-1/sample"_s;
        s.partSize = 1000;
        s.limits = smallParts();
        s.parallelism = 2;
        s.retry = {4, 1, 2};
        s.journalFile = m_dir.filePath(journal);
        return s;
    }

    // A journal of `s` with one part, for an upload the fake server does not know.
    static UploadJournal unknownUpload(const MultipartSettings& s, const QString& uploadId)
    {
        UploadJournal j;
        j.protocol = u"fake"_s;
        j.sources = s.sources;
        j.objectName = s.objectName;
        j.uploadId = uploadId;
        j.partSize = 1000;
        j.parts = {{1, u"t"_s, 0, 1000, 1}};
        return j;
    }

    static Result<MultipartOutcome> run(MultipartEngine& engine)
    {
        engine.setAutoDelete(false);
        QSignalSpy finished(&engine, &JobBase::finished);
        engine.start();
        if (!finished.wait(10000))
            return ApiError::timeout(u"the engine did not finish"_s);
        return engine.outcome();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_r1 = m_dir.filePath(u"sample_R1_001.fastq.gz"_s);
        m_r2 = m_dir.filePath(u"sample_R2_001.fastq.gz"_s);
        m_bytes1 = pattern(2500, 1);
        m_bytes2 = pattern(1200, 2);
        QVERIFY(writeBytes(m_r1, m_bytes1));
        QVERIFY(writeBytes(m_r2, m_bytes2));
    }

    // --- part plan ---------------------------------------------------------------------------

    void planOfSeveralSources()
    {
        const PartPlan plan({250 * kMiB, 100 * kMiB + 1, 0}, 100 * kMiB);
        QCOMPARE(plan.sourceCount(), 3);
        QCOMPARE(plan.partCount(1), 3);
        QCOMPARE(plan.partCount(2), 2);
        QCOMPARE(plan.partCount(3), 1); // an empty file is one empty part
        QCOMPARE(plan.totalParts(), 6);
        QCOMPARE(plan.totalSize(), 350 * kMiB + 1);
        const QList<PlannedPart> parts = plan.parts();
        QCOMPARE(parts.size(), 6);
        // Source by source, each numbered from 1.
        QCOMPARE(parts[0].source, 1);
        QCOMPARE(parts[2].number, 3);
        QCOMPARE(parts[2].offset, 200 * kMiB);
        QCOMPARE(parts[2].length, 50 * kMiB);
        QCOMPARE(parts[3].source, 2);
        QCOMPARE(parts[3].number, 1);
        QCOMPARE(parts[3].offset, 0);
        QCOMPARE(parts[4].length, 1);
        QCOMPARE(parts[5].source, 3);
        QCOMPARE(parts[5].length, 0);
    }

    void planCaps()
    {
        const PartLimits omics = PartLimits::healthOmics();
        QCOMPARE(PartPlan::partSizeFor(0, omics), 100 * kMiB);
        QCOMPARE(PartPlan::partSizeFor(250 * kMiB, omics), 100 * kMiB);
        QCOMPARE(PartPlan::partSizeFor(250 * kMiB, omics, 512 * kMiB), 100 * kMiB); // the 100 MiB cap
        QCOMPARE(PartPlan::partSizeFor(250 * kMiB, omics, 1024), 5 * kMiB);        // the floor
        // 10,000 parts of 100 MiB per source and not a byte more.
        const qint64 largest = 10000 * 100 * kMiB;
        QVERIFY(PartPlan({largest, largest}, PartPlan::partSizeFor(largest, omics)).fits(omics));
        const qint64 tooLarge = largest + 1;
        QCOMPARE(PartPlan::partSizeFor(tooLarge, omics), 100 * kMiB);
        QVERIFY(!PartPlan({1, tooLarge}, PartPlan::partSizeFor(tooLarge, omics)).fits(omics));
        QCOMPARE(PartPlan(QList<qint64>{1, tooLarge}, 100 * kMiB).partCount(2), 10001);
        // OSS: the part grows (whole MiB) so that the file fits in 10,000 parts, up to 5 GiB.
        const PartLimits oss = PartLimits::oss();
        QCOMPARE(PartPlan::partSizeFor(200 * 1024 * kMiB, oss), 21 * kMiB);
        QCOMPARE(PartPlan::partSizeFor(200 * kMiB, oss, 10), 100 * 1024); // the OSS minimum
        QVERIFY(PartPlan({200 * 1024 * kMiB}, 21 * kMiB).fits(oss));
        QVERIFY(!PartPlan({200 * 1024 * kMiB}, 20 * kMiB).fits(oss));
    }

    // --- journal -----------------------------------------------------------------------------

    void journalWithSourcesAndReceipts()
    {
        UploadJournal j;
        j.protocol = u"healthomics"_s;
        j.sources = {{m_r1, 2500, 1700000000123}, {m_r2, 1200, 1700000000456}};
        j.objectName = u"1234567890/NA12878"_s;
        j.uploadId = u"5555555555"_s;
        j.partSize = 100 * kMiB;
        j.parts = {{2, u"MVMQk+vB9C3Ge8ADHkbKq752n3BCUzyl41qEkqlOD5M="_s, 0, 100 * kMiB, 1},
                   {1, u"984979b9928ae8d8622286c4a9cd8e99d964a22d59ed0f5722e1733eb280e635"_s, 0, 7, 2}};
        j.extra = QJsonObject{{u"sequenceStoreId"_s, u"1234567890"_s}};
        const QString file = m_dir.filePath(u"journals/v2.json"_s);
        QString error;
        QVERIFY2(j.save(file, &error), qPrintable(error));
        const std::optional<UploadJournal> back = UploadJournal::load(file);
        QVERIFY(back);
        QCOMPARE(back->protocol, u"healthomics"_s);
        QCOMPARE(back->sources.size(), 2);
        QCOMPARE(back->sources[1].path, m_r2);
        QCOMPARE(back->sources[1].size, 1200);
        QCOMPARE(back->sources[1].mtimeMs, 1700000000456);
        QCOMPARE(back->parts.size(), 2);
        QCOMPARE(back->parts[0].receipt, j.parts[0].receipt); // opaque: exactly as the server said
        QCOMPARE(back->parts[1].source, 2);
        QCOMPARE(back->parts[1].receipt, j.parts[1].receipt);
        QCOMPARE(back->extra, j.extra);
        // A part of a source the journal does not have: the journal is not trusted.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray parts = o.value(u"parts"_s).toArray();
        QJsonObject bad = parts[0].toObject();
        bad[u"source"_s] = 3;
        parts.append(bad);
        o[u"parts"_s] = parts;
        QVERIFY(writeBytes(file, QJsonDocument(o).toJson()));
        QVERIFY(!UploadJournal::load(file));
    }

    void journalOfFormatOne()
    {
        // As the OSS upload engine wrote it before sources and receipts.
        const QJsonObject part{{u"number"_s, 2},
                               {u"etag"_s, u"\"ABC\""_s},
                               {u"crc64"_s, u"18446744073709551615"_s},
                               {u"size"_s, 8388608}};
        const QByteArray v1 = QJsonDocument(QJsonObject{{u"version"_s, 1},
                                                        {u"path"_s, u"/data/x.bam"_s},
                                                        {u"size"_s, 26214401},
                                                        {u"mtime_ms"_s, qint64(1700000000123)},
                                                        {u"object_name"_s, u"DUS-1/2TZ-3/x.bam"_s},
                                                        {u"upload_id"_s, u"0004B98"_s},
                                                        {u"part_size"_s, 8388608},
                                                        {u"parts"_s, QJsonArray{part}}})
                                  .toJson(QJsonDocument::Compact);
        const QString file = m_dir.filePath(u"journals/v1.json"_s);
        QVERIFY(writeBytes(file, v1));
        const std::optional<UploadJournal> j = UploadJournal::load(file);
        QVERIFY(j);
        QCOMPARE(j->protocol, u"oss"_s);
        QCOMPARE(j->sources.size(), 1);
        QCOMPARE(j->path(), u"/data/x.bam"_s);
        QCOMPARE(j->size(), 26214401);
        QCOMPARE(j->mtimeMs(), 1700000000123);
        QCOMPARE(j->uploadId, u"0004B98"_s);
        QCOMPARE(j->parts.size(), 1);
        QCOMPARE(j->parts[0].source, 1);
        QCOMPARE(j->parts[0].number, 2);
        QCOMPARE(j->parts[0].receipt, u"\"ABC\""_s);
        QCOMPARE(j->parts[0].crc64, 0xFFFFFFFFFFFFFFFFULL);
        // Saved again, it is format 2.
        QVERIFY(j->save(file, nullptr));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(u"version"_s).toInt(), 2);
        // An unknown format is not guessed at.
        QVERIFY(writeBytes(file, QByteArray(v1).replace("\"version\":1", "\"version\":9")));
        QVERIFY(!UploadJournal::load(file));
    }

    // --- the engine --------------------------------------------------------------------------

    void pairedSourcesInParallel()
    {
        FakeServer server;
        FakeAdapter adapter(&server);
        MultipartEngine engine(&adapter, settings(u"paired.json"_s));
        QList<qint64> progress;
        connect(&engine, &MultipartEngine::progress, this, [&](qint64 done, qint64) { progress.append(done); });
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(r->id, u"read-set-1"_s);
        QCOMPARE(r->uploadId, u"upload-1"_s);
        QCOMPARE(r->partsSent, 5);
        QVERIFY(!r->resumed);
        QCOMPARE(r->size, 3700);
        QVERIFY(adapter.maxInFlight <= 2);
        // Each source numbered from 1, Complete given SOURCE1's parts first, with their receipts.
        const QList<PartKey> expected{{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 2}};
        QCOMPARE(server.completedWith.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const UploadJournal::Part& p = server.completedWith[i];
            QCOMPARE(PartKey(p.source, p.number), expected[i]);
            QCOMPARE(p.receipt, server.parts[expected[i]].receipt);
        }
        // The windows are the files' bytes.
        const auto received = [&adapter](int source, int number) { return adapter.received[PartKey(source, number)]; };
        QCOMPARE(received(1, 1) + received(1, 2) + received(1, 3), m_bytes1);
        QCOMPARE(received(2, 1) + received(2, 2), m_bytes2);
        QCOMPARE(received(1, 3).size(), 500);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 3700);
        QVERIFY(!QFile::exists(m_dir.filePath(u"paired.json"_s)));
    }

    void retriesAndDamagedParts()
    {
        FakeServer server;
        FakeAdapter adapter(&server);
        adapter.failuresLeft[{1, 2}] = 2; // 503 twice
        adapter.damageLeft[{2, 1}] = 1;   // stored other bytes once
        MultipartEngine engine(&adapter, settings(u"retries.json"_s));
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(adapter.attempts[PartKey(1, 2)], 3);
        QCOMPARE(adapter.attempts[PartKey(2, 1)], 2);
        QCOMPARE(adapter.attempts[PartKey(1, 1)], 1);
        QCOMPARE(server.completedWith.size(), 5);
        QVERIFY(server.aborted.isEmpty());
    }

    void transientFailureKeepsTheUploadForResume()
    {
        FakeServer server;
        FakeAdapter adapter(&server);
        adapter.failuresLeft[{2, 2}] = 100; // more than the retry policy allows
        MultipartEngine engine(&adapter, settings(u"transient.json"_s));
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus(), 503);
        QCOMPARE(adapter.attempts[PartKey(2, 2)], 4); // RetryPolicy::maxAttempts
        QVERIFY(server.aborted.isEmpty());
        QVERIFY(QFile::exists(m_dir.filePath(u"transient.json"_s)));
    }

    // A refused part stops the job but keeps the upload and its journal: a rerun resumes
    // (finding 2: one refusal used to throw away a whole upload).
    void refusalKeepsTheUploadForResume()
    {
        FakeServer server;
        MultipartSettings s = settings(u"refused.json"_s);
        s.parallelism = 1;
        {
            FakeAdapter adapter(&server);
            adapter.failStatus = 403;
            adapter.failuresLeft[{1, 3}] = 1;
            MultipartEngine engine(&adapter, s);
            const Result<MultipartOutcome> r = run(engine);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().httpStatus(), 403);
            QCOMPARE(adapter.attempts[PartKey(1, 3)], 1); // a refusal is not retried
            QVERIFY(server.aborted.isEmpty());
            QVERIFY(QFile::exists(s.journalFile));
        }
        FakeAdapter adapter(&server);
        MultipartEngine engine(&adapter, s);
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QVERIFY(r->resumed);
        QCOMPARE(r->partsSent, 3); // 1/3, 2/1, 2/2: the two before the refusal are kept
        QCOMPARE(server.uploadsCreated, 1);
    }

    // Only what the adapter says proves the upload unusable (here: 404, the upload is gone)
    // discards it.
    void unusableUploadIsDiscarded()
    {
        FakeServer server;
        FakeAdapter adapter(&server);
        adapter.failStatus = 404;
        adapter.failuresLeft[{1, 3}] = 1;
        MultipartEngine engine(&adapter, settings(u"gone.json"_s));
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus(), 404);
        QCOMPARE(server.aborted, QStringList(u"upload-1"_s));
        QVERIFY(!QFile::exists(m_dir.filePath(u"gone.json"_s)));
    }

    // When Complete leaves, the journal on disk has every part and says so (the journal is
    // otherwise saved once a second): what a run killed at that moment leaves behind.
    void completeIsJournaledFirst()
    {
        FakeServer server;
        FakeAdapter adapter(&server);
        const MultipartSettings s = settings(u"completing.json"_s);
        std::optional<UploadJournal> atComplete;
        adapter.onComplete = [&] { atComplete = UploadJournal::load(s.journalFile); };
        MultipartEngine engine(&adapter, s);
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QVERIFY(atComplete);
        QCOMPARE(atComplete->parts.size(), 5);
        QVERIFY(atComplete->completing);
        QVERIFY(!QFile::exists(s.journalFile));
    }

    // The run was killed after Complete went out, and the server completed the upload: the
    // rerun finds the result instead of starting over.
    void rerunFindsWhatItsCompleteMade()
    {
        FakeServer server;
        const MultipartSettings s = settings(u"completed.json"_s);
        const QString copy = s.journalFile + u".copy"_s;
        {
            FakeAdapter adapter(&server);
            adapter.onComplete = [&] { QFile::copy(s.journalFile, copy); };
            MultipartEngine engine(&adapter, s);
            QVERIFY(run(engine).ok());
        }
        QVERIFY(QFile::rename(copy, s.journalFile));
        FakeAdapter adapter(&server);
        MultipartEngine engine(&adapter, s);
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(r->id, u"read-set-1"_s);
        QCOMPARE(r->partsSent, 0);
        QVERIFY(r->resumed);
        QCOMPARE(adapter.finds, 1);
        QVERIFY(adapter.attempts.empty());
        QCOMPARE(server.uploadsCreated, 1);
        QVERIFY(!QFile::exists(s.journalFile));

        // A result that is not what the parts make (someone else's): started over.
        server.completedWith.clear();
        UploadJournal j = unknownUpload(s, u"completed-elsewhere"_s);
        j.completing = true;
        QVERIFY(j.save(s.journalFile, nullptr));
        FakeAdapter again(&server);
        MultipartEngine fresh(&again, s);
        const Result<MultipartOutcome> r2 = run(fresh);
        QVERIFY2(r2.ok(), qPrintable(r2.error().fullText()));
        QCOMPARE(again.finds, 1);
        QVERIFY(!r2->resumed);
        QCOMPARE(r2->partsSent, 5);
    }

    void partsWaitForTheirPacingSlot()
    {
        FakeServer server;
        FakeAdapter adapter(&server);
        adapter.pacing = true;
        MultipartEngine engine(&adapter, settings(u"paced.json"_s));
        engine.setAutoDelete(false);
        QSignalSpy finished(&engine, &JobBase::finished);
        engine.start();
        int granted = 0;
        while (finished.isEmpty()) {
            QTRY_VERIFY(!adapter.waitingForSlot.isEmpty() || !finished.isEmpty());
            if (!finished.isEmpty())
                break;
            // Nothing is sent before its slot, and a waiting part counts as in flight.
            int sent = 0;
            for (const auto& [key, n] : adapter.attempts)
                sent += n;
            QCOMPARE(sent, granted);
            QVERIFY(adapter.waitingForSlot.size() <= 2);
            adapter.waitingForSlot.takeFirst()();
            ++granted;
        }
        QVERIFY2(engine.outcome().ok(), qPrintable(engine.error().fullText()));
        QCOMPARE(granted, 5);
    }

    void resumesWithOnlyTheMissingParts()
    {
        FakeServer server;
        MultipartSettings s = settings(u"resume.json"_s);
        s.extra = QJsonObject{{u"sequenceStoreId"_s, u"1234567890"_s}};
        {
            FakeAdapter adapter(&server);
            adapter.held = {{1, 3}, {2, 1}, {2, 2}};
            MultipartEngine engine(&adapter, s);
            engine.setAutoDelete(false);
            engine.start();
            QTRY_COMPARE(server.parts.size(), size_t(2));
            QTRY_COMPARE(adapter.heldAnswers.size(), 2);
            // Destroyed mid-upload (the program quits): the journal stays.
        }
        std::optional<UploadJournal> journal = UploadJournal::load(s.journalFile);
        QVERIFY(journal);
        QCOMPARE(journal->parts.size(), 2);
        QCOMPARE(journal->uploadId, u"upload-1"_s);
        // Meanwhile the server lost part 1 of source 1: it is sent again with the missing ones.
        server.parts.erase({1, 1});
        FakeAdapter adapter(&server);
        MultipartSettings again = s;
        again.extra = {}; // what the adapter saved is handed back from the journal
        MultipartEngine engine(&adapter, again);
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QVERIFY(r->resumed);
        QCOMPARE(engine.journal().extra, s.extra);
        QCOMPARE(r->uploadId, u"upload-1"_s);
        QCOMPARE(server.uploadsCreated, 1);
        QCOMPARE(adapter.lists, 2); // one per source
        QCOMPARE(r->partsSent, 4);
        QCOMPARE(adapter.attempts.count(PartKey(1, 2)), size_t(0));
        QCOMPARE(adapter.attempts[PartKey(1, 1)], 1);
        QCOMPARE(server.completedWith.size(), 5);
    }

    void resumeOfAnUploadTheServerForgot()
    {
        FakeServer server;
        const MultipartSettings s = settings(u"forgotten.json"_s);
        QVERIFY(unknownUpload(s, u"expired"_s).save(s.journalFile, nullptr));
        FakeAdapter adapter(&server);
        MultipartEngine engine(&adapter, s);
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QVERIFY(!r->resumed);
        QCOMPARE(r->uploadId, u"upload-1"_s);
        QCOMPARE(r->partsSent, 5);
    }

    void journalOfChangedFilesIsDropped()
    {
        FakeServer server;
        const MultipartSettings s = settings(u"stale.json"_s);
        UploadJournal j;
        j.protocol = u"fake"_s;
        j.sources = s.sources;
        j.sources[1].mtimeMs -= 5000; // SOURCE2 was modified since
        j.objectName = s.objectName;
        j.uploadId = u"old-upload"_s;
        j.partSize = 1000;
        QVERIFY(j.save(s.journalFile, nullptr));
        FakeAdapter adapter(&server);
        MultipartEngine engine(&adapter, s);
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(server.aborted, QStringList(u"old-upload"_s)); // its parts are worthless
        QCOMPARE(adapter.lists, 0);
        QCOMPARE(r->partsSent, 5);
    }

    void fileChangedDuringTheUploadLeavesNothing()
    {
        const QString path = m_dir.filePath(u"changing.bam"_s);
        QVERIFY(writeBytes(path, pattern(3000, 3)));
        FakeServer server;
        FakeAdapter adapter(&server);
        adapter.held = {{1, 3}};
        const MultipartSettings s = settings(u"changing.json"_s, {path});
        MultipartEngine engine(&adapter, s);
        engine.setAutoDelete(false);
        QSignalSpy finished(&engine, &JobBase::finished);
        engine.start();
        QTRY_COMPARE(adapter.heldAnswers.size(), 1);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            QVERIFY(f.write("x") == 1);
        }
        adapter.release();
        QVERIFY(finished.wait(10000));
        QVERIFY(!engine.outcome().ok());
        QCOMPARE(engine.error().kind(), ApiError::Kind::Usage);
        QVERIFY(engine.error().detail().contains(u"changed while it was being uploaded"_s));
        QCOMPARE(server.aborted, QStringList(u"upload-1"_s));
        QVERIFY(server.completedWith.isEmpty());
        QVERIFY(!QFile::exists(s.journalFile));
    }

    void abortAbortsOnTheServer()
    {
        FakeServer server;
        FakeAdapter adapter(&server);
        adapter.held = {{1, 1}, {1, 2}};
        const MultipartSettings s = settings(u"aborted.json"_s);
        MultipartEngine engine(&adapter, s);
        engine.setAutoDelete(false);
        QSignalSpy finished(&engine, &JobBase::finished);
        engine.start();
        QTRY_COMPARE(adapter.heldAnswers.size(), 2);
        QVERIFY(QFile::exists(s.journalFile)); // written before the first byte
        engine.abort();
        QVERIFY(finished.wait(10000));
        QCOMPARE(engine.error().kind(), ApiError::Kind::Cancelled);
        QCOMPARE(server.aborted, QStringList(u"upload-1"_s));
        QVERIFY(!QFile::exists(s.journalFile));
        QVERIFY(adapter.stops > 0);
    }

    void tooManyPartsIsRefusedBeforeAnythingIsCreated()
    {
        FakeServer server;
        FakeAdapter adapter(&server);
        MultipartSettings s = settings(u"toomany.json"_s);
        s.limits.maxPartsPerSource = 2; // SOURCE1 needs 3
        MultipartEngine engine(&adapter, s);
        const Result<MultipartOutcome> r = run(engine);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), ApiError::Kind::Usage);
        QCOMPARE(server.uploadsCreated, 0);
    }
};

QTEST_GUILESS_MAIN(TestMultipartEngine)
#include "tst_multipartengine.moc"
