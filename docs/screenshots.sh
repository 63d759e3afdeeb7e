#!/usr/bin/env bash
# Runs the real app under Xvfb on the demo company and writes a PNG of every
# screen, in Vietnamese and English, to $OUT/<lang>/ (default docs/screenshots),
# with the window at $SIZE (default 1366x768, a common laptop screen; try
# SIZE=1024x600 OUT=/tmp/shots for a small one).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-docs/screenshots}
size=${SIZE:-1366x768}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in vi en; do
  rm -rf "${out:?}/$lang"
  mkdir -p "$out/$lang"
  # The sample company in the screen's language, in a database of its own.
  ./bin/kpi demo --people 60 --seed 1 --lang "$lang" --db "$work/$lang.db" >/dev/null
  LC_ALL=en_US.UTF-8 xvfb-run -a -s "-screen 0 ${size}x24" \
    ./bin/kpiplanner --db "$work/$lang.db" --lang "$lang" --size "$size" --screenshots "$out/$lang"
done
ls "$out"/*/*.png
