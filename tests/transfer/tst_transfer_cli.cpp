// `bge upload` and `bge download` as processes, in the conditions a user meets: killed with
// SIGKILL in the middle and run again (they resume, and only what was missing crosses the
// network), STS credentials that expire during the upload, a file written to while it is being
// uploaded, and object storage that damages bytes (the CRC-64 checks send a part again, or fail
// loudly and leave no damaged object).
//
// Several sandboxes share one data directory, so that they serve the same objects: a plain one
// (setting up and reading back), a throttled one (so that a process can be killed half way), one
// whose STS credentials live three seconds, and damaging ones. The suite uses the platform's
// client-credentials app, whose secret comes from the environment: no keychain is involved
// (the session bus is disabled for the bge processes).
#include "common/cliprocess.h"
#include "common/sandboxprocess.h"
#include "common/testfiles.h"
#include "oss/crc64.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace bge;
using namespace bge::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRunTimeoutMs = 240000; // a slow, shared machine: generous, never a criterion
const QString kClientId = u"bge-pipeline-demo"_s;

struct Run
{
    QStringList arguments;
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool exited(int code) const { return finished && exitCode == code; }
    QJsonValue json() const
    {
        const QJsonDocument doc = QJsonDocument::fromJson('[' + out + ']');
        return doc.array().size() == 1 ? doc.array().first() : QJsonValue(QJsonValue::Undefined);
    }
    QByteArray describe() const
    {
        return "bge " + arguments.join(u' ').toUtf8() + " -> " +
               (finished ? "exit " + QByteArray::number(exitCode) : QByteArray("did not exit")) +
               "\n--- stdout ---\n" + out.left(3000) + "\n--- stderr ---\n" + err.right(3000);
    }
};

#define VERIFY_EXIT(run, code) QVERIFY2((run).exited(code), (run).describe().constData())

QString crcOf(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    oss::Crc64 crc;
    while (!f.atEnd())
        crc.update(f.read(4 * kMiB));
    return QString::number(crc.value());
}

// The part numbers the sandbox acknowledged (200) for an object ending in `/fileName`, from
// its request log ("oss: PUT /<bucket>/<key>?partNumber=N 200"), one entry per request.
QList<int> acknowledgedParts(const QString& log, const QString& fileName)
{
    const QRegularExpression line(u"^oss: PUT /\\S*/"_s + QRegularExpression::escape(fileName) +
                                      u"\\?partNumber=(\\d+) 200$"_s,
                                  QRegularExpression::MultilineOption);
    QList<int> parts;
    for (auto it = line.globalMatch(log); it.hasNext();)
        parts.append(it.next().captured(1).toInt());
    return parts;
}

// PutObject requests (no part number) the sandbox acknowledged for `/fileName`.
int acknowledgedPuts(const QString& log, const QString& fileName)
{
    const QRegularExpression line(u"^oss: PUT /\\S*/"_s + QRegularExpression::escape(fileName) + u" 200$"_s,
                                  QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = line.globalMatch(log); it.hasNext(); it.next())
        ++count;
    return count;
}

// Bodies of `/fileName` the sandbox damaged on purpose.
int flippedBodies(const QString& log, const QString& fileName)
{
    const QRegularExpression line(u"^oss: fault: flipped a bit of \\S*/"_s +
                                      QRegularExpression::escape(fileName) + u" at byte \\d+$"_s,
                                  QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = line.globalMatch(log); it.hasNext(); it.next())
        ++count;
    return count;
}

// What a test needs of an upload journal (the engine's file format, read as JSON).
struct UploadJournalView
{
    QString file;
    QString uploadId;
    QSet<int> parts;
};

QSet<int> setOf(const QList<int>& list)
{
    return QSet<int>(list.begin(), list.end());
}

} // namespace

class TestTransferCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data; // the sandboxes' shared object store
    QTemporaryDir m_dir;  // local files, and the bge processes' home
    SandboxProcess m_plain;
    SandboxProcess m_throttled; // 16 MiB/s per request body: an 8 MiB part takes half a second

    static QString bgePath() { return QStringLiteral(BGE_CLI_PATH); }
    QString home(const QString& sub) const { return m_dir.filePath(u"home/"_s + sub); }
    QString uploadJournals() const { return home(u"data/BGE/BGE Desktop/uploads"_s); }

    bool startSandbox(SandboxProcess& sandbox, const QStringList& arguments)
    {
        return sandbox.start(QStringList{u"--data-dir"_s, m_data.path()} + arguments);
    }

    QProcessEnvironment environment(const SandboxProcess& sandbox) const
    {
        return bgeEnvironment(sandbox, m_dir.filePath(u"home"_s), kClientId);
    }

    std::unique_ptr<QProcess> start(const SandboxProcess& sandbox, const QStringList& arguments) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(environment(sandbox));
        p->start(bgePath(), arguments);
        return p;
    }

    Run finish(QProcess& p, const QStringList& arguments) const
    {
        Run run;
        run.arguments = arguments;
        p.closeWriteChannel();
        // The event loop runs meanwhile: the sandboxes' logs keep being read (a full pipe would
        // stall them).
        run.finished = QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, kRunTimeoutMs) &&
                       p.exitStatus() == QProcess::NormalExit;
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(10000);
        }
        run.exitCode = p.exitCode();
        run.out = p.readAllStandardOutput();
        run.err = p.readAllStandardError();
        return run;
    }

    Run bge(const SandboxProcess& sandbox, const QStringList& arguments) const
    {
        const auto p = start(sandbox, arguments);
        return finish(*p, arguments);
    }

    // Kills `p` with SIGKILL (no chance to clean up) and waits for it to be gone.
    static bool killHard(QProcess& p)
    {
        p.kill(); // SIGKILL on Unix
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::CrashExit;
    }

    // The journal of the one upload in progress, if any.
    std::optional<UploadJournalView> journal() const;

    // Downloads `object` through the plain sandbox and compares it with `original`.
    void verifyStored(const QString& object, const QString& original)
    {
        const QString back = m_dir.filePath(u"back-"_s + QFileInfo(original).fileName());
        QFile::remove(back);
        const Run down = bge(m_plain, {u"download"_s, object, u"-o"_s, back, u"--json"_s});
        VERIFY_EXIT(down, 0);
        QCOMPARE(down.json().toObject().value(u"crc64"_s).toString(), crcOf(original));
        QVERIFY(down.json().toObject().value(u"crc64_verified"_s).toBool());
        QVERIFY2(sameBytes(original, back), "the object in the sandbox is not the file");
        QFile::remove(back);
    }

    // The sandbox deleted the object named `/fileName` (DeleteObject in its log), and a download
    // of it finds nothing.
    void verifyGone(SandboxProcess& sandbox, const QString& fileName)
    {
        const QRegularExpression deleted(u"^oss: DELETE /[^/]+/(\\S*/"_s +
                                             QRegularExpression::escape(fileName) + u") 204$"_s,
                                         QRegularExpression::MultilineOption);
        QTRY_VERIFY2_WITH_TIMEOUT(deleted.match(sandbox.errorOutput()).hasMatch(),
                                  qPrintable(sandbox.errorOutput().right(2000)), 10000);
        const QRegularExpressionMatch m = deleted.match(sandbox.errorOutput());
        const Run down = bge(m_plain, {u"download"_s, m.captured(1), u"-o"_s, m_dir.filePath(u"gone"_s)});
        QVERIFY2(down.finished && down.exitCode != 0 && down.err.contains("NoSuchKey"),
                 down.describe().constData());
        QVERIFY(!QFile::exists(m_dir.filePath(u"gone"_s)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_dir.isValid());
        QVERIFY2(QFile::exists(bgePath()), qPrintable(bgePath()));
        for (const char* sub : {"home", "config", "data", "cache"})
            QVERIFY(QDir().mkpath(home(QString::fromLatin1(sub))));
        QVERIFY2(startSandbox(m_plain, {}), qPrintable(m_plain.errorOutput()));
        QVERIFY2(startSandbox(m_throttled, {u"--oss-faults"_s, u"bandwidth-kibps=16384"_s}),
                 qPrintable(m_throttled.errorOutput()));
    }

    // A 200 MiB upload (25 parts of 8 MiB) killed once a few parts are in; the same command
    // again sends exactly the parts the journal did not have, and the object is the file.
    void uploadResumesAfterSigkill();

    // A download killed half way; the same command again fetches only the rest.
    void downloadResumesAfterSigkill();

    // The STS credentials live 3 s and the upload takes several times that.
    void uploadOutlivesItsCredentials();

    // The file is written to while its parts go out: the upload fails, and neither parts nor an
    // object of two versions remain.
    void fileChangedDuringMultipartUpload();
    void fileChangedDuringPutObject();

    // Every fifth body the sandbox receives is damaged: those parts are sent again.
    void damagedPartsAreSentAgain();

    // Every second body is damaged: the second file's PutObject is sent again, over its own
    // damaged object (the name-clash guard must not refuse that).
    void damagedPutObjectIsSentAgain();

    // Every body damaged: the upload fails after its attempts, and no damaged object remains.
    void alwaysDamagedPutObjectFailsLoudly();

    // The multipart object is assembled damaged: the upload fails, the object is deleted.
    void damagedMultipartObjectFailsLoudly();

    // Finding 7b: killed after its object was stored but before it could say so (the reply was
    // lost, the retry not yet answered): the same command again finds the object to be the file,
    // says so, exits 0 and sends nothing; and so does a third run.
    void rerunAfterTheObjectWasStoredSendsNothing();

    // Finding 4c: a download stopped after its file was in place; the same command again finds
    // the file to be the object (size and CRC-64), says so, exits 0 and fetches no body.
    void downloadRerunOverItsFinishedFileIsDone();
    // A file of that name that is not the object (same size, other bytes; other size) is still
    // refused as a name clash (exit 2), and left as it is.
    void downloadOverADifferentFileIsRefused();
};

