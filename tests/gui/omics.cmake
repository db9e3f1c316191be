# Variants, abundance and models views of the selected sample, and table export.
bge_add_gui_test(tst_tableexporter SOURCES tst_tableexporter.cpp)
bge_add_gui_test(tst_variantsview SOURCES tst_variantsview.cpp omicstestsupport.h)
bge_add_gui_test(tst_abundanceview SOURCES tst_abundanceview.cpp omicstestsupport.h)
bge_add_gui_test(tst_composition SOURCES tst_composition.cpp omicstestsupport.h)
bge_add_gui_test(tst_modelsview SOURCES tst_modelsview.cpp omicstestsupport.h)
