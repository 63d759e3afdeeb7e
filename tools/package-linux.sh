#!/usr/bin/env bash
# Builds the Linux packages from bin/kpiplanner and bin/kpi (make build):
#   DIST/kpiplanner-VERSION-linux-amd64.tar.xz  usr/local/{bin,share/applications,share/icons}
#     and a Makefile: `sudo make install` there, or `make user-install` for ~/.local
#   DIST/kpiplanner_VERSION-BUILD_amd64.deb     /usr/{bin,share/applications,share/icons}
#   tools/package-linux.sh VERSION DIST
set -euo pipefail
cd "$(dirname "$0")/.."
version=$1 dist=$2
build=$(awk -F= '/^ *Build *=/{gsub(/[ "]/,"",$2); print $2; exit}' FyneApp.toml)
for f in bin/kpiplanner bin/kpi assets/icon.png tools/kpiplanner.desktop tools/kpiplanner-mime.xml; do
  [ -f "$f" ] || { echo "package: $f is missing (make build)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dist"
# lay PREFIX ROOT: the files under ROOT/PREFIX.
lay() {
  local r="$2/$1"
  install -Dm755 bin/kpiplanner "$r/bin/kpiplanner"
  install -Dm755 bin/kpi "$r/bin/kpi"
  install -Dm644 assets/icon.png "$r/share/icons/hicolor/512x512/apps/vn.kpiplanner.app.png"
  install -d "$r/share/applications"
  sed "s|^Exec=kpiplanner|Exec=$1/bin/kpiplanner|" tools/kpiplanner.desktop >"$r/share/applications/vn.kpiplanner.app.desktop"
  install -Dm644 tools/kpiplanner-mime.xml "$r/share/mime/packages/vn.kpiplanner.app.xml"
}

name="kpiplanner-$version-linux-amd64"
tar_root="$work/tar/$name"
lay /usr/local "$tar_root"
cat >"$tar_root/Makefile" <<'MK'
# sudo make install: into /usr/local.  make user-install: into ~/.local (no root).
PREFIX ?= /usr/local
install:
	install -Dm755 usr/local/bin/kpiplanner $(DESTDIR)$(PREFIX)/bin/kpiplanner
	install -Dm755 usr/local/bin/kpi $(DESTDIR)$(PREFIX)/bin/kpi
	install -Dm644 usr/local/share/icons/hicolor/512x512/apps/vn.kpiplanner.app.png $(DESTDIR)$(PREFIX)/share/icons/hicolor/512x512/apps/vn.kpiplanner.app.png
	mkdir -p $(DESTDIR)$(PREFIX)/share/applications
	sed 's|^Exec=[^ ]*|Exec=$(PREFIX)/bin/kpiplanner|' usr/local/share/applications/vn.kpiplanner.app.desktop > $(DESTDIR)$(PREFIX)/share/applications/vn.kpiplanner.app.desktop
	install -Dm644 usr/local/share/mime/packages/vn.kpiplanner.app.xml $(DESTDIR)$(PREFIX)/share/mime/packages/vn.kpiplanner.app.xml
	-update-mime-database $(DESTDIR)$(PREFIX)/share/mime >/dev/null 2>&1
user-install:
	$(MAKE) install PREFIX=$(HOME)/.local
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/kpiplanner $(DESTDIR)$(PREFIX)/bin/kpi $(DESTDIR)$(PREFIX)/share/applications/vn.kpiplanner.app.desktop $(DESTDIR)$(PREFIX)/share/icons/hicolor/512x512/apps/vn.kpiplanner.app.png $(DESTDIR)$(PREFIX)/share/mime/packages/vn.kpiplanner.app.xml
.PHONY: install user-install uninstall
MK
tar -C "$work/tar" --owner=0 --group=0 -cJf "$dist/$name.tar.xz" "$name"
echo "wrote $dist/$name.tar.xz"

if command -v dpkg-deb >/dev/null; then
  deb_root="$work/deb"
  lay /usr "$deb_root"
  mkdir -p "$deb_root/DEBIAN"
  size=$(du -sk "$deb_root/usr" | cut -f1)
  cat >"$deb_root/DEBIAN/control" <<CTRL
Package: kpiplanner
Version: $version-$build
Architecture: amd64
Maintainer: KPI Planner <kpiplanner@example.invalid>
Installed-Size: $size
Depends: libc6, libgl1, libx11-6, libxcursor1, libxrandr2, libxinerama1, libxi6, libxxf86vm1, fonts-dejavu-core
Section: office
Priority: optional
Homepage: https://example.invalid/kpiplanner
Description: plan SMART KPIs, record actuals, read scores and bonuses
 KPI Planner turns a business goal into SMART KPIs in A/B/C groups, records
 actuals and computes scores and bonuses. It includes the kpi command line.
CTRL
  deb="$dist/kpiplanner_${version}-${build}_amd64.deb"
  dpkg-deb --root-owner-group --build "$deb_root" "$deb" >/dev/null
  echo "wrote $deb"
fi
