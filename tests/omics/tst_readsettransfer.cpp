// Read-set uploads and downloads (ReadSetUploadJob, ReadSetDownloadJob on the transfer engine)
// against the HealthOmics emulator of a real bge-sandbox child process, quotas on: multi-part
// uBAM read back byte-identical, paired FASTQ, type and reference refusals before anything is
// sent, UPLOAD_FAILED with the service's reason, resume after the job is destroyed mid-upload,
// cancel, a file changed mid-upload, injected faults, download resume and no overwrite; a job
// killed at each commit point (before and after Create, before Complete, Complete sent and its
// answer lost, after Complete while waiting for ACTIVE) and rerun ends in exactly one read set.
#include "common/sandboxprocess.h"
#include "omics/awssettings.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/readsetdownloadjob.h"
#include "omics/readsetuploadadapter.h"
#include "omics/readsetuploadjob.h"
#include "omics/readsetuploadrecord.h"
#include "omicstestsupport.h"
#include "transfer/downloaddestination.h"
#include "transfer/uploadjournal.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace bge;
using namespace bge::omics;
using namespace Qt::StringLiterals;
using test::fastq;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kReadPartSize = 64 * 1024; // GetReadSet parts: many per file

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool run(const QString& program, const QStringList& arguments)
{
    QProcess p;
    p.start(program, arguments);
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestReadSetTransfer final : public QObject
{
    Q_OBJECT

private:
    test::SandboxProcess m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    QTemporaryDir m_data;
    QJsonObject m_omics;
    QString m_store;
    QString m_reference;
    OmicsConnection* m_connection = nullptr;
    std::unique_ptr<OmicsApi> m_api;
    QString m_ubam;
    QString m_samtools;

    OmicsConnection* connect(const QJsonObject& omics)
    {
        AwsSettingsRequest request;
        QProcessEnvironment env;
        env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        env.insert(u"AWS_ACCESS_KEY_ID"_s, omics.value(u"access_key_id"_s).toString());
        env.insert(u"AWS_SECRET_ACCESS_KEY"_s, omics.value(u"secret_access_key"_s).toString());
        env.insert(u"AWS_REGION"_s, omics.value(u"region"_s).toString());
        env.insert(u"AWS_ENDPOINT_URL_OMICS"_s, omics.value(u"endpoint"_s).toString());
        request.environment = env;
        Result<AwsSettings> settings = resolveAwsSettings(request);
        if (!settings)
            return nullptr;
        Result<OmicsConnection*> c = OmicsConnection::create(settings.value(), &m_network, this);
        return c ? c.value() : nullptr;
    }

    ReadSetUploadOptions uploadOptions(const QStringList& files, const QString& name) const
    {
        ReadSetUploadOptions o;
        o.storeId = m_store;
        o.files = files;
        o.subjectId = u"NA12878"_s;
        o.sampleId = u"NA12878-S1"_s;
        o.name = name;
        o.journalDirectory = m_dir.filePath(u"journal"_s);
        o.partSize = kMiB;
        o.pollIntervalMs = 300;
        return o;
    }

    Result<ReadSetUploadResult> upload(const ReadSetUploadOptions& options,
                                       OmicsConnection* connection = nullptr)
    {
        return test::awaitJob(new ReadSetUploadJob(connection ? connection : m_connection, options));
    }

    Result<ReadSetDownloadResult> download(const QString& id, const QString& file, const QString& destination,
                                           bool overwrite = false, OmicsConnection* connection = nullptr)
    {
        ReadSetDownloadOptions o;
        o.storeId = m_store;
        o.readSetId = id;
        o.file = file;
        o.destination = destination;
        o.overwrite = overwrite;
        return test::awaitJob(new ReadSetDownloadJob(connection ? connection : m_connection, o));
    }

    // Uploads in progress on the store with this read-set name.
    int uploadsNamed(const QString& name)
    {
        const Result<OmicsPage<ReadSetUpload>> page = test::awaitJob(m_api->listUploads(m_store));
        if (!page)
            return -1;
        int n = 0;
        for (const ReadSetUpload& u : page.value().items)
            n += u.name == name ? 1 : 0;
        return n;
    }

    // Runs an upload until `bytes` are done, then destroys the job (what a crash leaves).
    bool uploadThenDestroy(const ReadSetUploadOptions& options, qint64 bytes)
    {
        auto* job = new ReadSetUploadJob(m_connection, options);
        job->setAutoDelete(false);
        std::unique_ptr<ReadSetUploadJob> owner(job);
        qint64 done = 0;
        QObject::connect(job, &ReadSetUploadJob::progress, job, [&done](qint64 d, qint64) { done = d; });
        job->start();
        (void)QTest::qWaitFor([&] { return done >= bytes || job->isFinished(); }, test::kOmicsWaitMs);
        return !job->isFinished();
    }

    // Parts the server holds for an upload, per source 1.
    int serverParts(const QString& uploadId)
    {
        const Result<OmicsPage<ReadSetUploadPart>> page =
            test::awaitJob(m_api->listUploadParts(m_store, uploadId, u"SOURCE1"_s));
        return page ? int(page.value().items.size()) : -1;
    }

    // Read sets of the store with this name.
    QStringList readSetsNamed(const QString& name)
    {
        ReadSetFilter filter;
        filter.name = name;
        const Result<OmicsPage<ReadSetListItem>> page = test::awaitJob(m_api->listReadSets(m_store, filter));
        if (!page)
            return {u"error: "_s + page.error().fullText()};
        QStringList ids;
        for (const ReadSetListItem& r : page.value().items)
            ids.append(r.id);
        return ids;
    }

    // Runs an upload and destroys the job (what a kill leaves) in the event-loop turn in which
    // its record reached `point`; `atEach` runs at every commit point, inside the job's call.
    bool uploadThenKillAt(const ReadSetUploadOptions& options, ReadSetUploadRecord::State point,
                          std::function<void(ReadSetUploadRecord::State)> atEach = {})
    {
        auto* job = new ReadSetUploadJob(m_connection, options);
        job->setAutoDelete(false);
        std::unique_ptr<ReadSetUploadJob> owner(job);
        bool reached = false;
        QObject::connect(job, &ReadSetUploadJob::commitPoint, job,
                         [&reached, point, atEach](ReadSetUploadRecord::State s) {
                             if (atEach)
                                 atEach(s);
                             if (s == point)
                                 reached = true;
                         });
        job->start();
        (void)QTest::qWaitFor([&] { return reached || job->isFinished(); }, test::kOmicsWaitMs);
        return reached && !job->isFinished();
    }

    // The rerun after a kill: one read set of that name, ACTIVE, the bytes of `path`, nothing
    // left behind (journal, record, uploads in progress).
    void checkTheRerun(const ReadSetUploadOptions& o, const QString& path, const Result<ReadSetUploadResult>& r)
    {
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QVERIFY(r.value().metadata);
        QCOMPARE(r.value().metadata->readSet.status, u"ACTIVE"_s);
        QCOMPARE(readSetsNamed(o.name), QStringList{r.value().readSetId});
        QVERIFY(!QFile::exists(ReadSetUploadJob::journalFileFor(o)));
        QVERIFY(!QFile::exists(ReadSetUploadJob::recordFileFor(o)));
        QTRY_COMPARE_WITH_TIMEOUT(uploadsNamed(o.name), 0, test::kOmicsWaitMs);
        const Result<ReadSetDownloadResult> d =
            download(r.value().readSetId, u"SOURCE1"_s, m_dir.filePath(o.name + u"-back.bam"_s));
        QVERIFY2(d, qPrintable(d.error().fullText()));
        QCOMPARE(readAll(d.value().path), readAll(path));
    }

    QString makeUbam(const QString& name, int reads, quint32 seed)
    {
        const QString fq = m_dir.filePath(name + u".fastq"_s);
        const QString bam = m_dir.filePath(name + u".bam"_s);
        if (!test::writeFile(fq, fastq(reads, seed)))
            return {};
        // Uncompressed BGZF: the file is as large as the reads, so a few MiB make several parts.
        if (!run(m_samtools, {u"import"_s, u"-u"_s, u"-0"_s, fq, u"-o"_s, bam}))
            return {};
        return bam;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_samtools = QStandardPaths::findExecutable(u"samtools"_s);
        if (m_samtools.isEmpty())
            QSKIP("samtools is not installed (packaging/linux/install-deps.sh installs it)");
        QVERIFY(m_dir.isValid() && m_data.isValid());
        QVERIFY2(m_sandbox.start({u"--data-dir"_s, m_data.path(), u"--omics-quotas"_s, u"on"_s,
                                  u"--omics-processing-ms"_s, u"300"_s, u"--omics-read-part-size"_s,
                                  QString::number(kReadPartSize)}),
                 qPrintable(m_sandbox.errorOutput()));
        m_omics = m_sandbox.description().value(u"omics"_s).toObject();
        m_store = m_omics.value(u"sequence_stores"_s).toArray().first().toObject().value(u"id"_s).toString();
        m_reference = m_omics.value(u"reference_arn"_s).toString();
        QVERIFY(!m_store.isEmpty());
        m_connection = connect(m_omics);
        QVERIFY(m_connection);
        m_api = std::make_unique<OmicsApi>(m_connection);
        m_ubam = makeUbam(u"NA12878_run1.unmapped"_s, 14000, 1); // ~4.4 MiB
        QVERIFY(!m_ubam.isEmpty());
        QVERIFY(QFileInfo(m_ubam).size() > 3 * kMiB);
    }

    void ubamUploadAndDownloadBack()
    {
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"ubam-roundtrip"_s);
        const Result<ReadSetUploadResult> r = upload(o);
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QCOMPARE(r.value().fileType, u"UBAM"_s); // from the bytes: no @SQ lines
        QVERIFY(r.value().partsTotal >= 4);
        QCOMPARE(r.value().partsSent, r.value().partsTotal);
        QVERIFY(!r.value().resumed);
        QVERIFY(r.value().metadata);
        QCOMPARE(r.value().metadata->readSet.status, u"ACTIVE"_s);
        QCOMPARE(r.value().metadata->source1->contentLength, QFileInfo(m_ubam).size());
        QVERIFY(!QFile::exists(ReadSetUploadJob::journalFileFor(o)));
        QCOMPARE(uploadsNamed(o.name), 0);

        const QString folder = m_dir.filePath(u"down1"_s);
        QVERIFY(QDir().mkpath(folder));
        const Result<ReadSetDownloadResult> d = download(r.value().readSetId, u"SOURCE1"_s, folder);
        QVERIFY2(d, qPrintable(d.error().fullText()));
        QCOMPARE(QFileInfo(d.value().path).fileName(), u"ubam-roundtrip.bam"_s);
        QVERIFY(d.value().partsFetched > 10);
        QCOMPARE(readAll(d.value().path), readAll(m_ubam));
    }

    void pairedFastq()
    {
        const QString r1 = m_dir.filePath(u"NA12878_S1_L001_R1_001.fastq"_s);
        const QString r2 = m_dir.filePath(u"NA12878_S1_L001_R2_001.fastq"_s);
        QVERIFY(test::writeFile(r1, fastq(5000, 11, 1)));
        QVERIFY(test::writeFile(r2, fastq(4000, 12, 2)));
        const Result<ReadSetUploadResult> r = upload(uploadOptions({r1, r2}, u"paired"_s));
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QCOMPARE(r.value().fileType, u"FASTQ"_s);
        QVERIFY(r.value().metadata->source2);
        QCOMPARE(r.value().metadata->source2->contentLength, QFileInfo(r2).size());
        const QString folder = m_dir.filePath(u"down2"_s);
        QVERIFY(QDir().mkpath(folder));
        const Result<ReadSetDownloadResult> d1 = download(r.value().readSetId, u"SOURCE1"_s, folder);
        const Result<ReadSetDownloadResult> d2 = download(r.value().readSetId, u"SOURCE2"_s, folder);
        QVERIFY2(d1 && d2, qPrintable(d1.error().fullText() + d2.error().fullText()));
        QCOMPARE(QFileInfo(d1.value().path).fileName(), u"paired_1.fastq"_s);
        QCOMPARE(QFileInfo(d2.value().path).fileName(), u"paired_2.fastq"_s);
        QCOMPARE(readAll(d1.value().path), readAll(r1));
        QCOMPARE(readAll(d2.value().path), readAll(r2));
    }

    void refusedBeforeSending()
    {
        // An aligned BAM (an @SQ line) without a reference.
        const QString sam = m_dir.filePath(u"aligned.sam"_s);
        QVERIFY(test::writeFile(sam, "@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:chr1\tLN:1000\n"
                                     "r1\t0\tchr1\t1\t60\t4M\t*\t0\t0\tACGT\tIIII\n"));
        const QString bam = m_dir.filePath(u"aligned.bam"_s);
        QVERIFY(run(m_samtools, {u"view"_s, u"-b"_s, u"-o"_s, bam, sam}));
        Result<ReadSetUploadResult> r = upload(uploadOptions({bam}, u"no-reference"_s));
        QVERIFY(!r);
        QCOMPARE(r.error().kind(), ApiError::Kind::Usage);
        QCOMPARE(uploadsNamed(u"no-reference"_s), 0);
        // With the reference it goes.
        ReadSetUploadOptions withReference = uploadOptions({bam}, u"with-reference"_s);
        withReference.referenceArn = m_reference;
        r = upload(withReference);
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QCOMPARE(r.value().fileType, u"BAM"_s);

        // A ".bam" that is really a CRAM.
        const QString cram = m_dir.filePath(u"really-cram.bam"_s);
        QVERIFY(run(m_samtools, {u"view"_s, u"-C"_s, u"-o"_s, cram, m_ubam}));
        r = upload(uploadOptions({cram}, u"cram-as-bam"_s));
        QVERIFY(!r);
        QCOMPARE(r.error().kind(), ApiError::Kind::Usage);
        QCOMPARE(uploadsNamed(u"cram-as-bam"_s), 0);

        // Declared FASTQ, bytes of a uBAM: refused from the bytes.
        ReadSetUploadOptions declared = uploadOptions({m_ubam}, u"declared-fastq"_s);
        declared.fileType = u"FASTQ"_s;
        r = upload(declared);
        QVERIFY(!r);
        QCOMPARE(r.error().kind(), ApiError::Kind::Usage);
    }

    void uploadFailedWithTheServiceReason()
    {
        QByteArray junk(2 * kMiB + 5, Qt::Uninitialized);
        QRandomGenerator random(7);
        for (char& c : junk)
            c = char(random.bounded(256));
        junk[0] = 'X';
        const QString path = m_dir.filePath(u"junk.fastq"_s);
        QVERIFY(test::writeFile(path, junk));
        ReadSetUploadOptions o = uploadOptions({path}, u"junk"_s);
        o.fileType = u"FASTQ"_s;
        o.checkBytes = false; // what the service says, not what the sniffer says
        const Result<ReadSetUploadResult> r = upload(o);
        QVERIFY(!r);
        QCOMPARE(r.error().kind(), ApiError::Kind::Service);
        QCOMPARE(r.error().serviceCode(), u"UPLOAD_FAILED"_s);
        QVERIFY2(r.error().message().contains(u"FASTQ"_s), qPrintable(r.error().message()));
    }

    void resumeAfterTheJobIsDestroyed()
    {
        const QString path = makeUbam(u"resume"_s, 26000, 3); // ~8 MiB
        QVERIFY(!path.isEmpty());
        ReadSetUploadOptions o = uploadOptions({path}, u"resumed"_s);
        o.partSize = 512 * 1024;
        o.parallelism = 2;
        QVERIFY(uploadThenDestroy(o, 3 * o.partSize)); // journal and the server's parts stay
        const QString journalFile = ReadSetUploadJob::journalFileFor(o);
        const std::optional<UploadJournal> journal = UploadJournal::load(journalFile);
        QVERIFY(journal);
        QCOMPARE(journal->protocol, u"healthomics-readset"_s);
        // What a resumed or retried Create needs, and never a secret.
        QCOMPARE(journal->extra.value(u"storeId"_s).toString(), m_store);
        QVERIFY(!journal->extra.value(u"clientToken"_s).toString().isEmpty());
        QCOMPARE(journal->extra.value(u"create"_s).toObject().value(u"name"_s).toString(), o.name);
        QVERIFY(!readAll(journalFile).contains(m_omics.value(u"secret_access_key"_s).toString().toUtf8()));
        QVERIFY(!journal->parts.isEmpty());
        QCOMPARE(uploadsNamed(o.name), 1);
        const int onServer = serverParts(journal->uploadId);
        QVERIFY(onServer >= journal->parts.size());

        const Result<ReadSetUploadResult> r = upload(o);
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QVERIFY(r.value().resumed);
        QCOMPARE(r.value().uploadId, journal->uploadId); // the same upload, continued
        // Only what the journal did not vouch for went again.
        QCOMPARE(r.value().partsSent, r.value().partsTotal - int(journal->parts.size()));
        QVERIFY(!QFile::exists(journalFile));
        const Result<ReadSetDownloadResult> d =
            download(r.value().readSetId, u"SOURCE1"_s, m_dir.filePath(u"resumed-back.bam"_s));
        QVERIFY2(d, qPrintable(d.error().fullText()));
        QCOMPARE(readAll(d.value().path), readAll(path));
    }


    void killedAtACommitPoint_data()
    {
        QTest::addColumn<ReadSetUploadRecord::State>("point");
        QTest::newRow("before Create answers") << ReadSetUploadRecord::State::Creating;
        QTest::newRow("after Create answered") << ReadSetUploadRecord::State::Created;
        QTest::newRow("after Complete answered, waiting for ACTIVE") << ReadSetUploadRecord::State::Completed;
    }

    void killedAtACommitPoint()
    {
        QFETCH(ReadSetUploadRecord::State, point);
        const QString name = u"killed-at-%1"_s.arg(int(point));
        ReadSetUploadOptions o = uploadOptions({m_ubam}, name);
        o.partSize = 512 * 1024;
        QVERIFY(uploadThenKillAt(o, point));
        const std::optional<ReadSetUploadRecord> record = ReadSetUploadRecord::load(ReadSetUploadJob::recordFileFor(o));
        QVERIFY(record);
        QCOMPARE(record->state, point);
        QVERIFY(!readAll(ReadSetUploadJob::recordFileFor(o)).contains(
            m_omics.value(u"secret_access_key"_s).toString().toUtf8()));
        if (point == ReadSetUploadRecord::State::Completed) {
            // The engine has dropped its journal: only the record names the read set.
            QVERIFY(!QFile::exists(ReadSetUploadJob::journalFileFor(o)));
            QCOMPARE(readSetsNamed(name), QStringList{record->readSetId});
        }

        auto* job = new ReadSetUploadJob(m_connection, o);
        QStringList notices;
        QObject::connect(job, &ReadSetUploadJob::notice, this, [&notices](const QString& n) { notices.append(n); });
        const Result<ReadSetUploadResult> r = test::awaitJob<ReadSetUploadResult>(job);
        checkTheRerun(o, m_ubam, r);
        if (QTest::currentTestFailed())
            return;
        if (point == ReadSetUploadRecord::State::Completed) {
            QCOMPARE(r.value().readSetId, record->readSetId);
            QCOMPARE(r.value().partsSent, 0);
            QCOMPARE(notices.size(), 1);
            QVERIFY2(notices.first().contains(record->readSetId), qPrintable(notices.first()));
        }
    }

    void killedAfterCompleteWasSentItsAnswerLost()
    {
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"complete-answer-lost"_s);
        o.partSize = 512 * 1024;
        const QString journalFile = ReadSetUploadJob::journalFileFor(o);
        const QString recordFile = ReadSetUploadJob::recordFileFor(o);
        // The disk as it is the moment Complete goes out; the job is stopped once the service
        // has answered, and that disk put back: a kill after Complete reached the service and
        // before its answer was read (or an answer lost).
        QByteArray journal, record;
        QVERIFY(uploadThenKillAt(o, ReadSetUploadRecord::State::Completed, [&](ReadSetUploadRecord::State s) {
            if (s != ReadSetUploadRecord::State::Completing)
                return;
            journal = readAll(journalFile);
            record = readAll(recordFile);
        }));
        QVERIFY(!journal.isEmpty() && !record.isEmpty());
        QVERIFY(test::writeFile(journalFile, journal));
        QVERIFY(test::writeFile(recordFile, record));
        const std::optional<ReadSetUploadRecord> saved = ReadSetUploadRecord::load(recordFile);
        QVERIFY(saved);
        QCOMPARE(saved->state, ReadSetUploadRecord::State::Completing);
        QVERIFY(saved->uploadCreated.isValid());
        const QStringList made = readSetsNamed(o.name);
        QCOMPARE(made.size(), 1);

        auto* job = new ReadSetUploadJob(m_connection, o);
        QStringList notices;
        QObject::connect(job, &ReadSetUploadJob::notice, this, [&notices](const QString& n) { notices.append(n); });
        const Result<ReadSetUploadResult> r = test::awaitJob<ReadSetUploadResult>(job);
        checkTheRerun(o, m_ubam, r);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(r.value().readSetId, made.first()); // adopted, not uploaded again
        QCOMPARE(r.value().uploadId, saved->uploadId);
        QCOMPARE(r.value().partsSent, 0);
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices.first().contains(made.first()), qPrintable(notices.first()));
    }

    void killedJustBeforeCompleteWasSent()
    {
        // Every part sent, Complete announced in the record but never sent: the upload is
        // still there, so the rerun resumes it and sends Complete itself.
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"complete-never-sent"_s);
        o.partSize = 512 * 1024;
        const QString journalFile = ReadSetUploadJob::journalFileFor(o);
        QVERIFY(uploadThenKillAt(o, ReadSetUploadRecord::State::Created));
        std::optional<ReadSetUploadRecord> r0 = ReadSetUploadRecord::load(ReadSetUploadJob::recordFileFor(o));
        QVERIFY(r0);
        r0->state = ReadSetUploadRecord::State::Completing;
        QVERIFY(r0->save(ReadSetUploadJob::recordFileFor(o), nullptr));
        const std::optional<UploadJournal> j = UploadJournal::load(journalFile);
        QVERIFY(j);
        QCOMPARE(j->uploadId, r0->uploadId);

        const Result<ReadSetUploadResult> r = upload(o);
        checkTheRerun(o, m_ubam, r);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(r.value().uploadId, r0->uploadId); // the same upload, completed now
        QVERIFY(r.value().resumed);
    }

    void completingUploadGoneWithoutAReadSetStartsOver()
    {
        // Complete announced, then the upload aborted (or expired) without becoming a read set:
        // nothing to adopt, so the files go again, and the rerun says why.
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"completing-but-aborted"_s);
        o.partSize = 512 * 1024;
        QVERIFY(uploadThenKillAt(o, ReadSetUploadRecord::State::Created));
        std::optional<ReadSetUploadRecord> r0 = ReadSetUploadRecord::load(ReadSetUploadJob::recordFileFor(o));
        QVERIFY(r0);
        r0->state = ReadSetUploadRecord::State::Completing;
        QVERIFY(r0->save(ReadSetUploadJob::recordFileFor(o), nullptr));
        const Result<Done> aborted = test::awaitJob(m_api->abortUpload(m_store, r0->uploadId));
        QVERIFY2(aborted, qPrintable(aborted.error().fullText()));

        auto* job = new ReadSetUploadJob(m_connection, o);
        QStringList notices;
        QObject::connect(job, &ReadSetUploadJob::notice, this, [&notices](const QString& n) { notices.append(n); });
        const Result<ReadSetUploadResult> r = test::awaitJob<ReadSetUploadResult>(job);
        checkTheRerun(o, m_ubam, r);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(r.value().uploadId != r0->uploadId);
        QCOMPARE(r.value().partsSent, r.value().partsTotal);
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices.first().contains(r0->uploadId), qPrintable(notices.first()));
    }

    void killedWaitingForAReadSetThatFails()
    {
        // The read set an earlier run completed turns UPLOAD_FAILED: the rerun reports the
        // service's reason, uploads nothing, and forgets the record (the next run starts over).
        QByteArray junk(kMiB + 3, Qt::Uninitialized);
        QRandomGenerator random(17);
        for (char& c : junk)
            c = char(random.bounded(256));
        junk[0] = 'X';
        const QString path = m_dir.filePath(u"junk-killed.fastq"_s);
        QVERIFY(test::writeFile(path, junk));
        ReadSetUploadOptions o = uploadOptions({path}, u"junk-killed"_s);
        o.fileType = u"FASTQ"_s;
        o.checkBytes = false;
        QVERIFY(uploadThenKillAt(o, ReadSetUploadRecord::State::Completed));
        const Result<ReadSetUploadResult> r = upload(o);
        QVERIFY(!r);
        QCOMPARE(r.error().serviceCode(), u"UPLOAD_FAILED"_s);
        QCOMPARE(readSetsNamed(o.name).size(), 1);
        QVERIFY(!QFile::exists(ReadSetUploadJob::recordFileFor(o)));
        QVERIFY(!QFile::exists(ReadSetUploadJob::journalFileFor(o)));
    }

    void completedUploadWithSeveralLookalikesIsNotGuessed()
    {
        // Two read sets of the same name, sample, subject and sizes made since the upload's
        // Create: which one Complete made cannot be told, and the job says so, naming both.
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"lookalikes"_s);
        const QString journalFile = ReadSetUploadJob::journalFileFor(o);
        const QString recordFile = ReadSetUploadJob::recordFileFor(o);
        QByteArray journal, record;
        QVERIFY(uploadThenKillAt(o, ReadSetUploadRecord::State::Completed, [&](ReadSetUploadRecord::State s) {
            if (s != ReadSetUploadRecord::State::Completing)
                return;
            journal = readAll(journalFile);
            record = readAll(recordFile);
        }));
        // A second one, from another directory of journals (another machine, say).
        ReadSetUploadOptions other = o;
        other.journalDirectory = m_dir.filePath(u"journal-elsewhere"_s);
        const Result<ReadSetUploadResult> second = upload(other);
        QVERIFY2(second, qPrintable(second.error().fullText()));
        QVERIFY(test::writeFile(journalFile, journal));
        QVERIFY(test::writeFile(recordFile, record));
        const QStringList both = readSetsNamed(o.name);
        QCOMPARE(both.size(), 2);

        const Result<ReadSetUploadResult> r = upload(o);
        QVERIFY(!r);
        QCOMPARE(r.error().kind(), ApiError::Kind::Usage);
        for (const QString& id : both)
            QVERIFY2(r.error().message().contains(id), qPrintable(r.error().message()));
        QCOMPARE(readSetsNamed(o.name).size(), 2); // nothing uploaded again
        QVERIFY(QFile::exists(ReadSetUploadJob::recordFileFor(o))); // the next run asks again
    }

    void resumeOfAnAbortedUploadStartsOver()
    {
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"aborted-meanwhile"_s);
        o.partSize = 256 * 1024;
        o.parallelism = 1;
        QVERIFY(uploadThenDestroy(o, 2 * o.partSize));
        const std::optional<UploadJournal> journal = UploadJournal::load(ReadSetUploadJob::journalFileFor(o));
        QVERIFY(journal);
        const Result<Done> aborted = test::awaitJob(m_api->abortUpload(m_store, journal->uploadId));
        QVERIFY2(aborted, qPrintable(aborted.error().fullText()));

        const Result<ReadSetUploadResult> r = upload(o);
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QVERIFY(!r.value().resumed);
        QVERIFY(r.value().uploadId != journal->uploadId);
        QCOMPARE(r.value().partsSent, r.value().partsTotal);
        QCOMPARE(r.value().metadata->source1->contentLength, QFileInfo(m_ubam).size());
    }

    void uploadThroughQt()
    {
        // What a proxied connection takes: the bodies through QNetworkAccessManager.
        qputenv("BGE_UPLOAD_TRANSPORT", "qt");
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"through-qt"_s);
        int reports = 0;
        auto* job = new ReadSetUploadJob(m_connection, o);
        QObject::connect(job, &ReadSetUploadJob::progress, this, [&reports](qint64, qint64) { ++reports; });
        const Result<ReadSetUploadResult> r = test::awaitJob<ReadSetUploadResult>(job);
        qunsetenv("BGE_UPLOAD_TRANSPORT");
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QVERIFY(reports > 1);
        const Result<ReadSetDownloadResult> d =
            download(r.value().readSetId, u"SOURCE1"_s, m_dir.filePath(u"through-qt-back.bam"_s));
        QVERIFY2(d, qPrintable(d.error().fullText()));
        QCOMPARE(readAll(d.value().path), readAll(m_ubam));
    }

    void defaultDownloadNames()
    {
        const auto metadata = [](const QString& name, const QString& type, bool paired) {
            ReadSetMetadata m;
            m.readSet.id = u"5201910001"_s;
            m.readSet.name = name;
            m.readSet.fileType = type;
            m.source1 = ReadSetFileInfo{1, 100, 10, {}};
            if (paired)
                m.source2 = ReadSetFileInfo{1, 100, 10, {}};
            return m;
        };
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u"run1"_s, u"FASTQ"_s, false), u"SOURCE1"_s),
                 u"run1.fastq"_s);
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u"run1"_s, u"FASTQ"_s, true), u"SOURCE1"_s),
                 u"run1_1.fastq"_s);
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u"run1"_s, u"FASTQ"_s, true), u"SOURCE2"_s),
                 u"run1_2.fastq"_s);
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u"run1"_s, u"UBAM"_s, false), u"SOURCE1"_s),
                 u"run1.bam"_s);
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u"run1"_s, u"BAM"_s, false), u"INDEX"_s),
                 u"run1.bam.bai"_s);
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u"run1"_s, u"CRAM"_s, false), u"SOURCE1"_s),
                 u"run1.cram"_s);
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u"run1"_s, u"CRAM"_s, false), u"INDEX"_s),
                 u"run1.cram.crai"_s);
        // A name is never a path; no name at all gives the id.
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u"../a/b"_s, u"BAM"_s, false), u"SOURCE1"_s),
                 u".._a_b.bam"_s);
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata(u".."_s, u"BAM"_s, false), u"SOURCE1"_s),
                 u"5201910001.bam"_s);
        QCOMPARE(ReadSetDownloadJob::defaultFileName(metadata({}, u"FASTQ"_s, false), u"SOURCE1"_s),
                 u"5201910001.fastq"_s);
    }

    void discardsOnlyWhatProvesTheUploadUnusable()
    {
        // Service answers a test cannot get on demand from the emulator at the right moment.
        ReadSetUploadAdapter adapter(m_connection, m_store, {});
        const auto service = [](int status, const QString& code, const QString& message) {
            return ApiError::service(status, code, message, {}, code);
        };
        QVERIFY(!adapter.discardsUpload(service(429, u"ThrottlingException"_s, u"Rate exceeded"_s)));
        QVERIFY(!adapter.discardsUpload(service(500, u"InternalServerException"_s, u"oops"_s)));
        QVERIFY(!adapter.discardsUpload(service(408, u"RequestTimeoutException"_s, u"slow"_s)));
        QVERIFY(!adapter.discardsUpload(ApiError::timeout(u"no data"_s)));
        QVERIFY(!adapter.discardsUpload(ApiError::transport(u"reset"_s)));
        QVERIFY(!adapter.discardsUpload(service(403, u"AccessDeniedException"_s, u"no"_s)));
        // A part refused before any Complete: the upload itself is fine.
        QVERIFY(!adapter.discardsUpload(service(400, u"ValidationException"_s, u"The part is empty."_s)));
        QVERIFY(adapter.discardsUpload(service(404, u"ResourceNotFoundException"_s, u"Upload not found"_s)));
        QVERIFY(ReadSetUploadAdapter::refusesParts(
            service(400, u"ValidationException"_s, u"The checksum of part 2 of SOURCE1 does not match"_s)));
        QVERIFY(!ReadSetUploadAdapter::refusesParts(service(400, u"ValidationException"_s, u"Name too long"_s)
                                                        .withContext(u"CompleteMultipartReadSetUpload"_s)));
    }

    void cancelAbortsTheUpload()
    {
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"cancelled"_s);
        o.partSize = 256 * 1024;
        o.parallelism = 1;
        auto* job = new ReadSetUploadJob(m_connection, o);
        job->setAutoDelete(false);
        std::unique_ptr<ReadSetUploadJob> owner(job);
        qint64 done = 0;
        QObject::connect(job, &ReadSetUploadJob::progress, job, [&done](qint64 d, qint64) { done = d; });
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(done >= o.partSize || job->isFinished(), test::kOmicsWaitMs);
        QVERIFY(!job->isFinished());
        QCOMPARE(uploadsNamed(o.name), 1);
        job->abort();
        QCOMPARE(job->error().kind(), ApiError::Kind::Cancelled);
        QVERIFY(!QFile::exists(ReadSetUploadJob::journalFileFor(o)));
        QTRY_COMPARE_WITH_TIMEOUT(uploadsNamed(o.name), 0, test::kOmicsWaitMs);
    }

    void fileChangedDuringTheUpload()
    {
        const QString path = m_dir.filePath(u"changing.bam"_s);
        QVERIFY(QFile::copy(m_ubam, path));
        ReadSetUploadOptions o = uploadOptions({path}, u"changing"_s);
        o.partSize = 256 * 1024;
        o.parallelism = 1;
        auto* job = new ReadSetUploadJob(m_connection, o);
        job->setAutoDelete(false);
        std::unique_ptr<ReadSetUploadJob> owner(job);
        qint64 done = 0;
        QObject::connect(job, &ReadSetUploadJob::progress, job, [&done](qint64 d, qint64) { done = d; });
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(done >= o.partSize || job->isFinished(), test::kOmicsWaitMs);
        QVERIFY(!job->isFinished());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("appended while uploading");
        }
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), test::kOmicsWaitMs);
        QCOMPARE(job->error().kind(), ApiError::Kind::Usage);
        QVERIFY(!QFile::exists(ReadSetUploadJob::journalFileFor(o)));
        QCOMPARE(uploadsNamed(o.name), 0);
    }

    void injectedFaults()
    {
        QTemporaryDir data;
        test::SandboxProcess faulty;
        QVERIFY2(faulty.start({u"--data-dir"_s, data.path(), u"--omics-quotas"_s, u"on"_s,
                               u"--omics-processing-ms"_s, u"300"_s, u"--omics-read-part-size"_s,
                               QString::number(256 * 1024), u"--omics-faults"_s,
                               u"error-rate=0.1,drop-rate=0.05"_s}),
                 qPrintable(faulty.errorOutput()));
        const QJsonObject omics = faulty.description().value(u"omics"_s).toObject();
        OmicsConnection* c = connect(omics);
        QVERIFY(c);
        // Every request of the run meets the faults: more attempts per call than the standard
        // mode's 3 (botocore's legacy mode makes 5), so that a Create or Complete does not fail
        // the test on three faults in a row. Parts are retried by the engine itself.
        c->setMaxAttempts(8);
        const QString store =
            omics.value(u"sequence_stores"_s).toArray().first().toObject().value(u"id"_s).toString();
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"faulty"_s);
        o.storeId = store;
        o.partSize = 512 * 1024;
        const Result<ReadSetUploadResult> r = upload(o, c);
        QVERIFY2(r, qPrintable(r.error().fullText()));
        ReadSetDownloadOptions d;
        d.storeId = store;
        d.readSetId = r.value().readSetId;
        d.destination = m_dir.filePath(u"faulty-back.bam"_s);
        const Result<ReadSetDownloadResult> back = test::awaitJob(new ReadSetDownloadJob(c, d));
        QVERIFY2(back, qPrintable(back.error().fullText()));
        QCOMPARE(readAll(back.value().path), readAll(m_ubam));
    }

    void downloadResumesAndNeverOverwrites()
    {
        ReadSetUploadOptions o = uploadOptions({m_ubam}, u"download-resume"_s);
        const Result<ReadSetUploadResult> r = upload(o);
        QVERIFY2(r, qPrintable(r.error().fullText()));
        const QString target = m_dir.filePath(u"download-resume.bam"_s);
        ReadSetDownloadOptions d;
        d.storeId = m_store;
        d.readSetId = r.value().readSetId;
        d.destination = target;
        d.parallelism = 1;
        {
            auto* job = new ReadSetDownloadJob(m_connection, d);
            job->setAutoDelete(false);
            std::unique_ptr<ReadSetDownloadJob> owner(job);
            qint64 done = 0;
            QObject::connect(job, &ReadSetDownloadJob::progress, job,
                             [&done](qint64 n, qint64) { done = n; });
            job->start();
            QTRY_VERIFY_WITH_TIMEOUT(done >= 4 * kReadPartSize || job->isFinished(), test::kOmicsWaitMs);
            QVERIFY(!job->isFinished());
        }
        QVERIFY(!QFile::exists(target));
        QVERIFY(QFile::exists(DownloadDestination::partialPathFor(target)));
        const Result<ReadSetDownloadResult> back = test::awaitJob(new ReadSetDownloadJob(m_connection, d));
        QVERIFY2(back, qPrintable(back.error().fullText()));
        QVERIFY(back.value().partsKept >= 1);
        QVERIFY(back.value().partsFetched <
                int((QFileInfo(m_ubam).size() + kReadPartSize - 1) / kReadPartSize));
        QCOMPARE(readAll(target), readAll(m_ubam));

        // An existing file is never replaced unless asked.
        QVERIFY(test::writeFile(target, "mine"));
        const Result<ReadSetDownloadResult> refused = test::awaitJob(new ReadSetDownloadJob(m_connection, d));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind(), ApiError::Kind::Usage);
        QCOMPARE(readAll(target), QByteArray("mine"));
        d.overwrite = true;
        const Result<ReadSetDownloadResult> replaced =
            test::awaitJob(new ReadSetDownloadJob(m_connection, d));
        QVERIFY2(replaced, qPrintable(replaced.error().fullText()));
        QCOMPARE(readAll(target), readAll(m_ubam));

        // A file the read set does not have.
        d.file = u"SOURCE2"_s;
        const Result<ReadSetDownloadResult> none = test::awaitJob(new ReadSetDownloadJob(m_connection, d));
        QVERIFY(!none);
        QCOMPARE(none.error().kind(), ApiError::Kind::Usage);
    }
};

QTEST_GUILESS_MAIN(TestReadSetTransfer)
#include "tst_readsettransfer.moc"
