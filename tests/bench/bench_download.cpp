// Benchmark (label `bench`): one large object out of bge-sandbox over loopback, each client
// against the same sandbox in one run:
//   - `bge download OBJECT -o FILE --overwrite` (sign-in, a signed URL, one GET, CRC-64 checked,
//     synced and renamed into place),
//   - `curl -o FILE` with V4 headers signed by core: one GET, nothing else, the practical ceiling,
//   - the official ali-oss client's `get(key, file)` (npm) in its own node process.
// BGE_BENCH_BASELINE_BGE=<another bge> adds that build's `bge download`, to compare two builds in
// one run.
// Sizes: BGE_BENCH_DOWNLOAD_SIZES_MIB (default "1024,4096"); BGE_BENCH_ROUNDS rounds (default 1),
// the clients' order reversed every other round. Prints throughput, CPU time (user + system) per
// GB, peak resident memory and the sandbox's CPU for each client process, and the ratios. Every
// downloaded file is checked (size and CRC-64 of its bytes against the object's): the benchmark
// fails when one is wrong or a client fails, never on timing.
#include "benchdata.h"
#include "benchreport.h"
#include "benchsandbox.h"
#include "clientrun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace bge;
using namespace bge::bench;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

} // namespace

class BenchDownload final : public QObject
{
    Q_OBJECT

private:
    QString m_work, m_nodeModules, m_script, m_node, m_curl;
    QString m_baseline; // BGE_BENCH_BASELINE_BGE
    BenchSandbox m_sandbox;
    int m_rounds = 1;

    // The headers of a signed request go through a private file, not the command line.
    QString curlHeaderFile(const QNetworkRequest& request)
    {
        QByteArray lines;
        for (const QByteArray& header : request.rawHeaderList())
            lines += header + ": " + request.rawHeader(header) + '\n';
        const QString file = m_work + u"/curl-headers"_s;
        return writePrivateFile(file, lines) ? file : QString();
    }

    // The object, by one PutObject (curl), not measured; the local file goes at once (its CRC
    // is known): the disk holds the object and one download at a time.
    void storeObject(const QString& key, qint64 bytes, quint64* crc)
    {
        const QString file = m_work + u"/source.bin"_s;
        QElapsedTimer clock;
        clock.start();
        const std::optional<quint64> written = writeBenchFile(file, bytes, quint64(bytes / kMiB));
        QVERIFY2(written, qPrintable(file));
        *crc = *written;
        const QNetworkRequest put =
            m_sandbox.signedRequest("PUT", key, {{"Content-Type", "application/octet-stream"}});
        const QString headers = curlHeaderFile(put);
        const MeasuredRun r = runMeasured(m_curl,
                                          {u"-sS"_s, u"--noproxy"_s, u"*"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s,
                                           u"%{http_code}"_s, u"-T"_s, file, u"-H"_s, u'@' + headers,
                                           put.url().toString(QUrl::FullyEncoded)},
                                          QProcessEnvironment::systemEnvironment(), m_work + u"/run-store"_s);
        QFile::remove(file);
        QFile::remove(headers);
        QVERIFY2(r.succeeded() && r.out == "200", QByteArray(r.out + r.err).constData());
        const QString wrong = m_sandbox.checkObject(key, bytes, *crc);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        say(u"bench: stored %1 (%2 MiB) in %3 s"_s.arg(key)
                .arg(bytes / kMiB)
                .arg(double(clock.elapsed()) / 1000, 0, 'f', 1));
    }

    void verifyAndDelete(const QString& file, qint64 bytes, quint64 crc)
    {
        QCOMPARE(QFileInfo(file).size(), bytes);
        const std::optional<quint64> got = fileCrc64(file);
        QVERIFY2(got && *got == crc, qPrintable(u"%1: wrong bytes"_s.arg(file)));
        QVERIFY(QFile::remove(file));
    }

    ClientRun runClient(const QString& client, const QString& key, const QString& file, qint64 bytes)
    {
        if (client.startsWith(u"bge"_s)) {
            return measureClient(
                client, 1, bytes, client == u"bge"_s ? QStringLiteral(BGE_CLI_PATH) : m_baseline,
                {u"download"_s, key, u"-o"_s, file, u"--overwrite"_s, u"--json"_s},
                m_sandbox.bgeEnvironment(m_work + u"/bge-home"_s), m_work + u"/run-bge"_s, m_sandbox.pid());
        }
        if (client == u"curl"_s) {
            const QNetworkRequest get = m_sandbox.signedRequest("GET", key);
            const QString headers = curlHeaderFile(get);
            ClientRun r = measureClient(
                client, 1, bytes, m_curl,
                {u"-sS"_s, u"--noproxy"_s, u"*"_s, u"-o"_s, file, u"-w"_s, u"%{http_code}"_s, u"-H"_s,
                 u'@' + headers, get.url().toString(QUrl::FullyEncoded)},
                QProcessEnvironment::systemEnvironment(), m_work + u"/run-curl"_s, m_sandbox.pid());
            QFile::remove(headers);
            if (r.run.out != "200")
                r.run.exitCode = 1;
            return r;
        }
        QJsonObject config = m_sandbox.aliossConfig();
        config.insert(u"op"_s, u"get"_s);
        config.insert(u"parallel"_s, 1);
        config.insert(u"objects"_s, QJsonArray{QJsonObject{{u"key"_s, key}, {u"file"_s, file}}});
        const QString configFile = m_work + u"/alioss-config.json"_s;
        if (!writePrivateFile(configFile, QJsonDocument(config).toJson(QJsonDocument::Compact)))
            return {};
        ClientRun r = measureClient(client, 1, bytes, m_node, {m_script, m_nodeModules, configFile},
                                    QProcessEnvironment::systemEnvironment(), m_work + u"/run-alioss"_s,
                                    m_sandbox.pid());
        QFile::remove(configFile);
        takeReportedSeconds(r);
        return r;
    }

