// The protocol-neutral download in parts (what HealthOmics GetReadSet needs) without a server:
// parts in parallel written at their offsets, retries, resume after the job is destroyed with
// only the missing parts fetched, the size checked, the move into place that never overwrites
// silently. The bytes come from a fake adapter (the scheduling is what is tested; the OSS
// download is tested against the sandbox by tst_download).
#include "transfer/downloaddestination.h"
#include "transfer/downloadjournal.h"
#include "transfer/partdownload.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <map>

#include <sys/resource.h>

using namespace bge;
using namespace Qt::StringLiterals;

namespace {

QByteArray pattern(qint64 size, int seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 x = 88172645u + quint32(seed);
    for (char& c : bytes) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = char(x);
    }
    return bytes;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Serves the parts of `object` in chunks of 100 bytes, one chunk per event-loop turn.
class FakeParts final : public PartDownloadAdapter
{
public:
    explicit FakeParts(QByteArray object) : m_object(std::move(object)) {}

    void fetchPart(const DownloadPartRequest& part, std::function<bool(const char*, qint64)> write,
                   std::function<void(const ApiError&)> done) override
    {
        ++requests[part.number];
        ++inFlight;
        maxInFlight = qMax(maxInFlight, inFlight);
        QByteArray bytes = m_object.mid(part.offset, part.length);
        if (extra.contains(part.number))
            bytes += "surplus";
        int cutAt = -1;
        if (breaksLeft[part.number] > 0) {
            --breaksLeft[part.number];
            cutAt = int(bytes.size() / 2);
        }
        step(part.number, bytes, 0, cutAt, std::move(write), std::move(done));
    }

    void stop() override
    {
        ++stops;
        m_stopped = true;
    }

    std::map<int, int> requests;
    std::map<int, int> breaksLeft; // the connection breaks halfway, this many times
    QSet<int> extra;               // the server sends more than the part
    QSet<int> held;                // not answered at all
    int inFlight = 0;
    int maxInFlight = 0;
    int stops = 0;

private:
    void step(int number, QByteArray bytes, qsizetype at, int cutAt, std::function<bool(const char*, qint64)> write,
              std::function<void(const ApiError&)> done)
    {
        QTimer::singleShot(0, &m_context, [=, this] {
            if (m_stopped || held.contains(number))
                return;
            const qsizetype end = cutAt >= 0 ? cutAt : bytes.size();
            if (at >= end) {
                --inFlight;
                done(cutAt >= 0 ? ApiError::transport(u"connection reset"_s) : ApiError());
                return;
            }
            const qsizetype n = qMin<qsizetype>(100, end - at);
            if (!write(bytes.constData() + at, n)) {
                --inFlight;
                done(ApiError::cancelled());
                return;
            }
            step(number, bytes, at + n, cutAt, write, done);
        });
    }

    QByteArray m_object;
    QObject m_context;
    bool m_stopped = false;
};

} // namespace

