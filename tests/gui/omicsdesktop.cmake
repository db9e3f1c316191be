# HealthOmics through the main window: the area, a drop that becomes an ACTIVE read set through
# the Transfers panel, its download, an upload in progress aborted; screenshots.
bge_add_gui_test(tst_omics_desktop SOURCES tst_omics_desktop.cpp omicsbrowsesupport.h LABELS sandbox TIMEOUT 600)
