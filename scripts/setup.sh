#!/usr/bin/env bash
# Sets GasDesk up in .venv/ for `make run` and `make test`:
#   1. a Python of 3.11 or newer that can make a virtual environment (venv + ensurepip);
#   2. .venv/ with GasDesk and its test tools (pip install -e '.[test]');
#   3. the system libraries the installed Qt really lacks, found with ldd over its
#      modules and plugins (scripts/qt_libraries.py), and a TrueType Chinese font;
#   4. a check that Qt now loads.
# As root on Debian/Ubuntu it installs missing system packages with apt-get; otherwise
# it names them in one line. Any failure exits non-zero, leaves no half-made .venv/
# behind, and writes no stamp, so the next `make` tries again.
set -euo pipefail
PYTHON=${1:-python3}
VENV=.venv
STAMP=$VENV/.installed
FONT_PACKAGE=fonts-wqy-microhei
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

say() { echo "setup: $*" >&2; }
fail() { say "$*"; exit 1; }
is_root_with_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {  # packages...: install as root, or name them and fail
  if ! is_root_with_apt; then
    fail "missing system packages; as root run: apt-get install $*"
  fi
  say "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "$@" >"$LOG" 2>&1; then
    apt-get update -q >>"$LOG" 2>&1 || true
    if ! apt-get install -y -q --no-install-recommends "$@" >>"$LOG" 2>&1; then
      tail -5 "$LOG" >&2
      fail "apt-get could not install: $*"
    fi
  fi
}

# Debian's library packaging policy names the package after the soname:
# libfoo.so.1 -> libfoo1, libfoo-2.so.3 -> libfoo-2-3; GLib's are the exception.
package_of() {
  case "$1" in
    libglib-2.0.so.* | libgthread-2.0.so.* | libgobject-2.0.so.* | libgio-2.0.so.* | libgmodule-2.0.so.*)
      echo libglib2.0-0; return ;;
  esac
  local base=${1%%.so.*} version=${1##*.so.}
  base=$(printf '%s' "$base" | tr 'A-Z_' 'a-z-')
  version=${version%%.*}
  case "$base" in
    *[0-9]) echo "$base-$version" ;;
    *) echo "$base$version" ;;
  esac
}

# 1. Python
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
  || fail "GasDesk needs Python 3.11 or newer as '$PYTHON' (set PYTHON=... for make)"
if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  if is_root_with_apt; then
    apt_install "python$version-venv"
  else
    fail "$PYTHON cannot make a virtual environment (venv/ensurepip missing); as root run: apt-get install python$version-venv"
  fi
fi

# 2. The virtual environment. One left without a stamp by an interrupted or failed
# set-up is not trusted: it is made again.
if [ -d "$VENV" ] && [ ! -f "$STAMP" ]; then
  say "removing the unfinished $VENV/ of an earlier try"
  rm -rf "$VENV"
fi
rm -f "$STAMP"
fresh=0
if [ ! -d "$VENV" ]; then
  fresh=1
  trap 'rm -f "$LOG"; [ -f "$STAMP" ] || { say "set-up failed: removing the unfinished $VENV/"; rm -rf "$VENV"; }' EXIT
  "$PYTHON" -m venv "$VENV" >"$LOG" 2>&1 || { cat "$LOG" >&2; fail "could not make $VENV/"; }
fi
PY=$VENV/bin/python
"$PY" -m pip install -q --upgrade pip >"$LOG" 2>&1 || { tail -20 "$LOG" >&2; fail "could not upgrade pip"; }
"$PY" -m pip install -q -e '.[test]' >"$LOG" 2>&1 || { tail -20 "$LOG" >&2; fail "pip could not install GasDesk's Python packages"; }

# 3. System libraries and the font
check_libraries() { "$PY" scripts/qt_libraries.py; }
sonames=$(check_libraries) || fail "could not check Qt's libraries"
if [ -n "$sonames" ]; then
  packages=$(for s in $sonames; do package_of "$s"; done | sort -u | tr '\n' ' ')
  say "Qt needs$(printf ' %s' $sonames)"
  apt_install $packages
  still=$(check_libraries)
  [ -z "$still" ] || fail "still missing after the install: $(echo $still)"
fi
if ! "$PY" -c 'from gasdesk.printing.fonts import find_cjk_font; find_cjk_font()' >/dev/null 2>&1; then
  if command -v dpkg-query >/dev/null 2>&1; then
    apt_install "$FONT_PACKAGE"
  else
    fail "no TrueType Chinese font found; install WenQuanYi Micro Hei ($FONT_PACKAGE)"
  fi
fi

# 4. Qt loads
QT_QPA_PLATFORM=offscreen "$PY" -c 'from PySide6.QtWidgets import QApplication; QApplication([])' \
  >"$LOG" 2>&1 || { tail -20 "$LOG" >&2; fail "Qt does not start"; }
touch "$STAMP"
[ "$fresh" = 0 ] || say "ready: $VENV/"
