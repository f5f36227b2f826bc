"""A teller's shift at a counter: opening it with a float counted by denomination,
finding the open shift a payment belongs to, and cash paid in or out with a reason.

Money taken or handed back at a counter always belongs to the open shift of the
teller at that counter on that business day (`drawer_shift`): a payment or a void
without one is refused, so no money escapes the drawer count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from gasdesk.domain.cash import CashCount
from gasdesk.domain.dayend import MovementInfo, ShiftInfo
from gasdesk.domain.errors import TellerError
from gasdesk.domain.limits import check_entry
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.dayend_guard import refuse_if_day_closed
from gasdesk.services.drawer import expected_cash_of
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Counter, Shift, Staff, now
from gasdesk.storage.models_dayend import CashCount as CashCountRow
from gasdesk.storage.models_dayend import CashCountLine, CashMovement

MAX_REASON = 200


class ShiftError(UserError):
    """A shift action that cannot be done as asked."""


def shift_info(s: Shift) -> ShiftInfo:
    return ShiftInfo(
        id=s.id,
        office_id=s.office_id,
        counter_id=s.counter_id,
        counter_number=s.counter.number,
        staff_id=s.staff_id,
        staff_badge=s.staff.badge,
        staff_name=s.staff.name,
        business_date=s.business_date,
        opened_at=s.opened_at,
        opening_float_fen=s.opening_float_fen,
        closed_at=s.closed_at,
    )


def _shift_query() -> Any:
    return Shift.select(Shift, Counter, Staff).join(Counter).switch(Shift).join(Staff)


def day_shift_rows(office_id: int, day: dt.date) -> list[Shift]:
    """The office's shifts of `day` in the order they opened, counter and teller
    loaded with them."""
    return list(
        _shift_query()
        .where((Shift.office == office_id) & (Shift.business_date == day))
        .order_by(Shift.opened_at, Shift.id)
    )


def get_shift(shift_id: int) -> ShiftInfo:
    s = _shift_query().where(Shift.id == shift_id).first()
    if s is None:
        raise ShiftError(QT_TRANSLATE_NOOP("Messages", "That shift does not exist."))
    return shift_info(s)


def current_shift(staff_id: int, counter_id: int) -> ShiftInfo | None:
    """The open shift of this teller at this counter, if any: a payment taken now
    belongs to it."""
    s = (
        _shift_query()
        .where(
            (Shift.staff == staff_id) & (Shift.counter == counter_id) & Shift.closed_at.is_null()
        )
        .order_by(Shift.id.desc())
        .first()
    )
    return shift_info(s) if s else None


NO_SHIFT = "no_shift"  # the teller has no open shift at all: one can be opened now


class NoShiftError(TellerError):
    """Money was offered at a counter where the teller has no open shift of the day:
    code NO_SHIFT, 'shift_other_counter' or 'shift_other_day'."""


def drawer_shift(staff_id: int, counter_id: int, day: dt.date) -> Shift:
    """The open shift of this teller at this counter on `day`: the drawer that money
    taken or handed back now belongs to. Refused (NoShiftError) when there is none,
    when the teller's open shift is at another counter, or is of another day."""
    mine = (
        Shift.select()
        .where((Shift.staff == staff_id) & Shift.closed_at.is_null())
        .order_by(Shift.id.desc())
        .first()
    )
    counter = Counter.get_by_id(counter_id)
    if mine is None:
        raise NoShiftError(
            NO_SHIFT,
            QT_TRANSLATE_NOOP(
                "Messages",
                "You have no open shift at counter {counter}: open one (count the float) "
                "before taking or handing back money.",
            ),
            counter=counter.number,
        )
    if mine.counter_id != counter_id:
        raise NoShiftError(
            "shift_other_counter",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Your open shift is at counter {other}; money at counter {counter} must "
                "belong to a shift at this counter.",
            ),
            other=mine.counter.number,
            counter=counter.number,
        )
    if mine.business_date != day:
        raise NoShiftError(
            "shift_other_day",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Your open shift is of {date}; count and close it, then open a shift for {today}.",
            ),
            date=mine.business_date.isoformat(),
            today=day.isoformat(),
        )
    return mine


def current_drawer(staff_id: int, counter_id: int, day: dt.date) -> ShiftInfo:
    """The shift that money taken now at this counter belongs to (see drawer_shift);
    raises NoShiftError saying why there is none."""
    return get_shift(drawer_shift(staff_id, counter_id, day).id)


def write_count_lines(count: CashCountRow, cash: CashCount) -> None:
    CashCountLine.insert_many(
        [
            {"count": count.id, "denomination_fen": value, "pieces": pieces}
            for value, pieces in cash.pieces
        ]
    ).execute()


