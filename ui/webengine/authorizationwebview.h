#pragma once

#include "signin/embeddedbrowser.h"

#include <QWebEngineView>

class QWebEngineProfile;

namespace bge::ui {

class AuthorizationWebPage;

// The browser widget the plugin hands out: the authorization page on its own off-the-record
// profile, so nothing typed or set here (cookies, cache, form data) outlives the sign-in or
// reaches another one.
class AuthorizationWebView final : public QWebEngineView
{
    Q_OBJECT
public:
    AuthorizationWebView(const QUrl& startUrl, const QUrl& redirectUri,
                         EmbeddedBrowserFactory::Handlers handlers, QWidget* parent);
    ~AuthorizationWebView() override;

private:
    QWebEngineProfile* m_profile;
    AuthorizationWebPage* m_page;
};

} // namespace bge::ui
