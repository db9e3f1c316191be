# The main window and its wiring.
bge_add_gui_test(tst_mainwindow SOURCES tst_mainwindow.cpp)
