#include "importjobsview.h"

#include "omics/omicsconnection.h" // before omicsapi.h: OmicsApi holds a QPointer<OmicsConnection>

#include "importjobdetail.h"
#include "importjobmodel.h"
#include "startimportdialog.h"

#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/recordtable.h"
#include "common/taborder.h"
#include "omics/omicsapi.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// ListReadSetImportJobs and GetReadSetImportJob share the store's quota with everything else;
// import jobs take minutes, so a look every few seconds is plenty.
constexpr int kPollMs = 3000;

} // namespace

ImportJobsView::ImportJobsView(omics::OmicsApi* api, const QString& storeId, const QString& defaultRoleArn,
                               QWidget* parent)
    : QWidget(parent), m_api(api), m_storeId(storeId), m_defaultRole(defaultRoleArn),
      m_banner(new ErrorBanner(this)), m_model(new ImportJobModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new RecordTable(this)),
      m_detail(new ImportJobDetail(api, storeId, this)),
      m_startButton(new QPushButton(tr("&Start Import…"), this)),
      m_refreshButton(new QPushButton(tr("&Refresh"), this)), m_status(new QLabel(this)),
      m_poll(new QTimer(this))
{
    setObjectName(u"importJobsView"_s);
    setAccessibleName(tr("Import jobs"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ImportJobModel::SortRole);
    m_table->setObjectName(u"importJobsTable"_s);
    m_table->setAccessibleName(tr("Import jobs of the store"));
    m_table->setAccessibleDescription(
        tr("The store's import jobs, newest first; the chosen one is detailed below"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ImportJobModel::Created, Qt::DescendingOrder);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_startButton->setObjectName(u"startImportJobButton"_s);
    m_startButton->setAccessibleName(tr("Start an import job"));
    m_startButton->setToolTip(tr("Import read sets from files in S3 (Ctrl+I)"));
    m_refreshButton->setObjectName(u"refreshImportJobsButton"_s);
    m_refreshButton->setAccessibleName(tr("Refresh the import jobs"));
    m_refreshButton->setToolTip(tr("Ask the store again for its import jobs (F5)"));
    m_status->setObjectName(u"importJobsStatus"_s);
    m_poll->setObjectName(u"importJobsPoll"_s);
    // Shortcuts of the view, not of the window: beside other views in one window, F5 refreshes
    // the one that has the focus.
    auto* startAction = new QAction(tr("Start Import…"), this);
    startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    startAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(startAction);
    connect(startAction, &QAction::triggered, this, &ImportJobsView::startImport);
    auto* refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshAction);
    connect(refreshAction, &QAction::triggered, this, &ImportJobsView::refresh);
    m_poll->setInterval(kPollMs);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_refreshButton);
    buttons->addStretch();
    buttons->addWidget(m_status);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"importJobsSplitter"_s);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    orderTabStops({m_startButton, m_refreshButton, m_table, m_detail});

    connect(m_startButton, &QPushButton::clicked, this, &ImportJobsView::startImport);
    connect(m_refreshButton, &QPushButton::clicked, this, &ImportJobsView::refresh);
    connect(m_poll, &QTimer::timeout, this, &ImportJobsView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ImportJobsView::selectionChanged);
    connect(m_detail, &ImportJobDetail::jobLoaded, this, &ImportJobsView::jobLoaded);
    connect(m_detail, &ImportJobDetail::readSetActivated, this, &ImportJobsView::readSetActivated);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &ImportJobsView::updateStatus);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ImportJobsView::updateStatus);
    refresh();
}

ImportJobsView::~ImportJobsView() = default;

bool ImportJobsView::isPolling() const
{
    return m_poll->isActive();
}

void ImportJobsView::setPollIntervalMs(int ms)
{
    m_poll->setInterval(ms);
}

void ImportJobsView::setStore(const QString& storeId)
{
    if (storeId == m_storeId)
        return;
    m_storeId = storeId;
    m_listing.abort();
    m_follow.clear();
    // It would start the job in the store left behind (or, starting, report it into this one).
    delete m_dialog;
    m_detail->setStore(storeId);
    m_model->setJobs({});
    updatePolling();
    refresh();
}

void ImportJobsView::refresh()
{
    if (m_listing.isRunning())
        return; // a tick while the last look is still out: that one will do
    listPage({}, {});
}

void ImportJobsView::listPage(QList<omics::ImportJobSummary> sofar, const QString& nextToken)
{
    if (!m_api)
        return;
    m_refreshButton->setEnabled(false);
    omics::ListOptions options;
    options.maxResults = 100;
    options.nextToken = nextToken;
    m_listing.run<omics::OmicsPage<omics::ImportJobSummary>>(
        m_api->listImportJobs(m_storeId, {}, options), this,
        [this, sofar](const Result<omics::OmicsPage<omics::ImportJobSummary>>& page) mutable {
            if (!page) {
                m_refreshButton->setEnabled(true);
                m_banner->showError(page.error(), [this] { refresh(); });
                // A failing service is not asked every few seconds: Retry or Refresh asks again.
                m_poll->stop();
                Q_EMIT refreshed();
                return;
            }
            sofar += page.value().items;
            if (!page.value().nextToken.isEmpty())
                return listPage(sofar, page.value().nextToken);
            m_refreshButton->setEnabled(true);
            m_banner->clear();
            m_model->setJobs(sofar);
            if (!m_follow.isEmpty())
                followJob(m_follow);
            // The detail follows its job while it runs, and once more when the list says it ended.
            const int row = m_model->rowOf(m_detail->jobId());
            if (row >= 0 && m_detail->job() &&
                (ImportJobModel::isRunning(m_detail->job()->summary.status) ||
                 m_detail->job()->summary.status != m_model->job(row).status))
                m_detail->refresh();
            updatePolling();
            Q_EMIT refreshed();
        });
}

void ImportJobsView::startImport()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new StartImportDialog(m_api, m_storeId, m_defaultRole, m_references, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &StartImportDialog::importStarted, this, [this](const omics::ImportJobSummary& job) {
        m_model->upsert(job);
        followJob(job.id);
        updatePolling();
    });
    m_dialog->open();
}

void ImportJobsView::followJob(const QString& jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row < 0) {
        m_follow = jobId; // selected when a refresh brings it
        return;
    }
    m_follow.clear();
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

QString ImportJobsView::selectedJobId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->job(m_proxy->mapToSource(current).row()).id : QString();
}

void ImportJobsView::selectionChanged()
{
    m_detail->showJob(selectedJobId());
}

void ImportJobsView::jobLoaded(const omics::ImportJob& job)
{
    // GetReadSetImportJob may be newer than the list: its status goes into the row at once.
    if (m_model->rowOf(job.summary.id) >= 0)
        m_model->upsert(job.summary);
    updatePolling();
}

void ImportJobsView::updateStatus()
{
    int running = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        running += ImportJobModel::isRunning(m_model->job(row).status) ? 1 : 0;
    const int jobs = m_model->rowCount();
    m_status->setText(running ? tr("%n job(s), %1 running", nullptr, jobs).arg(running)
                              : tr("%n job(s)", nullptr, jobs));
    // A handful of rows: the columns follow their contents (a new job, a completion time).
    fitColumnsToContents(m_table);
}

void ImportJobsView::updatePolling()
{
    if (isVisible() && m_model->anyRunning()) {
        if (!m_poll->isActive())
            m_poll->start();
    } else {
        m_poll->stop();
    }
}

void ImportJobsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_model->anyRunning())
        refresh(); // what happened while it was hidden, then the timer goes on
    updatePolling();
}

void ImportJobsView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updatePolling();
}

} // namespace bge::ui
