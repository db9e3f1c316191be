#pragma once

#include <QString>

namespace bge::bench {

// One line on stdout at once (ctest --verbose shows it while the benchmark runs).
void say(const QString& line);

// "Debian GNU/Linux 12, 2 CPUs (AMD EPYC …), 6.18…, load 0.20 0.31 0.40, 2026-12-07T18:00:00Z":
// printed first by every benchmark, so that its figures say what they were measured on.
QString machineSummary();

} // namespace bge::bench
