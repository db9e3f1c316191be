#!/usr/bin/env bash
# Smoke test for the sequencing-file fuzz target, run by CTest from the normal (gcc) build: a
# clang build directory of its own (-DBGE_FUZZ=ON) in which only fuzz_seqformat is compiled
# (it builds core/seqformat's few sources itself, not all of bge_core), seeds made by samtools,
# gzip and bgzip, then a bounded fuzzing run. Fails on any crash, leak, sanitizer report,
# time-out or out-of-memory; exits 77 (skipped) when clang or samtools is missing.
#
#   run_fuzz_seqformat.sh <source-dir> <fuzz-build-dir>
# Environment: BGE_FUZZ_SECONDS (default 30), BGE_FUZZ_CC / BGE_FUZZ_CXX (clang-14, clang++-14).
set -euo pipefail

src=${1:?usage: run_fuzz_seqformat.sh <source-dir> <fuzz-build-dir>}
build=${2:?usage: run_fuzz_seqformat.sh <source-dir> <fuzz-build-dir>}
seconds=${BGE_FUZZ_SECONDS:-30}
cc=${BGE_FUZZ_CC:-clang-14}
cxx=${BGE_FUZZ_CXX:-clang++-14}

for tool in "$cc" "$cxx" samtools bgzip gzip; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run_fuzz_seqformat: $tool not found; \`make deps\` installs it" >&2
    exit 77
  fi
done

start=$(date +%s)
if [ ! -f "$build/build.ninja" ]; then
  CC=$cc CXX=$cxx cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBGE_FUZZ=ON -DBGE_WARNINGS_AS_ERRORS=OFF >/dev/null
fi
cmake --build "$build" --parallel "$(nproc 2>/dev/null || echo 2)" --target fuzz_seqformat
built=$(date +%s)

run="$build/fuzz-seqformat-run"
rm -rf "$run"
mkdir -p "$run/corpus" "$run/seeds" "$run/artifacts"
(
  cd "$run/seeds"
  printf '>chr1\nACGTACGTTAGCCGATAGGCTTACGATCGATCGGATCCGATAGCTAGCTAGGCTAGCTAGCATCGACTAGC\n' > ref.fa
  printf '@HD\tVN:1.6\n@SQ\tSN:chr1\tLN:70\nr1\t0\tchr1\t1\t60\t8M\t*\t0\t0\tACGTACGT\tIIIIIIII\n' > aligned.sam
  printf '@HD\tVN:1.6\nr1\t4\t*\t0\t0\t*\t*\t0\t0\tACGTACGT\tIIIIIIII\n' > unaligned.sam
  printf '@r1 1:N:0\nACGTACGT\n+\nIIIIIIII\n@r2\nTTGCA\n+\n#####\n' > reads.fastq
  samtools view -b -o aligned.bam aligned.sam
  samtools view -b -o unaligned.bam unaligned.sam
  samtools view -C -T ref.fa -o aligned.cram aligned.sam
  gzip -c reads.fastq > reads.fastq.gz
  bgzip -c reads.fastq > reads.bgzf.fastq.gz
  rm -f ref.fa.fai
)

symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
if [ -x "$symbolizer" ]; then
  export ASAN_SYMBOLIZER_PATH=$symbolizer
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
"$build/bin/fuzz_seqformat" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
  -artifact_prefix="$run/artifacts/" -print_final_stats=1 \
  "$run/corpus" "$run/seeds" 2>"$run/fuzz.log" || status=$?
end=$(date +%s)

grep -E '^(#[0-9]+ +DONE|stat::|Done )' "$run/fuzz.log" || true
echo "run_fuzz_seqformat: configure+build $((built - start)) s, fuzzing $((end - built)) s, exit $status"
if [ "$status" -ne 0 ]; then
  tail -n 60 "$run/fuzz.log"
  for artifact in "$run"/artifacts/*; do
    [ -f "$artifact" ] || continue
    echo "--- $artifact (base64) ---"
    base64 "$artifact"
  done
  exit 1
fi
