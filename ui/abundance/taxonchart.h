#pragma once

#include "api/records/abundance.h"

#include <QChartView>

class QAbstractAxis;
class QAreaSeries;
class QBarCategoryAxis;
class QLineSeries;
class QScatterSeries;

namespace bge::ui {

// The most abundant taxa of one rank, one row each with its full name: the reference cohort
// as a horizontal box (whiskers at the 5th and 95th percentile, box from the 25th to the 75th,
// a bar at the median) and the sample's own value as a dot, so "where the sample stands" is
// seen at a glance. Rows lie horizontally so names are read, not guessed from "B…"; figures
// are in a tooltip on every dot and box; abundance can be read on a log scale, where taxa of
// 0.01 % and 30 % share one picture.
class TaxonChart final : public QChartView
{
    Q_OBJECT
public:
    explicit TaxonChart(QWidget* parent = nullptr);

    static constexpr int kDefaultTopCount = 10;
    void setTopCount(int count);
    // Taxa of `rank` with a value, the highest first, `topCount` of them.
    void setTaxa(const QList<bge::TaxonAbundance>& taxa, const QString& rank);
    void setLogScale(bool log);
    bool logScale() const { return m_log; }
    // The smallest value a log axis shows; zeros are drawn there.
    static constexpr double kLogFloor = 1e-4;

    // What a row is called: the readable name in full ("Bacteroides caccae").
    static QString rowLabel(const bge::TaxonAbundance& taxon);

    // The taxa drawn, the first at the top (what the rows are labelled with, in order).
    const QList<bge::TaxonAbundance>& shown() const { return m_shown; }
    QScatterSeries* sampleSeries() const { return m_sample; }
    // The cohort's box of the i-th taxon shown (its P25 to P75), and its whisker line.
    QAreaSeries* boxSeries(int i) const { return m_boxes.value(i); }
    QLineSeries* whiskerSeries(int i) const { return m_whiskers.value(i); }
    QLineSeries* medianSeries(int i) const { return m_medians.value(i); }
    QBarCategoryAxis* labelAxis() const { return m_labels; }
    QAbstractAxis* valueAxis() const { return m_values; }
    // The row a taxon is drawn on (the first shown at the top).
    double rowY(int i) const { return double(m_shown.size() - 1 - i); }
    // The text of the tooltip on the i-th taxon's dot and box.
    QString tipFor(int i) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyPalette();
    void replaceValueAxis();
    void showTip(bool entered, int i);
    double shownValue(double value) const;

    QList<bge::TaxonAbundance> m_all;
    QList<bge::TaxonAbundance> m_shown;
    QString m_rank;
    int m_topCount = kDefaultTopCount;
    bool m_log = false;
    QScatterSeries* m_sample;
    QList<QAreaSeries*> m_boxes;
    QList<QLineSeries*> m_whiskers;
    QList<QLineSeries*> m_medians;
    QBarCategoryAxis* m_labels;
    QAbstractAxis* m_values = nullptr;
};

} // namespace bge::ui
