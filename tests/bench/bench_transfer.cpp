// Benchmark (label `bench`): uploads into bge-sandbox over loopback, in one run, by
//   - `bge upload` (multipart, 8 MiB parts, 4 at a time), and the same with its bodies sent
//     through QNetworkAccessManager (BGE_UPLOAD_TRANSPORT=qt) to show what the direct socket gains,
//   - `curl -T`, one signed PutObject: the practical ceiling of the machine and the sandbox,
//   - the official ali-oss client's multipartUpload (npm), with the same part size and parallelism,
// for each file size (BGE_BENCH_SIZES_MIB, default 1 GiB and 4 GiB), plus the CRC-64 throughput of
// core/oss. Prints throughput, CPU time (user + system) and peak resident memory of each client
// process (the kernel's own count for that child, wait4), the sandbox's CPU meanwhile, and the
// ratios; BGE_BENCH_BASELINE_BGE=<another bge> adds that build's upload, to compare two builds in one
// run. It fails only when something is broken (an upload fails, or the stored object's size or
// CRC-64 is not the file's), never on timing: the machines here are shared.
#include "benchdata.h"
#include "benchreport.h"
#include "benchsandbox.h"
#include "clientrun.h"
#include "measuredrun.h"

#include "oss/crc64.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>

#include <ctime>

using namespace bge;
using namespace bge::bench;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr int kPartMiB = 8;
constexpr int kParallel = 4;

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

} // namespace

class BenchTransfer final : public QObject
{
    Q_OBJECT

private:
    QString m_work;         // BGE_BENCH_WORK_DIR: files, sandbox data
    QString m_nodeModules;  // BGE_BENCH_NODE_DIR: holds node_modules/ali-oss
    QString m_aliossScript; // BGE_BENCH_ALIOSS_SCRIPT
    QString m_curl, m_node;
    BenchSandbox m_sandbox;
    QList<ClientRun> m_rows;

    qint64 sandboxPid() const { return m_sandbox.pid(); }

    // Runs one client, measured, with the sandbox's CPU time around it.
    ClientRun measure(const QString& client, qint64 bytes, const QString& program,
                      const QStringList& arguments, const QProcessEnvironment& env)
    {
        return measureClient(client, 1, bytes, program, arguments, env, m_work + u"/run-"_s + client,
                             sandboxPid());
    }

    // The object is the file (size and CRC-64 on the sandbox side), then it goes, so that the
    // next client starts from the same state (and the disk does not fill up).
    void verifyAndDelete(const QString& key, qint64 size, quint64 crc)
    {
        const QString wrong = m_sandbox.checkObject(key, size, crc);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        QVERIFY(m_sandbox.deleteObject(key));
    }

    QProcessEnvironment bgeEnvironment() const { return m_sandbox.bgeEnvironment(m_work + u"/bge-home"_s); }

