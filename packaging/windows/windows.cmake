# Windows: icon and version resource in bge-desktop.exe, Qt deployed by windeployqt through
# Qt's deploy-script support, the MSVC runtime, and an NSIS installer (Start-menu shortcut,
# uninstaller, per-user install without administrator rights).
# Built by CI (.github/workflows/release.yml); it cannot be built on the Debian machines.

if(Qt6_VERSION VERSION_LESS 6.5)
    message(FATAL_ERROR "Windows installers need Qt 6.5 or later (qt_generate_deploy_script)")
endif()

# The .ico is rendered at build time; the resource script only names it.
configure_file("${CMAKE_CURRENT_LIST_DIR}/windows/bge-desktop.rc.in" "${CMAKE_CURRENT_BINARY_DIR}/bge-desktop.rc" @ONLY)
target_sources(bge-desktop PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/bge-desktop.rc")
add_dependencies(bge-desktop bge_icons)
set_target_properties(bge-desktop PROPERTIES WIN32_EXECUTABLE ON)

# windeployqt copies the Qt libraries and plugins all three programs use into bin/ (bge and
# bge-sandbox use a subset of bge-desktop's), the sign-in plugin's QtWebEngine included.
set(deploy_libraries "")
if(TARGET bge_signin_webengine)
    set(deploy_libraries "ADDITIONAL_LIBRARIES \"\${QT_DEPLOY_PREFIX}/${CMAKE_INSTALL_LIBDIR}/bge-desktop/$<TARGET_FILE_NAME:bge_signin_webengine>\"")
endif()
qt_generate_deploy_script(TARGET bge-desktop OUTPUT_SCRIPT bge_deploy_script CONTENT "
qt_deploy_runtime_dependencies(
    EXECUTABLE \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:bge-desktop>\"
    ADDITIONAL_EXECUTABLES \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:bge>\"
                           \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:bge-sandbox>\"
    ${deploy_libraries}
    GENERATE_QT_CONF
    VERBOSE)
")

# The DLLs the programs import from outside Windows (QtKeychain, OpenSSL, Qt's libraries
# again, which windeployqt then overwrites with the same files), found from the programs.
# (The set is filled by install(TARGETS) in packaging/CMakeLists.txt.)
install(RUNTIME_DEPENDENCY_SET bge_runtime_dependencies
    PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
    POST_EXCLUDE_REGEXES "[/\\\\][Ss][Yy][Ss][Tt][Ee][Mm]32[/\\\\]"
    DIRECTORIES $ENV{PATH} "$ENV{OPENSSL_ROOT_DIR}/bin"
    DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT runtime)

set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT runtime)
include(InstallRequiredSystemLibraries)

# Last, so Qt's libraries and plugins are windeployqt's own copies.
install(SCRIPT "${bge_deploy_script}" COMPONENT runtime)

install(FILES "${BGE_LICENSE_FILE}" DESTINATION . RENAME LICENSE.txt COMPONENT runtime)

# One installer with everything: no component page.
set(CPACK_MONOLITHIC_INSTALL ON)
set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_NSIS_PACKAGE_NAME "BGE Desktop")
set(CPACK_NSIS_DISPLAY_NAME "BGE Desktop ${PROJECT_VERSION}")
file(TO_NATIVE_PATH "${BGE_ICON_ICO}" native_ico)
set(CPACK_NSIS_MUI_ICON "${native_ico}")
set(CPACK_NSIS_MUI_UNIICON "${native_ico}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\bge-desktop.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${BGE_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "bge-desktop.exe")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# `bge` in PATH is offered on the options page (off by default).
set(CPACK_NSIS_MODIFY_PATH ON)

# Per-user installs: CPack's NSIS template asks for administrator rights unconditionally. Use
# the running CMake's own template with two changes, so it stays in step with CPack:
#  - "RequestExecutionLevel highest": administrators are asked to elevate (then it installs for
#    all users in Program Files); other users install without any prompt, for themselves only;
#  - a per-user install goes to %LOCALAPPDATA%\Programs (Windows' per-user program folder)
#    instead of CPack's default of the Documents folder.
set(template_in "${CMAKE_ROOT}/Modules/Internal/CPack/NSIS.template.in")
file(READ "${template_in}" template)
foreach(pair IN ITEMS
        "RequestExecutionLevel admin|RequestExecutionLevel highest"
        "$DOCUMENTS\\@CPACK_PACKAGE_INSTALL_DIRECTORY@|$LOCALAPPDATA\\Programs\\@CPACK_PACKAGE_INSTALL_DIRECTORY@")
    string(REPLACE "|" ";" pair "${pair}")
    list(GET pair 0 from)
    list(GET pair 1 to)
    string(FIND "${template}" "${from}" found)
    if(found EQUAL -1)
        message(FATAL_ERROR "${template_in} no longer contains \"${from}\": review packaging/windows/windows.cmake")
    endif()
    string(REPLACE "${from}" "${to}" template "${template}")
endforeach()
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/nsis-template/NSIS.template.in" "${template}")
# cpack looks for NSIS.template.in on CMAKE_MODULE_PATH before its own.
list(PREPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_BINARY_DIR}/nsis-template")
