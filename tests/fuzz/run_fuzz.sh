#!/usr/bin/env bash
# Smoke test for one fuzz target, run by CTest from the normal (gcc) build: configures a clang
# build of its own with -DBGE_FUZZ=ON (one for all targets), builds only that target, and
# fuzzes from its seed corpus for a bounded time. Fails on any crash, leak, sanitizer report,
# time-out or out-of-memory; exits 77 (skipped) when clang is not installed.
#
#   run_fuzz.sh <source-dir> <fuzz-build-dir> [target [seconds]]
# target: fuzz_responses (default, seeds in corpus/, responses.dict) or fuzz_<name> (seeds in
# corpus_<name>/, dictionary <name>.dict when there is one): omics, http, journals, ossxml,
# canonical. seconds: how long to fuzz (default 30).
# Environment: BGE_FUZZ_SECONDS (overrides seconds, for longer runs), BGE_FUZZ_CC / BGE_FUZZ_CXX
# (clang-14, clang++-14).
set -euo pipefail

src=${1:?usage: run_fuzz.sh <source-dir> <fuzz-build-dir>}
build=${2:?usage: run_fuzz.sh <source-dir> <fuzz-build-dir>}
target=${3:-fuzz_responses}
seconds=${BGE_FUZZ_SECONDS:-${4:-30}}
cc=${BGE_FUZZ_CC:-clang-14}
cxx=${BGE_FUZZ_CXX:-clang++-14}

if ! command -v "$cxx" >/dev/null 2>&1 || ! command -v "$cc" >/dev/null 2>&1; then
  echo "run_fuzz: $cxx not found; \`make deps\` installs clang-14 and libclang-rt-14-dev" >&2
  exit 77
fi

start=$(date +%s)
# Only the fuzz target is built: the sandbox, the apps and the other tests are configured, not compiled.
if [ ! -f "$build/build.ninja" ]; then
  CC=$cc CXX=$cxx cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBGE_FUZZ=ON -DBGE_WARNINGS_AS_ERRORS=OFF >/dev/null
fi
cmake --build "$build" --parallel "$(nproc 2>/dev/null || echo 2)" --target "$target"
built=$(date +%s)

# New inputs go to a scratch corpus in the build directory, never into the source tree.
run="$build/fuzz-run"
seeds="$src/tests/fuzz/corpus"
dict=(-dict="$src/tests/fuzz/responses.dict")
if [ "$target" != fuzz_responses ]; then
  run="$build/fuzz-run-${target#fuzz_}"
  seeds="$src/tests/fuzz/corpus_${target#fuzz_}"
  dict=()
  if [ -f "$src/tests/fuzz/${target#fuzz_}.dict" ]; then
    dict=(-dict="$src/tests/fuzz/${target#fuzz_}.dict")
  fi
fi
rm -rf "$run"
mkdir -p "$run/corpus" "$run/artifacts"

symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
if [ -x "$symbolizer" ]; then
  export ASAN_SYMBOLIZER_PATH=$symbolizer
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
# ubsan.supp lists known bugs in core, one line each, to be deleted with the fix; the
# corpus holds a reproducer for each (regress_*.json), so a deleted line is checked at once.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$src/tests/fuzz/ubsan.supp}

status=0
"$build/bin/$target" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
  "${dict[@]}" \
  -artifact_prefix="$run/artifacts/" -print_final_stats=1 \
  "$run/corpus" "$seeds" 2>"$run/fuzz.log" || status=$?
end=$(date +%s)

grep -E '^(#[0-9]+ +DONE|stat::|Done )' "$run/fuzz.log" || true
echo "run_fuzz: configure+build $((built - start)) s, fuzzing $((end - built)) s, exit $status"
if [ "$status" -ne 0 ]; then
  tail -n 60 "$run/fuzz.log"
  # The CI log may be all that survives: print each crashing input.
  for artifact in "$run"/artifacts/*; do
    [ -f "$artifact" ] || continue
    echo "--- $artifact (base64) ---"
    base64 "$artifact"
  done
  exit 1
fi
