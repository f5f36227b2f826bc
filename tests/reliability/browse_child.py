"""A counter that takes a payment, lets the teller browse the database's own folder
in a file dialog, then takes another payment when told to:

    python browse_child.py DB_FILE KEY_FILE DIALOG

DIALOG is `export` (the day export's dialog), `print` (the print dialog, browsing
for a file to print to) or `plain` (Qt's own QFileDialog, as GasDesk had it). Prints
`committed <receipt>` after each commit, `browsed` once the dialog has listed and
drawn the folder, and then waits for a line on standard input before the second
payment; afterwards it waits to be killed."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _settle(app: object, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def browse(kind: str, folder: Path) -> None:
    """Open the dialog on `folder` and let it list and draw it."""
    from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

    app = QApplication.instance() or QApplication([])
    parent = QWidget()
    if kind == "plain":
        dialog: QWidget = QFileDialog(parent, "导出当日明细")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    elif kind == "export":
        from gasdesk.ui.file_dialogs import save_dialog

        dialog = save_dialog(parent, "导出当日明细", "MS.csv", "CSV (*.csv)")
    else:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from gasdesk.ui.file_dialogs import guard_print_dialog

        printer = QPrinter()
        dialog = QPrintDialog(printer, parent)
        guard_print_dialog(dialog)
    dialog.show()
    if isinstance(dialog, QFileDialog):
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.setDirectory(str(folder))  # the teller goes there
    else:
        from PySide6.QtWidgets import QLineEdit, QToolButton

        line = dialog.findChild(QLineEdit, "filename")
        line.setText(str(folder) + "/")  # typed: the completer lists the folder
        line.completer().complete()
        dialog.findChild(QToolButton, "fileBrowser").click()
        _settle(app, 0.3)
        for inner in dialog.findChildren(QFileDialog):
            inner.setViewMode(QFileDialog.ViewMode.Detail)
            inner.setDirectory(str(folder))
    for _ in range(4):
        _settle(app, 0.25)
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.grab()  # draw it: icons and types are asked for here


def main(argv: list[str]) -> int:
    from gasdesk.storage.db import open_database
    from tests.reliability.payment_loop import pay

    file, key, kind = Path(argv[0]), Path(argv[1]), argv[2]
    open_database(file, key_path=key)
    print("committed", pay("1001000001", 100), flush=True)
    browse(kind, file.parent)
    print("browsed", flush=True)
    sys.stdin.readline()
    print("committed", pay("1001000001", 200), flush=True)
    time.sleep(600)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
