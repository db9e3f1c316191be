# Widgets every view shares.
bge_add_gui_test(tst_errorbanner SOURCES tst_errorbanner.cpp)
