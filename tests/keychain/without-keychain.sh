#!/bin/sh
# without-keychain.sh MODE COMMAND [ARGS...]
#
# Runs COMMAND where no system keychain can be reached, with a throw-away HOME and
# XDG_RUNTIME_DIR so a test can check afterwards that nothing was written there. MODE is one
# of the ways a Linux session ends up without a keychain:
#
#   --no-session-bus      DBUS_SESSION_BUS_ADDRESS unset, no $XDG_RUNTIME_DIR/bus, and no
#                         DISPLAY, so D-Bus cannot autolaunch a bus either (with a display,
#                         dbus-launch would start one behind our back).
#   --disabled-bus        DBUS_SESSION_BUS_ADDRESS=disabled:, an address with no transport that
#                         both libdbus and GDBus refuse at once (what some sandboxes set).
#   --no-secret-service   a private session bus on which no service can be started at all.
#   --no-default-keyring  a private session bus that starts gnome-keyring on demand, but there
#                         is no login keyring and no display to prompt for one (a headless
#                         server with gnome-keyring installed).
#
# COMMAND sees BGE_NO_KEYCHAIN=MODE. The exit status is COMMAND's.
set -eu

usage() {
    echo "usage: $0 --no-session-bus|--disabled-bus|--no-secret-service|--no-default-keyring COMMAND [ARGS...]" >&2
    exit 2
}
[ $# -ge 2 ] || usage
mode=$1
shift
case "$mode" in
    --no-secret-service|--no-default-keyring)
        if ! command -v dbus-run-session >/dev/null 2>&1; then
            echo "$0: dbus-run-session is missing; packaging/linux/install-deps.sh installs it" >&2
            exit 127
        fi
        ;;
esac

. "$(dirname "$0")/private-home.sh"
export BGE_NO_KEYCHAIN="$mode"

status=0
case "$mode" in
    --no-session-bus)
        "$@" || status=$?
        ;;
    --disabled-bus)
        DBUS_SESSION_BUS_ADDRESS=disabled: "$@" || status=$?
        ;;
    --no-secret-service)
        config="$bge_private_base/session-without-services.conf"
        cat >"$config" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$XDG_RUNTIME_DIR</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
        dbus-run-session --config-file="$config" -- "$@" || status=$?
        ;;
    --no-default-keyring)
        dbus-run-session -- "$@" || status=$?
        ;;
    *)
        usage
        ;;
esac
exit $status
