#include "mainwindow.h"

#include "abundance/abundanceview.h"
#include "api/records/sample.h"
#include "models/modelsview.h"
#include "samples/sampledetailview.h"
#include "samples/samplespanel.h"
#include "transfers/transferspanel.h"
#include "variants/variantsview.h"

#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMenuBar>
#include <QMimeData>
#include <QSplitter>
#include <QTabWidget>

namespace bge::ui {

MainWindow::MainWindow(PlatformApi* api, QWidget* parent)
    : QMainWindow(parent)
    , m_api(api)
{
    setWindowTitle(tr("BGE Desktop"));
    setAcceptDrops(true);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_samples = new SamplesPanel(api, splitter);
    auto* tabs = new QTabWidget(splitter);
    tabs->setObjectName(QStringLiteral("sampleTabs"));
    m_details = new SampleDetailView(api, tabs);
    m_variants = new VariantsView(api, tabs);
    m_abundance = new AbundanceView(api, tabs);
    m_models = new ModelsView(api, tabs);
    tabs->addTab(m_details, tr("Details"));
    tabs->addTab(m_variants, tr("Variants"));
    tabs->addTab(m_abundance, tr("Abundance"));
    tabs->addTab(m_models, tr("Models"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    auto* dock = new QDockWidget(tr("Transfers"), this);
    dock->setObjectName(QStringLiteral("transfersDock"));
    m_transfers = new TransfersPanel(api, dock);
    dock->setWidget(m_transfers);
    addDockWidget(Qt::BottomDockWidgetArea, dock);

    connect(m_samples, &SamplesPanel::currentSampleChanged, this, &MainWindow::showSample);
    connect(m_details, &SampleDetailView::downloadRequested, m_transfers, &TransfersPanel::addDownload);
    connect(m_abundance, &AbundanceView::downloadRequested, m_transfers, &TransfersPanel::addDownload);

    createMenus();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* upload = file->addAction(tr("&Upload Files…"), m_transfers, &TransfersPanel::chooseFilesToUpload);
    upload->setShortcut(QKeySequence(tr("Ctrl+U")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::showSample(const bge::Sample& sample)
{
    m_details->setSample(sample);
    m_variants->setSample(sample);
    m_abundance->setSample(sample);
    m_models->setSample(sample);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (TransfersPanel::acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (!TransfersPanel::acceptsDrop(event->mimeData()))
        return;
    m_transfers->addUploads(event->mimeData()->urls());
    event->acceptProposedAction();
}

} // namespace bge::ui
