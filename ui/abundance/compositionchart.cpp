#include "compositionchart.h"

#include "abundanceformat.h"

#include "common/chartexport.h"
#include "common/chartlayout.h"
#include "common/chartpalette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QEvent>
#include <QFontMetrics>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

CompositionChart::CompositionChart(QWidget* parent)
    : QChartView(parent), m_series(new QHorizontalStackedBarSeries), m_samples(new QBarCategoryAxis),
      m_values(new QValueAxis)
{
    setObjectName(u"compositionChart"_s);
    setAccessibleName(tr("Composition of the selected samples"));
    setAccessibleDescription(
        tr("A bar per sample, stacked from its most abundant taxa at the chosen rank; the rest as Other"));
    setRenderHint(QPainter::Antialiasing);

    QChart* c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    // The names in full, one under the other: a row at the bottom would cut them short.
    c->legend()->setAlignment(Qt::AlignRight);
    c->legend()->setShowToolTips(true);
    m_series->setBarWidth(0.7);
    m_values->setTitleText(tr("Relative abundance (%)"));
    m_values->setLabelFormat(u"%.0f"_s);
    c->addSeries(m_series);
    c->addAxis(m_samples, Qt::AlignLeft);
    c->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_samples);
    m_series->attachAxis(m_values);
    connect(m_series, &QHorizontalStackedBarSeries::hovered, this,
            [this](bool entered, int index, QBarSet* set) { showSegmentTip(entered, index, set); });
    ChartExporter::install(this, u"composition"_s);
    applyPalette();
    rebuild();
}

void CompositionChart::setTopCount(int count)
{
    m_topCount = std::max(1, count);
    rebuild();
}

void CompositionChart::setComposition(const Composition& composition)
{
    m_composition = composition;
    rebuild();
}

void CompositionChart::rebuild()
{
    m_series->clear();
    m_stacks = m_composition.stacks(m_topCount, tr("Other"));
    // Bars are drawn from the bottom up: the first sample goes last so it reads first.
    const qsizetype samples = m_composition.samples.size();
    for (qsizetype i = 0; i < m_stacks.labels.size(); ++i) {
        auto* set = new QBarSet(m_stacks.labels[i]);
        for (qsizetype s = samples - 1; s >= 0; --s)
            set->append(m_stacks.values[i][s]);
        const bool other = m_stacks.hasOther && i == m_stacks.labels.size() - 1;
        set->setProperty("other", other);
        m_series->append(set);
    }
    QStringList categories;
    for (qsizetype s = samples - 1; s >= 0; --s)
        categories.append(m_composition.samples[s]);
    m_samples->clear();
    m_samples->append(categories);
    const double top = m_composition.totals.isEmpty()
                           ? 100.0
                           : *std::max_element(m_composition.totals.cbegin(), m_composition.totals.cend());
    m_values->setRange(0, std::max(100.0, top));
    m_values->applyNiceNumbers();
    // Tall enough for its bars' labels and for the legend's names, one under the other.
    const int legendHeight =
        int(m_stacks.labels.size()) * (QFontMetrics(chart()->legend()->font()).height() + 8) + 90;
    setMinimumHeight(
        std::max(heightForRows(m_samples, categories, int(std::max<qsizetype>(samples, 3))), legendHeight));
    QString title;
    if (samples == 0)
        title = tr("Select metagenomics samples to see their composition");
    else if (m_composition.taxa.isEmpty())
        title = tr("No %1-level taxa in the selected samples").arg(rankDisplayName(m_composition.rank));
    else
        title = tr("Composition at %1 level, %n sample(s)", nullptr, int(samples))
                    .arg(rankDisplayName(m_composition.rank));
    chart()->setTitle(title);
    if (ChartExporter* exporter = ChartExporter::of(this))
        exporter->setBaseName(samples == 1
                                  ? u"composition-%1-%2"_s.arg(m_composition.rank, m_composition.samples[0])
                                  : u"composition-%1"_s.arg(m_composition.rank));
    applyPalette();
}

void CompositionChart::showSegmentTip(bool entered, int index, QBarSet* set)
{
    if (!entered || !set) {
        QToolTip::hideText();
        return;
    }
    const qsizetype sample = m_composition.samples.size() - 1 - index; // bars are bottom-up
    if (sample < 0 || sample >= m_composition.samples.size())
        return;
    const QString id = m_composition.samples[sample];
    QToolTip::showText(QCursor::pos(),
                       tr("%1\n%2: %3 % relative abundance (%4 % at %5 level in all)")
                           .arg(set->label(), id, abundanceText(set->at(index)),
                                abundanceText(m_composition.totals.value(sample)),
                                rankDisplayName(m_composition.rank)),
                       this);
}

void CompositionChart::applyPalette()
{
    applyPaletteToChart(chart(), palette());
    const QList<QBarSet*> sets = m_series->barSets();
    for (qsizetype i = 0; i < sets.size(); ++i) {
        const QColor colour =
            sets[i]->property("other").toBool() ? restColour(palette()) : categoryColour(int(i));
        sets[i]->setColor(colour);
        sets[i]->setBorderColor(palette().color(QPalette::Base));
    }
}

void CompositionChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace bge::ui
