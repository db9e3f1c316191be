#include "transferspanel.h"

#include "progressdelegate.h"
#include "transferactions.h"
#include "transferformat.h"
#include "transferlistmodel.h"
#include "transfernotifier.h"

#include "api/apiconnection.h"
#include "api/platformapi.h"
#include "common/recordtable.h"
#include "transfer/transferpaths.h"
#include "transfer/transferqueue.h"
#include "transfer/uploadcredentials.h"

#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

const QString kDownloadFolderKey = u"transfers/downloadFolder"_s;
const QString kUploadFolderKey = u"transfers/lastUploadFolder"_s;

QStringList localPaths(const QList<QUrl>& urls)
{
    QStringList paths;
    for (const QUrl& url : urls) {
        if (url.isLocalFile() && !url.toLocalFile().isEmpty())
            paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace

TransfersPanel::TransfersPanel(PlatformApi* api, QWidget* parent)
    : TransfersPanel(api, TransferQueueSettings{}, parent)
{
}

TransfersPanel::TransfersPanel(PlatformApi* api, const TransferQueueSettings& settings, QWidget* parent)
    : TransfersPanel(api, settings.omics, settings, parent)
{
}

TransfersPanel::TransfersPanel(PlatformApi* api, omics::OmicsConnections* omics,
                               const TransferQueueSettings& queueSettings, QWidget* parent)
    : QWidget(parent), m_api(api)
{
    TransferQueueSettings settings = queueSettings;
    settings.omics = omics;
    setObjectName(u"transfersPanel"_s);
    if (api && api->connection() && api->connection()->tokenProvider())
        m_credentials = new PlatformUploadCredentials(api, api->connection()->tokenProvider(), this);
    m_queue = new TransferQueue(api, m_credentials, settings, this);
    m_model = new TransferListModel(m_queue, this);
    m_notifier = new TransferNotifier(this);

    createTable();
    m_actions = new TransferActions(m_queue, m_view, this);
    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(u"transfersContextMenu"_s);
    m_actions->fillMenu(m_contextMenu);

    m_totalBar = new QProgressBar(this);
    m_totalBar->setObjectName(u"transfersTotalProgress"_s);
    m_totalBar->setAccessibleName(tr("Total progress of the transfers"));
    m_totalBar->setRange(0, 1000);
    m_totalBar->setMaximumWidth(240);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"transfersSummary"_s);
    m_summary->setAccessibleName(tr("Transfer summary"));
    m_destinations = new QLabel(this);
    m_destinations->setObjectName(u"transferDestinations"_s);
    m_destinations->setAccessibleName(tr("Where transfers go"));
    m_destinations->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setObjectName(u"transfersMessage"_s);
    m_message->setAccessibleName(tr("Transfer messages"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* totals = new QHBoxLayout;
    totals->addWidget(m_totalBar);
    totals->addWidget(m_summary, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(createToolBar());
    layout->addWidget(m_view, 1);
    layout->addLayout(totals);
    layout->addWidget(m_destinations);
    layout->addWidget(m_message);

    connect(m_queue, &TransferQueue::totalsChanged, this, &TransfersPanel::updateTotals);
    connect(m_queue, &TransferQueue::uploadDestinationChanged, this, &TransfersPanel::updateDestinations);
    connect(m_queue, &TransferQueue::storageErrorChanged, this, &TransfersPanel::showMessage);
    connect(m_queue, &TransferQueue::notice, this, &TransfersPanel::showMessage);
    connect(m_queue, &TransferQueue::batchFinished, m_notifier, &TransferNotifier::notify);
    connect(m_queue, &TransferQueue::readSetSettled, this, &TransfersPanel::readSetSettled);
    connect(m_notifier, &TransferNotifier::shown, this,
            [this](const QString& title, const QString& text) { showMessage(title + u": "_s + text); });
    connect(m_actions, &TransferActions::problem, this, &TransfersPanel::showMessage);
    updateTotals();
    updateDestinations();
    if (!m_queue->storageError().isEmpty())
        showMessage(m_queue->storageError());
}

// Stops the transfers (they resume at the next start) before the views on them go.
TransfersPanel::~TransfersPanel()
{
    delete m_queue;
}

void TransfersPanel::createTable()
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TransferListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view = new RecordTable(this);
    m_view->setObjectName(u"transfersTable"_s);
    m_view->setAccessibleName(tr("Transfers"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(TransferListModel::Progress, new ProgressDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Thousands of rows: fixed heights, no measuring of contents.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(TransferListModel::Name, QHeaderView::Stretch);
    header->resizeSection(TransferListModel::Progress, 160);
    header->resizeSection(TransferListModel::Direction, 190); // "Download from HealthOmics"
    header->resizeSection(TransferListModel::State, 200);
    m_view->setSortingEnabled(true);
    // The queue's order (the order files were added in) until a column is clicked.
    header->setSortIndicator(-1, Qt::AscendingOrder);

    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        m_actions->update();
        m_contextMenu->popup(m_view->viewport()->mapToGlobal(pos));
    });
}

QWidget* TransfersPanel::createToolBar()
{
    auto* bar = new QToolBar(this);
    bar->setObjectName(u"transfersToolBar"_s);
    bar->setAccessibleName(tr("Transfer actions"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    QAction* upload = bar->addAction(style()->standardIcon(QStyle::SP_ArrowUp), tr("Upload Files…"), this,
                                     &TransfersPanel::chooseFilesToUpload);
    upload->setObjectName(u"uploadFilesAction"_s);
    bar->addSeparator();
    for (QAction* action : m_actions->itemActions()) {
        if (action)
            bar->addAction(action);
        else
            bar->addSeparator();
    }
    bar->addAction(m_actions->removeFinished());
    bar->addSeparator();
    QAction* folder = bar->addAction(style()->standardIcon(QStyle::SP_DirIcon), tr("Download Folder…"), this,
                                     &TransfersPanel::chooseDownloadFolder);
    folder->setObjectName(u"downloadFolderAction"_s);
    return bar;
}

void TransfersPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_askedDestination) {
        // Where uploads go is the platform's answer: asked once, when someone looks.
        m_askedDestination = true;
        m_queue->refreshUploadDestination();
    }
}

bool TransfersPanel::acceptsDrop(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return false;
    const QStringList paths = localPaths(mime->urls());
    return std::any_of(paths.cbegin(), paths.cend(),
                       [](const QString& path) { return QFileInfo::exists(path); });
}

void TransfersPanel::addUploads(const QList<QUrl>& urls)
{
    const QStringList paths = localPaths(urls);
    if (paths.isEmpty())
        return;
    if (m_queue->addUploads(paths).isEmpty()) {
        showMessage(tr("Nothing to upload: the folders hold no files."));
        return;
    }
    reveal();
}

void TransfersPanel::addDownload(const QString& objectName, const QString& suggestedFileName)
{
    const QString folder = downloadFolder();
    if (!QDir().mkpath(folder)) {
        showMessage(tr("The download folder %1 cannot be created. Choose another one.").arg(folder));
        return;
    }
    m_queue->addDownload(objectName, QDir(folder).filePath(downloadFileName(objectName, suggestedFileName)));
    reveal();
}

void TransfersPanel::addReadSetUploads(const QString& account,
                                       const QList<omics::ReadSetUploadOptions>& uploads)
{
    if (m_queue->addReadSetUploads(account, uploads).isEmpty())
        return;
    reveal();
}

void TransfersPanel::addReadSetDownload(const QString& account, const QString& storeId,
                                        const QString& readSetId, const QString& file,
                                        const QString& suggestedFileName)
{
    const QString folder = downloadFolder();
    if (!QDir().mkpath(folder)) {
        showMessage(tr("The download folder %1 cannot be created. Choose another one.").arg(folder));
        return;
    }
    const QString fallback = readSetId + u'_' + file.toLower();
    m_queue->addReadSetDownload(account, storeId, readSetId, file,
                                QDir(folder).filePath(downloadFileName(fallback, suggestedFileName)));
    reveal();
}

void TransfersPanel::setOmicsConnections(omics::OmicsConnections* omics)
{
    m_queue->setOmicsConnections(omics);
}

void TransfersPanel::chooseFilesToUpload()
{
    auto* dialog = new QFileDialog(this, tr("Upload Files"));
    dialog->setObjectName(u"uploadFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setDirectory(QSettings().value(kUploadFolderKey, QDir::homePath()).toString());
    connect(dialog, &QFileDialog::filesSelected, this, [this, dialog](const QStringList& files) {
        QSettings().setValue(kUploadFolderKey, dialog->directory().absolutePath());
        QList<QUrl> urls;
        for (const QString& file : files)
            urls.append(QUrl::fromLocalFile(file));
        addUploads(urls);
    });
    dialog->open();
}

void TransfersPanel::chooseDownloadFolder()
{
    auto* dialog = new QFileDialog(this, tr("Download Folder"), downloadFolder());
    dialog->setObjectName(u"downloadFolderDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& folder) {
        setDownloadFolder(folder);
        updateDestinations();
    });
    dialog->open();
}

QString TransfersPanel::downloadFolder()
{
    QString fallback = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (fallback.isEmpty())
        fallback = QDir::homePath();
    return QSettings().value(kDownloadFolderKey, fallback).toString();
}

void TransfersPanel::setDownloadFolder(const QString& folder)
{
    QSettings().setValue(kDownloadFolderKey, QDir::cleanPath(folder));
}

void TransfersPanel::updateTotals()
{
    const TransferTotals& totals = m_queue->totals();
    m_summary->setText(TransferFormat::summary(totals));
    m_totalBar->setVisible(totals.items > 0);
    m_totalBar->setValue(totals.totalBytes > 0
                             ? int(totals.doneBytes * 1000 / totals.totalBytes)
                             : (totals.items > 0 && totals.completed == totals.items ? 1000 : 0));
}

void TransfersPanel::setAccountName(const QString& name)
{
    m_accountName = name;
    updateDestinations();
}

void TransfersPanel::updateDestinations()
{
    // The platform's folder is a generated path ("DUS-1886…/20260312TZ-…") that means nothing to
    // a person: the account it belongs to is named instead, the path kept for the tooltip.
    const QString uploads = m_accountName.isEmpty() ? tr("your platform folder")
                                                    : tr("the platform folder of %1").arg(m_accountName);
    m_destinations->setText(
        tr("Uploads go to %1 · Downloads go to %2").arg(uploads, QDir::toNativeSeparators(downloadFolder())));
    m_destinations->setToolTip(m_queue->uploadDestination().isEmpty()
                                   ? QString()
                                   : tr("Platform folder for uploads: %1").arg(m_queue->uploadDestination()));
}

void TransfersPanel::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void TransfersPanel::reveal()
{
    // The panel may sit in a closed dock: what was just queued should be seen.
    if (auto* dock = qobject_cast<QDockWidget*>(parentWidget())) {
        dock->show();
        dock->raise();
    }
}

} // namespace bge::ui
