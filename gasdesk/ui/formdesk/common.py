"""What the form pages share: the clock, the UI language, translated status names,
and a read-only table model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from gasdesk.domain.form_spec import Status
from gasdesk.ui.context import AppContext
from gasdesk.ui.table_model import RowTableModel

CLOCK_KEY = "clock"  # ctx.extras[CLOCK_KEY]: a callable returning the current datetime (tests)


def clock(ctx: AppContext) -> dt.datetime:
    fn: Callable[[], dt.datetime] | None = ctx.extras.get(CLOCK_KEY)
    return fn() if fn else dt.datetime.now().replace(microsecond=0)


def use_english(ctx: AppContext) -> bool:
    """Form labels are Chinese with an optional English version: English when the
    application runs in English (the default locale it set when installing translators)."""
    return QLocale().language() != QLocale.Language.Chinese


class Names(QObject):
    """Translated names of statuses, levels, satisfaction and visit kinds."""

    def status(self, s: Status) -> str:
        return {
            Status.RECEIVED: self.tr("Received"),
            Status.IN_PROGRESS: self.tr("In progress"),
            Status.REPLIED: self.tr("Replied"),
            Status.FOLLOWED_UP: self.tr("Followed up"),
            Status.CLOSED: self.tr("Closed"),
        }[s]

    def level(self, code: str) -> str:
        return {
            "operations": self.tr("Operations department"),
            "company": self.tr("Company"),
            "bureau": self.tr("Municipal public utilities bureau"),
        }.get(code, code)

    def satisfaction(self, code: str) -> str:
        return {
            "satisfied": self.tr("Satisfied"),
            "basically": self.tr("Basically satisfied"),
            "unsatisfied": self.tr("Not satisfied"),
            "": "",
        }.get(code, code)

    def visit_kind(self, code: str) -> str:
        return {
            "installation": self.tr("Installation"),
            "repair": self.tr("Repair"),
            "inspection": self.tr("Safety inspection"),
        }.get(code, code)

    def action(self, code: str) -> str:
        return {
            "submitted": self.tr("Submitted"),
            "advanced": self.tr("Status changed"),
            "escalated": self.tr("Escalated"),
            "upheld": self.tr("Upheld against staff"),
            "printed": self.tr("Copy printed"),
            "return_visit": self.tr("Return visit"),
            "visited": self.tr("Home visit"),
            "confirmation_printed": self.tr("Confirmation printed"),
        }.get(code, code)

    def effect(self, name: str) -> str:
        """What a business effect does, as the panel's heading names it."""
        return {
            "open_account": self.tr("open the account and register its meter"),
            "info_change": self.tr("change the holder's contact details"),
            "supply_change": self.tr("stop or restore the gas supply"),
            "close_account": self.tr("close the account and refund its balance"),
            "transfer_holder": self.tr("bill the old holder and pass the account to the new one"),
            "change_user_type": self.tr("bill at the old tariff and change the user type"),
            "change_meter": self.tr("bill the old meter and register the new one"),
            "meter_check": self.tr("record the check and credit an over-charge"),
        }.get(name, name)

    def effect_hint(self, name: str) -> str:
        """What the teller does before confirming the effect."""
        return {
            "open_account": self.tr(
                "Fill in the meter the crew installed, then Ctrl+Enter: the account is "
                "opened with the next number of the office."
            ),
            "info_change": self.tr(
                "Ctrl+Enter changes the account's details; the old ones stay in its history."
            ),
            "supply_change": self.tr(
                "Ctrl+Enter changes the supply status of the account, with the reason given."
            ),
            "close_account": self.tr(
                "Check the settlement with the customer. A supervisor authorises the refund "
                "(badge, password, Enter); the cash comes from your drawer."
            ),
            "transfer_holder": self.tr(
                "Enter the transfer reading and what becomes of the prepaid balance; check "
                "the bill with both holders. A supervisor authorises (badge, password, Enter)."
            ),
            "change_user_type": self.tr(
                "Enter the meter's reading today, then Ctrl+Enter: the gas up to it is billed "
                "at the old tariff, the gas after it at the new one."
            ),
            "change_meter": self.tr(
                "Enter the old meter's final reading and the new meter the crew fitted, then "
                "Ctrl+Enter: the old meter's gas is billed and the new meter is in service."
            ),
            "meter_check": self.tr(
                "Enter the laboratory's result. A meter fast beyond 1.5% is credited for the "
                "gas it over-registered; a supervisor approves (badge, password, Enter)."
            ),
        }.get(name, "")


class RowsModel(RowTableModel):
    """Read-only rows: `cells(row) -> list[str]`, optional `tint(row) -> QColor | None`."""

    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[Any], list[str]],
        tint: Callable[[Any], QColor | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._tint = tint

    def headers(self) -> list[str]:
        return self._headers

    def cell(self, item: Any, column: int) -> str:
        cells = self._cells(item)
        return cells[column] if column < len(cells) else ""

    def extra(self, item: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and self._tint is not None:
            color = self._tint(item)
            return QBrush(color) if color is not None else None
        return None


OVERDUE = QColor("#f9d6d5")
WARN = QColor("#fff3cd")


def fmt_dt(value: dt.datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def fmt_d(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def error_text(exc: BaseException) -> str:
    """A refusal or failure from below the UI, translated for the teller."""
    from gasdesk.ui.messages import user_text

    return user_text(exc)