    void benchOneSize(qint64 sizeMiB)
    {
        const qint64 bytes = sizeMiB * kMiB;
        const QString name = u"bench-%1MiB.bin"_s.arg(sizeMiB);
        const QString file = m_work + u'/' + name;
        const QString key = m_sandbox.keyFor(name);
        QElapsedTimer clock;
        clock.start();
        const std::optional<quint64> crc = writeBenchFile(file, bytes, quint64(sizeMiB));
        QVERIFY2(crc.has_value(), qPrintable(file));
        say(u"bench: wrote %1 (%2 MiB) in %3 s"_s.arg(file).arg(sizeMiB).arg(double(clock.elapsed()) / 1000,
                                                                             0, 'f', 1));
        const auto cleanup = qScopeGuard([&] { QFile::remove(file); });

        // bge upload: the command line as a user runs it.
        ClientRun bge = measure(u"bge"_s, bytes, QStringLiteral(BGE_CLI_PATH),
                                {u"upload"_s, file, u"--overwrite"_s, u"--json"_s, u"--jobs"_s,
                                 QString::number(kParallel), u"--part-size"_s, u"%1M"_s.arg(kPartMiB)},
                                bgeEnvironment());
        QVERIFY2(bge.run.succeeded(), bge.run.err.right(2000).constData());
        say(formatRun(bge));
        verifyAndDelete(key, bytes, *crc);

        // Another build's bge (BGE_BENCH_BASELINE_BGE), to compare two builds in one run.
        const QString baselinePath = qEnvironmentVariable("BGE_BENCH_BASELINE_BGE");
        if (!baselinePath.isEmpty()) {
            ClientRun baseline =
                measure(u"bge (baseline)"_s, bytes, baselinePath,
                        {u"upload"_s, file, u"--overwrite"_s, u"--json"_s, u"--jobs"_s,
                         QString::number(kParallel), u"--part-size"_s, u"%1M"_s.arg(kPartMiB)},
                        bgeEnvironment());
            QVERIFY2(baseline.run.succeeded(), baseline.run.err.right(2000).constData());
            say(formatRun(baseline));
            verifyAndDelete(key, bytes, *crc);
            say(u"bench: %1 MiB: bge/bge (baseline) throughput %2 %, CPU s per GB of the baseline %3"_s
                    .arg(sizeMiB)
                    .arg(100 * baseline.seconds / bge.seconds, 0, 'f', 0)
                    .arg(baseline.cpuSecondsPerGigabyte(), 0, 'f', 2));
        }

        // The same with the bodies sent through QNetworkAccessManager (BGE_UPLOAD_TRANSPORT=qt),
        // as before FileBodyRequest: what writing them to the socket directly gains.
        QProcessEnvironment viaQt = bgeEnvironment();
        viaQt.insert(u"BGE_UPLOAD_TRANSPORT"_s, u"qt"_s);
        ClientRun bgeQt = measure(u"bge (Qt HTTP)"_s, bytes, QStringLiteral(BGE_CLI_PATH),
                                  {u"upload"_s, file, u"--overwrite"_s, u"--json"_s, u"--jobs"_s,
                                   QString::number(kParallel), u"--part-size"_s, u"%1M"_s.arg(kPartMiB)},
                                  viaQt);
        QVERIFY2(bgeQt.run.succeeded(), bgeQt.run.err.right(2000).constData());
        say(formatRun(bgeQt));
        verifyAndDelete(key, bytes, *crc);

        // curl -T: one PutObject, signed by core (V4 headers), nothing else to do. The headers
        // (a signature and the STS token) go through a private file, not the command line.
        const QNetworkRequest put =
            m_sandbox.signedRequest("PUT", key, {{"Content-Type", "application/octet-stream"}});
        QByteArray headerLines;
        for (const QByteArray& header : put.rawHeaderList())
            headerLines += header + ": " + put.rawHeader(header) + '\n';
        const QString headerFile = m_work + u"/curl-headers"_s;
        QVERIFY(writePrivateFile(headerFile, headerLines));
        const QStringList curlArgs{
            u"-sS"_s,          u"--noproxy"_s,    u"*"_s,
            u"-o"_s,           u"/dev/null"_s,    u"-w"_s,
            u"%{http_code}"_s, u"-T"_s,           file,
            u"-H"_s,           u'@' + headerFile, put.url().toString(QUrl::FullyEncoded)};
        ClientRun curl =
            measure(u"curl"_s, bytes, m_curl, curlArgs, QProcessEnvironment::systemEnvironment());
        QFile::remove(headerFile);
        QVERIFY2(curl.run.succeeded() && curl.run.out == "200",
                 QByteArray(curl.run.out + curl.run.err).constData());
        say(formatRun(curl));
        verifyAndDelete(key, bytes, *crc);

        // ali-oss multipartUpload: same part size and parallelism as bge.
        QJsonObject config = m_sandbox.aliossConfig();
        config.insert(u"key"_s, key);
        config.insert(u"file"_s, file);
        config.insert(u"partSize"_s, double(kPartMiB * kMiB));
        config.insert(u"parallel"_s, kParallel);
        const QString configFile = m_work + u"/alioss-config.json"_s;
        QVERIFY(writePrivateFile(configFile, QJsonDocument(config).toJson()));
        ClientRun alioss = measure(u"ali-oss"_s, bytes, m_node, {m_aliossScript, m_nodeModules, configFile},
                                   QProcessEnvironment::systemEnvironment());
        QFile::remove(configFile);
        QVERIFY2(alioss.run.succeeded(), alioss.run.err.right(2000).constData());
        takeReportedSeconds(alioss); // node's start-up is not the client's speed
        say(formatRun(alioss));
        verifyAndDelete(key, bytes, *crc);

        say(u"bench: %1 MiB: bge/curl throughput %2 %, bge/ali-oss %3 %, bge/bge (Qt HTTP) %4 %; "
            u"CPU s per GB: bge %5, bge (Qt HTTP) %6, curl %7, ali-oss %8"_s
                .arg(sizeMiB)
                .arg(100 * bge.megabytesPerSecond() / curl.megabytesPerSecond(), 0, 'f', 0)
                .arg(100 * bge.megabytesPerSecond() / alioss.megabytesPerSecond(), 0, 'f', 0)
                .arg(100 * bge.megabytesPerSecond() / bgeQt.megabytesPerSecond(), 0, 'f', 0)
                .arg(bge.run.cpuSeconds() / (double(bytes) / 1e9), 0, 'f', 2)
                .arg(bgeQt.run.cpuSeconds() / (double(bytes) / 1e9), 0, 'f', 2)
                .arg(curl.run.cpuSeconds() / (double(bytes) / 1e9), 0, 'f', 2)
                .arg(alioss.run.cpuSeconds() / (double(bytes) / 1e9), 0, 'f', 2));
        m_rows << bge << bgeQt << curl << alioss;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_work = qEnvironmentVariable("BGE_BENCH_WORK_DIR");
        m_nodeModules = qEnvironmentVariable("BGE_BENCH_NODE_DIR");
        m_aliossScript = qEnvironmentVariable("BGE_BENCH_ALIOSS_SCRIPT");
        QVERIFY2(!m_work.isEmpty() && QFile::exists(m_aliossScript), "run through run_transfer_bench.sh");
        m_curl = QStandardPaths::findExecutable(u"curl"_s);
        m_node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!m_curl.isEmpty() && !m_node.isEmpty(), "curl and node are needed");
        say(u"bench: "_s + machineSummary());