std::optional<UploadJournalView> TestTransferCli::journal() const
{
    QDirIterator it(uploadJournals(), {u"upload-*.json"_s}, QDir::Files);
    if (!it.hasNext())
        return std::nullopt;
    UploadJournalView view;
    view.file = it.next();
    QFile f(view.file);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    view.uploadId = o.value(u"upload_id"_s).toString();
    for (const QJsonValue& p : o.value(u"parts"_s).toArray())
        view.parts.insert(p.toObject().value(u"number"_s).toInt());
    return view.uploadId.isEmpty() ? std::nullopt : std::optional(view);
}

void TestTransferCli::uploadResumesAfterSigkill()
{
    const QString file = m_dir.filePath(u"killed-upload.bam"_s);
    QVERIFY(writeRandomFile(file, 200 * kMiB, 1));
    const int partCount = 25;
    const QStringList arguments{u"upload"_s,      file,   u"--json"_s, u"--jobs"_s, u"4"_s,
                                u"--part-size"_s, u"8M"_s};

    const auto first = start(m_throttled, arguments);
    QVERIFY(first->waitForStarted(30000));
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     const auto j = journal();
                     return (j && j->parts.size() >= 5) || first->state() == QProcess::NotRunning;
                 },
                 kRunTimeoutMs),
             "the first run never recorded five parts");
    QVERIFY2(first->state() == QProcess::Running, first->readAllStandardError().right(2000).constData());
    QVERIFY(killHard(*first));
    const std::optional<UploadJournalView> before = journal();
    QVERIFY(before.has_value());
    QVERIFY2(before->parts.size() >= 5 && before->parts.size() < partCount,
             qPrintable(QString::number(before->parts.size())));

    // The second run talks to a sandbox of its own over the same storage, so that its log holds
    // that run alone (the killed run's last answers may still be logged after the kill).
    SandboxProcess again;
    QVERIFY2(startSandbox(again, {}), qPrintable(again.errorOutput()));
    const Run second = bge(again, arguments);
    VERIFY_EXIT(second, 0);
    const QJsonObject result = second.json().toArray().first().toObject();
    QVERIFY2(result.value(u"resumed"_s).toBool(), second.describe().constData());
    QCOMPARE(result.value(u"parts_sent"_s).toInt(), partCount - before->parts.size());
    QCOMPARE(result.value(u"crc64"_s).toString(), crcOf(file));

    // What the sandbox saw of the second run: none of the journal's parts, all of the others,
    // each once. (It logs a request after answering: the last lines may come after bge exits.)
    const auto resentParts = [&] { return acknowledgedParts(again.errorOutput(), u"killed-upload.bam"_s); };
    QTRY_COMPARE_WITH_TIMEOUT(resentParts().size(), partCount - before->parts.size(), 10000);
    const QList<int> resent = resentParts();
    QVERIFY2(!setOf(resent).intersects(before->parts), "a part the journal had was sent again");
    QSet<int> all;
    for (int n = 1; n <= partCount; ++n)
        all.insert(n);
    QCOMPARE(setOf(resent) | before->parts, all);
    QVERIFY(!QFile::exists(before->file));

    verifyStored(result.value(u"object_name"_s).toString(), file);
    QFile::remove(file);
}

