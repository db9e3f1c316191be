#!/usr/bin/env bash
# The manual pages format without a single groff warning (as lintian checks them), and bge(1)
# documents every command and option that `bge help` and `bge help COMMAND` list.
# Usage: check_manpages.sh <bge executable> <directory of the configured .1 pages>
set -euo pipefail
bge=$1
dir=$2
status=0
for page in "$dir"/*.1; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null || true)
  if [ -n "$warnings" ]; then
    echo "check_manpages: $(basename "$page"): $warnings" >&2
    status=1
  fi
done

# In roff a hyphen is written \-; compare with it removed.
text=$(sed 's/\\-/-/g' "$dir/bge.1")
commands=$(LC_ALL=C "$bge" help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" { print $1 }')
[ -n "$commands" ] || { echo "check_manpages: \`bge help\` listed no command" >&2; exit 1; }
count=0
for command in $commands; do
  # Each command is an item of its own: `.B command …` or `.BI "command " …`.
  grep -Eq "^\.BI? \"?$command( |\"|\$)" <<<"$text" || { echo "check_manpages: bge.1 lacks the command $command" >&2; status=1; }
  [ "$command" = help ] && continue
  options=$(LC_ALL=C "$bge" help "$command" | grep -oE '(^|[[ ,])--[a-z][a-z0-9-]*' | sed 's/^[[ ,]*//' | sort -u)
  for option in $options; do
    grep -q -- "$option" <<<"$text" || { echo "check_manpages: bge.1 lacks $option (bge help $command)" >&2; status=1; }
    count=$((count + 1))
  done
done
[ $status -eq 0 ] && echo "check_manpages: no groff warnings; bge.1 covers $(wc -w <<<"$commands") commands and $count option mentions"
exit $status
