// Benchmark (label `bench`): uploads into bge-sandbox over loopback, in one run, by
//   - `bge upload` (multipart, 8 MiB parts, 4 at a time), and the same with its bodies sent
//     through QNetworkAccessManager (BGE_UPLOAD_TRANSPORT=qt) to show what the direct socket gains,
//   - `curl -T`, one signed PutObject: the practical ceiling of the machine and the sandbox,
//   - the official ali-oss client's multipartUpload (npm), with the same part size and parallelism,
// for each file size (BGE_BENCH_SIZES_MIB, default 1 GiB and 4 GiB), plus the CRC-64 throughput of
// core/oss. Prints throughput, CPU time (user + system) and peak resident memory of each client
// process (the kernel's own count for that child, wait4), the sandbox's CPU meanwhile, and the
// ratios. It fails only when something is broken (an upload fails, or the stored object's size or
// CRC-64 is not the file's), never on timing: the machines here are shared.
#include "measuredrun.h"

#include "common/httptestclient.h"
#include "oss/crc64.h"
#include "transfer/ossrequest.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTest>

#include <cstdio>
#include <ctime>

#include <unistd.h>

using namespace bge;
using namespace bge::bench;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr int kPartMiB = 8;
constexpr int kParallel = 4;
const QString kClientId = u"bge-pipeline-demo"_s;

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}