        // What an interrupted run may have left (a crash skips the clean-up).
        for (const QString& stale : QDir(m_work).entryList({u"bench-*.bin"_s, u"run-*"_s}, QDir::Files))
            QFile::remove(m_work + u'/' + stale);
        const QString problem = m_sandbox.start(QStringLiteral(BGE_SANDBOX_PATH), m_work);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void crc64Throughput()
    {
        QByteArray buffer(256 * kMiB, Qt::Uninitialized);
        SplitMix64 rng(1);
        for (qsizetype i = 0; i < buffer.size() / 8; ++i)
            reinterpret_cast<quint64*>(buffer.data())[i] = rng.next();
        oss::Crc64 crc;
        crc.update(buffer); // warm the caches and the page tables
        constexpr int kPasses = 4;
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = threadCpuSeconds();
        for (int i = 0; i < kPasses; ++i)
            crc.update(buffer);
        const double cpu = threadCpuSeconds() - cpuBefore;
        const double wall = double(clock.nsecsElapsed()) / 1e9;
        QVERIFY(crc.value() != 0);
        // Per CPU second: what the code does; per wall second: what this busy machine let it do.
        const double gigabytes = double(kPasses) * double(buffer.size()) / 1e9;
        say(u"bench: CRC-64 (core/oss) %1 GB per CPU second, %2 GB/s wall, over %3 x 256 MiB, load %4"_s
                .arg(gigabytes / cpu, 0, 'f', 2)
                .arg(gigabytes / wall, 0, 'f', 2)
                .arg(kPasses)
                .arg(loadAverage()));
    }

    void uploads()
    {
        const QString sizes = qEnvironmentVariable("BGE_BENCH_SIZES_MIB", u"1024,4096"_s);
        for (const QString& size : sizes.split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 mib = size.trimmed().toLongLong(&ok);
            QVERIFY2(ok && mib > 0, qPrintable(sizes));
            benchOneSize(mib);
            if (QTest::currentTestFailed())
                return;
        }
        // The same client's memory for every size: flat, whatever the file.
        for (const ClientRun& r : std::as_const(m_rows)) {
            if (r.client == u"bge"_s)
                say(u"bench: bge peak RSS for %1 MiB: %2 MiB"_s.arg(r.bytes / kMiB)
                        .arg(double(r.run.peakRssKiB) / 1024, 0, 'f', 1));
        }
        say(u"bench: figures are noisy: this machine is shared (load now %1)"_s.arg(loadAverage()));
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_GUILESS_MAIN(BenchTransfer)
#include "bench_transfer.moc"
