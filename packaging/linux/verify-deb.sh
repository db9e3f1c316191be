#!/usr/bin/env bash
# Installs the .deb into a clean Debian 12 root and runs what it installed there, as a user's
# machine would: proof that the package's dependencies are complete and nothing leans on the
# build tree. Run by `make verify-deb` (not by `make test`: it needs root, the Debian mirror
# and a few minutes). Usage:
#   verify-deb.sh bge-desktop_<version>_amd64.deb
# Environment:
#   BGE_VERIFY_DIR      work directory (default: verify-deb/ beside the .deb); the root is
#                       made afresh in it every run and removed after a successful one
#   BGE_DEBIAN_MIRROR   Debian mirror for debootstrap (default: the one this machine's apt uses)
# Downloaded packages are cached in <work dir>/cache, so later runs fetch nothing new.
set -euo pipefail

say() { printf '\033[1mverify-deb:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mverify-deb: FAILED: %s\033[0m\n' "$*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 PACKAGE.deb"
[ -f "$1" ] || die "no such package: $1"
deb=$(realpath "$1")
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mounts)"
for tool in debootstrap dpkg-deb chroot mount; do
  command -v "$tool" >/dev/null || die "$tool is missing (packaging/linux/install-deps.sh --packaging)"
done

package=$(dpkg-deb -f "$deb" Package)
full_version=$(dpkg-deb -f "$deb" Version)
version=${full_version%-*} # the upstream version the programs print
work=${BGE_VERIFY_DIR:-$(dirname "$deb")/verify-deb}
root=$work/root
mkdir -p "$work/cache"

# The mirror this machine's apt already uses (deb822 or one-line sources), for Debian "main".
mirror=${BGE_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
  mirror=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\/debian\)[[:space:]]*$/\1/p' \
             /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)
fi
if [ -z "$mirror" ]; then
  mirror=$(sed -n 's/^deb[[:space:]]\+\(http[^[:space:]]*\/debian\)[[:space:]]\+bookworm[[:space:]].*/\1/p' \
             /etc/apt/sources.list 2>/dev/null | head -n1 || true)
fi

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

# --- a clean Debian 12 -------------------------------------------------------------------------
[ -d "$root" ] && { cleanup; rm -rf --one-file-system "$root"; }
say "debootstrap: Debian 12 (bookworm, minbase) into $root ${mirror:+from $mirror}"
if ! debootstrap --variant=minbase --cache-dir="$work/cache" bookworm "$root" ${mirror:+"$mirror"} \
       > "$work/debootstrap.log" 2>&1; then
  tail -n 20 "$work/debootstrap.log" >&2
  die "debootstrap failed (log: $work/debootstrap.log)"
fi

mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" && mounted+=("$root/dev")
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
in_root() { chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

# --- the package, with nothing but its own dependencies (no Recommends) --------------------------
cp "$deb" "$root/tmp/"
say "apt-get install ./$(basename "$deb") (Depends only)"
in_root apt-get update -q > "$work/apt.log" 2>&1 || { tail -n 20 "$work/apt.log" >&2; die "apt-get update failed"; }
if ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
       "/tmp/$(basename "$deb")" >> "$work/apt.log" 2>&1; then
  tail -n 30 "$work/apt.log" >&2
  die "apt-get could not install $package (log: $work/apt.log)"
fi
in_root dpkg-query -W -f='${Status}\n' "$package" | grep -q "install ok installed" || die "$package is not installed"

# --- every file a user expects ---------------------------------------------------------------
expected=(
  /usr/bin/bge /usr/bin/bge-desktop /usr/bin/bge-sandbox
  /usr/share/applications/cn.genomics.bge.BgeDesktop.desktop
  /usr/share/metainfo/cn.genomics.bge.BgeDesktop.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/cn.genomics.bge.BgeDesktop.svg
  /usr/share/icons/hicolor/48x48/apps/cn.genomics.bge.BgeDesktop.png
  /usr/share/icons/hicolor/256x256/apps/cn.genomics.bge.BgeDesktop.png
  /usr/share/man/man1/bge.1.gz /usr/share/man/man1/bge-desktop.1.gz /usr/share/man/man1/bge-sandbox.1.gz
  "/usr/share/doc/$package/copyright" "/usr/share/doc/$package/changelog.Debian.gz"
)
for file in "${expected[@]}"; do
  [ -e "$root$file" ] || die "the package did not install $file"
done
say "installed files: ${#expected[@]} expected ones present"

# --- the command-line programs -----------------------------------------------------------------
out=$(in_root timeout 30 bge --version) || die "bge --version failed"
[ "$out" = "bge $version" ] || die "bge --version printed \"$out\", expected \"bge $version\""
say "bge --version: $out"

out=$(in_root timeout 30 bge-sandbox --describe) || die "bge-sandbox --describe failed"
for key in api_endpoint oss_endpoint users clients models; do
  grep -q "\"$key\"" <<<"$out" || die "bge-sandbox --describe printed no \"$key\": $out"
done
say "bge-sandbox --describe: JSON with api_endpoint, oss_endpoint, users, clients, models (${#out} bytes)"

# No display yet: the offscreen platform is enough to print the version.
status=0
out=$(in_root env QT_QPA_PLATFORM=offscreen timeout 30 bge-desktop --version 2>"$work/stderr.log") || status=$?
[ $status -ne 124 ] || die "bge-desktop --version did not exit within 30 s (no --version option?)"
[ $status -eq 0 ] || die "bge-desktop --version failed ($status): $out $(cat "$work/stderr.log")"
grep -q -- "$version" <<<"$out" || die "bge-desktop --version printed \"$out\", expected $version"
say "bge-desktop --version: $out"

# --- the desktop app on an X server, with the sandbox it starts --------------------------------
say "apt-get install xvfb xauth x11-utils (the X server for the check, not the package's)"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb xauth x11-utils \
  >> "$work/apt.log" 2>&1 || { tail -n 20 "$work/apt.log" >&2; die "could not install Xvfb"; }

# The chroot shares this machine's network, so its X server must not take a display number
# another X server here already listens on (abstract sockets are not in the chroot's /tmp).
display=120
while [ -e "/tmp/.X$display-lock" ] || grep -q "@/tmp/.X11-unix/X$display\$" /proc/net/unix; do
  display=$((display + 1))
done

cp "$(dirname "$0")/verify-gui.sh" "$root/tmp/verify-gui.sh"
say "bge-desktop --sandbox under Xvfb (display :$display)"
if ! in_root timeout 300 xvfb-run --server-num="$display" --server-args="-screen 0 1280x800x24" \
       bash /tmp/verify-gui.sh "$version" > "$work/gui.log" 2>&1; then
  cat "$work/gui.log" >&2
  die "bge-desktop did not show its main window against the installed sandbox (log: $work/gui.log)"
fi
sed 's/^/  /' "$work/gui.log"

cleanup
mounted=()
rm -rf --one-file-system "$root"
say "PASSED: $package $full_version installs on a clean Debian 12 and its programs run"
