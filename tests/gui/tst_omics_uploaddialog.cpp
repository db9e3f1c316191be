// The read-set upload dialog against the HealthOmics emulator of a real bge-sandbox: what the
// bytes say is proposed (a paired FASTQ as one read set, a uBAM without a reference, a BAM that
// needs one), fields typed with real key events, Enter accepts only when every field is right,
// nothing is sent before, and what the dialog asks for is accepted by the service (ACTIVE).
#include "common/sandboxprocess.h"
#include "omics/omicstestsupport.h"

#include "common/errorbanner.h"
#include "omics/readsetuploaddialog.h"
#include "omics/readsetuploadmodel.h"

#include "omics/awssettings.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"
#include "omics/readsetuploadjob.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QDropEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bge;
using namespace bge::omics;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

QByteArray fastq(int reads, quint32 seed, int mate)
{
    QRandomGenerator random(seed);
    static const char bases[] = "ACGT";
    QByteArray out;
    for (int i = 0; i < reads; ++i) {
        out += "@run1:1:FC:1:" + QByteArray::number(i) + '/' + QByteArray::number(mate) + '\n';
        QByteArray seq(100, 'A');
        QByteArray qual(100, 'I');
        for (int k = 0; k < 100; ++k) {
            seq[k] = bases[random.bounded(4)];
            qual[k] = char('!' + random.bounded(41));
        }
        out += seq + "\n+\n" + qual + '\n';
    }
    return out;
}

bool run(const QString& program, const QStringList& arguments)
{
    QProcess p;
    p.start(program, arguments);
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

using Uploads = QList<ReadSetUploadOptions>;

} // namespace

class TestOmicsUploadDialog final : public QObject
{
    Q_OBJECT

private:
    test::SandboxProcess m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    QTemporaryDir m_data;
    QJsonObject m_omics;
    SequenceStore m_store;
    QString m_reference;
    QString m_samtools;
    OmicsConnection* m_connection = nullptr;
    std::unique_ptr<OmicsApi> m_api;

