"""Plain values the end-of-day services hand to the UI and to printing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gasdesk.domain.cards import UnwrittenPurchase
from gasdesk.domain.cash import CashCount, ExpectedCash, MethodLine


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    office_id: int
    counter_id: int
    counter_number: int
    staff_id: int
    staff_badge: str
    staff_name: str
    business_date: dt.date
    opened_at: dt.datetime
    opening_float_fen: int
    closed_at: dt.datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class MovementInfo:
    id: int
    shift_id: int
    direction: str  # 'in' | 'out'
    amount_fen: int
    reason: str
    staff_badge: str
    created_at: dt.datetime


@dataclass(frozen=True)
class DifferenceInfo:
    id: int
    shift_id: int
    count_id: int
    method: str
    expected_fen: int
    counted_fen: int
    difference_fen: int
    reason: str
    teller_badge: str
    teller_name: str
    supervisor_badge: str
    supervisor_name: str
    created_at: dt.datetime

    @property
    def kind(self) -> str:
        return "over" if self.difference_fen > 0 else "short"


@dataclass(frozen=True)
class Reconciliation:
    """Expected against counted for one blind count. Only made once the count is
    recorded: the teller never sees the expected figures before counting."""

    shift: ShiftInfo
    count_id: int
    counted_at: dt.datetime
    count: CashCount
    cash: ExpectedCash
    lines: tuple[MethodLine, ...]  # cash first, then wechat, alipay, card
    differences: tuple[DifferenceInfo, ...] = ()
    stale: bool = False  # payments or cash movements happened after the count

    def line(self, method: str) -> MethodLine:
        return next(x for x in self.lines if x.method == method)

    @property
    def outstanding(self) -> tuple[str, ...]:
        """Methods whose difference still needs a reason and a supervisor."""
        done = {d.method for d in self.differences}
        return tuple(x.method for x in self.lines if x.difference_fen != 0 and x.method not in done)


@dataclass(frozen=True)
class ShiftStatus:
    """What the teller may see about a shift before and after the blind count."""

    shift: ShiftInfo
    float_count: CashCount | None
    movements: tuple[MovementInfo, ...]
    payments: int
    reconciliation: Reconciliation | None  # None until a blind count is recorded

    @property
    def counted(self) -> bool:
        return self.reconciliation is not None


@dataclass(frozen=True)
class ShiftClosureInfo:
    shift_id: int
    expected_cash_fen: int
    counted_cash_fen: int
    closed_at: dt.datetime
    closed_by_badge: str


@dataclass(frozen=True)
class DayClosureInfo:
    office_id: int
    business_date: dt.date
    closed_at: dt.datetime
    closed_by_badge: str
    closed_by_name: str
    payments: int
    total_fen: int
    first_receipt: str
    last_receipt: str
    audit_seq: int
    audit_hash: str


@dataclass(frozen=True)
class DayStatus:
    office_id: int
    business_date: dt.date
    shifts: tuple[ShiftInfo, ...]
    closure: DayClosureInfo | None = None
    outside_shifts: tuple[str, ...] = ()  # receipts of payments that belong to no shift

    @property
    def closed(self) -> bool:
        return self.closure is not None

    @property
    def open_shifts(self) -> tuple[ShiftInfo, ...]:
        return tuple(s for s in self.shifts if s.is_open)


@dataclass(frozen=True)
class ReceiptRange:
    """The receipts of a day in one series: first, last, and any numbers missing
    between them or between the previous day's last number and today's first."""

    series: str
    first: int
    last: int
    count: int
    gaps: tuple[int, ...] = ()
    previous_last: int | None = None  # last number of the series before this day

    @property
    def first_code(self) -> str:
        return f"{self.series}-{self.first:06d}"

    @property
    def last_code(self) -> str:
        return f"{self.series}-{self.last:06d}"

    @property
    def follows_previous(self) -> bool:
        return self.first == (self.previous_last or 0) + 1

    @property
    def gapless(self) -> bool:
        return not self.gaps and self.follows_previous


def receipt_ranges(
    numbers: list[tuple[str, int]], previous_last: dict[str, int] | None = None
) -> tuple[ReceiptRange, ...]:
    """Group (series, number) pairs by series and find the missing numbers."""
    previous_last = previous_last or {}
    by_series: dict[str, list[int]] = {}
    for series, number in numbers:
        by_series.setdefault(series, []).append(number)
    ranges = []
    for series in sorted(by_series):
        got = sorted(by_series[series])
        present = set(got)
        prev = previous_last.get(series)
        start = (prev + 1) if prev is not None else 1
        gaps = tuple(n for n in range(min(start, got[0]), got[-1] + 1) if n not in present)
        ranges.append(
            ReceiptRange(
                series=series,
                first=got[0],
                last=got[-1],
                count=len(got),
                gaps=gaps,
                previous_last=prev,
            )
        )
    return tuple(ranges)


@dataclass(frozen=True)
class TellerTotals:
    badge: str
    name: str
    by_method: dict[str, int]
    payments: int
    voids: int
    voided_fen: int  # positive: the amount reversed
    refunds: int = 0
    refunded_fen: int = 0  # positive: prepaid balances paid back (销户)

    @property
    def total_fen(self) -> int:
        return sum(self.by_method.values())


@dataclass(frozen=True)
class MethodTotal:
    method: str
    payments: int
    collected_fen: int  # originals
    voided_fen: int  # positive
    refunded_fen: int = 0  # positive: prepaid balances paid back (销户)

    @property
    def net_fen(self) -> int:
        return self.collected_fen - self.voided_fen - self.refunded_fen


@dataclass(frozen=True)
class VoidLine:
    receipt: str  # receipt of the voided payment
    teller_badge: str
    supervisor_badge: str
    method: str
    amount_fen: int  # positive: the amount reversed
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class RefundLine:
    """A prepaid balance paid back in cash (退款, when an account is closed)."""

    receipt: str  # the 退款凭证's number
    account_number: str
    account_name: str
    teller_badge: str
    supervisor_badge: str
    method: str
    amount_fen: int  # positive: the amount paid back
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class CreditLine:
    """Money credited to a prepaid balance for gas charged wrongly (表具校验: a meter
    fast beyond ±1.5%): no cash moves, the balance grows."""

    id: int
    account_number: str
    account_name: str
    kind: str  # 'meter_check'
    business_date: dt.date
    volume_l: int  # gas charged but not delivered
    amount_fen: int
    teller_badge: str
    supervisor_badge: str
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class ShiftLine:
    teller_badge: str
    teller_name: str
    counter_number: int
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    opening_float_fen: int
    paid_in_fen: int
    paid_out_fen: int
    expected_cash_fen: int | None  # known once closed
    counted_cash_fen: int | None


@dataclass(frozen=True)
class DayReport:
    office_code: str
    office_name: str
    business_date: dt.date
    generated_at: dt.datetime
    tellers: tuple[TellerTotals, ...]
    methods: tuple[MethodTotal, ...]
    voids: tuple[VoidLine, ...]
    differences: tuple[DifferenceInfo, ...]
    movements: tuple[MovementInfo, ...]
    shifts: tuple[ShiftLine, ...]
    receipts: tuple[ReceiptRange, ...]
    closure: DayClosureInfo | None
    audit_head: tuple[int, str]  # at close when closed, else the current head
    payments_without_shift: int = 0
    company: str = ""
    audit_key: str = ""  # fingerprint of the key that sealed the head ('' when not known)
    # IC-card purchases of the office paid on or before the day and not written onto
    # the card when the report was made (补写卡 is owed to these customers)
    unwritten: tuple[UnwrittenPurchase, ...] = ()
    refunds: tuple[RefundLine, ...] = ()
    credits: tuple[CreditLine, ...] = ()

    @property
    def closed(self) -> bool:
        return self.closure is not None

    @property
    def payments(self) -> int:
        return sum(m.payments for m in self.methods)

    @property
    def net_fen(self) -> int:
        return sum(m.net_fen for m in self.methods)

    @property
    def receipts_gapless(self) -> bool:
        return all(r.gapless for r in self.receipts)
