// bge-desktop: the BGE Open Platform on the desktop. Everything but the process set-up lives in
// bge_ui (ui/shell): the start-up controller takes over once the application object exists.
#include "common/freedblocks.h"
#include "credentials/credentialstore.h"
#include "net/environmentproxyfactory.h"
#include "shell/desktopcommandline.h"
#include "shell/mainwindow.h"
#include "shell/preferences.h"
#include "shell/startupcontroller.h"
#include "shell/startupreport.h"
#include "shell/translations.h"
#include "signin/embeddedbrowsersetup.h"
#include "transfer/streamingallocator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QSettings>

#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
#ifdef Q_OS_UNIX
    // A file-size limit (ulimit -f) must end a download with its sentence and its partial file
    // kept for resume (write() failing with EFBIG), not kill the program with SIGXFSZ.
    ::signal(SIGXFSZ, SIG_IGN);
#endif

    // The sign-in page is a QtWebEngine plugin, loaded only when needed; what it needs of the
    // process comes before the application object.
    bge::ui::prepareProcessForEmbeddedBrowser();
    bge::tuneAllocatorForStreaming(); // transfers of large files: see there why
    bge::ui::mergeFreedBlocksAsFreed(); // large tables freed on a worker: see there why

    // The system's proxy settings, for Qt Network and the sign-in page (QtWebEngine) alike.
    bge::net::useSystemProxies();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"BGE"_s);
    QApplication::setOrganizationDomain(u"bge.genomics.cn"_s);
    QApplication::setApplicationName(u"BGE Desktop"_s);
    QApplication::setApplicationDisplayName(u"BGE Desktop"_s);
    QApplication::setApplicationVersion(QStringLiteral(BGE_VERSION));
    QApplication::setDesktopFileName(u"cn.genomics.bge.BgeDesktop"_s); // the packaged .desktop entry
    QApplication::setWindowIcon(QIcon(u":/icons/app/bge-desktop.svg"_s));

    QSettings settings;
    const QString language = bge::ui::DesktopCommandLine::languageArgument(QApplication::arguments());
    bge::ui::installTranslations(language.isEmpty() ? bge::ui::Preferences(&settings).language() : language);
    const bge::ui::DesktopCommandLine commandLine(QApplication::arguments());

    const auto credentials = bge::createSystemCredentialStore(u"BGE Desktop"_s);
    // Closing the window is not the end yet: the controller quits once the sandbox it started
    // has stopped.
    QApplication::setQuitOnLastWindowClosed(false);
    bge::ui::StartupController controller(&settings, credentials.get(), commandLine.startupOptions());
    QObject::connect(&controller, &bge::ui::StartupController::finished, &app, &QCoreApplication::quit);

    std::unique_ptr<bge::ui::StartupReport> report;
    if (commandLine.reportStartup()) {
        report = std::make_unique<bge::ui::StartupReport>(controller.window(), sinceMain);
        QObject::connect(report.get(), &bge::ui::StartupReport::done, &controller,
                         &bge::ui::StartupController::shutDown);
    }
    controller.start();
    return QApplication::exec();
}
