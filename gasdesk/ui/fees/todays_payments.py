"""The day's payments at this office under the fee tab, with reprint and void.

Alt+T (the list's label) puts the keyboard on the list; the row that has the focus
is the selected one, so Ctrl+P and F9 act on the row the teller sees marked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk import settings
from gasdesk.domain.fees import PaymentRow, ReceiptInfo
from gasdesk.services import payments, receipts
from gasdesk.ui.context import AppContext
from gasdesk.ui.fees.models import PaymentsModel
from gasdesk.ui.fees.void_dialog import VoidDialog
from gasdesk.ui.messages import user_text
from gasdesk.ui.table_view import row_table


class TodaysPayments(QWidget):
    receipt_ready = Signal(int, str, bytes, bool)  # receipt id, code, PDF, print at once

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.void_dialog: VoidDialog | None = None
        self.model = PaymentsModel(self)
        self.view = row_table(self.model, "todaysPayments", single=True, row_numbers=False)
        self.reprint_button = QPushButton(self.tr("Reprint (Ctrl+P)"))
        self.reprint_button.setObjectName("reprintButton")
        self.void_button = QPushButton(self.tr("Void… (F9)"))
        self.void_button.setObjectName("voidButton")
        self.status = QLabel("")
        self.status.setObjectName("paymentsStatus")
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.void_button.clicked.connect(self.void_selected)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select(current.row())
        )
        title = QLabel(self.tr("&Today's payments at this office"))
        title.setBuddy(self.view)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.reprint_button)
        bar.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def install_shortcuts(self, host: QWidget) -> None:
        """Ctrl+P and F9 anywhere in `host` (the fee tab)."""
        for key, slot in (("Ctrl+P", self.reprint_selected), ("F9", self.void_selected)):
            shortcut = QShortcut(QKeySequence(key), host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view and event.type() == QEvent.Type.FocusIn:
            current = self.view.currentIndex()
            self._select(current.row() if current.isValid() else 0)
        return super().eventFilter(obj, event)

    def _select(self, row: int) -> None:
        """The row with the focus is the selected row (the one Ctrl+P and F9 act on)."""
        if 0 <= row < self.model.rowCount() and not self.view.selectionModel().isRowSelected(row):
            self.view.selectRow(row)

    def refresh(self) -> None:
        self.ctx.worker.submit(
            payments.list_payments,
            self.ctx.session.office.id,
            dt.date.today(),
            on_done=self.model.set_rows,
            on_error=lambda exc: self.status.setText(user_text(exc)),
            channel="fees-payments",
        )

    def selected(self) -> PaymentRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _pdf_then(self, receipt_id: int, code: str, auto_print: bool) -> None:
        """The receipt as its next print would be (marked 重印 once it was printed),
        for the preview; the preview logs a print once the printer took it."""
        receipt_id_ = receipt_id
        self.ctx.worker.submit(
            receipts.prepare_print,
            receipt_id_,
            self.ctx.session.staff.id,
            self.ctx.settings.get(settings.RECEIPT_LAYOUT),
            on_done=lambda copy: self.receipt_ready.emit(receipt_id_, code, copy.pdf, auto_print),
            on_error=lambda exc: self.status.setText(user_text(exc)),
        )

    def reprint_selected(self) -> None:
        row = self.selected()
        if row is None or row.receipt_id is None:
            self.status.setText(self.tr("Choose a payment in the list first."))
            return
        self.status.clear()
        self._pdf_then(row.receipt_id, row.code, False)

    def void_selected(self) -> None:
        row = self.selected()
        if row is None:
            self.status.setText(self.tr("Choose a payment in the list first."))
            return
        if not row.can_void:
            self.status.setText(self.tr("This payment cannot be voided."))
            return
        self.status.clear()
        dialog = VoidDialog(self.ctx, row, self.window())
        dialog.voided.connect(self._voided)
        dialog.finished.connect(lambda _r: setattr(self, "void_dialog", None))
        self.void_dialog = dialog
        dialog.open()

    def _voided(self, info: ReceiptInfo) -> None:
        self.status.setText(self.tr("Voided; void slip {code}.").format(code=info.code))
        self._pdf_then(info.receipt_id, info.code, True)
