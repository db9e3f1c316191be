#!/usr/bin/env bash
# Runs bench_omics_upload (see bench_omics_upload.cpp) after installing the official
# @aws-sdk/client-omics from the npm registry into <work dir> (once, then reused), the way
# tests/omicsjs does.
# Usage: run_omics_bench.sh <bench_omics_upload> <work dir>
# BGE_BENCH_SIZES_MIB (default "1024") chooses the file sizes, BGE_BENCH_ROUNDS (default 2) how
# often each client runs, alternating.
set -euo pipefail
bench=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
if [ ! -f "$work/node_modules/@aws-sdk/client-omics/package.json" ] \
   || ! cmp -s "$here/../omicsjs/package.json" "$work/package.json"; then
  cp "$here/../omicsjs/package.json" "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error --package-lock=false)
fi
df -h "$work" | tail -1 | awk '{print "bench: free disk where the files go: " $4}'
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-3000000}
export BGE_BENCH_WORK_DIR="$work"
export BGE_BENCH_OMICS_SCRIPT="$here/omics_upload.mjs"
exec "$bench"
