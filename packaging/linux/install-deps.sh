#!/usr/bin/env bash
# Installs every Debian 12 package needed to build, run and test BGE Desktop.
# Idempotent: does nothing when everything is present, and runs `apt-get update`
# only when something is missing. Run as root or with sudo available.
#   --packaging   also the tools `make package` and `make verify-deb` use (rpmbuild, lintian,
#                 debootstrap…), which `make test` does not need.
set -euo pipefail

with_packaging=false
for arg in "$@"; do
  case "$arg" in
    --packaging) with_packaging=true ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ccache
  # Qt 6 (Debian 12 ships 6.4) and QtKeychain
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
  qt6-webengine-dev qt6-webengine-dev-tools qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-qpa-plugins libqt6svg6 qtkeychain-qt6-dev libgl-dev libxkbcommon-dev
  # QtKeychain dlopen()s libsecret at run time and its package does not depend on it
  libsecret-1-0
  # the Simplified Chinese interface (and `make screenshots`) needs a CJK font; minimal systems have none
  fonts-noto-cjk
  # sandbox: streaming HTTP server for object storage, fast digests
  libcpp-httplib-dev libssl-dev
  # zlib: gzip/BGZF of sequencing files (core/seqformat, the HealthOmics emulator)
  zlib1g-dev
  # tests: X server, private D-Bus session with a real keychain, HTTP tools
  xvfb xauth dbus dbus-bin gnome-keyring libsecret-tools curl ca-certificates
  # a system tray host (XEmbed) inside the X server, for the transfer notification test
  trayer
  # xprop: the window title as the X server shows it (tst_signin_keyboard)
  x11-utils
  # proxy tests: a private tinyproxy per suite (its own configuration and free port). The
  # executable alone: the "tinyproxy" package would also start a system proxy on port 8888.
  tinyproxy-bin
  # sequencing files for the read-set tests: samtools writes real BAM, uBAM and CRAM, bgzip BGZF
  samtools tabix
  # fuzz smoke test: clang with libFuzzer and the sanitizer runtimes, llvm-symbolizer for reports
  clang-14 libclang-rt-14-dev llvm-14
  # packaging lint tests: desktop entry, AppStream metadata, manual pages
  desktop-file-utils appstream man-db groff-base
)

if $with_packaging; then
  packages+=(
    # DEB (dpkg-shlibdeps computes the dependencies) and RPM generators, and the package checks
    dpkg-dev rpm lintian
    # verify-deb.sh: a clean Debian 12 root to install the .deb into
    debootstrap
  )
fi

# Node.js and npm run the ali-oss fidelity test. Any working node+npm will do
# (some machines carry a vendor build that conflicts with Debian's npm package).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
