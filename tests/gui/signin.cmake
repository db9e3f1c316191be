# Sign-in: the embedded authorization page (WebEngine plugin) end to end against the sandbox,
# the keychain, client credentials and the system-browser fallback.
bge_add_gui_test(tst_signin SOURCES tst_signin.cpp signintestsupport.h
    LIBRARIES Qt6::WebEngineWidgets LABELS sandbox TIMEOUT 600)
add_dependencies(tst_signin bge_signin_webengine)

# The same, from an executable that (like bge-desktop) does not link QtWebEngine: it must not be
# in the process until the sign-in page is shown.
bge_add_gui_test(tst_signin_lazyload SOURCES tst_signin_lazyload.cpp signintestsupport.h LABELS sandbox)
add_dependencies(tst_signin_lazyload bge_signin_webengine)

# The sign-in page as a person uses it, in the whole app at 1280×800 (issue 15): the keyboard in
# the form at once, Return approves, Deny said on the page, the window title.
bge_add_gui_test(tst_signin_keyboard SOURCES tst_signin_keyboard.cpp signinpagescript.h signintestsupport.h
    LIBRARIES Qt6::WebEngineWidgets LABELS sandbox TIMEOUT 600)
add_dependencies(tst_signin_keyboard bge_signin_webengine)
