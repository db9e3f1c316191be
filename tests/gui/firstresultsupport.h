#pragma once

// What the first-result benchmark (bench_first_result) and the two programs it starts for each
// run (firstresult_signin, firstresult_restart) share: the keychain they meet in, the process
// set-up of bge-desktop's main(), and a wait that takes timestamps as precisely as the app sees
// its events.

#include "auth/sessionstore.h"
#include "credentials/credentialstore.h"
#include "net/environmentproxyfactory.h"
#include "shell/mainwindow.h"
#include "shell/startupcontroller.h"
#include "signin/account.h"
#include "signin/embeddedbrowsersetup.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <memory>

namespace bge::test::firstresult {

using namespace Qt::StringLiterals;

// The keychain service the runs share: the bench stores a profile's client secret there, the
// first sign-in its session, the later starts find it.
inline QString keychainService()
{
    return u"BGE Desktop Bench"_s;
}

// What bge-desktop's main() does before the application object exists (app/bge-desktop).
inline void prepareLikeTheApp()
{
    bge::ui::prepareProcessForEmbeddedBrowser();
    bge::net::useSystemProxies();
}

// A run that went wrong: says so on stderr for the bench, and the exit code to return.
inline int failRun(const char* program, const QString& why)
{
    QTextStream(stderr) << program << ": " << why << Qt::endl;
    return 1;
}

// The longest a run waits for anything (Chromium's start on a loaded machine included).
constexpr int kRunTimeoutMs = 120000;

// Runs the event loop until `done()` holds (checked every 2 ms) or `timeoutMs` has passed;
// whether it held. Unlike QTest::qWaitFor, which naps 10 ms between rounds of events, the loop
// waits for events: the handlers that take this benchmark's timestamps run when the app would.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setTimerType(Qt::PreciseTimer);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(2);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

inline double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// One line of results for the bench, "key=value …", flushed at once.
inline void printResult(const QString& line)
{
    QTextStream out(stdout);
    out << line << Qt::endl;
}

// The app as bge-desktop builds it, on a profile of the settings file the bench wrote, with the
// keychain the runs share; its window at 1280×800. Not started: the run starts it when its
// clock runs.
struct AppOnProfile
{
    AppOnProfile(const QString& settingsFile, const QString& profile)
        : settings(settingsFile, QSettings::IniFormat),
          credentials(createSystemCredentialStore(keychainService())),
          controller(&settings, credentials.get(),
                     bge::ui::StartupController::Options{.profile = profile, .sandbox = false})
    {
        controller.window()->resize(1280, 800);
    }

    QSettings settings;
    std::unique_ptr<CredentialStore> credentials;
    bge::ui::StartupController controller;
};

// Quits as a person does, the session kept for the next start: once the keychain has the
// session (the renewed one, after a renewal), the window is closed and the app finishes. An
// empty string, or what went wrong.
inline QString quitKeepingTheSession(bge::ui::StartupController& controller)
{
    bge::ui::Account* account = controller.account();
    if (!account ||
        !waitUntil([account] { return account->sessionStore().pendingWrites() == 0; }, kRunTimeoutMs))
        return u"the session was not stored"_s;
    bool finished = false;
    QObject::connect(&controller, &bge::ui::StartupController::finished, &controller,
                     [&finished] { finished = true; });
    controller.window()->close();
    if (!waitUntil([&finished] { return finished; }, kRunTimeoutMs))
        return u"the app did not finish after its window was closed"_s;
    return {};
}

} // namespace bge::test::firstresult
