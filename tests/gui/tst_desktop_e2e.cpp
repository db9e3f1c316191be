#include "shell/accountbutton.h"
#include "shell/mainwindow.h"
#include "shell/sandboxlauncher.h"
#include "shell/startupcontroller.h"
#include "shell/workspace.h"

#include "samples/samplespanel.h"

#include "common/sandboxprocess.h"

#include "api/records/user.h"
#include "credentials/credentialstore.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace bge::ui;
using namespace Qt::StringLiterals;

// What a newcomer's `make run` does, in-process: the app with --sandbox starts the offline
// sandbox, shows the platform's sign-in page inside the window, the user signs in there (the
// test types into the sandbox's form and approves), and the workspace opens for that user.
class TestDesktopEndToEnd : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // Fills the sandbox's authorization form (form#authorize, inputs username/password) and
    // approves, once the page has loaded it. Returns whether the form was there.
    static void submitSandboxForm(QWebEnginePage* page, bool* submitted)
    {
        static const QString script = uR"JS(
            (function () {
                var form = document.getElementById('authorize');
                if (!form) return false;
                document.getElementById('username').value = 'zhanglei3';
                document.getElementById('password').value = 'bge-sandbox';
                document.getElementById('approve').click();
                return true;
            })())JS"_s;
        page->runJavaScript(script, [submitted](const QVariant& result) { *submitted = result.toBool(); });
    }

private Q_SLOTS:
    void initTestCase()
    {
#ifndef BGE_HAVE_SIGNIN_PLUGIN
        QSKIP("The embedded sign-in page (the bge_signin_webengine plugin) is not built in this tree.");
#endif
        QVERIFY(m_dir.isValid());
    }

    void sandboxSignInThroughTheEmbeddedPage()
    {
        QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        const auto credentials = bge::createSystemCredentialStore(u"BGE Desktop end-to-end test"_s);
        StartupController controller(&settings, credentials.get(), {.profile = {}, .sandbox = true});
        controller.sandboxLauncher()->setProgram(bge::test::SandboxProcess::executable());
        controller.sandboxLauncher()->setDataDirectory(m_dir.filePath(u"sandbox"_s));
        std::optional<bge::User> user;
        connect(&controller, &StartupController::signedIn, this, [&user](const bge::User& u) { user = u; });
        controller.start();
        MainWindow* window = controller.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // The sign-in page appears inside the main window.
        QWebEngineView* view = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((view = window->findChild<QWebEngineView*>()) && view->isVisible(), 120000);
        QCOMPARE(view->window(), window);

        // Type the demo user's name and password into the platform's form, and approve.
        bool submitted = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (!submitted)
                    submitSandboxForm(view->page(), &submitted);
                return submitted;
            }(),
            60000);

        QTRY_VERIFY_WITH_TIMEOUT(user.has_value(), 60000);
        QCOMPARE(user->username, u"zhanglei3"_s);
        QVERIFY(window->workspace());
        QCOMPARE(window->currentPage(), window->areas());
        QCOMPARE(window->areas()->currentWidget(), window->workspace());
        QCOMPARE(window->accountButton()->text(), u"张磊"_s);
        QCOMPARE(window->workspace()->tabs()->count(), 4);

        // ...and lands on the signed-in user's samples, read from the sandbox's API.
        SamplesPanel* samples = window->workspace()->samplesPanel();
        QTRY_VERIFY_WITH_TIMEOUT(samples->proxy()->rowCount() > 0, 60000);
        const QString firstId = samples->proxy()->index(0, 0).data(Qt::DisplayRole).toString();
        QVERIFY2(firstId.startsWith(u"E-"_s), qPrintable(firstId));

        // Quitting stops the sandbox the app started.
        QSignalSpy finished(&controller, &StartupController::finished);
        window->close();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(controller.sandboxLauncher()->state(), SandboxLauncher::State::NotRunning);
    }
};

// QtWebEngine shares OpenGL contexts with the widgets: set before the application exists, as
// bge-desktop's main() does.
int main(int argc, char* argv[])
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    // No GPU in the private X server.
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-dev-shm-usage");
    QApplication app(argc, argv);
    TestDesktopEndToEnd test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_desktop_e2e.moc"
