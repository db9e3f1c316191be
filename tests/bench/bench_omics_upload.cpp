// Benchmark (label `bench`): read-set uploads into bge-sandbox's HealthOmics emulator over
// loopback, in one run, by
//   - `bge omics upload` (100 MiB parts, 4 in flight: its default; and 10 in flight),
//   - the official @aws-sdk/client-omics (npm) the way the reference transfer manager uploads:
//     100 MiB parts read into memory, 10 UploadReadSetPart in flight,
// alternating, BGE_BENCH_ROUNDS times (default 2), for each file size (BGE_BENCH_SIZES_MIB,
// default 1 GiB). The emulator enforces the service's quotas, as the real service would.
// Prints throughput, CPU time (user + system) and peak resident memory of each client process
// (the kernel's own count for that child, wait4), the emulator's CPU meanwhile, and the ratios.
// It fails only when something is broken (an upload fails, or the stored size is not the
// file's), never on timing: the machines here are shared.
#include "measuredrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

#include <unistd.h>

using namespace bge::bench;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}


// A FASTQ file of whole 4-line records (the emulator checks that the bytes are FASTQ), about
// `size` bytes, flushed to disk so its dirty pages do not slow the uploads that follow.
// Returns the exact size, or -1 on an I/O error.
qint64 writeFastq(const QString& path, qint64 size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    quint64 x = 0x9E3779B97F4A7C15ULL;
    QByteArray block;
    for (int i = 0; block.size() < 4 * kMiB; ++i) {
        QByteArray seq(150, 'A');
        QByteArray qual(150, 'I');
        for (int j = 0; j < 150; ++j) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            seq[j] = "ACGT"[x & 3];
            qual[j] = char(35 + (x >> 8) % 40);
        }
        block += "@A00123:8:H7KLMDSXY:1:1101:" + QByteArray::number(i) + ":1000 1:N:0:ACGT\n" + seq + "\n+\n" + qual + '\n';
    }
    qint64 written = 0;
    while (written + block.size() <= size) {
        if (f.write(block) != block.size())
            return -1;
        written += block.size();
    }
    if (!f.flush() || fdatasync(f.handle()) != 0)
        return -1;
    return written;
}


struct Row
{
    QString client;
    qint64 bytes = 0;
    MeasuredRun run;
    double uploadSeconds = 0;
    double sandboxCpuSeconds = 0;
    QString loadBefore;

    double megabytesPerSecond() const { return double(bytes) / 1e6 / uploadSeconds; }
    double cpuPerGigabyte() const { return run.cpuSeconds() / (double(bytes) / 1e9); }
};

QString formatRow(const Row& r)
{
    return u"%1 %2 MiB  %3 s  %4 MB/s  cpu %5 s/GB (user %6, sys %7)  peak RSS %8 MiB  emulator cpu %9 s  load %10"_s
        .arg(r.client, -11)
        .arg(r.bytes / kMiB, 5)
        .arg(r.uploadSeconds, 6, 'f', 2)
        .arg(r.megabytesPerSecond(), 6, 'f', 0)
        .arg(r.cpuPerGigabyte(), 5, 'f', 2)
        .arg(r.run.userSeconds, 0, 'f', 2)
        .arg(r.run.systemSeconds, 0, 'f', 2)
        .arg(double(r.run.peakRssKiB) / 1024, 6, 'f', 1)
        .arg(r.sandboxCpuSeconds, 5, 'f', 2)
        .arg(r.loadBefore);
}

} // namespace

class BenchOmicsUpload final : public QObject
{
    Q_OBJECT

private:
    QString m_work;
    QString m_script;
    QString m_node;
    QProcess m_sandbox;
    QJsonObject m_omics;
    QString m_store;
    QList<Row> m_rows;

