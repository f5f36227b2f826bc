#!/usr/bin/env bash
# Checks GasDesk's Debian package on a fresh Debian bookworm that has no Python at all
# and no clone of the source (make check-deb, after make package):
#   1. a minimal bookworm root (debootstrap --variant=minbase: no Python, no font, no
#      X libraries), cached as a tar after the first run (XDG_CACHE_HOME, ~/.cache);
#   2. `apt-get install ./gasdesk_*.deb` in it: apt brings the package's Depends from
#      Debian, so a library the package forgot to depend on fails the check below;
#      a desktop PC has all of these and more;
#   3. checks that the machine still has no Python and no libpython but the bundle's,
#      and no Chinese font but the bundle's;
#   4. as an ordinary user: `gasdesk --version` and
#      `QT_QPA_PLATFORM=offscreen gasdesk screenshot DIR`, whose six screens must be
#      PNG files of a window's size (the command refuses to run without a Chinese
#      font, so it also proves the bundled font is used).
# Needs root (chroot, mounts), debootstrap, and Debian's package archive.
# Usage: packaging/check_deb.sh [DEB] [KEEP_DIR]   (KEEP_DIR: where to keep the screens)
set -euo pipefail
SOURCE=$(cd "$(dirname "$0")/.." && pwd)
DEB=${1:-$(ls "$SOURCE"/dist/gasdesk_*.deb 2>/dev/null | tail -1)}
KEEP=${2:-}
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/gasdesk-package"
BASE=$CACHE/bookworm-minbase.tar
SCREENS=(01-login 02-tab-1 03-tab-2 04-tab-3 05-tab-4 06-customer-display)

say() { echo "check_deb: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f s", b - a }'; }

[ -n "$DEB" ] && [ -f "$DEB" ] || fail "no package to check (make package first, or name it)"
[ "$(id -u)" = 0 ] || fail "needs root (chroot and mounts)"
command -v debootstrap >/dev/null || fail "needs debootstrap (apt-get install debootstrap)"

# 1. the fresh machine
mkdir -p "$CACHE"
if [ ! -s "$BASE" ]; then
  t=$(now)
  made=$(mktemp -d)
  debootstrap --variant=minbase bookworm "$made" >"$CACHE/debootstrap.log" 2>&1 \
    || { rm -rf "$made"; fail "debootstrap failed: see $CACHE/debootstrap.log"; }
  chmod 755 "$made"
  tar -C "$made" -cf "$BASE.part" . && mv "$BASE.part" "$BASE"
  rm -rf "$made"
  say "made the minimal bookworm root in $(took "$t") (cached in $BASE)"
fi
ROOT=$(mktemp -d)
cleanup() {
  for m in dev sys proc; do umount -l "$ROOT/$m" 2>/dev/null || true; done
  rm -rf "$ROOT"
}
trap cleanup EXIT
tar -C "$ROOT" -xf "$BASE"
chmod 755 "$ROOT"  # a root folder of mode 700 (mktemp's) shuts every other user out
mount -t proc proc "$ROOT/proc"
mount --rbind /sys "$ROOT/sys"
mount --rbind /dev "$ROOT/dev"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
inside() {  # a command run in the fresh machine, with a clean environment
  chroot "$ROOT" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 HOME=/root DEBIAN_FRONTEND=noninteractive "$@"
}
as_teller() {  # an ordinary user's command, as at a counter
  chroot --userspec=teller:teller "$ROOT" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
    HOME=/home/teller sh -c "cd && $*"
}
no_python() {
  inside sh -c 'command -v python3 python || ls /usr/bin/python3* /usr/lib/python3* 2>/dev/null' \
    && fail "$1: this machine has a Python" || true
}
no_python "before the install"
inside sh -c 'find /usr/share/fonts -iname "*wqy*" -o -iname "*cjk*" 2>/dev/null | grep -q .' \
  && fail "the fresh machine already has a Chinese font" || true

# 2. the install
cp "$DEB" "$ROOT/tmp/"
t=$(now)
inside sh -c "apt-get update -q && apt-get install -y -q ./tmp/$(basename "$DEB")" \
  >"$CACHE/install.log" 2>&1 || { tail -20 "$CACHE/install.log" >&2; fail "apt-get install failed"; }
INSTALL_TIME=$(took "$t")
added=$(grep -c '^Setting up ' "$CACHE/install.log" || true)
say "installed $(basename "$DEB") ($(du -m "$DEB" | cut -f1) MB) and $((added - 1)) packages it depends on in $INSTALL_TIME"

# 3. nothing but the bundle's Python and font
no_python "after the install"
others=$(inside find / -xdev -name 'libpython3*' -not -path '/opt/gasdesk/*' 2>/dev/null || true)
[ -z "$others" ] || fail "a libpython outside the bundle: $others"
inside test -f /opt/gasdesk/_internal/libpython3.11.so.1.0 || fail "the bundle carries no libpython"
inside sh -c 'find /usr/share/fonts -iname "*wqy*" -o -iname "*cjk*" 2>/dev/null | grep -q .' \
  && fail "the install brought a Chinese font of the system's" || true
inside test -L /usr/bin/gasdesk || fail "no /usr/bin/gasdesk"
inside test -f /usr/share/applications/gasdesk.desktop || fail "no menu entry"
inside test -f /usr/share/icons/hicolor/256x256/apps/gasdesk.png || fail "no icon"
say "no Python on the machine but the bundle's ($(du -sm "$ROOT/opt/gasdesk" | cut -f1) MB in /opt/gasdesk)"

# 4. the program, as a teller
inside useradd --create-home teller
version=$(as_teller gasdesk --version) || fail "gasdesk --version did not run"
[[ "$version" =~ ^gasdesk\ [0-9] ]] || fail "gasdesk --version said: $version"
say "gasdesk --version: $version"
t=$(now)
as_teller "QT_QPA_PLATFORM=offscreen gasdesk screenshot /home/teller/screens" \
  >"$CACHE/screens.log" 2>&1 || { tail -20 "$CACHE/screens.log" >&2; fail "gasdesk screenshot failed"; }
SCREEN_TIME=$(took "$t")
sizes=()
for name in "${SCREENS[@]}"; do
  png="$ROOT/home/teller/screens/$name.png"
  [ -s "$png" ] || fail "gasdesk screenshot wrote no $name.png"
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$name.png is no PNG"
  width=$((16#$(od -An -tx1 -j16 -N4 "$png" | tr -d ' \n')))
  height=$((16#$(od -An -tx1 -j20 -N4 "$png" | tr -d ' \n')))
  [ "$width" -ge 300 ] && [ "$height" -ge 200 ] || fail "$name.png is only ${width}x$height"
  sizes+=("$name ${width}x$height")
done
say "gasdesk screenshot wrote ${#SCREENS[@]} screens in $SCREEN_TIME: $(IFS=,; echo "${sizes[*]}")"
if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  cp "$ROOT"/home/teller/screens/*.png "$KEEP/"
  say "screens kept in $KEEP"
fi
say "OK: the package installs on a fresh bookworm without Python and runs"
