# The sample browser: models, panel, detail pane and dialogs, against a real sandbox.
bge_add_gui_test(tst_jsontreemodel SOURCES tst_jsontreemodel.cpp LABELS unit)
bge_add_gui_test(tst_sampletablemodel SOURCES tst_sampletablemodel.cpp samplestestsupport.h tcpgate.cpp tcpgate.h
    LABELS sandbox)
bge_add_gui_test(tst_samples SOURCES tst_samples.cpp samplestestsupport.h tcpgate.cpp tcpgate.h
    LABELS sandbox TIMEOUT 600)
bge_add_gui_test(tst_sampleinput SOURCES tst_sampleinput.cpp LABELS unit)
