"""Reprinting the receipt of a payment from the account's history.

The receipt document, the 重印 mark and the print log belong to fee collection: its
service `gasdesk.services.receipts.print_copy(receipt_id, staff_id)` makes the PDF
and logs the print (the first print is the original, every later one a copy marked
重印). This module only finds that service and shows what it returns; when the
service is not part of the build, `receipt_reprint_service()` is None and the tab
says that reprinting is not available instead of printing anything.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from gasdesk.ui.pdf_preview import PdfPreview

SERVICE_MODULE = "gasdesk.services.receipts"
SERVICE_FUNCTION = "print_copy"


def receipt_reprint_service() -> Callable[..., Any] | None:
    """print_copy(receipt_id, staff_id) -> PrintCopy(pdf, reprint, code), or None."""
    try:
        module = importlib.import_module(SERVICE_MODULE)
    except ImportError:
        return None
    fn = getattr(module, SERVICE_FUNCTION, None)
    return fn if callable(fn) else None


class ReceiptCopyDialog(QDialog):
    """The logged copy of a receipt, ready to print (Ctrl+P)."""

    def __init__(self, pdf: bytes, code: str, reprint: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptCopyDialog")
        title = self.tr("Receipt {code} — copy (重印)") if reprint else self.tr("Receipt {code}")
        self.setWindowTitle(title.format(code=code))
        self.resize(420, 640)
        self.preview = PdfPreview(self)
        self.preview.set_pdf(pdf, f"receipt-{code}.pdf")
        self.preview.printed.connect(lambda _pages: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        self.preview.print_button.setFocus()