void TestTransferCli::downloadResumesAfterSigkill()
{
    const QString file = m_dir.filePath(u"killed-download.vcf"_s);
    QVERIFY(writeRandomFile(file, 48 * kMiB + 12345, 2));
    const Run up = bge(m_plain, {u"upload"_s, file, u"--json"_s});
    VERIFY_EXIT(up, 0);
    const QString object = up.json().toArray().first().toObject().value(u"object_name"_s).toString();

    const QString dest = m_dir.filePath(u"downloaded.vcf"_s);
    const QString partial = dest + u".bgepart"_s;
    const QStringList arguments{u"download"_s, object, u"-o"_s, dest, u"--json"_s};
    const auto first = start(m_throttled, arguments); // 16 MiB/s: three seconds for the object
    QVERIFY(first->waitForStarted(30000));
    QVERIFY(QTest::qWaitFor(
        [&] { return QFileInfo(partial).size() >= 8 * kMiB || first->state() == QProcess::NotRunning; },
        kRunTimeoutMs));
    QVERIFY2(first->state() == QProcess::Running, first->readAllStandardError().right(2000).constData());
    QVERIFY(killHard(*first));
    const qint64 kept = QFileInfo(partial).size();
    QVERIFY(kept >= 8 * kMiB && kept < QFileInfo(file).size());
    QVERIFY(!QFile::exists(dest));

    const Run second = bge(m_throttled, arguments);
    VERIFY_EXIT(second, 0);
    const QJsonObject result = second.json().toObject();
    QVERIFY2(result.value(u"resumed_from"_s).toDouble() >= double(8 * kMiB), second.describe().constData());
    QVERIFY(result.value(u"crc64_verified"_s).toBool());
    QCOMPARE(result.value(u"crc64"_s).toString(), crcOf(file));
    QVERIFY(sameBytes(file, dest));
    QVERIFY(!QFile::exists(partial));
    QFile::remove(dest);
}

