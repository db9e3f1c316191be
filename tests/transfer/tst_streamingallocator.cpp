// tuneAllocatorForStreaming(): the buffers of one block after another reuse the same memory
// instead of faulting fresh pages in for each (glibc; elsewhere the function does nothing).
#include "transfer/streamingallocator.h"

#include <QTest>

#include <cstdlib>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

class TestStreamingAllocator final : public QObject
{
    Q_OBJECT

private:
    // Page faults taken over `rounds` rounds of four blocks of `size` bytes allocated, filled
    // and freed, as four parts in flight pass their blocks through.
    static long faultsForBlocks(std::size_t size, int rounds)
    {
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        for (int i = 0; i < rounds; ++i) {
            char* blocks[4] = {};
            for (char*& block : blocks) {
                block = static_cast<char*>(std::malloc(size));
                if (block)
                    std::memset(block, i, size);
            }
            for (char* block : blocks)
                std::free(block);
        }
        rusage after{};
        getrusage(RUSAGE_SELF, &after);
        return after.ru_minflt - before.ru_minflt;
    }

private Q_SLOTS:
    void blocksReuseTheirMemory()
    {
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
        QSKIP("glibc's allocator only (AddressSanitizer replaces it)");
#else
        constexpr std::size_t kBlock = 512 * 1024; // 128 pages of 4 KiB
        constexpr int kRounds = 100;
        const long untuned = faultsForBlocks(kBlock, kRounds);
        bge::tuneAllocatorForStreaming();
        faultsForBlocks(kBlock, 1); // the blocks' pages come in once
        const long tuned = faultsForBlocks(kBlock, kRounds);
        qInfo("page faults for %d rounds of 4 blocks of 512 KiB: %ld untuned, %ld tuned", kRounds, untuned,
              tuned);
        // Untuned, the freed blocks go back to the system and come again: up to 512 faults a
        // round (4 × 128 pages); tuned, a few (48,068 against 376 when this was written).
        QVERIFY2(untuned > 100 * kRounds, qPrintable(QString::number(untuned)));
        QVERIFY2(tuned * 20 < untuned, qPrintable(u"%1 against %2"_s.arg(tuned).arg(untuned)));
#endif
    }
};

QTEST_APPLESS_MAIN(TestStreamingAllocator)
#include "tst_streamingallocator.moc"
