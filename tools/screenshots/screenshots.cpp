// bge-screenshots: the README's pictures of the main views, in one language per run, taken
// without a human: the app's own start-up controller on a fresh first run, the sandbox chosen
// on the profile page, the sign-in page approved through the sandbox's auto-approve parameter,
// a genomics and a metagenomics sample selected, each view grabbed to <output>/<view>-<lang>.png;
// then HealthOmics: the sandbox's emulator added as an account, its read sets, a paired FASTQ
// proposed and uploaded, an import job followed, an upload in progress started as a script would.
// Run through tools/screenshots/make-screenshots.sh (a private X server and keyring).
#include "abundance/abundanceview.h"
#include "abundance/comparisontablemodel.h"
#include "abundance/compositionpage.h"
#include "abundance/taxonprofiles.h"
#include "shell/mainwindow.h"
#include "shell/profilechooserpage.h"
#include "shell/sandboxlauncher.h"
#include "shell/startupcontroller.h"
#include "shell/translations.h"
#include "shell/workspace.h"

#include "omics/importjobmodel.h"
#include "omics/importjobsview.h"
#include "omics/omicsarea.h"
#include "omics/omicsworkspace.h"
#include "omics/readsetspanel.h"
#include "omics/readsettablemodel.h"
#include "omics/readsetuploaddialog.h"
#include "omics/sequencestoremodel.h"
#include "omics/startimportdialog.h"
#include "omics/storeuploadmodel.h"
#include "omics/storeuploadsview.h"
#include "samples/samplespanel.h"
#include "samples/sampletablemodel.h"
#include "transfers/transferspanel.h"

#include "omics/omicsconnection.h"
// (after omicsconnection.h: OmicsApi's QPointer needs the complete type)
#include "omics/omicsapi.h"
#include "transfer/transferqueue.h"

#include "credentials/credentialstore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <cstdio>

using namespace bge;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSettleMs = 2500; // lets a view load and paint what it asked the sandbox for

class Shooter final
{
public:
    Shooter(QString output, QString language) : m_output(std::move(output)), m_language(std::move(language))
    {
    }

    bool save(QWidget* window, const QString& view, bool fromScreen = false)
    {
        QTest::qWait(kSettleMs);
        // The sign-in page is drawn by Chromium through the GPU path: only the screen has it.
        const QPixmap shot = fromScreen ? window->screen()->grabWindow(window->winId()) : window->grab();
        const QString path = QDir(m_output).filePath(u"%1-%2.png"_s.arg(view, m_language));
        if (!shot.save(path)) {
            std::fprintf(stderr, "bge-screenshots: cannot write %s\n", qPrintable(path));
            return false;
        }
        std::printf("%s\n", qPrintable(path));
        return true;
    }

private:
    QString m_output;
    QString m_language;
};

bool fail(const char* what)
{
    std::fprintf(stderr, "bge-screenshots: %s\n", what);
    return false;
}

// The embedded page's web view, found by class name: this program does not link QtWebEngine
// (the app does not either; the sign-in plugin does).
QWidget* findWebView(QWidget* window)
{
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (w->isVisible() && w->inherits("QWebEngineView"))
            return w;
    }
    return nullptr;
}

// Selects the first sample whose id starts with `prefix` (E-B genomics, E-F metagenomics).
bool selectSample(Workspace* workspace, const QString& prefix)
{
    QAbstractItemView* table = workspace->samplesPanel()->view();
    const bool listed = QTest::qWaitFor([&] { return table->model()->rowCount() > 0; }, 60000);
    if (!listed)
        return fail("no sample listed");
    const QAbstractItemModel* model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->index(row, column).data().toString().startsWith(prefix)) {
                // As a click does: the row current and the only one selected.
                table->selectionModel()->setCurrentIndex(
                    model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                table->scrollTo(model->index(row, 0));
                return true;
            }
        }
    }
    return fail("no sample of the kind wanted");
}

