#include "compositionpage.h"

#include "comparisontablemodel.h"
#include "compositionchart.h"
#include "pagedtablesection.h"
#include "taxonprofiles.h"

#include "api/apierror.h"
#include "api/platformcodes.h"
#include "common/chartscroll.h"
#include "common/columnwidths.h"
#include "common/errorbanner.h"
#include "common/exportbutton.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The rank a composition is usually first read at; the next ones if a profile lacks it.
const QStringList kPreferredRanks{u"genus"_s, u"species"_s, u"phylum"_s};

} // namespace

CompositionPage::CompositionPage(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_profiles(new TaxonProfiles(api, this)), m_rank(new QComboBox(this)),
      m_topCount(new QSpinBox(this)), m_progress(new QLabel(this)), m_chart(new CompositionChart(this)),
      m_model(new ComparisonTableModel(this)),
      m_section(new PagedTableSection(m_model, ComparisonTableModel::SortRole, this))
{
    setObjectName(u"compositionPage"_s);
    m_rank->setObjectName(u"compositionRankBox"_s);
    m_rank->setAccessibleName(tr("Rank of the composition"));
    m_rank->setToolTip(tr("The rank at which the selected samples are compared"));
    m_topCount->setObjectName(u"compositionTopCount"_s);
    m_topCount->setAccessibleName(tr("Number of taxa stacked before Other"));
    m_topCount->setToolTip(tr("How many taxa each stack shows; the rest of the rank is Other"));
    m_topCount->setRange(1, 20);
    m_topCount->setValue(CompositionChart::kDefaultTopCount);
    m_progress->setObjectName(u"compositionProgress"_s);
    m_progress->setTextFormat(Qt::PlainText);
    m_progress->setWordWrap(true);
    m_section->table()->setObjectName(u"taxaBySampleTable"_s);
    m_section->table()->setAccessibleName(tr("Taxa by sample"));
    m_section->table()->setAccessibleDescription(
        tr("Each taxon of the rank, its abundance in every selected sample and the mean"));
    m_section->loadMoreButton()->hide(); // whole profiles: there is no next page
    m_section->exportButton()->setSuggestedName(u"composition"_s);

    auto* controls = new QHBoxLayout;
    auto* rankLabel = new QLabel(tr("&Rank"), this);
    rankLabel->setBuddy(m_rank);
    controls->addWidget(rankLabel);
    controls->addWidget(m_rank);
    auto* topLabel = new QLabel(tr("T&op taxa"), this);
    topLabel->setBuddy(m_topCount);
    controls->addWidget(topLabel);
    controls->addWidget(m_topCount);
    controls->addWidget(m_progress, 1);

    auto* chartPane = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(chartPane);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addLayout(controls);
    chartLayout->addWidget(scrollable(m_chart, this), 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"compositionSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(chartPane);
    splitter->addWidget(m_section);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(splitter);

    connect(m_rank, &QComboBox::currentIndexChanged, this, &CompositionPage::rebuild);
    connect(m_topCount, &QSpinBox::valueChanged, m_chart, &CompositionChart::setTopCount);
    connect(m_profiles, &TaxonProfiles::profileReady, this, [this](const QString& id) {
        // A sample that failed and came on a later request is no longer a failure.
        if (m_failed.removeAll(id) > 0 && m_failed.isEmpty())
            m_section->banner()->clear();
        rebuild();
    });
    connect(m_profiles, &TaxonProfiles::failed, this, &CompositionPage::onFailed);
    connect(m_profiles, &TaxonProfiles::settled, this, &CompositionPage::updateStatus);
    rebuild();
}

void CompositionPage::setSamples(const QList<bge::Sample>& samples)
{
    QStringList ids;
    m_notMetagenomics = 0;
    for (const bge::Sample& s : samples) {
        if (s.omic.isSet() && s.omic.code != kOmicsMetagenomics)
            ++m_notMetagenomics;
        else if (!s.biosampleId.isEmpty())
            ids.append(s.biosampleId);
    }
    m_beyondLimit = std::max(0, int(ids.size()) - kMaxCompared);
    if (m_beyondLimit > 0)
        ids.resize(kMaxCompared);
    if (ids == m_ids && m_failed.isEmpty()) {
        updateStatus();
        return;
    }
    m_ids = ids;
    m_failed.clear();
    m_section->banner()->clear();
    m_section->exportButton()->setSuggestedName(ids.size() == 1 ? u"composition-"_s + ids.first()
                                                                : u"composition"_s);
    // Only while the tab is shown: a selection nobody compares costs no calls.
    if (isVisible())
        request();
    else
        m_profiles->cancel();
    rebuild();
}

void CompositionPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    request();
}

void CompositionPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_profiles->cancel(); // what arrived is kept; the rest is asked for when the tab returns
}

