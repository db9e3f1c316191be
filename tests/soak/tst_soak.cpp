// The fault soak (issue 14, `make soak`): randomized runs of `bge upload`, `bge download` and
// `bge-desktop` against a faulty bge-sandbox (object-storage and API faults, short token and
// STS lifetimes so that renewals happen mid-transfer), each client killed with SIGKILL at
// random moments and started again until it ends; every uploaded object is then read back
// through a second sandbox without faults on the same data folder, and every downloaded file
// compared with its source, byte for byte. Nothing may be lost or damaged; a run that ends in
// a clear error after its attempts is reported as such.
//
// BGE_SOAK_SEED (default 1407) decides everything a seed can: sizes, clients, options, kill
// moments (as fractions of a run's expected length). BGE_SOAK_RUNS (default 50);
// BGE_SOAK_ONLY=i replays run i of the series alone. BGE_SOAK_OSS_FAULTS / BGE_SOAK_API_FAULTS
// replace the fault specs; BGE_SOAK_CLI runs another build's `bge`; BGE_SOAK_REPORT names the
// per-run table (default soak-report.tsv in the working folder). Runs inside a private keyring
// (the desktop app keeps its client secret there, as on a desktop).
#include "desktopqueue.h"
#include "soakplan.h"
#include "soakprocess.h"
#include "soaktally.h"

#include "common/cliprocess.h"
#include "common/sandboxprocess.h"
#include "common/testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace bge::test;
using namespace bge::test::soak;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxAttempts = 8; // starts of one client before its run counts as not done
const QString kClientId = u"bge-pipeline-demo"_s;
const QString kProfile = u"soak"_s;

QString setting(const char* name, const QString& fallback)
{
    return qEnvironmentVariableIsSet(name) ? qEnvironmentVariable(name) : fallback;
}

// How long a run is expected to take, to place kills inside it: a start-up and the rate seen
// over loopback here (about 150 MiB/s with faults); on a slower machine more runs are killed.
int expectedMs(Client client, qint64 bytes)
{
    return (client == Client::Desktop ? 1500 : 300) + int(bytes / (150 * kMiB / 1000));
}

} // namespace

