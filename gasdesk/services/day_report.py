"""The figures of an office's business day, for the day report and the export."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any

from peewee import JOIN, fn

from gasdesk.domain.dayend import (
    DayReport,
    DifferenceInfo,
    MethodTotal,
    RefundLine,
    ShiftLine,
    TellerTotals,
    VoidLine,
    receipt_ranges,
)
from gasdesk.domain.methods import METHODS
from gasdesk.services.cards import unwritten_of_office
from gasdesk.services.credits import credit_lines
from gasdesk.services.day_close import day_closure
from gasdesk.services.receipts import company_info
from gasdesk.services.reconcile import difference_info
from gasdesk.services.shifts import day_shift_rows, movement_info
from gasdesk.storage import audit
from gasdesk.storage.models import (
    Account,
    AuditEvent,
    Counter,
    Office,
    Payment,
    Receipt,
    Shift,
    Staff,
    now,
)
from gasdesk.storage.models_dayend import (
    CashCount,
    CashMovement,
    ShiftClosure,
    ShiftDifference,
)
from gasdesk.storage.receipt_numbers import format_code


@dataclass(frozen=True)
class PaymentRow:
    """One payment or void of the day, flattened for the report and the export."""

    id: int
    created_at: dt.datetime
    counter_number: int | None
    staff_badge: str
    staff_name: str
    shift_id: int | None
    receipt_series: str
    receipt_number: int | None
    account_number: str
    account_name: str
    kind: str
    method: str  # a void carries the method of the payment it reverses
    amount_fen: int
    tendered_fen: int
    change_fen: int
    reference: str
    voids_receipt: str
    reason: str
    authorised_by: str

    @property
    def is_void(self) -> bool:
        return self.kind == "void"

    @property
    def is_refund(self) -> bool:
        return self.kind == "refund"

    @property
    def receipt(self) -> str:
        if self.receipt_number is None:
            return ""
        return format_code(self.receipt_series, self.receipt_number)


def day_payments(office_id: int, day: dt.date) -> list[PaymentRow]:
    original = Payment.alias()
    original_receipt = Receipt.alias()
    supervisor = Staff.alias()
    query: Any = (
        Payment.select(
            Payment.id,
            Payment.created_at,
            Counter.number,
            Staff.badge,
            Staff.name,
            Payment.shift,
            Receipt.series,
            Receipt.number,
            Account.number,
            Account.name,
            Payment.kind,
            Payment.method,
            original.method,
            Payment.amount_fen,
            Payment.tendered_fen,
            Payment.change_fen,
            Payment.reference,
            Payment.voids,
            original_receipt.series,
            original_receipt.number,
            Payment.reason,
            supervisor.badge,
        )
        .join(Staff, on=(Payment.staff == Staff.id))
        .switch(Payment)
        .join(Account, on=(Payment.account == Account.id))
        .switch(Payment)
        .join(Counter, JOIN.LEFT_OUTER, on=(Payment.counter == Counter.id))
        .switch(Payment)
        .join(Receipt, JOIN.LEFT_OUTER, on=(Receipt.payment == Payment.id))
        .switch(Payment)
        .join(original, JOIN.LEFT_OUTER, on=(Payment.voids == original.id))
        .join(original_receipt, JOIN.LEFT_OUTER, on=(original_receipt.payment == original.id))
        .switch(Payment)
        .join(supervisor, JOIN.LEFT_OUTER, on=(Payment.authorised_by == supervisor.id))
        .where((Payment.office == office_id) & (Payment.business_date == day))
        .order_by(Payment.created_at, Payment.id)
        .tuples()
    )
    rows = []
    for (
        pid,
        created,
        counter_no,
        badge,
        name,
        shift_id,
        r_series,
        r_number,
        acct_no,
        acct_name,
        kind,
        method,
        orig_method,
        amount,
        tendered,
        change,
        reference,
        voids,
        o_series,
        o_number,
        reason,
        sup_badge,
    ) in query:
        rows.append(
            PaymentRow(
                id=pid,
                created_at=created,
                counter_number=counter_no,
                staff_badge=badge,
                staff_name=name,
                shift_id=shift_id,
                receipt_series=r_series or "",
                receipt_number=r_number,
                account_number=acct_no,
                account_name=acct_name,
                kind=kind,
                method=(orig_method or method) if voids else method,
                amount_fen=amount,
                tendered_fen=tendered,
                change_fen=change,
                reference=reference or "",
                voids_receipt=(f"{o_series}-{o_number:06d}" if o_series else "") if voids else "",
                reason=reason or "",
                authorised_by=sup_badge or "",
            )
        )
        if voids and not rows[-1].voids_receipt:
            rows[-1] = _with_void_mark(rows[-1], voids)
    return rows


def _with_void_mark(row: PaymentRow, original_id: int) -> PaymentRow:
    """A void whose original has no receipt still names what it reverses."""
    return replace(row, voids_receipt=f"#{original_id}")


def _teller_totals(rows: list[PaymentRow]) -> tuple[TellerTotals, ...]:
    by_badge: dict[str, list[PaymentRow]] = {}
    names: dict[str, str] = {}
    for r in rows:
        by_badge.setdefault(r.staff_badge, []).append(r)
        names[r.staff_badge] = r.staff_name
    out = []
    for badge in sorted(by_badge):
        mine = by_badge[badge]
        per_method = {m: 0 for m in METHODS}
        for r in mine:
            per_method[r.method] = per_method.get(r.method, 0) + r.amount_fen
        voids = [r for r in mine if r.is_void]
        refunds = [r for r in mine if r.is_refund]
        out.append(
            TellerTotals(
                badge=badge,
                name=names[badge],
                by_method=per_method,
                payments=len(mine) - len(voids) - len(refunds),
                voids=len(voids),
                voided_fen=-sum(r.amount_fen for r in voids),
                refunds=len(refunds),
                refunded_fen=-sum(r.amount_fen for r in refunds),
            )
        )
    return tuple(out)


def _method_totals(rows: list[PaymentRow]) -> tuple[MethodTotal, ...]:
    out = []
    methods = list(METHODS) + sorted({r.method for r in rows} - set(METHODS))
    for m in methods:
        mine = [r for r in rows if r.method == m]
        originals = [r for r in mine if not r.is_void and not r.is_refund]
        out.append(
            MethodTotal(
                method=m,
                payments=len(originals),
                collected_fen=sum(r.amount_fen for r in originals),
                voided_fen=-sum(r.amount_fen for r in mine if r.is_void),
                refunded_fen=-sum(r.amount_fen for r in mine if r.is_refund),
            )
        )
    return tuple(out)


def _shift_lines(shifts: list[Shift]) -> tuple[ShiftLine, ...]:
    ids = [s.id for s in shifts]
    moves: dict[tuple[int, str], int] = {}
    sums: Any = (
        CashMovement.select(
            CashMovement.shift, CashMovement.direction, fn.SUM(CashMovement.amount_fen)
        )
        .where(CashMovement.shift.in_(ids))
        .group_by(CashMovement.shift, CashMovement.direction)
        .tuples()
    )
    for shift_id, direction, total in sums:
        moves[(shift_id, direction)] = total
    closures = {c.shift_id: c for c in ShiftClosure.select().where(ShiftClosure.shift.in_(ids))}
    out = []
    for s in shifts:
        c = closures.get(s.id)
        out.append(
            ShiftLine(
                teller_badge=s.staff.badge,
                teller_name=s.staff.name,
                counter_number=s.counter.number,
                opened_at=s.opened_at,
                closed_at=s.closed_at,
                opening_float_fen=s.opening_float_fen,
                paid_in_fen=moves.get((s.id, "in"), 0),
                paid_out_fen=moves.get((s.id, "out"), 0),
                expected_cash_fen=c.expected_cash_fen if c else None,
                counted_cash_fen=c.counted_cash_fen if c else None,
            )
        )
    return tuple(out)


def _differences(shifts: list[Shift]) -> tuple[DifferenceInfo, ...]:
    """Differences of each shift's deciding count: the count it was closed on, or for
    an open shift its latest count."""
    out = []
    for s in shifts:
        closure = ShiftClosure.get_or_none(ShiftClosure.shift == s.id)
        count_id = closure.count_id if closure else None
        if count_id is None:
            latest = (
                CashCount.select(CashCount.id)
                .where((CashCount.shift == s.id) & (CashCount.purpose == "close"))
                .order_by(CashCount.id.desc())
                .first()
            )
            count_id = latest.id if latest else None
        if count_id is None:
            continue
        for d in ShiftDifference.select().where(ShiftDifference.count == count_id):
            out.append(difference_info(d))
    return tuple(out)


def _previous_last(series: str, first: int) -> int | None:
    value = (
        Receipt.select(fn.MAX(Receipt.number))
        .where((Receipt.series == series) & (Receipt.number < first))
        .scalar()
    )
    return int(value) if value is not None else None


def day_report(office_id: int, day: dt.date) -> DayReport:
    """Everything the day report prints. Before the day is closed it is provisional
    and carries the current audit head instead of the head at close."""
    office = Office.get_by_id(office_id)
    rows = day_payments(office_id, day)
    shifts = day_shift_rows(office_id, day)
    numbers = [
        (code.rsplit("-", 1)[0], int(code.rsplit("-", 1)[1]))
        for code in (r.receipt for r in rows)
        if code
    ]
    first_by_series: dict[str, int] = {}
    for series, n in numbers:
        first_by_series[series] = min(n, first_by_series.get(series, n))
    previous = {s: p for s, f in first_by_series.items() if (p := _previous_last(s, f)) is not None}
    closure = day_closure(office_id, day)
    moves = (
        CashMovement.select(CashMovement, Staff)
        .join(Staff)
        .where(CashMovement.shift.in_([s.id for s in shifts]))
        .order_by(CashMovement.created_at, CashMovement.id)
    )
    voids = tuple(
        VoidLine(
            receipt=r.voids_receipt,
            teller_badge=r.staff_badge,
            supervisor_badge=r.authorised_by,
            method=r.method,
            amount_fen=-r.amount_fen,
            reason=r.reason,
            at=r.created_at,
        )
        for r in rows
        if r.is_void
    )
    refunds = tuple(
        RefundLine(
            receipt=r.receipt,
            account_number=r.account_number,
            account_name=r.account_name,
            teller_badge=r.staff_badge,
            supervisor_badge=r.authorised_by,
            method=r.method,
            amount_fen=-r.amount_fen,
            reason=r.reason,
            at=r.created_at,
        )
        for r in rows
        if r.is_refund
    )
    return DayReport(
        office_code=office.code,
        office_name=office.name,
        business_date=day,
        generated_at=now(),
        tellers=_teller_totals(rows),
        methods=_method_totals(rows),
        voids=voids,
        refunds=refunds,
        credits=tuple(credit_lines(office_id=office_id, day=day)),
        differences=_differences(shifts),
        movements=tuple(movement_info(m) for m in moves),
        shifts=_shift_lines(shifts),
        receipts=receipt_ranges(numbers, previous),
        closure=closure,
        audit_head=(closure.audit_seq, closure.audit_hash) if closure else audit.head(),
        payments_without_shift=sum(1 for r in rows if r.shift_id is None),
        company=company_info()[0],
        audit_key=_key_fingerprint(closure.audit_seq if closure else None),
        unwritten=unwritten_of_office(office_id, day),
    )


def _key_fingerprint(closed_at_seq: int | None) -> str:
    """The fingerprint of the key that sealed the day's closure (recorded in its
    event), or, for a day still open, of the key in use; '' when not known."""
    if closed_at_seq is not None:
        event = AuditEvent.get_or_none(AuditEvent.seq == closed_at_seq)
        return str(json.loads(event.payload_json).get("key", "")) if event else ""
    try:
        return audit.active_fingerprint()
    except audit.AuditKeyError:
        return ""


def day_report_pdf(office_id: int, day: dt.date, layout: str = "a4") -> tuple[DayReport, bytes]:
    """The day report and its PDF in `layout` ('a4' or 'slip')."""
    from gasdesk.printing.day_report import render_day_report

    report = day_report(office_id, day)
    return report, render_day_report(report, layout)
