#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace bge::ui {

// One group of a model's background: the values of a reference cohort (e.g. the scores of
// cases and of controls) or a single figure (e.g. a genotype's frequency).
struct DistributionGroup
{
    QString label;
    QList<double> values;
};

// The five figures a box is drawn from (linear interpolation between order statistics, the
// method R and NumPy use by default).
struct BoxFigures
{
    double minimum = 0;
    double lowerQuartile = 0;
    double median = 0;
    double upperQuartile = 0;
    double maximum = 0;
};

// The background distributions of a model result, read leniently: the platform's own example
// mixes shapes ({"group", "plot_coord": {"x", "y": [...]}} next to
// {"group", "plot_coord": {"group", "probability": [...]}}), so a group's values are the
// first numeric array of its plot_coord and its label the first name found.
struct ModelBackground
{
    QList<DistributionGroup> groups;
    std::optional<double> sampleValue; // the sample's own score, when the result names one
    QString sampleValueField;          // which field that was
    std::optional<double> threshold;
    QStringList sampleGroups; // labels of groups the sample belongs to (its genotypes)

    bool isEmpty() const { return groups.isEmpty(); }
    // Every group has one value: bars read better than boxes.
    bool isSingleValued() const;

    static ModelBackground fromModelData(const QJsonObject& modelData);
    static BoxFigures boxFigures(QList<double> values);
};

} // namespace bge::ui
