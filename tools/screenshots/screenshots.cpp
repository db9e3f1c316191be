// bge-screenshots: the README's pictures of the main views, in one language per run, taken
// without a human: the app's own start-up controller on a fresh first run, the sandbox chosen
// on the profile page, the sign-in page approved through the sandbox's auto-approve parameter,
// a genomics and a metagenomics sample selected, each view grabbed to <output>/<view>-<lang>.png.
// Run through tools/screenshots/make-screenshots.sh (a private X server and keyring).
#include "shell/mainwindow.h"
#include "shell/profilechooserpage.h"
#include "shell/sandboxlauncher.h"
#include "shell/startupcontroller.h"
#include "shell/translations.h"
#include "shell/workspace.h"

#include "samples/samplespanel.h"

#include "credentials/credentialstore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSettings>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <cstdio>

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
    QAbstractItemView* table = nullptr;
    const bool listed = QTest::qWaitFor(
        [&] {
            for (auto* view : workspace->samplesPanel()->findChildren<QAbstractItemView*>()) {
                if (view->model() && view->model()->rowCount() > 0)
                    table = view;
            }
            return table != nullptr;
        },
        60000);
    if (!listed)
        return fail("no sample listed");
    const QAbstractItemModel* model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->index(row, column).data().toString().startsWith(prefix)) {
                table->setCurrentIndex(model->index(row, 0));
                table->scrollTo(model->index(row, 0));
                return true;
            }
        }
    }
    return fail("no sample of the kind wanted");
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
    if (!selectSample(workspace, u"E-F"_s))
        return false;
    tabs->setCurrentIndex(0);
    shooter.save(window, u"details"_s);
    tabs->setCurrentIndex(2); // abundance: a metagenomics sample
    shooter.save(window, u"abundance"_s);
    return true;
}

} // namespace

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
    parser.addOptions({language, output, sandbox});
    parser.process(app);

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

    const bool ok = takeScreenshots(controller, shooter);
    controller.window()->close();
    // The sandbox is stopped (or killed by the controller's destructor at the latest).
    (void)QTest::qWaitFor(
        [&] { return controller.sandboxLauncher()->state() == SandboxLauncher::State::NotRunning; }, 10000);
    return ok ? 0 : 1;
}
