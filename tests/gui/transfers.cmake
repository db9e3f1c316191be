# The Transfers panel: drops on the main window, the toolbar's actions, downloads, restart,
# thousands of rows; against a real sandbox.
bge_add_gui_test(tst_transfers_gui SOURCES tst_transfers_gui.cpp LABELS sandbox transfer TIMEOUT 400)

# The end-of-batch notification: status bar without a tray, message balloon with a real XEmbed
# tray host (trayer) in the same X server.
bge_add_gui_test(tst_transfernotifier SOURCES tst_transfernotifier.cpp LABELS transfer)
