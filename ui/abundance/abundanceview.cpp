#include "abundanceview.h"

#include "compositionpage.h"
#include "functionspage.h"
#include "genespage.h"
#include "taxapage.h"

#include "api/platformapi.h"
#include "api/platformcodes.h"

#include <QLabel>
#include <QStackedLayout>
#include <QTabWidget>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

AbundanceView::AbundanceView(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_hint(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_taxa(new TaxaPage(api, m_tabs)), m_functions(new FunctionsPage(api, m_tabs)),
      m_genes(new GenesPage(api, m_tabs)), m_composition(new CompositionPage(api, m_tabs))
{
    setObjectName(u"abundanceView"_s);
    m_hint->setObjectName(u"abundanceHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_tabs->setObjectName(u"abundanceTabs"_s);
    m_tabs->setAccessibleName(tr("Abundance of the sample"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_taxa, tr("&Taxa"));
    m_tabs->addTab(m_functions, tr("&Functions"));
    m_tabs->addTab(m_genes, tr("&Genes"));
    m_tabs->addTab(m_composition, tr("&Composition"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_taxa),
                          tr("The taxa at every rank, and a chart against the reference cohort"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_functions),
                          tr("Functional abundance in a catalog of your choice"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_genes), tr("Gene abundance and result files"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_composition),
                          tr("The selected samples' compositions side by side (Ctrl+click or Shift+click "
                             "several samples in the list)"));

    // One or the other, in a stack: its minimum width is that of the tabs even while the hint
    // shows, so the result pane is as wide before a metagenomics sample is selected as after;
    // in a column the hidden tabs did not count, and the first such selection pushed the
    // sample list aside (issue 15).
    m_layout = new QStackedLayout(this);
    m_layout->addWidget(m_hint);
    m_layout->addWidget(m_tabs);

    connect(m_genes, &GenesPage::downloadRequested, this, &AbundanceView::downloadRequested);
    setSample({});
}

void AbundanceView::setSample(const bge::Sample& sample)
{
    m_sample = sample;
    updateHint();
    // A sample the tabs cannot show is not sent at all.
    const bool shown = sample.omic.code == kOmicsMetagenomics || !sample.omic.isSet();
    const QString id = m_api && shown ? sample.biosampleId : QString();
    m_taxa->setSample(id);
    m_functions->setSample(id);
    m_genes->setSample(id);
}

void AbundanceView::setSamples(const QList<bge::Sample>& samples)
{
    const int before = m_selectedMetagenomics;
    m_selectedMetagenomics = int(std::count_if(samples.cbegin(), samples.cend(), [](const bge::Sample& s) {
        return !s.omic.isSet() || s.omic.code == kOmicsMetagenomics;
    }));
    m_composition->setSamples(samples);
    updateHint();
    // Ctrl+click on a second sample is a wish to compare: show the comparison at once.
    if (before <= 1 && m_selectedMetagenomics > 1)
        m_tabs->setCurrentWidget(m_composition);
}

void AbundanceView::updateHint()
{
    QString hint;
    if (!m_api)
        hint = tr("Sign in to see microbiome abundance.");
    else if (m_selectedMetagenomics > 1)
        hint.clear(); // several to compare, whatever the current one is
    else if (m_sample.biosampleId.isEmpty())
        hint =
            tr("Select a metagenomics sample to see its taxon, function and gene abundance. Select several "
               "(Ctrl+click or Shift+click) to compare their compositions.");
    else if (m_sample.omic.isSet() && m_sample.omic.code != kOmicsMetagenomics)
        hint = tr("Abundance is measured for metagenomics samples. %1 is a %2 sample: look up its variants "
                  "instead.")
                   .arg(m_sample.biosampleId, m_sample.omic.display);
    m_hint->setText(hint);
    m_layout->setCurrentWidget(hint.isEmpty() ? static_cast<QWidget*>(m_tabs) : m_hint);
}

} // namespace bge::ui
