#!/usr/bin/env bash
# Checks that GasDesk works as an installed wheel, not only from its source tree:
#   1. a fresh virtual environment in a temporary folder;
#   2. the wheel built there (`pip wheel --no-deps`) from a clean copy of the source
#      tree (setup.cfg, pyproject.toml, README.md, gasdesk/, resources/, forms/), so
#      that no stale build/ folder of the tree can slip into it;
#   3. the wheel installed with its dependencies (pip takes them from its cache when
#      it has them);
#   4. `gasdesk screenshot` run from a folder outside the source tree, with
#      PYTHONPATH unset: every screen must be written, with the Chinese font (the
#      command refuses to run without one) and GasDesk's Chinese translation, which
#      is checked to load from the installed package.
# Usage: scripts/check_wheel.sh [KEEP_DIR]   (KEEP_DIR: where to keep the screenshots)
# PYTHON (default python3) is the Python of the environment.
set -euo pipefail
PYTHON=${PYTHON:-python3}
SOURCE=$(cd "$(dirname "$0")/.." && pwd)
KEEP=${1:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SCREENS=(01-login 02-tab-1 03-tab-2 04-tab-3 05-tab-4 06-customer-display)

say() { echo "check_wheel: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

t=$(now)
"$PYTHON" -m venv "$WORK/venv" || fail "could not make a virtual environment with $PYTHON"
VENV=$WORK/venv
say "fresh environment ($("$VENV/bin/python" -V)) in $(took "$t")"

t=$(now)
mkdir "$WORK/source"
for name in setup.cfg pyproject.toml README.md gasdesk resources forms; do
  cp -R "$SOURCE/$name" "$WORK/source/"
done
find "$WORK/source" -name __pycache__ -prune -exec rm -rf {} +
"$VENV/bin/python" -m pip wheel -q --no-deps -w "$WORK/dist" "$WORK/source" \
  >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; fail "the wheel did not build"; }
WHEEL=$(ls "$WORK"/dist/gasdesk-*.whl)
say "built $(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) kB) in $(took "$t")"

t=$(now)
"$VENV/bin/python" -m pip install -q "$WHEEL" >"$WORK/install.log" 2>&1 \
  || { tail -20 "$WORK/install.log" >&2; fail "the wheel did not install"; }
say "installed with its dependencies in $(took "$t")"

# Everything below runs outside the source tree, with nothing of it on the path.
mkdir "$WORK/elsewhere"
cd "$WORK/elsewhere"
run() {
  env -u PYTHONPATH -u GASDESK_FORMS_DIR -u GASDESK_DATABASE_URL \
    QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$WORK/data" GASDESK_SETTINGS="$WORK/settings.ini" \
    "$@"
}

t=$(now)
run "$VENV/bin/gasdesk" screenshot "$WORK/screens" >"$WORK/screens.log" 2>&1 \
  || { tail -20 "$WORK/screens.log" >&2; fail "gasdesk screenshot did not finish"; }
for name in "${SCREENS[@]}"; do
  [ -s "$WORK/screens/$name.png" ] || fail "gasdesk screenshot wrote no $name.png"
done
say "gasdesk screenshot wrote ${#SCREENS[@]} screens in $(took "$t")"

# What the screens were drawn with, asked of the installed package the same way.
run "$VENV/bin/python" - "$VENV" "${#SCREENS[@]}" "$WORK/screens" <<'EOF' || fail "see above"
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

import gasdesk
from gasdesk import resources
from gasdesk.services.form_settings import load_forms
from gasdesk.ui.application import has_cjk_font, install_translators

venv, count, screens = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
home = Path(gasdesk.__file__).resolve().parent
problems = []
if not home.is_relative_to(venv.resolve()) or resources.source_checkout() is not None:
    problems.append(f"gasdesk was imported from {home}, not from the environment")
app = QApplication([])
translators = install_translators(app, "zh_CN")
fee_tab = QCoreApplication.translate("MainWindow", "Fee collection")
if fee_tab != "收费":
    problems.append(f"the Chinese translation is not loaded ('Fee collection' -> {fee_tab!r})")
if not has_cjk_font():
    problems.append("no Chinese font")
catalog = load_forms()
if len(catalog.forms) == 0 or catalog.problems:
    problems.append(f"forms: {len(catalog.forms)} loaded, problems {catalog.problems}")
sizes = []
for png in sorted(screens.glob("*.png")):
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    sizes.append(f"{png.stem} {width}x{height}")
print(f"check_wheel: gasdesk from {home}", file=sys.stderr)
print(
    f"check_wheel: {len(translators)} translators loaded, 'Fee collection' -> {fee_tab}, "
    f"{len(catalog.forms)} forms, screens: {', '.join(sizes)}",
    file=sys.stderr,
)
for problem in problems:
    print(f"check_wheel: {problem}", file=sys.stderr)
sys.exit(1 if problems or len(sizes) != count else 0)
EOF

if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  cp "$WORK"/screens/*.png "$KEEP/"
  say "screens kept in $KEEP"
fi
say "OK: the installed wheel runs with its own resources and forms"
