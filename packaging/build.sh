#!/usr/bin/env bash
# Builds GasDesk's one-folder application bundle and its Debian package (make package):
#   1. build/package/venv/: a virtual environment of the build's own (the development
#      .venv/ is not touched), made again when setup.cfg or packaging/requirements.txt
#      change; in it PyInstaller and GasDesk's wheel with the postgres extra, the wheel
#      built from a clean copy of the tree as scripts/check_wheel.sh does;
#   2. the Chinese font: WenQuanYi Zen Hei and its copyright file, from Debian's
#      fonts-wqy-zenhei (installed, or fetched once with apt-get download);
#   3. the icon, drawn from packaging/gasdesk.svg (packaging/icon.py);
#   4. PyInstaller with packaging/gasdesk.spec -> dist/gasdesk/, then the bundle's own
#      `gasdesk --version`;
#   5. packaging/make_deb.py -> dist/gasdesk_VERSION_ARCH.deb.
# Needs: a Python 3.11+ with its shared library (PYTHON, default python3), binutils
# (objdump, for PyInstaller and the libc6 version), dpkg-deb, and the libraries Qt links
# (make setup installs them). Build on the oldest Debian the package is for: the
# bundle's Python and extension modules need that machine's glibc or newer.
set -euo pipefail
PYTHON=${PYTHON:-python3}
SOURCE=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$SOURCE/build/package
DIST=$SOURCE/dist
VENV=$BUILD/venv
FONT_PACKAGE=fonts-wqy-zenhei
FONT_FILE=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc

say() { echo "package: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f s", b - a }'; }
START=$(now)
mkdir -p "$BUILD" "$DIST"
LOG=$BUILD/build.log
: >"$LOG"

# 1. the build environment and GasDesk's wheel in it
t=$(now)
stamp=$(cat "$SOURCE/setup.cfg" "$SOURCE/packaging/requirements.txt" | sha256sum | cut -c1-16)
stamp="$stamp $("$PYTHON" -c 'import sys; print(sys.version.split()[0])')"
if [ ! -f "$VENV/.stamp" ] || [ "$(cat "$VENV/.stamp")" != "$stamp" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" >>"$LOG" 2>&1 || fail "could not make $VENV with $PYTHON (see $LOG)"
  fresh=1
else
  fresh=0
fi
rm -rf "$BUILD/source" "$BUILD/wheel"
mkdir -p "$BUILD/source"
for name in setup.cfg pyproject.toml README.md gasdesk resources forms; do
  cp -R "$SOURCE/$name" "$BUILD/source/"
done
find "$BUILD/source" -name __pycache__ -prune -exec rm -rf {} +
"$VENV/bin/python" -m pip wheel -q --no-deps -w "$BUILD/wheel" "$BUILD/source" >>"$LOG" 2>&1 \
  || fail "the wheel did not build (see $LOG)"
WHEEL=$(ls "$BUILD"/wheel/gasdesk-*.whl)
if [ "$fresh" = 1 ]; then
  "$VENV/bin/python" -m pip install -q -r "$SOURCE/packaging/requirements.txt" "$WHEEL[postgres]" \
    >>"$LOG" 2>&1 || fail "pip could not install the build environment (see $LOG)"
  echo "$stamp" >"$VENV/.stamp"
else
  "$VENV/bin/python" -m pip install -q --no-deps --force-reinstall "$WHEEL" >>"$LOG" 2>&1 \
    || fail "pip could not install $(basename "$WHEEL") (see $LOG)"
fi
say "build environment ($("$VENV/bin/python" -V), PyInstaller $("$VENV/bin/python" -m PyInstaller --version)) and $(basename "$WHEEL") in $(took "$t")"

# 2. the font and its licence
t=$(now)
FONTS=$BUILD/fonts
if [ ! -s "$FONTS/wqy-zenhei.ttc" ]; then
  rm -rf "$FONTS" && mkdir -p "$FONTS"
  if [ -s "$FONT_FILE" ] && [ -s "/usr/share/doc/$FONT_PACKAGE/copyright" ]; then
    cp "$FONT_FILE" "$FONTS/"
    cp "/usr/share/doc/$FONT_PACKAGE/copyright" "$FONTS/wqy-zenhei.copyright"
  else
    fetched=$(mktemp -d)
    (cd "$fetched" && apt-get download -q "$FONT_PACKAGE") >>"$LOG" 2>&1 \
      || fail "could not fetch $FONT_PACKAGE with apt-get download (apt-get update first?)"
    dpkg-deb -x "$fetched"/"$FONT_PACKAGE"_*.deb "$fetched/root"
    cp "$fetched/root$FONT_FILE" "$FONTS/"
    cp "$fetched/root/usr/share/doc/$FONT_PACKAGE/copyright" "$FONTS/wqy-zenhei.copyright"
    rm -rf "$fetched"
  fi
fi
say "font $(ls "$FONTS"/*.ttc | xargs -n1 basename) ($(du -k "$FONTS"/*.ttc | cut -f1) kB) in $(took "$t")"

# 3. the icon
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" "$SOURCE/packaging/icon.py" "$BUILD/icon" >>"$LOG" 2>&1 \
  || fail "the icon was not drawn (see $LOG)"

# 4. the bundle
t=$(now)
rm -rf "$DIST/gasdesk"
# from the build folder: python -m puts the working folder on the path, and the source
# tree's gasdesk/ must not stand in for the installed one
(cd "$BUILD" && GASDESK_BUNDLE_FONTS=$FONTS GASDESK_BUNDLE_ICON=$BUILD/icon/gasdesk.ico \
  "$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/work" "$SOURCE/packaging/gasdesk.spec") >>"$LOG" 2>&1 \
  || { tail -20 "$LOG" >&2; fail "PyInstaller did not build the bundle (see $LOG)"; }
VERSION=$(env -i HOME="$BUILD" "$DIST/gasdesk/gasdesk" --version | awk '{ print $2 }') \
  || fail "the bundle does not start: $DIST/gasdesk/gasdesk --version"
[ -s "$DIST/gasdesk/_internal/gasdesk/_resources/offices.toml" ] \
  && [ -n "$(ls "$DIST"/gasdesk/_internal/gasdesk/_forms/*.toml 2>/dev/null)" ] \
  || fail "the bundle lacks GasDesk's resources or forms"
say "bundle dist/gasdesk/ ($(du -sm "$DIST/gasdesk" | cut -f1) MB, $(find "$DIST/gasdesk" -type f | wc -l) files), version $VERSION, in $(took "$t")"

# 5. the Debian package
t=$(now)
rm -f "$DIST"/gasdesk_*.deb
DEB=$(cd "$SOURCE/packaging" && "$VENV/bin/python" make_deb.py "$DIST/gasdesk" "$DIST" \
  --version "$VERSION" --icons "$BUILD/icon" 2>>"$LOG") || { tail -20 "$LOG" >&2; fail "the .deb was not made (see $LOG)"; }
say "$(basename "$DEB") ($(du -m "$DEB" | cut -f1) MB) in $(took "$t")"
say "Depends: $(dpkg-deb -f "$DEB" Depends)"
say "done in $(took "$START")"
