#include "storeuploadsview.h"

#include "omics/omicsconnection.h" // before omicsapi.h: OmicsApi holds a QPointer<OmicsConnection>

#include "storeuploadmodel.h"

#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/recordtable.h"
#include "omics/omicsapi.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// ListReadSetUploadParts shares the store's 5 TPS quota with everything else (reference §4):
// two uploads counted at a time leave room for the rest of the app.
constexpr int kCountsInFlight = 2;
constexpr int kAgeRefreshMs = 30 * 1000;

} // namespace

StoreUploadsView::StoreUploadsView(omics::OmicsApi* api, const QString& storeId, QWidget* parent)
    : QWidget(parent), m_api(api), m_storeId(storeId), m_banner(new ErrorBanner(this)),
      m_model(new StoreUploadModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new RecordTable(this)), m_refreshButton(new QPushButton(tr("&Refresh"), this)),
      m_abortButton(new QPushButton(tr("&Abort…"), this)), m_status(new QLabel(this)),
      m_ageTimer(new QTimer(this))
{
    setObjectName(u"storeUploadsView"_s);
    setAccessibleName(tr("Uploads in progress"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StoreUploadModel::SortRole);
    m_table->setObjectName(u"storeUploadsTable"_s);
    m_table->setAccessibleName(tr("Multipart uploads in progress"));
    m_table->setAccessibleDescription(
        tr("Uploads begun in this store and not completed; Delete aborts the selected ones"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StoreUploadModel::Age, Qt::DescendingOrder);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_refreshButton->setObjectName(u"refreshUploadsButton"_s);
    m_refreshButton->setAccessibleName(tr("Refresh the uploads in progress"));
    m_refreshButton->setToolTip(tr("Ask the store again for its uploads in progress (F5)"));
    m_abortButton->setObjectName(u"abortUploadButton"_s);
    m_abortButton->setAccessibleName(tr("Abort the selected uploads"));
    m_abortButton->setToolTip(tr("Abort the selected uploads (Delete)"));
    auto* abortAction = new QAction(tr("Abort"), m_table);
    abortAction->setShortcut(QKeySequence::Delete);
    abortAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(abortAction);
    // Shortcuts of the view, not of the window: beside other views in one window, F5 refreshes
    // the one that has the focus.
    auto* refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshAction);
    connect(refreshAction, &QAction::triggered, this, &StoreUploadsView::refresh);
    m_status->setObjectName(u"uploadsStatus"_s);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refreshButton);
    buttons->addWidget(m_abortButton);
    buttons->addStretch();
    buttons->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    setTabOrder(m_refreshButton, m_abortButton);
    setTabOrder(m_abortButton, m_table);

    connect(m_refreshButton, &QPushButton::clicked, this, &StoreUploadsView::refresh);
    connect(m_abortButton, &QPushButton::clicked, this, &StoreUploadsView::abortSelected);
    connect(abortAction, &QAction::triggered, this, &StoreUploadsView::abortSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StoreUploadsView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StoreUploadsView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &StoreUploadsView::updateActions);
    connect(m_ageTimer, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    m_ageTimer->start(kAgeRefreshMs);

    updateActions();
    refresh();
}

StoreUploadsView::~StoreUploadsView() = default;

QString StoreUploadsView::statusText() const
{
    return m_status->text();
}

void StoreUploadsView::setStore(const QString& storeId)
{
    if (storeId == m_storeId)
        return;
    m_storeId = storeId;
    m_model->setUploads({}); // counts still out for the old store find no row and are dropped
    refresh();
}

void StoreUploadsView::refresh()
{
    m_banner->clear();
    m_toCount.clear();
    listPage({}, {});
}

void StoreUploadsView::listPage(QList<omics::ReadSetUpload> sofar, const QString& nextToken)
{
    if (!m_api)
        return;
    m_status->setText(tr("Loading…"));
    updateActions();
    omics::ListOptions options;
    options.maxResults = 100;
    options.nextToken = nextToken;
    m_listing.run<omics::OmicsPage<omics::ReadSetUpload>>(
        m_api->listUploads(m_storeId, options), this,
        [this, sofar](const Result<omics::OmicsPage<omics::ReadSetUpload>>& page) mutable {
            if (!page) {
                m_status->setText(tr("%n upload(s) in progress", nullptr, m_model->rowCount()));
                m_banner->showError(page.error(), [this] { refresh(); });
                updateActions();
                Q_EMIT refreshed();
                return;
            }
            sofar += page.value().items;
            if (!page.value().nextToken.isEmpty())
                return listPage(sofar, page.value().nextToken);
            m_model->setNow(QDateTime::currentDateTimeUtc());
            m_model->setUploads(sofar);
            fitColumnsToContents(m_table);
            m_status->setText(tr("%n upload(s) in progress", nullptr, int(sofar.size())));
            for (const omics::ReadSetUpload& u : std::as_const(sofar))
                m_toCount.append(u.uploadId);
            updateActions();
            countNext();
            Q_EMIT refreshed();
        });
}

void StoreUploadsView::countNext()
{
    while (m_counting < kCountsInFlight && !m_toCount.isEmpty()) {
        const QString id = m_toCount.takeFirst();
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        ++m_counting;
        // Only FASTQ has a second source (paired reads); asking for SOURCE2 of the others is
        // a wasted call.
        countParts(id, u"SOURCE1"_s, 0, {}, m_model->upload(row).sourceFileType == u"FASTQ");
    }
}

void StoreUploadsView::countParts(const QString& uploadId, const QString& source, int sofar,
                                  const QString& nextToken, bool thenSource2)
{
    omics::ListOptions options;
    options.maxResults = 100;
    options.nextToken = nextToken;
    m_api->listUploadParts(m_storeId, uploadId, source, {}, options)
        ->run(this, [=, this](const Result<omics::OmicsPage<omics::ReadSetUploadPart>>& page) {
            if (!page)
                return counted(uploadId, -1);
            const int total = sofar + int(page.value().items.size());
            if (!page.value().nextToken.isEmpty())
                return countParts(uploadId, source, total, page.value().nextToken, thenSource2);
            if (thenSource2)
                return countParts(uploadId, u"SOURCE2"_s, total, {}, false);
            counted(uploadId, total);
        });
}

void StoreUploadsView::counted(const QString& uploadId, int parts)
{
    --m_counting;
    m_model->setParts(uploadId, parts);
    countNext();
}

QList<omics::ReadSetUpload> StoreUploadsView::selectedUploads() const
{
    QList<omics::ReadSetUpload> out;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        out.append(m_model->upload(m_proxy->mapToSource(index).row()));
    return out;
}

void StoreUploadsView::abortSelected()
{
    const QList<omics::ReadSetUpload> uploads = selectedUploads();
    if (uploads.isEmpty() || m_confirmation)
        return;
    const omics::ReadSetUpload& first = uploads.first();
    const QString text =
        uploads.size() == 1
            ? tr("Abort the upload of “%1” (%2, started %3)?")
                  .arg(first.name, first.sourceFileType,
                       StoreUploadModel::age(first.creationTime, QDateTime::currentDateTimeUtc()))
            : tr("Abort %n uploads?", nullptr, int(uploads.size()));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Abort Upload"), text, QMessageBox::NoButton, this);
    box->setObjectName(u"abortConfirmation"_s);
    box->setInformativeText(tr("The parts already sent are deleted and no read set is made. A program still "
                               "sending this upload will fail. This cannot be undone."));
    QPushButton* abortButton = box->addButton(tr("&Abort Upload"), QMessageBox::DestructiveRole);
    abortButton->setObjectName(u"confirmAbortButton"_s);
    QPushButton* keep = box->addButton(tr("&Keep"), QMessageBox::RejectRole);
    keep->setObjectName(u"keepUploadButton"_s);
    // Destroying someone's upload should take a deliberate choice: Enter keeps it.
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, abortButton, uploads](QAbstractButton* clicked) {
        if (clicked == abortButton)
            abortUploads(uploads);
    });
    m_confirmation = box;
    box->open();
}

void StoreUploadsView::abortUploads(const QList<omics::ReadSetUpload>& uploads)
{
    m_banner->clear();
    for (const omics::ReadSetUpload& u : uploads) {
        ++m_aborting;
        const QString id = u.uploadId;
        m_api->abortUpload(m_storeId, id)->run(this, [this, id](const Result<Done>& result) {
            --m_aborting;
            // Gone already (completed or aborted elsewhere): what was asked for is true.
            // HealthOmics says ResourceNotFoundException (healthomics-protocol.md); NotFoundException is
            // what some AWS services use, accepted too.
            const QString code = result ? QString() : result.error().serviceCode();
            if (result || code == u"ResourceNotFoundException" || code == u"NotFoundException") {
                m_model->removeUpload(id);
                m_status->setText(tr("%n upload(s) in progress", nullptr, m_model->rowCount()));
                Q_EMIT uploadAborted(id);
            } else {
                m_banner->showError(result.error());
            }
            updateActions();
        });
    }
    updateActions();
}

void StoreUploadsView::updateActions()
{
    m_refreshButton->setEnabled(!m_listing.isRunning());
    m_abortButton->setEnabled(m_aborting == 0 && m_table->selectionModel()->hasSelection());
}

} // namespace bge::ui
