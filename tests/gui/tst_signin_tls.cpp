// The embedded sign-in page over TLS (issue 14): against `bge-sandbox --tls`, the page loads once
// the sandbox's throwaway CA is among the profile's certificate authorities (Chromium does not
// know it: the page accepts the certificate error only because the chain verifies against that
// CA), and the sign-in completes with the form typed in with real key events. A sandbox whose CA
// was not added is refused, and the refusal says so.
#include "signinpagescript.h"
#include "signintestsupport.h"

#include "net/cabundle.h"
#include "net/extracas.h"
#include "signin/clientsecretform.h"

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QSslCertificate>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace bge;
using namespace bge::test;
using namespace bge::ui;
using namespace Qt::StringLiterals;

namespace {

const QString kDesktop = u"bge-desktop-demo"_s;

} // namespace

class TestSignInTls final : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    SandboxProcess m_untrusted; // its CA is never added
    std::unique_ptr<CredentialStore> m_credentials;
    BrowserStandIn m_browser;
    QWidget m_window;

    void showPage(QWidget* page)
    {
        m_window.layout()->addWidget(page);
        page->show();
    }

    // Starts a flow and gives its page the client secret (as the user types it), as tst_signin.
    QWidget* startWithSecret(SignInFlow& flow, FlowOutcome& outcome, const SandboxProcess& sandbox)
    {
        flow.start();
        if (!QTest::qWaitFor([&] { return outcome.page || outcome.ended(); }, kWaitMs) || !outcome.page)
            return nullptr;
        showPage(outcome.page);
        auto* form = outcome.page->findChild<ClientSecretForm*>();
        if (!form)
            return outcome.page;
        auto* secret = form->findChild<QLineEdit*>(u"clientSecretField"_s);
        QTest::keyClicks(secret, sandbox.clientById(kDesktop).value(u"client_secret").toString());
        QTest::keyClick(secret, Qt::Key_Return);
        return outcome.page;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("BGE_PRIVATE_KEYRING"))
            QSKIP("writes to the keychain: run under tests/gui/gui-session.sh");
        QVERIFY2(m_sandbox.start({u"--tls"_s}), qPrintable(m_sandbox.errorOutput()));
        QVERIFY2(m_untrusted.start({u"--tls"_s}), qPrintable(m_untrusted.errorOutput()));
        QVERIFY(m_sandbox.apiEndpoint().startsWith(u"https://"_s));
        // What the app does with a profile's certificate authorities before it connects.
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

    // The CA was added, not swapped in: the system's CAs are all still trusted beside it.
    void extraCaAddedToTheSystemCas()
    {
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        const QList<QSslCertificate> all = QSslConfiguration::defaultConfiguration().caCertificates();
        for (const QSslCertificate& ca : system)
            QVERIFY(all.contains(ca));
        QCOMPARE(net::extraCas().size(), 1);
        QVERIFY(net::extraCas().constFirst().subjectDisplayName().startsWith(u"BGE sandbox throwaway CA"_s));
    }

    void signInOverTls()
    {
        const QString name = u"tls"_s;
        QVERIFY(forgetProfile(*m_credentials, name));
        Account account(sandboxProfile(m_sandbox, name, kDesktop), m_credentials.get());
        SignInFlow flow(&account, &m_window);
        FlowOutcome outcome(flow);
        QVERIFY(startWithSecret(flow, outcome, m_sandbox));
        QWebEngineView* view = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended() || (view = outcome.page->findChild<QWebEngineView*>()) != nullptr,
                                 kWaitMs);
        QVERIFY2(view, outcome.error ? qPrintable(describe(*outcome.error)) : "no page");
        QVERIFY2(waitForAuthorizeForm(view), "the authorization form never showed over TLS");
        QCOMPARE(view->url().scheme(), u"https"_s);

        QVERIFY(typeInto(view, u"username"_s, m_sandbox.user(0).value(u"username").toString()));
        QVERIFY(typeInto(view, u"password"_s, m_sandbox.user(0).value(u"password").toString()));
        QVERIFY(approveByKeyboard(view));

        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended(), kWaitMs);
        QVERIFY2(outcome.user, outcome.error ? qPrintable(describe(*outcome.error)) : "cancelled");
        QCOMPARE(outcome.user->username, m_sandbox.user(0).value(u"username").toString());
        QVERIFY(m_browser.opened.isEmpty());
        QVERIFY(waitForKeychainWrites(account.sessionStore()));
    }

    // Another throwaway CA, never added: the page is refused with a sentence, no sign-in.
    void untrustedSignInPageRefused()
    {
        const QString name = u"tls-untrusted"_s;
        QVERIFY(forgetProfile(*m_credentials, name));
        Account account(sandboxProfile(m_untrusted, name, kDesktop), m_credentials.get());
        SignInFlow flow(&account, &m_window);
        FlowOutcome outcome(flow);
        QWidget* page = startWithSecret(flow, outcome, m_untrusted);
        // Either the page says the certificate is not trusted, or the flow fails saying so.
        QTRY_VERIFY_WITH_TIMEOUT(
            outcome.ended() || (page && [&] {
                for (const QLabel* label : page->findChildren<QLabel*>()) {
                    if (label->isVisible() && label->text().contains(u"not trusted"_s))
                        return true;
                }
                return false;
            }()),
            kWaitMs);
        QVERIFY(!outcome.user);
        if (outcome.error)
            QVERIFY2(outcome.error->message().contains(u"not trusted"_s), qPrintable(describe(*outcome.error)));
    }
};

int main(int argc, char* argv[])
{
    prepareWebEngine();
    QApplication app(argc, argv);
    TestSignInTls test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signin_tls.moc"