// Adds `count` samples whose id starts with `prefix` to the selection, as Ctrl+click does.
bool selectMoreSamples(Workspace* workspace, const QString& prefix, int count)
{
    QAbstractItemView* table = workspace->samplesPanel()->view();
    const QAbstractItemModel* model = table->model();
    int added = 0;
    for (int row = 0; row < model->rowCount() && added < count; ++row) {
        const QModelIndex index = model->index(row, 0);
        if (!index.data().toString().startsWith(prefix) || table->selectionModel()->isRowSelected(row))
            continue;
        // Samples with results, so the pictures show figures.
        SamplesPanel* panel = workspace->samplesPanel();
        const QModelIndex source = panel->proxy()->mapToSource(index);
        if (panel->model()->sampleAt(source.row()).dataAvailability != true)
            continue;
        table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        ++added;
    }
    return added == count || fail("not enough samples of the kind wanted");
}

QWidget* findTopLevel(const QString& objectName)
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && w->objectName() == objectName)
            return w;
    }
    return nullptr;
}

// A small paired-end FASTQ, like a sequencer's R1/R2 files.
bool writeFastq(const QString& path, quint32 seed, int mate)
{
    QRandomGenerator random(seed);
    QByteArray out;
    for (int i = 0; i < 400; ++i) {
        out += "@A00123:8:HJKLMDSXY:2:1101:" + QByteArray::number(1000 + i) + ":1000 " + QByteArray::number(mate) +
               ":N:0:ACGTACGT\n";
        QByteArray seq(150, 'A');
        QByteArray qual(150, 'F');
        for (int k = 0; k < 150; ++k)
            seq[k] = "ACGT"[random.bounded(4)];
        out += seq + "\n+\n" + qual + '\n';
    }
    QFile file(path);
    return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly) &&
           file.write(out) == out.size();
}

