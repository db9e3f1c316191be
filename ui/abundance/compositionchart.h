#pragma once

#include "composition.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace bge::ui {

// The standard picture of a microbiome: a bar per sample, stacked from its most abundant taxa
// at one rank, the rest as "Other". Bars lie horizontally so the sample ids read without
// rotation; the names are in the legend in full, the figures in a tooltip on each segment.
class CompositionChart final : public QChartView
{
    Q_OBJECT
public:
    explicit CompositionChart(QWidget* parent = nullptr);

    static constexpr int kDefaultTopCount = 10;
    void setTopCount(int count);
    void setComposition(const Composition& composition);

    const Composition::Stacks& stacks() const { return m_stacks; }
    QHorizontalStackedBarSeries* series() const { return m_series; }
    QBarCategoryAxis* sampleAxis() const { return m_samples; }
    QValueAxis* valueAxis() const { return m_values; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyPalette();
    void showSegmentTip(bool entered, int sample, QBarSet* set);

    Composition m_composition;
    Composition::Stacks m_stacks;
    int m_topCount = kDefaultTopCount;
    QHorizontalStackedBarSeries* m_series;
    QBarCategoryAxis* m_samples;
    QValueAxis* m_values;
};

} // namespace bge::ui
