#!/usr/bin/env bash
# Runs bench_transfer (see bench_transfer.cpp) after installing the official ali-oss client
# from the npm registry into <work dir> (once, then reused), the way tests/alioss does.
# Usage: run_transfer_bench.sh <bench_transfer> <work dir>
# BGE_BENCH_SIZES_MIB (default "1024,4096") chooses the file sizes.
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
df -h "$work" | tail -1 | awk '{print "bench: free disk where the files go: " $4}'
# Qt Test stops a test function after 5 minutes; a 4 GiB upload on a busy machine takes longer.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-3000000}
export BGE_BENCH_WORK_DIR="$work"
export BGE_BENCH_ALIOSS_SCRIPT="$here/alioss_upload.mjs"
exec "$bench"
