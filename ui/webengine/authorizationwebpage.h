#pragma once

#include "signin/embeddedbrowser.h"

#include <QWebEnginePage>

namespace bge::ui {

// The authorization page's navigation policy. A navigation to the redirect URI is reported and
// refused, so the code never reaches a server (there is none at the redirect URI). Pop-ups and
// links the user clicks that leave the platform's origin go to the system browser: the
// embedded view only ever shows the platform's sign-in pages.
class AuthorizationWebPage final : public QWebEnginePage
{
    Q_OBJECT
public:
    AuthorizationWebPage(QWebEngineProfile* profile, const QUrl& startUrl, const QUrl& redirectUri,
                         EmbeddedBrowserFactory::Handlers handlers, QObject* parent);

    // A navigation of a pop-up this page opened: the redirect is still caught there.
    void handlePopupNavigation(const QUrl& url);

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;

private:
    bool isRedirect(const QUrl& url) const;
    void reportRedirect(const QUrl& url);
    void openExternally(const QUrl& url);
    void onLoadingChanged(const QWebEngineLoadingInfo& info);

    QUrl m_startUrl;
    QUrl m_redirectUri;
    EmbeddedBrowserFactory::Handlers m_handlers;
    QString m_certificateProblem;
    bool m_redirected = false;
};

// A pop-up (window.open, target=_blank): never shown; its first navigation goes to the opener's
// policy (the system browser, or the caught redirect), then it goes away.
class PopupWebPage final : public QWebEnginePage
{
    Q_OBJECT
public:
    PopupWebPage(QWebEngineProfile* profile, AuthorizationWebPage* opener);

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;

private:
    AuthorizationWebPage* m_opener;
};

} // namespace bge::ui
