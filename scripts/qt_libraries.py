"""Print the shared libraries that the installed Qt (PySide6) needs and this machine
lacks, one soname a line, as `ldd` reports them. Checked: the Qt modules GasDesk
imports and the plugins it loads (the screen, offscreen tests, OpenGL on X11,
printing through CUPS, image formats, input methods for Chinese typing). Qt's own
libraries are left out: a plugin that names one without a path is Qt's business.
Exit status 0 whether or not something is missing; 2 if PySide6 is not installed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport")
PLUGINS = (
    "platforms/libqxcb.so",
    "platforms/libqoffscreen.so",
    "xcbglintegrations/*.so",
    "printsupport/*.so",
    "imageformats/*.so",
    "iconengines/*.so",
    "platforminputcontexts/*.so",
)


def checked_files(package: Path) -> list[Path]:
    files = [package / f"{name}.abi3.so" for name in MODULES]
    for pattern in PLUGINS:
        files.extend(sorted((package / "Qt" / "plugins").glob(pattern)))
    return [f for f in files if f.exists()]


def linked_libraries(path: Path, env: dict[str, str] | None = None) -> dict[str, str | None]:
    """The shared libraries `path` loads, as ldd resolves them: soname -> the file
    found, or None where ldd reports "not found". The dynamic loader itself and the
    kernel's vDSO (no file of their own to look for) are left out."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
    found: dict[str, str | None] = {}
    for line in out.splitlines():
        name, arrow, rest = line.strip().partition(" => ")
        if not arrow:
            continue
        target = rest.split(" (")[0].strip()
        found[name] = None if target == "not found" else target or None
    return found


def missing(files: list[Path]) -> list[str]:
    found: set[str] = set()
    for path in files:
        for name, target in linked_libraries(path).items():
            if target is None and not name.startswith("libQt6"):
                found.add(name)
    return sorted(found)


def main() -> int:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        print("PySide6 is not installed", file=sys.stderr)
        return 2
    for name in missing(checked_files(Path(spec.origin).parent)):
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
