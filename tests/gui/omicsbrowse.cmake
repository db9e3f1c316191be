# HealthOmics accounts and browsing (stores, read sets, detail), against the sandbox's emulator.
bge_add_gui_test(tst_omics_accounts SOURCES tst_omics_accounts.cpp omicsbrowsesupport.h LABELS sandbox)
bge_add_gui_test(tst_omics_browse SOURCES tst_omics_browse.cpp omicsbrowsesupport.h LABELS sandbox TIMEOUT 600)
