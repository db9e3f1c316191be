#include "workspace.h"

#include "abundance/abundanceview.h"
#include "api/records/sample.h"
#include "models/modelsview.h"
#include "samples/sampledetailview.h"
#include "samples/samplespanel.h"
#include "variants/variantsview.h"

#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

Workspace::Workspace(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_samples(new SamplesPanel(api, m_splitter)), m_tabs(new QTabWidget(m_splitter)),
      m_details(new SampleDetailView(api, m_tabs)), m_variants(new VariantsView(api, m_tabs)),
      m_abundance(new AbundanceView(api, m_tabs)), m_models(new ModelsView(api, m_tabs))
{
    setObjectName(u"workspace"_s);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_samples->setAccessibleName(tr("Samples"));
    m_tabs->setObjectName(u"sampleTabs"_s);
    m_tabs->setAccessibleName(tr("Selected sample"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_details, tr("&Details"));
    m_tabs->addTab(m_variants, tr("&Variants"));
    m_tabs->addTab(m_abundance, tr("&Abundance"));
    m_tabs->addTab(m_models, tr("&Models"));
    m_details->setAccessibleName(tr("Sample details"));
    m_variants->setAccessibleName(tr("Variants"));
    m_abundance->setAccessibleName(tr("Abundance"));
    m_models->setAccessibleName(tr("Models"));
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_samples, &SamplesPanel::currentSampleChanged, this, &Workspace::showSample);
    connect(m_details, &SampleDetailView::downloadRequested, this, &Workspace::downloadRequested);
    connect(m_abundance, &AbundanceView::downloadRequested, this, &Workspace::downloadRequested);
}

void Workspace::showSample(const bge::Sample& sample)
{
    m_details->setSample(sample);
    m_variants->setSample(sample);
    m_abundance->setSample(sample);
    m_models->setSample(sample);
}

} // namespace bge::ui
