#pragma once

#include "modelbackground.h"

#include <QChartView>

class QAbstractSeries;

namespace bge::ui {

// A model result's background distributions: a box per group when groups hold many values
// (the scores of a cohort's cases and controls), bars when each holds one figure (genotype
// frequencies); the sample's own score as a line across, the model's threshold dashed, the
// sample's own groups marked.
class DistributionChart final : public QChartView
{
    Q_OBJECT
public:
    explicit DistributionChart(QWidget* parent = nullptr);

    void setBackground(const ModelBackground& background);
    void clear();
    const ModelBackground& background() const { return m_background; }
    // The series drawn, by name (for tests and accessibility).
    QAbstractSeries* series(const QString& objectName) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void addBoxes(const QStringList& labels);
    void addBars();
    void addLevel(const QString& objectName, const QString& name, double y, int groups, Qt::PenStyle style);

    ModelBackground m_background;
};

} // namespace bge::ui