class TestSoak final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;
    QTemporaryDir m_dir;
    SandboxProcess m_plain;
    SandboxProcess m_faulty;
    quint32 m_seed = 1407;
    Tally m_tally;
    QFile m_report;

    static QString cli() { return setting("BGE_SOAK_CLI", QStringLiteral(BGE_CLI_PATH)); }
    QString home(const QString& sub) const { return m_dir.filePath(u"home/"_s + sub); }
    QString appData() const { return home(u"data/BGE/BGE Desktop"_s); }
    QString queueFile() const { return appData() + u"/transfers.json"_s; }

    QProcessEnvironment cliEnvironment(const SandboxProcess& sandbox) const
    {
        return bgeEnvironment(sandbox, m_dir.filePath(u"home"_s), kClientId);
    }
    // The app finds its profile and, in the private keyring, its secret; it draws offscreen.
    QProcessEnvironment desktopEnvironment() const
    {
        QProcessEnvironment env = cliEnvironment(m_faulty);
        for (const char* name : {"BGE_ENDPOINT", "BGE_CLIENT_ID", "BGE_CLIENT_SECRET"})
            env.remove(QString::fromLatin1(name));
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return env;
    }

    // A journal on disk announces that CompleteMultipartUpload is leaving.
    bool completing() const
    {
        QDirIterator it(appData() + u"/uploads"_s, {u"upload-*.json"_s}, QDir::Files);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && QJsonDocument::fromJson(f.readAll()).object().value(u"completing"_s).toBool())
                return true;
        }
        return false;
    }

    static QString objectNameOf(const QByteArray& uploadJson)
    {
        const QJsonArray results = QJsonDocument::fromJson('[' + uploadJson + ']').array();
        return results.isEmpty() ? QString()
                                 : results.first().toArray().first().toObject().value(u"object_name"_s).toString();
    }

    // `bge upload` through the sandbox without faults: the source of a download run.
    QString storeCleanly(const QString& file)
    {
        const Attempt a = runAttempt(attemptOf(cli(), {u"upload"_s, file, u"--json"_s}, cliEnvironment(m_plain)));
        return a.exitCode == 0 ? objectNameOf(a.out) : QString();
    }

    // Reads `object` back through the sandbox without faults and compares it with `file`.
    Ending readBack(const QString& object, const QString& file)
    {
        if (object.isEmpty())
            return Ending::Lost;
        const QString back = m_dir.filePath(u"back"_s);
        QFile::remove(back);
        const Attempt a = runAttempt(attemptOf(cli(), {u"download"_s, object, u"-o"_s, back}, cliEnvironment(m_plain)));
        const Ending e = a.exitCode != 0 ? Ending::Lost : sameBytes(file, back) ? Ending::Verified : Ending::Damaged;
        QFile::remove(back);
        return e;
    }

    // One attempt's kill, placed by the plan; uploads may die exactly when Complete leaves.
    AttemptSpec killing(AttemptSpec spec, QRandomGenerator& r, int attempt, Client client, qint64 bytes)
    {
        const KillPlan k = drawKill(r, attempt, kMaxAttempts);
        if (k.atComplete && client != Client::BgeDownload)
            spec.trigger = [this] { return completing(); };
        else if (k.kill)
            spec.killAfterMs = int(k.fraction * expectedMs(client, bytes));
        return spec;
    }

    void count(Client client, const Attempt& a)
    {
        ClientFigures& f = m_tally.clients[client];
        ++f.processes;
        f.kills += a.killed ? 1 : 0;
        f.killsAtComplete += a.killedAtTrigger ? 1 : 0;
        f.timeouts += a.timedOut ? 1 : 0;
    }

    // `bge upload` or `bge download` until it exits 0 or the attempts are spent.
    Ending runCli(const RunPlan& plan, const QString& file, QRandomGenerator& r, QString* why)
    {
        QString object;
        QStringList arguments;
        QString target = file;
        if (plan.client == Client::BgeUpload) {
            arguments = QStringList{u"upload"_s, file, u"--json"_s} + plan.options;
        } else {
            object = storeCleanly(file);
            if (object.isEmpty()) {
                *why = u"the source could not be stored through the clean sandbox"_s;
                return Ending::ClearError;
            }
            target = file + u".down"_s;
            arguments = QStringList{u"download"_s, object, u"-o"_s, target};
        }
        Attempt last;
        for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
            last = runAttempt(killing(attemptOf(cli(), arguments, cliEnvironment(m_faulty)), r, attempt, plan.client, plan.size));
            count(plan.client, last);
            if (last.killed || last.timedOut)
                continue;
            if (last.exitCode == 0 || last.exitCode == 2) // done, or a usage error every rerun repeats
                break;
            if (plan.client == Client::BgeUpload && last.err.contains("FileAlreadyExists")) {
                // Every later rerun meets the same. Whether the object there is the file says if
                // a wrong object was left behind.
                static const QRegularExpression kObject(u"an object named (\\S+) already exists"_s);
                const Ending there = readBack(kObject.match(QString::fromUtf8(last.err)).captured(1), file);
                *why = u"%1 (the object there is the file's bytes: %2)"_s.arg(
                    QString::fromUtf8(last.err.right(400)).trimmed(), there == Ending::Verified ? u"yes"_s : u"no"_s);
                return there == Ending::Damaged ? Ending::Damaged : Ending::Stuck;
            }
        }
        if (last.exitCode != 0) {
            *why = u"exit %1 after %2 attempts: %3"_s.arg(last.exitCode).arg(kMaxAttempts)
                       .arg(QString::fromUtf8(last.err.right(400)).trimmed());
            if (plan.client == Client::BgeDownload && QFile::exists(target)) // what a rerun refused to replace
                *why += u" (the file there is the object's bytes: %1)"_s.arg(sameBytes(file, target) ? u"yes"_s : u"no"_s);
            QFile::remove(target);
            return Ending::ClearError;
        }
        if (plan.client == Client::BgeUpload) {
            *why = u"read back"_s;
            return readBack(objectNameOf(last.out), file);
        }
        *why = u"compared with the source"_s;
        const Ending e = !QFile::exists(target) ? Ending::Lost : sameBytes(file, target) ? Ending::Verified
                                                                                           : Ending::Damaged;
        QFile::remove(target);
        return e;
    }

    // The app resumes the queue it saved: started and killed until every item has ended.
    Ending runDesktop(const RunPlan& plan, const QString& file, QRandomGenerator& r, QString* why)
    {
        const QString source = file + u".src"_s;
        const QString target = file + u".down"_s;
        if (!writeRandomFile(source, plan.secondSize, plan.seed ^ 0x5eed))
            return Ending::ClearError;
        const QString object = storeCleanly(source);
        if (object.isEmpty()) {
            *why = u"the source could not be stored through the clean sandbox"_s;
            return Ending::ClearError;
        }
        const QueuedTransfer up = queuedUpload(file, plan.size);
        const QueuedTransfer down = queuedDownload(object, target);
        if (!writeDesktopQueue(queueFile(), {up, down})) {
            *why = u"could not write %1"_s.arg(queueFile());
            return Ending::ClearError;
        }
        const auto settled = [this] { return allSettled(readDesktopQueue(queueFile())); };
        const QStringList arguments{u"--profile"_s, kProfile};
        const int bound = 180000 + 4 * expectedMs(Client::Desktop, plan.size + plan.secondSize);
        Attempt last;
        for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
            AttemptSpec spec = attemptOf(QStringLiteral(BGE_DESKTOP_PATH), arguments, desktopEnvironment());
            spec.workDone = settled;
            spec.timeoutMs = bound;
            last = runAttempt(killing(spec, r, attempt, Client::Desktop, plan.size + plan.secondSize));
            count(Client::Desktop, last);
            const QList<QueuedTransfer> items = readDesktopQueue(queueFile());
            if (allCompleted(items))
                break;
            if (std::any_of(items.cbegin(), items.cend(), [](const QueuedTransfer& t) { return t.state == u"name-exists"; })) {
                // Whether anything is lost besides the person's time: what is at the destination.
                const bool same = QFile::exists(target) && sameBytes(source, target);
                *why = u"an item waits on a name clash: %1 (the file there is the object's bytes: %2)"_s.arg(
                    items.first().error + u' ' + items.last().error, same ? u"yes"_s : u"no"_s);
                QFile::remove(source);
                QFile::remove(target);
                return same ? Ending::Stuck : Ending::Damaged;
            }
            m_tally.clients[Client::Desktop].retries += attempt < kMaxAttempts - 1 ? retryFailed(queueFile()) : 0;
        }
        const QList<QueuedTransfer> items = readDesktopQueue(queueFile());
        if (!allCompleted(items)) {
            QStringList states;
            for (const QueuedTransfer& t : items)
                states += t.name + u": "_s + t.state + u' ' + t.error;
            *why = u"not done after %1 starts: %2; app said: %3"_s.arg(kMaxAttempts).arg(states.join(u"; "_s),
                                                                        QString::fromUtf8(last.err.right(400)).trimmed());
            QFile::remove(source);
            QFile::remove(target);
            return Ending::ClearError;
        }
        const Ending uploaded = readBack(items.first().objectName, file);
        const Ending downloaded = !QFile::exists(target) ? Ending::Lost : sameBytes(source, target) ? Ending::Verified
                                                                                                      : Ending::Damaged;
        *why = u"upload %1, download %2"_s.arg(endingName(uploaded), endingName(downloaded));
        QFile::remove(source);
        QFile::remove(target);
        QFile::remove(queueFile());
        return std::max(uploaded, downloaded);
    }

