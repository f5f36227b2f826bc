"""Reprinting the receipt of a payment from the account's history.

The receipt document, the 重印 mark and the print log belong to fee collection: its
service `gasdesk.services.receipts` makes the PDF of the next print
(`prepare_print(receipt_id, staff_id)`: the original the first time, a copy marked
重印 every time after) and logs a print once it was sent (`record_print(copy)`).
This module only finds that service and shows what it returns; when the service is
not part of the build, `receipt_reprint_service()` is None and the tab says that
reprinting is not available instead of printing anything.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from gasdesk.domain.events import ReceiptPrinted
from gasdesk.ui.context import AppContext
from gasdesk.ui.messages import user_text
from gasdesk.ui.pdf_preview import PdfPreview
from gasdesk.ui.window_fit import fit_dialog

SERVICE_MODULE = "gasdesk.services.receipts"
PREPARE, RECORD = "prepare_print", "record_print"

Service = tuple[Callable[..., Any], Callable[[Any], None]]


def receipt_reprint_service() -> Service | None:
    """(prepare_print(receipt_id, staff_id) -> PrintCopy, record_print(copy)), or None."""
    try:
        module = importlib.import_module(SERVICE_MODULE)
    except ImportError:
        return None
    prepare, record = getattr(module, PREPARE, None), getattr(module, RECORD, None)
    return (prepare, record) if callable(prepare) and callable(record) else None


class ReceiptCopyDialog(QDialog):
    """The receipt as its next print will be (marked 重印 once it was printed), ready
    to print (Ctrl+P); the print is logged once the printer took it."""

    def __init__(
        self,
        ctx: AppContext,
        copy: Any,
        record: Callable[[Any], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.copy = copy
        self.record = record
        code = str(copy.code)
        self.setObjectName("receiptCopyDialog")
        title = (
            self.tr("Receipt {code} — copy (重印)") if copy.reprint else self.tr("Receipt {code}")
        )
        self.setWindowTitle(title.format(code=code))
        fit_dialog(self, QSize(420, 640))
        self.preview = PdfPreview(self, settings=ctx.settings)
        self.preview.set_pdf(copy.pdf, f"receipt-{code}.pdf")
        self.preview.printed.connect(self._printed)
        self.error = QLabel("")
        self.error.setObjectName("receiptCopyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        self.preview.print_button.setFocus()

    def _printed(self, _pages: int) -> None:
        self.ctx.worker.submit(
            self.record, self.copy, on_done=self._recorded, on_error=self._failed
        )

    def _recorded(self, _none: object) -> None:
        self.ctx.events.publish(
            ReceiptPrinted(receipt_id=int(self.copy.receipt_id), reprint=bool(self.copy.reprint))
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(
            self.tr("Printed, but the print could not be recorded: {reason}").format(
                reason=user_text(exc)
            )
        )
        self.error.show()
