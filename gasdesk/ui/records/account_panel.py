"""One account at a glance: details, balance or arrears, inspection, open forms and
outage notices above; readings with the usage chart, bills and payments, and the
reported-reading form in tabs below."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gasdesk import settings
from gasdesk.domain.account_view import AccountView, PaymentLine
from gasdesk.domain.money import format_yuan
from gasdesk.domain.readings import format_m3
from gasdesk.ui.context import AppContext
from gasdesk.ui.messages import user_text
from gasdesk.ui.records.changes_model import ChangesModel
from gasdesk.ui.records.history_models import BillsModel, PaymentsModel, ReadingsModel
from gasdesk.ui.records.reading_form import ReadingReportForm
from gasdesk.ui.records.reprint import ReceiptCopyDialog, receipt_reprint_service
from gasdesk.ui.records.statement_dialog import StatementDialog
from gasdesk.ui.records.usage_chart import UsageChart
from gasdesk.ui.table_view import row_table

TITLE_STYLE = "font-size: 22px; font-weight: bold;"


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    view = row_table(model, name, single=True, row_numbers=False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    return view


class AccountPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: AccountView | None = None
        self.today: dt.date | None = None  # None: the real date (tests fix it)
        self._dialogs: list[QWidget] = []

        self.outage = QLabel("")
        self.outage.setObjectName("outageBanner")
        self.outage.setWordWrap(True)
        self.outage.setStyleSheet(
            "background: #fde2e1; color: #8a1c1c; padding: 6px; font-size: 15px;"
        )
        self.outage.hide()
        self.title = QLabel("")
        self.title.setObjectName("accountTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet(TITLE_STYLE)
        self.money = QLabel("")
        self.money.setObjectName("accountMoney")
        self.money.setTextFormat(Qt.TextFormat.PlainText)
        self.money.setStyleSheet("font-size: 18px;")
        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        labels = {
            "address": self.tr("Address"),
            "phone": self.tr("Mobile"),
            "meter": self.tr("Meter"),
            "old_meters": self.tr("Earlier meters"),
            "inspection": self.tr("Last safety inspection"),
            "forms": self.tr("Open business forms"),
            "status": self.tr("Supply"),
        }
        for i, (key, label) in enumerate(labels.items()):
            value = QLabel("")
            value.setObjectName(f"account_{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            caption = QLabel(label + "：")
            caption.setStyleSheet("color: #52606d;")
            grid.addWidget(caption, i // 2, (i % 2) * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        self.readings_model = ReadingsModel(self)
        self.readings_table = _table(self.readings_model, "readingsTable")
        self.chart = UsageChart()
        readings_split = QSplitter(Qt.Orientation.Vertical)
        readings_split.addWidget(self.chart)
        readings_split.addWidget(self.readings_table)
        readings_split.setSizes([380, 300])

        self.bills_model = BillsModel(self)
        self.bills_table = _table(self.bills_model, "billsTable")
        self.payments_model = PaymentsModel(self)
        self.payments_table = _table(self.payments_model, "paymentsTable")
        self.payments_table.doubleClicked.connect(lambda _i: self.reprint_selected())
        self.reprint_button = QPushButton(self.tr("Reprint receipt (Alt+P)"))
        self.reprint_button.setObjectName("reprintReceipt")
        self.reprint_button.setShortcut("Alt+P")
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.ledger_status = QLabel("")
        self.ledger_status.setObjectName("ledgerStatus")
        self.ledger_status.setTextFormat(Qt.TextFormat.PlainText)
        self.ledger_status.setWordWrap(True)
        ledger = QWidget()
        ledger_layout = QVBoxLayout(ledger)
        ledger_layout.addWidget(QLabel(self.tr("Bills")))
        ledger_layout.addWidget(self.bills_table, 1)
        ledger_layout.addWidget(QLabel(self.tr("Payments")))
        ledger_layout.addWidget(self.payments_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.ledger_status, 1)
        row.addWidget(self.reprint_button)
        ledger_layout.addLayout(row)

        self.changes_model = ChangesModel(self)
        self.changes_table = _table(self.changes_model, "changesTable")
        self.reading_form = ReadingReportForm(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("accountTabs")
        self.tabs.addTab(readings_split, self.tr("Readings (Alt+1)"))
        self.tabs.addTab(ledger, self.tr("Bills and payments (Alt+2)"))
        self.tabs.addTab(self.reading_form, self.tr("Report a reading (Alt+R)"))
        self.tabs.addTab(self.changes_table, self.tr("Changes (Alt+3)"))

        self.statement_button = QPushButton(self.tr("Statement… (Alt+S)"))
        self.statement_button.setObjectName("statementButton")
        self.statement_button.setShortcut("Alt+S")
        self.statement_button.clicked.connect(self.open_statement)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.money)
        head.addWidget(self.statement_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.outage)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)

    # -- showing an account ---------------------------------------------------------
    def show_view(self, view: AccountView) -> None:
        self.view = view
        a = view.account
        types = {"residential": self.tr("residential"), "commercial": self.tr("commercial")}
        kind = types.get(a.user_type, a.user_type)
        self.title.setText(f"{a.name}  {a.number}  {kind}{self._short_status(a.status)}")
        self.fields["status"].setText(self._status(view))
        self.title.setStyleSheet(TITLE_STYLE + ("" if a.status == "active" else " color: #b42318;"))
        if view.arrears_fen > 0:
            self.money.setStyleSheet("font-size: 18px; color: #b42318; font-weight: bold;")
            self.money.setText(
                self.tr("Owes ¥{amount} ({bills} unpaid bills)").format(
                    amount=format_yuan(view.arrears_fen), bills=view.unpaid_bills
                )
            )
        else:
            self.money.setStyleSheet("font-size: 18px; color: #137333;")
            self.money.setText(self.tr("Nothing owed"))
        if view.balance_fen:
            self.money.setText(
                self.money.text()
                + "  "
                + self.tr("Prepaid ¥{amount}").format(amount=format_yuan(view.balance_fen))
            )
        self.fields["address"].setText(a.address)
        self.fields["phone"].setText(a.phone or "—")
        m = view.meter
        if m is None:
            self.fields["meter"].setText(self.tr("no meter in service"))
        else:
            kind = self.tr("IC card") if m.kind == "ic_card" else self.tr("mechanical")
            verified = m.last_verified.isoformat() if m.last_verified else "—"
            self.fields["meter"].setText(
                self.tr(
                    "{number} ({kind}, {model}), installed {installed}, verified {verified}"
                ).format(
                    number=m.number,
                    kind=kind,
                    model=m.model,
                    installed=m.installed_on.isoformat(),
                    verified=verified,
                )
            )
        self.fields["old_meters"].setText(
            "; ".join(
                self.tr("{number} removed {removed}").format(
                    number=o.number, removed=o.removed_on.isoformat() if o.removed_on else "—"
                )
                for o in view.old_meters
            )
            or "—"
        )
        self.fields["inspection"].setText(
            view.last_inspection.isoformat() if view.last_inspection else self.tr("none recorded")
        )
        self.fields["forms"].setText(
            "; ".join(f"{f.number} {f.kind} ({f.status})" for f in view.open_forms)
            or self.tr("none")
        )
        if view.outages:
            self.outage.setText(
                "\n".join(
                    self.tr("Planned outage {start} – {end}: {area} ({reason})").format(
                        start=o.starts_at.strftime("%Y-%m-%d %H:%M"),
                        end=o.ends_at.strftime("%Y-%m-%d %H:%M"),
                        area=o.area,
                        reason=o.reason,
                    )
                    for o in view.outages
                )
            )
        self.outage.setVisible(bool(view.outages))
        self.readings_model.set_readings(view.readings)
        year = (
            view.readings[-1].read_on.year
            if view.readings
            else (self.today or dt.date.today()).year
        )
        self.chart.set_usage(year, view.usage(year), view.usage(year - 1))
        self.bills_model.set_rows(view.bills)
        self.changes_model.set_history(view.history)
        self.payments_model.set_rows(view.payments)
        self.ledger_status.clear()
        last = view.readings[-1] if view.readings else None
        previous = (
            self.tr("Previous reading: {value} m³ on {date} (meter {meter}).").format(
                value=format_m3(last.value_l),
                date=last.read_on.isoformat(),
                meter=last.point.meter_number,
            )
            if last is not None
            else ""
        )
        self.reading_form.today = self.today
        self.reading_form.set_account(a.id, previous)

    def _short_status(self, status: str) -> str:
        return {
            "active": "",
            "suspended": self.tr(" (suspended)"),
            "closed": self.tr(" (closed)"),
        }.get(status, f" ({status})")

    def _status(self, view: AccountView) -> str:
        """The supply status with the reason, who and since when (from the history)."""
        status = view.account.status
        line = view.status_line
        if status == "active":
            return self.tr("supplied")
        if line is None:
            return self._short_status(status).strip(" ()")
        day = line.at.date().isoformat()
        if status == "closed":
            return self.tr("closed on {day} ({reason}, {by})").format(
                day=day, reason=line.reason, by=line.staff_name
            )
        return self.tr("stopped since {day}: {reason} ({by})").format(
            day=day, reason=line.reason or "—", by=line.staff_name
        )

    # -- actions --------------------------------------------------------------------
    def focus_reading_form(self) -> None:
        self.tabs.setCurrentWidget(self.reading_form)
        self.reading_form.focus_value()

    def selected_payment(self) -> PaymentLine | None:
        index = self.payments_table.currentIndex()
        item = self.payments_model.item(index.row()) if index.isValid() else None
        return item if isinstance(item, PaymentLine) else None

    def reprint_selected(self) -> None:
        payment = self.selected_payment()
        if payment is None or payment.receipt_id is None:
            self.ledger_status.setText(self.tr("Choose a payment with a receipt first."))
            return
        service = receipt_reprint_service()
        if service is None:
            self.ledger_status.setText(
                self.tr("Reprinting receipts is not available in this version.")
            )
            return
        prepare, record = service
        self.ctx.worker.submit(
            prepare,
            payment.receipt_id,
            self.ctx.session.staff.id,
            self.ctx.settings.get(settings.RECEIPT_LAYOUT),
            on_done=lambda copy: self._show_copy(copy, record),
            on_error=lambda exc: self.ledger_status.setText(user_text(exc)),
            channel="records-reprint",
        )

    def _show_copy(self, copy: object, record: Callable[[Any], None]) -> None:
        dialog = ReceiptCopyDialog(self.ctx, copy, record, self)
        self._keep(dialog)
        dialog.open()

    def open_statement(self) -> None:
        if self.view is None:
            return
        dialog = StatementDialog(self.ctx, self.view.account, self.today, self)
        self._keep(dialog)
        dialog.open()

    def _keep(self, dialog: QWidget) -> None:
        self._dialogs = [d for d in self._dialogs if d.isVisible()]
        self._dialogs.append(dialog)
