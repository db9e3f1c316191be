// QtWebEngine stays out of the process until the sign-in page is needed: this executable links
// bge_ui like the app (and, like it, no QtWebEngine); the plugin is loaded by the flow.
#include "signintestsupport.h"

#include "signin/embeddedbrowserloader.h"

#include <QDir>
#include <QFile>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

bool webEngineMapped()
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains("libQt6WebEngineCore");
}

} // namespace

class TestSignInLazyLoad final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(u"/proc/self/maps"_s))
            QSKIP("needs /proc/self/maps (Linux)");
        if (!qEnvironmentVariableIsSet("BGE_PRIVATE_KEYRING"))
            QSKIP("writes to the keychain: run under tests/gui/gui-session.sh");
    }

    void theBuildTreeIsSearched()
    {
        const QString built =
            QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../lib/bge-desktop"_s);
        QCOMPARE(EmbeddedBrowserLoader::searchPaths().value(0), built);
        qputenv("BGE_PLUGIN_PATH", "/nowhere/a:/nowhere/b");
        QCOMPARE(EmbeddedBrowserLoader::searchPaths(), QStringList({u"/nowhere/a"_s, u"/nowhere/b"_s}));
        qunsetenv("BGE_PLUGIN_PATH");
    }

    void webEngineIsLoadedOnlyForTheSignInPage()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorOutput()));
        std::unique_ptr<CredentialStore> credentials = createSystemCredentialStore(u"BGE Desktop Tests"_s);
        const QString name = u"lazy"_s;
        const QString secret = sandbox.clientById(u"bge-desktop-demo"_s).value(u"client_secret").toString();

        // Up to a silent sign-in attempt (keychain, session, network): no Chromium.
        QVERIFY(seedKeychain(*credentials, name, secret));
        QWidget window;
        window.show();
        Account account(sandboxProfile(sandbox, name, u"bge-desktop-demo"_s), credentials.get());
        QVERIFY(!webEngineMapped());

        SignInFlow flow(&account, &window);
        FlowOutcome outcome(flow);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.page || outcome.ended(), kWaitMs);
        QVERIFY(outcome.page);
        QWidget* browser = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (browser = outcome.page->findChild<QWidget*>(u"authorizationWebView"_s)) != nullptr, kWaitMs);
        QVERIFY(browser->inherits("QWebEngineView"));
        QVERIFY(webEngineMapped());
        flow.cancel();
        QVERIFY(outcome.cancelled);
    }
};

int main(int argc, char* argv[])
{
    prepareWebEngine();
    QApplication app(argc, argv);
    if (webEngineMapped()) {
        qCritical("QtWebEngine is mapped before anything asked for it");
        return 1;
    }
    TestSignInLazyLoad test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signin_lazyload.moc"
