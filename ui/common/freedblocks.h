#pragma once

namespace bge::ui {

// Has the C library merge a freed block into its heap as it is freed, on the thread that frees
// it, rather than later on whichever thread allocates next. Called once at start by bge-desktop
// (and by the benchmarks that build its views in-process); no effect where the C library is not
// glibc.
//
// Why: glibc keeps small freed blocks in "fast bins" of the heap they came from and merges them
// only at that heap's next larger malloc. A sample table of 100,000 rows freed on a worker
// (SampleTableModel) left all its small blocks (strings, dates, keys) in the GUI thread's heap,
// which its next malloc then merged at once: 65 % of a 228 ms stall on a new server filter, under
// perf (issue 16; 28 ms without). The per-thread cache still serves small allocations.
void mergeFreedBlocksAsFreed();

} // namespace bge::ui