QString cpuModel()
{
    QFile f(u"/proc/cpuinfo"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"?"_s;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return u"?"_s;
}

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// A fast seeded generator (splitmix64): bytes that do not compress, at memory speed, so that a
// 4 GiB file takes seconds to write rather than a minute of /dev/urandom.
class SplitMix64 final
{
public:
    explicit SplitMix64(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    quint64 m_state;
};

// Writes `size` pseudo-random bytes, flushed to disk (so that its dirty pages do not slow the
// uploads that follow), and returns their CRC-64; nullopt on an I/O error.
std::optional<quint64> writeBenchFile(const QString& path, qint64 size, quint64 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return std::nullopt;
    SplitMix64 rng(seed);
    oss::Crc64 crc;
    QByteArray block(16 * kMiB, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        auto* words = reinterpret_cast<quint64*>(block.data());
        for (qsizetype i = 0; i < block.size() / 8; ++i)
            words[i] = rng.next();
        const qint64 n = qMin<qint64>(block.size(), size - written);
        crc.update(block.constData(), n);
        if (f.write(block.constData(), n) != n)
            return std::nullopt;
        written += n;
    }
    if (!f.flush() || fdatasync(f.handle()) != 0)
        return std::nullopt;
    return crc.value();
}


struct Row
{
    QString client;
    qint64 bytes = 0;
    MeasuredRun run;
    double uploadSeconds = 0; // the upload alone (ali-oss reports it; others: the process)
    double sandboxCpuSeconds = 0;
    QString loadBefore;

    double megabytesPerSecond() const { return double(bytes) / 1e6 / uploadSeconds; }
};

QString formatRow(const Row& r)
{
    return u"%1 %2 MiB  %3 s  %4 MB/s  cpu %5 s (user %6, sys %7)  peak RSS %8 MiB  sandbox cpu %9 s  load %10"_s
        .arg(r.client, -8)
        .arg(r.bytes / kMiB, 5)
        .arg(r.uploadSeconds, 6, 'f', 2)
        .arg(r.megabytesPerSecond(), 6, 'f', 0)
        .arg(r.run.cpuSeconds(), 5, 'f', 2)
        .arg(r.run.userSeconds, 0, 'f', 2)
        .arg(r.run.systemSeconds, 0, 'f', 2)
        .arg(double(r.run.peakRssKiB) / 1024, 6, 'f', 1)
        .arg(r.sandboxCpuSeconds, 5, 'f', 2)
        .arg(r.loadBefore);
}

} // namespace

class BenchTransfer final : public QObject
{
    Q_OBJECT

private:
    QString m_work;         // BGE_BENCH_WORK_DIR: files, sandbox data, the ali-oss install
    QString m_aliossScript; // BGE_BENCH_ALIOSS_SCRIPT
    QString m_curl, m_node;
    QProcess m_sandbox;
    QJsonObject m_description;
    std::unique_ptr<HttpTestClient> m_api;
    QJsonObject m_sts; // data of /sts/token: endpoint, bucket, region_id, destination, credentials
    QList<Row> m_rows;

    QString clientSecret() const
    {
        for (const QJsonValue& c : m_description.value(u"clients").toArray()) {
            if (c.toObject().value(u"client_id").toString() == kClientId)
                return c.toObject().value(u"client_secret").toString();
        }
        return {};
    }

    OssLocation location() const
    {
        return {QUrl(m_sts.value(u"endpoint").toString()), m_sts.value(u"bucket").toString(),
                m_sts.value(u"region_id").toString(), OssSignatureVersion::V4};
    }

    oss::OssCredentials credentials() const
    {
        const QJsonObject c = m_sts.value(u"credentials").toObject();
        return {c.value(u"access_key_id").toString(), c.value(u"access_key_secret").toString(),
                c.value(u"security_token").toString(),
                QDateTime::fromString(c.value(u"expiration").toString(), Qt::ISODate)};
    }

    QNetworkRequest signedRequest(const QByteArray& method, const QString& key,
                                  const QList<QPair<QByteArray, QByteArray>>& headers = {}) const
    {
        return signedOssRequest(location(), credentials(), method, key, {}, headers,
                                QDateTime::currentDateTimeUtc());
    }

    HttpResult ossCall(const QByteArray& method, const QString& key)
    {
        const QNetworkRequest r = signedRequest(method, key);
        QList<std::pair<QByteArray, QByteArray>> headers;
        for (const QByteArray& name : r.rawHeaderList())
            headers.append({name, r.rawHeader(name)});
        return m_api->send(method, r.url(), {}, headers);
    }

    qint64 sandboxPid() const { return m_sandbox.processId(); }

    // Runs one client, measured, with the sandbox's CPU time around it.
    Row measure(const QString& client, qint64 bytes, const QString& program, const QStringList& arguments,
                const QProcessEnvironment& env)
    {
        Row row;
        row.client = client;
        row.bytes = bytes;
        row.loadBefore = loadAverage();
        const double sandboxBefore = cpuSecondsOf(sandboxPid());
        row.run = runMeasured(program, arguments, env, m_work + u"/run-"_s + client);
        row.sandboxCpuSeconds = cpuSecondsOf(sandboxPid()) - sandboxBefore;
        row.uploadSeconds = row.run.wallSeconds;
        return row;
    }

    // The object is the file (size and CRC-64 on the sandbox side), then it goes, so that the
    // next client starts from the same state (and the disk does not fill up).
    void verifyAndDelete(const QString& key, qint64 size, quint64 crc)
    {
        const HttpResult head = ossCall("HEAD", key);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length").toLongLong(), size);
        QCOMPARE(head.header("x-oss-hash-crc64ecma"), QByteArray::number(crc));
        QCOMPARE(ossCall("DELETE", key).status, 204);
    }

    QProcessEnvironment bgeEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : env.keys()) {
            if (name.startsWith(u"BGE_"_s) || name.endsWith(u"_proxy"_s, Qt::CaseInsensitive))
                env.remove(name);
        }
        for (const char* sub : {"home", "config", "data", "cache"})
            QDir().mkpath(m_work + u"/bge-home/"_s + QString::fromLatin1(sub));
        env.insert(u"HOME"_s, m_work + u"/bge-home/home"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_work + u"/bge-home/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, m_work + u"/bge-home/data"_s);
        env.insert(u"XDG_CACHE_HOME"_s, m_work + u"/bge-home/cache"_s);
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"disabled:"_s);
        env.insert(u"BGE_ENDPOINT"_s, m_description.value(u"api_endpoint").toString());
        env.insert(u"BGE_CLIENT_ID"_s, kClientId);
        env.insert(u"BGE_CLIENT_SECRET"_s, clientSecret());
        return env;
    }

    void benchOneSize(qint64 sizeMiB)
    {
        const qint64 bytes = sizeMiB * kMiB;
        const QString name = u"bench-%1MiB.bin"_s.arg(sizeMiB);
        const QString file = m_work + u'/' + name;
        const QString key = m_sts.value(u"destination").toString() + u'/' + name;
        QElapsedTimer clock;
        clock.start();
        const std::optional<quint64> crc = writeBenchFile(file, bytes, quint64(sizeMiB));
        QVERIFY2(crc.has_value(), qPrintable(file));
        say(u"bench: wrote %1 (%2 MiB) in %3 s"_s.arg(file).arg(sizeMiB).arg(double(clock.elapsed()) / 1000,
                                                                             0, 'f', 1));
        const auto cleanup = qScopeGuard([&] { QFile::remove(file); });

        // bge upload: the command line as a user runs it.
        Row bge = measure(u"bge"_s, bytes, QStringLiteral(BGE_CLI_PATH),
                          {u"upload"_s, file, u"--overwrite"_s, u"--json"_s, u"--jobs"_s,
                           QString::number(kParallel), u"--part-size"_s, u"%1M"_s.arg(kPartMiB)},
                          bgeEnvironment());
        QVERIFY2(bge.run.succeeded(), bge.run.err.right(2000).constData());
        say(formatRow(bge));
        verifyAndDelete(key, bytes, *crc);

        // The same with the bodies sent through QNetworkAccessManager (BGE_UPLOAD_TRANSPORT=qt),
        // as before FileBodyRequest: what writing them to the socket directly gains.
        QProcessEnvironment viaQt = bgeEnvironment();
        viaQt.insert(u"BGE_UPLOAD_TRANSPORT"_s, u"qt"_s);
        Row bgeQt = measure(u"bge (Qt HTTP)"_s, bytes, QStringLiteral(BGE_CLI_PATH),
                            {u"upload"_s, file, u"--overwrite"_s, u"--json"_s, u"--jobs"_s,
                             QString::number(kParallel), u"--part-size"_s, u"%1M"_s.arg(kPartMiB)},
                            viaQt);
        QVERIFY2(bgeQt.run.succeeded(), bgeQt.run.err.right(2000).constData());
        say(formatRow(bgeQt));
        verifyAndDelete(key, bytes, *crc);

        // curl -T: one PutObject, signed by core (V4 headers), nothing else to do. The headers
        // (a signature and the STS token) go through a private file, not the command line.
        const QNetworkRequest put = signedRequest("PUT", key, {{"Content-Type", "application/octet-stream"}});
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
        Row curl = measure(u"curl"_s, bytes, m_curl, curlArgs, QProcessEnvironment::systemEnvironment());
        QFile::remove(headerFile);
        QVERIFY2(curl.run.succeeded() && curl.run.out == "200",
                 QByteArray(curl.run.out + curl.run.err).constData());
        say(formatRow(curl));
        verifyAndDelete(key, bytes, *crc);

        // ali-oss multipartUpload: same part size and parallelism as bge.
        const QJsonObject c = m_sts.value(u"credentials").toObject();
        const QJsonObject config{{u"endpoint"_s, m_sts.value(u"endpoint")},
                                 {u"bucket"_s, m_sts.value(u"bucket")},
                                 {u"region"_s, QString(u"oss-"_s + m_sts.value(u"region_id").toString())},
                                 {u"accessKeyId"_s, c.value(u"access_key_id")},
                                 {u"accessKeySecret"_s, c.value(u"access_key_secret")},
                                 {u"stsToken"_s, c.value(u"security_token")},
                                 {u"key"_s, key},
                                 {u"file"_s, file},
                                 {u"partSize"_s, double(kPartMiB * kMiB)},
                                 {u"parallel"_s, kParallel}};
        const QString configFile = m_work + u"/alioss-config.json"_s;
        QVERIFY(writePrivateFile(configFile, QJsonDocument(config).toJson()));
        Row alioss = measure(u"ali-oss"_s, bytes, m_node, {m_aliossScript, m_work, configFile},
                             QProcessEnvironment::systemEnvironment());
        QFile::remove(configFile);
        QVERIFY2(alioss.run.succeeded(), alioss.run.err.right(2000).constData());
        const double aliossSeconds =
            QJsonDocument::fromJson(alioss.run.out).object().value(u"seconds").toDouble();
        if (aliossSeconds > 0)
            alioss.uploadSeconds = aliossSeconds; // node's start-up is not the client's speed
        say(formatRow(alioss));
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
        m_aliossScript = qEnvironmentVariable("BGE_BENCH_ALIOSS_SCRIPT");
        QVERIFY2(!m_work.isEmpty() && QFile::exists(m_aliossScript), "run through run_transfer_bench.sh");
        m_curl = QStandardPaths::findExecutable(u"curl"_s);
        m_node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!m_curl.isEmpty() && !m_node.isEmpty(), "curl and node are needed");

        say(u"bench: %1, %2 CPUs (%3), %4, load %5, %6"_s.arg(QSysInfo::prettyProductName())
                .arg(sysconf(_SC_NPROCESSORS_ONLN))
                .arg(cpuModel(), QSysInfo::kernelVersion(), loadAverage(),
                     QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));

        // What an interrupted run may have left (a crash skips the clean-up).
        for (const QString& stale : QDir(m_work).entryList({u"bench-*.bin"_s, u"run-*"_s}, QDir::Files))
            QFile::remove(m_work + u'/' + stale);

        // The sandbox's log goes to a file: a pipe nobody reads while a client runs would fill up.
        const QString data = m_work + u"/sandbox-data"_s;
        QDir(data).removeRecursively();
        m_sandbox.setStandardErrorFile(m_work + u"/sandbox.log"_s);
        m_sandbox.start(QStringLiteral(BGE_SANDBOX_PATH),
                        {u"--port"_s, u"0"_s, u"--oss-port"_s, u"0"_s, u"--data-dir"_s, data});
        QVERIFY(m_sandbox.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([this] { return m_sandbox.canReadLine(); }, 30000));
        m_description = QJsonDocument::fromJson(m_sandbox.readLine()).object();
        QVERIFY(!m_description.isEmpty());

        m_api = std::make_unique<HttpTestClient>(m_description.value(u"api_endpoint").toString());
        const QString token = m_api->clientToken(kClientId, clientSecret());
        QVERIFY(!token.isEmpty());
        const HttpResult sts = m_api->post(u"/sts/token"_s, {}, token);
        QCOMPARE(sts.code(), 0);
        m_sts = sts.data().toObject();
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
        for (const Row& r : std::as_const(m_rows)) {
            if (r.client == u"bge"_s)
                say(u"bench: bge peak RSS for %1 MiB: %2 MiB"_s.arg(r.bytes / kMiB)
                        .arg(double(r.run.peakRssKiB) / 1024, 0, 'f', 1));
        }
        say(u"bench: figures are noisy: this machine is shared (load now %1)"_s.arg(loadAverage()));
    }

    void cleanupTestCase()
    {
        m_sandbox.terminate();
        if (!m_sandbox.waitForFinished(10000))
            m_sandbox.kill();
        QDir(m_work + u"/sandbox-data"_s).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(BenchTransfer)
#include "bench_transfer.moc"
