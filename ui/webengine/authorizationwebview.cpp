#include "authorizationwebview.h"

#include "authorizationwebpage.h"

#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace bge::ui {

using namespace Qt::StringLiterals;

AuthorizationWebView::AuthorizationWebView(const QUrl& startUrl, const QUrl& redirectUri,
                                           EmbeddedBrowserFactory::Handlers handlers, QWidget* parent)
    : QWebEngineView(parent)
      // No storage name: off the record, in memory only.
      ,
      m_profile(new QWebEngineProfile(this))
{
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_page = new AuthorizationWebPage(m_profile, startUrl, redirectUri, std::move(handlers), this);
    // The sign-in page has no business with local files or plugins.
    m_page->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    m_page->settings()->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    setPage(m_page);
    setObjectName(u"authorizationWebView"_s);
    setContextMenuPolicy(Qt::NoContextMenu);
    m_page->load(startUrl);
}

AuthorizationWebView::~AuthorizationWebView()
{
    // Children go in the order they were added, which would put the profile before its page;
    // a profile must outlive its pages.
    delete m_page;
}

} // namespace bge::ui
