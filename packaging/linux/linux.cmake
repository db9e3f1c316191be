# Linux: desktop integration files and the DEB, RPM and TGZ generators.
# Configure with -DCMAKE_INSTALL_PREFIX=/usr (as `make package` does) so the library directory
# is the distribution's (lib/x86_64-linux-gnu on Debian); the packages install under /usr.

set(linux_src "${PROJECT_SOURCE_DIR}/resources/linux")
set(linux_out "${CMAKE_CURRENT_BINARY_DIR}/linux")

# Release notes live in the AppStream file; the newest <release> gives the date the Debian
# changelog carries, so a package built twice from one commit is the same.
set(BGE_METAINFO_IN "${linux_src}/${BGE_APP_ID}.metainfo.xml.in")
file(STRINGS "${BGE_METAINFO_IN}" release_lines REGEX "<release version=")
list(GET release_lines 0 newest_release)
if(NOT newest_release MATCHES "version=\"([^\"]+)\" date=\"([0-9]+)-([0-9]+)-([0-9]+)\"")
    message(FATAL_ERROR "${BGE_METAINFO_IN}: the first <release> needs version=\"…\" date=\"YYYY-MM-DD\"")
endif()
set(BGE_RELEASE_VERSION "${CMAKE_MATCH_1}")
set(BGE_RELEASE_DATE "${CMAKE_MATCH_2}-${CMAKE_MATCH_3}-${CMAKE_MATCH_4}")
if(NOT BGE_RELEASE_VERSION STREQUAL PROJECT_VERSION)
    message(WARNING "The newest release in ${BGE_METAINFO_IN} is ${BGE_RELEASE_VERSION}, "
                    "the project is ${PROJECT_VERSION}: add release notes for ${PROJECT_VERSION}")
endif()

