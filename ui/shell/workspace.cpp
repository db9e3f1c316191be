#include "workspace.h"

#include "abundance/abundanceview.h"
#include "api/records/sample.h"
#include "models/modelsview.h"
#include "samples/sampledetailview.h"
#include "samples/samplespanel.h"

#include "variants/variantsview.h"
#include <QTableView>

#include <QAction>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bge::ui {

using namespace Qt::StringLiterals;

Workspace::Workspace(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_samples(new SamplesPanel(api, m_splitter)), m_tabs(new QTabWidget(m_splitter)),
      m_details(new SampleDetailView(api, m_tabs)), m_variants(new VariantsView(api, m_tabs)),
      m_abundance(new AbundanceView(api, m_tabs)), m_models(new ModelsView(api, m_tabs)),
      m_sampleList(new QAction(tr("Sample &List"), this))
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
    m_tabs->setTabToolTip(m_tabs->indexOf(m_details), tr("The sample's fields, files and record"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_variants),
                          tr("Genotypes at the rsids you look up, for one or several genomics samples"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_abundance),
                          tr("Taxa, functions and genes found in metagenomics samples"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_models), tr("Interpretation models run on the sample"));
    // The results are what a person opens the app for: they get the larger share.
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);

    m_sampleList->setObjectName(u"sampleListAction"_s);
    m_sampleList->setCheckable(true);
    m_sampleList->setChecked(true);
    m_sampleList->setShortcut(QKeySequence(tr("F9")));
    m_sampleList->setToolTip(tr("Show or hide the sample list; hidden, the results take the whole width"));
    connect(m_sampleList, &QAction::toggled, this, [this](bool shown) {
        m_samples->setVisible(shown);
        // The keyboard goes where the eye goes: into the list shown, or onto the results.
        if (shown)
            m_samples->view()->setFocus(Qt::ShortcutFocusReason);
        else
            m_tabs->setFocus(Qt::ShortcutFocusReason);
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_samples, &SamplesPanel::currentSampleChanged, this, &Workspace::showSample);
    connect(m_samples, &SamplesPanel::selectedSamplesChanged, m_abundance, &AbundanceView::setSamples);
    connect(m_samples, &SamplesPanel::selectedSamplesChanged, m_variants, &VariantsView::setSamples);
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
