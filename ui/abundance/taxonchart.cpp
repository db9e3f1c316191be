#include "taxonchart.h"

#include "taxonabundancemodel.h"

#include "common/chartpalette.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QEvent>
#include <QLegend>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Readable on light and dark backgrounds alike, and unlike any palette's highlight blue.
const QColor kSampleColour(0xe4, 0x57, 0x2e);

double percentileOr(const bge::TaxonAbundance& t, int p, double fallback)
{
    return t.background.percentiles.value(p, fallback);
}

// Category labels must be unique; two taxa may share a readable name at different ranks.
QString uniqueLabel(const QString& name, const QStringList& taken)
{
    QString label = name;
    for (int n = 2; taken.contains(label); ++n)
        label = u"%1 (%2)"_s.arg(name).arg(n);
    return label;
}

} // namespace

TaxonChart::TaxonChart(QWidget* parent)
    : QChartView(parent), m_cohort(new QBoxPlotSeries), m_sample(new QScatterSeries),
      m_axisX(new QBarCategoryAxis), m_axisY(new QValueAxis)
{
    setObjectName(u"taxonChart"_s);
    setAccessibleName(tr("Top taxa against the reference cohort"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);

    QChart* c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    m_cohort->setName(tr("Reference cohort (P5, P25, median, P75, P95)"));
    m_cohort->setBoxOutlineVisible(true);
    m_sample->setName(tr("This sample"));
    m_sample->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_sample->setMarkerSize(11);
    m_axisX->setLabelsAngle(-40);
    m_axisX->setTitleText(tr("Taxon"));
    m_axisY->setTitleText(tr("Relative abundance (%)"));
    m_axisY->setLabelFormat(u"%.3g"_s);
    c->addSeries(m_cohort);
    c->addSeries(m_sample);
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisY, Qt::AlignLeft);
    for (QAbstractSeries* s :
         {static_cast<QAbstractSeries*>(m_cohort), static_cast<QAbstractSeries*>(m_sample)}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    applyPalette();
    rebuild();
}

QString TaxonChart::axisLabel(const bge::TaxonAbundance& taxon)
{
    const QString name = TaxonAbundanceModel::readableName(taxon.taxonName);
    const qsizetype space = name.indexOf(u' ');
    if (taxon.rank != u"species" || space <= 1)
        return name;
    return name.front() + u". "_s + name.mid(space + 1);
}

void TaxonChart::setTopCount(int count)
{
    m_topCount = std::max(1, count);
    rebuild();
}

void TaxonChart::setTaxa(const QList<bge::TaxonAbundance>& taxa, const QString& rank)
{
    m_all = taxa;
    m_rank = rank;
    rebuild();
}

void TaxonChart::rebuild()
{
    m_shown.clear();
    for (const bge::TaxonAbundance& t : std::as_const(m_all)) {
        if (t.rank == m_rank && t.observation.value)
            m_shown.append(t);
    }
    std::stable_sort(m_shown.begin(), m_shown.end(), [](const auto& a, const auto& b) {
        return *a.observation.value > *b.observation.value;
    });
    if (m_shown.size() > m_topCount)
        m_shown.resize(m_topCount);

    m_cohort->clear();
    m_sample->clear();
    QStringList labels;
    double top = 0;
    for (qsizetype i = 0; i < m_shown.size(); ++i) {
        const bge::TaxonAbundance& t = m_shown[i];
        const double value = *t.observation.value;
        const QString label = uniqueLabel(axisLabel(t), labels);
        labels.append(label);
        // A taxon without a cohort background still gets its dot; its box collapses to it.
        const double median = percentileOr(t, 50, value);
        auto* box = new QBoxSet(percentileOr(t, 5, median), percentileOr(t, 25, median), median,
                                percentileOr(t, 75, median), percentileOr(t, 95, median), label);
        m_cohort->append(box);
        m_sample->append(double(i), value);
        top = std::max({top, value, box->at(QBoxSet::UpperExtreme)});
    }
    m_axisX->clear();
    m_axisX->append(labels);
    m_axisY->setRange(0, top > 0 ? top * 1.08 : 1);
    m_axisY->applyNiceNumbers();
    chart()->setTitle(m_shown.isEmpty()
                          ? tr("No %1-level taxa loaded").arg(m_rank)
                          : tr("Top %n %1-level taxa", nullptr, int(m_shown.size())).arg(m_rank));
}

void TaxonChart::applyPalette()
{
    applyPaletteToChart(chart(), palette());
    QColor box = palette().color(QPalette::Highlight);
    box.setAlpha(70);
    m_cohort->setBrush(box);
    m_cohort->setPen(QPen(palette().color(QPalette::Text), 1));
    m_sample->setColor(kSampleColour);
    m_sample->setBorderColor(palette().color(QPalette::Base));
}

void TaxonChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace bge::ui
