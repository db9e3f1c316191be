#include "taxonchart.h"

#include "abundanceformat.h"
#include "composition.h"
#include "taxonabundancemodel.h"

#include "common/chartexport.h"
#include "common/chartlayout.h"
#include "common/chartpalette.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QCursor>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// Readable on light and dark backgrounds alike, and unlike any palette's highlight blue.
const QColor kSampleColour(0xe4, 0x57, 0x2e);
// Half the height of a box, in rows; whisker caps are a little shorter.
constexpr double kBoxHalf = 0.28;
constexpr double kCapHalf = 0.16;

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

void hideFromLegend(QChart* chart, QAbstractSeries* series)
{
    for (QLegendMarker* marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

} // namespace

TaxonChart::TaxonChart(QWidget* parent)
    : QChartView(parent), m_sample(new QScatterSeries), m_labels(new QBarCategoryAxis)
{
    setObjectName(u"taxonChart"_s);
    setAccessibleName(tr("Top taxa against the reference cohort"));
    setAccessibleDescription(tr("For each taxon, the reference cohort's range as a box and whiskers, and "
                                "this sample's relative abundance as a dot"));
    setRenderHint(QPainter::Antialiasing);

    QChart* c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    m_labels->setObjectName(u"taxonAxis"_s);
    // No title: the rows are named, and a rotated title costs width the names need.
    m_labels->setGridLineVisible(false);
    c->addAxis(m_labels, Qt::AlignLeft);
    ChartExporter::install(this, u"taxa"_s);
    replaceValueAxis();
    rebuild();
}

QString TaxonChart::rowLabel(const bge::TaxonAbundance& taxon)
{
    return TaxonAbundanceModel::readableName(taxon.taxonName);
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

void TaxonChart::setLogScale(bool log)
{
    if (log == m_log)
        return;
    m_log = log;
    replaceValueAxis();
    rebuild();
}

void TaxonChart::replaceValueAxis()
{
    QChart* c = chart();
    if (m_values) {
        c->removeAllSeries(); // they hold on to the old axis
        c->removeAxis(m_values);
        delete m_values;
    }
    if (m_log) {
        auto* axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setLabelFormat(u"%g"_s);
        axis->setMinorTickCount(-1); // the 2…9 ticks of each decade
        m_values = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat(u"%.3g"_s);
        m_values = axis;
    }
    m_values->setObjectName(u"abundanceAxis"_s);
    m_values->setTitleText(m_log ? tr("Relative abundance (%, log scale)") : tr("Relative abundance (%)"));
    c->addAxis(m_values, Qt::AlignBottom);
    m_sample = nullptr;
}

double TaxonChart::shownValue(double value) const
{
    return m_log ? std::max(value, kLogFloor) : value;
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

    QChart* c = chart();
    c->removeAllSeries();
    m_boxes.clear();
    m_whiskers.clear();
    m_medians.clear();
    m_labels->clear();

    const auto attach = [this, c](QAbstractSeries* series) {
        c->addSeries(series);
        series->attachAxis(m_labels);
        series->attachAxis(m_values);
    };
    double low = 0;
    double high = 0;
    QStringList labels;
    for (int i = 0; i < int(m_shown.size()); ++i) {
        const bge::TaxonAbundance& t = m_shown[i];
        const double value = *t.observation.value;
        const double y = rowY(i);
        // A taxon without a cohort background still gets its dot; its box collapses to it.
        const double median = percentileOr(t, 50, value);
        const double p5 = shownValue(percentileOr(t, 5, median));
        const double p25 = shownValue(percentileOr(t, 25, median));
        const double p75 = shownValue(percentileOr(t, 75, median));
        const double p95 = shownValue(percentileOr(t, 95, median));

        // One polyline: the P5 cap, across to P95, the P95 cap.
        auto* whisker = new QLineSeries;
        whisker->append({{p5, y + kCapHalf},
                         {p5, y - kCapHalf},
                         {p5, y},
                         {p95, y},
                         {p95, y + kCapHalf},
                         {p95, y - kCapHalf}});
        auto* upper = new QLineSeries;
        upper->append({{p25, y + kBoxHalf}, {p75, y + kBoxHalf}});
        auto* lower = new QLineSeries;
        lower->append({{p25, y - kBoxHalf}, {p75, y - kBoxHalf}});
        auto* box = new QAreaSeries(upper, lower);
        box->setName(tr("Reference cohort (P5–P95 whiskers, P25–P75 box, median)"));
        auto* medianLine = new QLineSeries;
        medianLine->append({{shownValue(median), y - kBoxHalf}, {shownValue(median), y + kBoxHalf}});
        attach(whisker);
        attach(box);
        // Once the chart owns the area: its edges go with it (Qt makes the area a child of
        // its upper edge until then).
        upper->setParent(box);
        lower->setParent(box);
        attach(medianLine);
        m_whiskers.append(whisker);
        m_boxes.append(box);
        m_medians.append(medianLine);
        connect(box, &QAreaSeries::hovered, this,
                [this, i](const QPointF&, bool entered) { showTip(entered, i); });
        if (i > 0)
            hideFromLegend(c, box); // one legend entry stands for every box
        hideFromLegend(c, whisker);
        hideFromLegend(c, medianLine);

        // The first shown is at the top: categories are listed from the bottom up.
        labels.append(uniqueLabel(rowLabel(t), labels));
        const double lowest = std::min({value, p5});
        low = i == 0 ? lowest : std::min(low, lowest);
        high = std::max({high, value, p95});
    }
    // Category k is drawn at y = k, from the bottom up: the first shown goes last.
    std::reverse(labels.begin(), labels.end());
    m_labels->append(labels);

    m_sample = new QScatterSeries;
    m_sample->setName(tr("This sample"));
    m_sample->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_sample->setMarkerSize(11);
    for (int i = 0; i < int(m_shown.size()); ++i)
        m_sample->append(shownValue(*m_shown[i].observation.value), rowY(i));
    attach(m_sample);
    connect(m_sample, &QScatterSeries::hovered, this, [this](const QPointF& point, bool entered) {
        showTip(entered, int(m_shown.size()) - 1 - int(std::lround(point.y())));
    });

    // Rows from the first category to the last, half a row of margin each side; left to
    // itself the axis spans the points, and its labels fall between the rows.
    if (!labels.isEmpty())
        m_labels->setRange(labels.first(), labels.last());
    if (m_log) {
        const double floor = std::pow(10.0, std::floor(std::log10(std::max(low, kLogFloor))));
        m_values->setRange(floor, std::max(high * 1.5, floor * 10));
    } else {
        m_values->setRange(0, high > 0 ? high * 1.08 : 1);
        static_cast<QValueAxis*>(m_values)->applyNiceNumbers();
    }
    setMinimumHeight(heightForRows(m_labels, labels, std::max<int>(int(m_shown.size()), 4)));
    chart()->setTitle(
        m_shown.isEmpty()
            ? tr("No %1-level taxa loaded").arg(rankDisplayName(m_rank))
            : tr("Top %n %1-level taxa", nullptr, int(m_shown.size())).arg(rankDisplayName(m_rank)));
    applyPalette();
}

QString TaxonChart::tipFor(int i) const
{
    if (i < 0 || i >= m_shown.size())
        return {};
    const bge::TaxonAbundance& t = m_shown[i];
    const auto p = [&t](int percentile) {
        return abundanceText(t.background.percentiles.contains(percentile)
                                 ? std::optional<double>(t.background.percentiles.value(percentile))
                                 : std::nullopt);
    };
    QString tip =
        tr("%1 (%2)\nThis sample: %3 %").arg(rowLabel(t), t.rank, abundanceText(t.observation.value));
    if (!t.background.percentiles.isEmpty()) {
        tip += u'\n' + tr("Reference cohort: P5 %1, P25 %2, median %3, P75 %4, P95 %5 %")
                           .arg(p(5), p(25), p(50), p(75), p(95));
    }
    if (!t.background.rankRatio.isEmpty())
        tip += u'\n' + tr("Higher than %1 of the cohort").arg(t.background.rankRatio);
    return tip;
}

void TaxonChart::showTip(bool entered, int i)
{
    if (!entered) {
        QToolTip::hideText();
        return;
    }
    const QString tip = tipFor(i);
    if (!tip.isEmpty())
        QToolTip::showText(QCursor::pos(), tip, this);
}

void TaxonChart::applyPalette()
{
    applyPaletteToChart(chart(), palette());
    // Opaque, so the whisker does not show through the box.
    const QColor base = palette().color(QPalette::Base);
    const QColor highlight = palette().color(QPalette::Highlight);
    const QColor fill = QColor::fromRgbF(base.redF() * 0.7f + highlight.redF() * 0.3f,
                                         base.greenF() * 0.7f + highlight.greenF() * 0.3f,
                                         base.blueF() * 0.7f + highlight.blueF() * 0.3f);
    const QPen outline(palette().color(QPalette::Text), 1);
    for (QAreaSeries* box : std::as_const(m_boxes)) {
        box->setBrush(fill);
        box->setPen(outline);
    }
    for (QLineSeries* line : std::as_const(m_whiskers))
        line->setPen(outline);
    for (QLineSeries* line : std::as_const(m_medians))
        line->setPen(QPen(palette().color(QPalette::Text), 2.5));
    if (m_sample) {
        m_sample->setColor(kSampleColour);
        m_sample->setBorderColor(palette().color(QPalette::Base));
    }
}

void TaxonChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace bge::ui
