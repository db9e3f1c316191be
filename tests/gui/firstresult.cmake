# The path to the first result (issue 16), a benchmark: figures only, never a failure on time.
# bench_first_result starts a program per run, as bge-desktop starts: firstresult_signin (a
# first sign-in; links QtWebEngine to read where the page's focus is) and firstresult_restart (a
# later start and samples selected; like bge-desktop, without QtWebEngine).
add_executable(firstresult_signin firstresult_signin.cpp firstresultsupport.h)
target_link_libraries(firstresult_signin PRIVATE bge_ui Qt6::Test Qt6::WebEngineWidgets bge_build_settings)
target_include_directories(firstresult_signin PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/..)
add_dependencies(firstresult_signin bge_signin_webengine)

add_executable(firstresult_restart firstresult_restart.cpp firstresultsupport.h)
target_link_libraries(firstresult_restart PRIVATE bge_ui Qt6::Test bge_build_settings)
target_include_directories(firstresult_restart PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/..)

bge_add_gui_test(bench_first_result SOURCES bench_first_result.cpp firstresultsupport.h signintestsupport.h
    LABELS bench TIMEOUT 1800)
target_compile_definitions(bench_first_result PRIVATE
    BGE_FIRSTRESULT_SIGNIN="$<TARGET_FILE:firstresult_signin>"
    BGE_FIRSTRESULT_RESTART="$<TARGET_FILE:firstresult_restart>")
add_dependencies(bench_first_result firstresult_signin firstresult_restart)
