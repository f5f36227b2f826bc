"""What the meter-records view shows of one account (plain values from the services)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from gasdesk.domain.lifecycle import HistoryLine
from gasdesk.domain.readings import ReadingRow, monthly_usage
from gasdesk.domain.records import AccountSummary, OfficeInfo


@dataclass(frozen=True)
class MeterInfo:
    id: int
    number: str
    kind: str  # 'mechanical' | 'ic_card'
    model: str
    installed_on: dt.date
    last_verified: dt.date | None
    removed_on: dt.date | None
    initial_l: int

    @property
    def in_service(self) -> bool:
        return self.removed_on is None


@dataclass(frozen=True)
class OpenForm:
    id: int
    number: str
    kind: str
    status: str
    created_at: dt.datetime


@dataclass(frozen=True)
class OutageNotice:
    """A planned interruption of supply that affects the account's address."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    area: str
    reason: str


@dataclass(frozen=True)
class BillLine:
    id: int
    period_start: dt.date
    period_end: dt.date
    volume_l: int
    amount_fen: int
    settled: bool  # a payment that is not voided is linked to it
    receipt_code: str  # the receipt of the payment that settled it ('' if open)


@dataclass(frozen=True)
class PaymentLine:
    id: int
    business_date: dt.date
    created_at: dt.datetime
    kind: str  # 'bill' | 'purchase' | 'prepay' | 'void'
    method: str
    amount_fen: int  # negative for a void
    volume_l: int
    receipt_id: int | None
    receipt_code: str
    voided: bool  # a later void points at this payment
    voids_receipt: str  # for a void: the receipt it cancels
    reason: str


@dataclass(frozen=True)
class AccountView:
    account: AccountSummary
    office_name: str
    opened_on: dt.date
    last_inspection: dt.date | None
    meter: MeterInfo | None  # in service
    old_meters: tuple[MeterInfo, ...]
    balance_fen: int  # prepaid balance
    arrears_fen: int  # bills not settled
    unpaid_bills: int
    open_forms: tuple[OpenForm, ...]
    outages: tuple[OutageNotice, ...]
    readings: tuple[ReadingRow, ...]  # oldest first
    bills: tuple[BillLine, ...]  # newest first
    payments: tuple[PaymentLine, ...]  # newest first
    history: tuple[HistoryLine, ...] = ()  # the account's changes, oldest first

    @property
    def status_line(self) -> HistoryLine | None:
        """The change that set the present status (its reason, who, when), if known."""
        return next((h for h in reversed(self.history) if h.field == "status"), None)

    def usage(self, year: int) -> list[int]:
        return monthly_usage(self.readings, year)


def arrears(bills: Sequence[BillLine]) -> tuple[int, int]:
    """(amount in fen, number of bills) not settled."""
    open_bills = [b for b in bills if not b.settled]
    return sum(b.amount_fen for b in open_bills), len(open_bills)


@dataclass(frozen=True)
class Statement:
    """Readings and payments of one account over a period, for printing."""

    company: str
    service_phone: str
    account: AccountSummary
    office: OfficeInfo
    start: dt.date
    end: dt.date
    readings: tuple[ReadingRow, ...]
    bills: tuple[BillLine, ...]
    payments: tuple[PaymentLine, ...]
    printed_at: dt.datetime
    printed_by: str

    @property
    def volume_l(self) -> int:
        return sum(r.volume_l for r in self.readings if r.volume_l is not None)

    @property
    def billed_fen(self) -> int:
        return sum(b.amount_fen for b in self.bills)

    @property
    def paid_fen(self) -> int:
        """Payments net of voids within the period."""
        return sum(p.amount_fen for p in self.payments)
