#pragma once

#include <QStringList>

namespace bge::ui {

class EmbeddedBrowserFactory;

// Finds the WebEngine plugin (bge_signin_webengine) and loads it, the first time the embedded
// sign-in page is needed. Where it looks, relative to the executable:
//   $BGE_PLUGIN_PATH (folders, separated like PATH) instead of all the others when set;
//   ../lib/bge-desktop                        the build tree (build/bin → build/lib/bge-desktop);
//   ../<CMAKE_INSTALL_LIBDIR>/bge-desktop     installed on Linux;
//   .                                         Windows, next to the executable;
//   ../PlugIns                                a macOS bundle.
namespace EmbeddedBrowserLoader {

QStringList searchPaths();
// The plugin's factory, or nullptr when it is not installed or cannot be loaded (no QtWebEngine
// on this system, a broken installation); `problem` then says why, for the log (untranslated).
EmbeddedBrowserFactory* load(QString* problem = nullptr);

} // namespace EmbeddedBrowserLoader

} // namespace bge::ui
