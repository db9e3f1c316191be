// `bge omics upload` and `bge omics download` as a user runs them: the real executable against
// the HealthOmics emulator of a real bge-sandbox whose bodies go at a limited rate, so that a
// run can be SIGKILLed mid-file. The rerun of the same command resumes (fewer parts sent or
// fetched), the read set reads back byte-identical, and the exit codes are those of all of bge.
// A run SIGKILLed while it waits for ACTIVE is rerun into the same read set, not a second one.
#include "clitestsupport.h"
#include "common/sandboxprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <functional>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray fastq(int reads, quint32 seed)
{
    QRandomGenerator random(seed);
    static const char bases[] = "ACGT";
    QByteArray out;
    for (int i = 0; i < reads; ++i) {
        QByteArray seq(150, 'A'), qual(150, 'I');
        for (int k = 0; k < 150; ++k) {
            seq[k] = bases[random.bounded(4)];
            qual[k] = char('!' + random.bounded(41));
        }
        out += "@run7:2:FC:" + QByteArray::number(i) + '\n' + seq + "\n+\n" + qual + '\n';
    }
    return out;
}

// The first number of `pattern`'s captures in `text`, or -1.
int captured(const QString& text, const QString& pattern, int group)
{
    const QRegularExpressionMatch m = QRegularExpression(pattern).match(text);
    return m.hasMatch() ? m.captured(group).toInt() : -1;
}

} // namespace

