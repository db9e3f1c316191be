# Sourced by with-private-keyring.sh and without-keychain.sh: a throw-away HOME and
# XDG_RUNTIME_DIR (mode 0700) under $TMPDIR, removed when the script exits, and an environment
# that cannot reach the session bus, keyring or display of whoever runs the tests.

bge_private_base=$(mktemp -d "${TMPDIR:-/tmp}/bge-keychain-test.XXXXXX")
trap 'rm -rf "$bge_private_base"' EXIT
# A signal must still run the EXIT trap, so turn it into an ordinary exit.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -m 0700 "$bge_private_base/home" "$bge_private_base/runtime"

export HOME="$bge_private_base/home"
export XDG_RUNTIME_DIR="$bge_private_base/runtime"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
# No display: nothing may show a prompt, or autolaunch a bus, on someone's X server.
# No desktop hints: QtKeychain would pick KWallet on KDE; these suites test the Secret Service.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK \
      XDG_CURRENT_DESKTOP XDG_SESSION_DESKTOP DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID \
      KDE_FULL_SESSION KDE_SESSION_VERSION
