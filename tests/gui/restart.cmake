# Issue 14, finding 8: a second start of `bge-desktop --sandbox` (after a quit or a kill) signs in
# silently with the session the sandbox kept in its data folder.
bge_add_gui_test(tst_restart_silent SOURCES tst_restart_silent.cpp signintestsupport.h LABELS sandbox)
