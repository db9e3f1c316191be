// The desktop app through a proxy (issue 14, "Proxies"): with https_proxy naming a private
// tinyproxy and the system proxy configuration the app's main() sets up (net::useSystemProxies,
// before the application object, as QtWebEngine reads it at start), the embedded sign-in page
// of `bge-sandbox --tls --advertise-host <this machine's name>` is typed into with real key
// events, the session is made, and the samples are listed; tinyproxy's log shows the page's
// tunnels and the API's.
#include "gui/signinpagescript.h"
#include "gui/signintestsupport.h"
#include "proxy/tinyproxyprocess.h"

#include "api/platformapi.h"
#include "api/queries.h"
#include "net/cabundle.h"
#include "net/environmentproxyfactory.h"
#include "signin/clientsecretform.h"

#include <QDesktopServices>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWebEngineView>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

const QString kDesktop = u"bge-desktop-demo"_s;
quint16 g_proxyPort = 0; // chosen in main(), before the application exists

} // namespace

class TestProxyGui final : public QObject
{
    Q_OBJECT

private:
    QString m_host;
    TinyproxyProcess m_proxy;
    SandboxProcess m_sandbox;
    std::unique_ptr<CredentialStore> m_credentials;
    BrowserStandIn m_browser;
    QWidget m_window;

    int tunnelsToApi() const
    {
        return int(m_proxy.connectTargets().count(m_host + u':' +
                                                  QString::number(QUrl(m_sandbox.apiEndpoint()).port())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("BGE_PRIVATE_KEYRING"))
            QSKIP("writes to the keychain: run under tests/gui/gui-session.sh");
        if (const QByteArray why = TinyproxyProcess::unavailable(&m_host); !why.isEmpty())
            QSKIP(why.constData());
        QVERIFY(g_proxyPort != 0);
        QVERIFY2(m_proxy.start({}, {}, g_proxyPort), qPrintable(m_proxy.errorOutput()));
        QVERIFY2(m_sandbox.start({u"--tls"_s, u"--advertise-host"_s, m_host}),
                 qPrintable(m_sandbox.errorOutput()));
        const Result<bool> trusted =
            net::CaBundle::loadAndTrust(m_sandbox.description().value(u"ca_file"_s).toString());
        QVERIFY2(trusted.ok(), qPrintable(trusted.error().fullText()));
        m_credentials = createSystemCredentialStore(u"BGE Desktop Tests"_s);
        QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "openUrl");
        QDesktopServices::setUrlHandler(u"https"_s, &m_browser, "openUrl");
        new QVBoxLayout(&m_window);
        m_window.resize(900, 800);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(u"http"_s);
        QDesktopServices::unsetUrlHandler(u"https"_s);
    }

    void signInAndListSamplesThroughTheProxy()
    {
        const QString name = u"proxy"_s;
        QVERIFY(forgetProfile(*m_credentials, name));
        Account account(sandboxProfile(m_sandbox, name, kDesktop), m_credentials.get());
        SignInFlow flow(&account, &m_window);
        FlowOutcome outcome(flow);
        m_proxy.clearLog();
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.page || outcome.ended(), kWaitMs);
        QVERIFY2(outcome.page, outcome.error ? qPrintable(describe(*outcome.error)) : "no page");
        m_window.layout()->addWidget(outcome.page);
        outcome.page->show();
        if (auto* form = outcome.page->findChild<ClientSecretForm*>()) {
            auto* secret = form->findChild<QLineEdit*>(u"clientSecretField"_s);
            QTest::keyClicks(secret, m_sandbox.clientById(kDesktop).value(u"client_secret").toString());
            QTest::keyClick(secret, Qt::Key_Return);
        }
        QWebEngineView* view = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            outcome.ended() || (view = outcome.page->findChild<QWebEngineView*>()) != nullptr, kWaitMs);
        QVERIFY2(view, outcome.error ? qPrintable(describe(*outcome.error)) : "no page");
        QVERIFY2(waitForAuthorizeForm(view), "the authorization form never showed through the proxy");
        QCOMPARE(view->url().host(), m_host);
        // Only the page has spoken to the API so far (the flow asks nothing of it before the page
        // in this grant mode): its requests went through the proxy.
        QVERIFY2(tunnelsToApi() >= 1, qPrintable(m_proxy.log()));

        // As a person types: the cursor is in the user name, Tab to the password, Return approves.
        QVERIFY(typeInto(view, u"username"_s, m_sandbox.user(0).value(u"username").toString()));
        QTest::keyClick(keyTarget(view), Qt::Key_Tab);
        QVERIFY(typeInto(view, u"password"_s, m_sandbox.user(0).value(u"password").toString()));
        m_proxy.clearLog();
        QTest::keyClick(keyTarget(view), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY2(outcome.user, outcome.error ? qPrintable(describe(*outcome.error)) : "cancelled");
        QCOMPARE(outcome.user->username, m_sandbox.user(0).value(u"username").toString());
        QVERIFY(m_browser.opened.isEmpty());
        QVERIFY(waitForKeychainWrites(account.sessionStore()));

        // The samples, as the sample table asks for them.
        std::optional<Result<Page<Sample>>> samples;
        account.api().samples(SampleQuery{})->run(this, [&samples](const Result<Page<Sample>>& r) {
            samples = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(samples.has_value(), kWaitMs);
        QVERIFY2(samples->ok(), qPrintable(samples->error().fullText()));
        QVERIFY(!samples->value().items.isEmpty());
        // The token exchange and the listing (Qt's stack) went through it too, nothing around it.
        QVERIFY2(tunnelsToApi() >= 1, qPrintable(m_proxy.log()));
        QCOMPARE(m_proxy.connectTargets().size(), m_proxy.requestCount());
    }
};

int main(int argc, char* argv[])
{
    // As a user's session would have it, before anything reads it (QtWebEngine at its start).
    g_proxyPort = TinyproxyProcess::freePort();
    qputenv("https_proxy", "http://127.0.0.1:" + QByteArray::number(g_proxyPort));
    qunsetenv("no_proxy");
    qunsetenv("NO_PROXY");
    net::useSystemProxies(); // what bge-desktop's main() does
    prepareWebEngine();
    QApplication app(argc, argv);
    TestProxyGui test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_proxy_gui.moc"
