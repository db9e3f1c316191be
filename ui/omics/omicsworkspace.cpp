#include "omicsworkspace.h"

#include "localfiledrop.h"
#include "omicsaccountswitcher.h"
#include "readsetspanel.h"
#include "sequencestoremodel.h"

#include "common/errorbanner.h"
#include "common/recordtable.h"
#include "omics/omicsconnections.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

QString lastStoreKey(const QString& account)
{
    return u"omics/lastStore/"_s + account;
}

} // namespace

OmicsWorkspace::OmicsWorkspace(omics::OmicsConnections* connections, std::optional<SandboxInfo> sandbox,
                               QSettings* settings, QWidget* parent)
    : QWidget(parent), m_connections(connections), m_settings(settings),
      m_switcher(
          new OmicsAccountSwitcher(connections, sandbox ? sandbox->omics : std::nullopt, settings, this)),
      m_pages(new QStackedWidget(this)), m_stores(new SequenceStoreModel(this)),
      m_storeView(new RecordTable(this)), m_storeBanner(new ErrorBanner(this)),
      m_storeStatus(new QLabel(this)), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_storeTabs(new QTabWidget(this)), m_readSets(new ReadSetsPanel(settings, this))
{
    setObjectName(u"omicsWorkspace"_s);

    m_refresh = new QAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Refresh"), this);
    m_refresh->setObjectName(u"omicsRefreshAction"_s);
    m_refresh->setShortcut(QKeySequence(Qt::Key_F5));
    m_refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refresh->setToolTip(tr("Load the sequence stores and read sets again (F5)"));
    connect(m_refresh, &QAction::triggered, this, &OmicsWorkspace::refreshAll);
    addAction(m_refresh);
    auto* find = new QAction(this);
    find->setObjectName(u"omicsFindAction"_s);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_readSets, &ReadSetsPanel::focusQuickSearch);
    addAction(find);

    m_pages->addWidget(buildEmptyPage());
    m_pages->addWidget(buildStoresPage());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_switcher);
    layout->addWidget(m_pages, 1);

    connect(m_switcher, &OmicsAccountSwitcher::currentAccountChanged, this,
            &OmicsWorkspace::onAccountChanged);
    connect(m_connections, &omics::OmicsConnections::accountsChanged, this,
            &OmicsWorkspace::onAccountsChanged);
    onAccountChanged(m_switcher->currentAccount());
}

OmicsWorkspace::~OmicsWorkspace() = default;