bool takeOmicsScreenshots(StartupController& controller, Shooter& shooter, const QString& scratch)
{
    MainWindow* window = controller.window();
    const std::optional<SandboxInfo::Omics> emulator = controller.sandboxLauncher()->info().omics;
    if (!emulator)
        return fail("the sandbox runs no HealthOmics emulator");
    window->showOmicsAction()->trigger();
    OmicsArea* area = window->omicsArea();
    if (!area)
        return fail("no HealthOmics area");
    OmicsWorkspace* workspace = area->workspace();

    // The emulator the app started, added as a newcomer would: Add Account…, nothing typed, Save.
    auto* add = workspace->findChild<QPushButton*>(u"emptyAddAccountButton"_s);
    if (!add)
        return fail("the HealthOmics area has changed");
    shooter.save(window, u"omics-start"_s);
    add->click();
    QWidget* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = findTopLevel(u"omicsAccountDialog"_s)) != nullptr; }, 10000))
        return fail("the account dialog did not open");
    shooter.save(dialog, u"omics-account"_s);
    dialog->findChild<QPushButton*>(u"saveAccountButton"_s)->click();
    ReadSetsPanel* readSets = workspace->readSetsPanel();
    if (!QTest::qWaitFor([&] { return !workspace->currentStore().id.isEmpty() && readSets->model()->rowCount() > 0; },
                         60000))
        return fail("the emulator's read sets did not load");
    const QString store = workspace->currentStore().id;

    // A paired FASTQ dropped on the store: one read set proposed, then uploaded.
    const QString r1 = scratch + u"/run/NA12878_S1_L001_R1_001.fastq"_s;
    const QString r2 = scratch + u"/run/NA12878_S1_L001_R2_001.fastq"_s;
    if (!writeFastq(r1, 1, 1) || !writeFastq(r2, 2, 2))
        return fail("cannot write the demo reads");
    area->proposeUploads({QUrl::fromLocalFile(r1), QUrl::fromLocalFile(r2)});
    if (!QTest::qWaitFor([&] { return area->uploadDialog() && area->uploadDialog()->isVisible(); }, 10000))
        return fail("the read-set upload dialog did not open");
    ReadSetUploadDialog* upload = area->uploadDialog();
    if (!QTest::qWaitFor([&] { return upload->blockingReason().isEmpty(); }, 30000))
        return fail("the proposed read set is not accepted");
    shooter.save(upload, u"omics-upload"_s);
    upload->findChild<QPushButton*>(u"uploadButton"_s)->click();
    TransferQueue* queue = window->transfersPanel()->queue();
    QString readSetId;
    const auto uploaded = [queue, &readSetId] {
        for (int row = 0; row < queue->count(); ++row) {
            const TransferItem& item = queue->at(row);
            if (item.readSet && item.state == TransferState::Completed && item.readSet->status == u"ACTIVE")
                readSetId = item.readSet->readSetId;
        }
        return !readSetId.isEmpty();
    };
    if (!QTest::qWaitFor(uploaded, 120000))
        return fail("the read set did not become ACTIVE");
    QTest::qWait(kSettleMs); // the table reads the store again when the read set settles
    readSets->selectReadSet(readSetId);
    if (!QTest::qWaitFor([&] { return readSets->view()->currentIndex().isValid(); }, 30000))
        return fail("the uploaded read set is not in the table");
    shooter.save(window, u"omics-readsets"_s);

    // An import job from the emulator's S3: followed until it ends.
    omics::StartImportInput input;
    input.roleArn = emulator->importRoleArn;
    for (const auto& [uri, type] : emulator->s3Sources) {
        if (type == u"FASTQ" && input.sources.isEmpty()) {
            omics::ImportSourceInput source;
            source.source1 = uri;
            source.sourceFileType = type;
            source.subjectId = u"NA24385"_s;
            source.sampleId = u"NA24385-S1"_s;
            source.name = u"NA24385_S1_L001"_s;
            input.sources.append(source);
        } else if (type == u"FASTQ") {
            input.sources.first().source2 = uri;
        } else if (type == u"BAM" || type == u"CRAM") {
            omics::ImportSourceInput source;
            source.source1 = uri;
            source.sourceFileType = type;
            source.subjectId = u"NA24631"_s;
            source.sampleId = u"NA24631-S1"_s;
            source.name = QFileInfo(uri).completeBaseName();
            source.referenceArn = emulator->referenceArn;
            input.sources.append(source);
        }
    }
    omics::OmicsApi api(workspace->connection());
    QString jobId;
    api.startImportJob(store, input)->run(area, [&jobId](const Result<omics::ImportJobSummary>& r) {
        jobId = r ? r.value().id : u"-"_s;
    });
    if (!QTest::qWaitFor([&] { return !jobId.isEmpty(); }, 30000) || jobId == u"-")
        return fail("the import job did not start");
    ImportJobsView* imports = area->importJobsView();
    workspace->storeTabs()->setCurrentWidget(imports);
    imports->refresh(); // as F5 would: the job was started outside the view
    imports->followJob(jobId);
    if (!QTest::qWaitFor([&] { return imports->model()->rowCount() > 0 && !imports->model()->anyRunning(); }, 120000))
        return fail("the import job did not end");
    shooter.save(window, u"omics-imports"_s);

    // An upload in progress, started elsewhere (as `bge omics upload` on a server would).
    omics::CreateUploadInput created;
    created.sourceFileType = u"FASTQ"_s;
    created.subjectId = u"HG002"_s;
    created.sampleId = u"HG002-S7"_s;
    created.name = u"HG002_S7_L003"_s;
    bool started = false;
    api.createUpload(store, created)->run(area, [&started](const Result<omics::ReadSetUpload>&) { started = true; });
    if (!QTest::qWaitFor([&] { return started; }, 30000))
        return fail("the upload did not start");
    StoreUploadsView* uploads = area->uploadsView();
    workspace->storeTabs()->setCurrentWidget(uploads);
    uploads->refresh();
    if (!QTest::qWaitFor([&] { return uploads->model()->rowCount() > 0 && !uploads->isLoading(); }, 30000))
        return fail("the upload in progress is not listed");
    shooter.save(window, u"omics-uploads"_s);
    workspace->storeTabs()->setCurrentIndex(0);
    window->showPlatformAction()->trigger();
    return true;
}

