#include "genotypecomparisonview.h"

#include "genotypecomparisonmodel.h"
#include "genotypefetcher.h"

#include "api/platformcodes.h"
#include "common/columnwidths.h"
#include "common/recordtable.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Samples left out, and samples that failed, are named in one line up to this many.
constexpr int kNamed = 5;

QString nameSome(const QStringList& ids)
{
    QStringList named = ids.first(std::min<qsizetype>(ids.size(), kNamed));
    if (ids.size() > kNamed)
        named.append(u"…"_s);
    return named.join(u", "_s);
}

QStringList idsOf(const QList<bge::Sample>& samples)
{
    QStringList ids;
    for (const bge::Sample& s : samples)
        ids.append(s.biosampleId);
    return ids;
}

} // namespace

GenotypeComparisonView::GenotypeComparisonView(PlatformApi* api, QWidget* parent)
    : QWidget(parent), m_fetcher(new GenotypeFetcher(api, this)), m_model(new GenotypeComparisonModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_note(new QLabel(this)), m_table(new RecordTable(this))
{
    setObjectName(u"genotypeComparison"_s);
    m_note->setObjectName(u"comparisonNote"_s);
    m_note->setTextFormat(Qt::PlainText);
    m_note->hide();

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(u"comparisonTable"_s);
    m_table->setAccessibleName(tr("Genotype comparison"));
    m_table->setAccessibleDescription(
        tr("The selected samples' genotypes, one row per sample and one column per rsid"));
    m_table->setAccessibleDescription(tr("One row per sample, one column per rsid"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the selection's order, until a header is clicked
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);

    connect(m_fetcher, &GenotypeFetcher::fetched, this,
            [this](const QString& id, const QList<bge::Variant>& variants) {
                m_model->setVariants(id, variants);
                Q_EMIT statusChanged();
            });
    connect(m_fetcher, &GenotypeFetcher::failed, this, [this](const QString& id, const bge::ApiError& error) {
        m_model->setFailed(id, error.message());
        Q_EMIT statusChanged();
        Q_EMIT failed(error);
    });
    connect(m_fetcher, &GenotypeFetcher::idle, this, [this] {
        fitColumns();
        Q_EMIT statusChanged();
    });
}

void GenotypeComparisonView::setSamples(const QList<bge::Sample>& samples)
{
    QList<bge::Sample> genomic;
    QStringList leftOut;
    for (const bge::Sample& s : samples) {
        // Unknown omics is given the benefit of the doubt, as the single-sample view does: the
        // platform answers a sample without calls with an empty list, not an error.
        if (s.omic.isSet() && s.omic.code != kOmicsGenomics)
            leftOut.append(s.biosampleId);
        else
            genomic.append(s);
    }
    // Samples the platform has not analysed yet stay in the table, their cells empty; the note
    // says why, so an empty row is not taken for a failure.
    QStringList notAnalysed;
    for (const bge::Sample& s : std::as_const(genomic)) {
        if (s.dataAvailability == false)
            notAnalysed.append(s.biosampleId);
    }
    const int beyond = std::max(0, int(genomic.size()) - kMaxCompared);
    if (beyond > 0)
        genomic.resize(kMaxCompared);
    // Only a comparison gets the note; a single sample has the view's own hint.
    QStringList notes;
    if (beyond > 0)
        notes.append(
            tr("The first %1 are compared; %n more selected are not.", nullptr, beyond).arg(kMaxCompared));
    if (genomic.size() >= 2 && !leftOut.isEmpty())
        notes.append(tr("Left out %n sample(s) that are not genomics: %1", nullptr, int(leftOut.size()))
                         .arg(nameSome(leftOut)));
    if (genomic.size() >= 2 && !notAnalysed.isEmpty())
        notes.append(tr("No results on the platform yet for %n sample(s), so no calls: %1", nullptr,
                        int(notAnalysed.size()))
                         .arg(nameSome(notAnalysed)));
    m_note->setText(notes.join(u' '));
    m_note->setVisible(!notes.isEmpty());
    m_note->setToolTip((leftOut + notAnalysed).join(u", "_s));

    // The same samples selected again (e.g. their details refreshed) keep what is in flight.
    if (idsOf(genomic) == idsOf(m_samples)) {
        m_samples = genomic;
        return;
    }
    m_samples = genomic;
    if (isVisible()) {
        start();
    } else {
        m_fetcher->cancel(); // the old selection's answers must not land in the new table
        m_startWhenShown = true;
    }
}

void GenotypeComparisonView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_startWhenShown, false))
        start();
}

bool GenotypeComparisonView::isFetching() const
{
    return m_fetcher->isRunning();
}

void GenotypeComparisonView::compare(const QStringList& rsids)
{
    m_rsids = rsids;
    start();
}

void GenotypeComparisonView::start()
{
    // Whatever was asked for the previous selection or rsids must not land in the new table.
    m_fetcher->cancel();
    if (!isComparing()) {
        m_model->clear();
        Q_EMIT statusChanged();
        return;
    }
    m_model->setComparison(m_samples, m_rsids);
    if (!m_rsids.isEmpty()) {
        for (const bge::Sample& s : std::as_const(m_samples)) {
            if (const QList<bge::Variant>* cached = m_fetcher->cached(s.biosampleId, m_rsids))
                m_model->setVariants(s.biosampleId, *cached);
            else
                m_fetcher->fetch(s.biosampleId, m_rsids);
        }
    }
    fitColumns();
    Q_EMIT started();
    Q_EMIT statusChanged();
}

void GenotypeComparisonView::retryFailed()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->state(row) != GenotypeComparisonModel::State::Failed)
            continue;
        const QString id = m_model->biosampleId(row);
        m_model->setPending(id);
        m_fetcher->fetch(id, m_rsids);
    }
    Q_EMIT statusChanged();
}

QString GenotypeComparisonView::status() const
{
    if (!isComparing())
        return {};
    const int total = int(m_samples.size());
    if (m_rsids.isEmpty())
        return tr("Look up rsids to compare the genotypes of %n genomics sample(s).", nullptr, total);
    using State = GenotypeComparisonModel::State;
    const int fetchedCount = m_model->count(State::Fetched);
    const int failedCount = m_model->count(State::Failed);
    if (m_model->count(State::Pending) > 0)
        return tr("Fetched %1 of %n sample(s)…", nullptr, total).arg(fetchedCount + failedCount);
    QString text = tr("Genotypes at %n rsid(s) in %1.", nullptr, int(m_rsids.size()))
                       .arg(tr("%n sample(s)", nullptr, fetchedCount));
    if (failedCount > 0) {
        QStringList ids;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->state(row) == State::Failed)
                ids.append(m_model->biosampleId(row));
        }
        text += u' ' + tr("%n sample(s) could not be fetched: %1", nullptr, failedCount).arg(nameSome(ids));
    }
    return text;
}

void GenotypeComparisonView::fitColumns()
{
    // Genotypes are short; a long indel's allele string would otherwise widen its column.
    fitColumnsToContents(m_table, 200);
}

} // namespace bge::ui