void TestTransferCli::uploadOutlivesItsCredentials()
{
    SandboxProcess sts;
    QVERIFY2(startSandbox(sts, {u"--sts-ttl"_s, u"3"_s, u"--oss-faults"_s, u"bandwidth-kibps=8192"_s}),
             qPrintable(sts.errorOutput()));
    const QString file = m_dir.filePath(u"expiring.fastq"_s);
    QVERIFY(writeRandomFile(file, 104 * kMiB, 3)); // 13 parts, two at a time, a second each
    const Run up = bge(sts, {u"upload"_s, file, u"--json"_s, u"--jobs"_s, u"2"_s, u"--part-size"_s, u"8M"_s});
    VERIFY_EXIT(up, 0);
    const QJsonObject result = up.json().toArray().first().toObject();
    QCOMPARE(result.value(u"parts_sent"_s).toInt(), 13);
    // The upload took longer than two lifetimes of its credentials: renewed at least twice.
    QTRY_VERIFY2_WITH_TIMEOUT(sts.errorOutput().count(u"api: POST /sts/token 200"_s) >= 3,
                              qPrintable(sts.errorOutput().right(3000)), 10000);
    verifyStored(result.value(u"object_name"_s).toString(), file);
    QFile::remove(file);
}

namespace {

// Overwrites a few bytes in the middle of `path` (same size) and moves its modification time on.
bool scribbleOn(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(f.size() / 2) || f.write(QByteArray(4096, 'x')) != 4096)
        return false;
    return f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(10), QFileDevice::FileModificationTime);
}

} // namespace

void TestTransferCli::fileChangedDuringMultipartUpload()
{
    const QString file = m_dir.filePath(u"changing-multi.bam"_s);
    QVERIFY(writeRandomFile(file, 104 * kMiB, 9));
    const QStringList arguments{u"upload"_s, file, u"--jobs"_s, u"2"_s, u"--part-size"_s, u"8M"_s};
    const auto p = start(m_throttled, arguments); // 13 parts, two at a time, half a second each
    QVERIFY(p->waitForStarted(30000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto j = journal();
            return (j && !j->parts.isEmpty()) || p->state() == QProcess::NotRunning;
        },
        kRunTimeoutMs));
    QVERIFY2(p->state() == QProcess::Running, p->readAllStandardError().right(2000).constData());
    QVERIFY(scribbleOn(file));
    const Run up = finish(*p, arguments);
    VERIFY_EXIT(up, 2);
    QVERIFY2(up.err.contains("changed while it was being uploaded"), up.describe().constData());
    QVERIFY(!journal().has_value());
    verifyGone(m_throttled, u"changing-multi.bam"_s); // the multipart upload aborted, no object
    QFile::remove(file);
}

void TestTransferCli::fileChangedDuringPutObject()
{
    const QString file = m_dir.filePath(u"changing-single.txt"_s);
    QVERIFY(writeRandomFile(file, 48 * kMiB, 10)); // one PutObject, three seconds at 16 MiB/s
    const QStringList arguments{u"upload"_s, file};
    const auto p = start(m_throttled, arguments);
    QVERIFY(p->waitForStarted(30000));
    QTest::qWait(1000); // somewhere in the middle of the body: not a timing assertion
    QVERIFY2(p->state() == QProcess::Running, p->readAllStandardError().right(2000).constData());
    QVERIFY(scribbleOn(file));
    const Run up = finish(*p, arguments);
    VERIFY_EXIT(up, 2);
    QVERIFY2(up.err.contains("changed while it was being uploaded"), up.describe().constData());
    verifyGone(m_throttled, u"changing-single.txt"_s);
    QFile::remove(file);
}

