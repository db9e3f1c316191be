# The desktop shell: main window, first-run profile choice, the app's own sandbox child, the
# start-up controller, and the whole start of a newcomer (`make run`) end to end.
bge_add_gui_test(tst_mainwindow SOURCES tst_mainwindow.cpp)
bge_add_gui_test(tst_profilechooser SOURCES tst_profilechooser.cpp)
bge_add_gui_test(tst_sandboxlauncher SOURCES tst_sandboxlauncher.cpp)
bge_add_gui_test(tst_startup SOURCES tst_startup.cpp)

# The sign-in page is the WebEngine plugin's: without it the test says so and skips.
bge_add_gui_test(tst_desktop_e2e SOURCES tst_desktop_e2e.cpp LIBRARIES Qt6::WebEngineWidgets TIMEOUT 600)
if(TARGET bge_signin_webengine)
    target_compile_definitions(tst_desktop_e2e PRIVATE BGE_HAVE_SIGNIN_PLUGIN)
    add_dependencies(tst_desktop_e2e bge_signin_webengine)
endif()

# Start-up time of bge-desktop (a benchmark: prints figures, never fails on time).
bge_add_gui_test(bench_startup SOURCES bench_startup.cpp LABELS bench TIMEOUT 600)
target_compile_definitions(bench_startup PRIVATE BGE_DESKTOP_PATH="$<TARGET_FILE:bge-desktop>")
add_dependencies(bench_startup bge-desktop)

# The README's screenshots (tools/screenshots/make-screenshots.sh, `make screenshots`): a small
# program over the app's start-up controller. Built with the tests; never run by them.
add_executable(bge-screenshots ${PROJECT_SOURCE_DIR}/tools/screenshots/screenshots.cpp)
target_link_libraries(bge-screenshots PRIVATE bge_ui Qt6::Test bge_build_settings)
add_dependencies(bge-screenshots bge-sandbox)
# The same translations as bge-desktop, so the Chinese pictures show the Chinese interface.
qt_add_lrelease(bge-screenshots TS_FILES ${PROJECT_SOURCE_DIR}/resources/translations/bge_zh_CN.ts
    QM_FILES_OUTPUT_VARIABLE bge_screenshots_qm_files)
qt_add_resources(bge-screenshots bge_screenshots_translations PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
    FILES ${bge_screenshots_qm_files})
if(TARGET bge_signin_webengine)
    add_dependencies(bge-screenshots bge_signin_webengine)
endif()
