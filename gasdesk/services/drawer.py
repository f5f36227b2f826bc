"""What a shift's drawer should hold now (domain.cash.expected_cash: the float and the
cash taken, less change given, cash voided and paid out, plus cash paid in) and what
each payment terminal should show. A pay-out or a cash void larger than the cash is
refused by it (shifts.py, voids.py); the blind count (reconcile.py) is compared with it."""

from __future__ import annotations

from typing import Any

from peewee import JOIN

from gasdesk.domain.cash import (
    NON_CASH_METHODS,
    CashPaymentLine,
    ExpectedCash,
    MethodLine,
    NonCashPayment,
    expected_cash,
    non_cash_lines,
)
from gasdesk.storage.models import Payment, Shift
from gasdesk.storage.models_dayend import CashMovement


def shift_payments(shift_id: int) -> list[tuple[str, int, int, int, str, bool, bool]]:
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
    pays = shift_payments(shift_id)
    paid_in, paid_out = _movement_sums(shift_id)
    return expected_cash(
        shift.opening_float_fen,
        [CashPaymentLine(a, t, c, v, f) for m, a, t, c, _r, v, f in pays if m == "cash"],
        paid_in,
        paid_out,
    )


def expected_now(shift_id: int) -> tuple[ExpectedCash, list[MethodLine], dict[str, int]]:
    """Expected cash, the non-cash lines (declared 0) and the snapshot of expected
    totals per method that a count keeps."""
    cash = expected_cash_of(shift_id)
    pays = shift_payments(shift_id)
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
    return expected_now(shift_id)[2]
