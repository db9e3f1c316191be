#include "readsetspanel.h"

#include "localfiledrop.h"
#include "readsetdetailview.h"
#include "readsetfilterbar.h"
#include "readsettablemodel.h"

#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/recordtable.h"
#include "samples/columnchooser.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView kSettingsGroup("omics/readSets");

} // namespace

ReadSetsPanel::ReadSetsPanel(QSettings* settings, QWidget* parent)
    : QWidget(parent), m_settings(settings), m_model(new ReadSetTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filterBar(new ReadSetFilterBar(this)),
      m_search(new QLineEdit(this)), m_banner(new ErrorBanner(this)), m_view(new RecordTable(this)),
      m_detail(new ReadSetDetailView(this)), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_status(new QLabel(this)), m_saveHeader(new QTimer(this))
{
    setObjectName(u"readSetsPanel"_s);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReadSetTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_search->setObjectName(u"readSetQuickSearch"_s);
    m_search->setAccessibleName(tr("Quick search"));
    m_search->setPlaceholderText(tr("Quick search in the loaded read sets… (Ctrl+F)"));
    m_search->setToolTip(tr("Looks only through the read sets already loaded in the table. "
                            "The filters above ask HealthOmics about the whole store."));
    m_search->setClearButtonEnabled(true);

    m_view->setObjectName(u"readSetsView"_s);
    m_view->setAccessibleName(tr("Read sets"));
    m_view->setAccessibleDescription(tr("The store's read sets that match the filters; the chosen one is "
                                        "detailed beside the list"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the service's order until asked
    m_view->setSortingEnabled(true);
    m_columns = new ColumnChooser(header);
    auto* drop = new LocalFileDrop(m_view->viewport());
    connect(drop, &LocalFileDrop::dropped, this,
            [this](const QList<QUrl>& urls) { Q_EMIT filesDropped(urls); });

    m_status->setObjectName(u"readSetsStatus"_s);

    m_saveHeader->setSingleShot(true);
    m_saveHeader->setInterval(500); // resizing emits on every pixel
    connect(m_saveHeader, &QTimer::timeout, this, &ReadSetsPanel::saveSettings);

    auto* columnsButton = new QToolButton(this);
    columnsButton->setObjectName(u"readSetColumnsButton"_s);
    columnsButton->setAccessibleName(tr("Choose columns"));
    columnsButton->setToolTip(tr("Choose the columns the read-set table shows"));
    columnsButton->setText(tr("Columns"));
    columnsButton->setMenu(m_columns->menu());
    columnsButton->setPopupMode(QToolButton::InstantPopup);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(columnsButton);

    auto* tableSide = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableSide);
    tableLayout->setContentsMargins({});
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_status);
    m_splitter->setObjectName(u"readSetsSplitter"_s);
    m_splitter->addWidget(tableSide);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filterBar);
    layout->addLayout(searchRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    connect(m_filterBar, &ReadSetFilterBar::queryChanged, this, &ReadSetsPanel::applyQuery);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateStatus();
    });
    connect(m_model, &ReadSetTableModel::reset, this, [this] {
        m_banner->clear();
        updateStatus();
    });
    connect(m_model, &ReadSetTableModel::pageLoaded, this, [this] {
        if (m_fitColumns && m_model->rowCount() > 0) {
            m_fitColumns = false;
            fitColumnsToContents(m_view);
        }
        updateStatus();
        selectPending();
    });
    connect(m_model, &ReadSetTableModel::loadingChanged, this, &ReadSetsPanel::updateStatus);
    connect(m_model, &ReadSetTableModel::loadFailed, this, &ReadSetsPanel::onLoadFailed);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReadSetsPanel::onCurrentChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ReadSetsPanel::onCurrentChanged);
    connect(m_detail, &ReadSetDetailView::downloadRequested, this, &ReadSetsPanel::downloadRequested);
    // Enter on a read set opens it: on to its details.
    connect(m_view, &QAbstractItemView::activated, this, [this] { m_detail->focusDetails(); });
    connect(header, &QHeaderView::sectionMoved, m_saveHeader, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sectionResized, m_saveHeader, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sortIndicatorChanged, m_saveHeader, qOverload<>(&QTimer::start));
    connect(m_columns, &ColumnChooser::columnsChanged, m_saveHeader, qOverload<>(&QTimer::start));
    connect(m_splitter, &QSplitter::splitterMoved, m_saveHeader, qOverload<>(&QTimer::start));

    setTabOrder(m_search, columnsButton);
    setTabOrder(columnsButton, m_view);
    setTabOrder(m_view, m_detail);
    restoreSettings();
    updateStatus();
}