    QProcessEnvironment awsEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"AWS_ACCESS_KEY_ID"_s, m_omics.value(u"access_key_id").toString());
        env.insert(u"AWS_SECRET_ACCESS_KEY"_s, m_omics.value(u"secret_access_key").toString());
        env.insert(u"AWS_REGION"_s, m_omics.value(u"region").toString());
        env.insert(u"AWS_ENDPOINT_URL_OMICS"_s, m_omics.value(u"endpoint").toString());
        env.remove(u"AWS_PROFILE"_s);
        // bge's upload journal lives in its data folder: one of the bench's own.
        env.insert(u"XDG_DATA_HOME"_s, m_work + u"/xdg-data"_s);
        return env;
    }

    // The size the emulator stored for a read set.
    qint64 storedSize(const QString& readSetId)
    {
        QProcess p;
        p.setProcessEnvironment(awsEnvironment());
        p.start(QStringLiteral(BGE_CLI_PATH), {u"omics"_s, u"read-set"_s, m_store, readSetId, u"--json"_s});
        if (!p.waitForFinished(120000))
            return -1;
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        return qint64(o.value(u"files").toObject().value(u"source1").toObject().value(u"contentLength").toDouble(-1));
    }

    Row runBge(const QString& file, qint64 size, int jobs, int round)
    {
        Row row;
        row.client = u"bge -j%1"_s.arg(jobs);
        row.bytes = size;
        row.loadBefore = loadAverage();
        const double sandboxBefore = cpuSecondsOf(m_sandbox.processId());
        row.run = runMeasured(QStringLiteral(BGE_CLI_PATH),
                              {u"omics"_s, u"upload"_s, m_store, file, u"--subject"_s, u"bench"_s, u"--sample"_s,
                               u"bench"_s, u"--name"_s, u"bench bge %1 %2"_s.arg(jobs).arg(round), u"--type"_s,
                               u"FASTQ"_s, u"--jobs"_s, QString::number(jobs), u"--no-wait"_s},
                              awsEnvironment(), m_work + u"/bge-run"_s);
        row.sandboxCpuSeconds = cpuSecondsOf(m_sandbox.processId()) - sandboxBefore;
        row.uploadSeconds = row.run.wallSeconds;
        return row;
    }

    Row runJs(const QString& file, qint64 size, int round)
    {
        Row row;
        row.client = u"aws-sdk-js"_s;
        row.bytes = size;
        const QString config = m_work + u"/omics-config.json"_s;
        const QJsonObject c{{u"endpoint"_s, m_omics.value(u"endpoint")},
                            {u"region"_s, m_omics.value(u"region")},
                            {u"accessKeyId"_s, m_omics.value(u"access_key_id")},
                            {u"secretAccessKey"_s, m_omics.value(u"secret_access_key")},
                            {u"store"_s, m_store},
                            {u"file"_s, file},
                            {u"name"_s, u"bench js %1"_s.arg(round)},
                            {u"partSize"_s, double(100 * kMiB)},
                            {u"parallel"_s, 10}};
        if (!writePrivateFile(config, QJsonDocument(c).toJson(QJsonDocument::Compact)))
            return row;
        row.loadBefore = loadAverage();
        const double sandboxBefore = cpuSecondsOf(m_sandbox.processId());
        row.run = runMeasured(m_node, {m_script, m_work, config}, QProcessEnvironment::systemEnvironment(),
                              m_work + u"/js-run"_s);
        row.sandboxCpuSeconds = cpuSecondsOf(m_sandbox.processId()) - sandboxBefore;
        QFile::remove(config);
        row.uploadSeconds = QJsonDocument::fromJson(row.run.out.trimmed().split('\n').last())
                                .object()
                                .value(u"seconds")
                                .toDouble(row.run.wallSeconds);
        return row;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_work = qEnvironmentVariable("BGE_BENCH_WORK_DIR");
        m_script = qEnvironmentVariable("BGE_BENCH_OMICS_SCRIPT");
        m_node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!m_work.isEmpty() && !m_script.isEmpty(), "run through run_omics_bench.sh");
        QVERIFY2(!m_node.isEmpty(), "node is needed for the JS client");
        QDir(m_work + u"/sandbox"_s).removeRecursively();
        QDir(m_work + u"/xdg-data"_s).removeRecursively();
        m_sandbox.setProcessChannelMode(QProcess::SeparateChannels);
        m_sandbox.setStandardErrorFile(m_work + u"/sandbox.log"_s);
        m_sandbox.start(QStringLiteral(BGE_SANDBOX_PATH),
                        {u"--data-dir"_s, m_work + u"/sandbox"_s, u"--omics-processing-ms"_s, u"200"_s});
        QVERIFY(m_sandbox.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox.canReadLine(), 60000);
        m_omics = QJsonDocument::fromJson(m_sandbox.readLine()).object().value(u"omics").toObject();
        m_store = m_omics.value(u"sequence_stores").toArray().first().toObject().value(u"id").toString();
        QVERIFY(!m_store.isEmpty());
        say(u"bench: quotas on (UploadReadSetPart 10/s, Create/Complete 1/s); load %1"_s.arg(loadAverage()));
    }

    void cleanupTestCase()
    {
        m_sandbox.terminate();
        m_sandbox.waitForFinished(10000);
        say(u"\nbench: summary (MB/s, CPU s per GB, peak RSS MiB)"_s);
        for (const Row& r : std::as_const(m_rows))
            say(formatRow(r));
    }

    void upload()
    {
        const int rounds = qEnvironmentVariableIntValue("BGE_BENCH_ROUNDS") > 0 ? qEnvironmentVariableIntValue("BGE_BENCH_ROUNDS")
                                                                                : 2;
        QStringList sizes = qEnvironmentVariable("BGE_BENCH_SIZES_MIB", u"1024"_s).split(u',');
        for (const QString& mib : sizes) {
            const QString file = m_work + u"/reads_%1M.fastq"_s.arg(mib);
            const qint64 size = writeFastq(file, mib.toLongLong() * kMiB);
            QVERIFY2(size > 0, "cannot write the bench file");
            QList<Row> bge4, bge10, js;
            for (int round = 1; round <= rounds; ++round) {
                // Alternate who goes first, so that neither always meets a warmer page cache.
                const bool bgeFirst = round % 2 == 1;
                if (!bgeFirst)
                    js.append(runJs(file, size, round));
                bge4.append(runBge(file, size, 4, round));
                bge10.append(runBge(file, size, 10, round));
                if (bgeFirst)
                    js.append(runJs(file, size, round));
                for (const Row* r : {&bge4.last(), &bge10.last(), &js.last()}) {
                    QVERIFY2(r->run.succeeded(), qPrintable(r->client + u": "_s + QString::fromUtf8(r->run.err.right(2000))));
                    say(formatRow(*r));
                    m_rows.append(*r);
                }
                const QString jsReadSet = QJsonDocument::fromJson(js.last().run.out.trimmed().split('\n').last())
                                              .object()
                                              .value(u"readSetId")
                                              .toString();
                QCOMPARE(storedSize(jsReadSet), size);
                const QString bgeReadSet = QString::fromUtf8(bge4.last().run.out).trimmed().section(u'\n', -1);
                QCOMPARE(storedSize(bgeReadSet), size);
            }
            const auto mean = [](const QList<Row>& rows, auto field) {
                double sum = 0;
                for (const Row& r : rows)
                    sum += field(r);
                return sum / double(rows.size());
            };
            const auto speed = [](const Row& r) { return r.megabytesPerSecond(); };
            const auto cpu = [](const Row& r) { return r.cpuPerGigabyte(); };
            const auto rss = [](const Row& r) { return double(r.run.peakRssKiB) / 1024; };
            say(u"bench: %1 MiB, mean of %2 rounds: bge -j4 %3 MB/s, bge -j10 %4 MB/s, JS SDK (10 in flight) %5 MB/s; "
                "bge -j4 / JS %6 %, bge -j10 / JS %7 %; CPU s/GB %8 / %9 / %10; peak RSS MiB %11 / %12 / %13"_s
                    .arg(mib)
                    .arg(rounds)
                    .arg(mean(bge4, speed), 0, 'f', 0)
                    .arg(mean(bge10, speed), 0, 'f', 0)
                    .arg(mean(js, speed), 0, 'f', 0)
                    .arg(100 * mean(bge4, speed) / mean(js, speed), 0, 'f', 0)
                    .arg(100 * mean(bge10, speed) / mean(js, speed), 0, 'f', 0)
                    .arg(mean(bge4, cpu), 0, 'f', 2)
                    .arg(mean(bge10, cpu), 0, 'f', 2)
                    .arg(mean(js, cpu), 0, 'f', 2)
                    .arg(mean(bge4, rss), 0, 'f', 1)
                    .arg(mean(bge10, rss), 0, 'f', 1)
                    .arg(mean(js, rss), 0, 'f', 1));
            QFile::remove(file);
        }
    }
};

QTEST_GUILESS_MAIN(BenchOmicsUpload)
#include "bench_omics_upload.moc"