bool takeScreenshots(StartupController& controller, Shooter& shooter)
{
    MainWindow* window = controller.window();
    window->resize(1280, 800);
    controller.start();
    if (!QTest::qWaitForWindowExposed(window))
        return fail("the window did not show");

    // First run: the profile choice; then the offline demo, as a newcomer would.
    ProfileChooserPage* chooser = controller.profileChooser();
    if (window->currentPage() != chooser)
        return fail("a first run did not start on the profile choice");
    chooser->findChild<QRadioButton*>(u"sandboxProfile"_s)->setChecked(true);
    shooter.save(window, u"profiles"_s);
    chooser->findChild<QPushButton*>(u"continueButton"_s)->click();

    // The platform's sign-in page, inside the window; approve it with the sandbox's parameter.
    QWidget* web = nullptr;
    if (!QTest::qWaitFor([&] { return (web = findWebView(window)) != nullptr; }, 120000))
        return fail("the sign-in page did not appear (is the bge_signin_webengine plugin built?)");
    if (!QTest::qWaitFor([&] { return web->property("url").toUrl().path().endsWith(u"/authorize"_s); },
                         60000))
        return fail("the sign-in page did not load the authorization URL");
    shooter.save(window, u"signin"_s, true);
    QUrl url = web->property("url").toUrl();
    QUrlQuery query(url);
    query.addQueryItem(controller.sandboxLauncher()->info().autoApproveParameter, u"zhanglei3"_s);
    url.setQuery(query);
    web->setProperty("url", url);

    if (!QTest::qWaitFor([&] { return window->workspace() != nullptr; }, 120000))
        return fail("the sign-in did not complete");
    Workspace* workspace = window->workspace();
    QTabWidget* tabs = workspace->tabs();

    if (!selectSample(workspace, u"E-B"_s))
        return false;
    const QStringList genomicsViews{u"details"_s, u"variants"_s, u"abundance"_s, u"models"_s};
    tabs->setCurrentIndex(0);
    shooter.save(window, u"samples"_s);
    // Variants: a few well-known rsids looked up, the first call selected.
    tabs->setCurrentIndex(1);
    auto* rsids = workspace->findChild<QPlainTextEdit*>(u"rsidEdit"_s);
    auto* variants = workspace->findChild<QTableView*>(u"variantTable"_s);
    if (!rsids || !variants)
        return fail("the variants view has changed");
    rsids->setPlainText(u"rs762551, rs4988235 rs671 rs1229984 rs1801133 rs713598 rs12913832 rs1815739"_s);
    workspace->findChild<QPushButton*>(u"lookUpButton"_s)->click();
    if (!QTest::qWaitFor([&] { return variants->model()->rowCount() > 0; }, 60000))
        return fail("no variant came back");
    variants->setCurrentIndex(variants->model()->index(0, 0));
    shooter.save(window, genomicsViews.at(1));
    // Models: the caffeine metabolism model run on the sample.
    tabs->setCurrentIndex(3);
    auto* modelId = workspace->findChild<QComboBox*>(u"modelIdBox"_s);
    auto* message = workspace->findChild<QWidget*>(u"modelMessage"_s);
    if (!modelId || !message)
        return fail("the models view has changed");
    modelId->setEditText(u"Cf7nR2aLpQ0xW4e"_s);
    workspace->findChild<QPushButton*>(u"runButton"_s)->click();
    if (!QTest::qWaitFor([&] { return !message->property("text").toString().isEmpty(); }, 60000))
        return fail("the model gave no answer");
    QTest::qWait(300); // the chart's first paint
    shooter.save(window, genomicsViews.at(3));
    // Three genomics samples compared at the nutrigenomic markers: one click on the panel.
    if (!selectMoreSamples(workspace, u"E-B"_s, 2))
        return false;
    tabs->setCurrentIndex(1);
    auto* panels = workspace->findChild<QComboBox*>(u"panelCombo"_s);
    auto* lookUpPanel = workspace->findChild<QPushButton*>(u"lookUpPanelButton"_s);
    auto* genotypes = workspace->findChild<QTableView*>(u"comparisonTable"_s);
    if (!panels || !lookUpPanel || !genotypes)
        return fail("the variants view's panels have changed");
    panels->setCurrentIndex(panels->count() > 1 ? 1 : 0);
    lookUpPanel->click();
    if (!QTest::qWaitFor(
            [&] {
                const QAbstractItemModel* m = genotypes->model();
                return m->rowCount() == 3 && !m->index(2, 1).data().toString().isEmpty();
            },
            60000))
        return fail("the genotypes of the selected samples did not come");
    QTest::qWait(200);
    shooter.save(window, u"genotypes"_s);
    if (!selectSample(workspace, u"E-F"_s))
        return false;
    tabs->setCurrentIndex(0);
    shooter.save(window, u"details"_s);
    tabs->setCurrentIndex(2); // abundance: a metagenomics sample
    shooter.save(window, u"abundance"_s);
    // Four metagenomics samples compared: the Composition tab comes forward by itself.
    if (!selectMoreSamples(workspace, u"E-F"_s, 3))
        return false;
    CompositionPage* composition = workspace->abundanceView()->compositionPage();
    if (!QTest::qWaitFor(
            [&] { return !composition->profiles()->isBusy() && composition->model()->rowCount() > 0; },
            60000))
        return fail("the composition of the selected samples did not come");
    QTest::qWait(300); // the chart's first paint
    shooter.save(window, u"composition"_s);
    return true;
}

} // namespace

