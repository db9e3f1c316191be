#include "mainwindow.h"

#include "aboutdialog.h"
#include "accountbutton.h"
#include "connectionindicator.h"
#include "connectionmonitor.h"
#include "paletteiconengine.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "workspace.h"

#include "api/records/user.h"
#include "profiles/profile.h"
#include "samples/samplespanel.h"
#include "transfers/transferspanel.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {
const QString kGeometry = u"mainwindow/geometry"_s;
const QString kState = u"mainwindow/state"_s;
const QString kSplitter = u"mainwindow/splitter"_s;
const QString kCurrentTab = u"mainwindow/tab"_s;
} // namespace

MainWindow::MainWindow(QSettings* settings, ConnectionMonitor* monitor, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_monitor(monitor),
      m_preferencesStore(std::make_unique<Preferences>(settings)), m_pages(new QStackedWidget(this)),
      m_transfersDock(new QDockWidget(tr("Transfers"), this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("BGE Desktop"));
    setAcceptDrops(true);
    m_pages->setObjectName(u"pages"_s);
    setCentralWidget(m_pages);

    m_transfersDock->setObjectName(u"transfersDock"_s);
    m_transfersDock->setAccessibleName(tr("Transfers"));
    addDockWidget(Qt::BottomDockWidgetArea, m_transfersDock);

    createActions();
    createMenus();
    m_indicator = new ConnectionIndicator(monitor, statusBar());
    statusBar()->addPermanentWidget(m_indicator);

    // A first start gets a comfortable size; later ones get what the user left.
    if (!restoreGeometry(m_settings->value(kGeometry).toByteArray()))
        resize(1280, 800);
    restoreState(m_settings->value(kState).toByteArray());
    setSignedIn(false);
}

MainWindow::~MainWindow() = default;

Workspace* MainWindow::workspace() const
{
    return m_workspace;
}

TransfersPanel* MainWindow::transfersPanel() const
{
    return m_transfers;
}

void MainWindow::createActions()
{
    m_refresh = new QAction(uiIcon(u"view-refresh"_s, u"refresh"_s), tr("&Refresh"), this);
    m_refresh->setObjectName(u"refreshAction"_s);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Load the samples and the selected sample again"));
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);

    m_upload = new QAction(uiIcon({}, u"upload"_s), tr("&Upload Files…"), this);
    m_upload->setObjectName(u"uploadAction"_s);
    m_upload->setShortcut(QKeySequence(tr("Ctrl+U")));
    m_upload->setToolTip(tr("Upload files to the platform's storage (or drop them on the window)"));
    connect(m_upload, &QAction::triggered, this, [this] {
        if (m_transfers)
            m_transfers->chooseFilesToUpload();
    });

    m_switchProfile =
        new QAction(uiIcon(u"system-switch-user"_s, u"switch-profile"_s), tr("S&witch Profile…"), this);
    m_switchProfile->setObjectName(u"switchProfileAction"_s);
    connect(m_switchProfile, &QAction::triggered, this, &MainWindow::switchProfileRequested);

    m_signOut = new QAction(uiIcon(u"system-log-out"_s, u"sign-out"_s), tr("Sign &Out"), this);
    m_signOut->setObjectName(u"signOutAction"_s);
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOutRequested);

    m_preferences = new QAction(uiIcon(u"preferences-system"_s, u"preferences"_s), tr("&Preferences…"), this);
    m_preferences->setObjectName(u"preferencesAction"_s);
    m_preferences->setShortcut(QKeySequence::Preferences);
    m_preferences->setMenuRole(QAction::PreferencesRole);
    connect(m_preferences, &QAction::triggered, this, &MainWindow::openPreferences);

    m_about = new QAction(uiIcon(u"help-about"_s, u"about"_s), tr("&About BGE Desktop"), this);
    m_about->setObjectName(u"aboutAction"_s);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::openAbout);

    m_quit = new QAction(uiIcon(u"application-exit"_s, u"quit"_s), tr("&Quit"), this);
    m_quit->setObjectName(u"quitAction"_s);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_upload);
    file->addSeparator();
    file->addAction(m_preferences);
    file->addSeparator();
    file->addAction(m_quit);

    // Filled with the sample browser's own actions whenever a workspace is built.
    m_samplesMenu = menuBar()->addMenu(tr("&Samples"));
    m_samplesMenu->setObjectName(u"samplesMenu"_s);
    m_samplesMenu->setEnabled(false);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addAction(m_transfersDock->toggleViewAction());

    QMenu* account = menuBar()->addMenu(tr("&Account"));
    account->addAction(m_switchProfile);
    account->addAction(m_signOut);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    m_account = new AccountButton(m_switchProfile, m_signOut, menuBar());
    menuBar()->setCornerWidget(m_account, Qt::TopRightCorner);

    QToolBar* tools = addToolBar(tr("Main Toolbar"));
    tools->setObjectName(u"mainToolBar"_s);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_refresh);
    tools->addAction(m_upload);
}

