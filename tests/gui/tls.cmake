# The embedded sign-in page against `bge-sandbox --tls` (issue 14): trusted through the profile's
# certificate authorities, refused without them.
bge_add_gui_test(tst_signin_tls SOURCES tst_signin_tls.cpp signintestsupport.h
    LIBRARIES Qt6::WebEngineWidgets LABELS sandbox TIMEOUT 300)
add_dependencies(tst_signin_tls bge_signin_webengine)
