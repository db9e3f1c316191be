#include "abundanceview.h"

#include "functionspage.h"
#include "genespage.h"
#include "taxapage.h"

#include "api/platformapi.h"

#include <QLabel>
#include <QStackedLayout>
#include <QTabWidget>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMetagenomics = 2;

} // namespace

AbundanceView::AbundanceView(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_api(api), m_hint(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_taxa(new TaxaPage(api, m_tabs)), m_functions(new FunctionsPage(api, m_tabs)),
      m_genes(new GenesPage(api, m_tabs))
{
    setObjectName(u"abundanceView"_s);
    m_hint->setObjectName(u"abundanceHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_tabs->setObjectName(u"abundanceTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_taxa, tr("&Taxa"));
    m_tabs->addTab(m_functions, tr("&Functions"));
    m_tabs->addTab(m_genes, tr("&Genes"));

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
    QString hint;
    if (!m_api)
        hint = tr("Sign in to see microbiome abundance.");
    else if (sample.biosampleId.isEmpty())
        hint = tr("Select a metagenomics sample to see its taxon, function and gene abundance.");
    else if (sample.omic.isSet() && sample.omic.code != kMetagenomics)
        hint = tr("Abundance is measured for metagenomics samples. %1 is a %2 sample: look up its variants "
                  "instead.")
                   .arg(sample.biosampleId, sample.omic.display);
    m_hint->setText(hint);
    m_layout->setCurrentWidget(hint.isEmpty() ? static_cast<QWidget*>(m_tabs) : m_hint);
    // A sample the tabs cannot show is not sent at all.
    const QString id = hint.isEmpty() ? sample.biosampleId : QString();
    m_taxa->setSample(id);
    m_functions->setSample(id);
    m_genes->setSample(id);
}

} // namespace bge::ui
