#pragma once

#include <QJsonObject>

namespace bge::sandbox {

// A reference cohort's distribution of one feature's relative abundance: zero in the
// (1 - prevalence) of people where it is absent, log-normal around `median` elsewhere.
struct CohortDistribution
{
    double median = 0;     // percent, among carriers
    double prevalence = 1; // 0..1
    double sigma = 1.3;    // spread of log(abundance)

    double quantile(double q) const; // value at cumulative fraction q (0..1)
    double mean() const;
    double fractionBelow(double value) const;
    double sample(double standardNormal) const { return median * std::exp(sigma * standardNormal); }

    // The taxon-abundance `background` object: reference_cohort, percentiles 0%…100%, freq,
    // rank_ratio (">=73%": where `value` stands), mean.
    QJsonObject backgroundJson(double value) const;
};

} // namespace bge::sandbox
