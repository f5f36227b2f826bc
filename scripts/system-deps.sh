#!/usr/bin/env bash
# Installs the system libraries GasDesk needs (Qt's runtime, a TrueType CJK font,
# poppler for PDF checks). As root on Debian/Ubuntu it installs what is missing;
# otherwise it names what to install in one line and carries on.
set -u
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 fonts-wqy-microhei poppler-utils"
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system; install Qt 6 runtime libraries and a TrueType CJK font (WenQuanYi Micro Hei) yourself"; exit 0; }
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
    echo "system-deps: apt-get failed; install as root: apt-get install$missing"; exit 0; }
else
  echo "system-deps: missing system packages; as root run: apt-get install$missing"
fi
