"""Preview of a receipt (the very PDF that is printed) and printing it.

With silent printing on (settings), a new receipt goes straight to the counter's
printer when the preview opens; otherwise Enter opens the print dialog. A print is
logged by the service once the printer has taken it, never before: a printer that
fails leaves the next print the original. Every print after the first is a copy
marked 重印, and the preview shows the copy that Enter prints. With an ESC/POS
thermal printer in the device settings the same receipt goes to it as text
(devices/escpos_printer.py), and an original cash receipt opens the cash drawer.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gasdesk import settings
from gasdesk.devices.escpos_printer import EscposPrinter
from gasdesk.domain.events import ReceiptPrinted
from gasdesk.services.receipts import PrintCopy, prepare_print, record_print
from gasdesk.ui.context import AppContext
from gasdesk.ui.devices import devices_of
from gasdesk.ui.file_dialogs import guard_print_dialog
from gasdesk.ui.messages import user_text
from gasdesk.ui.pdf_preview import pdf_view
from gasdesk.ui.pdf_printing import PrintError, load_pdf, make_printer, paint_pdf
from gasdesk.ui.window_fit import fit_dialog


class ReceiptDialog(QDialog):
    printed = Signal(object)  # PrintCopy

    def __init__(
        self,
        ctx: AppContext,
        receipt_id: int,
        code: str,
        pdf: bytes,
        *,
        auto_print: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.receipt_id = receipt_id
        self.code = code
        self.pdf = pdf
        self.prints = 0
        self._printing = False
        self._dialog: QPrintDialog | None = None
        self.setObjectName("receiptDialog")
        self.setWindowTitle(self.tr("Receipt {code}").format(code=code))
        self.document, self._buffer = load_pdf(pdf)
        self.view = pdf_view(self.document)
        self.view.setObjectName("receiptView")
        # Fit-to-width with an as-needed scroll bar can flip the bar on and off for
        # ever (the bar narrows the page, which then fits, which hides the bar...).
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.status = QLabel("")
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print (Enter)"))
        self.print_button.setObjectName("printButton")
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.setObjectName("closeReceipt")
        for b in (self.print_button, self.close_button):
            b.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_receipt)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        fit_dialog(self, QSize(520, 760))  # the buttons stay on a 768-pixel screen
        self._auto = auto_print and ctx.settings.get(settings.SILENT_PRINTING)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._auto:
            self._auto = False
            self.print_receipt()

    def print_receipt(self) -> None:
        if self._printing:
            return
        devices = devices_of(self.ctx)
        if devices.escpos is not None:  # the thermal printer in ESC/POS (device settings)
            self._printing = True
            self.print_button.setEnabled(False)
            self.status.setText(self.tr("Printing…"))
            thermal, drawer = devices.escpos, devices.config.cash_drawer
            self._prepare(lambda copy: self._send_escpos(thermal, copy, drawer))
            return
        try:
            printer, ask = make_printer(self.ctx.settings, self.code)
        except PrintError as exc:
            self._failed(exc)
            return
        if ask:
            self._dialog = QPrintDialog(printer, self)
            self._dialog.setObjectName("printDialog")
            guard_print_dialog(self._dialog)
            self._dialog.accepted.connect(lambda: self._send(printer))
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.show()
            return
        self._send(printer)

    def _prepare(self, on_done: Callable[[PrintCopy], None]) -> None:
        s = self.ctx.session
        self.ctx.worker.submit(
            prepare_print,
            self.receipt_id,
            s.staff.id,
            self.ctx.settings.get(settings.RECEIPT_LAYOUT),
            on_done=on_done,
            on_error=self._failed,
        )

    def _send(self, printer: QPrinter) -> None:
        self._printing = True
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        self._prepare(lambda copy: self._paint(printer, copy))

    def _send_escpos(self, printer: EscposPrinter, copy: PrintCopy, drawer: bool) -> None:
        """The same receipt as lines to the ESC/POS printer; an original cash receipt
        opens the drawer (a copy never does). Logged once the printer took it."""
        self.ctx.worker.submit(
            printer.print_lines,
            copy.lines,
            open_drawer=drawer and copy.cash and not copy.reprint,
            on_done=lambda _none: self._record(copy),
            on_error=self._failed,
        )

    def _alive(self) -> bool:
        """False once the dialog was closed and deleted while its print went on."""
        return shiboken6.isValid(self) and shiboken6.isValid(self.view)

    def _paint(self, printer: QPrinter, copy: PrintCopy) -> None:
        try:
            paint_pdf(printer, copy.pdf)
        except PrintError as exc:
            self._failed(exc)  # nothing was logged: the next print is the same copy
            return
        self._record(copy)

    def _record(self, copy: PrintCopy) -> None:
        self.ctx.worker.submit(
            record_print,
            copy,
            on_done=lambda _none: self._recorded(copy),
            on_error=self._not_recorded,
        )

    def _recorded(self, copy: PrintCopy) -> None:
        if not self._alive():
            return
        self._printing = False
        self.print_button.setEnabled(True)
        self.prints += 1
        if copy.reprint:
            self.status.setText(self.tr("Printed a copy marked 重印."))
        else:
            self.status.setText(self.tr("Printed."))
        self.print_button.setText(self.tr("Print a copy (Enter)"))
        self.ctx.events.publish(ReceiptPrinted(receipt_id=copy.receipt_id, reprint=copy.reprint))
        self.printed.emit(copy)
        self._prepare(lambda next_copy: self.show_pdf(next_copy.pdf))  # what Enter prints next

    def _not_recorded(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._printing = False
        self.print_button.setEnabled(True)
        self.status.setText(
            self.tr("Printed, but the print could not be recorded: {reason}").format(
                reason=user_text(exc)
            )
        )

    def _failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._printing = False
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("Not printed: {reason}").format(reason=user_text(exc)))

    def show_pdf(self, pdf: bytes) -> None:
        """Show `pdf` in the preview instead of what it showed."""
        if not self._alive():
            return
        document, buffer = load_pdf(pdf)
        self.view.setDocument(document)
        self.document.close()
        self.document, self._buffer, self.pdf = document, buffer, pdf

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.print_receipt()
            event.accept()
            return
        super().keyPressEvent(event)
