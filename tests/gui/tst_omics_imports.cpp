// Import jobs and multipart uploads in progress against the HealthOmics emulator of a real
// bge-sandbox: an import job started through the dialog (typed with real key events) appears,
// follows itself to COMPLETED and lists the read sets it made; a bad source ends FAILED with
// its message shown; a manifest file fills the form; an upload started elsewhere is listed with
// its parts and aborted after a confirmation answered from the keyboard.
#include "common/sandboxprocess.h"
#include "omics/omicstestsupport.h"

#include "common/errorbanner.h"
#include "omics/importjobdetail.h"
#include "omics/importjobmodel.h"
#include "omics/importjobsourcemodel.h"
#include "omics/importjobsview.h"
#include "omics/importsourcecheck.h"
#include "omics/importsourcesmodel.h"
#include "omics/startimportdialog.h"
#include "omics/storeuploadmodel.h"
#include "omics/storeuploadsview.h"

#include "omics/awssettings.h"
#include "omics/omicsapi.h"
#include "omics/omicsconnection.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bge;
using namespace bge::omics;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

void typeInto(QWidget* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void checkModel(QObject* model)
{
    new QAbstractItemModelTester(qobject_cast<QAbstractItemModel*>(model),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, model);
}

} // namespace

class TestOmicsImports final : public QObject
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
    QString m_role;
    QMap<QString, QString> m_sources; // file type → an S3 URI the emulator can import
    OmicsConnection* m_connection = nullptr;
    std::unique_ptr<OmicsApi> m_api;

    std::unique_ptr<ImportJobsView> makeView()
    {
        auto view = std::make_unique<ImportJobsView>(m_api.get(), m_store, m_role);
        view->setObjectName(u"importJobsView"_s);
        checkModel(view->model());
        checkModel(view->detail()->model());
        view->setPollIntervalMs(500); // the emulator's jobs take seconds, not minutes
        view->resize(1280, 800);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return {};
        return view;
    }

    // A click on Start Import…, or Ctrl+I in the view.
    StartImportDialog* openDialog(ImportJobsView* view, bool keyboard = false)
    {
        if (keyboard) {
            view->activateWindow();
            if (!QTest::qWaitForWindowActive(view))
                return nullptr;
            view->view()->setFocus();
            QTest::keyClick(view->view(), Qt::Key_I, Qt::ControlModifier);
        } else {
            QTest::mouseClick(view->findChild<QPushButton*>(u"startImportJobButton"_s), Qt::LeftButton);
        }
        StartImportDialog* dialog = view->startDialog();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        checkModel(dialog->model());
        return dialog;
    }

    void screenshot(QWidget* widget, const QString& name)
    {
        widget->resize(1280, 800);
        QCoreApplication::processEvents();
        const QString folder = qEnvironmentVariable("BGE_SCREENSHOT_DIR", m_dir.path());
        QVERIFY(widget->grab().save(QDir(folder).filePath(name)));
    }

    // Waits for the view to have the job, finished, and returns its row.
    int waitForEnd(ImportJobsView* view, const QString& jobId)
    {
        int row = -1;
        const bool ended = QTest::qWaitFor(
            [&] {
                row = view->model()->rowOf(jobId);
                return row >= 0 && ImportJobStatus::isTerminal(view->model()->job(row).status) &&
                       view->detail()->job() &&
                       ImportJobStatus::isTerminal(view->detail()->job()->summary.status);
            },
            test::kOmicsWaitMs);
        return ended ? row : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"BGE-tests"_s);
        QCoreApplication::setApplicationName(u"tst_omics_imports"_s);
        QSettings().clear();
        QVERIFY(m_dir.isValid() && m_data.isValid());
        QVERIFY2(m_sandbox.start({u"--data-dir"_s, m_data.path(), u"--omics-processing-ms"_s, u"2000"_s}),
                 qPrintable(m_sandbox.errorOutput()));
        m_omics = m_sandbox.description().value(u"omics"_s).toObject();
        m_reference = m_omics.value(u"reference_arn"_s).toString();
        m_role = m_omics.value(u"import_role_arn"_s).toString();
        m_store = m_omics.value(u"sequence_stores"_s).toArray().first().toObject().value(u"id"_s).toString();
        for (const QJsonValue& s : m_omics.value(u"s3_sources"_s).toArray())
            m_sources.insert(s.toObject().value(u"file_type"_s).toString(),
                             s.toObject().value(u"uri"_s).toString());
        QVERIFY(m_sources.contains(u"FASTQ"_s) && m_sources.contains(u"BAM"_s));
        QVERIFY(!m_role.isEmpty() && !m_reference.isEmpty());

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
    }

    void importFollowedToCompleted()
    {
        auto view = makeView();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), test::kOmicsWaitMs);
        const int before = view->model()->rowCount();
        QVERIFY(!view->isPolling()); // nothing runs: nothing is asked again

        StartImportDialog* dialog = openDialog(view.get());
        QVERIFY(dialog);
        auto* role = dialog->findChild<QLineEdit*>(u"roleEdit"_s);
        QCOMPARE(role->text(), m_role); // the default, nothing used before
        QCOMPARE(dialog->model()->rowCount(), 1);
        auto* start = dialog->findChild<QPushButton*>(u"startImportButton"_s);
        auto* uri1 = dialog->findChild<QLineEdit*>(u"uri1Edit"_s);
        auto* subject = dialog->findChild<QLineEdit*>(u"importSubjectEdit"_s);
        auto* sample = dialog->findChild<QLineEdit*>(u"importSampleEdit"_s);
        auto* name = dialog->findChild<QLineEdit*>(u"importNameEdit"_s);
        auto* type = dialog->findChild<QComboBox*>(u"sourceTypeCombo"_s);
        auto* reference = dialog->findChild<QComboBox*>(u"importReferenceCombo"_s);
        QVERIFY(uri1 && subject && sample && name && type && reference && start);
        QVERIFY(!start->isEnabled());

        // Source 1: FASTQ (the default type).
        QCOMPARE(type->currentText(), u"FASTQ"_s);
        typeInto(uri1, u"s3://Not A Bucket/x"_s);
        QVERIFY(dialog->blockingReason().contains(u"S3 URI"_s));
        typeInto(uri1, m_sources.value(u"FASTQ"_s));
        typeInto(subject, u"NA12878"_s);
        typeInto(sample, u"NA12878-fastq"_s);
        typeInto(name, u"imported fastq"_s);
        QVERIFY2(start->isEnabled(), qPrintable(dialog->blockingReason()));

        // Source 2: BAM, which needs its reference.
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"addSourceButton"_s), Qt::LeftButton);
        QCOMPARE(dialog->model()->rowCount(), 2);
        QVERIFY(!start->isEnabled());
        type->setFocus();
        QTest::keyClick(type, Qt::Key_Down); // FASTQ → BAM
        QCOMPARE(type->currentText(), u"BAM"_s);
        typeInto(uri1, m_sources.value(u"BAM"_s));
        typeInto(subject, u"NA12878"_s);
        typeInto(sample, u"NA12878-bam"_s);
        typeInto(name, u"imported bam"_s);
        QVERIFY(!start->isEnabled());
        QVERIFY(dialog->blockingReason().contains(u"reference"_s));
        QVERIFY(dialog->findChild<QLabel*>(u"sourceProblemsLabel"_s)->text().contains(u"reference"_s));
        typeInto(reference->lineEdit(), m_reference);
        QVERIFY2(start->isEnabled(), qPrintable(dialog->blockingReason()));
        QCOMPARE(dialog->model()->source(1).referenceArn, m_reference);
        QCOMPARE(dialog->model()->source(0).sampleId, u"NA12878-fastq"_s);
        screenshot(dialog, u"omics-start-import.png"_s);

        QTest::keyClick(name, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!view->startDialog(), test::kOmicsWaitMs); // accepted and closed
        QCOMPARE(view->model()->rowCount(), before + 1);
        QCOMPARE(StartImportDialog::lastRoleArn(), m_role);
        const QString jobId = view->detail()->jobId(); // the new job is followed
        QVERIFY(!jobId.isEmpty());
        QVERIFY(view->isPolling());
        // Out of sight, nothing is asked; back on screen, it catches up and goes on.
        view->hide();
        QVERIFY(!view->isPolling());
        view->show();
        QVERIFY(view->isPolling());
        const int row = waitForEnd(view.get(), jobId);
        QVERIFY(row >= 0);
        QCOMPARE(view->model()->job(row).status, u"COMPLETED"_s);
        QVERIFY(view->model()->job(row).completionTime.isValid());
        QTRY_VERIFY(!view->isPolling()); // nothing runs any more

        // The detail is what GetReadSetImportJob says, with the read sets made.
        const Result<ImportJob> job = test::awaitJob(m_api->importJob(m_store, jobId));
        QVERIFY2(job, qPrintable(job.error().fullText()));
        ImportJobSourceModel* sources = view->detail()->model();
        QCOMPARE(sources->rowCount(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(sources->source(i).status, u"FINISHED"_s);
            QVERIFY(!sources->source(i).readSetId.isEmpty());
            QCOMPARE(sources->source(i).readSetId, job.value().sources.at(i).readSetId);
            QCOMPARE(sources->data(sources->index(i, ImportJobSourceModel::ReadSet)).toString(),
                     sources->source(i).readSetId);
        }
        QCOMPARE(sources->data(sources->index(0, ImportJobSourceModel::Name)).toString(),
                 u"imported fastq"_s);
        QCOMPARE(sources->data(sources->index(1, ImportJobSourceModel::Status)).toString(), u"Finished"_s);

        // Show Read Set hands the read set over; it is the one the job made.
        QSignalSpy activated(view.get(), &ImportJobsView::readSetActivated);
        auto* results = view->detail()->view();
        results->setFocus();
        results->selectRow(1);
        QTest::mouseClick(view->findChild<QPushButton*>(u"showReadSetButton"_s), Qt::LeftButton);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), m_store);
        const QString readSetId = activated.first().at(1).toString();
        QCOMPARE(readSetId, sources->source(1).readSetId);
        const Result<ReadSetMetadata> readSet = test::awaitJob(m_api->readSetMetadata(m_store, readSetId));
        QVERIFY2(readSet, qPrintable(readSet.error().fullText()));
        QCOMPARE(readSet.value().readSet.name, u"imported bam"_s);
        QCOMPARE(readSet.value().readSet.referenceArn, m_reference);
        // Enter on a row does the same.
        QTest::keyClick(results, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        screenshot(view.get(), u"omics-import-jobs.png"_s);
    }

    void badSourceFails()
    {
        auto view = makeView();
        QVERIFY(view);
        StartImportDialog* dialog = openDialog(view.get(), true);
        QVERIFY(dialog);
        const QString bucket = QUrl(m_sources.value(u"FASTQ"_s)).host();
        const QString missing = u"s3://%1/nowhere/missing_R1.fastq.gz"_s.arg(bucket);
        typeInto(dialog->findChild<QLineEdit*>(u"uri1Edit"_s), missing);
        typeInto(dialog->findChild<QLineEdit*>(u"importSubjectEdit"_s), u"ghost"_s);
        auto* sample = dialog->findChild<QLineEdit*>(u"importSampleEdit"_s);
        typeInto(sample, u"ghost-1"_s);
        QTest::keyClick(sample, Qt::Key_Enter);
        QTRY_VERIFY_WITH_TIMEOUT(!view->startDialog(), test::kOmicsWaitMs);
        const QString jobId = view->detail()->jobId();
        QVERIFY(!jobId.isEmpty());
        const int row = waitForEnd(view.get(), jobId);
        QVERIFY(row >= 0);
        QCOMPARE(view->model()->job(row).status, u"FAILED"_s);
        QCOMPARE(view->model()->data(view->model()->index(row, ImportJobModel::Status)).toString(),
                 u"Failed"_s);
        auto* message = view->findChild<QLabel*>(u"importJobMessage"_s);
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), view->detail()->job()->statusMessage);
        QVERIFY(!message->text().isEmpty());
        ImportJobSourceModel* sources = view->detail()->model();
        QCOMPARE(sources->rowCount(), 1);
        QCOMPARE(sources->source(0).status, u"FAILED"_s);
        const QString why = sources->data(sources->index(0, ImportJobSourceModel::Message)).toString();
        QVERIFY2(why.contains(missing) && why.contains(u"does not exist"_s), qPrintable(why));
        QVERIFY(sources->source(0).readSetId.isEmpty());
        QCOMPARE(view->findChild<QLabel*>(u"sourceMessageLabel"_s)->text(), why); // in full, not cut
        QVERIFY(!view->findChild<QPushButton*>(u"showReadSetButton"_s)->isEnabled());
        screenshot(view.get(), u"omics-import-failed.png"_s);
    }

    void manifestFillsTheForm()
    {
        auto view = makeView();
        QVERIFY(view);
        StartImportDialog* dialog = openDialog(view.get());
        QVERIFY(dialog);
        // The role last used comes back.
        QCOMPARE(dialog->findChild<QLineEdit*>(u"roleEdit"_s)->text(), m_role);

        const QString bad = m_dir.filePath(u"bad.json"_s);
        QVERIFY(test::writeFile(bad, R"({"sources": "nope"})"));
        QVERIFY(!dialog->loadManifest(bad));
        QVERIFY(dialog->findChild<ErrorBanner*>()->isVisible());
        QVERIFY(dialog->findChild<ErrorBanner*>()->text().contains(u"sources"_s));
        QCOMPARE(dialog->model()->rowCount(), 1);

        const QJsonObject manifest{
            {u"roleArn"_s, m_role},
            {u"sources"_s,
             QJsonArray{
                 QJsonObject{{u"sourceFiles"_s, QJsonObject{{u"source1"_s, m_sources.value(u"FASTQ"_s)}}},
                             {u"sourceFileType"_s, u"FASTQ"_s},
                             {u"subjectId"_s, u"HG002"_s},
                             {u"sampleId"_s, u"HG002-a"_s},
                             {u"name"_s, u"from manifest"_s}},
                 QJsonObject{{u"sourceFiles"_s, QJsonObject{{u"source1"_s, m_sources.value(u"BAM"_s)}}},
                             {u"sourceFileType"_s, u"BAM"_s},
                             {u"subjectId"_s, u"HG002"_s},
                             {u"sampleId"_s, u"HG002-b"_s},
                             {u"referenceArn"_s, m_reference},
                             {u"description"_s, u"aligned"_s}}}}};
        const QString path = m_dir.filePath(u"manifest.json"_s);
        QVERIFY(test::writeFile(path, QJsonDocument(manifest).toJson()));
        // Through the button and its (non-blocking) file dialog, as a person would.
        dialog->findChild<QPushButton*>(u"loadManifestButton"_s)->setFocus();
        QTest::keyClick(dialog, Qt::Key_O, Qt::ControlModifier);
        QFileDialog* files = nullptr;
        QTRY_VERIFY((files = dialog->findChild<QFileDialog*>(u"manifestFileDialog"_s)) != nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(files));
        auto* fileName = files->findChild<QLineEdit*>(u"fileNameEdit"_s);
        QVERIFY(fileName);
        typeInto(fileName, path);
        // The path completer's popup may open under the typing and take the first Return (it
        // completes to the same path): Return again until the file dialog is gone.
        const QPointer<QFileDialog> chooser = files;
        for (int attempt = 0; attempt < 20 && chooser && chooser->isVisible(); ++attempt) {
            QWidget* target = fileName->completer() && fileName->completer()->popup()->isVisible()
                                  ? fileName->completer()->popup()
                                  : static_cast<QWidget*>(fileName);
            QTest::keyClick(target, Qt::Key_Return);
            QTest::qWait(100);
        }
        QTRY_COMPARE(dialog->model()->rowCount(), 2);
        QVERIFY(!dialog->findChild<ErrorBanner*>()->isVisible());
        QCOMPARE(dialog->model()->source(0).name, u"from manifest"_s);
        QCOMPARE(dialog->model()->source(1).referenceArn, m_reference);
        QCOMPARE(dialog->model()->source(1).description, u"aligned"_s);
        QCOMPARE(dialog->findChild<QLineEdit*>(u"uri1Edit"_s)->text(), m_sources.value(u"FASTQ"_s));
        QCOMPARE(dialog->findChild<QLineEdit*>(u"importSampleEdit"_s)->text(), u"HG002-a"_s);
        QVERIFY(dialog->findChild<QPushButton*>(u"startImportButton"_s)->isEnabled());
        // Delete on the table removes the selected source.
        auto* table = dialog->findChild<QTableView*>(u"importSourcesTable"_s);
        dialog->activateWindow(); // no window manager under Xvfb gives it back after the file dialog
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        table->setFocus();
        table->selectRow(1);
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(dialog->model()->rowCount(), 1);
        QCOMPARE(dialog->model()->source(0).sampleId, u"HG002-a"_s);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!view->startDialog());
    }

    void refusalsShownInTheViews()
    {
        const QString unknownStore = u"9999999999"_s;
        StoreUploadsView uploads(m_api.get(), unknownStore);
        checkModel(uploads.model());
        ImportJobsView jobs(m_api.get(), unknownStore, m_role);
        checkModel(jobs.model());
        uploads.show();
        jobs.show();
        QTRY_VERIFY_WITH_TIMEOUT(!uploads.isLoading() && !jobs.isLoading(), test::kOmicsWaitMs);
        for (QWidget* view : {static_cast<QWidget*>(&uploads), static_cast<QWidget*>(&jobs)}) {
            auto* banner = view->findChild<ErrorBanner*>(QString(), Qt::FindDirectChildrenOnly);
            QVERIFY(banner && banner->isVisible());
            QVERIFY2(banner->text().contains(u"sequence store %1 does not exist"_s.arg(unknownStore)),
                     qPrintable(banner->text()));
            QVERIFY(!banner->canRetry()); // a refusal, not worth asking again
        }
        QCOMPARE(uploads.model()->rowCount(), 0);
        QCOMPARE(jobs.model()->rowCount(), 0);
        QVERIFY(!jobs.isPolling());

        // The workspace selects a store that exists: the same views show it, the banners go.
        uploads.setStore(m_store);
        jobs.setStore(m_store);
        QTRY_VERIFY_WITH_TIMEOUT(!uploads.isLoading() && !jobs.isLoading(), test::kOmicsWaitMs);
        for (QWidget* view : {static_cast<QWidget*>(&uploads), static_cast<QWidget*>(&jobs)})
            QVERIFY(!view->findChild<ErrorBanner*>(QString(), Qt::FindDirectChildrenOnly)->isVisible());
        const Result<OmicsPage<ImportJobSummary>> listed = test::awaitJob(m_api->listImportJobs(m_store));
        QVERIFY2(listed, qPrintable(listed.error().fullText()));
        QCOMPARE(jobs.model()->rowCount(), listed.value().items.size());
        QVERIFY(jobs.model()->rowCount() >= 2); // the two jobs of the tests before
        for (const ImportJobSummary& j : listed.value().items) {
            const int row = jobs.model()->rowOf(j.id);
            QVERIFY(row >= 0);
            QCOMPARE(jobs.model()->job(row).status, j.status);
        }
    }

    void hostileManifestsAreRefused()
    {
        QVERIFY(parseImportManifest("not json").error.contains(u"not JSON"_s));
        QVERIFY(!parseImportManifest("[]").error.isEmpty()); // no source
        QJsonArray many;
        for (int i = 0; i < 101; ++i)
            many.append(QJsonObject{{u"sourceFileType"_s, u"FASTQ"_s}});
        QVERIFY(parseImportManifest(QJsonDocument(many).toJson()).error.contains(u"101"_s));
        QVERIFY(parseImportManifest("[1, 2]").error.contains(u"Source 1"_s));
        const ImportManifest wrongType = parseImportManifest(R"([{"subjectId": 7}])");
        QVERIFY(wrongType.error.contains(u"subjectId"_s));
        QVERIFY(wrongType.sources.isEmpty());
        // A manifest that parses is still checked field by field before anything is sent.
        const ImportManifest parsed =
            parseImportManifest("{\"sources\": [{\"sourceFiles\": {\"source1\": \"s3://b-1/x.bam\", "
                                "\"source2\": \"s3://b-1/y.bam\"}, "
                                "\"sourceFileType\": \"BAM\", \"subjectId\": \"s\", \"sampleId\": \"t\"}]}");
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.sources.size(), 1);
        const QStringList problems = importSourceProblems(parsed.sources.first());
        QVERIFY2(problems.join(u' ').contains(u"URI 2"_s), qPrintable(problems.join(u' ')));
        QVERIFY2(problems.join(u' ').contains(u"reference"_s), qPrintable(problems.join(u' ')));
        QVERIFY(!importRoleProblem(u"role/HealthOmics"_s).isEmpty());
        QVERIFY(importRoleProblem(m_role).isEmpty());
    }

    void uploadStartedElsewhereIsAborted()
    {
        StoreUploadsView view(m_api.get(), m_store);
        checkModel(view.model());
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), test::kOmicsWaitMs);
        const int before = view.model()->rowCount();

        CreateUploadInput input;
        input.sourceFileType = u"FASTQ"_s;
        input.subjectId = u"NA12878"_s;
        input.sampleId = u"NA12878"_s;
        input.name = u"started by another program"_s;
        const Result<ReadSetUpload> created = test::awaitJob(m_api->createUpload(m_store, input));
        QVERIFY2(created, qPrintable(created.error().fullText()));
        const QString uploadId = created.value().uploadId;
        const QByteArray part = "@r1\nACGT\n+\nIIII\n";
        const Result<UploadedPart> sent =
            test::awaitJob(m_api->uploadPart(m_store, uploadId, u"SOURCE1"_s, 1, part));
        QVERIFY2(sent, qPrintable(sent.error().fullText()));
        // Paired FASTQ: the parts of read 2 count too.
        const Result<UploadedPart> mate =
            test::awaitJob(m_api->uploadPart(m_store, uploadId, u"SOURCE2"_s, 1, part));
        QVERIFY2(mate, qPrintable(mate.error().fullText()));

        // Started by another program: F5 in the view brings it.
        QCOMPARE(view.model()->rowOf(uploadId), -1);
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.view()->setFocus();
        QTest::keyClick(view.view(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOf(uploadId) >= 0, test::kOmicsWaitMs);
        QCOMPARE(view.model()->rowCount(), before + 1);
        const int row = view.model()->rowOf(uploadId);
        StoreUploadModel* model = view.model();
        QCOMPARE(model->data(model->index(row, StoreUploadModel::Name)).toString(), input.name);
        QCOMPARE(model->data(model->index(row, StoreUploadModel::Type)).toString(), u"FASTQ"_s);
        QCOMPARE(model->data(model->index(row, StoreUploadModel::UploadId)).toString(), uploadId);
        QCOMPARE(model->data(model->index(row, StoreUploadModel::Age)).toString(), u"just now"_s);
        QCOMPARE(
            model->data(model->index(row, StoreUploadModel::Age), StoreUploadModel::SortRole).toDateTime(),
            created.value().creationTime);
        QTRY_VERIFY_WITH_TIMEOUT(model->parts(view.model()->rowOf(uploadId)).has_value(), test::kOmicsWaitMs);
        QCOMPARE(*model->parts(view.model()->rowOf(uploadId)), 2);
        QCOMPARE(StoreUploadModel::age(created.value().creationTime,
                                       created.value().creationTime.addSecs(12 * 60)),
                 u"12 min ago"_s);
        screenshot(&view, u"omics-store-uploads.png"_s);

        // Select it (a click on its row), Delete, then Escape: nothing is aborted.
        QTableView* table = view.view();
        auto proxyRowOf = [&](const QString& id) {
            for (int r = 0; r < table->model()->rowCount(); ++r) {
                if (table->model()->index(r, StoreUploadModel::UploadId).data().toString() == id)
                    return r;
            }
            return -1;
        };
        auto proxyRow = [&] { return proxyRowOf(uploadId); };
        QVERIFY(proxyRow() >= 0);
        const QRect cell = table->visualRect(table->model()->index(proxyRow(), StoreUploadModel::Name));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::keyClick(table, Qt::Key_Delete);
        QMessageBox* box = view.confirmation();
        QVERIFY(box);
        QVERIFY(QTest::qWaitForWindowExposed(box));
        QVERIFY(box->text().contains(input.name));
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!view.confirmation());
        const Result<OmicsPage<ReadSetUpload>> still = test::awaitJob(m_api->listUploads(m_store));
        QVERIFY(still && std::any_of(still.value().items.cbegin(), still.value().items.cend(),
                                     [&](const ReadSetUpload& u) { return u.uploadId == uploadId; }));
        QVERIFY(view.model()->rowOf(uploadId) >= 0);

        // Again, and this time the Abort button, reached and pressed from the keyboard.
        QSignalSpy aborted(&view, &StoreUploadsView::uploadAborted);
        view.activateWindow(); // no window manager under Xvfb gives it back after the box
        QVERIFY(QTest::qWaitForWindowActive(&view));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        box = view.confirmation();
        QVERIFY(box);
        QVERIFY(QTest::qWaitForWindowExposed(box));
        auto* abortButton = box->findChild<QPushButton*>(u"confirmAbortButton"_s);
        QVERIFY(abortButton);
        QVERIFY(!abortButton->isDefault()); // Enter keeps the upload
        abortButton->setFocus();
        QTest::keyClick(abortButton, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(aborted.size(), 1, test::kOmicsWaitMs);
        QCOMPARE(aborted.first().at(0).toString(), uploadId);
        QCOMPARE(view.model()->rowOf(uploadId), -1);
        const Result<OmicsPage<ReadSetUpload>> after = test::awaitJob(m_api->listUploads(m_store));
        QVERIFY2(after, qPrintable(after.error().fullText()));
        QVERIFY(std::none_of(after.value().items.cbegin(), after.value().items.cend(),
                             [&](const ReadSetUpload& u) { return u.uploadId == uploadId; }));

        // Aborted elsewhere while listed here: aborting it again is what was asked for, the row
        // goes and no problem is reported.
        input.name = u"aborted by another program"_s;
        const Result<ReadSetUpload> other = test::awaitJob(m_api->createUpload(m_store, input));
        QVERIFY2(other, qPrintable(other.error().fullText()));
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOf(other.value().uploadId) >= 0, test::kOmicsWaitMs);
        QVERIFY(test::awaitJob(m_api->abortUpload(m_store, other.value().uploadId)));
        table->selectRow(proxyRowOf(other.value().uploadId));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        box = view.confirmation();
        QVERIFY(box);
        abortButton = box->findChild<QPushButton*>(u"confirmAbortButton"_s);
        abortButton->setFocus();
        QTest::keyClick(abortButton, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(aborted.size(), 2, test::kOmicsWaitMs);
        QCOMPARE(view.model()->rowOf(other.value().uploadId), -1);
        QVERIFY(!view.findChild<ErrorBanner*>(QString(), Qt::FindDirectChildrenOnly)->isVisible());
    }
};

QTEST_MAIN(TestOmicsImports)
#include "tst_omics_imports.moc"
