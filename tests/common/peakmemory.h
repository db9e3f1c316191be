#pragma once

#include <QtGlobal>

namespace bge::test {

// Peak resident memory in KiB (VmHWM of /proc/self/status), or -1 where there is none.
qint64 peakResidentKiB();
// Resident memory now, in KiB (VmRSS), or -1 where there is none.
qint64 residentKiB();
// Makes VmHWM start again from the current resident size (Linux 4.0+); false elsewhere.
bool resetPeakMemory();

} // namespace bge::test
