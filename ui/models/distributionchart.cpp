#include "distributionchart.h"

#include "common/chartexport.h"
#include "common/chartpalette.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace bge::ui {

using namespace Qt::StringLiterals;

namespace {

// The sample's marks: readable on light and dark backgrounds, unlike the palette's blue.
const QColor kSampleColour(0xe4, 0x57, 0x2e);

QString uniqueLabel(const QString& label, const QStringList& taken)
{
    QString unique = label;
    for (int n = 2; taken.contains(unique); ++n)
        unique = u"%1 (%2)"_s.arg(label).arg(n);
    return unique;
}

// Category labels are cut to the category's width; "rs1229984 C/T" fits on two lines. Qt
// Charts renders labels with markup as rich text, so the platform's text is escaped first.
QString axisText(const QString& label)
{
    if (!label.contains(u' ') && !label.contains(u'<') && !label.contains(u'&'))
        return label;
    return u"<span>"_s + label.toHtmlEscaped().replace(u' ', u"<br>"_s) + u"</span>"_s;
}

} // namespace

DistributionChart::DistributionChart(QWidget* parent) : QChartView(parent)
{
    setObjectName(u"distributionChart"_s);
    setAccessibleName(tr("Background distributions of the result"));
    setRenderHint(QPainter::Antialiasing);
    // Low enough that, under the result fields, the models tab never makes the window taller
    // than a 1024×700 screen; the splitter above gives it more when there is room.
    setMinimumSize(320, 160);
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    ChartExporter::install(this, u"model-result"_s);
    rebuild();
}

void DistributionChart::setBackground(const ModelBackground& background)
{
    m_background = background;
    rebuild();
}

void DistributionChart::clear()
{
    setBackground({});
}

QAbstractSeries* DistributionChart::series(const QString& objectName) const
{
    for (QAbstractSeries* s : chart()->series()) {
        if (s->objectName() == objectName)
            return s;
    }
    return nullptr;
}

void DistributionChart::rebuild()
{
    QChart* c = chart();
    // The theme first: switching it later would repaint the series in its own colours.
    applyPaletteToChart(c, palette());
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes()) {
        c->removeAxis(axis); // gives the axis back to us
        delete axis;
    }
    c->setTitle(m_background.isEmpty() ? tr("This result has no background distributions")
                                       : tr("Background distributions"));
    if (m_background.isEmpty())
        return;
    QStringList labels;
    for (const DistributionGroup& g : std::as_const(m_background.groups))
        labels.append(uniqueLabel(g.label, labels));

    auto* axisX = new QBarCategoryAxis;
    for (const QString& label : std::as_const(labels))
        axisX->append(axisText(label));
    axisX->setTitleText(tr("Group"));
    if (labels.size() > 8)
        axisX->setLabelsAngle(-40);
    auto* axisY = new QValueAxis;
    axisY->setTitleText(m_background.isSingleValued() ? tr("Frequency") : tr("Value"));
    axisY->setLabelFormat(u"%.3g"_s);
    c->addAxis(axisX, Qt::AlignBottom);
    c->addAxis(axisY, Qt::AlignLeft);

    if (m_background.isSingleValued())
        addBars();
    else
        addBoxes(labels);
    const int groups = int(labels.size());
    if (m_background.sampleValue)
        addLevel(u"sampleValue"_s,
                 tr("This sample (%1)").arg(QString::number(*m_background.sampleValue, 'g', 4)),
                 *m_background.sampleValue, groups, Qt::SolidLine);
    if (m_background.threshold)
        addLevel(u"threshold"_s, tr("Threshold (%1)").arg(QString::number(*m_background.threshold, 'g', 4)),
                 *m_background.threshold, groups, Qt::DashLine);

    double low = 0;
    double high = 0;
    for (const DistributionGroup& g : std::as_const(m_background.groups)) {
        for (const double v : g.values) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    for (const auto& level : {m_background.sampleValue, m_background.threshold}) {
        if (level)
            high = std::max(high, *level);
    }
    axisY->setRange(low, high > low ? high * 1.05 : low + 1);
    axisY->applyNiceNumbers();
    for (QAbstractSeries* s : c->series()) {
        s->attachAxis(axisX);
        s->attachAxis(axisY);
    }
    applyPaletteToChart(c, palette()); // the new axes
}

void DistributionChart::addBoxes(const QStringList& labels)
{
    auto* boxes = new QBoxPlotSeries;
    boxes->setObjectName(u"boxes"_s);
    boxes->setName(tr("Cohort (min, quartiles, median, max)"));
    for (qsizetype i = 0; i < m_background.groups.size(); ++i) {
        const BoxFigures f = ModelBackground::boxFigures(m_background.groups[i].values);
        boxes->append(
            new QBoxSet(f.minimum, f.lowerQuartile, f.median, f.upperQuartile, f.maximum, labels[i]));
    }
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(70);
    boxes->setBrush(fill);
    boxes->setPen(QPen(palette().color(QPalette::Text), 1));
    chart()->addSeries(boxes);
}

void DistributionChart::addBars()
{
    auto* bars = new QBarSeries;
    bars->setObjectName(u"bars"_s);
    auto* set = new QBarSet(tr("Cohort"));
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(140);
    set->setColor(fill);
    set->setBorderColor(palette().color(QPalette::Text));
    auto* mine = new QScatterSeries;
    mine->setObjectName(u"sampleGroups"_s);
    mine->setName(tr("This sample"));
    mine->setColor(kSampleColour);
    mine->setMarkerSize(12);
    for (qsizetype i = 0; i < m_background.groups.size(); ++i) {
        const double value = m_background.groups[i].values.constFirst();
        set->append(value);
        if (m_background.sampleGroups.contains(m_background.groups[i].label))
            mine->append(double(i), value);
    }
    bars->append(set);
    chart()->addSeries(bars);
    if (mine->count() > 0)
        chart()->addSeries(mine);
    else
        delete mine;
}

void DistributionChart::addLevel(const QString& objectName, const QString& name, double y, int groups,
                                 Qt::PenStyle style)
{
    // Across the whole category axis, which spans -0.5 … groups - 0.5.
    auto* line = new QLineSeries;
    line->setObjectName(objectName);
    line->setName(name);
    line->append(-0.5, y);
    line->append(groups - 0.5, y);
    QPen pen(style == Qt::SolidLine ? kSampleColour : palette().color(QPalette::Text), 2, style);
    line->setPen(pen);
    chart()->addSeries(line);
}

void DistributionChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

} // namespace bge::ui