// Fusion's colours in a dark session, as a desktop with a dark theme hands them to Qt.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xc4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x45));
    return p;
}

int main(int argc, char* argv[])
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    // No GPU in the private X server.
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-dev-shm-usage");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"BGE"_s);
    QApplication::setApplicationName(u"BGE Desktop"_s);
    QApplication::setApplicationVersion(QStringLiteral(BGE_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/app/bge-desktop.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Screenshots of BGE Desktop's main views against the offline sandbox."_s);
    parser.addHelpOption();
    const QCommandLineOption language(u"language"_s, u"Interface language (en, zh_CN)."_s, u"code"_s,
                                      u"en"_s);
    const QCommandLineOption output(u"output"_s, u"Folder for the PNG files."_s, u"dir"_s,
                                    u"docs/screenshots"_s);
    const QCommandLineOption sandbox(u"sandbox"_s, u"The bge-sandbox program."_s, u"path"_s,
                                     SandboxLauncher::defaultProgram());
    const QCommandLineOption dark(u"dark"_s, u"A dark palette, to check the views in a dark session."_s);
    parser.addOptions({language, output, sandbox, dark});
    parser.process(app);
    if (parser.isSet(dark))
        QApplication::setPalette(darkPalette());

    installTranslations(parser.value(language));
    if (!QDir().mkpath(parser.value(output)))
        return 1;

    // A first run: settings and sandbox data of its own, nothing of the user's touched.
    QTemporaryDir scratch;
    QSettings settings(scratch.filePath(u"settings.ini"_s), QSettings::IniFormat);
    const auto credentials = bge::createSystemCredentialStore(u"BGE Desktop screenshots"_s);
    StartupController controller(&settings, credentials.get(), {});
    controller.sandboxLauncher()->setProgram(parser.value(sandbox));
    controller.sandboxLauncher()->setDataDirectory(scratch.filePath(u"sandbox"_s));
    Shooter shooter(parser.value(output), parser.value(language));

    const bool ok = takeScreenshots(controller, shooter) &&
                    takeOmicsScreenshots(controller, shooter, scratch.filePath(u"omics"_s));
    controller.window()->close();
    // The sandbox is stopped (or killed by the controller's destructor at the latest).
    (void)QTest::qWaitFor(
        [&] { return controller.sandboxLauncher()->state() == SandboxLauncher::State::NotRunning; }, 10000);
    return ok ? 0 : 1;
}
