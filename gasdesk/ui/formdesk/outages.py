"""Outage notices: register by area (one that overlaps a cooking peak asks first), withdraw,
and check whether an address is affected."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.events import OutageRegistered, OutageWithdrawn
from gasdesk.domain.form_records import OutageInfo
from gasdesk.domain.outages import Area
from gasdesk.services.outages import (
    PeakHoursConfirmationNeeded,
    cancel_outage,
    list_outages,
    outages_for_address,
    register_outage,
)
from gasdesk.ui.context import AppContext
from gasdesk.ui.formdesk.common import WARN, RowsModel, clock, error_text, fmt_dt
from gasdesk.ui.table_view import row_table


def _py(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class OutagesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.peak_box: QMessageBox | None = None
        self.street = QLineEdit()
        self.street.setObjectName("outageStreet")
        self.community = QLineEdit()
        self.community.setObjectName("outageCommunity")
        self.building_from = QSpinBox()
        self.building_from.setObjectName("outageFrom")
        self.building_to = QSpinBox()
        self.building_to.setObjectName("outageTo")
        for box in (self.building_from, self.building_to):
            box.setRange(0, 999)
            box.setSpecialValueText(self.tr("all"))
        now = QDateTime.currentDateTime().addDays(1)
        now.setTime(QTime(9, 0))
        self.starts = QDateTimeEdit(now)
        self.starts.setObjectName("outageStart")
        self.restores = QDateTimeEdit(now.addSecs(4 * 3600))
        self.restores.setObjectName("outageRestore")
        for edit in (self.starts, self.restores):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("outageReason")
        self.register_button = QPushButton(self.tr("Re&gister notice"))
        self.register_button.setObjectName("registerOutage")
        self.register_button.clicked.connect(lambda: self.register(confirm_peak=False))
        buildings = QHBoxLayout()
        buildings.addWidget(self.building_from)
        buildings.addWidget(QLabel("–"))
        buildings.addWidget(self.building_to)
        buildings.addStretch(1)
        form_box = QGroupBox(self.tr("New outage notice"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("&Street or road"), self.street)
        form.addRow(self.tr("Co&mmunity"), self.community)
        form.addRow(self.tr("Buildings"), buildings)
        form.addRow(self.tr("Start"), self.starts)
        form.addRow(self.tr("Expected restoration"), self.restores)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.register_button)

        self.model = RowsModel(
            [
                self.tr("Area"),
                self.tr("Start"),
                self.tr("Restoration"),
                self.tr("Reason"),
                self.tr("Peak"),
            ],
            lambda o: [
                o.area_text,
                fmt_dt(o.starts_at),
                fmt_dt(o.restore_at),
                o.reason,
                self.tr("yes") if o.in_peak else "",
            ],
            lambda o: WARN if o.in_peak else None,
            parent=self,
        )
        self.table = row_table(self.model, "outages")
        self.withdraw_button = QPushButton(self.tr("&Withdraw notice"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.check = QLineEdit()
        self.check.setObjectName("outageCheckAddress")
        self.check.setPlaceholderText(self.tr("Address to check, Enter"))
        self.check.returnPressed.connect(self.check_address)
        self.check_result = QLabel()
        self.check_result.setObjectName("outageCheckResult")
        self.check_result.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("outagesMessage")
        self.message.setWordWrap(True)

        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.check, 1)
        row.addWidget(self.withdraw_button)
        right.addLayout(row)
        right.addWidget(self.check_result)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(form_box)
        left.addWidget(self.message)
        left.addStretch(1)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def refresh(self) -> None:
        self.ctx.worker.submit(
            list_outages,
            clock(self.ctx),
            on_done=self.model.set_rows,
            on_error=self._failed,
            channel="outages",
        )

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))
        self.message.setStyleSheet("color: #b00020;")

    def area(self) -> Area:
        first = self.building_from.value() or None  # 0 shows as 'all'
        last = self.building_to.value() or None
        if first is not None and last is None:
            last = first
        return Area(self.street.text(), self.community.text(), first, last)

    def register(self, confirm_peak: bool) -> None:
        s = self.ctx.session
        self.ctx.worker.submit(
            register_outage,
            office_id=s.office.id,
            staff_id=s.staff.id,
            area=self.area(),
            starts_at=_py(self.starts.dateTime()),
            restore_at=_py(self.restores.dateTime()),
            reason=self.reason.text(),
            confirm_peak=confirm_peak,
            at=clock(self.ctx),
            on_done=self._registered,
            on_error=self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, PeakHoursConfirmationNeeded):
            box = QMessageBox(self)
            box.setObjectName("peakConfirm")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Cooking peak"))
            box.setText(
                self.tr(
                    "The outage overlaps the cooking peak {window}. Outages should avoid peak hours. Register it anyway?"
                ).format(window=self.tr(", ").join(w.text for w in exc.windows))
            )
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.accepted.connect(lambda: self.register(confirm_peak=True))
            box.finished.connect(lambda _r: setattr(self, "peak_box", None))
            self.peak_box = box
            box.open()
            return
        self._failed(exc)

    def _registered(self, o: OutageInfo) -> None:
        self.message.setStyleSheet("color: #1a5276;")
        self.message.setText(
            self.tr("Notice registered: {area}, {start} to {end}.").format(
                area=o.area_text, start=fmt_dt(o.starts_at), end=fmt_dt(o.restore_at)
            )
        )
        self.ctx.events.publish(OutageRegistered(o.id))
        self.refresh()

    def withdraw(self) -> None:
        o = self.model.item(self.table.currentIndex().row())
        if o is None:
            return
        self.ctx.worker.submit(
            cancel_outage,
            o.id,
            staff_id=self.ctx.session.staff.id,
            on_done=self._withdrawn,
            on_error=self._failed,
        )

    def _withdrawn(self, o: OutageInfo) -> None:
        self.ctx.events.publish(OutageWithdrawn(o.id))
        self.refresh()

    def check_address(self) -> None:
        self.ctx.worker.submit(
            outages_for_address, self.check.text(), clock(self.ctx), on_done=self._checked
        )

    def _checked(self, found: list[OutageInfo]) -> None:
        if not found:
            self.check_result.setText(self.tr("No planned outage affects this address."))
            return
        self.check_result.setText(
            "\n".join(
                self.tr("Affected: {area}, {start} to {end}").format(
                    area=o.area_text, start=fmt_dt(o.starts_at), end=fmt_dt(o.restore_at)
                )
                for o in found
            )
        )
