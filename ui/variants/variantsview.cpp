#include "variantsview.h"

#include "genotypecomparisonmodel.h"
#include "genotypecomparisonview.h"
#include "rsidinput.h"
#include "rsidpanelbar.h"
#include "variantdetailview.h"
#include "varianttablemodel.h"

#include "api/platformapi.h"
#include "api/platformcodes.h"
#include "common/chartscroll.h"
#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/exportbutton.h"
#include "common/recordtable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedLayout>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Rsids asked for but absent from the answer are named in the status up to this many.
constexpr int kMissingNamed = 10;

} // namespace

VariantsView::VariantsView(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_settings(new QSettings(this)), m_hint(new QLabel(this)),
      m_content(new QWidget(this)), m_input(new RsidInput(m_content)),
      m_panels(new RsidPanelBar(m_input, m_settings, m_content)),
      m_lookUp(new QPushButton(tr("&Look Up"), m_content)), m_status(new QLabel(m_content)),
      m_banner(new ErrorBanner(m_content)), m_pages(new QStackedWidget(m_content)),
      m_single(new QSplitter(Qt::Vertical, m_pages)), m_model(new VariantTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new RecordTable(m_single)),
      m_detail(new VariantDetailView(m_single)), m_export(new ExportButton(m_table, m_content)),
      m_comparison(new GenotypeComparisonView(api, m_pages)),
      m_comparisonExport(new ExportButton(m_comparison->table(), m_content))
{
    setObjectName(u"variantsView"_s);
    m_hint->setObjectName(u"variantsHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_lookUp->setObjectName(u"lookUpButton"_s);
    m_lookUp->setAccessibleName(tr("Look up"));
    m_status->setObjectName(u"variantsStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_export->setAccessibleName(tr("Export variants"));
    m_comparisonExport->setObjectName(u"comparisonExportButton"_s);
    m_comparisonExport->setAccessibleName(tr("Export genotype comparison"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(VariantTableModel::SortRole);
    m_table->setObjectName(u"variantTable"_s);
    m_table->setAccessibleName(tr("Variants"));
    m_table->setAccessibleDescription(
        tr("The sample's genotype at each rsid looked up; the selected one is detailed below"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the order asked for, until a header is clicked
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_lookUp);
    actions->addWidget(m_status, 1);
    actions->addWidget(m_export);
    actions->addWidget(m_comparisonExport);

    m_single->addWidget(m_table);
    // The detail is a long form: it scrolls rather than making the window taller than a
    // 1024×700 screen (the pane's height counts even while the hint shows).
    m_single->addWidget(scrollable(m_detail, m_single));
    m_single->setStretchFactor(0, 3);
    m_single->setStretchFactor(1, 2);
    // One sample: its calls and the detail of one; several: their genotypes side by side.
    m_pages->setObjectName(u"variantsPages"_s);
    m_pages->addWidget(m_single);
    m_pages->addWidget(m_comparison);

    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->addWidget(m_panels);
    content->addWidget(m_input);
    content->addLayout(actions);
    content->addWidget(m_banner);
    content->addWidget(m_pages, 1);

    // One or the other, in a stack: the pane is as wide with the hint as with the content,
    // so selecting a genomics sample does not push the sample list aside (issue 15).
    m_layout = new QStackedLayout(this);
    m_layout->addWidget(m_hint);
    m_layout->addWidget(m_content);

    connect(m_lookUp, &QPushButton::clicked, this, &VariantsView::lookUp);
    connect(m_input, &RsidInput::submitted, this, &VariantsView::lookUp);
    connect(m_panels, &RsidPanelBar::lookUpRequested, this, &VariantsView::lookUp);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &VariantsView::showCurrent);
    connect(m_export, &ExportButton::failed, m_banner, &ErrorBanner::showMessage);
    connect(m_comparisonExport, &ExportButton::failed, m_banner, &ErrorBanner::showMessage);
    connect(m_comparison, &GenotypeComparisonView::started, m_banner, &ErrorBanner::clear);
    connect(m_comparison, &GenotypeComparisonView::statusChanged, this, &VariantsView::updateAvailability);
    connect(m_comparison, &GenotypeComparisonView::failed, this, [this](const bge::ApiError& error) {
        // One banner for the whole comparison: its Retry fetches every sample that failed.
        m_banner->showError(error, [this] {
            m_comparison->retryFailed();
            updateAvailability();
        });
    });
    updateAvailability();
}

GenotypeComparisonModel* VariantsView::comparisonModel() const
{
    return m_comparison->model();
}

bool VariantsView::isComparing() const
{
    return m_api && m_comparison->isComparing();
}

void VariantsView::setSample(const bge::Sample& sample)
{
    // The same sample selected again (e.g. after its details were refreshed) keeps its calls.
    const bool sameSample = sample.biosampleId == m_sample.biosampleId;
    m_sample = sample;
    if (!sameSample) {
        m_job.abort();
        m_model->clear();
        m_detail->setVariant(nullptr);
        // While comparing, the banner speaks of the comparison, not of this sample.
        if (!isComparing())
            m_banner->clear();
        m_singleStatus.clear();
        m_export->setSuggestedName(u"variants-"_s + sample.biosampleId);
    }
    updateAvailability();
}

void VariantsView::setSamples(const QList<bge::Sample>& samples)
{
    m_comparison->setSamples(samples);
    updateAvailability();
}

void VariantsView::updateAvailability()
{
    const bool comparing = isComparing();
    if (comparing != m_wasComparing) {
        // What the banner said was about the other page.
        m_banner->clear();
        m_wasComparing = comparing;
    }
    // While comparing there is no hint: the comparison page says what it is about.
    QString hint;
    if (!m_api)
        hint = tr("Sign in to look up variants.");
    else if (comparing)
        hint.clear();
    else if (m_sample.biosampleId.isEmpty())
        hint = tr("Select a genomics sample to look up its variants.");
    else if (m_sample.omic.isSet() && m_sample.omic.code != kOmicsGenomics)
        hint = tr("Variants are called for genomics samples. %1 is a %2 sample: see its abundance instead.")
                   .arg(m_sample.biosampleId, m_sample.omic.display);
    m_hint->setText(hint);
    m_layout->setCurrentWidget(hint.isEmpty() ? m_content : static_cast<QWidget*>(m_hint));

    m_pages->setCurrentWidget(comparing ? static_cast<QWidget*>(m_comparison) : m_single);
    m_export->setVisible(!comparing);
    m_comparisonExport->setVisible(comparing);
    if (comparing)
        m_comparisonExport->setSuggestedName(u"genotypes-%1-samples"_s.arg(comparisonModel()->rowCount()));
    m_lookUp->setToolTip(comparing ? tr("Fetch the selected samples' calls at these rsids (Ctrl+Return)")
                                   : tr("Fetch the sample's calls at these rsids (Ctrl+Return)"));
    const bool busy = comparing ? m_comparison->isFetching() : m_job.isRunning();
    m_lookUp->setEnabled(hint.isEmpty() && !busy);
    m_panels->setLookUpEnabled(hint.isEmpty() && !busy);
    m_status->setText(comparing ? m_comparison->status() : m_singleStatus);
}

void VariantsView::setSingleStatus(const QString& text)
{
    m_singleStatus = text;
    if (!isComparing())
        m_status->setText(text);
}

std::optional<QStringList> VariantsView::rsidsToLookUp()
{
    const RsidList& list = m_input->list();
    if (!list.problems.isEmpty()) {
        m_banner->showMessage(
            tr("%1. Nothing was sent: correct or remove them first.").arg(m_input->problemText()));
        return std::nullopt;
    }
    if (list.rsids.isEmpty()) {
        m_banner->showMessage(tr("Type or paste at least one rsid, e.g. rs762551."));
        return std::nullopt;
    }
    return list.rsids;
}

void VariantsView::lookUp()
{
    if (!m_api)
        return;
    if (isComparing()) {
        if (m_comparison->isFetching())
            return;
        const std::optional<QStringList> rsids = rsidsToLookUp();
        if (!rsids)
            return;
        m_banner->clear();
        m_comparison->compare(*rsids);
        updateAvailability();
        return;
    }
    if (m_sample.biosampleId.isEmpty() || m_job.isRunning())
        return;
    if (const std::optional<QStringList> rsids = rsidsToLookUp()) {
        m_banner->clear();
        lookUpSample(*rsids);
    }
}

void VariantsView::lookUpSample(const QStringList& rsids)
{
    setSingleStatus(tr("Looking up %n rsid(s)…", nullptr, int(rsids.size())));
    m_job.run<QList<bge::Variant>>(m_api->variants(m_sample.biosampleId, rsids), this,
                                   [this, rsids](const Result<QList<bge::Variant>>& result) {
                                       updateAvailability();
                                       if (!result) {
                                           setSingleStatus({});
                                           // Once a comparison is shown, the banner is its own.
                                           if (!isComparing())
                                               m_banner->showError(result.error(), [this] { lookUp(); });
                                           return;
                                       }
                                       showVariants(rsids, result.value());
                                   });
    updateAvailability();
}

void VariantsView::showVariants(const QStringList& asked, const QList<bge::Variant>& variants)
{
    m_model->setVariants(variants);
    QSet<QString> found;
    for (const bge::Variant& v : variants) {
        for (const QString& id : v.alternateIds)
            found.insert(id);
    }
    QStringList missing;
    for (const QString& rsid : asked) {
        if (!found.contains(rsid))
            missing.append(rsid);
    }
    QString status =
        tr("Calls at %1 of %n rsid(s).", nullptr, int(asked.size())).arg(asked.size() - missing.size());
    if (!missing.isEmpty()) {
        QStringList named = missing.first(std::min<qsizetype>(missing.size(), kMissingNamed));
        if (missing.size() > kMissingNamed)
            named.append(u"…"_s);
        status +=
            u' ' + tr("No call at %n rsid(s): %1", nullptr, int(missing.size())).arg(named.join(u", "_s));
    }
    setSingleStatus(status);
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    fitColumnsToContents(m_table);
}

void VariantsView::showCurrent()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    m_detail->setVariant(current.isValid() ? m_model->variant(current.row()) : nullptr);
}

} // namespace bge::ui
