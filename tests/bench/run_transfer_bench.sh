#!/usr/bin/env bash
# Runs one transfer benchmark (bench_transfer, bench_smallfiles, bench_download) after installing
# the official ali-oss client from the npm registry into <work dir> (once, then reused), the way
# tests/alioss does. Each benchmark keeps its files and its sandbox's data in a folder of its own
# under <work dir>.
# Usage: run_transfer_bench.sh <benchmark executable> <work dir>
# Sizes and rounds: see the comment at the top of each benchmark's source.
set -euo pipefail
bench=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
if [ ! -f "$work/node_modules/ali-oss/package.json" ] \
   || ! cmp -s "$here/../alioss/package.json" "$work/package.json"; then
  cp "$here/../alioss/package.json" "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error --package-lock=false)
fi
export BGE_BENCH_WORK_DIR="$work/$(basename "$bench")"
mkdir -p "$BGE_BENCH_WORK_DIR"
df -h "$BGE_BENCH_WORK_DIR" | tail -1 | awk '{print "bench: free disk where the files go: " $4}'
# Qt Test stops a test function after 5 minutes; a 4 GiB transfer on a busy machine takes longer.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-3000000}
export BGE_BENCH_NODE_DIR="$work"
export BGE_BENCH_ALIOSS_SCRIPT="$here/alioss_upload.mjs"
export BGE_BENCH_ALIOSS_OBJECTS_SCRIPT="$here/alioss_objects.mjs"
exec "$bench"
