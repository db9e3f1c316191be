#pragma once

#include "api/records/abundance.h"

#include <QChartView>

class QBarCategoryAxis;
class QBoxPlotSeries;
class QScatterSeries;
class QValueAxis;

namespace bge::ui {

// The most abundant taxa of one rank: the reference cohort as a box per taxon (whiskers at
// the 5th and 95th percentile, box from the 25th to the 75th, line at the median) and the
// sample's own value as a dot, so "where the sample stands" is seen at a glance.
class TaxonChart final : public QChartView
{
    Q_OBJECT
public:
    explicit TaxonChart(QWidget* parent = nullptr);

    static constexpr int kDefaultTopCount = 10;
    void setTopCount(int count);
    // Taxa of `rank` with a value, the highest first, `topCount` of them.
    void setTaxa(const QList<bge::TaxonAbundance>& taxa, const QString& rank);

    // What the category axis calls a taxon: "Bacteroides caccae" → "B. caccae" for species,
    // which keeps ten rotated labels readable.
    static QString axisLabel(const bge::TaxonAbundance& taxon);

    QBoxPlotSeries* cohortSeries() const { return m_cohort; }
    QScatterSeries* sampleSeries() const { return m_sample; }
    // The taxa drawn, in order (what the category axis labels).
    const QList<bge::TaxonAbundance>& shown() const { return m_shown; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyPalette();

    QList<bge::TaxonAbundance> m_all;
    QList<bge::TaxonAbundance> m_shown;
    QString m_rank;
    int m_topCount = kDefaultTopCount;
    QBoxPlotSeries* m_cohort;
    QScatterSeries* m_sample;
    QBarCategoryAxis* m_axisX;
    QValueAxis* m_axisY;
};

} // namespace bge::ui
