"""Wraps GasDesk's one-folder bundle (packaging/gasdesk.spec) into a Debian package:

    /opt/gasdesk/                      the bundle: Python, Qt, the font, GasDesk
    /usr/bin/gasdesk                   a link to /opt/gasdesk/gasdesk
    /usr/share/applications/gasdesk.desktop, the menu entry
    /usr/share/icons/hicolor/{scalable,256x256}/apps/gasdesk.{svg,png}
    /usr/share/doc/gasdesk/copyright   what the bundle carries and under which licences

Depends names the system libraries the bundle links to and does not carry: every
ELF file of the bundle is asked with ldd (scripts/qt_libraries.py's
linked_libraries(), with the bundle's own folder on the library path as its
bootloader sets it), each library it names itself (NEEDED) that is found outside the
bundle is mapped to the Debian package that owns it (dpkg-query -S), and libc6 gets
the newest GLIBC_ symbol version the files use. A library ldd cannot find on the build machine stops the build: its
package could not be named.

Usage: make_deb.py BUNDLE OUT_DIR --version V --icons DIR   (DIR: gasdesk.png)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from bundle_rules import APP_NAME, FONT_DEST, ROOT, qt_libraries

PREFIX = Path("opt") / APP_NAME
MAINTAINER = "GasDesk developers <dev@gasdesk.invalid>"
DESCRIPTION = """\
counter application of a city gas utility's customer service halls
 GasDesk collects gas fees with the read-back the service code requires,
 fills business forms, shows meter records and closes the day's cash drawer.
 .
 This package carries its own Python, Qt, the WenQuanYi Zen Hei font and
 GasDesk's resources under /opt/gasdesk; no Python is needed on the PC."""
DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.5
Name=GasDesk
Name[zh_CN]=燃气营业厅柜台
GenericName=Gas utility counter
GenericName[zh_CN]=燃气收费柜台
Comment=Gas fees, business forms and day-end at the service hall counter
Comment[zh_CN]=营业厅柜台：收费、业务受理、抄表查询、日结对账
Exec=gasdesk
Icon=gasdesk
Terminal=false
Categories=Office;Finance;
StartupNotify=true
"""
COPYRIGHT_HEAD = """\
GasDesk, and what its package carries under /opt/gasdesk.

GasDesk: proprietary, for the company's own halls.

Python (PSF License), Qt 6 through PySide6 (LGPL-3.0: its libraries stay separate
files under /opt/gasdesk/_internal/PySide6/Qt/lib and may be replaced), reportlab
(BSD), peewee (MIT), platformdirs (MIT), argon2-cffi (MIT), pypinyin (MIT),
chinesecalendar (MIT), borax (MIT), psycopg2 (LGPL-3.0 with exceptions) and its
libpq (PostgreSQL License): each as published on the Python Package Index.

The font /opt/gasdesk/_internal/gasdesk/_resources/fonts/ is WenQuanYi Zen Hei,
from Debian's fonts-wqy-zenhei; its copyright file follows.

"""
UNKNOWN_VERSION = "0+unknown"  # gasdesk.version.UNKNOWN: a tree that was never installed
GLIBC_VERSION = re.compile(r"\bGLIBC_(\d+)\.(\d+)\b")


def elf_files(bundle: Path) -> list[Path]:
    """Every ELF file (executable, shared library, extension module) in the bundle."""
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed_sonames(path: Path) -> set[str]:
    """The libraries a file names itself (its NEEDED entries, objdump -p); ldd also
    lists theirs, which their own packages depend on."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    return {line.split()[1] for line in out.splitlines() if line.split()[:1] == ["NEEDED"]}


def system_libraries(
    files: Iterable[Path],
    bundle: Path,
    linked: Callable[[Path, dict[str, str]], Mapping[str, str | None]],
    needed: Callable[[Path], set[str]] = needed_sonames,
) -> tuple[set[str], set[str]]:
    """(files outside the bundle that the bundle's files link to themselves, sonames
    ldd could not find at all)."""
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    outside: set[str] = set()
    missing: set[str] = set()
    root = bundle.resolve()
    for path in files:
        direct = needed(path)
        for name, target in linked(path, env).items():
            if target is None:
                missing.add(name)
            elif name in direct and not Path(target).resolve().is_relative_to(root):
                outside.add(target)
    return outside, missing


def dpkg_owner(path: str) -> str | None:
    """The package that installed `path`, asked of dpkg under the names a merged /usr
    gives the same file (/lib/... and /usr/lib/...)."""
    names = [path, str(Path(path).resolve())]
    for name in list(names):
        if name.startswith("/usr/"):
            names.append(name[len("/usr") :])
        else:
            names.append("/usr" + name)
    for name in names:
        result = subprocess.run(["dpkg-query", "-S", name], capture_output=True, text=True)
        if result.returncode == 0:
            return parse_dpkg_search(result.stdout)
    return None


