#pragma once

namespace bge {

// Keeps the memory of a transfer's buffers in the process between one block and the next, where
// the C library would hand it back to the system and take it again for every block. Called once
// at start by the programs that move files (bge, bge-desktop); no effect where the C library
// is not glibc.
//
// Why: every block of an upload passes through buffers of about 512 KiB (the file's read-ahead,
// the socket's write buffer) that are freed once sent. glibc serves sizes like these with mmap,
// or trims its heap when they are freed, so each new block faulted its pages in afresh: for
// 1 GiB uploaded, 10,000–20,000 page faults and about a third of bge's CPU (0.78–0.91 s against
// 0.59–0.63 s with the thresholds below, same peak memory; docs/performance.md).
void tuneAllocatorForStreaming();

} // namespace bge