void TestTransferCli::damagedPartsAreSentAgain()
{
    SandboxProcess damaging;
    QVERIFY2(startSandbox(damaging, {u"--oss-faults"_s, u"corrupt-rate=0.2"_s}),
             qPrintable(damaging.errorOutput()));
    const QString file = m_dir.filePath(u"damaged-parts.bam"_s);
    QVERIFY(writeRandomFile(file, 104 * kMiB, 4));
    const Run up = bge(damaging, {u"upload"_s, file, u"--json"_s, u"--part-size"_s, u"8M"_s});
    VERIFY_EXIT(up, 0);
    const QJsonObject result = up.json().toArray().first().toObject();
    QCOMPARE(result.value(u"parts_sent"_s).toInt(), 13);
    QCOMPARE(result.value(u"crc64"_s).toString(), crcOf(file));
    // Every damaged part was sent again: one more request per damaged body.
    const auto flipped = [&] { return flippedBodies(damaging.errorOutput(), u"damaged-parts.bam"_s); };
    QTRY_COMPARE_WITH_TIMEOUT(acknowledgedParts(damaging.errorOutput(), u"damaged-parts.bam"_s).size(),
                              13 + flipped(), 10000);
    QVERIFY2(flipped() >= 2, qPrintable(damaging.errorOutput().right(3000)));
    verifyStored(result.value(u"object_name"_s).toString(), file);
    QFile::remove(file);
}

void TestTransferCli::damagedPutObjectIsSentAgain()
{
    SandboxProcess damaging;
    QVERIFY2(startSandbox(damaging, {u"--oss-faults"_s, u"corrupt-rate=0.5"_s}),
             qPrintable(damaging.errorOutput()));
    const QString first = m_dir.filePath(u"put-first.txt"_s);
    const QString second = m_dir.filePath(u"put-second.txt"_s);
    QVERIFY(writeRandomFile(first, 3 * kMiB + 1, 5));
    QVERIFY(writeRandomFile(second, 2 * kMiB + 3, 6));
    // One file at a time: the sandbox damages every other body it receives, in arrival order.
    const Run up = bge(damaging, {u"upload"_s, first, second, u"--json"_s, u"--jobs"_s, u"1"_s});
    VERIFY_EXIT(up, 0);
    QTRY_COMPARE_WITH_TIMEOUT(acknowledgedPuts(damaging.errorOutput(), u"put-second.txt"_s), 2, 10000);
    const QString log = damaging.errorOutput();
    // The first body arrives intact, the second (the second file's) damaged, the third intact.
    QCOMPARE(flippedBodies(log, u"put-first.txt"_s), 0);
    QCOMPARE(flippedBodies(log, u"put-second.txt"_s), 1);
    QCOMPARE(acknowledgedPuts(log, u"put-first.txt"_s), 1);
    QCOMPARE(acknowledgedPuts(log, u"put-second.txt"_s), 2);
    const QJsonArray results = up.json().toArray();
    QCOMPARE(results.size(), 2);
    verifyStored(results[0].toObject().value(u"object_name"_s).toString(), first);
    verifyStored(results[1].toObject().value(u"object_name"_s).toString(), second);
}

void TestTransferCli::alwaysDamagedPutObjectFailsLoudly()
{
    SandboxProcess damaging;
    QVERIFY2(startSandbox(damaging, {u"--oss-faults"_s, u"corrupt-rate=1"_s}),
             qPrintable(damaging.errorOutput()));
    const QString file = m_dir.filePath(u"always-damaged.txt"_s);
    QVERIFY(writeRandomFile(file, kMiB, 7));
    const Run up = bge(damaging, {u"upload"_s, file});
    QVERIFY2(up.finished && up.exitCode != 0, up.describe().constData());
    QVERIFY2(up.err.contains("CRC-64 mismatch"), up.describe().constData());
    QVERIFY2(up.err.contains("the damaged object was deleted"), up.describe().constData());
    QVERIFY2(up.out.isEmpty(), up.describe().constData());
    // Six PutObject: the engine's attempts.
    QTRY_COMPARE_WITH_TIMEOUT(acknowledgedPuts(damaging.errorOutput(), u"always-damaged.txt"_s), 6, 10000);
    verifyGone(damaging, u"always-damaged.txt"_s);
}

