"""Closing an office's business day: a supervisor closes it once every shift of the
day is closed and every payment of the day belongs to a shift; afterwards nothing of
that day can change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, fn

from gasdesk.domain.dayend import DayClosureInfo, DayStatus, receipt_ranges
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.dayend_guard import supervisor as verify
from gasdesk.services.days import is_day_closed
from gasdesk.services.shifts import day_shift_rows, shift_info
from gasdesk.storage import audit, integrity
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Counter, Payment, Receipt, Shift, Staff, now
from gasdesk.storage.models_dayend import DayClosure
from gasdesk.storage.models_days import BusinessDay
from gasdesk.storage.receipt_numbers import format_code


class DayCloseError(UserError):
    """The day cannot be closed as asked."""


def closure_info(c: DayClosure) -> DayClosureInfo:
    sup = Staff.get_by_id(c.closed_by_id)
    return DayClosureInfo(
        office_id=c.office_id,
        business_date=c.business_date,
        closed_at=c.closed_at,
        closed_by_badge=sup.badge,
        closed_by_name=sup.name,
        payments=c.payments,
        total_fen=c.total_fen,
        first_receipt=c.first_receipt,
        last_receipt=c.last_receipt,
        audit_seq=c.audit_seq,
        audit_hash=c.audit_hash,
    )


def day_closure(office_id: int, day: dt.date) -> DayClosureInfo | None:
    c = DayClosure.get_or_none((DayClosure.office == office_id) & (DayClosure.business_date == day))
    return closure_info(c) if c else None


def day_status(office_id: int, day: dt.date) -> DayStatus:
    return DayStatus(
        office_id=office_id,
        business_date=day,
        shifts=tuple(shift_info(s) for s in day_shift_rows(office_id, day)),
        closure=day_closure(office_id, day),
        outside_shifts=outside_shifts(office_id, day),
    )


def outside_shifts(office_id: int, day: dt.date) -> tuple[str, ...]:
    """Receipts (or '#id' without one) of the day's payments and voids that belong to
    no shift: money no drawer count saw. Only data written before every payment needed
    a shift can hold them; while any is left the day cannot close."""
    rows: Any = (
        Payment.select(Payment.id, Receipt.series, Receipt.number)
        .join(Receipt, JOIN.LEFT_OUTER, on=(Receipt.payment == Payment.id))
        .where(
            (Payment.office == office_id) & (Payment.business_date == day) & Payment.shift.is_null()
        )
        .order_by(Payment.id)
        .tuples()
    )
    return tuple(
        format_code(series, number) if series else f"#{pid}" for pid, series, number in rows
    )


def _day_receipts(office_id: int, day: dt.date) -> list[tuple[str, int]]:
    query: Any = (
        Receipt.select(Receipt.series, Receipt.number)
        .join(Payment)
        .where((Payment.office == office_id) & (Payment.business_date == day))
        .tuples()
    )
    return list(query)


def day_settled_at(office_id: int, day: dt.date) -> dt.datetime | None:
    """When the day's money last changed: its last shift closed or its last payment
    was recorded (None for a day without either). The full integrity check before the
    close must have seen the database after this moment."""
    closed = [s.closed_at for s in day_shift_rows(office_id, day) if s.closed_at is not None]
    last_payment = (
        Payment.select(Payment.created_at)
        .where((Payment.office == office_id) & (Payment.business_date == day))
        .order_by(Payment.created_at.desc())
        .first()
    )
    moments = closed + ([last_payment.created_at] if last_payment is not None else [])
    return max(moments) if moments else None


def prepare_close(office_id: int, day: dt.date) -> bool:
    """Start the full integrity check ahead of the close once every shift of the day is
    closed and the day is not (see storage.integrity); True when one was started."""
    if is_day_closed(office_id, day):
        return False
    if any(s.closed_at is None for s in day_shift_rows(office_id, day)):
        return False
    return integrity.start_precheck(day_settled_at(office_id, day))


def close_day(
    office_id: int, day: dt.date, supervisor_badge: str, supervisor_password: str
) -> DayClosureInfo:
    """Close the day of `office_id`. Refused while a shift of the day is open, and when
    the day is already closed. The fingerprint is the audit chain head of the
    day-close event, which covers every earlier event."""
    if is_day_closed(office_id, day):
        raise DayCloseError(
            QT_TRANSLATE_NOOP("Messages", "The business day {date} is already closed."),
            date=day.isoformat(),
        )
    supervisor = verify(supervisor_badge, supervisor_password, office_id)
    check = integrity.verdict_since(day_settled_at(office_id, day)).result
    if not check.ok:
        raise DayCloseError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database failed its integrity check ({problem}); the day was not closed. "
                "Call the administrator.",
            ),
            problem=check.messages[0] if check.messages else "?",
        )
    with write_transaction():
        if is_day_closed(office_id, day):
            raise DayCloseError(
                QT_TRANSLATE_NOOP("Messages", "The business day {date} is already closed."),
                date=day.isoformat(),
            )
        still_open = (
            Shift.select(Shift, Counter, Staff)
            .join(Counter)
            .switch(Shift)
            .join(Staff)
            .where(
                (Shift.office == office_id)
                & (Shift.business_date == day)
                & Shift.closed_at.is_null()
            )
            .order_by(Counter.number)
        )
        first_open = still_open.first()
        if first_open is not None:
            raise DayCloseError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The shift of {badge} at counter {counter} is still open; "
                    "every shift must be closed before the day.",
                ),
                badge=first_open.staff.badge,
                counter=first_open.counter.number,
            )
        loose = outside_shifts(office_id, day)
        if loose:
            raise DayCloseError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{n} payments of {date} belong to no shift ({receipts}); no drawer count "
                    "saw their money, so the day cannot be closed.",
                ),
                n=len(loose),
                date=day.isoformat(),
                receipts=", ".join(loose[:5]) + ("…" if len(loose) > 5 else ""),
            )
        originals, total = (
            Payment.select(
                fn.COUNT(Payment.id).filter(Payment.voids.is_null()),
                fn.COALESCE(fn.SUM(Payment.amount_fen), 0),
            )
            .where((Payment.office == office_id) & (Payment.business_date == day))
            .scalar(as_tuple=True)
        )
        ranges = receipt_ranges(_day_receipts(office_id, day))
        first = ranges[0].first_code if ranges else ""
        last = ranges[-1].last_code if ranges else ""
        closed_at = now()
        event = audit.append(
            "day_closed",
            staff_id=supervisor.id,
            office_id=office_id,
            business_date=day.isoformat(),
            payments=int(originals or 0),
            total_fen=int(total or 0),
            first_receipt=first,
            last_receipt=last,
            closed_at=audit.stamp(closed_at),
            key=audit.active_fingerprint(),  # printed on the Z slip beside the head
        )
        BusinessDay.insert(office=office_id, business_date=day).on_conflict_ignore().execute()
        BusinessDay.update(closed_at=closed_at, closed_by=supervisor.id).where(
            (BusinessDay.office == office_id)
            & (BusinessDay.business_date == day)
            & BusinessDay.closed_at.is_null()
        ).execute()
        DayClosure.create(
            office=office_id,
            business_date=day,
            closed_by=supervisor.id,
            closed_at=closed_at,
            payments=int(originals or 0),
            total_fen=int(total or 0),
            first_receipt=first,
            last_receipt=last,
            audit_seq=event.seq,
            audit_hash=event.hash,
        )
    info = day_closure(office_id, day)
    assert info is not None
    return info
