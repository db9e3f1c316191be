// Benchmark (label `bench`): many small files into and out of bge-sandbox over loopback, each
// client against the same sandbox in one run:
//   - uploads: `bge upload FILE…` of a folder's files in one command, with --overwrite and with
//     its default name check (no --overwrite), against an ali-oss script doing `put`, 8 in flight;
//   - downloads: `bge download OBJECT… -o FOLDER` against an ali-oss script doing `get`, 8 in flight.
// BGE_BENCH_BASELINE_BGE=<another bge> adds that build's `bge upload --overwrite` to the uploads,
// to compare two builds in one run.
// Sets: BGE_BENCH_SMALL_UPLOADS (default "1000x64K,200x4M"), BGE_BENCH_SMALL_DOWNLOADS (default
// "1000x64K"); BGE_BENCH_ROUNDS rounds (default 2), the clients' order reversed every other round.
// Prints each client's time, files per second, CPU, peak memory and the sandbox's CPU, and how
// many times faster bge is than the script. Every object (size and CRC-64, HEAD) and every
// downloaded file (size and CRC-64 of its bytes) is checked: the benchmark fails when one is
// wrong or a client fails, never on timing.
#include "benchdata.h"
#include "benchfileset.h"
#include "benchreport.h"
#include "benchsandbox.h"
#include "clientrun.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace bge;
using namespace bge::bench;
using namespace Qt::StringLiterals;

namespace {

constexpr int kScriptParallel = 8; // the peer: a plain script with 8 requests in flight

} // namespace

class BenchSmallFiles final : public QObject
{
    Q_OBJECT

private:
    QString m_work;
    AliossObjectsScript m_alioss;
    QString m_baseline; // BGE_BENCH_BASELINE_BGE
    BenchSandbox m_sandbox;
    int m_rounds = 2;

    QString bgePath() const { return QStringLiteral(BGE_CLI_PATH); }
    QProcessEnvironment bgeEnvironment() const { return m_sandbox.bgeEnvironment(m_work + u"/bge-home"_s); }

