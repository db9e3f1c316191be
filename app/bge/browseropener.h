#pragma once

#include <QProcessEnvironment>
#include <QUrl>

namespace bge::cli {

// Opens a URL in the user's browser without Qt GUI (the command line runs on servers):
// $BROWSER when set (as Python's webbrowser and many CLIs honour it), else the platform's
// opener (xdg-open, open, start). False when nothing could be started. The browser gets
// browserEnvironment(): no client secret of ours in it, nor in whatever it starts.
bool openInBrowser(const QUrl& url);

// `environment` without the variables that carry secrets (BGE_CLIENT_SECRET and any other
// BGE_* secret or token, AWS secret keys and session tokens); everything else (DISPLAY, HOME,
// proxies, XDG_*) stays, as the browser needs it.
QProcessEnvironment browserEnvironment(const QProcessEnvironment& environment);

} // namespace bge::cli
