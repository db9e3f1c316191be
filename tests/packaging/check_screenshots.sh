#!/usr/bin/env bash
# Every screenshot the AppStream metadata names exists in docs/screenshots (they are published
# from there at the release tag). Skipped (exit 77) while docs/screenshots does not exist yet.
# Usage: check_screenshots.sh <configured .metainfo.xml> <source dir>
set -euo pipefail
metainfo=$1
shots=$2/docs/screenshots
if [ ! -d "$shots" ]; then
  echo "check_screenshots: $shots does not exist yet: skipped"
  exit 77
fi
count=0
for name in $(grep -o '<image[^>]*>[^<]*</image>' "$metainfo" | sed 's/.*\/\([^/<]*\)<\/image>/\1/'); do
  [ -f "$shots/$name" ] || { echo "check_screenshots: the metadata names $name, missing from $shots" >&2; exit 1; }
  count=$((count + 1))
done
echo "check_screenshots: $count screenshot(s) present"
