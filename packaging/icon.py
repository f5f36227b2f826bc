"""Draws GasDesk's icon (packaging/gasdesk.svg) as the PNG of the Debian menu entry and
the .ico of the Windows executable, with Qt's SVG renderer of the build environment.
Usage: python packaging/icon.py OUT_DIR   (writes gasdesk.png and gasdesk.ico there)"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SOURCE = Path(__file__).resolve().parent / "gasdesk.svg"
SIZE = 256


def main(out: Path) -> int:
    app = QGuiApplication.instance() or QGuiApplication(["icon"])  # noqa: F841
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"icon: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out.mkdir(parents=True, exist_ok=True)
    for name in ("gasdesk.png", "gasdesk.ico"):
        if not image.save(str(out / name)):
            print(f"icon: could not write {out / name}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
