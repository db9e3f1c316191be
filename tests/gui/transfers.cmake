# The Transfers panel: drops on the main window, the toolbar's actions, downloads, restart,
# thousands of rows; against a real sandbox.
bge_add_gui_test(tst_transfers_gui SOURCES tst_transfers_gui.cpp LABELS sandbox transfer TIMEOUT 400)
