// Randomized `bge upload` runs of multipart-size files into a faulty bge-sandbox (error-rate
// 0.05, drop-rate 0.03, corrupt-rate 0.03), some killed with SIGKILL at random moments (some
// exactly when Complete leaves, which the journal announces) and run again until they end,
// every object then read back through a clean sandbox and compared byte for byte. The issue 14
// finding 7a scenario: a rerun must never be stuck on its own object (409 FileAlreadyExists),
// and no object may be lost or damaged. A `bench` test (minutes, several GB written): not part
// of `make test`; `make soak` can extend it.
//
// BGE_SOAK_RUNS (default 30) and BGE_SOAK_SEED (default 1407) replay a series; BGE_SOAK_CLI runs
// another build's `bge` (e.g. an older one, to see a fix make the difference). The summary line
// ("soak: runs=… kills=… …") and each failed run's seed are printed.
#include "common/cliprocess.h"
#include "common/sandboxprocess.h"
#include "common/testfiles.h"
#include "oss/crc64.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRunTimeoutMs = 600000; // a slow, shared machine: a bound against hangs, not a criterion
constexpr int kMaxAttempts = 8;       // runs of one upload before it counts as failed
const QString kClientId = u"bge-pipeline-demo"_s;

struct Tally
{
    int runs = 0;
    int processes = 0;
    int kills = 0;
    int killsAtComplete = 0;
    int ok = 0;
    // Every rerun refused by 409 on an object its own Complete made. After a rerun that met
    // NoSuchUpload (finding 7a: the engine discarded an upload that was being completed), or
    // at once (finding 7b: killed after the object was stored; the name check refuses it).
    int stuckAfterNoSuchUpload = 0;
    int stuckAtOnce = 0;
    int failed = 0;  // no success within kMaxAttempts for another reason
    int damaged = 0; // the stored object is not the file
    QStringList failures;
};

} // namespace

class TestMultipartSoak final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;
    QTemporaryDir m_dir;
    SandboxProcess m_plain;
    SandboxProcess m_faulty;

    static QString cli()
    {
        return qEnvironmentVariableIsEmpty("BGE_SOAK_CLI") ? QStringLiteral(BGE_CLI_PATH)
                                                           : qEnvironmentVariable("BGE_SOAK_CLI");
    }
    QString home(const QString& sub) const { return m_dir.filePath(u"home/"_s + sub); }
    QString uploadJournals() const { return home(u"data/BGE/BGE Desktop/uploads"_s); }

    QProcessEnvironment environment(const SandboxProcess& sandbox) const
    {
        return bgeEnvironment(sandbox, m_dir.filePath(u"home"_s), kClientId);
    }

    // A journal on disk announces that Complete is leaving.
    bool completing() const
    {
        QDirIterator it(uploadJournals(), {u"upload-*.json"_s}, QDir::Files);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && QJsonDocument::fromJson(f.readAll()).object().value(u"completing"_s).toBool())
                return true;
        }
        return false;
    }

    struct Outcome
    {
        bool killed = false;
        bool killedAtComplete = false;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // One `bge upload`; killed after `killAfterMs` (-1: never; -2: when Complete leaves).
    Outcome runOnce(const QStringList& arguments, int killAfterMs)
    {
        Outcome o;
        QProcess p;
        p.setProcessEnvironment(environment(m_faulty));
        p.start(cli(), arguments);
        if (!p.waitForStarted(30000))
            return o;
        QElapsedTimer clock;
        clock.start();
        const bool ended = QTest::qWaitFor(
            [&] {
                if (p.state() == QProcess::NotRunning)
                    return true;
                if ((killAfterMs >= 0 && clock.elapsed() >= killAfterMs) || (killAfterMs == -2 && completing())) {
                    o.killed = true;
                    o.killedAtComplete = killAfterMs == -2;
                    return true;
                }
                return false;
            },
            kRunTimeoutMs);
        if (!ended || o.killed)
            p.kill(); // SIGKILL
        p.waitForFinished(30000);
        if (o.killed && p.exitStatus() == QProcess::NormalExit) { // it ended first
            o.killed = false;
            o.killedAtComplete = false;
        }
        o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        o.out = p.readAllStandardOutput();
        o.err = p.readAllStandardError();
        return o;
    }

    // Downloads `object` through the clean sandbox and compares it with `file`.
    bool storedIs(const QString& object, const QString& file)
    {
        const QString back = m_dir.filePath(u"back"_s);
        QFile::remove(back);
        QProcess p;
        p.setProcessEnvironment(environment(m_plain));
        p.start(cli(), {u"download"_s, object, u"-o"_s, back});
        const bool done = p.waitForStarted(30000) &&
                          QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, kRunTimeoutMs);
        if (!done) {
            p.kill();
            p.waitForFinished(30000);
        }
        const bool same = done && p.exitCode() == 0 && sameBytes(file, back);
        QFile::remove(back);
        return same;
    }

