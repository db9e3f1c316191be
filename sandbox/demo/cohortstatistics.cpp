#include "cohortstatistics.h"

#include <cmath>

namespace bge::sandbox {

using namespace Qt::StringLiterals;

namespace {

// Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9).
double inverseNormal(double p)
{
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    p = std::clamp(p, 1e-9, 1 - 1e-9);
    if (p < 0.02425) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
               / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425)
        return -inverseNormal(1 - p);
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
           / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

} // namespace

double CohortDistribution::quantile(double q) const
{
    const double absent = 1 - prevalence;
    if (q <= absent)
        return 0;
    const double within = (q - absent) / prevalence;
    // The extremes of a finite cohort (~1,000 people), not of the infinite distribution.
    return sample(inverseNormal(std::clamp(within, 0.001, 0.999)));
}

double CohortDistribution::mean() const
{
    return prevalence * median * std::exp(sigma * sigma / 2);
}

double CohortDistribution::fractionBelow(double value) const
{
    if (value <= 0)
        return 0;
    const double z = (std::log(value) - std::log(median)) / sigma;
    return (1 - prevalence) + prevalence * 0.5 * std::erfc(-z / std::sqrt(2.0));
}

QJsonObject CohortDistribution::backgroundJson(double value) const
{
    QJsonObject percentiles;
    for (const int p : {0, 5, 25, 50, 75, 95, 100})
        percentiles.insert(QString::number(p) + u'%', round6(quantile(p / 100.0)));
    const int rank = int(std::floor(fractionBelow(value) * 100));
    return {{u"reference_cohort"_s, u"Chinese Adult"_s},
            {u"background"_s, percentiles},
            {u"freq"_s, prevalence},
            {u"rank_ratio"_s, QString(u">="_s + QString::number(rank) + u'%')},
            {u"mean"_s, round6(mean())}};
}

} // namespace bge::sandbox
