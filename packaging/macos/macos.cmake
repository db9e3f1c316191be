# macOS: bge-desktop as an app bundle ("BGE Desktop.app") holding bge and bge-sandbox too,
# Qt deployed into it by macdeployqt through Qt's deploy-script support, in a DragNDrop DMG.
# Built by CI (.github/workflows/release.yml); it cannot be built on the Debian machines.

if(Qt6_VERSION VERSION_LESS 6.5)
    message(FATAL_ERROR "macOS installers need Qt 6.5 or later (qt_generate_deploy_script)")
endif()

set(BGE_BUNDLE_NAME "BGE Desktop")
configure_file("${CMAKE_CURRENT_LIST_DIR}/macos/Info.plist.in" "${CMAKE_CURRENT_BINARY_DIR}/Info.plist.in" @ONLY)
set_target_properties(bge-desktop PROPERTIES
    MACOSX_BUNDLE ON
    OUTPUT_NAME "${BGE_BUNDLE_NAME}"
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_BINARY_DIR}/Info.plist.in"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${BGE_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}")
add_dependencies(bge-desktop bge_icons)

# The command-line programs live beside the app's executable and share its Frameworks.
set(bundle_contents "${BGE_BUNDLE_NAME}.app/Contents")
set_target_properties(bge bge-sandbox PROPERTIES INSTALL_RPATH "@executable_path/../Frameworks")
install(TARGETS bge bge-sandbox RUNTIME DESTINATION "${bundle_contents}/MacOS" COMPONENT runtime)
install(FILES "${BGE_ICON_ICNS}" DESTINATION "${bundle_contents}/Resources" COMPONENT runtime)
install(FILES "${BGE_LICENSE_FILE}" DESTINATION "${bundle_contents}/Resources" COMPONENT runtime)

set(deploy_libraries "")
if(TARGET bge_signin_webengine)
    set(deploy_libraries "ADDITIONAL_LIBRARIES \"${bundle_contents}/${CMAKE_INSTALL_LIBDIR}/bge-desktop/$<TARGET_FILE_NAME:bge_signin_webengine>\"")
endif()
qt_generate_deploy_script(TARGET bge-desktop OUTPUT_SCRIPT bge_deploy_script CONTENT "
qt_deploy_runtime_dependencies(
    EXECUTABLE \"${BGE_BUNDLE_NAME}.app\"
    ADDITIONAL_EXECUTABLES \"${bundle_contents}/MacOS/bge\" \"${bundle_contents}/MacOS/bge-sandbox\"
    ${deploy_libraries}
    VERBOSE)
")
install(SCRIPT "${bge_deploy_script}" COMPONENT runtime)

# One installer with everything: no component page.
set(CPACK_MONOLITHIC_INSTALL ON)
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "BGE Desktop ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
# A link to /Applications next to the app, so the window says what to do.
set(CPACK_DMG_DISABLE_APPLICATIONS_SYMLINK OFF)
