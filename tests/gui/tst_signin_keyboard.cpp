// The sign-in page as a person uses it, in the whole app (start-up controller, main window,
// its own sandbox) at 1280×800: the cursor is in the user name when the page shows, the form is
// typed in with real key events and Return approves; a real click on Deny keeps the profile's
// sign-in page and says what happened, and "Sign In Again" (with the keyboard) brings the form
// back. Once signed in, the samples are listed and the window title names the application once.
//
// With BGE_SHOTS_DIR set, the suite also saves what the screen showed (the form with the cursor
// in it, the declined message) there, in the language of BGE_SHOTS_LANGUAGE (en by default;
// the catalogue bge_<language>.qm from BGE_SHOTS_QM_DIR).
#include "signinpagescript.h"
#include "signintestsupport.h"

#include "samples/samplespanel.h"
#include "shell/mainwindow.h"
#include "shell/sandboxlauncher.h"
#include "shell/startupcontroller.h"
#include "shell/translations.h"
#include "shell/workspace.h"
#include "signin/authorizationrefusalpanel.h"
#include "signin/signinpage.h"

#include <QDir>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QWebEngineView>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

const QString kAppName = u"BGE Desktop"_s;
constexpr int kStartMs = 120000; // the app starts its own sandbox, then Chromium

// The title the X server has for `window` (_NET_WM_NAME, what a window manager shows), or a
// null string when xprop (x11-utils) is not installed.
QString titleOnScreen(QWidget* window)
{
    const QString xprop = QStandardPaths::findExecutable(u"xprop"_s);
    if (xprop.isEmpty())
        return {};
    QProcess process;
    process.start(xprop, {u"-id"_s, QString::number(window->winId()), u"_NET_WM_NAME"_s});
    if (!process.waitForFinished(kWaitMs))
        return {};
    // _NET_WM_NAME(UTF8_STRING) = "张磊 — BGE Desktop"
    const QString line = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    const qsizetype open = line.indexOf(u'"');
    return open < 0 ? line : line.mid(open + 1).chopped(1);
}

} // namespace

