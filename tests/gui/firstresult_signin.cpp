// One first sign-in, as a person meets it, in a process of its own so that Chromium starts cold
// as it does on a first start (bench_first_result starts this program once per run).
//
// The app's start-up controller opens a profile whose session is not stored (the bench stored
// its client secret, as an earlier setup would have). From the flow's start to the sign-in page
// ready to type into: the page has loaded, the window's keyboard focus is in the page and the
// page's own focus is in its user-name field. Then the person types the user name, Tab, the
// password and Return; the run counts only when that signs them in (the keyboard really was in
// the field). The session is kept in the keychain for the later starts the bench measures next.
//
//   firstresult_signin SETTINGS_INI PROFILE USERNAME PASSWORD
// prints: signin_ready_ms=<flow start to ready> browser_ms=<to the browser widget made>
//         loaded_ms=<to the page loaded> signed_in_ms=<Return to signed in> user=<name>
//         longest_stall_ms=<the longest the window could not answer until ready>
// or, on stderr, what went wrong (exit code 1).
#include "common/stallmeter.h"
#include "firstresultsupport.h"

#include "api/records/user.h"
#include "auth/sessionstore.h"
#include "shell/mainwindow.h"
#include "shell/startupcontroller.h"
#include "signin/account.h"

#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <optional>

using namespace bge;
using namespace bge::test;
using namespace bge::test::firstresult;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

// Where a person's keys go: the widget Chromium draws into.
QWidget* keyTarget(QWebEngineView* view)
{
    return view->focusProxy() ? view->focusProxy() : view;
}

// Watches for the moment the sign-in page is ready to type into. Asks the page every few
// milliseconds, one question at a time, where its focus is; the answer's arrival is the moment.
class ReadyWatch final : public QObject
{
public:
    ReadyWatch(MainWindow* window, QElapsedTimer flow) : m_window(window), m_flow(flow)
    {
        m_poll.setTimerType(Qt::PreciseTimer);
        connect(&m_poll, &QTimer::timeout, this, &ReadyWatch::ask);
        m_poll.start(4);
    }

    std::optional<double> readyMs;
    std::optional<double> viewMs;   // the browser widget exists: the plugin and Chromium are up
    std::optional<double> loadedMs; // the page says it has loaded
    QPointer<QWebEngineView> view;

private:
    void ask()
    {
        if (readyMs)
            return;
        // The private X server has no window manager: the window can lose the X input focus
        // when Chromium's widget appears in it, where a desktop keeps it on the window the
        // person is using. Given back as a window manager would.
        if (!m_window->isActiveWindow()) {
            m_window->activateWindow();
            return;
        }
        if (m_asking)
            return;
        if (!view && (view = m_window->findChild<QWebEngineView*>())) {
            viewMs = msSince(m_flow);
            connect(view, &QWebEngineView::loadFinished, this, [this](bool ok) {
                if (ok && !loadedMs)
                    loadedMs = msSince(m_flow);
            });
        }
        if (!view || !view->isVisible() || QApplication::focusWidget() != keyTarget(view))
            return;
        m_asking = true;
        QPointer<ReadyWatch> self(this);
        view->page()->runJavaScript(u"document.activeElement ? document.activeElement.id : ''"_s,
                                    [self](const QVariant& id) {
                                        if (!self)
                                            return;
                                        self->m_asking = false;
                                        if (id.toString() == u"username"_s && self->view &&
                                            QApplication::focusWidget() == keyTarget(self->view)) {
                                            self->readyMs = msSince(self->m_flow);
                                            self->m_poll.stop();
                                        }
                                    });
    }

    MainWindow* m_window;
    QElapsedTimer m_flow;
    QTimer m_poll;
    bool m_asking = false;
};

} // namespace

int main(int argc, char* argv[])
{
    prepareLikeTheApp();
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() != 5)
        return failRun("firstresult_signin",
                       u"usage: firstresult_signin SETTINGS_INI PROFILE USERNAME PASSWORD"_s);
    const QString username = args.at(3);

    AppOnProfile desktop(args.at(1), args.at(2));
    StartupController& controller = desktop.controller;
    std::optional<User> user;
    QObject::connect(&controller, &StartupController::signedIn, &app, [&user](const User& u) { user = u; });

    QElapsedTimer flow;
    StallMeter stalls;
    stalls.start();
    flow.start();
    controller.start();
    ReadyWatch ready(controller.window(), flow);
    if (!waitUntil([&] { return ready.readyMs.has_value(); }, kRunTimeoutMs)) {
        QWidget* page = controller.window()->currentPage();
        return failRun(
            "firstresult_signin",
            u"the sign-in page was not ready to type into after %1 s (page %2, view %3, focus in %4)"_s
                .arg(kRunTimeoutMs / 1000)
                .arg(page ? QString::fromLatin1(page->metaObject()->className()) : u"none"_s)
                .arg(ready.view ? (ready.view->isVisible() ? u"shown"_s : u"hidden"_s) : u"none"_s)
                .arg(QApplication::focusWidget()
                         ? QString::fromLatin1(QApplication::focusWidget()->metaObject()->className())
                         : u"nothing"_s));
    }

    const double stallMs = stalls.stop();

    // The person types at once; Chromium takes the keys in order.
    QWidget* keys = keyTarget(ready.view);
    QTest::keyClicks(keys, username);
    QTest::keyClick(keys, Qt::Key_Tab);
    QTest::keyClicks(keys, args.at(4));
    QElapsedTimer sinceReturn;
    sinceReturn.start();
    QTest::keyClick(keys, Qt::Key_Return);
    if (!waitUntil([&] { return user.has_value(); }, kRunTimeoutMs))
        return failRun("firstresult_signin", u"typing into the page did not sign in"_s);
    const double signedInMs = msSince(sinceReturn);
    if (user->username != username)
        return failRun("firstresult_signin", u"signed in as %1, not %2"_s.arg(user->username, username));

    if (const QString problem = quitKeepingTheSession(controller); !problem.isEmpty())
        return failRun("firstresult_signin", problem);

    printResult(u"signin_ready_ms=%1 browser_ms=%2 loaded_ms=%3 signed_in_ms=%4 user=%5 longest_stall_ms=%6"_s
                    .arg(*ready.readyMs, 0, 'f', 1)
                    .arg(ready.viewMs.value_or(-1), 0, 'f', 1)
                    .arg(ready.loadedMs.value_or(-1), 0, 'f', 1)
                    .arg(signedInMs, 0, 'f', 1)
                    .arg(user->username)
                    .arg(stallMs, 0, 'f', 0));
    return 0;
}
