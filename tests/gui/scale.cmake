# Speed at scale (issue 16), benchmarks: figures only, never a failure on time.
# A lab's 100,000 samples in the sample list (bge-sandbox --samples; BGE_BENCH_SAMPLES to change).
bge_add_gui_test(bench_samples_scale
    SOURCES bench_samples_scale.cpp ${CMAKE_CURRENT_SOURCE_DIR}/../common/peakmemory.cpp
    LABELS bench TIMEOUT 1800)
