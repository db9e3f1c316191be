#include "shell/busypage.h"
#include "shell/mainwindow.h"
#include "shell/preferences.h"
#include "shell/problempage.h"
#include "shell/profilechooserpage.h"
#include "shell/sandboxlauncher.h"
#include "shell/startupcontroller.h"

#include "common/sandboxprocess.h"

#include "credentials/credentialstore.h"
#include "credentials/memorycredentialstore.h"
#include "profiles/profilestore.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bge::ui;
using namespace Qt::StringLiterals;

// The start-up controller without the sign-in itself (its own suites and the desktop end-to-end
// test cover that): which page a start lands on, the sandbox profile and its demo secret,
// problems with Retry, and a shut-down that leaves no sandbox behind.
class TestStartup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_run = 0;

    struct Run
    {
        std::unique_ptr<QSettings> settings;
        bge::MemoryCredentialStore credentials;
        std::unique_ptr<StartupController> controller;
    };

    std::unique_ptr<Run> makeRun(StartupController::Options options, const QString& sandboxProgram = {})
    {
        auto run = std::make_unique<Run>();
        const QString dir = m_dir.filePath(QString::number(++m_run));
        run->settings = std::make_unique<QSettings>(dir + u"/settings.ini"_s, QSettings::IniFormat);
        run->controller =
            std::make_unique<StartupController>(run->settings.get(), &run->credentials, options);
        SandboxLauncher* launcher = run->controller->sandboxLauncher();
        launcher->setProgram(sandboxProgram.isEmpty() ? bge::test::SandboxProcess::executable()
                                                      : sandboxProgram);
        launcher->setDataDirectory(dir + u"/sandbox"_s);
        return run;
    }

    static QString readSecret(bge::CredentialStore& store, const QString& key)
    {
        std::optional<QString> secret;
        QObject context;
        store.read(key, &context,
                   [&secret](const bge::CredentialStore::Outcome& outcome) { secret = outcome.secret; });
        if (!QTest::qWaitFor([&secret] { return secret.has_value(); }, 10000))
            return u"(no answer)"_s;
        return *secret;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void firstRunShowsTheProfileChoice()
    {
        auto run = makeRun({});
        run->controller->start();
        MainWindow* window = run->controller->window();
        QVERIFY(window->isVisible());
        QCOMPARE(window->currentPage(), run->controller->profileChooser());
        QVERIFY(
            !run->controller->profileChooser()->findChild<QLabel*>(u"profileMessage"_s)->isVisibleTo(window));
    }

    void unknownProfileIsSaidOnTheChoicePage()
    {
        auto run = makeRun({.profile = u"nowhere"_s});
        run->controller->start();
        QCOMPARE(run->controller->window()->currentPage(), run->controller->profileChooser());
        auto* message = run->controller->profileChooser()->findChild<QLabel*>(u"profileMessage"_s);
        QVERIFY(message->text().contains(u"nowhere"_s));
    }

    void choosingAProfileRemembersIt()
    {
        auto run = makeRun({});
        run->controller->start();
        ProfileChooserPage* chooser = run->controller->profileChooser();
        chooser->findChild<QLineEdit*>(u"clientId"_s)->setText(u"my-app"_s);
        chooser->findChild<QPushButton*>(u"continueButton"_s)->click();
        QCOMPARE(run->controller->profile().name, u"main"_s);
        QCOMPARE(Preferences(run->settings.get()).lastProfile(), u"main"_s);
        const auto stored = bge::ProfileStore(run->settings.get()).load(u"main"_s);
        QVERIFY(stored);
        QCOMPARE(stored->clientId, u"my-app"_s);
        QVERIFY(run->controller->account());
        // The command line's default profile is left to the command line.
        QCOMPARE(bge::ProfileStore(run->settings.get()).defaultName(), QString());
    }

    void sandboxStartsWithTheDemoClient()
    {
        auto run = makeRun({.profile = {}, .sandbox = true});
        SandboxLauncher* launcher = run->controller->sandboxLauncher();
        QSignalSpy ready(launcher, &SandboxLauncher::ready);
        run->controller->start();
        // The window is there at once; the sandbox starts behind it.
        auto* busy = run->controller->window()->findChild<BusyPage*>();
        QCOMPARE(run->controller->window()->currentPage(), busy);
        QVERIFY(busy->text().contains(u"sandbox"_s));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);

        // The sandbox profile points at this sandbox, as the demo desktop client…
        QTRY_VERIFY_WITH_TIMEOUT(run->controller->account(), 10000);
        const bge::Profile& profile = run->controller->profile();
        QCOMPARE(profile.kind, bge::Profile::Kind::Sandbox);
        QCOMPARE(profile.endpoint, launcher->info().apiEndpoint);
        QCOMPARE(profile.clientId, u"bge-desktop-demo"_s);
        const auto stored = bge::ProfileStore(run->settings.get()).load(u"sandbox"_s);
        QVERIFY(stored);
        QCOMPARE(stored->endpoint, launcher->info().apiEndpoint);
        QCOMPARE(Preferences(run->settings.get()).lastProfile(), u"sandbox"_s);
        // …whose secret is in the keychain, where the sign-in reads it.
        const QString expected = launcher->info().client(u"bge-desktop-demo"_s)->secret;
        QTRY_COMPARE_WITH_TIMEOUT(readSecret(run->credentials, bge::clientSecretKey(u"sandbox"_s)), expected,
                                  10000);

        // Closing the window stops the sandbox before the app may quit.
        QSignalSpy finished(run->controller.get(), &StartupController::finished);
        run->controller->window()->close();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(launcher->state(), SandboxLauncher::State::NotRunning);
    }

    void lastSandboxProfileStartsTheSandboxAgain()
    {
        auto run = makeRun({});
        bge::Profile sandbox;
        sandbox.kind = bge::Profile::Kind::Sandbox;
        sandbox.name = u"sandbox"_s;
        sandbox.endpoint = QUrl(u"http://127.0.0.1:1"_s); // an earlier run's: void now
        bge::ProfileStore(run->settings.get()).save(sandbox);
        Preferences(run->settings.get()).setLastProfile(u"sandbox"_s);
        QSignalSpy ready(run->controller->sandboxLauncher(), &SandboxLauncher::ready);
        run->controller->start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QVERIFY(run->controller->profile().endpoint != sandbox.endpoint);
    }

    void sandboxThatCannotStartOffersRetry()
    {
        const QString broken = m_dir.filePath(u"broken-sandbox"_s);
        QFile script(broken);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho 'bge-sandbox: the data directory cannot be written' >&2\nexit 1\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        auto run = makeRun({.profile = {}, .sandbox = true}, broken);
        run->controller->start();
        auto* problem = run->controller->window()->findChild<ProblemPage*>();
        QTRY_COMPARE_WITH_TIMEOUT(run->controller->window()->currentPage(), problem, 30000);
        QVERIFY2(problem->message().contains(u"cannot be written"_s), qPrintable(problem->message()));
        auto* retry = problem->findChild<QPushButton*>(u"retryButton"_s);
        QVERIFY(retry->isVisibleTo(problem));

        // Retry with a working sandbox this time.
        run->controller->sandboxLauncher()->setProgram(bge::test::SandboxProcess::executable());
        QSignalSpy ready(run->controller->sandboxLauncher(), &SandboxLauncher::ready);
        retry->click();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);

        // "Choose another profile" leads back to the choice.
        run->controller->window()->switchProfileAction()->trigger();
        QCOMPARE(run->controller->window()->currentPage(), run->controller->profileChooser());
    }

    void cancelWhileStartingGoesBack()
    {
        const QString slow = m_dir.filePath(u"slow-sandbox"_s);
        QFile script(slow);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nsleep 30\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        auto run = makeRun({.profile = {}, .sandbox = true}, slow);
        run->controller->start();
        auto* busy = run->controller->window()->findChild<BusyPage*>();
        QCOMPARE(run->controller->window()->currentPage(), busy);
        busy->findChild<QPushButton*>(u"cancelButton"_s)->click();
        QCOMPARE(run->controller->window()->currentPage(), run->controller->profileChooser());
        QTRY_COMPARE_WITH_TIMEOUT(run->controller->sandboxLauncher()->state(),
                                  SandboxLauncher::State::NotRunning, 30000);
    }
};

// Once the sandbox runs, the real sign-in flow shows the platform's page: QtWebEngine wants
// OpenGL contexts shared before the application exists, and no GPU in the private X server.
int main(int argc, char* argv[])
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --disable-dev-shm-usage");
    QApplication app(argc, argv);
    TestStartup test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_startup.moc"
