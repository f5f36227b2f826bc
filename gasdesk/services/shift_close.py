"""Settling a shift after its blind count: a difference (over 长款 / short 短款) is
recorded with the teller's reason and a supervisor's approval, never zeroed; then the
shift is closed on that count."""

from __future__ import annotations

from gasdesk.domain.cash import RECONCILED_METHODS
from gasdesk.domain.dayend import DifferenceInfo, Reconciliation, ShiftClosureInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.dayend_guard import refuse_if_day_closed, supervisor
from gasdesk.services.reconcile import difference_info, latest_count, reconciliation
from gasdesk.services.shifts import ShiftError, clean_reason, load_open_shift
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Shift, Staff, now
from gasdesk.storage.models_dayend import ShiftClosure, ShiftDifference

MAX_REASON = 500


def _current_reconciliation(shift_id: int) -> Reconciliation:
    rec = reconciliation(shift_id)
    if rec is None:
        raise ShiftError(QT_TRANSLATE_NOOP("Messages", "Count the drawer first."))
    if rec.stale:
        raise ShiftError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Payments or cash movements were recorded after the count; count the drawer again.",
            )
        )
    return rec


def record_difference(
    shift_id: int,
    staff_id: int,
    method: str,
    reason: str,
    supervisor_badge: str,
    supervisor_password: str,
) -> DifferenceInfo:
    """Record the over (长款) or short (短款) of `method` in the latest count, with the
    teller's reason and a supervisor's approval. Nothing is zeroed: the figures stay
    as counted."""
    if method not in RECONCILED_METHODS:
        raise ValueError(method)
    text = clean_reason(
        reason, QT_TRANSLATE_NOOP("Messages", "Give the reason for the difference."), MAX_REASON
    )
    shift = load_open_shift(shift_id, staff_id)
    rec = _current_reconciliation(shift_id)
    line = rec.line(method)
    if line.difference_fen == 0:
        raise ShiftError(
            QT_TRANSLATE_NOOP("Messages", "There is no difference to record for this method.")
        )
    if method not in rec.outstanding:
        raise ShiftError(QT_TRANSLATE_NOOP("Messages", "This difference is already recorded."))
    approver = supervisor(supervisor_badge, supervisor_password, shift.office_id)
    if approver.id == staff_id:
        raise ShiftError(
            QT_TRANSLATE_NOOP("Messages", "A difference must be approved by another supervisor.")
        )
    with write_transaction():
        load_open_shift(shift_id, staff_id)
        refuse_if_day_closed(shift.office_id, shift.business_date)
        latest = latest_count(shift_id)
        if latest is None or latest.id != rec.count_id:
            raise ShiftError(
                QT_TRANSLATE_NOOP(
                    "Messages", "The drawer was counted again; look at the new count."
                )
            )
        row = ShiftDifference.create(
            shift=shift_id,
            count=rec.count_id,
            method=method,
            expected_fen=line.expected_fen,
            counted_fen=line.counted_fen,
            difference_fen=line.difference_fen,
            reason=text,
            recorded_by=staff_id,
            approved_by=approver.id,
        )
        audit.append(
            "cash_difference",
            staff_id=staff_id,
            office_id=shift.office_id,
            shift_id=shift_id,
            count_id=rec.count_id,
            method=method,
            expected_fen=line.expected_fen,
            counted_fen=line.counted_fen,
            difference_fen=line.difference_fen,
            reason=text,
            approved_by=approver.badge,
        )
    return difference_info(ShiftDifference.get_by_id(row.id))


def close_shift(shift_id: int, staff_id: int) -> ShiftClosureInfo:
    """Close the shift on its latest blind count; every difference must be recorded
    and nothing may have happened since the count."""
    with write_transaction():
        shift = load_open_shift(shift_id, staff_id)
        refuse_if_day_closed(shift.office_id, shift.business_date)
        rec = _current_reconciliation(shift_id)
        if rec.outstanding:
            raise ShiftError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Record the difference with a supervisor before closing the shift.",
                )
            )
        closed_at = now()
        Shift.update(closed_at=closed_at).where(Shift.id == shift_id).execute()
        ShiftClosure.create(
            shift=shift_id,
            count=rec.count_id,
            expected_cash_fen=rec.cash.expected_fen,
            counted_cash_fen=rec.count.total_fen,
            closed_by=staff_id,
            closed_at=closed_at,
        )
        audit.append(
            "shift_closed",
            staff_id=staff_id,
            office_id=shift.office_id,
            shift_id=shift_id,
            count_id=rec.count_id,
            expected_cash_fen=rec.cash.expected_fen,
            counted_cash_fen=rec.count.total_fen,
            closed_at=audit.stamp(closed_at),
        )
    badge = Staff.get_by_id(staff_id).badge
    return ShiftClosureInfo(
        shift_id=shift_id,
        expected_cash_fen=rec.cash.expected_fen,
        counted_cash_fen=rec.count.total_fen,
        closed_at=closed_at,
        closed_by_badge=badge,
    )