void TestTransferCli::damagedMultipartObjectFailsLoudly()
{
    SandboxProcess damaging;
    QVERIFY2(startSandbox(damaging, {u"--oss-faults"_s, u"corrupt-complete-rate=1"_s}),
             qPrintable(damaging.errorOutput()));
    const QString file = m_dir.filePath(u"damaged-whole.bam"_s);
    QVERIFY(writeRandomFile(file, 104 * kMiB, 8));
    const Run up = bge(damaging, {u"upload"_s, file, u"--part-size"_s, u"8M"_s});
    QVERIFY2(up.finished && up.exitCode != 0, up.describe().constData());
    QVERIFY2(up.err.contains("CRC-64 mismatch") && up.err.contains("parts add up to"),
             up.describe().constData());
    QVERIFY2(up.err.contains("the damaged object was deleted"), up.describe().constData());
    // The parts were fine; the upload is made afresh twice after a damaged assembly (finding 5b).
    QTRY_COMPARE_WITH_TIMEOUT(acknowledgedParts(damaging.errorOutput(), u"damaged-whole.bam"_s).size(),
                              3 * 13, 10000);
    QCOMPARE(up.err.count("was damaged (CRC-64 mismatch); uploading it again"), 2);
    QVERIFY(damaging.errorOutput().contains(u"oss: fault: flipped a bit of "_s));
    verifyGone(damaging, u"damaged-whole.bam"_s);
    QVERIFY(!journal().has_value()); // nothing to resume: the parts are gone with the upload
    QFile::remove(file);
}

void TestTransferCli::rerunAfterTheObjectWasStoredSendsNothing()
{
    // Each request waits 2 s before it is handled: the retry after the lost reply is still
    // waiting when the process is killed.
    SandboxProcess lossy;
    QVERIFY2(startSandbox(lossy, {u"--oss-faults"_s, u"lost-put-reply-rate=1,latency-ms=2000"_s}),
             qPrintable(lossy.errorOutput()));
    const QString name = u"stored-then-killed.txt"_s;
    const QString file = m_dir.filePath(name);
    QVERIFY(writeRandomFile(file, 3 * kMiB + 11, 9));
    const QStringList arguments{u"upload"_s, file, u"--json"_s};
    const auto p = start(lossy, arguments);
    QTRY_VERIFY2_WITH_TIMEOUT(lossy.errorOutput().contains(u"oss: fault: lost the reply to PutObject "_s),
                              qPrintable(lossy.errorOutput().right(2000)), kRunTimeoutMs);
    QVERIFY(killHard(*p));
    // Stored once, the answer lost (the sandbox logs the call after the fault).
    QTRY_COMPARE_WITH_TIMEOUT(acknowledgedPuts(lossy.errorOutput(), name), 1, 10000);

    for (int run = 0; run < 2; ++run) {
        const Run again = bge(m_plain, arguments);
        VERIFY_EXIT(again, 0);
        QVERIFY2(again.err.contains("is already uploaded (same size and CRC-64)"), again.describe().constData());
        QVERIFY2(!again.err.contains("/s)"), again.describe().constData()); // no transfer speed claimed
        const QJsonArray results = again.json().toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QVERIFY2(result.value(u"already_uploaded"_s).toBool(), again.describe().constData());
        QCOMPARE(result.value(u"parts_sent"_s).toInt(), 0);
        QCOMPARE(result.value(u"crc64"_s).toString(), crcOf(file));
        QVERIFY(result.value(u"object_name"_s).toString().endsWith(u'/' + name));
    }
    // Nothing was sent again: no PutObject for it at all (not even a refused one).
    QVERIFY2(!m_plain.errorOutput().contains(QRegularExpression(u"oss: PUT \\S*/"_s + QRegularExpression::escape(name))),
             qPrintable(m_plain.errorOutput().right(2000)));
    const Run plain = bge(m_plain, {u"upload"_s, file});
    VERIFY_EXIT(plain, 0);
    QVERIFY2(plain.out.trimmed().endsWith(name.toUtf8()), plain.describe().constData());
    verifyStored(QString::fromUtf8(plain.out.trimmed()), file);
    QFile::remove(file);
}

