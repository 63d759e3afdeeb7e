#!/usr/bin/env bash
# Windows smoke test, run by `make test` (target windows-smoke): the
# cross-built dist/windows/*.exe under Wine on Xvfb.
#  1. kpiplanner.exe --db C:\…\gui.db opens a window that is not blank
#     (more than 200 colours in a screenshot) and creates its database file;
#  2. kpi.exe without --db puts its database in %APPDATA%\kpiplanner;
#  3. kpi.exe demo --people 50 and score --json give the JSON of the Linux build.
# Needs wine64, xvfb, xdotool, imagemagick and mingw-w64 (the Makefile installs them).
# Wine 8 (Debian 12) lacks bcryptprimitives.dll's ProcessPrng, which Go programs
# call: a stub built from .ci/wine/bcryptprimitives.c goes into the test prefix.
set -euo pipefail
cd "$(dirname "$0")/.."
WINE=${WINE:-/usr/lib/wine/wine64}
WINESERVER=${WINESERVER:-/usr/lib/wine/wineserver}
dist=${DIST:-dist}/windows
fail() { echo "windows-smoke: FAIL: $*" >&2; exit 1; }
step() { echo "windows-smoke: $*"; }
for f in "$dist/kpiplanner.exe" "$dist/kpi.exe"; do [ -f "$f" ] || fail "$f is missing: run make windows"; done
[ -x "$WINE" ] || fail "$WINE is missing: apt-get install wine64"
for c in Xvfb xdotool import convert x86_64-w64-mingw32-gcc; do
  command -v "$c" >/dev/null || fail "$c is missing (make windows-smoke installs wine64 xvfb xdotool imagemagick gcc-mingw-w64-x86-64)"
done

work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  "$WINESERVER" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
start=$SECONDS

# Xvfb on a free display; wine and the app draw there.
disp=99
while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=":$disp"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb did not start on $DISPLAY: $(cat "$work/xvfb.log")"

step "creating a Wine prefix"
timeout 300 "$WINE" wineboot -i >"$work/wineboot.log" 2>&1 || fail "wineboot -i failed or took over 5 min: $(tail -5 "$work/wineboot.log")"
timeout 60 "$WINESERVER" -w || true
sys32="$WINEPREFIX/drive_c/windows/system32"
[ -d "$sys32" ] || fail "the Wine prefix has no system32"
x86_64-w64-mingw32-gcc -shared -O2 -o "$sys32/bcryptprimitives.dll" .ci/wine/bcryptprimitives.c -ladvapi32 ||
  fail "could not build the ProcessPrng stub"
step "prefix ready after $((SECONDS - start)) s"

# 1. The GUI: a window, not blank, and its database file.
cp "$dist/kpiplanner.exe" "$dist/kpi.exe" "$WINEPREFIX/drive_c/"
timeout 300 "$WINE" 'C:\kpiplanner.exe' --db 'C:\gui.db' --size 1024x600 >"$work/gui.log" 2>&1 &
pids+=($!)
win=""
for _ in $(seq 120); do
  win=$(xdotool search --name '^KPI Planner' 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  sleep 1
done
[ -n "$win" ] || fail "kpiplanner.exe opened no window within 120 s: $(tail -5 "$work/gui.log")"
sleep 3 # let it draw its first frame
import -window root "$work/shot.png" || fail "could not take a screenshot of $DISPLAY"
colours=$(convert "$work/shot.png" -format %k info:)
[ "$colours" -gt 200 ] || fail "the window looks blank: its screenshot has $colours colours (want > 200)"
[ -s "$WINEPREFIX/drive_c/gui.db" ] || fail "kpiplanner.exe --db C:\\gui.db did not create the database file"
if [ -n "${SHOT:-}" ]; then import -window "$win" "$SHOT"; fi
step "kpiplanner.exe: a window with $colours colours and its database after $((SECONDS - start)) s"
kill "${pids[-1]}" 2>/dev/null || true

# 2. The default database goes to %APPDATA%\kpiplanner.
timeout 120 "$WINE" 'C:\kpi.exe' demo --people 3 >"$work/default.log" 2>&1 || fail "kpi.exe demo (default database) failed: $(cat "$work/default.log")"
appdata=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Roaming/kpiplanner/kpiplanner.db' | head -1)
[ -n "$appdata" ] || fail "kpi.exe without --db did not create %APPDATA%\\kpiplanner\\kpiplanner.db"
step "default database: ${appdata#"$WINEPREFIX/"}"

# 3. The command line gives the Linux build's JSON.
CGO_ENABLED=0 go build -o "$work/kpi" ./cmd/kpi || fail "could not build the Linux kpi"
"$work/kpi" --db "$work/linux.db" demo --people 50 >/dev/null
"$work/kpi" --db "$work/linux.db" score --json --today 2026-12-01 >"$work/linux.json"
timeout 120 "$WINE" 'C:\kpi.exe' --db 'C:\win.db' demo --people 50 >"$work/demo.log" 2>&1 || fail "kpi.exe demo --people 50 failed: $(cat "$work/demo.log")"
timeout 120 "$WINE" 'C:\kpi.exe' --db 'C:\win.db' score --json --today 2026-12-01 >"$work/win.json" 2>"$work/score.log" ||
  fail "kpi.exe score --json failed: $(cat "$work/score.log")"
tr -d '\r' <"$work/win.json" >"$work/win.lf.json"
[ "$(wc -l <"$work/linux.json")" -gt 100 ] || fail "the Linux score --json printed almost nothing"
# Each plan's uid is random: compare the rest byte for byte.
diff <(grep -v '"uid":' "$work/linux.json") <(grep -v '"uid":' "$work/win.lf.json") >"$work/diff.txt" ||
  fail "kpi.exe score --json differs from the Linux build:$(head -20 "$work/diff.txt")"
# The same database file scored on both gives the same bytes, uids included.
cp "$work/linux.db" "$WINEPREFIX/drive_c/linux.db"
timeout 120 "$WINE" 'C:\kpi.exe' --db 'C:\linux.db' score --json --today 2026-12-01 2>"$work/score2.log" | tr -d '\r' >"$work/win2.json" ||
  fail "kpi.exe score on the Linux database failed: $(cat "$work/score2.log")"
cmp -s "$work/linux.json" "$work/win2.json" || fail "kpi.exe score --json on the Linux-made database differs from bin/kpi's"
step "kpi.exe demo/score --json: same JSON as Linux ($(wc -c <"$work/linux.json") bytes)"
echo "windows-smoke: ok in $((SECONDS - start)) s"
