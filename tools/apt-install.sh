#!/bin/sh
# Installs the Debian packages given that are not installed yet, as the
# Makefile's targets need them. Packages already there: nothing to do, no
# root needed. Otherwise it runs apt-get as root, or with sudo; without
# either it prints the exact command to run as root and fails.
#   tools/apt-install.sh PACKAGE...
missing=""
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "make: these packages are missing:$missing" >&2
  echo "make: you are not root and there is no sudo; as root, run:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
  echo "make: then run make again." >&2
  exit 1
fi
echo "installing:$missing"
$sudo apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