    void benchOneSize(qint64 sizeMiB)
    {
        const qint64 bytes = sizeMiB * kMiB;
        const QString name = u"bench-download-%1MiB.bin"_s.arg(sizeMiB);
        const QString key = m_sandbox.keyFor(name);
        quint64 crc = 0;
        storeObject(key, bytes, &crc);
        if (QTest::currentTestFailed())
            return;
        const QString file = m_work + u'/' + name;
        QMap<QString, QList<ClientRun>> runs;
        for (int round = 0; round < m_rounds; ++round) {
            QStringList order{u"bge"_s, u"curl"_s, u"ali-oss"_s};
            if (!m_baseline.isEmpty())
                order.insert(1, u"bge (baseline)"_s);
            if (round % 2)
                std::reverse(order.begin(), order.end());
            for (const QString& client : std::as_const(order)) {
                const ClientRun r = runClient(client, key, file, bytes);
                QVERIFY2(r.run.succeeded(), QByteArray(r.run.out + r.run.err).right(2000).constData());
                say(u"bench: download round %1: "_s.arg(round + 1) + formatRun(r));
                verifyAndDelete(file, bytes, crc);
                if (QTest::currentTestFailed())
                    return;
                runs[client].append(r);
            }
        }
        // Sums over the rounds: one ratio per size, every round weighing by its bytes.
        const auto total = [&](const QString& client, auto figure) {
            double sum = 0;
            for (const ClientRun& r : runs[client])
                sum += figure(r);
            return sum;
        };
        const auto seconds = [&](const QString& c) {
            return total(c, [](const ClientRun& r) { return r.seconds; });
        };
        const auto cpu = [&](const QString& c) {
            return total(c, [](const ClientRun& r) { return r.run.cpuSeconds(); });
        };
        const double gigabytes = double(bytes) * m_rounds / 1e9;
        qint64 bgePeak = 0;
        for (const ClientRun& r : runs[u"bge"_s])
            bgePeak = qMax(bgePeak, r.run.peakRssKiB);
        say(u"bench: download %1 MiB: bge/curl throughput %2 %, bge/ali-oss %3 %; CPU s per GB: bge %4, curl "
            u"%5, "
            u"ali-oss %6 (bge/curl %7x); bge peak RSS %8 MiB"_s.arg(sizeMiB)
                .arg(100 * seconds(u"curl"_s) / seconds(u"bge"_s), 0, 'f', 0)
                .arg(100 * seconds(u"ali-oss"_s) / seconds(u"bge"_s), 0, 'f', 0)
                .arg(cpu(u"bge"_s) / gigabytes, 0, 'f', 2)
                .arg(cpu(u"curl"_s) / gigabytes, 0, 'f', 2)
                .arg(cpu(u"ali-oss"_s) / gigabytes, 0, 'f', 2)
                .arg(cpu(u"bge"_s) / cpu(u"curl"_s), 0, 'f', 2)
                .arg(double(bgePeak) / 1024, 0, 'f', 1));
        if (!m_baseline.isEmpty())
            say(u"bench: download %1 MiB: bge/bge (baseline) throughput %2 %, CPU s per GB of the baseline %3"_s
                    .arg(sizeMiB)
                    .arg(100 * seconds(u"bge (baseline)"_s) / seconds(u"bge"_s), 0, 'f', 0)
                    .arg(cpu(u"bge (baseline)"_s) / gigabytes, 0, 'f', 2));
        QVERIFY(m_sandbox.deleteObject(key));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_work = qEnvironmentVariable("BGE_BENCH_WORK_DIR");
        m_nodeModules = qEnvironmentVariable("BGE_BENCH_NODE_DIR");
        m_script = qEnvironmentVariable("BGE_BENCH_ALIOSS_OBJECTS_SCRIPT");
        QVERIFY2(!m_work.isEmpty() && QFile::exists(m_script), "run through run_transfer_bench.sh");
        m_curl = QStandardPaths::findExecutable(u"curl"_s);
        m_node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!m_curl.isEmpty() && !m_node.isEmpty(), "curl and node are needed");
        m_baseline = qEnvironmentVariable("BGE_BENCH_BASELINE_BGE");
        m_rounds = qEnvironmentVariableIsSet("BGE_BENCH_ROUNDS")
                       ? qMax(1, qEnvironmentVariableIntValue("BGE_BENCH_ROUNDS"))
                       : 1;
        say(u"bench: "_s + machineSummary());
        for (const QString& stale : QDir(m_work).entryList({u"bench-*.bin"_s, u"*.bgepart*"_s}, QDir::Files))
            QFile::remove(m_work + u'/' + stale);
        const QString problem = m_sandbox.start(QStringLiteral(BGE_SANDBOX_PATH), m_work);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void downloads()
    {
        const QString sizes = qEnvironmentVariable("BGE_BENCH_DOWNLOAD_SIZES_MIB", u"1024,4096"_s);
        for (const QString& size : sizes.split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 mib = size.trimmed().toLongLong(&ok);
            QVERIFY2(ok && mib > 0, qPrintable(sizes));
            benchOneSize(mib);
            if (QTest::currentTestFailed())
                return;
        }
        say(u"bench: figures are noisy: this machine is shared (load now %1)"_s.arg(loadAverage()));
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_GUILESS_MAIN(BenchDownload)
#include "bench_download.moc"
