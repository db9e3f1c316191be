#include "samplespanel.h"

#include "columnchooser.h"
#include "improvesampledialog.h"
#include "registersampledialog.h"
#include "samplefilterbar.h"
#include "samplequeryresolver.h"
#include "samplesortfilterproxy.h"
#include "sampletablemodel.h"

#include "api/platformapi.h"
#include "common/errorbanner.h"
#include "common/recordtable.h"
#include "common/taborder.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView kSettingsGroup("samples");

} // namespace

SamplesPanel::SamplesPanel(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_model(new SampleTableModel(api, this)),
      m_proxy(new SampleSortFilterProxy(m_model, this)), m_filterBar(new SampleFilterBar(this)),
      m_search(new QLineEdit(this)), m_banner(new ErrorBanner(this)), m_view(new RecordTable(this)),
      m_status(new QLabel(this)), m_saveHeader(new QTimer(this)), m_resolver(new SampleQueryResolver(this))
{
    setObjectName(u"samplesPanel"_s);

    m_search->setObjectName(u"quickSearch"_s);
    m_search->setAccessibleName(tr("Quick search"));
    m_search->setPlaceholderText(tr("Quick search in the loaded samples…"));
    m_search->setToolTip(tr("Looks only through the samples already loaded in the table. "
                            "The server filters above search all your samples."));
    m_search->setClearButtonEnabled(true);

    m_view->setObjectName(u"samplesView"_s);
    m_view->setAccessibleName(tr("Samples"));
    m_view->setAccessibleDescription(tr("Your samples. Select one to see its results; Ctrl or Shift selects "
                                        "several to compare them."));
    m_view->setModel(m_proxy);
    // Several samples at once: their compositions and genotypes are compared side by side.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // One line per sample: compact rows show more of them.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setSortIndicatorClearable(true);
    // No sort until the user asks: the server's order is kept.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_columns = new ColumnChooser(header);

    m_status->setObjectName(u"samplesStatus"_s);
    m_status->setWordWrap(true);

    m_saveHeader->setSingleShot(true);
    m_saveHeader->setInterval(500); // resizing emits on every pixel
    connect(m_saveHeader, &QTimer::timeout, this, &SamplesPanel::saveSettings);

    buildActions();
    auto* toolbar = new QToolBar(this);
    toolbar->setObjectName(u"samplesToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_refresh);
    toolbar->addAction(m_register);
    toolbar->addAction(m_improve);
    auto* columnsButton = new QToolButton(toolbar);
    columnsButton->setObjectName(u"columnsButton"_s);
    columnsButton->setText(tr("Columns"));
    columnsButton->setToolTip(tr("Choose the columns the sample table shows"));
    columnsButton->setMenu(m_columns->menu());
    columnsButton->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(columnsButton);
    toolbar->addAction(m_showFilters);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(toolbar);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_search);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    // The toolbar's Columns button was made after the table; Tab goes top to bottom.
    orderTabStops({columnsButton, m_filterBar, m_search, m_banner, m_view});

    connect(m_filterBar, &SampleFilterBar::filtersChanged, this, &SamplesPanel::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setSearchText(text);
        updateStatus();
    });
    connect(m_resolver, &SampleQueryResolver::resolved, this,
            [this](const SampleQuery& query) { m_model->reload(query); });
    connect(m_resolver, &SampleQueryResolver::nothingMatches, this, [this](const QString& reason) {
        m_model->clear();
        m_noMatch = reason;
        updateStatus();
    });
    connect(m_resolver, &SampleQueryResolver::failed, this, [this](const ApiError& error) {
        m_model->clear();
        m_banner->showError(error, [this] { load(); });
        updateStatus();
    });
    connect(m_model, &SampleTableModel::reset, this, [this] {
        m_banner->clear();
        updateStatus();
    });
    connect(m_model, &SampleTableModel::pageLoaded, this, &SamplesPanel::onPageLoaded);
    connect(m_model, &SampleTableModel::loadingChanged, this, &SamplesPanel::updateStatus);
    connect(m_model, &SampleTableModel::loadFailed, this, &SamplesPanel::onLoadFailed);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SamplesPanel::onCurrentChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SamplesPanel::onCurrentChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SamplesPanel::onSelectionChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SamplesPanel::onSelectionChanged);
    connect(header, &QHeaderView::sectionMoved, m_saveHeader, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sectionResized, m_saveHeader, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sortIndicatorChanged, m_saveHeader, qOverload<>(&QTimer::start));
    connect(m_columns, &ColumnChooser::columnsChanged, m_saveHeader, qOverload<>(&QTimer::start));

    restoreSettings();
    load();
}

