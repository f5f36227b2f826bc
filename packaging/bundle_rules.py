"""What GasDesk's application bundle holds, decided apart from PyInstaller's workings:
packaging/gasdesk.spec asks this module, on Linux and on Windows, and
tests/unit/test_bundle.py checks it without building anything.

- Qt: only the modules GasDesk imports (scripts/qt_libraries.py's MODULES, the list
  `make setup` checks); every other PySide6 module (QtWebEngine, Qt3D, QtQuick/QML,
  QtMultimedia ...) is excluded, so that PyInstaller's hooks do not collect it.
- Qt plugins: only the kinds GasDesk loads (qt_libraries.PLUGINS on Linux: X11 and
  offscreen screens, OpenGL on X11, CUPS printing, image formats, icon engines, input
  methods; the Windows equivalents there). No Wayland, EGLFS, VNC or GTK theme plugin:
  on a Wayland desktop Qt falls back to X11 (XWayland).
- Shared libraries (Linux): only those a kept file links to, directly or through
  another (a library wanted only by a plugin left out goes with it); and none of the
  system's (/usr/lib): the Debian package depends on their packages instead.
- Qt's translations: Chinese only (qtbase_zh_CN.qm ...); English is Qt's own text.
- The Chinese font: a folder of font files given to the build, put where
  gasdesk.resources.shipped_fonts() finds it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Sequence
from fnmatch import fnmatch
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "gasdesk"  # the executable (gasdesk.exe on Windows) and the bundle's folder
CONSOLE_NAME = "gasdesk-console"  # Windows: the same program with a console, for commands
FONT_DEST = "gasdesk/_resources/fonts"  # resources.FONTS inside the installed package
FONT_SUFFIXES = (".ttf", ".ttc")
QT_TRANSLATIONS = ("_zh_CN.qm",)
WINDOWS_PLUGINS = (
    "platforms/qwindows.dll",
    "platforms/qoffscreen.dll",
    "printsupport/*.dll",
    "imageformats/*.dll",
    "iconengines/*.dll",
    "platforminputcontexts/*.dll",
    "styles/*.dll",  # the Windows 11 and Vista styles are plugins since Qt 6.7
)
NOT_BUNDLED = ("tkinter", "PySide6.scripts")  # standard library or tool parts never used
# (destination in the bundle, source file, kind), as PyInstaller's TOC lists them
Entry = tuple[str, str, str]


def _qt_libraries() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "qt_libraries", ROOT / "scripts" / "qt_libraries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


qt_libraries = _qt_libraries()
QT_MODULES: tuple[str, ...] = qt_libraries.MODULES
LINUX_PLUGINS: tuple[str, ...] = qt_libraries.PLUGINS
# of those: the virtual keyboard (an on-screen keyboard in QtQuick) serves no counter
LINUX_PLUGINS_LEFT_OUT = ("platforminputcontexts/libqtvirtualkeyboardplugin.so",)


def excluded_modules(available_qt: Iterable[str]) -> list[str]:
    """The modules PyInstaller must leave out: every PySide6 module but GasDesk's."""
    qt = [f"PySide6.{name}" for name in sorted(available_qt) if name not in QT_MODULES]
    return qt + list(NOT_BUNDLED)


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def keep_file(dest: str, windows: bool) -> bool:
    """Whether a file PyInstaller collected stays: Qt's plugins only of the kinds
    GasDesk loads, Qt's translations only the Chinese ones, everything else."""
    parts = _parts(dest)
    if parts[0] != "PySide6":
        return True
    if "plugins" in parts:
        plugin = "/".join(parts[parts.index("plugins") + 1 :])
        patterns = WINDOWS_PLUGINS if windows else LINUX_PLUGINS
        left_out = () if windows else LINUX_PLUGINS_LEFT_OUT
        return plugin not in left_out and any(fnmatch(plugin, p) for p in patterns)
    if "translations" in parts and parts[-1].endswith(".qm"):
        return parts[-1].endswith(QT_TRANSLATIONS)
    return True


def is_root(entry: Entry) -> bool:
    """A binary that is in the bundle for its own sake: a Python extension module, a
    kept Qt plugin, Python's own library. Every other shared library is there only if
    one of these links to it."""
    dest, _source, kind = entry
    name = _parts(dest)[-1]
    return kind == "EXTENSION" or "plugins" in _parts(dest) or name.startswith("libpython")


def prune_libraries(
    binaries: Sequence[Entry], imports_of: Callable[[str], Iterable[str]]
) -> list[Entry]:
    """The binaries without the libraries that no root links to, directly or through
    another library: PyInstaller collects the libraries of every plugin it found,
    also of those `keep_file` leaves out (Wayland's, the GTK theme's, QtQuick's for
    the virtual keyboard). `imports_of(source)` names the sonames a file links to."""
    by_name = {_parts(e[0])[-1]: e for e in binaries if not is_root(e)}
    needed: set[str] = set()
    todo = [e for e in binaries if is_root(e)]
    while todo:
        entry = todo.pop()
        for name in imports_of(entry[1]):
            if name in by_name and name not in needed:
                needed.add(name)
                todo.append(by_name[name])
    return [e for e in binaries if is_root(e) or _parts(e[0])[-1] in needed]


def is_system_library(entry: Entry) -> bool:
    """A library of the build machine's system (/lib, /usr/lib), which the Debian
    package names in Depends instead of carrying a copy: a copy would clash with the
    PC's newer ones (Mesa's OpenGL drivers need the system's libstdc++, fontconfig
    its own configuration). Python's library is the exception: the bundle brings its
    own Python."""
    _dest, source, _kind = entry
    system = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
    return source.startswith(system) and not Path(source).name.startswith("libpython")


def font_files(folder: str | None, windows: bool) -> list[Path]:
    """The fonts to carry. Linux needs one (a Debian desktop may have no Chinese font);
    Windows has Microsoft YaHei and SimSun, whose licence forbids shipping them."""
    found = (
        sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in FONT_SUFFIXES)
        if folder
        else []
    )
    if not found and not windows:
        raise SystemExit(
            f"no Chinese font to bundle in {folder or '(GASDESK_BUNDLE_FONTS not set)'}"
        )
    return found


def font_datas(folder: str | None, windows: bool) -> list[tuple[str, str]]:
    """PyInstaller's (source, destination folder) pairs: the fonts and, beside them,
    every other file of the folder (their licence)."""
    fonts = font_files(folder, windows)
    if not fonts or folder is None:
        return []
    return [(str(p), FONT_DEST) for p in sorted(Path(folder).iterdir()) if p.is_file()]
