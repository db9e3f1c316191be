#include "taxapage.h"

#include "composition.h"
#include "pagefetch.h"
#include "taxonabundancemodel.h"
#include "taxonchart.h"

#include "api/platformapi.h"
#include "common/chartexport.h"
#include "common/chartscroll.h"
#include "common/exportbutton.h"
#include "common/taborder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

TaxaPage::TaxaPage(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_model(new TaxonAbundanceModel(this)),
      m_section(new PagedTableSection(m_model, TaxonAbundanceModel::SortRole, this)),
      m_rank(new QComboBox(this)), m_topCount(new QSpinBox(this)),
      m_logScale(new QCheckBox(tr("&Log scale"), this)), m_chart(new TaxonChart(this))
{
    setObjectName(u"taxaPage"_s);
    m_section->table()->setAccessibleName(tr("Taxon abundance"));
    m_section->table()->setAccessibleDescription(
        tr("The taxa found in the sample at every rank, with their relative abundance"));
    m_section->table()->setObjectName(u"taxaTable"_s);
    m_rank->setObjectName(u"chartRankBox"_s);
    m_rank->setAccessibleName(tr("Rank shown in the chart"));
    m_rank->setToolTip(tr("The rank whose taxa the chart compares with the reference cohort"));
    m_topCount->setObjectName(u"chartTopCount"_s);
    m_topCount->setAccessibleName(tr("Number of taxa in the chart"));
    m_topCount->setToolTip(tr("How many of the sample's most abundant taxa the chart shows"));
    m_topCount->setRange(1, 30);
    m_topCount->setValue(TaxonChart::kDefaultTopCount);

    auto* chartControls = new QHBoxLayout;
    auto* rankLabel = new QLabel(tr("Chart the top"), this);
    chartControls->addWidget(rankLabel);
    chartControls->addWidget(m_topCount);
    auto* ofLabel = new QLabel(tr("taxa of rank"), this);
    ofLabel->setBuddy(m_rank);
    chartControls->addWidget(ofLabel);
    chartControls->addWidget(m_rank);
    m_logScale->setObjectName(u"chartLogScale"_s);
    m_logScale->setToolTip(
        tr("Abundance on a logarithmic scale: rare taxa and dominant ones in one picture"));
    chartControls->addWidget(m_logScale);
    chartControls->addStretch(1);
    // "Chart the top [N] taxa of rank [R]": the count comes first on screen, and so for Tab.
    orderTabStops({m_topCount, m_rank});

    auto* chartPane = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(chartPane);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addLayout(chartControls);
    chartLayout->addWidget(scrollable(m_chart, this), 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_section);
    splitter->addWidget(chartPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(splitter);

    connect(m_section, &PagedTableSection::loadMoreRequested, this, &TaxaPage::loadMore);
    connect(m_rank, &QComboBox::currentIndexChanged, this, &TaxaPage::updateChart);
    connect(m_topCount, &QSpinBox::valueChanged, m_chart, &TaxonChart::setTopCount);
    connect(m_logScale, &QCheckBox::toggled, m_chart, &TaxonChart::setLogScale);
}

void TaxaPage::setSample(const QString& biosampleId)
{
    if (biosampleId == m_biosampleId)
        return;
    m_biosampleId = biosampleId;
    m_model->clear();
    m_section->reset();
    m_section->exportButton()->setSuggestedName(u"taxa-"_s + biosampleId);
    m_rank->clear();
    updateChart();
    if (!m_api || biosampleId.isEmpty()) {
        m_loader.reset();
    } else {
        PlatformApi* api = m_api;
        const int pageSize = m_pageSize;
        m_loader.reset([api, biosampleId, pageSize](const PageToken& page) {
            return api->taxonAbundance(biosampleId, {}, page, pageSize);
        });
    }
    m_section->setPaging(false, m_loader.hasMore());
    if (isVisible())
        ensureLoaded();
}

void TaxaPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    ensureLoaded();
}

void TaxaPage::ensureLoaded()
{
    if (!m_loader.isStarted())
        loadMore();
}

void TaxaPage::loadMore()
{
    fetchNextPage(
        m_loader, m_model, m_section, this, [this] { loadMore(); }, [this] { afterPage(); });
}

void TaxaPage::afterPage()
{
    QStringList present;
    for (const bge::TaxonAbundance& t : m_model->taxa()) {
        if (!present.contains(t.rank))
            present.append(t.rank);
    }
    // The chart offers the ranks present, species first chosen.
    const QStringList ranks = inTreeOrder(present);
    const QString current = m_rank->currentData().toString();
    {
        const QSignalBlocker blocker(m_rank);
        m_rank->clear();
        for (const QString& rank : ranks)
            m_rank->addItem(rankDisplayName(rank), rank); // named in the interface's language
        const QString wanted = !current.isEmpty()             ? current
                               : ranks.contains(u"species"_s) ? u"species"_s
                                                              : ranks.value(0);
        m_rank->setCurrentIndex(std::max(0, int(ranks.indexOf(wanted))));
    }
    updateChart();
}

void TaxaPage::updateChart()
{
    const QString rank = m_rank->currentData().toString();
    m_chart->setTaxa(m_model->taxa(), rank);
    if (ChartExporter* exporter = ChartExporter::of(m_chart))
        exporter->setBaseName(u"taxa-%1-%2"_s.arg(rank, m_biosampleId));
}

} // namespace bge::ui