SamplesPanel::~SamplesPanel()
{
    saveSettings();
}

void SamplesPanel::buildActions()
{
    m_refresh = new QAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Refresh Samples"), this);
    m_refresh->setObjectName(u"refreshSamplesAction"_s);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Load the samples again from the platform"));
    connect(m_refresh, &QAction::triggered, this, &SamplesPanel::load);

    m_register = new QAction(QIcon::fromTheme(u"list-add"_s), tr("Re&gister Sample…"), this);
    m_register->setObjectName(u"registerSampleAction"_s);
    m_register->setToolTip(tr("Register a new sample on the platform"));
    connect(m_register, &QAction::triggered, this, &SamplesPanel::openRegisterDialog);

    m_improve = new QAction(QIcon::fromTheme(u"document-edit"_s), tr("&Improve Sample…"), this);
    m_improve->setObjectName(u"improveSampleAction"_s);
    m_improve->setToolTip(tr("Fill in library fields of the selected sample that are still empty"));
    connect(m_improve, &QAction::triggered, this, &SamplesPanel::openImproveDialog);

    m_showFilters = new QAction(QIcon::fromTheme(u"view-filter"_s), tr("Sample &Filters"), this);
    m_showFilters->setObjectName(u"sampleFiltersAction"_s);
    m_showFilters->setCheckable(true);
    m_showFilters->setChecked(true);
    m_showFilters->setToolTip(
        tr("Show or fold away the server filters; folded, the list can narrow to its id "
           "column"));
    connect(m_showFilters, &QAction::toggled, this, [this](bool shown) {
        m_filterBar->setVisible(shown);
        updateFiltersAction();
        saveSettings();
    });

    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
}

void SamplesPanel::setApi(PlatformApi* api)
{
    m_api = api;
    m_model->setApi(api);
    load();
}

void SamplesPanel::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    m_filterBar->setFilters(SampleFilters::load(settings));
    // What the bar kept: codes no longer known are dropped.
    m_applied = m_filterBar->filters();
    const bool filtersShown = settings.value(u"filtersShown"_s, true).toBool();
    {
        const QSignalBlocker quiet(m_showFilters); // restoring is not a change to save
        m_showFilters->setChecked(filtersShown);
    }
    m_filterBar->setHidden(!filtersShown);
    updateFiltersAction();
    // First run: the columns fit the first page, once it is there.
    m_fitColumns = !m_view->horizontalHeader()->restoreState(settings.value(u"header"_s).toByteArray());
}

void SamplesPanel::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    m_applied.save(settings);
    settings.setValue(u"header"_s, m_view->horizontalHeader()->saveState());
    settings.setValue(u"filtersShown"_s, m_showFilters->isChecked());
}

void SamplesPanel::updateFiltersAction()
{
    // Folded away, the filters still apply: the button says how many.
    const int active = m_applied.activeCount();
    m_showFilters->setIconText(active > 0 ? tr("Filters (%1)").arg(active) : tr("Filters"));
}

void SamplesPanel::setFilters(const SampleFilters& filters)
{
    m_filterBar->setFilters(filters);
    applyFilters();
}

void SamplesPanel::applyFilters()
{
    const SampleFilters filters = m_filterBar->filters();
    if (filters == m_applied)
        return; // e.g. the focus left a text box that did not change
    m_applied = filters;
    updateFiltersAction();
    saveSettings();
    load();
}

void SamplesPanel::load()
{
    m_noMatch.clear();
    m_banner->clear();
    updateActions();
    if (!m_api) {
        m_resolver->cancel();
        m_model->clear();
        updateStatus();
        return;
    }
    // Rows of the old filters must not stand for the new ones while ids are looked up.
    if (!m_applied.externalIds().isEmpty())
        m_model->clear();
    m_resolver->resolve(m_api, m_applied);
    updateStatus();
}

void SamplesPanel::onLoadFailed(const ApiError& error)
{
    m_banner->showError(error, [this] { m_model->retry(); });
    updateStatus();
}

void SamplesPanel::onPageLoaded()
{
    if (m_fitColumns && m_model->rowCount() > 0) {
        m_fitColumns = false;
        m_view->resizeColumnsToContents();
    }
    if (!m_selectWhenLoaded.isEmpty()) {
        const int row = m_model->rowOf(m_selectWhenLoaded);
        if (row >= 0) {
            m_selectWhenLoaded.clear();
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            if (index.isValid()) {
                // As a click does: current and the only one selected (setCurrentIndex alone
                // leaves the selection as it was in extended selection).
                m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                     QItemSelectionModel::Rows);
                m_view->scrollTo(index);
            }
        }
    }
    updateStatus();
}