class TestSignInKeyboard final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<StartupController> m_controller;
    std::optional<User> m_user;

    MainWindow* window() const { return m_controller->window(); }

    // The view of the sign-in page on show, once its form is there.
    QWebEngineView* formOnScreen()
    {
        QWebEngineView* view = nullptr;
        if (!QTest::qWaitFor(
                [&] { return (view = window()->findChild<QWebEngineView*>()) && view->isVisible(); },
                kStartMs))
            return nullptr;
        return waitForAuthorizeForm(view) ? view : nullptr;
    }

    SignInPage* signInPage() const { return qobject_cast<SignInPage*>(window()->currentPage()); }

    void shoot(const QString& name)
    {
        const QString dir = qEnvironmentVariable("BGE_SHOTS_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(1500); // Chromium paints a moment after the page says it has loaded
        const QString language = qEnvironmentVariable("BGE_SHOTS_LANGUAGE", u"en"_s);
        // Chromium draws the page itself: only the screen has it, not QWidget::grab().
        const QPixmap shot = window()->screen()->grabWindow(window()->winId());
        const QString path = QDir(dir).filePath(u"%1-%2.png"_s.arg(name, language));
        QVERIFY2(shot.save(path), qPrintable(path));
        qInfo().noquote() << "saved" << path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("BGE_PRIVATE_KEYRING"))
            QSKIP("writes to the keychain: run under tests/gui/gui-session.sh");
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_credentials = createSystemCredentialStore(u"BGE Desktop Tests"_s);
        m_controller =
            std::make_unique<StartupController>(m_settings.get(), m_credentials.get(),
                                                StartupController::Options{.profile = {}, .sandbox = true});
        m_controller->sandboxLauncher()->setProgram(SandboxProcess::executable());
        m_controller->sandboxLauncher()->setDataDirectory(m_dir.filePath(u"sandbox"_s));
        connect(m_controller.get(), &StartupController::signedIn, this,
                [this](const User& u) { m_user = u; });
        m_controller->start();
        window()->resize(1280, 800);
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
    }

    void cleanupTestCase()
    {
        if (!m_controller)
            return;
        QSignalSpy finished(m_controller.get(), &StartupController::finished);
        window()->close();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kStartMs);
    }

    // Nobody clicks into the page first: the app gives the view the focus, the page its field.
    void theCursorIsInTheUserName()
    {
        QWebEngineView* view = formOnScreen();
        QVERIFY2(view, "the sign-in page never showed its form");
        QVERIFY(signInPage());
        // The app put the window's focus in the view, and the page its own in the field.
        QTRY_COMPARE_WITH_TIMEOUT(window()->focusWidget(), keyTarget(view), kWaitMs);
        QVERIFY2(waitForKeyboardIn(view, u"username"_s), qPrintable(activeElementId(view)));
        QVERIFY(fieldValue(view, u"username"_s).isEmpty());
        shoot(u"signin-form"_s);
    }

    // A real click on Deny: the same profile's page says so, nothing ends, nothing is stored.
    void denyIsSaidOnTheSignInPage()
    {
        QWebEngineView* view = window()->findChild<QWebEngineView*>();
        QVERIFY(view);
        const QString profile = m_controller->profile().name;
        QVERIFY(typeInto(view, u"username"_s, u"zhanglei3"_s));
        QTest::keyClick(keyTarget(view), Qt::Key_Tab);
        QVERIFY(typeInto(view, u"password"_s, u"bge-sandbox"_s));
        const QPoint deny = elementCentre(view, u"deny"_s);
        QVERIFY(!deny.isNull());
        QTest::mouseMove(keyTarget(view), deny);
        QTest::mouseClick(keyTarget(view), Qt::LeftButton, {}, deny);

        AuthorizationRefusalPanel* refusal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (refusal = window()->findChild<AuthorizationRefusalPanel*>()) && refusal->isVisible(), kWaitMs);
        const auto* text = refusal->findChild<QLabel*>(u"refusalText"_s);
        QVERIFY2(text->text().startsWith(u"You declined access for BGE Desktop."_s),
                 qPrintable(text->text()));
        QVERIFY(!refusal->findChild<QLabel*>(u"refusalDetail"_s)->isVisible());
        // Still this profile's sign-in page, not "Where do you want to connect?".
        QVERIFY(signInPage());
        QVERIFY(signInPage()->isAncestorOf(refusal));
        QCOMPARE(m_controller->profile().name, profile);
        QVERIFY(signInPage()->findChild<QLabel*>(u"serverLabel"_s)->text().contains(profile));
        QVERIFY(!m_user);
        QVERIFY(!window()->findChild<QWebEngineView*>() ||
                !window()->findChild<QWebEngineView*>()->isVisible());
        // The one thing to do has the keyboard.
        QTRY_COMPARE_WITH_TIMEOUT(
            window()->focusWidget(),
            static_cast<QWidget*>(refusal->findChild<QPushButton*>(u"signInAgainButton"_s)), kWaitMs);
        shoot(u"signin-declined"_s);
    }

    // Return on "Sign In Again": the form again, the cursor in it; typed in, Return approves.
    void signInAgainThenReturnSignsIn()
    {
        auto* again = window()->findChild<QPushButton*>(u"signInAgainButton"_s);
        QVERIFY(again);
        QCOMPARE(window()->focusWidget(), again);
        QTest::keyClick(again, Qt::Key_Return);
        QWebEngineView* view = formOnScreen();
        QVERIFY2(view, "the form did not come back");
        QVERIFY(!window()->findChild<AuthorizationRefusalPanel*>());
        QVERIFY(typeInto(view, u"username"_s, u"zhanglei3"_s));
        QTest::keyClick(keyTarget(view), Qt::Key_Tab);
        QVERIFY(typeInto(view, u"password"_s, u"bge-sandbox"_s));
        QTest::keyClick(keyTarget(view), Qt::Key_Return);

        QTRY_VERIFY_WITH_TIMEOUT(m_user.has_value(), kWaitMs);
        QCOMPARE(m_user->username, u"zhanglei3"_s);
        QVERIFY(window()->workspace());
        SamplesPanel* samples = window()->workspace()->samplesPanel();
        QTRY_VERIFY_WITH_TIMEOUT(samples->proxy()->rowCount() > 0, kWaitMs);
        QVERIFY(samples->isVisible());
    }

    // "张磊 — BGE Desktop", not "BGE Desktop — 张磊 — BGE Desktop": Qt adds the display name.
    void theTitleNamesTheApplicationOnce()
    {
        QVERIFY(m_user);
        QCOMPARE(QGuiApplication::applicationDisplayName(), kAppName);
        QCOMPARE(window()->windowTitle(), u"张磊"_s);
        const QString shown = titleOnScreen(window());
        if (shown.isNull())
            QSKIP("xprop (x11-utils) is not installed: the title on screen cannot be read");
        QCOMPARE(shown, u"张磊 — BGE Desktop"_s);
        QCOMPARE(shown.count(kAppName), 1);
    }
};

int main(int argc, char* argv[])
{
    prepareWebEngine();
    QApplication app(argc, argv);
    // As bge-desktop's main(): the name Qt adds to window titles.
    QApplication::setApplicationDisplayName(kAppName);
    // Pictures in another language: the suite has no catalogue of its own compiled in; the one
    // lrelease made from resources/translations is read from BGE_SHOTS_QM_DIR.
    const QString language = installTranslations(qEnvironmentVariable("BGE_SHOTS_LANGUAGE", u"en"_s));
    auto* catalogue = new QTranslator(&app);
    if (catalogue->load(QLocale(language), u"bge"_s, u"_"_s, qEnvironmentVariable("BGE_SHOTS_QM_DIR")))
        QApplication::installTranslator(catalogue);
    TestSignInKeyboard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signin_keyboard.moc"
