"""The day's ledger for head office: the transactions as the CSV export has them,
with the day report's shifts, drawer counts, differences and totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gasdesk.domain.dayend import DayReport
from gasdesk.services.day_report import PaymentRow, day_payments, day_report
from gasdesk.services.shifts import day_shift_rows
from gasdesk.storage.models_dayend import CashCount, SettlementDeclaration
from gasdesk.storage.models_fapiao import FapiaoRequest


@dataclass(frozen=True)
class CountLine:
    """A count of a drawer: the opening float or a blind count at the shift's end
    (a recount supersedes the count before it)."""

    shift_id: int
    teller_badge: str
    teller_name: str
    counter_number: int
    purpose: str  # 'float' | 'close'
    counted_at: dt.datetime
    cash_fen: int
    declared: tuple[tuple[str, int], ...]  # terminals' totals at a blind count
    superseded: bool


@dataclass(frozen=True)
class DayLedger:
    report: DayReport
    rows: tuple[PaymentRow, ...]
    counts: tuple[CountLine, ...]
    shift_ids: tuple[int, ...]  # in the order of report.shifts
    fapiao_payments: frozenset[int]  # payments with a fapiao request


def _counts(office_id: int, day: dt.date) -> tuple[tuple[CountLine, ...], tuple[int, ...]]:
    shifts = day_shift_rows(office_id, day)
    by_id = {s.id: s for s in shifts}
    rows = list(
        CashCount.select()
        .where(CashCount.shift.in_(list(by_id)))
        .order_by(CashCount.counted_at, CashCount.id)
    )
    superseded = {r.supersedes_id for r in rows if r.supersedes_id}
    declared: dict[int, list[tuple[str, int]]] = {}
    for d in SettlementDeclaration.select().where(
        SettlementDeclaration.count.in_([r.id for r in rows])
    ):
        declared.setdefault(d.count_id, []).append((d.method, d.declared_fen))
    lines = []
    for r in rows:
        s = by_id[r.shift_id]
        lines.append(
            CountLine(
                shift_id=s.id,
                teller_badge=s.staff.badge,
                teller_name=s.staff.name,
                counter_number=s.counter.number,
                purpose=r.purpose,
                counted_at=r.counted_at,
                cash_fen=r.total_fen,
                declared=tuple(sorted(declared.get(r.id, []))),
                superseded=r.id in superseded,
            )
        )
    return tuple(lines), tuple(s.id for s in shifts)


def day_ledger(office_id: int, day: dt.date) -> DayLedger:
    rows = day_payments(office_id, day)
    counts, shift_ids = _counts(office_id, day)
    requested = FapiaoRequest.select(FapiaoRequest.payment).where(
        FapiaoRequest.payment.in_([r.id for r in rows])
    )
    return DayLedger(
        report=day_report(office_id, day),
        rows=tuple(rows),
        counts=counts,
        shift_ids=shift_ids,
        fapiao_payments=frozenset(f.payment_id for f in requested),
    )
