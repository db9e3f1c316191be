#pragma once

// The statistics every benchmark prints: the median of its runs, and their spread.

#include <QList>

#include <algorithm>

namespace bge::test {

// The middle value (the mean of the two middle ones for an even count); 0 for none.
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Spread
{
    double median = 0;
    double least = 0;
    double most = 0;
};

inline Spread spreadOf(const QList<double>& values)
{
    if (values.isEmpty())
        return {};
    const auto [least, most] = std::minmax_element(values.cbegin(), values.cend());
    return {median(values), *least, *most};
}

} // namespace bge::test
