"""Voiding a payment (冲正): a supervisor's badge and password and a reason.

The void form makes its idempotency key when it opens, so pressing Enter twice
voids once. Enter moves from badge to password to reason, and submits from there.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.errors import TellerError
from gasdesk.domain.events import Refused, VoidCommitted
from gasdesk.domain.fees import PaymentRow, ReceiptInfo
from gasdesk.domain.money import format_yuan
from gasdesk.services.auth import LoginError
from gasdesk.services.voids import void_payment
from gasdesk.ui.context import AppContext
from gasdesk.ui.credentials import badge_field, error_label, password_field
from gasdesk.ui.fees.labels import kind_label, method_label
from gasdesk.ui.messages import user_text


class VoidDialog(QDialog):
    voided = Signal(object)  # ReceiptInfo of the void slip

    def __init__(self, ctx: AppContext, row: PaymentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.key = uuid.uuid4().hex
        self.busy = False
        self.setObjectName("voidDialog")
        self.setWindowTitle(self.tr("Void payment {code}").format(code=row.code))
        self.setModal(True)
        what = QLabel(
            self.tr("{kind} {code}: account {number} {name}, {method} ¥{amount}").format(
                kind=kind_label(row.kind),
                code=row.code,
                number=row.account_number,
                name=row.account_name,
                method=method_label(row.method),
                amount=format_yuan(row.amount_fen),
            )
        )
        what.setWordWrap(True)
        note = QLabel(
            self.tr(
                "A void needs a supervisor. The payment stays on record; a reversing entry and a void slip are made."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.badge = badge_field("supervisorBadge")
        self.password = password_field("supervisorPassword")
        self.reason = QLineEdit()
        self.reason.setObjectName("voidReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(
            self.tr("e.g. wrong amount entered, customer changed payment method")
        )
        form = QFormLayout()
        form.addRow(self.tr("Supervisor badge:"), self.badge)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Reason:"), self.reason)
        self.error = error_label("voidError")
        self.submit_button = QPushButton(self.tr("Void (Enter)"))
        self.submit_button.setObjectName("voidSubmit")
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        for b in (self.submit_button, cancel):
            b.setAutoDefault(False)
        self.submit_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        self.badge.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.badge.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.submit_button.setEnabled(False)
        self.error.setText("")
        s = self.ctx.session
        self.ctx.worker.submit(
            void_payment,
            payment_id=self.row.payment_id,
            staff_id=s.staff.id,
            counter_id=s.counter.id,
            supervisor_badge=self.badge.text(),
            supervisor_password=self.password.text(),
            reason=self.reason.text(),
            idempotency_key=self.key,
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, info: ReceiptInfo) -> None:
        self.busy = False
        self.password.clear()
        self.ctx.events.publish(VoidCommitted.of(info))
        self.voided.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.submit_button.setEnabled(True)
        message = user_text(exc)
        self.error.setText(message)
        self.ctx.events.publish(Refused(message))
        if isinstance(exc, LoginError) or (
            isinstance(exc, TellerError) and exc.code == "credentials_missing"
        ):
            self.password.clear()
            (self.password if self.badge.text().strip() else self.badge).setFocus()
        else:
            self.reason.setFocus()