class TestPartDownload final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QByteArray m_object = pattern(2550, 7);

    PartDownloadSettings settings(const QString& name) const
    {
        PartDownloadSettings s;
        s.destination = m_dir.filePath(name);
        s.identity = u"1234567890/readset-1/SOURCE1"_s;
        s.size = m_object.size();
        s.partSize = 500; // 6 parts, the last of 50 bytes
        s.parallelism = 3;
        s.retry = {4, 1, 2};
        return s;
    }

    static Result<PartDownloadResult> run(PartDownloadEngine& engine)
    {
        engine.setAutoDelete(false);
        QSignalSpy finished(&engine, &JobBase::finished);
        engine.start();
        if (!finished.wait(10000))
            return ApiError::timeout(u"the download did not finish"_s);
        return engine.outcome();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void partsInParallelMakeTheFile()
    {
        FakeParts adapter(m_object);
        const PartDownloadSettings s = settings(u"whole.bam"_s);
        PartDownloadEngine engine(&adapter, s);
        QCOMPARE(engine.partCount(), 6);
        QList<qint64> progress;
        connect(&engine, &PartDownloadEngine::progress, this, [&](qint64 done, qint64) { progress.append(done); });
        const Result<PartDownloadResult> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(readAll(s.destination), m_object);
        QCOMPARE(r->partsFetched, 6);
        QCOMPARE(r->bytesFetched, m_object.size());
        QCOMPARE(adapter.maxInFlight, 3);
        QVERIFY(!QFile::exists(DownloadDestination::partialPathFor(s.destination)));
        QVERIFY(!QFile::exists(DownloadDestination::journalPathFor(s.destination)));
        QCOMPARE(progress.last(), m_object.size());
    }

    void brokenPartsAreFetchedAgain()
    {
        FakeParts adapter(m_object);
        adapter.breaksLeft[2] = 2;
        adapter.breaksLeft[6] = 1;
        const PartDownloadSettings s = settings(u"broken.bam"_s);
        PartDownloadEngine engine(&adapter, s);
        const Result<PartDownloadResult> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(readAll(s.destination), m_object);
        QCOMPARE(adapter.requests[2], 3);
        QCOMPARE(adapter.requests[6], 2);
        QCOMPARE(adapter.requests[1], 1);
    }

    void resumesWithOnlyTheMissingParts()
    {
        const PartDownloadSettings s = settings(u"resumed.bam"_s);
        {
            FakeParts adapter(m_object);
            adapter.held = {3, 5};
            PartDownloadEngine engine(&adapter, s);
            engine.setAutoDelete(false);
            engine.start();
            // Parts 1, 2, 4 and 6 finish; 3 and 5 hang: the program is killed (here: the job destroyed).
            QTRY_COMPARE(adapter.requests.size(), size_t(6));
            QTRY_COMPARE(adapter.inFlight, 2);
        }
        const std::optional<DownloadJournal> journal =
            DownloadJournal::load(DownloadDestination::journalPathFor(s.destination));
        QVERIFY(journal);
        QCOMPARE(QSet<int>(journal->partsDone.begin(), journal->partsDone.end()), (QSet<int>{1, 2, 4, 6}));
        QVERIFY(!QFile::exists(s.destination));

        FakeParts adapter(m_object);
        PartDownloadEngine engine(&adapter, s);
        const Result<PartDownloadResult> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(r->partsKept, 4);
        QCOMPARE(r->partsFetched, 2);
        QCOMPARE(adapter.requests.size(), size_t(2));
        QCOMPARE(adapter.requests.count(3), size_t(1));
        QCOMPARE(adapter.requests.count(5), size_t(1));
        QCOMPARE(readAll(s.destination), m_object);
    }

    void aPartialFileOfOtherBytesIsNotResumed()
    {
        PartDownloadSettings s = settings(u"other.bam"_s);
        QFile partial(DownloadDestination::partialPathFor(s.destination));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        QCOMPARE(partial.write(QByteArray(1000, 'x')), 1000);
        partial.close();
        DownloadJournal j{u"1234567890/readset-OLD/SOURCE1"_s, {}, s.size, std::nullopt, s.partSize, {1, 2}};
        QVERIFY(j.save(DownloadDestination::journalPathFor(s.destination), nullptr));
        FakeParts adapter(m_object);
        PartDownloadEngine engine(&adapter, s);
        const Result<PartDownloadResult> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(r->partsKept, 0);
        QCOMPARE(r->partsFetched, 6);
        QCOMPARE(readAll(s.destination), m_object);
    }

    // Issue 14, disk and file limits: a file-size limit (RLIMIT_FSIZE of this very process,
    // SIGXFSZ ignored, so write() fails with EFBIG as with ENOSPC on a full disk) ends the
    // download with a sentence that says so and what to do; the parts done stay for the resume,
    // which completes the same bytes once there is room.
    void fileSizeLimitIsSaidPlainlyAndResumed()
    {
        const PartDownloadSettings s = settings(u"limited.bam"_s);
        {
            struct rlimit saved{};
            QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
            const auto previousHandler = ::signal(SIGXFSZ, SIG_IGN);
            const struct rlimit low{1200, saved.rlim_max}; // parts 1 and 2 fit, part 3 does not
            QVERIFY(::setrlimit(RLIMIT_FSIZE, &low) == 0);
            FakeParts adapter(m_object);
            PartDownloadEngine engine(&adapter, s);
            const Result<PartDownloadResult> r = run(engine);
            ::setrlimit(RLIMIT_FSIZE, &saved);
            ::signal(SIGXFSZ, previousHandler);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind(), ApiError::Kind::Usage);
            QVERIFY2(r.error().detail().startsWith(
                         u"The file %1 cannot grow any larger here: a file size limit"_s.arg(s.destination)),
                     qPrintable(r.error().detail()));
            QVERIFY2(r.error().detail().contains(u"run the download again to resume it"_s),
                     qPrintable(r.error().detail()));
        }
        QVERIFY(QFile::exists(DownloadDestination::partialPathFor(s.destination)));
        QVERIFY(QFile::exists(DownloadDestination::journalPathFor(s.destination)));
        QVERIFY(!QFile::exists(s.destination));

        FakeParts adapter(m_object);
        PartDownloadEngine engine(&adapter, s);
        const Result<PartDownloadResult> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(readAll(s.destination), m_object);
    }

    void moreBytesThanThePartIsAnError()
    {
        FakeParts adapter(m_object);
        adapter.extra = {4};
        const PartDownloadSettings s = settings(u"surplus.bam"_s);
        PartDownloadEngine engine(&adapter, s);
        const Result<PartDownloadResult> r = run(engine);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), ApiError::Kind::Malformed);
        QVERIFY(r.error().detail().contains(u"more than its 500 bytes"_s));
        QVERIFY(!QFile::exists(s.destination));
        QCOMPARE(adapter.requests[4], 1); // not retried: the server is wrong, not the network
    }

    void neverOverwritesSilently()
    {
        const PartDownloadSettings s = settings(u"existing.bam"_s);
        QFile existing(s.destination);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        QCOMPARE(existing.write("mine"), 4);
        existing.close();
        {
            FakeParts adapter(m_object);
            PartDownloadEngine engine(&adapter, s);
            const Result<PartDownloadResult> r = run(engine);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind(), ApiError::Kind::Usage);
            QVERIFY(adapter.requests.empty());
            QCOMPARE(readAll(s.destination), QByteArray("mine"));
        }
        PartDownloadSettings replace = s;
        replace.overwrite = true;
        FakeParts adapter(m_object);
        PartDownloadEngine engine(&adapter, replace);
        const Result<PartDownloadResult> r = run(engine);
        QVERIFY2(r.ok(), qPrintable(r.error().fullText()));
        QCOMPARE(readAll(s.destination), m_object);
    }

    void cancelKeepsThePartialFile()
    {
        FakeParts adapter(m_object);
        adapter.held = {2};
        const PartDownloadSettings s = settings(u"cancelled.bam"_s);
        PartDownloadEngine engine(&adapter, s);
        engine.setAutoDelete(false);
        QSignalSpy finished(&engine, &JobBase::finished);
        engine.start();
        QTRY_COMPARE(adapter.requests.size(), size_t(6));
        QTRY_COMPARE(adapter.inFlight, 1);
        engine.abort();
        QVERIFY(finished.wait(10000));
        QCOMPARE(engine.error().kind(), ApiError::Kind::Cancelled);
        QVERIFY(adapter.stops > 0);
        QVERIFY(QFile::exists(DownloadDestination::partialPathFor(s.destination)));
        const std::optional<DownloadJournal> journal =
            DownloadJournal::load(DownloadDestination::journalPathFor(s.destination));
        QVERIFY(journal);
        QCOMPARE(journal->partsDone.size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestPartDownload)
#include "tst_partdownload.moc"
