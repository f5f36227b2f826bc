"""The blind count at the end of a shift, expected against counted per payment
method, differences approved by a supervisor, and closing the shift.

The expected figures are computed here but handed out only inside a `Reconciliation`,
which exists only for a recorded blind count: the teller counts without seeing them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from peewee import JOIN

from gasdesk.domain.cash import (
    NON_CASH_METHODS,
    CashCount,
    CashPaymentLine,
    ExpectedCash,
    MethodLine,
    NonCashPayment,
    expected_cash,
    non_cash_lines,
)
from gasdesk.domain.dayend import (
    DifferenceInfo,
    Reconciliation,
    ShiftStatus,
)
from gasdesk.domain.limits import check_total
from gasdesk.services.dayend_guard import refuse_if_day_closed
from gasdesk.services.shifts import get_shift, load_open_shift, movements
from gasdesk.services.shifts import write_count_lines as _write_lines
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Payment, Shift, Staff
from gasdesk.storage.models_dayend import (
    CashCount as CashCountRow,
)
from gasdesk.storage.models_dayend import (
    CashCountLine,
    CashMovement,
    SettlementDeclaration,
    ShiftDifference,
)


def _payments(shift_id: int) -> list[tuple[str, int, int, int, str, bool, bool]]:
    """(method, amount, tendered, change, reference, is_void, is_refund) of the shift's
    payments; a void takes the method of the payment it reverses."""
    original = Payment.alias()
    rows: Any = (
        Payment.select(
            Payment.method,
            Payment.amount_fen,
            Payment.tendered_fen,
            Payment.change_fen,
            Payment.reference,
            Payment.voids,
            original.method.alias("original_method"),
            Payment.kind,
        )
        .join(original, JOIN.LEFT_OUTER, on=(Payment.voids == original.id))
        .where(Payment.shift == shift_id)
        .tuples()
    )
    out = []
    for method, amount, tendered, change, reference, voids, original_method, kind in rows:
        is_void = voids is not None
        out.append(
            (
                original_method if is_void and original_method else method,
                amount,
                tendered,
                change,
                reference or "",
                is_void,
                kind == "refund",
            )
        )
    return out


def _movement_sums(shift_id: int) -> tuple[list[int], list[int]]:
    query: Any = (
        CashMovement.select(CashMovement.direction, CashMovement.amount_fen)
        .where(CashMovement.shift == shift_id)
        .tuples()
    )
    rows = list(query)
    return [a for d, a in rows if d == "in"], [a for d, a in rows if d == "out"]


def expected_cash_of(shift_id: int) -> ExpectedCash:
    shift = Shift.get_by_id(shift_id)
    pays = _payments(shift_id)
    paid_in, paid_out = _movement_sums(shift_id)
    return expected_cash(
        shift.opening_float_fen,
        [CashPaymentLine(a, t, c, v, f) for m, a, t, c, _r, v, f in pays if m == "cash"],
        paid_in,
        paid_out,
    )


def _expected_now(shift_id: int) -> tuple[ExpectedCash, list[MethodLine], dict[str, int]]:
    """Expected cash, the non-cash lines (declared 0) and the snapshot of expected
    totals per method that a count keeps."""
    cash = expected_cash_of(shift_id)
    pays = _payments(shift_id)
    lines = non_cash_lines(
        [NonCashPayment(m, a, r, v) for m, a, _t, _c, r, v, _f in pays if m in NON_CASH_METHODS],
        {},
    )
    snapshot = {"cash": cash.expected_fen}
    snapshot.update({x.method: x.expected_fen for x in lines})
    return cash, lines, snapshot


def expected_totals(shift_id: int) -> dict[str, int]:
    """What the system expects per method now (cash and each non-cash method). For
    tools and benchmarks: the teller's screens show it only after a blind count."""
    return _expected_now(shift_id)[2]


def latest_count(shift_id: int) -> CashCountRow | None:
    return (
        CashCountRow.select()
        .where((CashCountRow.shift == shift_id) & (CashCountRow.purpose == "close"))
        .order_by(CashCountRow.id.desc())
        .first()
    )


def _count_of(row: CashCountRow) -> CashCount:
    lines = CashCountLine.select().where(CashCountLine.count == row.id)
    return CashCount.of({x.denomination_fen: x.pieces for x in lines})