    std::unique_ptr<ReadSetUploadDialog> makeDialog(const QStringList& files)
    {
        auto dialog = std::make_unique<ReadSetUploadDialog>(m_api.get(), u"sandbox"_s, m_store, files);
        new QAbstractItemModelTester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     dialog.get());
        dialog->open();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            return {};
        return dialog;
    }

    int uploadsInProgress()
    {
        const Result<OmicsPage<ReadSetUpload>> page = test::awaitJob(m_api->listUploads(m_store.id));
        return page ? int(page.value().items.size()) : -1;
    }

    // The dialog's request as the transfer queue would run it: the service takes it (ACTIVE).
    void uploadAndCheck(ReadSetUploadOptions options, const QString& expectedType)
    {
        options.journalDirectory = m_dir.filePath(u"journal"_s);
        options.pollIntervalMs = 200;
        const Result<ReadSetUploadResult> r = test::awaitJob(new ReadSetUploadJob(m_connection, options));
        QVERIFY2(r, qPrintable(r.error().fullText()));
        QCOMPARE(r.value().fileType, expectedType);
        QVERIFY(r.value().metadata);
        QCOMPARE(r.value().metadata->readSet.status, u"ACTIVE"_s);
        QCOMPARE(r.value().metadata->readSet.name, options.name);
        QCOMPARE(r.value().metadata->readSet.subjectId, options.subjectId);
        QCOMPARE(r.value().metadata->readSet.sampleId, options.sampleId);
        QCOMPARE(r.value().metadata->readSet.referenceArn, options.referenceArn);
    }

    static void typeInto(QWidget* edit, const QString& text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    void screenshot(QWidget* widget, const QString& name)
    {
        widget->resize(1280, 800);
        QCoreApplication::processEvents();
        const QString folder = qEnvironmentVariable("BGE_SCREENSHOT_DIR", m_dir.path());
        QVERIFY(widget->grab().save(QDir(folder).filePath(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"BGE-tests"_s);
        QCoreApplication::setApplicationName(u"tst_omics_uploaddialog"_s);
        m_samtools = QStandardPaths::findExecutable(u"samtools"_s);
        if (m_samtools.isEmpty())
            QSKIP("samtools is not installed (packaging/linux/install-deps.sh installs it)");
        QVERIFY(m_dir.isValid() && m_data.isValid());
        QVERIFY2(m_sandbox.start({u"--data-dir"_s, m_data.path(), u"--omics-processing-ms"_s, u"300"_s}),
                 qPrintable(m_sandbox.errorOutput()));
        m_omics = m_sandbox.description().value(u"omics"_s).toObject();
        m_reference = m_omics.value(u"reference_arn"_s).toString();
        QVERIFY(!m_reference.isEmpty());

        AwsSettingsRequest request;
        QProcessEnvironment env;
        env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        env.insert(u"AWS_ACCESS_KEY_ID"_s, m_omics.value(u"access_key_id"_s).toString());
        env.insert(u"AWS_SECRET_ACCESS_KEY"_s, m_omics.value(u"secret_access_key"_s).toString());
        env.insert(u"AWS_REGION"_s, m_omics.value(u"region"_s).toString());
        env.insert(u"AWS_ENDPOINT_URL_OMICS"_s, m_omics.value(u"endpoint"_s).toString());
        request.environment = env;
        const Result<AwsSettings> settings = resolveAwsSettings(request);
        QVERIFY2(settings, qPrintable(settings.error().fullText()));
        const Result<OmicsConnection*> connection =
            OmicsConnection::create(settings.value(), &m_network, this);
        QVERIFY2(connection, qPrintable(connection.error().fullText()));
        m_connection = connection.value();
        m_api = std::make_unique<OmicsApi>(m_connection);
        const QString storeId =
            m_omics.value(u"sequence_stores"_s).toArray().first().toObject().value(u"id"_s).toString();
        const Result<SequenceStore> store = test::awaitJob(m_api->sequenceStore(storeId));
        QVERIFY2(store, qPrintable(store.error().fullText()));
        m_store = store.value();
        QCOMPARE(uploadsInProgress(), 0);
    }

    void pairedFastqIsOneReadSet()
    {
        const QString r1 = m_dir.filePath(u"NA12878_S1_L001_R1_001.fastq"_s);
        const QString r2 = m_dir.filePath(u"NA12878_S1_L001_R2_001.fastq"_s);
        QVERIFY(test::writeFile(r1, fastq(300, 1, 1)));
        QVERIFY(test::writeFile(r2, fastq(300, 2, 2)));
        auto dialog = makeDialog({r2, r1}); // the order given does not matter
        QVERIFY(dialog);
        ReadSetUploadModel* model = dialog->model();
        QCOMPARE(model->rowCount(), 1);
        const ReadSetUploadProposal& p = model->proposal(0);
        QCOMPARE(p.paths(), (QStringList{r1, r2}));
        QCOMPARE(p.fileType, u"FASTQ"_s);
        QCOMPARE(p.name, u"NA12878_S1_L001"_s);
        QCOMPARE(p.sampleId, u"NA12878"_s);
        QCOMPARE(p.subjectId, u"NA12878"_s);
        QCOMPARE(model->data(model->index(0, ReadSetUploadModel::Files)).toString(),
                 u"NA12878_S1_L001_R1_001.fastq + NA12878_S1_L001_R2_001.fastq"_s);
        auto* name = dialog->findChild<QLineEdit*>(u"nameEdit"_s);
        auto* reference = dialog->findChild<QComboBox*>(u"referenceCombo"_s);
        auto* upload = dialog->findChild<QPushButton*>(u"uploadButton"_s);
        QVERIFY(name && reference && upload);
        QCOMPARE(name->text(), u"NA12878_S1_L001"_s);
        QVERIFY(!reference->isVisible()); // no reference for FASTQ
        QVERIFY(upload->isEnabled());
        QVERIFY(dialog->blockingReason().isEmpty());
        screenshot(dialog.get(), u"omics-upload-fastq.png"_s);

        auto* description = dialog->findChild<QLineEdit*>(u"descriptionEdit"_s);
        auto* generatedFrom = dialog->findChild<QLineEdit*>(u"generatedFromEdit"_s);
        typeInto(generatedFrom, u"NovaSeq run 42"_s);
        typeInto(description, u"trio child, lane 1"_s);
        QCOMPARE(model->proposal(0).description, u"trio child, lane 1"_s);

        QSignalSpy requested(dialog.get(), &ReadSetUploadDialog::uploadsRequested);
        QTest::keyClick(description, Qt::Key_Return);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), u"sandbox"_s);
        const Uploads uploads = requested.first().at(1).value<Uploads>();
        QCOMPARE(uploads.size(), 1);
        const ReadSetUploadOptions& o = uploads.first();
        QCOMPARE(o.storeId, m_store.id);
        QCOMPARE(o.files, (QStringList{r1, r2}));
        QCOMPARE(o.fileType, u"FASTQ"_s);
        QCOMPARE(o.name, u"NA12878_S1_L001"_s);
        QCOMPARE(o.subjectId, u"NA12878"_s);
        QCOMPARE(o.sampleId, u"NA12878"_s);
        QCOMPARE(o.referenceArn, QString());
        QCOMPARE(o.description, u"trio child, lane 1"_s);
        QCOMPARE(o.generatedFrom, u"NovaSeq run 42"_s);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        uploadAndCheck(o, u"FASTQ"_s);
    }

    void droppedMateCompletesThePair()
    {
        const QString r1 = m_dir.filePath(u"drop/HG002_S7_R1.fastq"_s);
        const QString r2 = m_dir.filePath(u"drop/HG002_S7_R2.fastq"_s);
        QVERIFY(test::writeFile(r1, fastq(50, 3, 1)));
        QVERIFY(test::writeFile(r2, fastq(50, 4, 2)));
        auto dialog = makeDialog({r1});
        QVERIFY(dialog);
        QCOMPARE(dialog->model()->rowCount(), 1);
        QCOMPARE(dialog->model()->proposal(0).paths(), QStringList{r1});
        // A change the person made survives only where the read set stays the same; this one
        // becomes a pair, so the names are proposed afresh for the pair.
        auto* table = dialog->findChild<QTableView*>(u"proposalsTable"_s);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(r2)});
        const QPoint at = table->viewport()->rect().center();
        QDragEnterEvent enter(table->mapTo(dialog.get(), at), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(dialog.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(table->mapTo(dialog.get(), at)), Qt::CopyAction, &mime, Qt::LeftButton,
                        Qt::NoModifier);
        QCoreApplication::sendEvent(dialog.get(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(dialog->model()->rowCount(), 1);
        QCOMPARE(dialog->model()->proposal(0).paths(), (QStringList{r1, r2}));
        QCOMPARE(dialog->model()->proposal(0).sampleId, u"HG002"_s);
        // Delete on the table removes the selected read set; Upload then has nothing to send.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(dialog->model()->rowCount(), 0);
        QVERIFY(!dialog->findChild<QPushButton*>(u"uploadButton"_s)->isEnabled());
        QVERIFY(!dialog->findChild<QLabel*>(u"reasonLabel"_s)->text().isEmpty());
    }

    void unalignedBamHasNoReference()
    {
        const QString fq = m_dir.filePath(u"reads.fastq"_s);
        const QString ubam = m_dir.filePath(u"HG003.unmapped.bam"_s);
        QVERIFY(test::writeFile(fq, fastq(200, 5, 1)));
        QVERIFY(run(m_samtools, {u"import"_s, u"-0"_s, fq, u"-o"_s, ubam}));
        auto dialog = makeDialog({ubam});
        QVERIFY(dialog);
        QCOMPARE(dialog->model()->rowCount(), 1);
        QCOMPARE(dialog->model()->proposal(0).fileType, u"UBAM"_s);
        auto* type = dialog->findChild<QComboBox*>(u"fileTypeCombo"_s);
        QCOMPARE(type->currentText(), u"UBAM"_s);
        QVERIFY(!dialog->findChild<QComboBox*>(u"referenceCombo"_s)->isVisible());
        QVERIFY(dialog->findChild<QPushButton*>(u"uploadButton"_s)->isEnabled());
        // Declaring it BAM is refused: the bytes say it is unaligned.
        type->setFocus();
        QTest::keyClick(type, Qt::Key_Up); // UBAM → CRAM
        QTest::keyClick(type, Qt::Key_Up); // CRAM → BAM
        QCOMPARE(type->currentText(), u"BAM"_s);
        QVERIFY(!dialog->findChild<QPushButton*>(u"uploadButton"_s)->isEnabled());
        QVERIFY(dialog->findChild<QLabel*>(u"rowProblemsLabel"_s)->text().contains(u"UBAM"_s));
        QTest::keyClick(type, Qt::Key_Down);
        QTest::keyClick(type, Qt::Key_Down);
        QCOMPARE(type->currentText(), u"UBAM"_s);
        QVERIFY(dialog->findChild<QPushButton*>(u"uploadButton"_s)->isEnabled());

        QSignalSpy requested(dialog.get(), &ReadSetUploadDialog::uploadsRequested);
        auto* name = dialog->findChild<QLineEdit*>(u"nameEdit"_s);
        typeInto(name, u"HG003 unaligned"_s);
        QTest::keyClick(name, Qt::Key_Enter);
        QCOMPARE(requested.size(), 1);
        const ReadSetUploadOptions o = requested.first().at(1).value<Uploads>().first();
        QCOMPARE(o.fileType, u"UBAM"_s);
        QCOMPARE(o.name, u"HG003 unaligned"_s);
        QCOMPARE(o.sampleId, u"HG003"_s);
        QCOMPARE(o.referenceArn, QString());
        uploadAndCheck(o, u"UBAM"_s);
    }

    void alignedBamNeedsAReference()
    {
        const QString sam = m_dir.filePath(u"aligned.sam"_s);
        QVERIFY(test::writeFile(sam, "@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:chr1\tLN:1000\n"
                                     "r1\t0\tchr1\t1\t60\t4M\t*\t0\t0\tACGT\tIIII\n"));
        const QString bam = m_dir.filePath(u"NA24385.GRCh38.bam"_s);
        QVERIFY(run(m_samtools, {u"view"_s, u"-b"_s, u"-o"_s, bam, sam}));
        auto dialog = makeDialog({bam});
        QVERIFY(dialog);
        QCOMPARE(dialog->model()->proposal(0).fileType, u"BAM"_s);
        auto* reference = dialog->findChild<QComboBox*>(u"referenceCombo"_s);
        auto* upload = dialog->findChild<QPushButton*>(u"uploadButton"_s);
        auto* name = dialog->findChild<QLineEdit*>(u"nameEdit"_s);
        QVERIFY(reference->isVisible());
        QVERIFY(!upload->isEnabled());
        QVERIFY(dialog->findChild<QLabel*>(u"reasonLabel"_s)->text().contains(u"reference"_s));
        QVERIFY(dialog->findChild<QLabel*>(u"rowProblemsLabel"_s)->text().contains(u"reference"_s));
        QCOMPARE(dialog->model()->data(dialog->model()->index(0, ReadSetUploadModel::Problems)).toString(),
                 dialog->model()->proposal(0).problems().first());

        // Enter while something is wrong sends nothing and asks for nothing.
        QSignalSpy requested(dialog.get(), &ReadSetUploadDialog::uploadsRequested);
        name->setFocus();
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(requested.size(), 0);
        QVERIFY(dialog->isVisible());
        QCOMPARE(uploadsInProgress(), 0);

        // The references the store's read sets use are offered (the emulator's one reference).
        QTRY_VERIFY_WITH_TIMEOUT(dialog->knownReferences().contains(m_reference), test::kOmicsWaitMs);
        QVERIFY(reference->findText(m_reference) >= 0);
        // Something that is not an ARN is refused too.
        typeInto(reference->lineEdit(), u"GRCh38"_s);
        QVERIFY(!upload->isEnabled());
        QVERIFY(dialog->blockingReason().contains(u"GRCh38"_s));
        typeInto(reference->lineEdit(), m_reference);
        QVERIFY(upload->isEnabled());
        screenshot(dialog.get(), u"omics-upload-bam.png"_s);
        typeInto(name, u"NA24385 GRCh38"_s);
        typeInto(reference->lineEdit(), m_reference);
        QTest::keyClick(reference->lineEdit(), Qt::Key_Return); // Enter in the reference accepts too
        QCOMPARE(requested.size(), 1);
        const ReadSetUploadOptions o = requested.first().at(1).value<Uploads>().first();
        QCOMPARE(o.files, QStringList{bam});
        QCOMPARE(o.fileType, u"BAM"_s);
        QCOMPARE(o.referenceArn, m_reference);
        QCOMPARE(o.name, u"NA24385 GRCh38"_s);
        QCOMPARE(o.sampleId, u"NA24385"_s);
        uploadAndCheck(o, u"BAM"_s);
    }

    void notASequenceFileIsRefused()
    {
        const QString vcf = m_dir.filePath(u"calls.vcf"_s);
        QVERIFY(
            test::writeFile(vcf, "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"));
        auto dialog = makeDialog({vcf});
        QVERIFY(dialog);
        QCOMPARE(dialog->model()->rowCount(), 1);
        QVERIFY(!dialog->model()->proposal(0).problems().isEmpty());
        QVERIFY(!dialog->findChild<QPushButton*>(u"uploadButton"_s)->isEnabled());
        QVERIFY(dialog->blockingReason().contains(u"calls.vcf"_s));

        // Add Files… (Ctrl+O) and its file dialog, which does not block: a FASTQ joins.
        const QString reads = m_dir.filePath(u"more/HG004_S3_L002_R1_001.fastq.gz"_s);
        QVERIFY(QDir().mkpath(QFileInfo(reads).absolutePath()));
        QVERIFY(run(u"sh"_s, {u"-c"_s, u"printf '@r\nACGT\n+\nIIII\n' | gzip > '%1'"_s.arg(reads)}));
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        QTest::keyClick(dialog.get(), Qt::Key_O, Qt::ControlModifier);
        QFileDialog* files = nullptr;
        QTRY_VERIFY((files = dialog->findChild<QFileDialog*>(u"addFilesDialog"_s)) != nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(files));
        auto* fileName = files->findChild<QLineEdit*>(u"fileNameEdit"_s);
        QVERIFY(fileName);
        typeInto(fileName, reads);
        // The path completer's popup may take the first Return: Return until the dialog is gone.
        const QPointer<QFileDialog> chooser = files;
        for (int attempt = 0; attempt < 20 && chooser && chooser->isVisible(); ++attempt) {
            QWidget* target = fileName->completer() && fileName->completer()->popup()->isVisible()
                                  ? fileName->completer()->popup()
                                  : static_cast<QWidget*>(fileName);
            QTest::keyClick(target, Qt::Key_Return);
            QTest::qWait(100);
        }
        QTRY_COMPARE(dialog->model()->rowCount(), 2);
        QCOMPARE(dialog->model()->proposal(1).paths(), QStringList{reads});
        QCOMPARE(dialog->model()->proposal(1).fileType, u"FASTQ"_s);
        QCOMPARE(dialog->model()->proposal(1).sampleId, u"HG004"_s);
        QVERIFY(dialog->model()->proposal(1).notes().join(u' ').contains(u"HG004_S3_L002_R1_001.fastq.gz"_s));
        // Without the VCF (Delete on its row), the rest can go.
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        auto* table = dialog->findChild<QTableView*>(u"proposalsTable"_s);
        table->setFocus();
        table->selectRow(0);
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(dialog->model()->rowCount(), 1);
        QCOMPARE(dialog->model()->proposal(0).paths(), QStringList{reads});
        QVERIFY(dialog->findChild<QPushButton*>(u"uploadButton"_s)->isEnabled());
    }
};

QTEST_MAIN(TestOmicsUploadDialog)
#include "tst_omics_uploaddialog.moc"
