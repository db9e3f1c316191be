# AddressSanitizer builds (the `asan` preset) only: the suites that load QtWebEngine abort at
# exit on a new-delete-type-mismatch inside QtWebEngineCore's own destructors (Chromium code
# built without ASan, whose sized delete does not match the size ASan saw allocated). Not ours
# and not fixable here, so exactly that check is switched off for exactly these suites; every
# other ASan report (and that one in every other suite) stays fatal. Included last (the suite
# files are included in name order), once the suites exist.
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
    foreach(webengine_suite tst_signin tst_signin_lazyload tst_signin_keyboard tst_desktop_e2e)
        if(TEST ${webengine_suite})
            # Appended, so the preset's ASAN_OPTIONS (detect_leaks=0) still hold.
            set_property(TEST ${webengine_suite} APPEND PROPERTY ENVIRONMENT_MODIFICATION
                "ASAN_OPTIONS=string_append::new_delete_type_mismatch=0")
        endif()
    endforeach()
endif()