def open_shift(
    staff_id: int,
    counter_id: int,
    float_counts: Mapping[int, int],
    business_date: dt.date | None = None,
) -> ShiftInfo:
    """Open a shift with the opening float counted by denomination. One open shift per
    teller and one per counter."""
    cash = CashCount.of(float_counts)
    day = business_date or dt.date.today()
    counter = Counter.get_by_id(counter_id)
    with write_transaction():
        refuse_if_day_closed(counter.office_id, day)
        mine = Shift.get_or_none((Shift.staff == staff_id) & Shift.closed_at.is_null())
        if mine is not None:
            raise ShiftError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "You already have an open shift (counter {counter}, {date}); close it first.",
                ),
                counter=mine.counter.number,
                date=mine.business_date.isoformat(),
            )
        busy = Shift.get_or_none((Shift.counter == counter_id) & Shift.closed_at.is_null())
        if busy is not None:
            raise ShiftError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Counter {counter} already has an open shift ({badge})."
                ),
                counter=counter.number,
                badge=busy.staff.badge,
            )
        shift = Shift.create(
            office=counter.office_id,
            counter=counter_id,
            staff=staff_id,
            business_date=day,
            opened_at=now(),
            opening_float_fen=cash.total_fen,
        )
        count = CashCountRow.create(
            shift=shift.id, purpose="float", staff=staff_id, total_fen=cash.total_fen
        )
        write_count_lines(count, cash)
        audit.append(
            "shift_opened",
            staff_id=staff_id,
            office_id=counter.office_id,
            shift_id=shift.id,
            counter=counter.number,
            business_date=day.isoformat(),
            float_fen=cash.total_fen,
            pieces={str(v): n for v, n in cash.pieces if n},
            counter_id=counter_id,
            count_id=count.id,
            opened_at=audit.stamp(shift.opened_at),
        )
    return get_shift(shift.id)


def clean_reason(reason: str, missing: str, limit: int) -> str:
    """The teller's reason with its white space folded; refused with `missing` when
    empty, or when longer than `limit` characters."""
    text = " ".join(reason.split())
    if not text:
        raise ShiftError(missing)
    if len(text) > limit:
        raise ShiftError(
            QT_TRANSLATE_NOOP("Messages", "The reason is too long (at most {n} characters)."),
            n=limit,
        )
    return text


def load_open_shift(shift_id: int, staff_id: int) -> Shift:
    """The shift, refused unless it is open and belongs to this teller."""
    shift = Shift.get_or_none(Shift.id == shift_id)
    if shift is None:
        raise ShiftError(QT_TRANSLATE_NOOP("Messages", "That shift does not exist."))
    if shift.closed_at is not None:
        raise ShiftError(QT_TRANSLATE_NOOP("Messages", "This shift is already closed."))
    if shift.staff_id != staff_id:
        raise ShiftError(QT_TRANSLATE_NOOP("Messages", "This shift belongs to another teller."))
    return shift


def record_movement(
    shift_id: int,
    staff_id: int,
    direction: str,
    amount_fen: int,
    reason: str,
    *,
    ceiling_fen: int | None = None,
) -> MovementInfo:
    """Cash paid into ('in') or out of ('out') the drawer, with a reason. The amount
    is an entry like any other: at most the counter's ceiling (domain.limits)."""
    if direction not in ("in", "out"):
        raise ValueError(direction)
    check_entry(amount_fen, ceiling_fen)
    text = clean_reason(
        reason,
        QT_TRANSLATE_NOOP("Messages", "Give a reason for the cash paid in or out."),
        MAX_REASON,
    )
    with write_transaction():
        shift = load_open_shift(shift_id, staff_id)
        refuse_if_day_closed(shift.office_id, shift.business_date)
        if direction == "out" and amount_fen > expected_cash_of(shift.id).expected_fen:
            raise ShiftError(
                QT_TRANSLATE_NOOP(
                    "Messages", "The drawer does not hold that much cash; nothing was paid out."
                )
            )
        row = CashMovement.create(
            shift=shift.id, direction=direction, amount_fen=amount_fen, reason=text, staff=staff_id
        )
        audit.append(
            "cash_paid_in" if direction == "in" else "cash_paid_out",
            staff_id=staff_id,
            office_id=shift.office_id,
            shift_id=shift.id,
            movement_id=row.id,
            amount_fen=amount_fen,
            reason=text,
        )
    return movement_info(CashMovement.get_by_id(row.id))


def pay_in(
    shift_id: int, staff_id: int, amount_fen: int, reason: str, *, ceiling_fen: int | None = None
) -> MovementInfo:
    return record_movement(shift_id, staff_id, "in", amount_fen, reason, ceiling_fen=ceiling_fen)


def pay_out(
    shift_id: int, staff_id: int, amount_fen: int, reason: str, *, ceiling_fen: int | None = None
) -> MovementInfo:
    return record_movement(shift_id, staff_id, "out", amount_fen, reason, ceiling_fen=ceiling_fen)


def movement_info(m: CashMovement) -> MovementInfo:
    return MovementInfo(
        id=m.id,
        shift_id=m.shift_id,
        direction=m.direction,
        amount_fen=m.amount_fen,
        reason=m.reason,
        staff_badge=m.staff.badge,
        created_at=m.created_at,
    )


def movements(shift_id: int) -> tuple[MovementInfo, ...]:
    rows = (
        CashMovement.select(CashMovement, Staff)
        .join(Staff)
        .where(CashMovement.shift == shift_id)
        .order_by(CashMovement.id)
    )
    return tuple(movement_info(m) for m in rows)
