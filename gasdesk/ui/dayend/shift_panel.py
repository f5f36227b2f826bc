"""The teller's shift: open it with a float counted by denomination, pay cash in or
out with a reason, count the drawer blind, then see expected against counted, have
a supervisor approve a difference, and close the shift."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.dayend import Reconciliation, ShiftClosureInfo, ShiftStatus
from gasdesk.domain.money import format_yuan, parse_amount
from gasdesk.services import reconcile, shift_close, shifts
from gasdesk.ui.context import AppContext
from gasdesk.ui.dayend.count_box import BlindCountBox
from gasdesk.ui.dayend.denominations import DenominationForm
from gasdesk.ui.dayend.models import ReconciliationModel, difference_text
from gasdesk.ui.dayend.supervisor import SupervisorDialog
from gasdesk.ui.fees.labels import method_label
from gasdesk.ui.fees.settings import ceiling_fen
from gasdesk.ui.formdesk.common import clock
from gasdesk.ui.messages import user_text


class ShiftPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: ShiftStatus | None = None
        self.recounting = False
        self.dialog: SupervisorDialog | None = None
        layout = QVBoxLayout(self)

        self.status_line = QLabel()
        self.status_line.setObjectName("shiftStatus")
        self.status_line.setStyleSheet("font-size: 15px;")
        self.message = QLabel()
        self.message.setObjectName("shiftMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.status_line)
        layout.addWidget(self.message)

        self.open_box = QGroupBox(self.tr("Open a shift: count the opening float"))
        box = QVBoxLayout(self.open_box)
        self.float_form = DenominationForm()
        self.open_button = QPushButton(self.tr("&Open shift"))
        self.open_button.setObjectName("openShift")
        box.addWidget(self.float_form)
        box.addWidget(self.open_button)
        self.float_form.submitted.connect(self.open_shift)
        self.open_button.clicked.connect(self.open_shift)
        layout.addWidget(self.open_box)

        self.move_box = QGroupBox(self.tr("Cash paid in or out of the drawer"))
        row = QHBoxLayout(self.move_box)
        self.move_amount = QLineEdit()
        self.move_amount.setObjectName("moveAmount")
        self.move_amount.setPlaceholderText(self.tr("Amount, e.g. 500.00"))
        self.move_reason = QLineEdit()
        self.move_reason.setObjectName("moveReason")
        self.move_reason.setPlaceholderText(self.tr("Reason, e.g. bank deposit"))
        self.move_reason.setMaxLength(200)
        self.pay_in_button = QPushButton(self.tr("Pay &in"))
        self.pay_out_button = QPushButton(self.tr("Pay o&ut"))
        self.pay_in_button.setObjectName("payIn")
        self.pay_out_button.setObjectName("payOut")
        self.movements = QListWidget()
        self.movements.setObjectName("movements")
        self.movements.setMaximumHeight(70)
        for w in (self.move_amount, self.move_reason, self.pay_in_button, self.pay_out_button):
            row.addWidget(w)
        row.addWidget(self.movements, 1)
        self.move_amount.returnPressed.connect(self.move_reason.setFocus)
        self.pay_in_button.clicked.connect(lambda: self.record_movement("in"))
        self.pay_out_button.clicked.connect(lambda: self.record_movement("out"))
        layout.addWidget(self.move_box)

        self.count_box = BlindCountBox()
        self.count_form = self.count_box.form
        self.terminal = self.count_box.terminal
        self.count_box.submitted.connect(self.record_count)
        layout.addWidget(self.count_box)

        self.result_box = QGroupBox(self.tr("Expected against counted"))
        box = QVBoxLayout(self.result_box)
        self.model = ReconciliationModel(self)
        self.table = QTableView()
        self.table.setObjectName("reconciliation")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.cash_detail = QLabel()
        self.cash_detail.setObjectName("cashDetail")
        self.cash_detail.setWordWrap(True)
        box.addWidget(self.table)
        box.addWidget(self.cash_detail)
        buttons = QHBoxLayout()
        self.difference_button = QPushButton(self.tr("Record &difference…"))
        self.difference_button.setObjectName("recordDifference")
        self.recount_button = QPushButton(self.tr("Count &again"))
        self.close_button = QPushButton(self.tr("C&lose shift"))
        self.close_button.setObjectName("closeShift")
        for button in (self.difference_button, self.recount_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.difference_button.clicked.connect(self.ask_difference)
        self.recount_button.clicked.connect(self.start_recount)
        self.close_button.clicked.connect(self.close_shift)
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        self._show(None)
        ctx.events.data_changed.connect(self._data_changed)

    # --- talking to the services -------------------------------------------------

    def _submit(self, fn: Any, *args: Any, on_done: Any, **kwargs: Any) -> None:
        self.ctx.worker.submit(fn, *args, on_done=on_done, on_error=self._refused, **kwargs)

    def _refused(self, exc: BaseException) -> None:
        self._say(user_text(exc), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1e7b34;")
        if error:
            self.ctx.events.moment.emit("refusal", {"message": text})
        else:  # the work is done: an apology for an earlier refusal is over
            self.ctx.events.moment.emit("done", {})

    def today(self) -> dt.date:
        return clock(self.ctx).date()

    def refresh(self) -> None:
        s = self.ctx.session
        self.ctx.worker.submit(
            _load_status,
            s.staff.id,
            s.counter.id,
            on_done=self._show,
            on_error=self._refused,
            channel="dayend-shift",
        )

    def _data_changed(self, what: str) -> None:
        if what in ("payment", "void") and self.isVisible():
            self.refresh()

    # --- showing the state -------------------------------------------------------

    def _show(self, status: ShiftStatus | None) -> None:
        self.status = status
        has_shift = status is not None
        rec = status.reconciliation if status else None
        counted = rec is not None and not self.recounting
        state = (
            status.shift.id if status else None,
            counted,
            (rec.count_id, rec.outstanding, rec.stale) if rec else None,
        )
        moved_on = state != getattr(self, "_state", None)
        self._state = state
        self.open_box.setVisible(not has_shift)
        self.move_box.setVisible(has_shift)
        self.count_box.setVisible(has_shift and not counted)
        self.result_box.setVisible(counted)
        self.model.set_reconciliation(rec if counted else None)
        if status is None:
            self.status_line.setText(self.tr("No open shift at this counter."))
            if moved_on:
                self.float_form.focus_first()
            return
        sh = status.shift
        self.status_line.setText(
            self.tr(
                "Shift of {badge} at counter {counter}, {date}, opened {time}; "
                "float ¥{float}; {n} payments."
            ).format(
                badge=sh.staff_badge,
                counter=sh.counter_number,
                date=sh.business_date.isoformat(),
                time=f"{sh.opened_at:%H:%M}",
                float=format_yuan(sh.opening_float_fen),
                n=status.payments,
            )
        )
        self.movements.clear()
        for m in status.movements:
            sign = "+" if m.direction == "in" else "−"
            self.movements.addItem(
                f"{m.created_at:%H:%M} {sign}{format_yuan(m.amount_fen)} {m.reason}"
            )
        if counted and rec is not None:
            self._show_result(rec, moved_on)
        elif moved_on:
            self.count_form.focus_first()

    def _show_result(self, rec: Reconciliation, focus: bool) -> None:
        c = rec.cash
        self.cash_detail.setText(
            self.tr(
                "Cash: float ¥{float} + taken ¥{taken} − change ¥{change} + paid in ¥{pin} "
                "− paid out ¥{pout} − voids ¥{voids} − refunds ¥{refunds} = expected ¥{expected}."
            ).format(
                float=format_yuan(c.opening_float_fen),
                taken=format_yuan(c.cash_taken_fen),
                change=format_yuan(c.change_given_fen),
                pin=format_yuan(c.paid_in_fen),
                pout=format_yuan(c.paid_out_fen),
                voids=format_yuan(c.cash_voids_fen),
                refunds=format_yuan(c.cash_refunds_fen),
                expected=format_yuan(c.expected_fen),
            )
            + (
                "\n"
                + self.tr("Payments or cash movements were recorded after this count: count again.")
                if rec.stale
                else ""
            )
        )
        self.difference_button.setEnabled(bool(rec.outstanding) and not rec.stale)
        self.close_button.setEnabled(not rec.outstanding and not rec.stale)
        if not focus:
            return
        if rec.outstanding and not rec.stale:
            self.difference_button.setFocus()
        elif not rec.stale:
            self.close_button.setFocus()

    # --- actions -----------------------------------------------------------------

    def open_shift(self) -> None:
        try:
            counts = self.float_form.count().as_dict()
        except Exception as exc:  # CountError: a pasted value the validator let through
            self._refused(exc)
            return
        s = self.ctx.session
        self._submit(
            shifts.open_shift,
            s.staff.id,
            s.counter.id,
            counts,
            business_date=self.today(),
            on_done=self._opened,
        )

    def _opened(self, _info: object) -> None:
        self.float_form.clear()
        self._say(self.tr("Shift opened."))
        self.ctx.events.data_changed.emit("shift")
        self.refresh()

    def record_movement(self, direction: str) -> None:
        if self.status is None:
            return
        ceiling = ceiling_fen(self.ctx.settings)
        try:
            amount = parse_amount(self.move_amount.text(), ceiling_fen=ceiling)
        except Exception as exc:  # AmountError: says why
            self._refused(exc)
            self.move_amount.setFocus()
            return
        fn = shifts.pay_in if direction == "in" else shifts.pay_out
        self._submit(
            fn,
            self.status.shift.id,
            self.ctx.session.staff.id,
            amount,
            self.move_reason.text(),
            ceiling_fen=ceiling,
            on_done=self._moved,
        )

    def _moved(self, m: Any) -> None:
        self.move_amount.clear()
        self.move_reason.clear()
        text = (
            self.tr("Paid in ¥{amount}.") if m.direction == "in" else self.tr("Paid out ¥{amount}.")
        )
        self._say(text.format(amount=format_yuan(m.amount_fen)))
        self.ctx.events.data_changed.emit("shift")
        self.refresh()

    def record_count(self) -> None:
        if self.status is None:
            return
        try:
            counts, declared = self.count_box.values()
        except Exception as exc:  # CountError / AmountError
            self._refused(exc)
            return
        self._submit(
            reconcile.record_blind_count,
            self.status.shift.id,
            self.ctx.session.staff.id,
            counts,
            declared,
            on_done=self._counted,
        )

    def _counted(self, rec: Reconciliation) -> None:
        self.recounting = False
        self.count_box.clear()
        self._say(
            self.tr("Count recorded: ¥{total} in the drawer.").format(
                total=format_yuan(rec.count.total_fen)
            )
        )
        self.ctx.events.data_changed.emit("count")
        self.refresh()

    def start_recount(self) -> None:
        self.recounting = True
        self._show(self.status)
        self.count_form.focus_first()

    def ask_difference(self) -> None:
        rec = self.status.reconciliation if self.status else None
        if rec is None or not rec.outstanding:
            return
        method = rec.outstanding[0]
        line = rec.line(method)
        self.dialog = SupervisorDialog(
            self.tr("Record a difference"),
            self.tr("{method}: {difference}. Give the reason; a supervisor confirms it.").format(
                method=method_label(method), difference=difference_text(line.difference_fen)
            ),
            reason_label=self.tr("Reason"),
            parent=self,
        )
        self.dialog.confirmed.connect(lambda b, p, r, m=method: self._record_difference(m, b, p, r))
        self.dialog.show()

    def _record_difference(self, method: str, badge: str, password: str, reason: str) -> None:
        if self.status is None or self.dialog is None:
            return
        dialog = self.dialog
        self.ctx.worker.submit(
            shift_close.record_difference,
            self.status.shift.id,
            self.ctx.session.staff.id,
            method,
            reason,
            badge,
            password,
            on_done=self._difference_recorded,
            on_error=lambda exc: dialog.refused(user_text(exc)),
        )

    def _difference_recorded(self, d: Any) -> None:
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None
        self._say(
            self.tr("{difference} recorded, approved by {badge}.").format(
                difference=difference_text(d.difference_fen), badge=d.supervisor_badge
            )
        )
        self.refresh()

    def close_shift(self) -> None:
        if self.status is None:
            return
        self._submit(
            shift_close.close_shift,
            self.status.shift.id,
            self.ctx.session.staff.id,
            on_done=self._closed,
        )

    def _closed(self, info: ShiftClosureInfo) -> None:
        self._say(
            self.tr("Shift closed: expected ¥{expected}, counted ¥{counted}.").format(
                expected=format_yuan(info.expected_cash_fen),
                counted=format_yuan(info.counted_cash_fen),
            )
        )
        self.ctx.events.data_changed.emit("shift")
        self.refresh()


def _load_status(staff_id: int, counter_id: int) -> ShiftStatus | None:
    """Worker side: the open shift of this teller at this counter, with its status."""
    current = shifts.current_shift(staff_id, counter_id)
    return reconcile.shift_status(current.id) if current else None