void MainWindow::showPage(QWidget* page)
{
    if (m_pages->indexOf(page) < 0)
        m_pages->addWidget(page);
    m_pages->setCurrentWidget(page);
}

QWidget* MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::showWorkspace(PlatformApi* api, const User& user, const Profile& profile)
{
    clearWorkspace();
    m_api = api;
    m_endpoint = profile.endpoint;
    // Transfers outlive a refresh of the views; they go with the account.
    m_transfers = new TransfersPanel(api, m_transfersDock);
    m_transfers->setAccessibleName(tr("Transfers"));
    m_transfersDock->setWidget(m_transfers);
    createWorkspace();
    m_account->setUser(user, profile);
    setWindowTitle(tr("BGE Desktop — %1").arg(m_account->text()));
    setSignedIn(true);
}

void MainWindow::createWorkspace()
{
    auto* workspace = new Workspace(m_api, m_pages);
    m_workspace = workspace;
    connect(workspace, &Workspace::downloadRequested, m_transfers, &TransfersPanel::addDownload);
    m_samplesMenu->clear();
    m_samplesMenu->addAction(workspace->samplesPanel()->registerSampleAction());
    m_samplesMenu->addAction(workspace->samplesPanel()->improveSampleAction());
    m_samplesMenu->setEnabled(true);
    if (!workspace->splitter()->restoreState(m_settings->value(kSplitter).toByteArray()))
        workspace->splitter()->setSizes({width() * 3 / 5, width() * 2 / 5});
    workspace->tabs()->setCurrentIndex(m_settings->value(kCurrentTab, 0).toInt());
    showPage(workspace);
}

void MainWindow::clearWorkspace()
{
    saveLayout();
    delete m_workspace;
    m_samplesMenu->clear();
    m_samplesMenu->setEnabled(false);
    delete m_transfers;
    m_api = nullptr;
    m_account->clear();
    setWindowTitle(tr("BGE Desktop"));
    setSignedIn(false);
}

void MainWindow::refresh()
{
    if (!m_workspace)
        return;
    // The views load what they show when they are built: a new set reloads everything, while
    // transfers under way carry on.
    saveLayout();
    delete m_workspace;
    m_samplesMenu->clear();
    m_samplesMenu->setEnabled(false);
    createWorkspace();
    m_monitor->checkNow();
}

void MainWindow::setSignedIn(bool signedIn)
{
    m_refresh->setEnabled(signedIn);
    m_upload->setEnabled(signedIn);
    m_signOut->setEnabled(signedIn);
    m_transfersDock->toggleViewAction()->setEnabled(signedIn);
    if (!signedIn)
        m_transfersDock->hide();
    else if (!restoreState(m_settings->value(kState).toByteArray())) // the dock as the user left it
        m_transfersDock->show();
}

void MainWindow::saveLayout()
{
    m_settings->setValue(kGeometry, saveGeometry());
    // Only a signed-in window has its dock where the user put it.
    if (m_workspace) {
        m_settings->setValue(kState, saveState());
        m_settings->setValue(kSplitter, m_workspace->splitter()->saveState());
        m_settings->setValue(kCurrentTab, m_workspace->tabs()->currentIndex());
    }
}

void MainWindow::showNotice(const QString& text)
{
    statusBar()->showMessage(text, 15000);
}

void MainWindow::openPreferences()
{
    auto* dialog = new PreferencesDialog(m_preferencesStore.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openAbout()
{
    auto* dialog = new AboutDialog(m_endpoint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
    Q_EMIT closed();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_transfers && TransfersPanel::acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (!m_transfers || !TransfersPanel::acceptsDrop(event->mimeData()))
        return;
    m_transfers->addUploads(event->mimeData()->urls());
    event->acceptProposedAction();
}

} // namespace bge::ui