void CompositionPage::request()
{
    m_profiles->request(m_ids);
    updateStatus();
}

void CompositionPage::rebuild()
{
    QList<std::pair<QString, QList<bge::TaxonAbundance>>> ready;
    for (const QString& id : std::as_const(m_ids)) {
        if (m_profiles->has(id))
            ready.append({id, m_profiles->profile(id)});
    }
    const QStringList ranks = Composition::ranksIn(ready);
    const QString rank = chooseRank(ranks);
    const Composition composition = Composition::build(rank, ready);
    m_chart->setComposition(composition);
    if (ready.isEmpty() && !m_ids.isEmpty())
        m_chart->chart()->setTitle(tr("Fetching the taxa of the selected samples…"));
    // Widths follow the columns: a sample that arrives gets a column as wide as its id.
    const bool newColumns = composition.samples != m_model->composition().samples;
    m_model->setComposition(composition);
    if (newColumns && m_model->rowCount() > 0)
        fitColumnsToContents(m_section->table());
    updateStatus();
}

QString CompositionPage::chooseRank(const QStringList& ranks)
{
    // The rank chosen stays while it is offered; otherwise the one a composition is usually
    // read at first.
    QString rank = m_rank->currentData().toString();
    if (!ranks.contains(rank)) {
        const auto preferred = std::find_if(kPreferredRanks.cbegin(), kPreferredRanks.cend(),
                                            [&ranks](const QString& r) { return ranks.contains(r); });
        rank = preferred != kPreferredRanks.cend() ? *preferred : ranks.value(0);
    }
    QStringList offered;
    for (int i = 0; i < m_rank->count(); ++i)
        offered.append(m_rank->itemData(i).toString());
    const QSignalBlocker blocker(m_rank);
    if (offered != ranks) {
        m_rank->clear();
        for (const QString& r : ranks)
            m_rank->addItem(rankDisplayName(r), r); // named in the interface's language
    }
    m_rank->setCurrentIndex(int(ranks.indexOf(rank)));
    return rank;
}

void CompositionPage::onFailed(const QString& biosampleId, const ApiError& error)
{
    if (!m_failed.contains(biosampleId))
        m_failed.append(biosampleId);
    // The others are kept; Retry asks again for what is missing.
    m_section->banner()->showError(error, [this] {
        m_failed.clear();
        request();
    });
    updateStatus();
}

QString CompositionPage::statusText() const
{
    return m_progress->text();
}

void CompositionPage::updateStatus()
{
    QStringList parts;
    const int ready = m_profiles->wanted() == m_ids ? m_profiles->readyCount() : 0;
    const int wanted = int(m_ids.size());
    if (wanted == 0)
        parts.append(tr("Select metagenomics samples in the list (Ctrl+click or Shift+click for several)."));
    else if (m_profiles->isBusy())
        parts.append(tr("Fetched %1 of %n sample(s)…", nullptr, wanted).arg(ready));
    else if (!m_failed.isEmpty())
        parts.append(tr("%n sample(s) could not be fetched: %1", nullptr, int(m_failed.size()))
                         .arg(m_failed.join(u", "_s)));
    else if (ready == wanted)
        parts.append(tr("%n sample(s) compared.", nullptr, wanted));
    QStringList empty;
    for (const QString& id : std::as_const(m_ids)) {
        if (m_profiles->has(id) && m_profiles->profile(id).isEmpty())
            empty.append(id);
    }
    if (!empty.isEmpty())
        parts.append(
            tr("No abundance results on the platform yet for %n sample(s): %1", nullptr, int(empty.size()))
                .arg(empty.join(u", "_s)));
    if (m_beyondLimit > 0)
        parts.append(tr("The first %1 are shown; %n more selected are not.", nullptr, m_beyondLimit)
                         .arg(kMaxCompared));
    if (m_notMetagenomics > 0)
        parts.append(
            tr("%n selected sample(s) left out: abundance is measured for metagenomics samples only.",
               nullptr, m_notMetagenomics));
    m_progress->setText(parts.join(u' '));
}

} // namespace bge::ui
