// The transfer queue's parts that need no server: its saved state (round trip, damaged and
// foreign files, what a restart makes of running items), the speed figures, what a dropped
// folder contributes and which download names are safe.
#include "transfer/transferbatches.h"
#include "transfer/transferpaths.h"
#include "transfer/transferqueue.h"
#include "transfer/transferqueuestore.h"
#include "transfer/transferrate.h"
#include "transfer/transfertotals.h"

#include "../common/testfiles.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bge;
using bge::test::readAll;
using bge::test::writeFile;
using namespace Qt::StringLiterals;

namespace {

TransferItem item(quint64 id, TransferState state, TransferDirection direction = TransferDirection::Upload)
{
    TransferItem i;
    i.id = id;
    i.batch = 7;
    i.direction = direction;
    i.localPath = u"/data/run %1/reads_R1.fastq.gz"_s.arg(id);
    i.name = u"reads_R1.fastq.gz"_s;
    if (direction == TransferDirection::Download)
        i.objectName = u"DUS-1/2TZ-3/reads_R1.fastq.gz"_s;
    i.size = 5'000'000'000LL;
    i.done = 1'234'567'890LL;
    i.state = state;
    return i;
}

} // namespace

class TestTransferState final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void stateKeys()
    {
        for (int i = 0; i < kTransferStateCount; ++i) {
            const auto state = TransferState(i);
            QCOMPARE(transferStateFromKey(transferStateKey(state)), state);
        }
        QVERIFY(!transferStateFromKey(u"paused "_s));
    }

    void roundTrip()
    {
        TransferQueueState state;
        state.nextId = 42;
        state.nextBatch = 9;
        state.items = {item(3, TransferState::Running),
                       item(5, TransferState::Failed, TransferDirection::Download)};
        state.items[1].error = u"HTTP 503 [GET x]"_s;
        state.items[0].overwrite = true;
        const QString file = m_dir.filePath(u"roundtrip/transfers.json"_s);
        QString error;
        QVERIFY2(state.save(file, &error), qPrintable(error));
        const std::optional<TransferQueueState> back = TransferQueueState::load(file, &error);
        QVERIFY(back);
        QCOMPARE(back->nextId, 42u);
        QCOMPARE(back->nextBatch, 9u);
        QCOMPARE(back->items.size(), 2);
        const TransferItem& up = back->items[0];
        QCOMPARE(up.id, 3u);
        QCOMPARE(up.batch, 7u);
        QCOMPARE(up.localPath, state.items[0].localPath);
        QCOMPARE(up.size, 5'000'000'000LL); // beyond 32 bits
        QCOMPARE(up.done, 1'234'567'890LL);
        QCOMPARE(up.state, TransferState::Running);
        QVERIFY(up.overwrite);
        const TransferItem& down = back->items[1];
        QCOMPARE(down.direction, TransferDirection::Download);
        QCOMPARE(down.objectName, u"DUS-1/2TZ-3/reads_R1.fastq.gz"_s);
        QCOMPARE(down.error, u"HTTP 503 [GET x]"_s);
        QVERIFY(!down.overwrite);
    }

    void missingDamagedAndForeignFiles()
    {
        QString error;
        QVERIFY(!TransferQueueState::load(m_dir.filePath(u"none.json"_s), &error));
        QVERIFY(error.isEmpty()); // missing is not an error: a first start

        for (const QByteArray& bad :
             {QByteArray("{\"version\": 1, \"items\": [tru"), QByteArray("[1, 2]"),
              QByteArray("{\"version\": 2, \"items\": []}"), QByteArray("\x00\xff", 2)}) {
            const QString file = m_dir.filePath(u"bad.json"_s);
            QVERIFY(writeFile(file, bad));
            error.clear();
            QVERIFY(!TransferQueueState::load(file, &error));
            QVERIFY2(!error.isEmpty(), bad.constData());
        }

        // Items that make no sense are dropped, the others kept; counters never go back.
        const QString file = m_dir.filePath(u"partly.json"_s);
        QVERIFY(writeFile(file, R"({"version": 1, "next_id": "2", "items": [
            {"id": "10", "direction": "upload", "local_path": "/a/x", "name": "x", "state": "queued", "size": 5, "done": 99},
            {"id": "10", "direction": "upload", "local_path": "/a/dup", "name": "dup", "state": "queued"},
            {"id": "11", "direction": "sideways", "local_path": "/a/y", "name": "y", "state": "queued"},
            {"id": "12", "direction": "download", "local_path": "/a/z", "name": "z", "state": "queued"},
            {"id": "13", "direction": "upload", "local_path": "/a/w", "name": "w", "state": "flying"},
            {"id": "x", "direction": "upload", "local_path": "/a/v", "name": "v", "state": "queued"},
            "not an object", 17
        ]})"));
        const std::optional<TransferQueueState> state = TransferQueueState::load(file, &error);
        QVERIFY(state);
        QCOMPARE(state->items.size(), 1);
        QCOMPARE(state->items[0].localPath, u"/a/x"_s);
        QCOMPARE(state->items[0].done, 5); // clamped to the size
        QCOMPARE(state->nextId, 11u);
    }

    // Found by fuzz_journals: an id of 2^64 - 1 made the next id wrap to 0, and a saved
    // next_id of 2^64 - 1 made the queue's own count wrap after one new item.
    void hugeIdsAreNotReused()
    {
        const QString file = m_dir.filePath(u"huge.json"_s);
        QVERIFY(writeFile(file, R"({"version": 1, "next_id": "18446744073709551615", "next_batch": "18446744073709551615", "items": [
            {"id": "18446744073709551615", "batch": "1", "direction": "upload", "local_path": "/a/x", "name": "x", "state": "queued"},
            {"id": "3", "batch": "18446744073709551615", "direction": "upload", "local_path": "/a/y", "name": "y", "state": "queued"},
            {"id": "4", "batch": "2", "direction": "upload", "local_path": "/a/z", "name": "z", "state": "queued"}
        ]})"));
        QString error;
        const std::optional<TransferQueueState> state = TransferQueueState::load(file, &error);
        QVERIFY2(state, qPrintable(error));
        QCOMPARE(state->items.size(), 1);
        QCOMPARE(state->items[0].id, 4u);
        QCOMPARE(state->nextId, 5u);
        QCOMPARE(state->nextBatch, 3u);
    }

    void restartQueuesWhatWasRunning()
    {
        // No platform: what the queue makes of its saved state, before anything runs.
        const QString file = m_dir.filePath(u"restart/transfers.json"_s);
        TransferQueueState state;
        state.items = {item(1, TransferState::Running), item(2, TransferState::Paused),
                       item(3, TransferState::Completed), item(4, TransferState::NameExists)};
        QVERIFY(state.save(file, nullptr));
        TransferQueueSettings settings;
        settings.stateFile = file;
        TransferQueue queue(nullptr, nullptr, settings);
        QCOMPARE(queue.count(), 4);
        QCOMPARE(queue.at(0).state, TransferState::Queued);
        QCOMPARE(queue.at(1).state, TransferState::Paused);
        QCOMPARE(queue.at(2).state, TransferState::Completed);
        QCOMPARE(queue.at(3).state, TransferState::NameExists);
        QCOMPARE(queue.rowOf(3), 2);
        // Without the platform nothing starts: the items wait as they are.
        QTest::qWait(200);
        QCOMPARE(queue.at(0).state, TransferState::Queued);
        QCOMPARE(queue.at(1).state, TransferState::Paused);
        QCOMPARE(queue.runningCount(), 0);
        // New ids continue after the saved ones.
        const QList<quint64> ids = queue.addUploads({m_dir.filePath(u"missing.bin"_s)});
        QCOMPARE(ids, QList<quint64>{5});
    }

    void damagedStateIsReported()
    {
        const QString file = m_dir.filePath(u"damaged/transfers.json"_s);
        QVERIFY(writeFile(file, "garbage"));
        TransferQueueSettings settings;
        settings.stateFile = file;
        TransferQueue queue(nullptr, nullptr, settings);
        QCOMPARE(queue.count(), 0);
        QVERIFY(!queue.storageError().isEmpty());
    }

    // A list cut short by a crash or a full disk, or garbage: the queue starts, says what
    // happened and where the old file went, and neither the next save nor a second damaged
    // start destroys it. Journals and partial downloads beside it are left alone.
    void damagedStateIsKeptAside()
    {
        const QString folder = m_dir.filePath(u"kept"_s);
        const QString file = folder + u"/transfers.json"_s;
        TransferQueueState saved;
        saved.items = {item(1, TransferState::Paused), item(2, TransferState::Queued, TransferDirection::Download)};
        QVERIFY(saved.save(file, nullptr));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray truncated = f.readAll().chopped(40);
        f.close();
        QVERIFY(writeFile(file, truncated));
        const QString journal = folder + u"/uploads/upload-0123.json"_s;
        const QString partial = folder + u"/reads.fastq.bgepart"_s;
        QVERIFY(writeFile(journal, "{\"version\": 2}"));
        QVERIFY(writeFile(partial, "partial bytes"));

        TransferQueueSettings settings;
        settings.stateFile = file;
        settings.saveDelayMs = 0;
        {
            TransferQueue queue(nullptr, nullptr, settings);
            QCOMPARE(queue.count(), 0);
            const QString message = queue.storageError();
            QVERIFY2(message.startsWith(u"The saved transfer list could not be read ("_s), qPrintable(message));
            QVERIFY2(message.contains(QDir::toNativeSeparators(file + u".corrupt"_s)), qPrintable(message));
            QVERIFY(!QFile::exists(file));
            // The queue goes on: a new item is saved to a fresh list.
            QCOMPARE(queue.addUploads({m_dir.filePath(u"missing.bin"_s)}).size(), 1);
            QTRY_VERIFY(QFile::exists(file));
        }
        QString error;
        const std::optional<TransferQueueState> fresh = TransferQueueState::load(file, &error);
        QVERIFY2(fresh, qPrintable(error));
        QCOMPARE(fresh->items.size(), 1);
        QCOMPARE(readAll(file + u".corrupt"_s), truncated);
        QCOMPARE(readAll(journal), QByteArray("{\"version\": 2}"));
        QCOMPARE(readAll(partial), QByteArray("partial bytes"));

        // Damaged again: the newer damaged file replaces the older one.
        QVERIFY(writeFile(file, "\x01\x02garbage"));
        TransferQueue again(nullptr, nullptr, settings);
        QVERIFY(again.storageError().contains(u".corrupt"_s));
        QCOMPARE(readAll(file + u".corrupt"_s), QByteArray("\x01\x02garbage"));
    }

    void speedIsAMovingAverage()
    {
        TransferRate rate(5000);
        QCOMPARE(rate.bytesPerSecond(), 0.0);
        QCOMPARE(rate.etaSeconds(100), -1);
        rate.add(0, 0);
        rate.add(100, 100'000);
        QCOMPARE(rate.bytesPerSecond(), 0.0); // too short a span to tell
        rate.add(1000, 1'000'000);
        QCOMPARE(rate.bytesPerSecond(), 1'000'000.0);
        QCOMPARE(rate.etaSeconds(2'500'000), 3); // rounded up
        QCOMPARE(rate.etaSeconds(0), 0);
        // Slower from now on: the old samples leave the window, the figure follows.
        for (qint64 t = 2000; t <= 10000; t += 1000)
            rate.add(t, 1'000'000 + (t - 1000) * 100);
        QCOMPARE(rate.bytesPerSecond(), 100'000.0);
        // A dip (a part sent again) leaves the figure as it was.
        rate.add(10500, 1'500'000);
        QCOMPARE(rate.bytesPerSecond(), 100'000.0);
        // Going back below the window (the transfer started over) is not negative speed.
        rate.add(11000, 10);
        QCOMPARE(rate.bytesPerSecond(), 0.0);
    }

    void batchesEndOnce()
    {
        TransferBatches batches;
        QList<TransferItem> items;
        for (quint64 id = 1; id <= 3; ++id) {
            items.append(item(id, TransferState::Queued));
            items.last().name = u"f%1"_s.arg(id);
            batches.add(items.last());
        }
        const auto move = [&](int i, TransferState to) {
            const TransferState from = std::exchange(items[i].state, to);
            batches.moved(items[i], from);
        };
        move(0, TransferState::Running);
        move(0, TransferState::Completed);
        move(1, TransferState::Paused); // paused by the person: not an end
        QVERIFY(batches.takeEnded().isEmpty());
        move(2, TransferState::Running);
        move(2, TransferState::Failed);
        QList<TransferBatchSummary> ended = batches.takeEnded();
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended[0].batch, 7u);
        QCOMPARE(ended[0].completed, 1);
        QCOMPARE(ended[0].failed, 1);
        QCOMPARE(ended[0].waiting, 1);
        QCOMPARE(ended[0].items, 3);
        QCOMPARE(ended[0].name, u"f1"_s);
        QVERIFY(batches.takeEnded().isEmpty()); // once
        // Resumed, it ends again, counting only what happened since.
        move(1, TransferState::Queued);
        move(1, TransferState::Running);
        QVERIFY(batches.takeEnded().isEmpty());
        move(1, TransferState::Completed);
        ended = batches.takeEnded();
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended[0].completed, 1);
        QCOMPARE(ended[0].failed, 0);
        QCOMPARE(ended[0].waiting, 0);
    }

    void totalsLeaveOutWhatWasDropped()
    {
        QList<TransferItem> items{item(1, TransferState::Running),    item(2, TransferState::Queued),
                                  item(3, TransferState::Completed),  item(4, TransferState::Cancelled),
                                  item(5, TransferState::NameExists), item(6, TransferState::Skipped)};
        for (TransferItem& i : items) {
            i.size = 1000;
            i.done = 0;
        }
        items[0].done = 400;
        items[0].bytesPerSecond = 100;
        items[2].done = 1000;
        items[3].done = 700;
        const TransferTotals t = TransferTotals::of(items);
        QCOMPARE(t.items, 4);
        QCOMPARE(t.running, 1);
        QCOMPARE(t.queued, 1);
        QCOMPARE(t.completed, 1);
        QCOMPARE(t.nameClashes, 1);
        QCOMPARE(t.waiting, 1);
        QCOMPARE(t.finished, 3);
        QCOMPARE(t.totalBytes, 4000);
        QCOMPARE(t.doneBytes, 1400);
        QCOMPARE(t.bytesPerSecond, 100.0);
        QCOMPARE(t.etaSeconds, 16); // 1600 bytes of running and queued items at 100 B/s
        QCOMPARE(TransferTotals::of({}).etaSeconds, 0);
    }

    void foldersContributeTheirFiles()
    {
        const QString root = m_dir.filePath(u"drop"_s);
        QVERIFY(writeFile(root + u"/run1/a.fastq"_s, "a"));
        QVERIFY(writeFile(root + u"/run1/deep/er/b.fastq"_s, "b"));
        QVERIFY(writeFile(root + u"/run2/a.fastq"_s, "a2")); // same name: the queue makes it explicit
        QVERIFY(writeFile(root + u"/run1/.DS_Store"_s, "x"));
        QVERIFY(writeFile(root + u"/.git/config"_s, "x"));
        QVERIFY(writeFile(m_dir.filePath(u"single.txt"_s), "s"));
        QVERIFY(QDir().mkpath(root + u"/empty"_s));
        // A link back up would loop if followed.
        QVERIFY(QFile::link(root, root + u"/run1/loop"_s));

        const QStringList files =
            expandUploadSources({root, m_dir.filePath(u"single.txt"_s), root + u"/run1/a.fastq"_s,
                                 m_dir.filePath(u"gone.txt"_s)});
        const QStringList expected{root + u"/run1/a.fastq"_s, root + u"/run1/deep/er/b.fastq"_s,
                                   root + u"/run2/a.fastq"_s, m_dir.filePath(u"single.txt"_s),
                                   m_dir.filePath(u"gone.txt"_s)};
        QCOMPARE(files, expected);
        QVERIFY(expandUploadSources({root + u"/empty"_s}).isEmpty());
    }

    void safeDownloadNames()
    {
        QCOMPARE(downloadFileName(u"D/x/report.pdf"_s, u"report.pdf"_s), u"report.pdf"_s);
        QCOMPARE(downloadFileName(u"D/x/report.pdf"_s, u"../../etc/passwd"_s), u"passwd"_s);
        QCOMPARE(downloadFileName(u"D/x/report.pdf"_s, u"..\\..\\evil.dll"_s), u"evil.dll"_s);
        QCOMPARE(downloadFileName(u"D/x/report.pdf"_s, u".."_s), u"report.pdf"_s);
        QCOMPARE(downloadFileName(u"D/x/report.pdf"_s, {}), u"report.pdf"_s);
        QCOMPARE(downloadFileName(u"D/x/"_s, u"a\nb:c"_s), u"a_b_c"_s);
        QCOMPARE(downloadFileName({}, {}), u"download"_s);
    }
};

QTEST_GUILESS_MAIN(TestTransferState)
#include "tst_transferstate.moc"
