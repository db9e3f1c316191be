#!/usr/bin/env bash
# The AppStream metadata as installed: valid for appstreamcli (offline), and its newest release
# is the project's version (release notes are written before a version ships).
# Usage: check_metainfo.sh <configured .metainfo.xml> <project version>
set -euo pipefail
metainfo=$1
version=$2
appstreamcli validate --no-net --pedantic --explain "$metainfo"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n1 | cut -d'"' -f2)
if [ "$newest" != "$version" ]; then
  echo "check_metainfo: the newest <release> is \"$newest\", the project is $version: add its release notes" >&2
  exit 1
fi
echo "check_metainfo: valid, newest release $newest"
