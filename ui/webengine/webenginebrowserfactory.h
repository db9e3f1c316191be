#pragma once

#include "signin/embeddedbrowser.h"

#include <QObject>

namespace bge::ui {

// The plugin's root object: QPluginLoader::instance() in the app.
class WebEngineBrowserFactory final : public QObject, public EmbeddedBrowserFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID BGE_EMBEDDED_BROWSER_FACTORY_IID)
    Q_INTERFACES(bge::ui::EmbeddedBrowserFactory)
public:
    using QObject::QObject;

    QWidget* createBrowser(const QUrl& startUrl, const QUrl& redirectUri, Handlers handlers,
                           QWidget* parent) override;
};

} // namespace bge::ui