def difference_info(d: ShiftDifference) -> DifferenceInfo:
    teller = Staff.get_by_id(d.recorded_by_id)
    sup = Staff.get_by_id(d.approved_by_id)
    return DifferenceInfo(
        id=d.id,
        shift_id=d.shift_id,
        count_id=d.count_id,
        method=d.method,
        expected_fen=d.expected_fen,
        counted_fen=d.counted_fen,
        difference_fen=d.difference_fen,
        reason=d.reason,
        teller_badge=teller.badge,
        teller_name=teller.name,
        supervisor_badge=sup.badge,
        supervisor_name=sup.name,
        created_at=d.created_at,
    )


def _reconciliation(row: CashCountRow) -> Reconciliation:
    count = _count_of(row)
    declared = {
        d.method: d.declared_fen
        for d in SettlementDeclaration.select().where(SettlementDeclaration.count == row.id)
    }
    snapshot: dict[str, int] = json.loads(row.expected_json or "{}")
    cash, _lines, now_snapshot = _expected_now(row.shift_id)
    pays = _payments(row.shift_id)
    lines = [
        MethodLine(
            method="cash",
            transactions=sum(1 for m, *_rest, v, _f in pays if m == "cash" and not v),
            expected_fen=cash.expected_fen,
            counted_fen=count.total_fen,
        ),
        *non_cash_lines(
            [
                NonCashPayment(m, a, r, v)
                for m, a, _t, _c, r, v, _f in pays
                if m in NON_CASH_METHODS
            ],
            declared,
        ),
    ]
    diffs = (
        ShiftDifference.select().where(ShiftDifference.count == row.id).order_by(ShiftDifference.id)
    )
    return Reconciliation(
        shift=get_shift(row.shift_id),
        count_id=row.id,
        counted_at=row.counted_at,
        count=count,
        cash=cash,
        lines=tuple(lines),
        differences=tuple(difference_info(d) for d in diffs),
        stale=snapshot != now_snapshot,
    )


def reconciliation(shift_id: int) -> Reconciliation | None:
    """Expected against counted for the latest blind count; None before any count."""
    row = latest_count(shift_id)
    return _reconciliation(row) if row else None


def shift_status(shift_id: int) -> ShiftStatus:
    shift = get_shift(shift_id)
    float_row = (
        CashCountRow.select()
        .where((CashCountRow.shift == shift_id) & (CashCountRow.purpose == "float"))
        .order_by(CashCountRow.id.desc())
        .first()
    )
    payments = Payment.select().where((Payment.shift == shift_id) & Payment.voids.is_null()).count()
    return ShiftStatus(
        shift=shift,
        float_count=_count_of(float_row) if float_row else None,
        movements=movements(shift_id),
        payments=payments,
        reconciliation=reconciliation(shift_id),
    )


def record_blind_count(
    shift_id: int,
    staff_id: int,
    counts: Mapping[int, int],
    declared: Mapping[str, int] | None = None,
) -> Reconciliation:
    """Record the teller's count of the drawer by denomination and the non-cash totals
    read off the terminals; only then are the expected figures shown. A recount is a
    new count that supersedes the previous one."""
    cash = CashCount.of(counts)
    declared = dict(declared or {})
    for method, value in declared.items():
        if method not in NON_CASH_METHODS:
            raise ValueError(method)
        check_total(value)  # whole fen, not negative, at most the hard maximum
    with write_transaction():
        shift = load_open_shift(shift_id, staff_id)
        refuse_if_day_closed(shift.office_id, shift.business_date)
        previous = latest_count(shift_id)
        _cash, _lines, snapshot = _expected_now(shift_id)
        row = CashCountRow.create(
            shift=shift_id,
            purpose="close",
            staff=staff_id,
            total_fen=cash.total_fen,
            expected_json=json.dumps(snapshot, sort_keys=True),
            supersedes=previous.id if previous else None,
        )
        _write_lines(row, cash)
        SettlementDeclaration.insert_many(
            [
                {"count": row.id, "method": m, "declared_fen": declared.get(m, 0)}
                for m in NON_CASH_METHODS
            ]
        ).execute()
        audit.append(
            "blind_count",
            staff_id=staff_id,
            office_id=shift.office_id,
            shift_id=shift_id,
            count_id=row.id,
            recount_of=previous.id if previous else None,
            counted_fen=cash.total_fen,
            pieces={str(v): n for v, n in cash.pieces if n},
            declared={m: declared.get(m, 0) for m in NON_CASH_METHODS},
            expected=snapshot,
        )
    return _reconciliation(CashCountRow.get_by_id(row.id))
