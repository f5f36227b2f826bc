"""The ledgers head office receives, as plain values: the monthly receivables ledger
(应收台账) with its tie to the day reports, the arrears list by age (欠费清单), and the
fapiao requests (开票申请). Amounts are integer fen; the export turns them into yuan.

Receivables are the bills written (Bill rows, dated by when they were written);
readings not billed yet are not receivables. A bill is settled by payments (its
PaymentBill rows, dated by the payment's business day): paid in money, or credited
from the prepaid balance; a void settles back negatively on its own day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# each ledger's name on head office's forms (file names, the command's report)
LEDGER_NAMES = {
    "day": "交易明细",
    "receivables": "应收台账",
    "arrears": "欠费清单",
    "fapiao": "开票申请",
}


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def after(self) -> dt.date:
        """The first day of the next month."""
        return dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def days(self) -> list[dt.date]:
        n = (self.after - self.first).days
        return [self.first + dt.timedelta(days=i) for i in range(n)]

    @staticmethod
    def of(day: dt.date) -> Month:
        return Month(day.year, day.month)

    @staticmethod
    def parse(text: str) -> Month:
        """'2026-11' (or '2026/11', '202611') -> Month; ValueError otherwise."""
        digits = text.strip().replace("/", "-")
        if "-" in digits:
            year, _, month = digits.partition("-")
        else:
            year, month = digits[:4], digits[4:]
        value = Month(int(year), int(month))
        if not 1 <= value.month <= 12 or not 1900 < value.year < 3000:
            raise ValueError(text)
        return value


@dataclass(frozen=True)
class ReceivableLine:
    """One account's month: arrears at the start, billed, paid, credited, arrears at
    the end (start + billed - paid - credited)."""

    account_number: str
    account_name: str
    office_code: str
    user_type: str
    start_fen: int
    billed_fen: int
    paid_fen: int  # settled with money (cash, WeChat Pay, Alipay, card)
    credited_fen: int  # settled from the prepaid balance
    end_fen: int


@dataclass(frozen=True)
class DayTotal:
    """One business day of the office's day reports: payments and voids, and the net
    amount collected (payments less voids, every method)."""

    day: dt.date
    payments: int
    voids: int
    net_fen: int


@dataclass(frozen=True)
class CollectionTie:
    """How the ledger's settlements tie to the day reports of the month.

    bills at this office = settled (paid + credited) - settled at other offices
    + settled here for other offices' accounts; day reports = bills at this office
    + IC-card gas + prepayments (each net of voids)."""

    settled_fen: int
    elsewhere_fen: int
    for_others_fen: int
    bills_here_fen: int
    purchases_fen: int
    prepayments_fen: int
    day_reports_fen: int
    days: tuple[DayTotal, ...]


@dataclass(frozen=True)
class ReceivablesLedger:
    office_code: str  # '' for every office
    office_name: str
    month: Month
    lines: tuple[ReceivableLine, ...]
    tie: CollectionTie
    generated_at: dt.datetime

    def total(self, field: str) -> int:
        return sum(getattr(line, field) for line in self.lines)


AGE_BANDS = ("within_1", "from_1_to_3", "over_3")


@dataclass(frozen=True)
class ArrearsLine:
    """An account's unpaid bills by age: the months since the end of each bill's
    period, at most 1, over 1 up to 3, over 3."""

    account_number: str
    account_name: str
    address: str
    phone: str
    office_code: str
    status: str
    bills: int
    oldest_period_end: dt.date
    within_1_fen: int
    from_1_to_3_fen: int
    over_3_fen: int
    balance_fen: int  # prepaid balance, which can pay the bills

    @property
    def total_fen(self) -> int:
        return self.within_1_fen + self.from_1_to_3_fen + self.over_3_fen


@dataclass(frozen=True)
class ArrearsList:
    office_code: str
    office_name: str
    as_of: dt.date
    lines: tuple[ArrearsLine, ...]
    generated_at: dt.datetime


def minus_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the month's last day where the
    day does not exist: 31 May minus 3 months is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    last = (first_next - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def age_band(period_end: dt.date, as_of: dt.date) -> str:
    """'within_1' (ended at most a month before `as_of`), 'from_1_to_3', 'over_3'."""
    if period_end >= minus_months(as_of, 1):
        return "within_1"
    if period_end >= minus_months(as_of, 3):
        return "from_1_to_3"
    return "over_3"


@dataclass(frozen=True)
class FapiaoLine:
    """A fapiao request, per payment, for the e-fapiao platform."""

    business_date: dt.date
    requested_at: dt.datetime
    office_code: str
    receipt: str
    account_number: str
    account_name: str
    kind: str
    method: str
    amount_fen: int
    buyer_name: str
    tax_number: str
    phone: str
    email: str
    teller_badge: str
    withdrawn_by: str  # the void's receipt, '' while the request stands

    @property
    def withdrawn(self) -> bool:
        return bool(self.withdrawn_by)
