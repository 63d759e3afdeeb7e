#!/usr/bin/env bash
# Runs the real app under Xvfb on the demo company and writes a PNG of every
# screen, in Vietnamese and English, to docs/screenshots/<lang>/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in vi en; do
  rm -rf "$out/$lang"
  # The sample company in the screen's language, in a database of its own.
  ./bin/kpi demo --people 60 --seed 1 --lang "$lang" --db "$work/$lang.db" >/dev/null
  LC_ALL=en_US.UTF-8 xvfb-run -a -s "-screen 0 1366x800x24" \
    ./bin/kpiplanner --db "$work/$lang.db" --lang "$lang" --screenshots "$out/$lang"
done
ls "$out"/*/*.png
