"""A PDF shown before it is printed (QtPdf), then printed through QPrinter or saved.

PdfPreview is the one preview widget: the statement and receipt-copy dialogs hold
it, and so does FormPreviewDialog (form copies and the day report). Given the
counter's settings, it prints to the output folder when one is set (as receipts
do); otherwise the print dialog chooses the printer. Printing itself (resolution
cap, the document's own paper size) is `pdf_printing.paint_document`."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.settings import Settings
from gasdesk.storage.errors import kind
from gasdesk.storage.paths import is_database_file
from gasdesk.ui.file_dialogs import guard_print_dialog, save_dialog
from gasdesk.ui.messages import user_text
from gasdesk.ui.pdf_printing import PrintError, file_printer, paint_document


def pdf_view(document: QPdfDocument, parent: QWidget | None = None) -> QPdfView:
    """A view of every page of `document`, fitted to its width."""
    view = QPdfView() if parent is None else QPdfView(parent)
    view.setDocument(document)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    return view


class PdfPreview(QWidget):
    """Preview with Print (Ctrl+P) and, unless `saving` is off, Save (Ctrl+S)."""

    printed = Signal(int)  # pages, once the printer took them
    saved = Signal(str)  # path
    failed = Signal(str)  # why the PDF was not saved, for the teller

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        saving: bool = True,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._data = b""
        self.file_name = "document.pdf"
        self.view = pdf_view(self.document, self)
        self.view.setObjectName("pdfView")
        self.print_button = QPushButton(self.tr("&Print (Ctrl+P)"))
        self.print_button.setObjectName("printPdf")
        self.print_button.clicked.connect(self.ask_print)
        self.save_button = QPushButton(self.tr("&Save as PDF (Ctrl+S)"))
        self.save_button.setObjectName("savePdf")
        self.save_button.clicked.connect(self.ask_save)
        self.save_button.setVisible(saving)
        # shortcuts beside the buttons' own Alt mnemonics; click() ignores a disabled button
        keys = [("Ctrl+P", self.print_button)] + ([("Ctrl+S", self.save_button)] if saving else [])
        for key, button in keys:
            QShortcut(QKeySequence(key), self).activated.connect(button.click)
        self.status = QLabel("")
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.status, 1)
        self.buttons.addWidget(self.save_button)
        self.buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.save_button.setEnabled(on)

    def set_pdf(self, data: bytes, file_name: str = "document.pdf") -> None:
        self.document.close()
        self._data = data
        self.file_name = file_name
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._set_enabled(self.document.pageCount() > 0)

    def ask_print(self) -> None:
        if not self._data:
            return
        try:
            printer = (
                file_printer(self.settings, Path(self.file_name).stem)
                if self.settings is not None
                else None
            )
        except PrintError as exc:
            self._not_printed(exc)
            return
        if printer is not None:
            self.print_to(printer)  # the counter prints to files: no dialog
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        guard_print_dialog(dialog)
        dialog.accepted.connect(lambda: self.print_to(printer))
        QDialog.open(dialog)  # QPrintDialog.open() itself wants a receiver and a slot

    def print_to(self, printer: QPrinter) -> None:
        """Print every page on `printer`; `printed` only once the printer took them."""
        try:
            pages = paint_document(printer, self.document)
        except PrintError as exc:
            self._not_printed(exc)
            return
        self.status.setText(self.tr("Printed."))
        self.printed.emit(pages)

    def _not_printed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Not printed: {reason}").format(reason=user_text(exc)))

    def ask_save(self) -> None:
        if not self._data:
            return
        dialog = save_dialog(
            self, self.tr("Save PDF"), self.file_name, self.tr("PDF files (*.pdf)")
        )
        dialog.setObjectName("savePdfDialog")
        dialog.fileSelected.connect(self.save_to)
        dialog.open()

    def save_to(self, path: str) -> None:
        """Write the PDF whole under `path` (beside it first, then renamed into place),
        never over the database; `failed` says why not."""
        target = Path(path)
        if is_database_file(target):
            self.failed.emit(
                self.tr("{file} is the counter's own database; choose another name.").format(
                    file=path
                )
            )
            return
        part = target.with_name(f".{target.name}.part")
        try:
            with open(part, "wb") as fh:
                fh.write(self._data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(part, target)
        except OSError as exc:
            part.unlink(missing_ok=True)
            self.failed.emit(self._not_saved(path, exc))
            return
        self.saved.emit(path)

    def _not_saved(self, path: str, exc: OSError) -> str:
        cause = kind(exc, Path(path).parent)
        if cause == "full":
            return self.tr("The PDF was not saved as {file}: the disk is full.").format(file=path)
        if cause == "readonly":
            return self.tr("The PDF was not saved as {file}: the folder is read-only.").format(
                file=path
            )
        return self.tr("The PDF was not saved as {file} ({error}).").format(
            file=path, error=exc.strerror or str(exc)
        )
