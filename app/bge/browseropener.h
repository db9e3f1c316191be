#pragma once

#include <QUrl>

namespace bge::cli {

// Opens a URL in the user's browser without Qt GUI (the command line runs on servers):
// $BROWSER when set (as Python's webbrowser and many CLIs honour it), else the platform's
// opener (xdg-open, open, start). False when nothing could be started.
bool openInBrowser(const QUrl& url);

} // namespace bge::cli
