#!/usr/bin/env bash
# Writes a Windows resource object (.syso) for one command: the icon, the
# version and the metadata of FyneApp.toml, and a manifest (Windows 10/11,
# DPI aware, common controls 6). Go links a file named *_windows_amd64.syso in
# a package's folder into that package's windows/amd64 builds only.
#   tools/winres.sh OUT.syso FILE.exe "File description"
# Needs x86_64-w64-mingw32-windres (binutils-mingw-w64-x86-64) and convert
# (imagemagick), which `make windows` installs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1 exe=$2 desc=$3
toml() { # toml KEY: the value of KEY in FyneApp.toml's [Details], without quotes
  awk -v k="$1" '/^\[/{d=($0=="[Details]")} d && $1==k {sub(/^[^=]*=[ \t]*/,""); gsub(/^"|"$/,""); print; exit}' FyneApp.toml
}
name=$(toml Name) id=$(toml ID) version=$(toml Version) build=$(toml Build) icon=$(toml Icon)
[ -n "$name" ] && [ -n "$version" ] && [ -n "$icon" ] || { echo "winres: FyneApp.toml lacks Name, Version or Icon" >&2; exit 1; }
IFS=. read -r major minor patch <<<"$version"
quad="${major:-0},${minor:-0},${patch:-0},${build:-0}"
dotted="${major:-0}.${minor:-0}.${patch:-0}.${build:-0}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert "$icon" -background none -define icon:auto-resize=256,128,64,48,32,24,16 "$work/app.ico"
cat >"$work/app.manifest" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="$id" version="$dotted" processorArchitecture="amd64"/>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application><supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/></application>
  </compatibility>
  <dependency>
    <dependentAssembly>
      <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0"
        processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
    </dependentAssembly>
  </dependency>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true</dpiAware>
    </windowsSettings>
  </application>
</assembly>
XML
cat >"$work/app.rc" <<RC
#include <winver.h>
1 ICON "app.ico"
1 24 "app.manifest"
1 VERSIONINFO
FILEVERSION $quad
PRODUCTVERSION $quad
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "$name"
      VALUE "FileDescription", "$desc"
      VALUE "FileVersion", "$dotted"
      VALUE "InternalName", "$id"
      VALUE "OriginalFilename", "$exe"
      VALUE "ProductName", "$name"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
RC
x86_64-w64-mingw32-windres --input-format=rc --output-format=coff -I "$work" -i "$work/app.rc" -o "$out"
