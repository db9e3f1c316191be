#pragma once

#include "api/records/abundance.h"

#include <QList>
#include <QStringList>

#include <optional>
#include <utility>

namespace bge::ui {

// Ranks from the top of the tree down (kingdom … strain), then whatever else `present` holds,
// in its order: how every rank chooser lists them.
QStringList inTreeOrder(const QStringList& present);
// A rank as the interface language names it ("genus" → "属"); an unknown rank as sent.
QString rankDisplayName(const QString& rank);

// What several samples are made of at one rank: every taxon of that rank in any of them, with
// each sample's relative abundance (the platform's figures, unscaled). The stacked chart and
// the taxa × samples table are two views of it.
struct Composition
{
    struct Taxon
    {
        QString taxonId;
        QString name; // readable: "Bacteroides caccae"
        QString lineage;
        QList<std::optional<double>> values; // per sample; nullopt where the sample lacks it
        double mean = 0;                     // over all samples, an absent taxon counting 0
    };
    // The bars of the chart: the `topCount` taxa with the highest mean, then "Other" (the rest
    // of the rank summed), so that every stack sums to its sample's total at the rank.
    struct Stacks
    {
        QStringList labels;          // taxa names; the last may be the Other label
        QList<QList<double>> values; // per label, per sample
        bool hasOther = false;
    };

    QString rank;
    QStringList samples;  // biosample ids, in the order given
    QList<Taxon> taxa;    // the highest mean first
    QList<double> totals; // per sample: the sum of its taxa at the rank

    static Composition build(const QString& rank,
                             const QList<std::pair<QString, QList<bge::TaxonAbundance>>>& profiles);
    // Ranks present in any of the profiles, from the top of the tree down.
    static QStringList ranksIn(const QList<std::pair<QString, QList<bge::TaxonAbundance>>>& profiles);

    Stacks stacks(int topCount, const QString& otherLabel) const;
};

} // namespace bge::ui