public:
    TestSoak()
    {
        // Many minutes in one test function: past QtTest's default watchdog of five.
        if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
            qputenv("QTEST_FUNCTION_TIMEOUT", "86400000");
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("BGE_PRIVATE_KEYRING"))
            QSKIP("run through tests/keychain/with-private-keyring.sh (ctest does): the app's secret goes there");
        QVERIFY(m_data.isValid() && m_dir.isValid());
        m_seed = quint32(setting("BGE_SOAK_SEED", u"1407"_s).toUInt());
        for (const char* sub : {"home", "config", "data", "cache"})
            QVERIFY(QDir().mkpath(home(QString::fromLatin1(sub))));
        QVERIFY2(m_plain.start({u"--data-dir"_s, m_data.path()}), qPrintable(m_plain.errorOutput()));
        QStringList faulty{u"--data-dir"_s, m_data.path(), u"--token-ttl"_s, u"30"_s, u"--sts-ttl"_s, u"20"_s,
                           u"--oss-faults"_s,
                           setting("BGE_SOAK_OSS_FAULTS", u"error-rate=0.05,drop-rate=0.03,lost-reply-rate=0.03,"
                                                          "corrupt-rate=0.03,corrupt-complete-rate=0.05,latency-ms=5"_s)};
        QProcess help;
        help.start(SandboxProcess::executable(), {u"--help"_s});
        QVERIFY(help.waitForFinished(30000));
        if (help.readAllStandardOutput().contains("--api-faults"))
            faulty += {u"--api-faults"_s, setting("BGE_SOAK_API_FAULTS", u"error-rate=0.05,drop-rate=0.03,latency-ms=5"_s)};
        else
            qInfo("soak: this bge-sandbox has no --api-faults: the platform API runs without faults");
        qInfo().noquote() << u"soak: faulty sandbox: %1"_s.arg(faulty.mid(2).join(u' '));
        QVERIFY2(m_faulty.start(faulty), qPrintable(m_faulty.errorOutput()));

        // The desktop's profile, signed in once as `bge login` does it; API faults may refuse a try.
        QProcessEnvironment login = desktopEnvironment();
        login.insert(u"BGE_CLIENT_SECRET"_s, m_faulty.clientById(kClientId).value(u"client_secret").toString());
        Attempt in;
        for (int attempt = 0; attempt < 10 && in.exitCode != 0; ++attempt)
            in = runAttempt(attemptOf(cli(), {u"--profile"_s, kProfile, u"--endpoint"_s, m_faulty.apiEndpoint(),
                                              u"--client-id"_s, kClientId, u"login"_s, u"--client-credentials"_s},
                                      login));
        QVERIFY2(in.exitCode == 0, in.err.constData());

        m_report.setFileName(setting("BGE_SOAK_REPORT", u"soak-report.tsv"_s));
        QVERIFY(m_report.open(QIODevice::WriteOnly | QIODevice::Truncate));
        m_report.write("run\tseed\tclient\tsize\tsecond_size\toptions\tending\tdetail\n");
    }

    void randomizedRunsLoseNothing()
    {
        const int runs = setting("BGE_SOAK_RUNS", u"50"_s).toInt();
        const int only = setting("BGE_SOAK_ONLY", u"-1"_s).toInt();
        QElapsedTimer wall;
        wall.start();
        for (int run = only >= 0 ? only : 0; run < (only >= 0 ? only + 1 : runs); ++run) {
            const RunPlan plan = planRun(m_seed, run);
            QRandomGenerator r(plan.seed ^ 0x6b696c6cu); // the kills' own stream
            const QString file = m_dir.filePath(u"soak-%1-%2.bin"_s.arg(m_seed).arg(run));
            QVERIFY(writeRandomFile(file, plan.size, plan.seed));
            ++m_tally.clients[plan.client].runs;
            m_tally.bytes += plan.size + plan.secondSize;
            QString why;
            const Ending e = plan.client == Client::Desktop ? runDesktop(plan, file, r, &why) : runCli(plan, file, r, &why);
            QFile::remove(file);
            // A run that ended well leaves no upload journal; any other run's goes with it, or a
            // stale "completing" one would trigger the next run's kill at once.
            QDir journals(appData() + u"/uploads"_s);
            const int left = int(journals.entryList({u"upload-*.json"_s}, QDir::Files).size());
            if (e == Ending::Verified)
                m_tally.journalsLeft += left;
            journals.removeRecursively();
            ++m_tally.endings[e];
            const QString line = u"%1\t%2\t%3\t%4\t%5\t%6\t%7\t%8"_s.arg(run)
                                     .arg(plan.seed)
                                     .arg(clientName(plan.client))
                                     .arg(plan.size)
                                     .arg(plan.secondSize)
                                     .arg(plan.options.join(u' '), endingName(e), QString(why).replace(u'\n', u' '));
            m_report.write(line.toUtf8() + '\n');
            m_report.flush();
            qInfo().noquote() << u"soak: run %1 of %2: %3 (%4 s so far)"_s.arg(run + 1).arg(runs).arg(line).arg(wall.elapsed() / 1000);
            if (e != Ending::Verified)
                m_tally.failures += u"%1: %2\n  replay: BGE_SOAK_SEED=%3 BGE_SOAK_ONLY=%4 ctest --test-dir build -R '^tst_soak$' -V"_s
                                        .arg(endingName(e).toUpper(), line)
                                        .arg(m_seed)
                                        .arg(run);
        }
        for (const QString& s : m_tally.summary(m_seed, SandboxFigures::fromLog(m_faulty.errorOutput()), wall.elapsed()))
            qInfo().noquote() << s;
        for (const QString& f : std::as_const(m_tally.failures))
            qInfo().noquote() << f;
        QCOMPARE(m_tally.endings.value(Ending::Damaged), 0);
        QCOMPARE(m_tally.endings.value(Ending::Lost), 0);
        QCOMPARE(m_tally.endings.value(Ending::Stuck), 0);
        QCOMPARE(m_tally.endings.value(Ending::ClearError), 0);
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
