"""The office's business day: its shifts, closing it (supervisor), the day report
(A4 and Z slip, previewed and printed), the CSV export and the .xlsx ledgers for the
head office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.dayend import DayClosureInfo, DayReport, DayStatus
from gasdesk.domain.events import DayClosed
from gasdesk.domain.money import format_yuan
from gasdesk.services import day_close, day_export, day_report
from gasdesk.ui.context import AppContext
from gasdesk.ui.dates import day_edit, to_date
from gasdesk.ui.dayend.ledger_export import LedgerExport
from gasdesk.ui.dayend.supervisor import SupervisorDialog
from gasdesk.ui.file_dialogs import SafeFileDialog, save_dialog
from gasdesk.ui.form_preview import FormPreviewDialog
from gasdesk.ui.formdesk.common import clock
from gasdesk.ui.messages import user_text


class DayPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day_status: DayStatus | None = None
        self.dialog: SupervisorDialog | None = None
        self.preview: FormPreviewDialog | None = None
        self.file_dialog: SafeFileDialog | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        label = QLabel(self.tr("Business da&te"))
        self.date = day_edit("dayDate", self.today())
        label.setBuddy(self.date)
        self.date.dateChanged.connect(lambda _d: self.refresh())
        top.addWidget(label)
        top.addWidget(self.date)
        top.addStretch(1)
        layout.addLayout(top)

        self.summary = QLabel()
        self.summary.setObjectName("daySummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 15px;")
        layout.addWidget(self.summary)
        self.shifts = QListWidget()
        self.shifts.setObjectName("dayShifts")
        layout.addWidget(self.shifts, 1)
        self.message = QLabel()
        self.message.setObjectName("dayMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close the &day…"))
        self.close_button.setObjectName("closeDay")
        self.a4_button = QPushButton(self.tr("Day &report (A4)"))
        self.a4_button.setObjectName("reportA4")
        self.slip_button = QPushButton(self.tr("&Z slip (80 mm)"))
        self.slip_button.setObjectName("reportSlip")
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        self.export_button.setObjectName("exportCsv")
        for b in (self.close_button, self.a4_button, self.slip_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # the ledgers on a row of their own: beside the buttons the page would be wider
        # than a 1366-pixel screen leaves it next to the phrase panel
        ledgers = QHBoxLayout()
        self.ledgers = LedgerExport(ctx, self.day, lambda text, error: self._say(text, error=error))
        ledgers.addWidget(self.ledgers)
        ledgers.addStretch(1)
        layout.addLayout(ledgers)
        self.close_button.clicked.connect(self.ask_close)
        self.a4_button.clicked.connect(lambda: self.show_report("a4"))
        self.slip_button.clicked.connect(lambda: self.show_report("slip"))
        self.export_button.clicked.connect(self.choose_export_file)

    def today(self) -> dt.date:
        return clock(self.ctx).date()

    def day(self) -> dt.date:
        return to_date(self.date.date())

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1e7b34;")

    def _refused(self, exc: BaseException) -> None:
        self._say(user_text(exc), error=True)

    def refresh(self) -> None:
        self.ctx.worker.submit(
            day_close.day_status,
            self.ctx.session.office.id,
            self.day(),
            on_done=self._show,
            on_error=self._refused,
            channel="dayend-day",
        )

    def _show(self, status: DayStatus) -> None:
        self.day_status = status
        self.shifts.clear()
        for s in status.shifts:
            state = (
                self.tr("open")
                if s.is_open
                else self.tr("closed {time}").format(time=f"{s.closed_at:%H:%M}")
            )
            self.shifts.addItem(
                f"{s.staff_badge} {s.staff_name} — "
                + self.tr("counter {n}").format(n=s.counter_number)
                + f" — {s.opened_at:%H:%M} — {state}"
            )
        c = status.closure
        if c is not None:
            self.summary.setText(
                self.tr(
                    "Closed at {time} by {name} ({badge}): {n} payments, ¥{total}; receipts "
                    "{first} to {last}; audit chain head {seq}."
                ).format(
                    time=f"{c.closed_at:%Y-%m-%d %H:%M}",
                    name=c.closed_by_name,
                    badge=c.closed_by_badge,
                    n=c.payments,
                    total=format_yuan(c.total_fen),
                    first=c.first_receipt or "—",
                    last=c.last_receipt or "—",
                    seq=c.audit_seq,
                )
            )
        elif status.outside_shifts:
            loose = status.outside_shifts
            self.summary.setText(
                self.tr(
                    "Open: {n} payment(s) of this day belong to no shift ({receipts}); no "
                    "drawer count saw their money, so the day cannot be closed."
                ).format(
                    n=len(loose), receipts=", ".join(loose[:5]) + ("…" if len(loose) > 5 else "")
                )
            )
        elif status.open_shifts:
            self.summary.setText(
                self.tr("Open: {n} shift(s) still open; close them before the day.").format(
                    n=len(status.open_shifts)
                )
            )
        else:
            self.summary.setText(
                self.tr("Open: every shift is closed; a supervisor can close the day.")
            )
            # the close's full integrity check starts now, while the figures are read
            self.ctx.worker.submit(
                day_close.prepare_close,
                self.ctx.session.office.id,
                status.business_date,
                on_error=self._refused,
            )
        self.close_button.setEnabled(c is None)

    def ask_close(self) -> None:
        self.dialog = SupervisorDialog(
            self.tr("Close the business day"),
            self.tr(
                "Close {date} for {office}? Afterwards no payment, void, form or count of "
                "that day can be recorded."
            ).format(date=self.day().isoformat(), office=self.ctx.session.office.name),
            parent=self,
        )
        self.dialog.confirmed.connect(self._close_day)
        self.dialog.show()

    def _close_day(self, badge: str, password: str, _reason: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        self.ctx.worker.submit(
            day_close.close_day,
            self.ctx.session.office.id,
            self.day(),
            badge,
            password,
            on_done=self._closed,
            on_error=lambda exc: dialog.refused(user_text(exc)),
        )

    def _closed(self, info: DayClosureInfo) -> None:
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None
        self._say(self.tr("The day {date} is closed.").format(date=info.business_date.isoformat()))
        self.ctx.events.publish(DayClosed(info.business_date))
        self.refresh()

    def show_report(self, layout: str) -> None:
        self.ctx.worker.submit(
            day_report.day_report_pdf,
            self.ctx.session.office.id,
            self.day(),
            layout,
            on_done=lambda result: self._preview(result, layout),
            on_error=self._refused,
        )

    def _preview(self, result: tuple[DayReport, bytes], layout: str) -> None:
        report, pdf = result
        title = (
            self.tr("Day report {date}") if layout == "a4" else self.tr("Z slip {date}")
        ).format(date=report.business_date.isoformat())
        hint = "" if report.closed else self.tr("The day is not closed: this is a preview.")
        name = f"{self.ctx.session.office.code}-{report.business_date.isoformat()}-{layout}.pdf"
        self.preview = FormPreviewDialog(
            pdf, title, hint, parent=self, settings=self.ctx.settings, file_name=name
        )
        self.preview.setObjectName("dayReportPreview")
        self.preview.show()

    def choose_export_file(self) -> None:
        office = self.ctx.session.office
        name = f"{office.code}-{self.day().isoformat()}.csv"
        self.file_dialog = save_dialog(
            self, self.tr("Export the day's transactions"), name, self.tr("CSV files (*.csv)")
        )
        self.file_dialog.fileSelected.connect(self.export_to)
        self.file_dialog.open()

    def export_to(self, path: str | Path) -> None:
        self.ctx.worker.submit(
            day_export.export_day_csv,
            self.ctx.session.office.id,
            self.day(),
            str(path),
            on_done=lambda n: self._say(
                self.tr("{n} transactions exported to {path}.").format(n=n, path=str(path))
            ),
            on_error=self._refused,
        )