public:
    TestMultipartSoak()
    {
        // Many minutes in one test function: past QtTest's default watchdog of five.
        if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
            qputenv("QTEST_FUNCTION_TIMEOUT", "86400000");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_dir.isValid());
        for (const char* sub : {"home", "config", "data", "cache"})
            QVERIFY(QDir().mkpath(home(QString::fromLatin1(sub))));
        QVERIFY2(m_plain.start({u"--data-dir"_s, m_data.path()}), qPrintable(m_plain.errorOutput()));
        QVERIFY2(m_faulty.start({u"--data-dir"_s, m_data.path(), u"--oss-faults"_s,
                                 u"error-rate=0.05,drop-rate=0.03,corrupt-rate=0.03"_s}),
                 qPrintable(m_faulty.errorOutput()));
    }

    void killedAndRerunUploadsEndWell()
    {
        const int runs = qEnvironmentVariableIsSet("BGE_SOAK_RUNS") ? qEnvironmentVariableIntValue("BGE_SOAK_RUNS") : 30;
        const quint32 seed = qEnvironmentVariableIsSet("BGE_SOAK_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("BGE_SOAK_SEED"))
                                 : 1407u;
        QRandomGenerator rng(seed);
        Tally t;
        qint64 typicalMs = 4000; // how long an upload takes here, learned from runs not killed
        for (int run = 0; run < runs; ++run) {
            const quint32 runSeed = rng.generate();
            QRandomGenerator r(runSeed);
            const QString name = u"soak-%1-%2.bin"_s.arg(seed).arg(run);
            const QString file = m_dir.filePath(name);
            // Multipart size (bge goes multipart from 100 MiB), a few to a hundred parts.
            const qint64 size = 100 * kMiB + r.bounded(40 * kMiB);
            QVERIFY(writeRandomFile(file, size, runSeed));
            const QStringList arguments{u"upload"_s, file, u"--json"_s, u"--jobs"_s,
                                        QString::number(1 + r.bounded(6)), u"--part-size"_s,
                                        QString::number(1 + r.bounded(8)) + u'M'};
            ++t.runs;
            Outcome last;
            bool stuck = false;
            bool sawNoSuchUpload = false;
            for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
                // Kill the first runs often, later ones less, the last never.
                int killAfter = -1;
                if (attempt < kMaxAttempts - 1 && r.bounded(100) < (attempt == 0 ? 70 : 30))
                    killAfter = r.bounded(3) == 0 ? -2 : int(r.bounded(quint32(typicalMs)));
                QElapsedTimer clock;
                clock.start();
                last = runOnce(arguments, killAfter);
                ++t.processes;
                if (last.killed) {
                    ++t.kills;
                    t.killsAtComplete += last.killedAtComplete ? 1 : 0;
                    continue;
                }
                if (last.exitCode == 0) {
                    typicalMs = (typicalMs + clock.elapsed()) / 2;
                    break;
                }
                sawNoSuchUpload = sawNoSuchUpload || last.err.contains("NoSuchUpload");
                if (last.err.contains("FileAlreadyExists") || last.err.contains("already exists")) {
                    stuck = true;
                    break; // every later rerun meets the same
                }
            }
            const QJsonArray results = QJsonDocument::fromJson('[' + last.out + ']').array();
            const QString object = results.isEmpty()
                                       ? QString()
                                       : results.first().toArray().first().toObject().value(u"object_name"_s).toString();
            const QString describe = u"run %1 (seed %2, %3 bytes, %4): exit %5: %6"_s.arg(run)
                                         .arg(runSeed)
                                         .arg(size)
                                         .arg(arguments.mid(3).join(u' '))
                                         .arg(last.exitCode)
                                         .arg(QString::fromUtf8(last.err.right(400)).trimmed());
            qInfo().noquote() << u"soak: run %1 of %2: %3 bge processes so far, %4"_s.arg(run + 1)
                                     .arg(runs)
                                     .arg(t.processes)
                                     .arg(last.exitCode == 0 ? u"uploaded"_s : describe);
            if (last.exitCode == 0) {
                if (storedIs(object, file)) {
                    ++t.ok;
                } else {
                    ++t.damaged;
                    t.failures.append(u"DAMAGED "_s + describe);
                }
            } else if (stuck) {
                ++(sawNoSuchUpload ? t.stuckAfterNoSuchUpload : t.stuckAtOnce);
                t.failures.append((sawNoSuchUpload ? u"STUCK after NoSuchUpload "_s : u"STUCK "_s) + describe);
            } else {
                ++t.failed;
                t.failures.append(u"FAILED "_s + describe);
            }
            QFile::remove(file);
        }
        qInfo().noquote() << u"soak: seed=%1 runs=%2 processes=%3 kills=%4 (at Complete %5) ok=%6 "
                             "stuck-after-NoSuchUpload=%7 stuck-at-once=%8 failed=%9 damaged=%10"_s.arg(seed)
                                 .arg(t.runs)
                                 .arg(t.processes)
                                 .arg(t.kills)
                                 .arg(t.killsAtComplete)
                                 .arg(t.ok)
                                 .arg(t.stuckAfterNoSuchUpload)
                                 .arg(t.stuckAtOnce)
                                 .arg(t.failed)
                                 .arg(t.damaged);
        for (const QString& f : std::as_const(t.failures))
            qInfo().noquote() << f;
        QCOMPARE(t.damaged, 0);
        QCOMPARE(t.stuckAfterNoSuchUpload, 0);
        QCOMPARE(t.stuckAtOnce, 0);
        QCOMPARE(t.failed, 0);
        QCOMPARE(t.ok, t.runs);
    }
};

QTEST_GUILESS_MAIN(TestMultipartSoak)
#include "tst_multipartsoak.moc"
