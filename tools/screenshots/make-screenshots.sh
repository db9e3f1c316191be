#!/bin/sh
# make-screenshots.sh [BUILD_DIR] [OUTPUT_DIR]
#
# Takes the README's screenshots of BGE Desktop (English and Simplified Chinese) with
# bge-screenshots, inside a private X server and keyring like the GUI tests, against the
# offline sandbox. `make screenshots` runs it; commit the PNGs under docs/screenshots/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
output=${2:-$root/docs/screenshots}

program="$build/bin/bge-screenshots"
if [ ! -x "$program" ]; then
    echo "$0: $program is missing; build it first (cmake --build $build --target bge-screenshots)" >&2
    exit 1
fi
# Chinese text needs a CJK font in the X server, or every character is a box.
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]; then
    echo "$0: no Chinese font is installed (e.g. apt-get install fonts-noto-cjk); the zh_CN pictures would show boxes" >&2
    exit 1
fi

mkdir -p "$output"
for language in en zh_CN; do
    echo "Screenshots in $language…"
    # The same look on every machine: Qt's own style, no desktop theme.
    QT_STYLE_OVERRIDE=Fusion "$root/tests/gui/gui-session.sh" \
        "$program" --language "$language" --output "$output" --sandbox "$build/bin/bge-sandbox"
done
echo "Written to $output."