# RFC 5322 date of the release for the Debian changelog (weekday by Zeller's congruence).
function(bge_rfc5322_date year month day out)
    math(EXPR m "${month}")
    math(EXPR d "${day}")
    math(EXPR y "${year}")
    if(m LESS 3)
        math(EXPR m "${m} + 12")
        math(EXPR y "${y} - 1")
    endif()
    math(EXPR h "(${d} + (13 * (${m} + 1)) / 5 + ${y} + ${y} / 4 - ${y} / 100 + ${y} / 400) % 7")
    set(weekdays Sat Sun Mon Tue Wed Thu Fri)
    set(months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
    list(GET weekdays ${h} weekday)
    math(EXPR month_index "${month} - 1")
    list(GET months ${month_index} month_name)
    set(${out} "${weekday}, ${day} ${month_name} ${year} 00:00:00 +0000" PARENT_SCOPE)
endfunction()
bge_rfc5322_date(${CMAKE_MATCH_2} ${CMAKE_MATCH_3} ${CMAKE_MATCH_4} BGE_RELEASE_RFC5322)

# Desktop entry and AppStream metadata: share/applications, share/metainfo.
set(BGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
configure_file("${BGE_METAINFO_IN}" "${linux_out}/${BGE_APP_ID}.metainfo.xml" @ONLY)
install(FILES "${linux_src}/${BGE_APP_ID}.desktop"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT runtime)
install(FILES "${linux_out}/${BGE_APP_ID}.metainfo.xml"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" COMPONENT runtime)

# hicolor icons: the SVG as the scalable icon, PNGs rendered from it for every fixed size.
install(FILES "${BGE_APP_ICON_SVG}" RENAME "${BGE_APP_ID}.svg"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" COMPONENT runtime)
foreach(size IN LISTS BGE_ICON_SIZES)
    install(FILES "${BGE_ICON_DIR}/hicolor/${size}x${size}/apps/${BGE_APP_ID}.png"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps" COMPONENT runtime)
endforeach()

# Manual pages, compressed as Debian policy asks (gzip -9n: no name, no time stamp).
set(man_pages bge bge-desktop bge-sandbox)
set(man_outputs "")
foreach(page IN LISTS man_pages)
    # The sources carry @PROJECT_VERSION@ and @BGE_RELEASE_DATE@ in their .TH line.
    set(source "${linux_out}/man/${page}.1")
    configure_file("${PROJECT_SOURCE_DIR}/docs/man/${page}.1.in" "${source}" @ONLY)
    set(output "${linux_out}/man/${page}.1.gz")
    add_custom_command(OUTPUT "${output}"
        COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh "${source}" "${output}"
        DEPENDS "${source}"
        COMMENT "Compressing the manual page ${page}(1)"
        VERBATIM)
    list(APPEND man_outputs "${output}")
endforeach()
add_custom_target(bge_man_pages ALL DEPENDS ${man_outputs})
add_dependencies(bge_installables bge_man_pages)
install(FILES ${man_outputs} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT runtime)

# The licence: Debian wants it as the machine-readable copyright file (with a changelog beside
# it); RPM and the tarball carry the LICENSE file itself. cpack-project-config.cmake picks the
# component per generator.
# (CMAKE_INSTALL_DOCDIR would be named after the CMake project, not the package.)
set(bge_docdir "${CMAKE_INSTALL_DATADIR}/doc/${BGE_PACKAGE_NAME}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/copyright" "${linux_out}/debian/copyright" COPYONLY)
configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/changelog.in" "${linux_out}/debian/changelog" @ONLY)
add_custom_command(OUTPUT "${linux_out}/debian/changelog.Debian.gz"
    COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh "${linux_out}/debian/changelog" "${linux_out}/debian/changelog.Debian.gz"
    DEPENDS "${linux_out}/debian/changelog"
    VERBATIM)
add_custom_target(bge_debian_changelog ALL DEPENDS "${linux_out}/debian/changelog.Debian.gz")
add_dependencies(bge_installables bge_debian_changelog)
install(FILES "${linux_out}/debian/copyright" "${linux_out}/debian/changelog.Debian.gz"
    DESTINATION "${bge_docdir}" COMPONENT debian EXCLUDE_FROM_ALL)
install(FILES "${CMAKE_CURRENT_LIST_DIR}/debian/lintian-overrides" RENAME "${BGE_PACKAGE_NAME}"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides" COMPONENT debian EXCLUDE_FROM_ALL)
install(FILES "${BGE_LICENSE_FILE}" DESTINATION "${bge_docdir}" COMPONENT licence)

set(CPACK_GENERATOR "DEB;RPM;TGZ")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# One package per generator, made of the components cpack-project-config.cmake selects.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

# DEB: library dependencies computed by dpkg-shlibdeps from the binaries (Qt 6 incl. WebEngine
# once the sign-in plugin is built, QtKeychain, cpp-httplib, OpenSSL), plus what no binary links.
set(CPACK_DEBIAN_PACKAGE_NAME "${BGE_PACKAGE_NAME}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What no binary links, so dpkg-shlibdeps cannot see it: QtKeychain opens libsecret with
# dlopen() (and its package does not depend on it); the app's icons are SVG, drawn by the
# plugins of libqt6svg6 even where no code links Qt Svg.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6svg6")
# xdg-open starts the system browser for sign-in; Qt's own strings in Chinese.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xdg-utils, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# RPM: rpmbuild computes soname requirements (libQt6Core.so.6()(64bit) …) itself; libsecret and
# Qt Svg (for its plugins) are named by soname too. No distribution's package names are assumed:
# it installs wherever those sonames exist (built elsewhere than Debian, it takes that system's).
set(CPACK_RPM_PACKAGE_NAME "${BGE_PACKAGE_NAME}")
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_LICENSE "Apache-2.0")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Engineering")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_REQUIRES "libsecret-1.so.0()(64bit), libQt6Svg.so.6()(64bit)")
# Directories other packages own (filesystem, hicolor-icon-theme) are not claimed.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
    /usr/share/man/man1 /usr/share/doc /usr/${CMAKE_INSTALL_LIBDIR})
foreach(size IN LISTS BGE_ICON_SIZES ITEMS scalable)
    set(dir "/usr/share/icons/hicolor/${size}x${size}")
    if(size STREQUAL "scalable")
        set(dir "/usr/share/icons/hicolor/scalable")
    endif()
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION "${dir}" "${dir}/apps")
endforeach()
# No debug-info or build-id side files: symbols are stripped like Debian's packages.
set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
