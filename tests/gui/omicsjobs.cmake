# HealthOmics read-set upload dialog, multipart uploads in progress, import jobs.
bge_add_gui_test(tst_omics_uploaddialog SOURCES tst_omics_uploaddialog.cpp)
bge_add_gui_test(tst_omics_imports SOURCES tst_omics_imports.cpp)