void TestTransferCli::downloadRerunOverItsFinishedFileIsDone()
{
    const QString file = m_dir.filePath(u"adopted-source.bin"_s);
    QVERIFY(writeRandomFile(file, 3 * kMiB + 17, 21));
    const Run up = bge(m_plain, {u"upload"_s, file, u"--json"_s});
    VERIFY_EXIT(up, 0);
    const QString object = up.json().toArray().first().toObject().value(u"object_name"_s).toString();
    const QString dest = m_dir.filePath(u"adopted.bin"_s);
    const QStringList arguments{u"download"_s, object, u"-o"_s, dest, u"--json"_s};
    VERIFY_EXIT(bge(m_plain, arguments), 0);
    QVERIFY(sameBytes(file, dest));

    // Its own sandbox, so that its log holds this run alone.
    SandboxProcess own;
    QVERIFY2(startSandbox(own, {}), qPrintable(own.errorOutput()));
    const Run again = bge(own, arguments);
    VERIFY_EXIT(again, 0);
    QVERIFY2(again.err.contains("is already downloaded (same size and CRC-64)"), again.describe().constData());
    QVERIFY2(!again.err.contains("/s)"), again.describe().constData()); // no transfer speed claimed
    const QJsonObject result = again.json().toObject();
    QVERIFY2(result.value(u"already_downloaded"_s).toBool(), again.describe().constData());
    QCOMPARE(result.value(u"crc64"_s).toString(), crcOf(file));
    QVERIFY(result.value(u"crc64_verified"_s).toBool());
    QVERIFY(sameBytes(file, dest));
    // One GET of a single byte (206) for the object's size and CRC-64; no GET of the body (200).
    const QString key = QRegularExpression::escape(object);
    QTRY_VERIFY2_WITH_TIMEOUT(own.errorOutput().contains(QRegularExpression(u"oss: GET /[^/]+/"_s + key + u" 206"_s)),
                              qPrintable(own.errorOutput().right(2000)), 10000);
    QVERIFY2(!own.errorOutput().contains(QRegularExpression(u"oss: GET /[^/]+/"_s + key + u" 200"_s)),
             qPrintable(own.errorOutput().right(2000)));
    QVERIFY(!QFile::exists(dest + u".bgepart"_s));
    QFile::remove(dest);
    QFile::remove(file);
}

void TestTransferCli::downloadOverADifferentFileIsRefused()
{
    const QString file = m_dir.filePath(u"clash-source.bin"_s);
    QVERIFY(writeRandomFile(file, kMiB + 5, 22));
    const Run up = bge(m_plain, {u"upload"_s, file, u"--json"_s});
    VERIFY_EXIT(up, 0);
    const QString object = up.json().toArray().first().toObject().value(u"object_name"_s).toString();
    const QString dest = m_dir.filePath(u"clash.bin"_s);
    for (const qint64 size : {kMiB + 5, kMiB}) {
        QVERIFY(writeRandomFile(dest, size, 23)); // other bytes (same size, then another size)
        const QByteArray before = crcOf(dest).toUtf8();
        const Run again = bge(m_plain, {u"download"_s, object, u"-o"_s, dest});
        VERIFY_EXIT(again, 2);
        QVERIFY2(again.err.contains("already exists; choose another name or allow overwriting"),
                 again.describe().constData());
        QCOMPARE(crcOf(dest).toUtf8(), before);
        QVERIFY(!QFile::exists(dest + u".bgepart"_s));
    }
    QFile::remove(dest);
    QFile::remove(file);
}

QTEST_GUILESS_MAIN(TestTransferCli)
#include "tst_transfer_cli.moc"
