"""A day's home-visit bookings; record the crew's arrival (punctuality) or cancel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.events import FormUpdated
from gasdesk.domain.form_records import AppointmentInfo
from gasdesk.services.appointments import (
    cancel_appointment,
    complete_appointment,
    list_appointments,
)
from gasdesk.ui.context import AppContext
from gasdesk.ui.dates import day_edit, to_date
from gasdesk.ui.formdesk.common import OVERDUE, Names, RowsModel, error_text
from gasdesk.ui.table_view import row_table


class AppointmentsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.names = Names(self)
        self.day = day_edit("appointmentDay", dt.date.today())
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.model = RowsModel(
            [
                self.tr("Slot"),
                self.tr("Visit"),
                self.tr("Crew"),
                self.tr("Form"),
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Address"),
                self.tr("Arrived"),
                self.tr("On time"),
            ],
            self._cells,
            lambda a: (
                OVERDUE if a.punctual is False else (QColor("#dddddd") if a.cancelled else None)
            ),
            parent=self,
        )
        self.table = row_table(self.model, "appointments")
        self.arrived = QTimeEdit(QTime.currentTime())
        self.arrived.setObjectName("arrivedAt")
        self.arrived.setDisplayFormat("HH:mm")
        self.complete_button = QPushButton(self.tr("Record arr&ival"))
        self.complete_button.setObjectName("recordArrival")
        self.complete_button.clicked.connect(self.complete)
        self.cancel_button = QPushButton(self.tr("Cancel &booking"))
        self.cancel_button.clicked.connect(self.cancel)
        self.message = QLabel()
        self.message.setObjectName("appointmentsMessage")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Crew arrived at")))
        actions.addWidget(self.arrived)
        actions.addWidget(self.complete_button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def _cells(self, a: AppointmentInfo) -> list[str]:
        on_time = "" if a.punctual is None else (self.tr("yes") if a.punctual else self.tr("late"))
        if a.cancelled:
            on_time = self.tr("cancelled")
        return [
            a.slot,
            self.names.visit_kind(a.kind),
            str(a.crew),
            a.form_number,
            a.customer,
            a.phone,
            a.address,
            f"{a.arrived_at:%H:%M}" if a.arrived_at else "",
            on_time,
        ]

    def selected_day(self) -> dt.date:
        return to_date(self.day.date())

    def refresh(self) -> None:
        self.ctx.worker.submit(
            list_appointments,
            self.selected_day(),
            include_cancelled=True,
            on_done=self.model.set_rows,
            on_error=lambda e: self.message.setText(error_text(e)),
            channel="appointments",
        )

    def current(self) -> AppointmentInfo | None:
        return self.model.item(self.table.currentIndex().row())

    def complete(self) -> None:
        a = self.current()
        if a is None:
            return
        t = self.arrived.time()
        arrived = dt.datetime.combine(a.day, dt.time(t.hour(), t.minute()))
        self.ctx.worker.submit(
            complete_appointment,
            a.id,
            staff_id=self.ctx.session.staff.id,
            arrived_at=arrived,
            on_done=self._done,
            on_error=lambda e: self.message.setText(error_text(e)),
        )

    def cancel(self) -> None:
        a = self.current()
        if a is None:
            return
        self.ctx.worker.submit(
            cancel_appointment,
            a.id,
            staff_id=self.ctx.session.staff.id,
            on_done=self._done,
            on_error=lambda e: self.message.setText(error_text(e)),
        )

    def _done(self, a: AppointmentInfo) -> None:
        if a.cancelled:
            self.message.setText(
                self.tr("Booking {number} cancelled; the slot is free again.").format(
                    number=a.form_number
                )
            )
        else:
            self.message.setText(
                (
                    self.tr("{number}: the crew was on time.")
                    if a.punctual
                    else self.tr("{number}: the crew was late.")
                ).format(number=a.form_number)
            )
        self.ctx.events.publish(FormUpdated(a.form_number))
        self.refresh()
