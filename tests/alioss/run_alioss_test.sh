#!/usr/bin/env bash
# Runs the official ali-oss client against a fresh bge-sandbox (see alioss_fidelity.mjs).
# Usage: run_alioss_test.sh <bge-sandbox> <work dir>
# ali-oss is installed from the npm registry into <work dir> once, then reused.
set -euo pipefail
sandbox=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
if [ ! -f "$work/node_modules/ali-oss/package.json" ] \
   || ! cmp -s "$here/package.json" "$work/package.json"; then
  cp "$here/package.json" "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error --package-lock=false)
fi
exec node "$here/alioss_fidelity.mjs" "$sandbox" "$work"
