# Code signing, run by cpack twice: as CPACK_PRE_BUILD_SCRIPTS (the staging directory is full,
# no installer yet: sign the programs and libraries) and as CPACK_POST_BUILD_SCRIPTS
# (CPACK_PACKAGE_FILES lists the installers made: sign them, and notarize on macOS).
# Driven only by environment variables; with none set it does nothing, so unsigned local
# and pull-request builds work. Secrets are passed to the tools, never printed.
#
# Windows (signtool from the Windows SDK):
#   BGE_SIGN_PFX            path of the code-signing certificate (.pfx)
#   BGE_SIGN_PFX_PASSWORD   its password
#   BGE_SIGN_TIMESTAMP_URL  RFC 3161 time-stamp server of the certificate's issuer
#   BGE_SIGNTOOL            signtool.exe when it is not on PATH
# macOS:
#   BGE_MACOS_SIGN_IDENTITY "Developer ID Application: …" in the build keychain
#   BGE_NOTARY_KEYCHAIN_PROFILE  a profile stored with `xcrun notarytool store-credentials`, or
#   BGE_NOTARY_APPLE_ID, BGE_NOTARY_TEAM_ID, BGE_NOTARY_PASSWORD (app-specific password)

cmake_minimum_required(VERSION 3.25)

# Only the post-build run has packages (the pre-build run may see the variable empty).
set(post_build FALSE)
if(CPACK_PACKAGE_FILES)
    set(post_build TRUE)
endif()

function(bge_run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        list(GET ARGN 0 tool)
        message(FATAL_ERROR "codesign: ${tool} failed (${result})")
    endif()
endfunction()

# --- Windows -------------------------------------------------------------------------------
if(CPACK_SYSTEM_NAME MATCHES "^win" OR CMAKE_HOST_WIN32)
    if(NOT DEFINED ENV{BGE_SIGN_PFX} OR "$ENV{BGE_SIGN_PFX}" STREQUAL "")
        message(STATUS "codesign: BGE_SIGN_PFX not set, Windows binaries stay unsigned")
        return()
    endif()
    if("$ENV{BGE_SIGN_TIMESTAMP_URL}" STREQUAL "")
        message(FATAL_ERROR "codesign: BGE_SIGN_TIMESTAMP_URL is needed with BGE_SIGN_PFX")
    endif()
    set(signtool "$ENV{BGE_SIGNTOOL}")
    if(signtool STREQUAL "")
        find_program(signtool signtool REQUIRED)
    endif()
    if(post_build)
        set(files ${CPACK_PACKAGE_FILES})
    else()
        file(GLOB_RECURSE files "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.exe" "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.dll")
        # Qt's and Microsoft's DLLs already carry their vendors' signatures; sign only ours.
        list(FILTER files INCLUDE REGEX "/(bge[^/]*\\.exe|bge_[^/]*\\.dll)$")
    endif()
    foreach(file IN LISTS files)
        message(STATUS "codesign: signing ${file}")
        bge_run("${signtool}" sign /fd SHA256 /f "$ENV{BGE_SIGN_PFX}" /p "$ENV{BGE_SIGN_PFX_PASSWORD}"
                /tr "$ENV{BGE_SIGN_TIMESTAMP_URL}" /td SHA256 "${file}")
    endforeach()
    return()
endif()

# --- macOS ---------------------------------------------------------------------------------
if(CMAKE_HOST_APPLE)
    set(identity "$ENV{BGE_MACOS_SIGN_IDENTITY}")
    if(identity STREQUAL "")
        message(STATUS "codesign: BGE_MACOS_SIGN_IDENTITY not set, the app stays unsigned (ad hoc)")
        return()
    endif()
    if(NOT post_build)
        # Hardened runtime (required for notarization) with the exceptions QtWebEngine needs.
        file(GLOB_RECURSE bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
        list(FILTER bundles INCLUDE REGEX "\\.app$")
        list(FILTER bundles EXCLUDE REGEX "\\.app/")
        foreach(bundle IN LISTS bundles)
            message(STATUS "codesign: signing ${bundle}")
            bge_run(codesign --force --deep --timestamp --options runtime
                    --entitlements "${CPACK_BGE_MACOS_ENTITLEMENTS}" --sign "${identity}" "${bundle}")
            bge_run(codesign --verify --deep --strict "${bundle}")
        endforeach()
        return()
    endif()
    foreach(dmg IN LISTS CPACK_PACKAGE_FILES)
        bge_run(codesign --force --timestamp --sign "${identity}" "${dmg}")
        if(NOT "$ENV{BGE_NOTARY_KEYCHAIN_PROFILE}" STREQUAL "")
            set(credentials --keychain-profile "$ENV{BGE_NOTARY_KEYCHAIN_PROFILE}")
        elseif(NOT "$ENV{BGE_NOTARY_APPLE_ID}" STREQUAL "")
            set(credentials --apple-id "$ENV{BGE_NOTARY_APPLE_ID}" --team-id "$ENV{BGE_NOTARY_TEAM_ID}"
                            --password "$ENV{BGE_NOTARY_PASSWORD}")
        else()
            message(STATUS "codesign: no notarization credentials, ${dmg} is signed but not notarized")
            continue()
        endif()
        message(STATUS "codesign: notarizing ${dmg} (waits for Apple's answer)")
        bge_run(xcrun notarytool submit "${dmg}" ${credentials} --wait)
        bge_run(xcrun stapler staple "${dmg}")
    endforeach()
endif()