ReadSetsPanel::~ReadSetsPanel()
{
    saveSettings();
}

void ReadSetsPanel::restoreSettings()
{
    m_settings->beginGroup(kSettingsGroup);
    m_settings->beginGroup(u"filters"_s);
    m_filterBar->setQuery(ReadSetQuery::load(*m_settings));
    m_settings->endGroup();
    m_fitColumns = !m_view->horizontalHeader()->restoreState(m_settings->value(u"header"_s).toByteArray());
    if (m_fitColumns) {
        // First run: the columns a person looks for first; the rest are a click away.
        for (int c :
             {ReadSetTableModel::Reference, ReadSetTableModel::Description, ReadSetTableModel::BaseCount})
            m_view->horizontalHeader()->hideSection(c);
    }
    m_splitter->restoreState(m_settings->value(u"splitter"_s).toByteArray());
    m_settings->endGroup();
}

void ReadSetsPanel::saveSettings() const
{
    m_settings->beginGroup(kSettingsGroup);
    m_settings->beginGroup(u"filters"_s);
    m_filterBar->query().save(*m_settings);
    m_settings->endGroup();
    m_settings->setValue(u"header"_s, m_view->horizontalHeader()->saveState());
    m_settings->setValue(u"splitter"_s, m_splitter->saveState());
    m_settings->endGroup();
}

void ReadSetsPanel::setStore(omics::OmicsConnection* connection, const QString& storeId)
{
    m_pendingSelection.clear(); // a read set of the previous store
    m_connection = connection;
    m_detail->clear();
    m_model->setStore(connection, storeId);
    refresh();
}

void ReadSetsPanel::refresh()
{
    m_banner->clear();
    m_model->reload(m_filterBar->query());
}

void ReadSetsPanel::focusQuickSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ReadSetsPanel::applyQuery(const ReadSetQuery& query)
{
    m_model->reload(query);
    m_saveHeader->start();
}

void ReadSetsPanel::onCurrentChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    m_detail->setReadSet(m_connection, m_model->storeId(), m_model->readSetAt(row));
}

void ReadSetsPanel::onLoadFailed(const ApiError& error)
{
    m_pendingSelection.clear();
    m_banner->showError(error, [this] { m_model->retry(); });
    updateStatus();
}

QString ReadSetsPanel::statusText() const
{
    return m_status->text();
}

void ReadSetsPanel::updateStatus()
{
    const int loaded = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text;
    if (m_model->storeId().isEmpty())
        text = tr("No sequence store selected.");
    else if (m_model->isLoading() && loaded == 0)
        text = tr("Loading read sets…");
    else if (m_model->isComplete())
        text = tr("%n read set(s)", nullptr, loaded);
    else
        text = tr("%n read set(s) loaded; scroll down for more", nullptr, loaded);
    if (shown != loaded)
        text = tr("%1 (%2 shown by the quick search)").arg(text).arg(shown);
    m_status->setText(text);
}

void ReadSetsPanel::selectReadSet(const QString& id)
{
    m_pendingSelection = id;
    m_reloadedForSelection = false;
    selectPending();
}

bool ReadSetsPanel::selectPending()
{
    if (m_pendingSelection.isEmpty())
        return false;
    const int row = m_model->rowOf(m_pendingSelection);
    if (row < 0) {
        if (m_model->canFetchMore({}))
            m_model->fetchMore({}); // pageLoaded comes back here
        else if (!m_model->isLoading() && !m_reloadedForSelection) {
            // A read set made after the list was read (an import job's): read the list again.
            m_reloadedForSelection = true;
            m_model->reload();
        } else if (!m_model->isLoading())
            m_pendingSelection.clear(); // not in this store's list (as filtered): nothing to select
        return false;
    }
    m_pendingSelection.clear();
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_search->clear();
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

} // namespace bge::ui