QWidget* OmicsWorkspace::buildEmptyPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(u"omicsEmptyPage"_s);
    auto* title = new QLabel(tr("Connect BGE Desktop to AWS HealthOmics"), page);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(tr("Add an account to see your sequence stores and read sets: an AWS profile of "
                               "this computer, an access key, or the emulator of the sandbox."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto* add = new QPushButton(tr("&Add Account…"), page);
    add->setObjectName(u"emptyAddAccountButton"_s);
    add->setAccessibleName(tr("Add HealthOmics account"));
    connect(add, &QPushButton::clicked, m_switcher, &OmicsAccountSwitcher::openAddDialog);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(add, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

QWidget* OmicsWorkspace::buildStoresPage()
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_stores);
    proxy->setSortRole(SequenceStoreModel::SortRole);
    m_storeView->setObjectName(u"sequenceStoresView"_s);
    m_storeView->setAccessibleName(tr("Sequence stores"));
    m_storeView->setAccessibleDescription(
        tr("The account's sequence stores; choose one to see its read sets"));
    m_storeView->setModel(proxy);
    m_storeView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_storeView->setWordWrap(false);
    m_storeView->verticalHeader()->hide();
    m_storeView->setSortingEnabled(true);
    m_storeView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_storeView->horizontalHeader()->setSortIndicatorClearable(true);
    m_storeView->horizontalHeader()->setStretchLastSection(true);
    auto* drop = new LocalFileDrop(m_storeView->viewport(),
                                   [this](const QPoint& pos) { return m_storeView->indexAt(pos).isValid(); });
    connect(drop, &LocalFileDrop::dropped, this, [this, proxy](const QList<QUrl>& urls, const QPoint& pos) {
        const QModelIndex index = proxy->mapToSource(m_storeView->indexAt(pos));
        if (index.isValid())
            Q_EMIT filesDropped(m_account, m_stores->storeAt(index.row()), urls);
    });
    m_storeStatus->setObjectName(u"storesStatus"_s);
    m_storeStatus->setWordWrap(true);

    auto* storesLabel = new QLabel(tr("&Sequence stores"), this);
    storesLabel->setBuddy(m_storeView);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins({});
    leftLayout->addWidget(storesLabel);
    leftLayout->addWidget(m_storeBanner);
    leftLayout->addWidget(m_storeView, 1);
    leftLayout->addWidget(m_storeStatus);

    m_storeTabs->setObjectName(u"storeTabs"_s);
    m_storeTabs->addTab(m_readSets, tr("Read sets"));
    m_storeTabs->setTabToolTip(0, tr("The store's read sets: find, open, download and upload them"));

    m_splitter->setObjectName(u"omicsSplitter"_s);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_storeTabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    left->setMinimumWidth(200);
    m_splitter->setSizes({300, 980});
    m_splitter->setChildrenCollapsible(false);

    connect(m_stores, &SequenceStoreModel::loaded, this, &OmicsWorkspace::onStoresLoaded);
    connect(m_stores, &SequenceStoreModel::loadingChanged, this, &OmicsWorkspace::updateStoreStatus);
    connect(m_stores, &SequenceStoreModel::loadFailed, this, [this](const ApiError& error) {
        m_storeBanner->showError(error, [this] { m_stores->reload(); });
        updateStoreStatus();
    });
    connect(m_storeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OmicsWorkspace::onCurrentStoreChanged);
    // Enter on a store opens it: on to its read sets.
    connect(m_storeView, &QAbstractItemView::activated, this,
            [this] { m_readSets->view()->setFocus(Qt::OtherFocusReason); });
    connect(
        m_readSets, &ReadSetsPanel::downloadRequested, this,
        [this](const QString& storeId, const QString& readSetId, const QString& file, const QString& name) {
            Q_EMIT downloadRequested(m_account, storeId, readSetId, file, name);
        });
    connect(m_readSets, &ReadSetsPanel::filesDropped, this, [this](const QList<QUrl>& urls) {
        if (!m_store.id.isEmpty())
            Q_EMIT filesDropped(m_account, m_store, urls);
    });
    return m_splitter;
}

void OmicsWorkspace::onAccountChanged(const QString& name)
{
    m_account = name;
    connectAccount(name);
}

void OmicsWorkspace::onAccountsChanged()
{
    // The current account's settings may have changed (edited): its connection is new.
    if (m_connections->accounts().isEmpty() || m_account != m_switcher->currentAccount())
        return; // the switcher reports the change of account itself
    Result<omics::OmicsConnection*> made = m_connections->connection(m_account);
    if (!made || made.value() != m_connection)
        connectAccount(m_account);
}

void OmicsWorkspace::connectAccount(const QString& name)
{
    m_store = {};
    // The views of the last account's store go now, not when the new account's stores arrive
    // (which may be never, with refused keys): nothing may act on that account any more.
    Q_EMIT storeChanged(name, m_store);
    m_storeBanner->clear();
    // With no account, the empty page's own "Add Account…" is the one way on.
    m_switcher->setVisible(!name.isEmpty());
    if (name.isEmpty()) {
        m_connection = nullptr;
        m_stores->setConnection(nullptr);
        m_readSets->setStore(nullptr, {});
        m_pages->setCurrentIndex(0);
        updateStoreStatus();
        return;
    }
    m_pages->setCurrentIndex(1);
    Result<omics::OmicsConnection*> made = m_connections->connection(name);
    m_connection = made ? made.value() : nullptr;
    m_stores->setConnection(m_connection);
    m_readSets->setStore(nullptr, {});
    if (!made) {
        m_storeBanner->showError(made.error());
        updateStoreStatus();
        return;
    }
    m_stores->reload();
    updateStoreStatus();
}

void OmicsWorkspace::onStoresLoaded()
{
    m_storeBanner->clear();
    // Store names are what a person recognises them by: whole, the other columns after.
    m_storeView->resizeColumnToContents(0);
    QString wanted = m_store.id;
    if (wanted.isEmpty())
        wanted = m_settings->value(lastStoreKey(m_account)).toString();
    int row = m_stores->rowOf(wanted);
    if (row < 0 && m_stores->rowCount() > 0)
        row = 0;
    if (row >= 0) {
        auto* proxy = static_cast<QSortFilterProxyModel*>(m_storeView->model());
        m_storeView->setCurrentIndex(proxy->mapFromSource(m_stores->index(row, 0)));
    } else {
        onCurrentStoreChanged();
    }
    updateStoreStatus();
}

void OmicsWorkspace::selectStore(const QString& storeId)
{
    const int row = m_stores->rowOf(storeId);
    if (row < 0)
        return;
    auto* proxy = static_cast<QSortFilterProxyModel*>(m_storeView->model());
    m_storeView->setCurrentIndex(proxy->mapFromSource(m_stores->index(row, 0)));
}

void OmicsWorkspace::onCurrentStoreChanged()
{
    auto* proxy = static_cast<QSortFilterProxyModel*>(m_storeView->model());
    const QModelIndex current = proxy->mapToSource(m_storeView->selectionModel()->currentIndex());
    const omics::SequenceStore store =
        current.isValid() ? m_stores->storeAt(current.row()) : omics::SequenceStore();
    if (store.id == m_store.id && !store.id.isEmpty()) {
        m_store = store; // a refresh: the same store, perhaps with a new status
        return;
    }
    m_store = store;
    if (!store.id.isEmpty())
        m_settings->setValue(lastStoreKey(m_account), store.id);
    m_readSets->setStore(store.id.isEmpty() ? nullptr : m_connection.data(), store.id);
    Q_EMIT storeChanged(m_account, m_store);
}

void OmicsWorkspace::refreshReadSets()
{
    m_readSets->refresh();
}

void OmicsWorkspace::refreshAll()
{
    if (m_account.isEmpty())
        return;
    if (!m_connection) {
        connectAccount(m_account);
        return;
    }
    m_stores->reload();
    refreshReadSets();
}

void OmicsWorkspace::updateStoreStatus()
{
    if (m_stores->isLoading())
        m_storeStatus->setText(tr("Loading sequence stores…"));
    else if (!m_connection)
        m_storeStatus->clear();
    else
        m_storeStatus->setText(tr("%n sequence store(s)", nullptr, m_stores->rowCount()));
}

} // namespace bge::ui
