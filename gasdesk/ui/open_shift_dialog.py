"""Opening a shift from the fee tab: the teller who finds no open shift counts the
opening float by denomination here, without leaving the customer. Enter moves from
one denomination to the next and opens the shift from the last; Esc backs out.

Shown with open() and answered through `opened` (non-blocking, as every dialog)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.dayend import ShiftInfo
from gasdesk.domain.events import Refused, ShiftOpened
from gasdesk.services import shifts
from gasdesk.ui.context import AppContext
from gasdesk.ui.credentials import error_label
from gasdesk.ui.dayend.denominations import DenominationForm
from gasdesk.ui.formdesk.common import clock
from gasdesk.ui.messages import user_text


class OpenShiftDialog(QDialog):
    opened = Signal(object)  # ShiftInfo of the shift just opened

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.setObjectName("openShiftDialog")
        s = ctx.session
        self.setWindowTitle(self.tr("Open a shift"))
        self.setModal(True)
        prompt = QLabel(
            self.tr(
                "Counter {counter}, {badge} {name}: count the opening float in the drawer "
                "by denomination. Enter moves on; Enter in the last field opens the shift."
            ).format(counter=s.counter.number, badge=s.staff.badge, name=s.staff.name)
        )
        prompt.setWordWrap(True)
        self.form = DenominationForm()
        self.form.submitted.connect(self.submit)
        self.error = error_label("openShiftError")
        self.open_button = QPushButton(self.tr("Open shift (Enter)"))
        self.open_button.setObjectName("openShiftSubmit")
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        for b in (self.open_button, cancel):
            b.setAutoDefault(False)
        self.open_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.form.focus_first()

    def submit(self) -> None:
        if self.busy:
            return
        try:
            counts = self.form.count().as_dict()
        except Exception as exc:  # CountError: a pasted value the validator let through
            self.error.setText(user_text(exc))
            return
        self.busy = True
        self.open_button.setEnabled(False)
        self.error.clear()
        s = self.ctx.session
        self.ctx.worker.submit(
            shifts.open_shift,
            s.staff.id,
            s.counter.id,
            counts,
            business_date=clock(self.ctx).date(),
            on_done=self._opened,
            on_error=self._failed,
        )

    def _opened(self, info: ShiftInfo) -> None:
        self.busy = False
        self.opened.emit(info)
        self.ctx.events.publish(ShiftOpened(info.id))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.open_button.setEnabled(True)
        message = user_text(exc)
        self.error.setText(message)
        self.ctx.events.publish(Refused(message))
        self.form.focus_first()
