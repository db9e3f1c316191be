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
#include "common/chartexport.h"
#include "omics/omicsarea.h"
#include "profiles/profile.h"
#include "samples/samplespanel.h"
#include "transfer/transferqueue.h"
#include "transfers/transferspanel.h"
#include "transfers/transfersstatusbutton.h"

#include <QActionGroup>
#include <QChartView>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {
const QString kGeometry = u"mainwindow/geometry"_s;
const QString kState = u"mainwindow/state"_s;
const QString kSplitter = u"mainwindow/splitter"_s;
const QString kCurrentTab = u"mainwindow/tab"_s;
const QString kArea = u"mainwindow/area"_s; // 0: the platform, 1: HealthOmics
const QString kSampleList = u"mainwindow/sampleList"_s; // shown (the default) or hidden
} // namespace

MainWindow::MainWindow(QSettings* settings, ConnectionMonitor* monitor, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_monitor(monitor),
      m_preferencesStore(std::make_unique<Preferences>(settings)), m_pages(new QStackedWidget(this)),
      m_transfersDock(new QDockWidget(tr("Transfers"), this)), m_areas(new QStackedWidget(m_pages))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(QGuiApplication::applicationDisplayName());
    setAcceptDrops(true);
    m_pages->setObjectName(u"pages"_s);
    setCentralWidget(m_pages);
    m_areas->setObjectName(u"areas"_s);
    m_areas->setAccessibleName(tr("Data sources"));
    m_pages->addWidget(m_areas);

    m_transfersDock->setObjectName(u"transfersDock"_s);
    m_transfersDock->setAccessibleName(tr("Transfers"));
    addDockWidget(Qt::BottomDockWidgetArea, m_transfersDock);

    createActions();
    createMenus();
    m_transfersStatus = new TransfersStatusButton(m_transfersDock, statusBar());
    statusBar()->addPermanentWidget(m_transfersStatus);
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

OmicsArea* MainWindow::omicsArea() const
{
    return m_omics;
}

bool MainWindow::omicsShown() const
{
    return m_omics && m_pages->currentWidget() == m_areas && m_areas->currentWidget() == m_omics;
}

void MainWindow::showArea(QWidget* area)
{
    if (!area || m_areas->indexOf(area) < 0)
        return;
    m_areas->setCurrentWidget(area);
    area->setFocus(Qt::ShortcutFocusReason);
    areaShown();
}

void MainWindow::areaShown()
{
    m_showPlatform->setChecked(m_areas->currentWidget() == m_workspace);
    m_showOmics->setChecked(m_omics && m_areas->currentWidget() == m_omics);
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

    m_uploadReadSet = new QAction(uiIcon({}, u"upload"_s), tr("Upload &Read Set…"), this);
    m_uploadReadSet->setObjectName(u"uploadReadSetAction"_s);
    m_uploadReadSet->setShortcut(QKeySequence(tr("Ctrl+Shift+U")));
    m_uploadReadSet->setToolTip(
        tr("Upload FASTQ, BAM, CRAM or uBAM files as read sets to the selected HealthOmics sequence store"));
    connect(m_uploadReadSet, &QAction::triggered, this, [this] {
        if (!m_omics)
            return;
        showArea(m_omics);
        m_omics->chooseFilesToUpload();
    });

    m_exportChart = new QAction(tr("&Export Chart…"), this);
    m_exportChart->setObjectName(u"exportChartAction"_s);
    m_exportChart->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_exportChart->setToolTip(
        tr("Save the chart shown as a PNG image for print or as SVG (also on the chart's "
           "context menu)"));
    connect(m_exportChart, &QAction::triggered, this, &MainWindow::exportShownChart);

    m_showPlatform = new QAction(tr("&BGE Platform"), this);
    m_showPlatform->setObjectName(u"showPlatformAction"_s);
    m_showPlatform->setShortcut(QKeySequence(tr("Ctrl+1")));
    m_showPlatform->setToolTip(tr("Your samples and their results on the BGE platform"));
    m_showPlatform->setCheckable(true);
    connect(m_showPlatform, &QAction::triggered, this, [this] { showArea(m_workspace); });

    m_showOmics = new QAction(tr("&HealthOmics"), this);
    m_showOmics->setObjectName(u"showOmicsAction"_s);
    m_showOmics->setShortcut(QKeySequence(tr("Ctrl+2")));
    m_showOmics->setToolTip(tr("Sequence stores, read sets and import jobs of your AWS HealthOmics accounts"));
    m_showOmics->setCheckable(true);
    connect(m_showOmics, &QAction::triggered, this, [this] { showArea(m_omics); });
    connect(m_areas, &QStackedWidget::currentChanged, this, &MainWindow::areaShown);
    // One of the two is shown: pressing the shown one again keeps it checked.
    auto* areaGroup = new QActionGroup(this);
    areaGroup->setExclusive(true);
    areaGroup->addAction(m_showPlatform);
    areaGroup->addAction(m_showOmics);

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
    file->addAction(m_uploadReadSet);
    file->addSeparator();
    file->addAction(m_exportChart);
    file->addSeparator();
    file->addAction(m_preferences);
    file->addSeparator();
    file->addAction(m_quit);

    // Filled with the sample browser's own actions whenever a workspace is built.
    m_samplesMenu = menuBar()->addMenu(tr("&Samples"));
    m_samplesMenu->setObjectName(u"samplesMenu"_s);
    m_samplesMenu->setEnabled(false);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    view->addAction(m_showPlatform);
    view->addAction(m_showOmics);
    view->addSeparator();
    view->addAction(m_refresh);
    m_transfersDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+J")));
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
    // The two areas as a switch on the toolbar: no tab bar to take the height of a row.
    tools->addAction(m_showPlatform);
    tools->addAction(m_showOmics);
    tools->addSeparator();
    tools->addAction(m_refresh);
    tools->addAction(m_upload);
    tools->addAction(m_uploadReadSet);
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
    if (m_omicsConnections)
        m_transfers->setOmicsConnections(m_omicsConnections);
    m_transfers->setAccountName(user.nickname.isEmpty() ? user.username : user.nickname);
    m_transfersStatus->setQueue(m_transfers->queue());
    // Nothing left to show: the results get the panel's height back.
    connect(m_transfers->queue(), &TransferQueue::itemsRemoved, m_transfersDock, [this] {
        if (m_transfers && m_transfers->queue()->count() == 0)
            m_transfersDock->hide();
    });
    createWorkspace();
    createOmicsArea();
    showArea(m_settings->value(kArea, 0).toInt() == 1 && m_omics ? static_cast<QWidget*>(m_omics)
                                                                   : static_cast<QWidget*>(m_workspace));
    m_account->setUser(user, profile);
    // Only who is signed in: Qt adds the application's display name to a title that does not
    // end with it, in each platform's style ("张磊 — BGE Desktop" on Linux, "张磊 - BGE Desktop" on
    // Windows; macOS shows the name in the menu bar). Naming the application here too showed it twice.
    setWindowTitle(m_account->text());
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
        workspace->splitter()->setSizes({width() * 2 / 5, width() * 3 / 5});
    workspace->sampleListAction()->setChecked(m_settings->value(kSampleList, true).toBool());
    m_viewMenu->insertAction(m_refresh, workspace->sampleListAction());
    m_viewMenu->insertAction(m_refresh, workspace->samplesPanel()->filtersAction());
    workspace->tabs()->setCurrentIndex(m_settings->value(kCurrentTab, 0).toInt());
    m_areas->insertWidget(0, workspace);
    showPage(m_areas);
}

void MainWindow::createOmicsArea()
{
    if (!m_omicsConnections)
        return;
    m_omics = new OmicsArea(m_omicsConnections, m_sandboxInfo, m_settings, m_areas);
    m_areas->addWidget(m_omics);
    connect(m_omics, &OmicsArea::notice, this, &MainWindow::showNotice);
    connect(m_omics, &OmicsArea::uploadsRequested, m_transfers, [this](const QString& account, const QList<omics::ReadSetUploadOptions>& uploads) {
        m_transfers->addReadSetUploads(account, uploads);
        m_transfersDock->show();
    });
    connect(m_omics, &OmicsArea::downloadRequested, m_transfers, &TransfersPanel::addReadSetDownload);
    connect(m_transfers, &TransfersPanel::readSetSettled, m_omics, &OmicsArea::readSetSettled);
}

void MainWindow::clearWorkspace()
{
    saveLayout();
    delete m_workspace;
    delete m_omics;
    m_samplesMenu->clear();
    m_samplesMenu->setEnabled(false);
    delete m_transfers;
    m_api = nullptr;
    m_account->clear();
    setWindowTitle(QGuiApplication::applicationDisplayName());
    setSignedIn(false);
}

void MainWindow::refresh()
{
    if (omicsShown()) {
        m_omics->refresh();
        return;
    }
    if (!m_workspace)
        return;
    // The views load what they show when they are built: a new set reloads everything, while
    // transfers under way carry on.
    saveLayout();
    delete m_workspace;
    m_samplesMenu->clear();
    m_samplesMenu->setEnabled(false);
    createWorkspace();
    showArea(m_workspace);
    m_monitor->checkNow();
}

void MainWindow::setSignedIn(bool signedIn)
{
    m_refresh->setEnabled(signedIn);
    m_upload->setEnabled(signedIn);
    const bool omics = signedIn && m_omicsConnections;
    m_uploadReadSet->setEnabled(omics);
    m_showPlatform->setEnabled(omics);
    m_showOmics->setEnabled(omics);
    m_signOut->setEnabled(signedIn);
    m_transfersDock->toggleViewAction()->setEnabled(signedIn);
    if (!signedIn) {
        m_transfersStatus->setQueue(nullptr);
        m_transfersDock->hide();
        return;
    }
    restoreState(m_settings->value(kState).toByteArray()); // where the user left the dock
    // Shown when there is something to do or decide (a queue resumed, failures, name clashes),
    // hidden when there is nothing or only finished transfers: the status bar then tells of them.
    const TransferTotals totals = m_transfers ? m_transfers->queue()->totals() : TransferTotals{};
    m_transfersDock->setVisible(totals.items > totals.completed);
}

void MainWindow::saveLayout()
{
    m_settings->setValue(kGeometry, saveGeometry());
    // Only a signed-in window has its dock where the user put it.
    if (m_workspace) {
        m_settings->setValue(kState, saveState());
        m_settings->setValue(kSplitter, m_workspace->splitter()->saveState());
        m_settings->setValue(kCurrentTab, m_workspace->tabs()->currentIndex());
        m_settings->setValue(kSampleList, m_workspace->sampleListAction()->isChecked());
        m_settings->setValue(kArea, omicsShown() ? 1 : 0);
    }
}

QChartView* MainWindow::shownChart() const
{
    QWidget* area = m_pages->currentWidget() == m_areas ? m_areas->currentWidget() : nullptr;
    if (!area)
        return nullptr;
    const QList<QChartView*> charts = area->findChildren<QChartView*>();
    // The one the keyboard is in, else the first one on screen.
    for (QChartView* chart : charts) {
        if (chart->isVisible() && chart->hasFocus())
            return chart;
    }
    for (QChartView* chart : charts) {
        if (chart->isVisible())
            return chart;
    }
    return nullptr;
}

void MainWindow::exportShownChart()
{
    ChartExporter* exporter = ChartExporter::of(shownChart());
    if (!exporter) {
        showNotice(tr("No chart is shown. Charts are on a sample's Abundance and Models tabs."));
        return;
    }
    exporter->chooseFile(ChartExport::Format::Png);
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
    if (omicsShown())
        m_omics->proposeUploads(event->mimeData()->urls());
    else
        m_transfers->addUploads(event->mimeData()->urls());
    event->acceptProposedAction();
}

} // namespace bge::ui