def parse_dpkg_search(output: str) -> str | None:
    """The first package of `dpkg-query -S` output ("libc6:amd64: /lib/.../libc.so.6"),
    without its architecture; diversion lines are skipped."""
    for line in output.splitlines():
        if line.startswith("diversion "):
            continue
        packages, _, _ = line.partition(": ")
        first = packages.split(",")[0].strip()
        return first.split(":")[0] or None
    return None


def glibc_needed(files: Iterable[Path]) -> tuple[int, int] | None:
    """The newest GLIBC_x.y symbol version the files refer to (objdump -T)."""
    newest: tuple[int, int] | None = None
    for path in files:
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in GLIBC_VERSION.findall(out):
            version = (int(major), int(minor))
            newest = version if newest is None or version > newest else newest
    return newest


def depends(packages: Iterable[str], glibc: tuple[int, int] | None) -> list[str]:
    """The Depends list: each package once, sorted; libc6 with its lowest version."""
    names = sorted(set(packages) | {"libc6"})
    if glibc is None:
        return names
    return [f"libc6 (>= {glibc[0]}.{glibc[1]})" if n == "libc6" else n for n in names]


def debian_version(version: str) -> str:
    """A Debian version from the program's (PEP 440): 0.1.0 stays, 0.1.0.dev3 sorts
    before 0.1.0 as 0.1.0~dev3, a local part +abc becomes +abc."""
    match = re.fullmatch(r"(\d+(?:\.\d+)*)((?:a|b|rc|\.dev|\.post)\d+)?(\+[\w.]+)?", version)
    if match is None or version == UNKNOWN_VERSION:
        raise ValueError(f"not a release version: {version!r}")
    base, pre, local = match.groups()
    if pre and pre.startswith(".post"):
        pre = "+post" + pre[len(".post") :]
    elif pre:
        pre = "~" + pre.lstrip(".")
    return base + (pre or "") + (local or "")


def control_file(version: str, architecture: str, depends: list[str], installed_kib: int) -> str:
    return (
        f"Package: {APP_NAME}\n"
        f"Version: {debian_version(version)}\n"
        f"Architecture: {architecture}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def tree_kib(folder: Path) -> int:
    """Installed-Size: the files' sizes in KiB, as dpkg-gencontrol counts them."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or path.is_file():
            total += (path.lstat().st_size + 1023) // 1024
    return total


def lay_out(staging: Path, bundle: Path, icons: Path, font_copyright: Path | None) -> None:
    """The package's files under `staging`, as they will lie on the PC."""
    shutil.copytree(bundle, staging / PREFIX, symlinks=True)
    usr = staging / "usr"
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / APP_NAME).symlink_to(Path("/") / PREFIX / APP_NAME)
    (usr / "share" / "applications").mkdir(parents=True)
    (usr / "share" / "applications" / f"{APP_NAME}.desktop").write_text(DESKTOP_ENTRY)
    hicolor = usr / "share" / "icons" / "hicolor"
    for size, source in (
        ("scalable", ROOT / "packaging" / "gasdesk.svg"),
        ("256x256", icons / "gasdesk.png"),
    ):
        (hicolor / size / "apps").mkdir(parents=True)
        shutil.copy(source, hicolor / size / "apps" / f"{APP_NAME}{source.suffix}")
    doc = usr / "share" / "doc" / APP_NAME
    doc.mkdir(parents=True)
    font_text = font_copyright.read_text() if font_copyright else ""
    (doc / "copyright").write_text(COPYRIGHT_HEAD + font_text)
    for path in staging.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def build(bundle: Path, out: Path, version: str, icons: Path) -> Path:
    files = elf_files(bundle)
    outside, missing = system_libraries(files, bundle, qt_libraries.linked_libraries)
    if missing:
        raise SystemExit(
            "make_deb: the bundle needs libraries this machine lacks, so their packages "
            f"cannot be named: {', '.join(sorted(missing))} (run make setup, or apt-get install them)"
        )
    owners = {path: dpkg_owner(path) for path in sorted(outside)}
    unowned = [path for path, owner in owners.items() if owner is None]
    if unowned:
        raise SystemExit(f"make_deb: no Debian package owns {', '.join(unowned)}")
    wanted = depends((o for o in owners.values() if o), glibc_needed(files))
    fonts = bundle / "_internal" / FONT_DEST
    copyrights = sorted(fonts.glob("*.copyright")) if fonts.is_dir() else []
    arch = architecture()
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / "root"
        lay_out(staging, bundle, icons, copyrights[0] if copyrights else None)
        (staging / "DEBIAN").mkdir()
        control = control_file(version, arch, wanted, tree_kib(staging))
        (staging / "DEBIAN" / "control").write_text(control)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{APP_NAME}_{debian_version(version)}_{arch}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print(control, end="", file=sys.stderr)
    return target


def main() -> int:
    p = argparse.ArgumentParser(prog="make_deb.py")
    p.add_argument("bundle", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--version", required=True)
    p.add_argument("--icons", type=Path, required=True)
    args = p.parse_args()
    print(build(args.bundle, args.out, args.version, args.icons))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
