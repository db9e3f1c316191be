// Issue 14, finding 8: the desktop app in sandbox mode, signed in once, starts again (a new
// sandbox process on the same data folder) straight onto the sample table, without the sign-in
// page: after a normal quit, and after the app and its sandbox were killed.
#include "shell/mainwindow.h"
#include "shell/sandboxlauncher.h"
#include "shell/startupcontroller.h"
#include "shell/workspace.h"

#include "samples/samplespanel.h"

#include "common/sandboxprocess.h"
#include "coretestsupport.h"
#include "signintestsupport.h"

#include "credentials/memorycredentialstore.h"

#include <QApplication>
#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

// Notices whenever the browser sign-in page (the one without the WebEngine plugin) is shown.
class SignInPageWatcher final : public QObject
{
public:
    int shown = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show && watched->objectName() == u"openInBrowserButton")
            ++shown;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestRestartSilent final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_noPlugins; // the system-browser sign-in: no WebEngine needed
    bge::MemoryCredentialStore m_credentials; // the keychain, across the app's runs
    bge::test::BrowserStandIn m_browser;
    SignInPageWatcher m_watcher;

    struct Run
    {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<StartupController> controller;
        std::optional<bge::User> user;
    };

    // One start of `bge-desktop --sandbox`, with the same settings, keychain and sandbox data.
    std::unique_ptr<Run> startApp()
    {
        auto run = std::make_unique<Run>();
        run->settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        run->controller = std::make_unique<StartupController>(run->settings.get(), &m_credentials,
                                                              StartupController::Options{.profile = {}, .sandbox = true});
        SandboxLauncher* launcher = run->controller->sandboxLauncher();
        launcher->setProgram(bge::test::SandboxProcess::executable());
        launcher->setDataDirectory(m_dir.filePath(u"sandbox"_s));
        Run* r = run.get();
        connect(run->controller.get(), &StartupController::signedIn, this, [r](const bge::User& u) { r->user = u; });
        run->controller->start();
        return run;
    }

    // Signed in and on the user's samples, read from the sandbox.
    static bool onSampleTable(Run& run)
    {
        MainWindow* window = run.controller->window();
        return run.user && window->workspace() && window->currentPage() == window->areas()
               && window->areas()->currentWidget() == window->workspace()
               && window->workspace()->samplesPanel()->proxy()->rowCount() > 0;
    }

    static void quit(Run& run)
    {
        QSignalSpy finished(run.controller.get(), &StartupController::finished);
        run.controller->window()->close();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(run.controller->sandboxLauncher()->state(), SandboxLauncher::State::NotRunning);
    }

    void expectSilentStart()
    {
        const int pagesBefore = m_watcher.shown;
        const qsizetype browserBefore = m_browser.opened.size();
        auto run = startApp();
        QTRY_VERIFY_WITH_TIMEOUT(onSampleTable(*run), 120000);
        QCOMPARE(run->user->username, u"zhanglei3"_s);
        QCOMPARE(m_watcher.shown, pagesBefore);       // no sign-in page
        QCOMPARE(m_browser.opened.size(), browserBefore); // and no browser
        m_last = std::move(run);
    }

    std::unique_ptr<Run> m_last;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_noPlugins.isValid());
        qputenv("BGE_PLUGIN_PATH", QFile::encodeName(m_noPlugins.path()));
        QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "openUrl");
        qApp->installEventFilter(&m_watcher);
    }
    void cleanupTestCase()
    {
        m_last.reset();
        qApp->removeEventFilter(&m_watcher);
        QDesktopServices::unsetUrlHandler(u"http"_s);
    }

    // The first start ever: the sign-in page, the user signs in in the browser, the samples.
    void firstStartSignsIn()
    {
        auto run = startApp();
        QPushButton* open = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((open = run->controller->window()->findChild<QPushButton*>(u"openInBrowserButton"_s))
                                     && open->isVisible(),
                                 120000);
        QCOMPARE(m_watcher.shown, 1);
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(m_browser.opened.size(), 1);

        QNetworkAccessManager browser;
        const bge::test::AuthorizationRedirect approved = bge::test::autoApprove(
            browser, m_browser.opened.first(), run->controller->sandboxLauncher()->info().autoApproveParameter,
            u"zhanglei3"_s);
        QCOMPARE(approved.status, 302);
        int status = 0;
        bge::test::fetch(browser, approved.location, &status);
        QCOMPARE(status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(onSampleTable(*run), 60000);
        quit(*run);
    }

    // Quit, started again: a new sandbox on the same data knows the stored session.
    void secondStartIsSilent()
    {
        expectSilentStart();
        quit(*m_last);
        m_last.reset();
    }

    // Killed rather than quit (the app, and with it its sandbox, by SIGKILL): silent too.
    void startAfterAKillIsSilent()
    {
        expectSilentStart();
        // What a killed app leaves: nothing shut down, the sandbox child killed (the launcher's
        // destructor sends SIGKILL, as the kernel does through PR_SET_PDEATHSIG when the app dies).
        m_last.reset();
        expectSilentStart();
        quit(*m_last);
        m_last.reset();
    }
};

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    TestRestartSilent test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_restart_silent.moc"
