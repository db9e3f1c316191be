#!/usr/bin/env bash
# Run by verify-deb.sh inside the clean Debian root, under xvfb-run. Starts the installed
# bge-desktop with the offline sandbox and waits (at most 120 s) until
#   - the app's own child is the installed /usr/bin/bge-sandbox and it answers HTTP, and
#   - a viewable top-level window whose name contains "BGE Desktop" is on the screen,
# then checks the app is still running and stops both. Exits non-zero with the reason.
# Usage: verify-gui.sh VERSION
set -uo pipefail

fail() {
  echo "verify-gui: $*"
  echo "--- bge-desktop's output:"
  cat /tmp/bge-desktop.log 2>/dev/null
  exit 1
}

# Children of process $1 whose command is $2 (from /proc, nothing to install).
children() {
  local stat pid comm state ppid rest
  for stat in /proc/[0-9]*/stat; do
    read -r pid comm state ppid rest 2>/dev/null < "$stat" || continue
    [ "$ppid" = "$1" ] && [ "$comm" = "($2)" ] && echo "$pid"
  done
  return 0
}

# TCP ports process $1 listens on: its socket inodes matched against /proc/net/tcp{,6}
# (mawk, Debian's minimal awk, has no strtonum: the port is converted from hex by hand).
listening_ports() {
  local fd link inodes=" "
  for fd in /proc/"$1"/fd/*; do
    link=$(readlink "$fd" 2>/dev/null) || continue
    case "$link" in socket:\[*\]) link=${link#socket:[}; inodes+="${link%]} " ;; esac
  done
  awk -v inodes="$inodes" '
    function hex(s,  i, n) { n = 0; for (i = 1; i <= length(s); i++)
                               n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1; return n }
    FNR > 1 && $4 == "0A" && index(inodes, " " $10 " ") { split($2, a, ":"); print hex(a[2]) }' \
    /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

answers_http() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 10 reply <&3
  exec 3<&-
  [[ "$reply" == HTTP/1.* ]]
}

bge-desktop --sandbox > /tmp/bge-desktop.log 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null' EXIT

sandbox="" port="" window=""
for _ in $(seq 240); do
  kill -0 "$app" 2>/dev/null || fail "bge-desktop exited early"
  if [ -z "$port" ]; then
    sandbox=$(children "$app" bge-sandbox | head -n1)
    if [ -n "$sandbox" ]; then
      [ "$(readlink "/proc/$sandbox/exe")" = /usr/bin/bge-sandbox ] \
        || fail "the app started $(readlink "/proc/$sandbox/exe"), not /usr/bin/bge-sandbox"
      for p in $(listening_ports "$sandbox"); do
        if answers_http "$p"; then port=$p; break; fi
      done
    fi
  fi
  if [ -z "$window" ]; then
    for id in $(xwininfo -root -children 2>/dev/null | awk '/"[^"]*BGE Desktop[^"]*"/ { print $1 }'); do
      if xwininfo -id "$id" | grep -q "Map State: IsViewable"; then
        window=$(xwininfo -id "$id" | sed -n 's/^xwininfo: Window id: //p')
        break
      fi
    done
  fi
  [ -n "$port" ] && [ -n "$window" ] && break
  sleep 0.5
done
[ -n "$sandbox" ] || fail "bge-desktop --sandbox started no bge-sandbox"
[ -n "$port" ] || fail "the sandbox (pid $sandbox) never answered HTTP on 127.0.0.1"
[ -n "$window" ] || fail "no viewable window named \"BGE Desktop\" appeared"
echo "bge-sandbox (pid $sandbox, /usr/bin/bge-sandbox) answers HTTP on 127.0.0.1:$port"
echo "main window on screen: $window"
xwininfo -id "${window%% *}" | sed -n 's/^ *\(Width\|Height\): /  \1 /p'

# Still alive a moment later: the window is not a crash's last frame.
sleep 3
kill -0 "$app" 2>/dev/null || fail "bge-desktop exited after showing its window"
kill "$app"
wait "$app" 2>/dev/null
kill "$sandbox" 2>/dev/null
trap - EXIT
echo "bge-desktop $1 ran against the installed sandbox"
