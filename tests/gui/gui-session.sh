#!/bin/sh
# gui-session.sh COMMAND [ARGS...]
#
# Runs a GUI test the way the app runs on a desktop, but invisible and private: a throw-away
# HOME with a real unlocked gnome-keyring on a private D-Bus session (with-private-keyring.sh),
# inside a private X server (xvfb-run picks a free display number). QtWebEngine's Chromium
# sandbox refuses to run as root, so it is turned off for root only.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for tool in xvfb-run xauth; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is missing; packaging/linux/install-deps.sh installs it" >&2
        exit 127
    fi
done
if [ "$(id -u)" -eq 0 ]; then
    export QTWEBENGINE_DISABLE_SANDBOX=1
fi
export QT_QPA_PLATFORM=xcb
exec "$here/../keychain/with-private-keyring.sh" \
    xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" "$@"
