# Speed at scale (issue 16), benchmark: a folder of many small files dropped on the main window
# against the official ali-oss client's put with 8 in flight (tests/bench/alioss_objects.mjs,
# installed from npm by run_transfer_bench.sh into the transfer benchmarks' work folder).
# Figures only, never a failure on time.
bge_add_gui_test(bench_desktopdrop
    SOURCES bench_desktopdrop.cpp ${CMAKE_CURRENT_SOURCE_DIR}/../common/peakmemory.cpp
    LIBRARIES bench_support
    WRAPPER ${CMAKE_CURRENT_SOURCE_DIR}/../bench/run_transfer_bench.sh
    ARGS ${CMAKE_BINARY_DIR}/tests/bench/work
    LABELS bench TIMEOUT 3600)
set_tests_properties(bench_desktopdrop PROPERTIES RUN_SERIAL TRUE)
