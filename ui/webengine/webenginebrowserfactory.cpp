#include "webenginebrowserfactory.h"

#include "authorizationwebview.h"

namespace bge::ui {

QWidget* WebEngineBrowserFactory::createBrowser(const QUrl& startUrl, const QUrl& redirectUri,
                                                Handlers handlers, QWidget* parent)
{
    return new AuthorizationWebView(startUrl, redirectUri, std::move(handlers), parent);
}

} // namespace bge::ui
