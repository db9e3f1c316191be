#include "authorizationwebpage.h"

#include "net/extracas.h"

#include <QDesktopServices>
#include <QLoggingCategory>
#include <QWebEngineCertificateError>
#include <QWebEngineLoadingInfo>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcWebPage, "bge.signin.webengine", QtInfoMsg)

int portOf(const QUrl& url)
{
    return url.port(url.scheme() == u"https" ? 443 : url.scheme() == u"http" ? 80 : -1);
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && portOf(a) == portOf(b);
}

// Chromium's net::ERR_ABORTED: a navigation this page refused or replaced, not a failure.
constexpr int kAborted = -3;

} // namespace

AuthorizationWebPage::AuthorizationWebPage(QWebEngineProfile* profile, const QUrl& startUrl,
                                           const QUrl& redirectUri, EmbeddedBrowserFactory::Handlers handlers,
                                           QObject* parent)
    : QWebEnginePage(profile, parent), m_startUrl(startUrl), m_redirectUri(redirectUri),
      m_handlers(std::move(handlers))
{
    connect(this, &QWebEnginePage::loadingChanged, this, &AuthorizationWebPage::onLoadingChanged);
    connect(this, &QWebEnginePage::loadProgress, this, [this](int percent) {
        if (m_handlers.loadProgress && !m_redirected)
            m_handlers.loadProgress(percent);
    });
    connect(this, &QWebEnginePage::certificateError, this, [this](const QWebEngineCertificateError& error) {
        // Chromium trusts its own store only; the certificate authorities the user added
        // (--ca-bundle, the profile's) are Qt's. A chain that verifies against one of those, for
        // this host, is accepted: the same trust the app's own requests get, never more.
        QWebEngineCertificateError decision = error;
        if (error.type() == QWebEngineCertificateError::CertificateAuthorityInvalid && error.isOverridable() &&
            net::verifiesWithExtraCas(error.certificateChain(), error.url().host())) {
            qCInfo(lcWebPage).noquote() << "accepted the certificate of" << error.url().host()
                                        << "issued by a certificate authority the user added";
            decision.acceptCertificate();
            return;
        }
        // A sign-in page behind a certificate that does not check out could be anyone's.
        decision.rejectCertificate();
        m_certificateProblem = tr("The sign-in page's certificate is not trusted (%1). If your organisation uses its "
                                  "own certificate authority, add it to the profile's settings.")
                                   .arg(error.description());
        qCWarning(lcWebPage).noquote()
            << "refused the certificate of" << error.url().host() << "-" << error.description();
    });
}

bool AuthorizationWebPage::isRedirect(const QUrl& url) const
{
    return sameOrigin(url, m_redirectUri) && url.path() == m_redirectUri.path();
}

bool AuthorizationWebPage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame)
{
    if (isRedirect(url)) {
        reportRedirect(url);
        return false;
    }
    if (m_redirected)
        return false; // the sign-in is over: nothing else loads
    if (isMainFrame && type == NavigationTypeLinkClicked && !sameOrigin(url, m_startUrl)) {
        openExternally(url);
        return false;
    }
    return true;
}

QWebEnginePage* AuthorizationWebPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    return new PopupWebPage(profile(), this);
}

void AuthorizationWebPage::handlePopupNavigation(const QUrl& url)
{
    if (isRedirect(url))
        reportRedirect(url);
    else if (!m_redirected)
        openExternally(url);
}

void AuthorizationWebPage::reportRedirect(const QUrl& url)
{
    if (m_redirected)
        return;
    m_redirected = true;
    // Queued: the handler may delete the browser, and so this page, which is still inside
    // Chromium's navigation callback here.
    QMetaObject::invokeMethod(
        this,
        [this, url] {
            if (m_handlers.redirected)
                m_handlers.redirected(url);
        },
        Qt::QueuedConnection);
}

void AuthorizationWebPage::openExternally(const QUrl& url)
{
    // Only web addresses: a page must not make the desktop open files or start programs.
    if (url.scheme() != u"https" && url.scheme() != u"http") {
        qCInfo(lcWebPage) << "ignored a link to a" << url.scheme() << "address";
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this, url] {
            QDesktopServices::openUrl(url);
            if (m_handlers.openedExternally)
                m_handlers.openedExternally(url);
        },
        Qt::QueuedConnection);
}

void AuthorizationWebPage::onLoadingChanged(const QWebEngineLoadingInfo& info)
{
    if (m_redirected)
        return;
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        m_certificateProblem.clear();
        if (m_handlers.loaded)
            m_handlers.loaded();
        return;
    case QWebEngineLoadingInfo::LoadFailedStatus: {
        if (info.errorCode() == kAborted && info.errorDomain() == QWebEngineLoadingInfo::InternalErrorDomain)
            return;
        QString detail = std::exchange(m_certificateProblem, {});
        if (detail.isEmpty())
            detail = info.errorString().isEmpty() ? u"error %1"_s.arg(info.errorCode()) : info.errorString();
        if (m_handlers.loadFailed)
            m_handlers.loadFailed(info.url(), detail);
        return;
    }
    case QWebEngineLoadingInfo::LoadStartedStatus:
    case QWebEngineLoadingInfo::LoadStoppedStatus:
        return;
    }
}

PopupWebPage::PopupWebPage(QWebEngineProfile* profile, AuthorizationWebPage* opener)
    : QWebEnginePage(profile, opener), m_opener(opener)
{
}

bool PopupWebPage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame)
{
    Q_UNUSED(type)
    Q_UNUSED(isMainFrame)
    m_opener->handlePopupNavigation(url);
    deleteLater();
    return false;
}

} // namespace bge::ui