Sample SamplesPanel::currentSample() const
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    return current.isValid() ? m_model->sampleAt(current.row()) : Sample();
}

void SamplesPanel::onCurrentChanged()
{
    const Sample sample = currentSample();
    updateActions();
    if (sample.biosampleId == m_currentId)
        return;
    m_currentId = sample.biosampleId;
    Q_EMIT currentSampleChanged(sample);
}

QList<Sample> SamplesPanel::selectedSamples() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<Sample> samples;
    samples.reserve(rows.size());
    for (const QModelIndex& row : std::as_const(rows)) {
        const QModelIndex source = m_proxy->mapToSource(row);
        if (source.isValid())
            samples.append(m_model->summaryAt(source.row()));
    }
    return samples;
}

void SamplesPanel::onSelectionChanged()
{
    const QList<Sample> samples = selectedSamples();
    QStringList ids;
    ids.reserve(samples.size());
    for (const Sample& s : samples)
        ids.append(s.biosampleId);
    QStringList sortedIds = ids;
    sortedIds.sort();
    if (sortedIds == m_selectedIds)
        return; // a sort of the table moves rows, it does not change what is selected
    m_selectedIds = sortedIds;
    Q_EMIT selectedSamplesChanged(samples);
}

void SamplesPanel::updateActions()
{
    m_refresh->setEnabled(m_api != nullptr);
    m_register->setEnabled(m_api != nullptr);
    m_improve->setEnabled(m_api != nullptr && m_view->currentIndex().isValid());
    m_filterBar->setEnabled(m_api != nullptr);
}

bool SamplesPanel::isLoading() const
{
    return m_resolver->isBusy() || m_model->isLoading();
}

QString SamplesPanel::statusText() const
{
    return m_status->text();
}

void SamplesPanel::updateStatus()
{
    const int loaded = m_model->rowCount();
    QString text;
    if (!m_api)
        text = tr("Sign in to see your samples.");
    else if (!m_noMatch.isEmpty())
        text = m_noMatch;
    else if (m_resolver->isBusy())
        text = tr("Looking up the external ids…");
    else if (m_model->isLoading() && loaded == 0)
        text = tr("Loading samples…");
    else if (m_model->total() == 0 && !m_model->hasError())
        // What to do next, not only what is missing.
        text = m_applied.isEmpty()
                   ? tr("You have no samples yet. Register one with Samples → Register Sample…; "
                        "its results appear here once the platform has analysed it.")
                   : tr("No sample matches the filters. Clear filters to see all your samples.");
    else if (m_model->total())
        text = tr("%1 of %n sample(s) loaded", nullptr, int(*m_model->total())).arg(loaded);
    else
        text = tr("%n sample(s) loaded", nullptr, loaded);
    if (m_api && !m_search->text().trimmed().isEmpty())
        text += u' ' + tr("The quick search shows %n of them.", nullptr, m_proxy->rowCount());
    m_status->setText(text);
}

QList<std::pair<QString, QString>> SamplesPanel::knownProjects() const
{
    std::map<QString, QString> projects; // sorted by id, one entry each
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (const SampleProject& p : m_model->summaryAt(row).projects) {
            if (!p.projectId.isEmpty())
                projects.emplace(p.projectId, p.projectName);
        }
    }
    return {projects.begin(), projects.end()};
}

void SamplesPanel::openRegisterDialog()
{
    auto* dialog = new RegisterSampleDialog(m_api, knownProjects(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegisterSampleDialog::registered, this, [this](const QString& id) {
        m_selectWhenLoaded = id;
        load();
    });
    dialog->open();
}

void SamplesPanel::openImproveDialog()
{
    const Sample sample = currentSample();
    if (sample.biosampleId.isEmpty() || !m_api)
        return;
    auto* dialog = new ImproveSampleDialog(m_api, sample.biosampleId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImproveSampleDialog::improved, this, &SamplesPanel::refreshSample);
    dialog->open();
}

void SamplesPanel::refreshSample(const QString& biosampleId)
{
    if (!m_api)
        return;
    m_api->sample(biosampleId, true)->run(this, [this](const Result<Sample>& r) {
        if (!r.ok()) {
            m_banner->showError(r.error(), [this] { load(); });
            return;
        }
        m_model->updateSample(r.value());
        if (r.value().biosampleId.compare(m_currentId, Qt::CaseInsensitive) == 0)
            Q_EMIT currentSampleChanged(r.value());
    });
}

} // namespace bge::ui
