#!/usr/bin/env bash
# Tests tools/apt-install.sh with stub dpkg-query, id, sudo and apt-get on PATH
# (run by make test). TestAptInstallWithoutSudo is the set-up defect "a user
# without sudo stops at sudo: not found (Error 127)".
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
fail() { echo "FAIL $*" >&2; exit 1; }
stub() { printf '#!/bin/sh\n%s\n' "$2" >"$bin/$1"; chmod +x "$bin/$1"; }
# dpkg-query says "installed" for the packages in $INSTALLED.
stub dpkg-query 'for a; do p=$a; done; case " $INSTALLED " in *" $p "*) echo "install ok installed";; esac'
stub apt-get 'echo "apt-get $*" >>"$LOG"'
stub grep 'exec /bin/grep "$@"'
stub sh 'exec /bin/sh "$@"'
stub dash 'exec /bin/sh "$@"'
run() { env -i PATH="$bin" INSTALLED="$INSTALLED" LOG="$bin/log" /bin/sh tools/apt-install.sh "$@"; }

# TestAptInstallPackagesThereNeedNoRoot: all there, not root, no sudo: goes on.
stub id 'echo 1000'
INSTALLED="a b" run a b >"$bin/out" 2>&1 || fail "TestAptInstallPackagesThereNeedNoRoot: exit $?: $(cat "$bin/out")"
[ ! -s "$bin/out" ] && [ ! -e "$bin/log" ] || fail "TestAptInstallPackagesThereNeedNoRoot: printed or installed: $(cat "$bin/out")"

# TestAptInstallWithoutSudo: one missing, not root, no sudo: the exact line, exit 1.
if INSTALLED="a" run a b >"$bin/out" 2>&1; then fail "TestAptInstallWithoutSudo: exit 0"; fi
grep -q "^  apt-get update && apt-get install -y --no-install-recommends b$" "$bin/out" ||
  fail "TestAptInstallWithoutSudo: no apt-get line to run as root: $(cat "$bin/out")"
[ ! -e "$bin/log" ] || fail "TestAptInstallWithoutSudo: ran apt-get"

# TestAptInstallWithSudo: one missing, not root, sudo: installs it with sudo.
stub sudo 'echo "sudo $*" >>"$LOG"'
INSTALLED="a" run a b >"$bin/out" 2>&1 || fail "TestAptInstallWithSudo: exit $?: $(cat "$bin/out")"
grep -q "^sudo apt-get install -y -qq --no-install-recommends b$" "$bin/log" || fail "TestAptInstallWithSudo: $(cat "$bin/log")"
rm -f "$bin/log" "$bin/sudo"

# TestAptInstallAsRoot: one missing, root: apt-get directly.
stub id 'echo 0'
INSTALLED="" run b >"$bin/out" 2>&1 || fail "TestAptInstallAsRoot: exit $?: $(cat "$bin/out")"
grep -q "^apt-get install -y -qq --no-install-recommends b$" "$bin/log" || fail "TestAptInstallAsRoot: $(cat "$bin/log")"
echo "4 passed, 0 failed: tools/apt-install_test.sh"
