#include "streamingallocator.h"

#include <cstdlib> // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bge {

void tuneAllocatorForStreaming()
{
#if defined(__GLIBC__)
    // Blocks up to 4 MiB from the heap rather than each its own mapping; up to 32 MiB of freed
    // heap kept rather than trimmed. Setting these fixes glibc's own adaptive thresholds, which
    // only reach the block size after the first few blocks have paid for it.
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
#endif
}

} // namespace bge
