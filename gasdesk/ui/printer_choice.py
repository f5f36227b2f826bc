"""The receipt printer of this PC, chosen in the set-up and join dialogs: one of the
system's printers (QPrinterInfo), or PDF files in a folder for a PC without a
printer. A test slip goes through the same path as a receipt
(`pdf_printing.paint_pdf`). Nothing is kept until `keep()`: the printing settings
`printing/printer` and `printing/output_dir`."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from gasdesk.printing.printer_check import printer_check_pdf
from gasdesk.settings import OUTPUT_DIR, PRINTER, Settings
from gasdesk.ui.file_dialogs import SafeFileDialog, start_folder
from gasdesk.ui.messages import user_text
from gasdesk.ui.pdf_printing import PrintError, folder_printer, paint_pdf

FOLDER = "\x00folder"  # the combo's data for "PDF files in a folder"


def default_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(documents or start_folder()) / "GasDesk")


def _writable_folder(folder: str) -> bool:
    """Whether `folder` is (or can be made as) a folder this user writes into."""
    path = Path(folder)
    while not path.exists():
        if path.parent == path:
            return False
        path = path.parent
    return path.is_dir() and os.access(path, os.W_OK | os.X_OK)


class PrinterChoice(QWidget):
    """A printer combo box, the folder for PDF files, and a test print button."""

    tested = Signal(bool)  # the test slip reached the printer (or the folder)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("printerKind")
        default = QPrinterInfo.defaultPrinterName()
        for name in QPrinterInfo.availablePrinterNames():
            label = self.tr("{name} (default)").format(name=name) if name == default else name
            self.kind.addItem(label, name)
        self.kind.addItem(self.tr("No printer: PDF files in a folder"), FOLDER)
        self.folder = QLineEdit(settings.get(OUTPUT_DIR) or default_folder())
        self.folder.setObjectName("printerFolder")
        self.browse = QToolButton()
        self.browse.setText("…")
        self.browse.setToolTip(self.tr("Choose the folder"))
        self.browse.clicked.connect(self.choose_folder)
        self.test_button = QPushButton(self.tr("&Test print"))
        self.test_button.setObjectName("testPrint")
        self.test_button.setAutoDefault(False)
        self.status = QLabel("")
        self.status.setObjectName("printerStatus")
        self.status.setWordWrap(True)
        self.folder_dialog: SafeFileDialog | None = None

        kept = FOLDER if settings.get(OUTPUT_DIR) else settings.get(PRINTER) or default or FOLDER
        index = self.kind.findData(kept)
        self.kind.setCurrentIndex(index if index >= 0 else self.kind.count() - 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.kind, 0, 0, 1, 2)
        grid.addWidget(self.test_button, 0, 2)
        grid.addWidget(self.folder, 1, 0)
        grid.addWidget(self.browse, 1, 1)
        grid.addWidget(self.status, 2, 0, 1, 3)
        grid.setColumnStretch(0, 1)

    def to_folder(self) -> bool:
        return bool(self.kind.currentData() == FOLDER)

    def _kind_changed(self) -> None:
        self.folder.setEnabled(self.to_folder())
        self.browse.setEnabled(self.to_folder())
        self.status.setText("")

    def choose_folder(self) -> SafeFileDialog:
        dialog = SafeFileDialog(self, self.tr("Folder for the PDF files"))
        dialog.setObjectName("printerFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        self.folder_dialog = dialog
        dialog.open()
        return dialog

    def problem(self) -> str | None:
        """What must be corrected before the choice can be kept, or None."""
        if not self.to_folder():
            return None
        folder = self.folder.text().strip()
        if not folder or not Path(folder).is_absolute():
            return self.tr("Enter the whole path of the folder for the PDF files.")
        if not _writable_folder(folder):
            return self.tr("The folder {folder} cannot be written; choose another.").format(
                folder=folder
            )
        return None

    def description(self) -> str:
        if self.to_folder():
            return self.tr("PDF files in {folder}").format(folder=self.folder.text().strip())
        return str(self.kind.currentData())

    def _printer(self) -> QPrinter:
        if self.to_folder():
            return folder_printer(self.folder.text().strip(), "test")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(str(self.kind.currentData()))
        return printer

    def test_print(self, office: str, counter: int) -> bool:
        """Send the test slip; say on the widget where it went or why it did not."""
        problem = self.problem()
        if problem is not None:
            self._say(problem, ok=False)
            return False
        try:
            printer = self._printer()
            pdf = printer_check_pdf(office, counter, self.description(), dt.datetime.now())
            paint_pdf(printer, pdf)
        except PrintError as exc:
            self._say(user_text(exc), ok=False)
            return False
        if self.to_folder():
            self._say(self.tr("Test page written: {file}").format(file=printer.outputFileName()))
        else:
            self._say(
                self.tr("Test page sent to {printer}; check the slip.").format(
                    printer=self.description()
                )
            )
        return True

    def _say(self, text: str, *, ok: bool = True) -> None:
        self.status.setStyleSheet("" if ok else "color: #b00020;")
        self.status.setText(text)
        self.tested.emit(ok)

    def keep(self, settings: Settings) -> None:
        """The choice into the printing settings."""
        if self.to_folder():
            settings.set(OUTPUT_DIR, self.folder.text().strip())
            settings.set(PRINTER, None)
        else:
            settings.set(PRINTER, str(self.kind.currentData()))
            settings.set(OUTPUT_DIR, None)
