#!/usr/bin/env bash
# Runs the official @aws-sdk/client-omics against fresh bge-sandbox instances (see omics_fidelity.mjs).
# Usage: run_omics_fidelity.sh <bge-sandbox> <work dir>
# The client is installed from the npm registry into <work dir> once, then reused.
set -euo pipefail
sandbox=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
if [ ! -f "$work/node_modules/@aws-sdk/client-omics/package.json" ] \
   || ! cmp -s "$here/package.json" "$work/package.json"; then
  cp "$here/package.json" "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error --package-lock=false)
fi
command -v samtools >/dev/null || { echo "samtools is missing: run packaging/linux/install-deps.sh" >&2; exit 1; }
exec node "$here/omics_fidelity.mjs" "$sandbox" "$work"
