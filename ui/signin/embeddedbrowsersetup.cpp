#include "embeddedbrowsersetup.h"

#include <QCoreApplication>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace bge::ui {

void prepareProcessForEmbeddedBrowser()
{
    // The sign-in page shares OpenGL contexts with the widgets; Qt requires this before the
    // application object exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
#ifdef Q_OS_UNIX
    // Chromium, inside QtWebEngine, refuses to start its sandbox as root (containers, CI) and
    // the sign-in page would stay blank. Root already has every right the sandbox withholds.
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
#endif
}

} // namespace bge::ui
