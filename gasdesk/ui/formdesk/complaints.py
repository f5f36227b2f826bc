"""Complaints: terms and overdue ones first, escalation, upholding against staff."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.events import FormUpdated
from gasdesk.domain.form_records import ComplaintInfo
from gasdesk.domain.money import format_yuan
from gasdesk.domain.records import StaffInfo
from gasdesk.services.complaints import (
    escalate_complaint,
    list_complaints,
    list_staff,
    uphold_complaint,
)
from gasdesk.ui.context import AppContext
from gasdesk.ui.formdesk.common import OVERDUE, Names, RowsModel, clock, error_text, fmt_d
from gasdesk.ui.table_view import row_table


class ComplaintsPage(QWidget):
    overdue_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.names = Names(self)
        self.model = RowsModel(
            [
                self.tr("Number"),
                self.tr("Complainant"),
                self.tr("Level"),
                self.tr("Received"),
                self.tr("Reply due"),
                self.tr("Result due"),
                self.tr("State"),
                self.tr("Satisfaction"),
                self.tr("Compensation"),
            ],
            self._cells,
            self._tint,
            parent=self,
        )
        self.table = row_table(self.model, "complaints", single=True)
        self.overdue_only = QCheckBox(self.tr("&Overdue only"))
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(lambda _on: self.refresh())
        self.summary = QLabel()
        self.summary.setObjectName("overdueSummary")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why (for the history)"))
        self.escalate_button = QPushButton(self.tr("&Escalate"))
        self.escalate_button.setObjectName("escalate")
        self.escalate_button.clicked.connect(self.escalate)
        self.staff = QComboBox()
        self.staff.setObjectName("upheldAgainst")
        self.uphold_button = QPushButton(self.tr("&Uphold against staff (30 yuan compensation)"))
        self.uphold_button.setObjectName("uphold")
        self.uphold_button.clicked.connect(self.uphold)
        self.uphold_button.setEnabled(ctx.session.staff.is_supervisor)
        self.staff.setEnabled(ctx.session.staff.is_supervisor)
        self.message = QLabel()
        self.message.setObjectName("complaintsMessage")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.overdue_only)
        top.addStretch(1)
        top.addWidget(self.summary)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.escalate_button)
        actions.addWidget(self.staff)
        actions.addWidget(self.uphold_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        ctx.worker.submit(list_staff, ctx.session.office.id, on_done=self._staff_loaded)

    def _cells(self, c: ComplaintInfo) -> list[str]:
        state = []
        if c.reply_overdue:
            state.append(self.tr("Reply overdue"))
        if c.result_overdue:
            state.append(self.tr("Result overdue"))
        if not state:
            state.append(self.names.status(c.form.status))
        if c.deadline_warning:
            state.append("⚠")
        return [
            c.form.number,
            c.form.customer,
            self.names.level(c.level),
            fmt_d(c.received_on),
            self._term(c, c.reply_due),
            self._term(c, c.result_due),
            ", ".join(state),
            self.names.satisfaction(c.satisfaction),
            format_yuan(c.compensation_fen) if c.upheld else "",
        ]

    def _term(self, c: ComplaintInfo, due: dt.date | None) -> str:
        """A term counted over a year with no known holiday schedule is an estimate."""
        if due is None or not c.deadline_warning:
            return fmt_d(due)
        return self.tr("est. {date}").format(date=fmt_d(due))

    def _tint(self, c: ComplaintInfo) -> QColor | None:
        return OVERDUE if c.overdue else None

    def _staff_loaded(self, staff: list[StaffInfo]) -> None:
        self.staff.clear()
        for s in staff:
            self.staff.addItem(f"{s.name} ({s.badge})", s.id)

    def current(self) -> ComplaintInfo | None:
        return self.model.item(self.table.currentIndex().row())

    def refresh(self) -> None:
        today = clock(self.ctx).date()
        self.ctx.worker.submit(
            list_complaints,
            today,
            on_done=self._loaded,
            on_error=self._failed,
            channel="complaints",
        )

    def _loaded(self, items: list[ComplaintInfo]) -> None:
        overdue = sum(1 for c in items if c.overdue)
        keep = c.form.id if (c := self.current()) else None
        shown = [c for c in items if c.overdue] if self.overdue_only.isChecked() else items
        self.model.set_rows(shown)
        for i, c in enumerate(shown):
            if c.form.id == keep:
                self.table.selectRow(i)
        self.summary.setText(
            self.tr("{n} overdue").format(n=overdue) if overdue else self.tr("None overdue")
        )
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;" if overdue else "")
        self.overdue_changed.emit(overdue)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))

    def _done(self, c: ComplaintInfo, text: str) -> None:
        self.note.clear()
        self.message.setText(text)
        self.ctx.events.publish(FormUpdated(c.form.number))

    def escalate(self) -> None:
        c = self.current()
        if c is None:
            return
        self.ctx.worker.submit(
            escalate_complaint,
            c.form.id,
            staff_id=self.ctx.session.staff.id,
            note=self.note.text(),
            at=clock(self.ctx),
            on_done=lambda r: self._done(
                r,
                self.tr("{number} passed to: {level}").format(
                    number=r.form.number, level=self.names.level(r.level)
                ),
            ),
            on_error=self._failed,
        )

    def uphold(self) -> None:
        c = self.current()
        against = self.staff.currentData()
        if c is None or against is None:
            return
        self.ctx.worker.submit(
            uphold_complaint,
            c.form.id,
            staff_id=self.ctx.session.staff.id,
            against_staff_id=int(against),
            note=self.note.text(),
            at=clock(self.ctx),
            on_done=lambda r: self._done(
                r,
                self.tr("{number} upheld; compensation {amount} yuan recorded.").format(
                    number=r.form.number, amount=format_yuan(r.compensation_fen)
                ),
            ),
            on_error=self._failed,
        )