class TestCliOmicsTransfer final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_data;
    QJsonObject m_omics;
    QString m_store;
    std::unique_ptr<UserHome> m_home;
    QString m_ubam;

    static QString bgePath() { return QStringLiteral(BGE_CLI_PATH); }

    QProcessEnvironment env(const QString& secret = {}) const
    {
        return envFor(m_omics, secret);
    }

    QProcessEnvironment envFor(const QJsonObject& omics, const QString& secret = {}) const
    {
        QProcessEnvironment e = m_home->environment();
        for (const QString& name : e.keys()) {
            if (name.startsWith(u"AWS_"_s))
                e.remove(name);
        }
        e.insert(u"AWS_ACCESS_KEY_ID"_s, omics.value(u"access_key_id").toString());
        e.insert(u"AWS_SECRET_ACCESS_KEY"_s,
                 secret.isEmpty() ? omics.value(u"secret_access_key").toString() : secret);
        e.insert(u"AWS_REGION"_s, omics.value(u"region").toString());
        e.insert(u"AWS_ENDPOINT_URL_OMICS"_s, omics.value(u"endpoint").toString());
        return e;
    }

    Run omics(const QStringList& arguments, const QString& secret = {})
    {
        return runProgram(bgePath(), QStringList{u"omics"_s} + arguments, env(secret));
    }

    // Starts `bge omics …`, SIGKILLs it once its progress on stderr reaches `percent` %, and
    // returns what it wrote; false when it ended by itself first.
    bool killAt(const QStringList& arguments, int percent, QByteArray* err)
    {
        const QRegularExpression progress(u": (\\d+)% \\("_s);
        return killWhen(
            arguments, env(),
            [&progress, percent](const QString& text) {
                auto it = progress.globalMatch(text);
                while (it.hasNext()) {
                    if (it.next().captured(1).toInt() >= percent)
                        return true;
                }
                return false;
            },
            err);
    }

    // Starts `bge omics …` and SIGKILLs it once what it wrote on stderr satisfies `reached`.
    bool killWhen(const QStringList& arguments, const QProcessEnvironment& environment,
                  const std::function<bool(const QString&)>& isTime, QByteArray* err)
    {
        QProcess p;
        p.setProcessEnvironment(environment);
        p.start(bgePath(), QStringList{u"omics"_s} + arguments);
        if (!p.waitForStarted(60000))
            return false;
        p.closeWriteChannel();
        bool reached = false;
        const bool ok = QTest::qWaitFor(
            [&] {
                *err += p.readAllStandardError();
                reached = isTime(QString::fromUtf8(*err));
                return reached || p.state() == QProcess::NotRunning;
            },
            kRunTimeoutMs);
        if (!ok || !reached || p.state() == QProcess::NotRunning)
            return false;
        p.kill(); // SIGKILL: no cleanup of any kind
        p.waitForFinished(10000);
        return p.exitStatus() == QProcess::CrashExit;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString samtools = QStandardPaths::findExecutable(u"samtools"_s);
        if (samtools.isEmpty())
            QSKIP("samtools is not installed (packaging/linux/install-deps.sh installs it)");
        QVERIFY(m_data.isValid());
        // Every body at 512 KiB/s: a 512 KiB part takes a second, so a run can be killed mid-file.
        QVERIFY2(m_sandbox.start({u"--data-dir"_s, m_data.path(), u"--omics-processing-ms"_s, u"200"_s,
                                  u"--omics-read-part-size"_s, u"262144"_s, u"--omics-faults"_s,
                                  u"bandwidth-kibps=512"_s}),
                 qPrintable(m_sandbox.errorOutput()));
        m_omics = m_sandbox.description().value(u"omics").toObject();
        m_store = m_omics.value(u"sequence_stores").toArray().first().toObject().value(u"id").toString();
        QVERIFY(!m_store.isEmpty());
        m_home = std::make_unique<UserHome>();
        QVERIFY(m_home->isValid());
        const QString fq = m_home->path(u"NA24385_run7.fastq"_s);
        QFile f(fq);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fastq(20000, 5)); // ~6 MiB
        f.close();
        m_ubam = m_home->path(u"NA24385_run7.unmapped.bam"_s);
        QProcess p;
        p.start(samtools, {u"import"_s, u"-u"_s, u"-0"_s, fq, u"-o"_s, m_ubam});
        QVERIFY(p.waitForFinished(120000) && p.exitCode() == 0);
        QVERIFY(QFileInfo(m_ubam).size() > 5 * 1024 * 1024);
    }

    void uploadKilledThenResumedAndDownloadKilledThenResumed()
    {
        const QStringList upload{
            u"upload"_s,   m_store,         m_ubam,      u"--subject"_s,   u"NA24385"_s,
            u"--sample"_s, u"NA24385-S2"_s, u"--name"_s, u"killed-run7"_s, u"--part-size"_s,
            u"512K"_s,     u"--jobs"_s,     u"4"_s};
        QByteArray err;
        QVERIFY2(killAt(upload, 40, &err), err.constData());

        const Run resumed = omics(upload);
        VERIFY_EXIT(resumed, 0);
        const int sent =
            captured(resumed.errText(), u"resumed an earlier upload: (\\d+) of (\\d+) parts"_s, 1);
        const int total =
            captured(resumed.errText(), u"resumed an earlier upload: (\\d+) of (\\d+) parts"_s, 2);
        QVERIFY2(sent >= 0 && total > 0 && sent < total, resumed.describe().constData());
        const QString readSetId = resumed.outText().trimmed();
        QVERIFY2(QRegularExpression(u"^\\d{10,36}$"_s).match(readSetId).hasMatch(),
                 resumed.describe().constData());

        // The read set's metadata as --json prints it.
        const Run metadata = omics({u"read-set"_s, m_store, readSetId, u"--json"_s});
        VERIFY_EXIT(metadata, 0);
        QCOMPARE(metadata.json().toObject().value(u"status").toString(), u"ACTIVE"_s);
        QCOMPARE(metadata.json().toObject().value(u"fileType").toString(), u"UBAM"_s);

        const QString target = m_home->path(u"back.bam"_s);
        const QStringList download{u"download"_s, m_store, readSetId, u"-o"_s, target};
        err.clear();
        QVERIFY2(killAt(download, 30, &err), err.constData());
        QVERIFY(!QFile::exists(target));
        QVERIFY(QFile::exists(target + u".bgepart"_s));

        const Run again = omics(download);
        VERIFY_EXIT(again, 0);
        QVERIFY2(captured(again.errText(), u"resumed an earlier download: (\\d+) parts kept"_s, 1) >= 1,
                 again.describe().constData());
        QCOMPARE(again.outText().trimmed(), QFileInfo(target).absoluteFilePath());
        QCOMPARE(readAll(target), readAll(m_ubam));

        // Never over an existing file unless asked.
        const Run refused = omics(download);
        VERIFY_EXIT(refused, 2);
        const Run replaced = omics(download + QStringList{u"--overwrite"_s, u"--json"_s});
        VERIFY_EXIT(replaced, 0);
        QCOMPARE(replaced.json().toObject().value(u"file").toString(), QFileInfo(target).absoluteFilePath());
        QCOMPARE(readAll(target), readAll(m_ubam));
    }

    void uploadKilledWhileWaitingForActive()
    {
        // Its own emulator, whose read sets take 10 s to become ACTIVE: time to kill the run
        // between Complete's answer and ACTIVE, the moment the engine's journal is already gone.
        QTemporaryDir data;
        SandboxProcess slow;
        QVERIFY2(slow.start({u"--data-dir"_s, data.path(), u"--omics-processing-ms"_s, u"10000"_s}),
                 qPrintable(slow.errorOutput()));
        const QJsonObject omics = slow.description().value(u"omics").toObject();
        const QString store =
            omics.value(u"sequence_stores").toArray().first().toObject().value(u"id").toString();
        const QString file = m_home->path(u"NA24385_run9.fastq"_s);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(fastq(3000, 9));
        }
        const QStringList upload{u"upload"_s,    store,         file,        u"--subject"_s,    u"NA24385"_s,
                                 u"--sample"_s,  u"NA24385-S9"_s, u"--name"_s, u"killed-waiting"_s,
                                 u"--part-size"_s, u"256K"_s};
        QByteArray err;
        QVERIFY2(killWhen(
                     upload, envFor(omics),
                     [](const QString& text) { return text.contains(u"waiting until it is ACTIVE"_s); }, &err),
                 err.constData());

        const Run again = runProgram(bgePath(), QStringList{u"omics"_s} + upload, envFor(omics));
        VERIFY_EXIT(again, 0);
        QVERIFY2(again.errText().contains(u"already uploaded these files as the read set"_s),
                 again.describe().constData());
        const QString readSetId = again.outText().trimmed();
        QVERIFY2(again.errText().contains(readSetId), again.describe().constData());

        // Exactly one read set of that name, ACTIVE, and its bytes are the file's.
        const Run listed = runProgram(
            bgePath(), {u"omics"_s, u"read-sets"_s, store, u"--name"_s, u"killed-waiting"_s, u"--json"_s},
            envFor(omics));
        VERIFY_EXIT(listed, 0);
        const QJsonArray sets = listed.json().toObject().value(u"readSets").toArray();
        QCOMPARE(sets.size(), 1);
        QCOMPARE(sets.first().toObject().value(u"id").toString(), readSetId);
        QCOMPARE(sets.first().toObject().value(u"status").toString(), u"ACTIVE"_s);
        const QString target = m_home->path(u"killed-waiting-back.fastq"_s);
        const Run back = runProgram(bgePath(), {u"omics"_s, u"download"_s, store, readSetId, u"-o"_s, target},
                                    envFor(omics));
        VERIFY_EXIT(back, 0);
        QCOMPARE(readAll(target), readAll(file));
    }

    void pairedFastqWithJsonAndDefaultNames()
    {
        const QString r1 = m_home->path(u"HG002_S3_L002_R1_001.fastq"_s);
        const QString r2 = m_home->path(u"HG002_S3_L002_R2_001.fastq"_s);
        for (const auto& [path, seed] : {std::pair{r1, 21u}, std::pair{r2, 22u}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(fastq(800, seed));
        }
        // Name, sample and subject from the file names; the type from the bytes.
        const Run up = omics({u"upload"_s, m_store, r1, r2, u"--tag"_s, u"project=giab"_s, u"--json"_s});
        VERIFY_EXIT(up, 0);
        const QJsonObject m = up.json().toObject();
        QCOMPARE(m.value(u"status").toString(), u"ACTIVE"_s);
        QCOMPARE(m.value(u"fileType").toString(), u"FASTQ"_s);
        QCOMPARE(m.value(u"name").toString(), u"HG002_S3_L002"_s);
        QCOMPARE(m.value(u"sampleId").toString(), u"HG002"_s);
        const QJsonObject files = m.value(u"files").toObject();
        QCOMPARE(qint64(files.value(u"source1").toObject().value(u"contentLength").toDouble()),
                 QFileInfo(r1).size());
        QCOMPARE(qint64(files.value(u"source2").toObject().value(u"contentLength").toDouble()),
                 QFileInfo(r2).size());

        const QString folder = m_home->path(u"paired"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString id = m.value(u"id").toString();
        const Run d1 = omics({u"download"_s, m_store, id, u"-o"_s, folder});
        const Run d2 = omics({u"download"_s, m_store, id, u"--file"_s, u"source2"_s, u"-o"_s, folder});
        VERIFY_EXIT(d1, 0);
        VERIFY_EXIT(d2, 0);
        QCOMPARE(d1.outText().trimmed(), QDir(folder).filePath(u"HG002_S3_L002_1.fastq"_s));
        QCOMPARE(d2.outText().trimmed(), QDir(folder).filePath(u"HG002_S3_L002_2.fastq"_s));
        QCOMPARE(readAll(d1.outText().trimmed()), readAll(r1));
        QCOMPARE(readAll(d2.outText().trimmed()), readAll(r2));

        // --no-wait: the id at once, whatever the read set's state.
        const Run noWait = omics({u"upload"_s, m_store, r1, u"--name"_s, u"no-wait"_s, u"--no-wait"_s});
        VERIFY_EXIT(noWait, 0);
        QVERIFY2(QRegularExpression(u"^\\d{10,36}$"_s).match(noWait.outText().trimmed()).hasMatch(),
                 noWait.describe().constData());
    }

    void exitCodesAndMessages()
    {
        // A type the bytes contradict: refused before anything is sent (usage, 2).
        const Run mismatch = omics({u"upload"_s, m_store, m_ubam, u"--subject"_s, u"S"_s, u"--sample"_s,
                                    u"S"_s, u"--name"_s, u"mismatch"_s, u"--type"_s, u"FASTQ"_s});
        VERIFY_EXIT(mismatch, 2);
        QVERIFY2(mismatch.errText().contains(u"FASTQ"_s), mismatch.describe().constData());
        const Run uploads = omics({u"uploads"_s, m_store, u"--json"_s});
        VERIFY_EXIT(uploads, 0);
        for (const QJsonValue& u : uploads.json().toObject().value(u"uploads").toArray())
            QVERIFY(u.toObject().value(u"name").toString() != u"mismatch"_s);

        const Run badType = omics({u"upload"_s, m_store, m_ubam, u"--type"_s, u"VCF"_s});
        VERIFY_EXIT(badType, 2);
        const Run missing = omics({u"upload"_s, m_store, m_home->path(u"nothing.bam"_s)});
        VERIFY_EXIT(missing, 2);

        // An unknown store: the service refuses (1). A wrong secret: authentication (3).
        const Run unknown = omics({u"upload"_s, u"9999999999"_s, m_ubam, u"--subject"_s, u"S"_s,
                                   u"--sample"_s, u"S"_s, u"--name"_s, u"nowhere"_s});
        VERIFY_EXIT(unknown, 1);
        const Run wrongKey = omics({u"download"_s, m_store, u"9999999999"_s}, u"not-the-secret"_s);
        VERIFY_EXIT(wrongKey, 3);
        QVERIFY(!wrongKey.errText().contains(m_omics.value(u"secret_access_key").toString()));
        const Run noSuchReadSet = omics({u"download"_s, m_store, u"9999999999"_s});
        VERIFY_EXIT(noSuchReadSet, 1);
        const Run noIndex = omics({u"download"_s, m_store, u"9999999999"_s, u"--file"_s, u"BOTH"_s});
        VERIFY_EXIT(noIndex, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliOmicsTransfer)
#include "tst_cli_omics_transfer.moc"