    // Every file downloaded into `dir` is its object's bytes, and nothing else is there; then they go.
    void verifyAndDeleteDownloads(const FileSet& set, const QString& dir)
    {
        for (int i = 0; i < set.count; ++i) {
            const QString path = dir + u'/' + set.names[i];
            QCOMPARE(QFileInfo(path).size(), set.size);
            const std::optional<quint64> crc = fileCrc64(path);
            QVERIFY2(crc && *crc == set.crcs[i], qPrintable(u"%1: wrong bytes"_s.arg(path)));
        }
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), set.count);
        QVERIFY(QDir(dir).removeRecursively());
        QVERIFY(QDir().mkpath(dir));
    }

    ClientRun runScript(const QString& client, const FileSet& set, const QString& op,
                        const QString& downloadDir = {})
    {
        return m_alioss.run(m_sandbox, client, set, op, kScriptParallel, downloadDir);
    }

    ClientRun runBge(const QString& client, const FileSet& set, const QStringList& arguments)
    {
        const QString program = client == u"bge (baseline)"_s ? m_baseline : bgePath();
        return measureClient(client, set.count, set.bytes(), program, arguments, bgeEnvironment(),
                             m_work + u"/run-bge"_s, m_sandbox.pid());
    }

    // bge's --json answer lists every file, in the order given.
    static void verifyJsonList(const ClientRun& r, int count)
    {
        const QJsonArray list = QJsonDocument::fromJson(r.run.out).array();
        QCOMPARE(list.size(), count);
    }

    void uploadSet(FileSet& set)
    {
        writeFileSet(set, m_work);
        if (QTest::currentTestFailed())
            return;
        QMap<QString, QList<double>> seconds;
        QMap<QString, QList<double>> processSeconds;
        for (int round = 0; round < m_rounds; ++round) {
            QStringList order{u"bge"_s, u"bge (name check)"_s, u"ali-oss put"_s};
            if (!m_baseline.isEmpty())
                order.insert(1, u"bge (baseline)"_s);
            if (round % 2)
                std::reverse(order.begin(), order.end());
            for (const QString& client : std::as_const(order)) {
                ClientRun r;
                if (client == u"ali-oss put"_s) {
                    r = runScript(client, set, u"put"_s);
                    QVERIFY2(r.run.succeeded(), r.run.err.right(2000).constData());
                } else {
                    QStringList args{u"upload"_s};
                    args += set.files;
                    args << u"--json"_s;
                    if (client != u"bge (name check)"_s)
                        args << u"--overwrite"_s;
                    r = runBge(client, set, args);
                    QVERIFY2(r.run.succeeded(), r.run.err.right(2000).constData());
                    verifyJsonList(r, set.count);
                }
                say(u"bench: upload %1 round %2: "_s.arg(set.tag).arg(round + 1) + formatRun(r));
                verifyAndDeleteObjects(m_sandbox, set);
                if (QTest::currentTestFailed())
                    return;
                seconds[client].append(r.seconds);
                processSeconds[client].append(r.run.wallSeconds);
            }
        }
        const double script = median(seconds[u"ali-oss put"_s]);
        const double scriptProcess = median(processSeconds[u"ali-oss put"_s]);
        QStringList compared{u"bge"_s, u"bge (name check)"_s};
        if (!m_baseline.isEmpty())
            compared << u"bge (baseline)"_s;
        for (const QString& client : std::as_const(compared)) {
            say(u"bench: upload %1: %2 median %3 s; ali-oss put (8 in flight) median %4 s (%5 s with node's "
                u"start-up): %2 is %6x as fast as the script (%7x against its whole process)"_s
                    .arg(set.tag, client)
                    .arg(median(seconds[client]), 0, 'f', 2)
                    .arg(script, 0, 'f', 2)
                    .arg(scriptProcess, 0, 'f', 2)
                    .arg(script / median(seconds[client]), 0, 'f', 2)
                    .arg(scriptProcess / median(seconds[client]), 0, 'f', 2));
        }
        QDir(set.dir).removeRecursively();
    }

    void downloadSet(FileSet& set)
    {
        writeFileSet(set, m_work);
        if (QTest::currentTestFailed())
            return;
        // The objects, once, by the script (not measured), checked.
        const ClientRun seed = runScript(u"seed"_s, set, u"put"_s);
        QVERIFY2(seed.run.succeeded(), seed.run.err.right(2000).constData());
        for (int i = 0; i < set.count; ++i) {
            const QString wrong =
                m_sandbox.checkObject(m_sandbox.keyFor(set.names[i]), set.size, set.crcs[i]);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        }
        const QString into = m_work + u"/downloaded-"_s + set.tag;
        QDir(into).removeRecursively();
        QVERIFY(QDir().mkpath(into));
        QMap<QString, QList<double>> seconds;
        QMap<QString, QList<double>> processSeconds;
        for (int round = 0; round < m_rounds; ++round) {
            QStringList order{u"bge"_s, u"ali-oss get"_s};
            if (!m_baseline.isEmpty())
                order.insert(1, u"bge (baseline)"_s);
            if (round % 2)
                std::reverse(order.begin(), order.end());
            for (const QString& client : std::as_const(order)) {
                ClientRun r;
                if (client == u"ali-oss get"_s) {
                    r = runScript(client, set, u"get"_s, into);
                    QVERIFY2(r.run.succeeded(), r.run.err.right(2000).constData());
                } else {
                    QStringList args{u"download"_s};
                    for (const QString& name : std::as_const(set.names))
                        args << m_sandbox.keyFor(name);
                    args << u"-o"_s << into << u"--json"_s;
                    r = runBge(client, set, args);
                    QVERIFY2(r.run.succeeded(), r.run.err.right(2000).constData());
                    verifyJsonList(r, set.count);
                }
                say(u"bench: download %1 round %2: "_s.arg(set.tag).arg(round + 1) + formatRun(r));
                verifyAndDeleteDownloads(set, into);
                if (QTest::currentTestFailed())
                    return;
                seconds[client].append(r.seconds);
                processSeconds[client].append(r.run.wallSeconds);
            }
        }
        const double script = median(seconds[u"ali-oss get"_s]);
        say(u"bench: download %1: bge median %2 s; ali-oss get (8 in flight) median %3 s (%4 s with node's "
            u"start-up): bge is %5x as fast as the script (%6x against its whole process)"_s.arg(set.tag)
                .arg(median(seconds[u"bge"_s]), 0, 'f', 2)
                .arg(script, 0, 'f', 2)
                .arg(median(processSeconds[u"ali-oss get"_s]), 0, 'f', 2)
                .arg(script / median(seconds[u"bge"_s]), 0, 'f', 2)
                .arg(median(processSeconds[u"ali-oss get"_s]) / median(seconds[u"bge"_s]), 0, 'f', 2));
        if (!m_baseline.isEmpty())
            say(u"bench: download %1: bge (baseline) median %2 s: this bge is %3x as fast as the baseline"_s
                    .arg(set.tag)
                    .arg(median(seconds[u"bge (baseline)"_s]), 0, 'f', 2)
                    .arg(median(seconds[u"bge (baseline)"_s]) / median(seconds[u"bge"_s]), 0, 'f', 2));
        for (const QString& name : std::as_const(set.names))
            QVERIFY(m_sandbox.deleteObject(m_sandbox.keyFor(name)));
        QDir(set.dir).removeRecursively();
        QDir(into).removeRecursively();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = m_alioss.locate();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        m_work = m_alioss.workDir();
        m_baseline = qEnvironmentVariable("BGE_BENCH_BASELINE_BGE");
        m_rounds = benchRounds();
        say(u"bench: "_s + machineSummary());
        const QString problem = m_sandbox.start(QStringLiteral(BGE_SANDBOX_PATH), m_work);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void uploads()
    {
        const QString spec = qEnvironmentVariable("BGE_BENCH_SMALL_UPLOADS", u"1000x64K,200x4M"_s);
        QList<FileSet> sets = parseFileSets(spec);
        QVERIFY2(!sets.isEmpty(), qPrintable(u"BGE_BENCH_SMALL_UPLOADS: not COUNTxSIZE,…: "_s + spec));
        for (FileSet& set : sets) {
            uploadSet(set);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void downloads()
    {
        const QString spec = qEnvironmentVariable("BGE_BENCH_SMALL_DOWNLOADS", u"1000x64K"_s);
        QList<FileSet> sets = parseFileSets(spec);
        QVERIFY2(!sets.isEmpty(), qPrintable(u"BGE_BENCH_SMALL_DOWNLOADS: not COUNTxSIZE,…: "_s + spec));
        for (FileSet& set : sets) {
            downloadSet(set);
            if (QTest::currentTestFailed())
                return;
        }
        say(u"bench: figures are noisy: this machine is shared (load now %1)"_s.arg(loadAverage()));
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_GUILESS_MAIN(BenchSmallFiles)
#include "bench_smallfiles.moc"
