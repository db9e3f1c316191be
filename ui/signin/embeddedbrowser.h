#pragma once

#include <QString>
#include <QtPlugin>
#include <QUrl>

#include <functional>

class QWidget;

namespace bge::ui {

// What the WebEngine plugin (ui/webengine) gives the app: a browser widget for the platform's
// authorization page. Only Qt value types and callbacks cross this line, so the plugin links
// neither bge_core nor bge_ui (no second copy of their static state) and the app itself never
// links QtWebEngine: Chromium is loaded when the sign-in page is needed, not at start-up.
class EmbeddedBrowserFactory
{
public:
    // Called on the GUI thread while the browser widget exists.
    struct Handlers
    {
        // A navigation to the redirect URI (scheme, host, port and path equal), caught and
        // never loaded: the whole URL, query included.
        std::function<void(const QUrl& url)> redirected;
        std::function<void(int percent)> loadProgress;
        std::function<void()> loaded;
        // A page could not be shown (no connection, refused certificate, …): untranslated
        // detail for the log and the page's details. Not called for the caught redirect.
        std::function<void(const QUrl& url, const QString& detail)> loadFailed;
        // A pop-up, or a link leaving the origin of the start URL, was handed to the system
        // browser instead of being loaded here.
        std::function<void(const QUrl& url)> openedExternally;
    };

    virtual ~EmbeddedBrowserFactory() = default;

    // A browser on a private, off-the-record profile (no cookies or cache survive it) that
    // loads `startUrl`. Certificate errors are refused. The widget is `parent`'s child.
    virtual QWidget* createBrowser(const QUrl& startUrl, const QUrl& redirectUri, Handlers handlers,
                                   QWidget* parent) = 0;
};

} // namespace bge::ui

#define BGE_EMBEDDED_BROWSER_FACTORY_IID "cn.genomics.bge.desktop.EmbeddedBrowserFactory/1.0"
Q_DECLARE_INTERFACE(bge::ui::EmbeddedBrowserFactory, BGE_EMBEDDED_BROWSER_FACTORY_IID)
