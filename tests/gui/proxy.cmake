# The desktop app's sign-in page and API through a private tinyproxy (issue 14, "Proxies"); the
# suite's sources live with the command line's in tests/proxy.
bge_add_gui_test(tst_proxy_gui SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/../proxy/tst_proxy_gui.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/../proxy/tinyproxyprocess.cpp ${CMAKE_CURRENT_SOURCE_DIR}/../proxy/tinyproxyprocess.h
    signintestsupport.h signinpagescript.h
    LIBRARIES Qt6::WebEngineWidgets LABELS sandbox TIMEOUT 300)
add_dependencies(tst_proxy_gui bge_signin_webengine)
