#!/bin/sh
# with-private-keyring.sh COMMAND [ARGS...]
#
# Runs COMMAND against a real, unlocked gnome-keyring that nobody else can see: a private
# D-Bus session bus (dbus-run-session) and a throw-away HOME and XDG_RUNTIME_DIR, so tests
# never touch the keyring of the person or machine running them. Works as root and without a
# display. The exit status is COMMAND's; the daemon is stopped and the folders removed after.
#
# COMMAND sees BGE_PRIVATE_KEYRING=1; suites that write secrets refuse to run without it.
set -eu

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is missing; packaging/linux/install-deps.sh installs it" >&2
        exit 127
    fi
done

. "$(dirname "$0")/private-home.sh"
export BGE_PRIVATE_KEYRING=1

status=0
dbus-run-session -- sh -c '
    set -eu
    # --unlock reads the password on stdin, creates the "login" keyring with it (the default
    # collection) and prints the variables clients may need, such as GNOME_KEYRING_CONTROL.
    if ! printf %s "bge-private-keyring" \
        | gnome-keyring-daemon --unlock --components=secrets >"$XDG_RUNTIME_DIR/keyring.env"; then
        echo "with-private-keyring.sh: gnome-keyring-daemon --unlock failed" >&2
        exit 125
    fi
    while IFS= read -r line; do
        case "$line" in
            [A-Za-z_]*=*) export "$line" ;;
        esac
    done <"$XDG_RUNTIME_DIR/keyring.env"

    # The command often returns before its daemon owns org.freedesktop.secrets (3 runs in 5
    # here); a client that came first would make the bus start a second daemon, with no
    # keyring. Wait for the name (10 s at most).
    owner=
    tries=0
    while [ $tries -lt 100 ]; do
        if owner=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
                       /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
                       string:org.freedesktop.secrets 2>/dev/null); then
            break
        fi
        owner=
        tries=$((tries + 1))
        sleep 0.1
    done
    if [ -z "$owner" ]; then
        echo "with-private-keyring.sh: gnome-keyring-daemon did not come up on the bus" >&2
        exit 125
    fi
    pid=${owner##* }

    # Not exec: the daemon we started has to be stopped before its folders are removed.
    status=0
    "$@" || status=$?
    kill "$pid" 2>/dev/null || true
    tries=0
    while kill -0 "$pid" 2>/dev/null && [ $tries -lt 50 ]; do
        tries=$((tries + 1))
        sleep 0.1
    done
    exit $status
' with-private-keyring "$@" || status=$?
exit $status
