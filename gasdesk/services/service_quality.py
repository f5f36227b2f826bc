"""Service visits, satisfaction ratings and the per-teller day figures.

Use cases: start_visit / note_visit_subject / end_visit (限时服务), record_rating /
set_rating_reason (满意度评价), and for the end-of-day figures
teller_day_quality(staff_id, day) and day_quality(day, office_id).
"""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.service_quality import (
    RatingInfo,
    ServiceQuality,
    VisitInfo,
    check_reason,
    check_score,
)
from gasdesk.domain.service_timing import DEFAULT_LIMIT_SECONDS, average_seconds
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import FormRecord, Payment, Receipt, Staff, now
from gasdesk.storage.models_service import Rating, ServiceVisit


def _visit_info(v: ServiceVisit) -> VisitInfo:
    return VisitInfo(
        id=v.id,
        staff_id=v.staff_id,
        counter_id=v.counter_id,
        office_id=v.office_id,
        account_id=v.account_id,
        started_at=v.started_at,
        ended_at=v.ended_at,
        seconds=v.seconds,
        payment_id=v.payment_id,
        form_id=v.form_id,
    )


def _rating_info(r: Rating) -> RatingInfo:
    return RatingInfo(
        id=r.id,
        visit_id=r.visit_id,
        staff_id=r.staff_id,
        counter_id=r.counter_id,
        office_id=r.office_id,
        rated_at=r.rated_at,
        score=r.score,
        reason=r.reason,
        payment_id=r.payment_id,
        form_id=r.form_id,
    )


def _second(at: dt.datetime | None) -> dt.datetime:
    return now() if at is None else at.replace(microsecond=0)


def start_visit(
    staff_id: int,
    counter_id: int,
    office_id: int,
    account_id: int | None = None,
    at: dt.datetime | None = None,
) -> VisitInfo:
    """A customer has been selected at a counter: the service clock starts."""
    with write_transaction():
        visit = ServiceVisit.create(
            staff=staff_id,
            counter=counter_id,
            office=office_id,
            account=account_id,
            started_at=_second(at),
        )
    return _visit_info(visit)


def payment_for_receipt(code: str) -> int | None:
    """The payment a receipt code such as 'MS-2026-000123' was issued for."""
    series, _, number = code.strip().rpartition("-")
    if not series or not number.isdigit():
        return None
    receipt = Receipt.get_or_none((Receipt.series == series) & (Receipt.number == int(number)))
    return receipt.payment_id if receipt else None


def form_for_number(number: str) -> int | None:
    form = FormRecord.get_or_none(FormRecord.number == number.strip())
    return form.id if form else None


def note_visit_subject(
    visit_id: int,
    *,
    payment_id: int | None = None,
    form_id: int | None = None,
    receipt: str | None = None,
    form_number: str | None = None,
) -> VisitInfo | None:
    """Record what the visit was: the payment (or its receipt code) or the form.

    The first payment and the first form of a visit are kept; None if the visit is unknown."""
    if payment_id is None and receipt:
        payment_id = payment_for_receipt(receipt)
    if form_id is None and form_number:
        form_id = form_for_number(form_number)
    with write_transaction():
        visit = ServiceVisit.get_or_none(ServiceVisit.id == visit_id)
        if visit is None:
            return None
        changed = False
        payment = Payment.get_or_none(Payment.id == payment_id) if payment_id is not None else None
        if payment is not None and visit.payment_id is None:
            visit.payment = payment
            changed = True
        form = FormRecord.get_or_none(FormRecord.id == form_id) if form_id is not None else None
        if form is not None and visit.form_id is None:
            visit.form = form
            changed = True
        if changed:
            visit.save()
    return _visit_info(visit)


def end_visit(visit_id: int, at: dt.datetime | None = None) -> VisitInfo | None:
    """The service is over: record its end and length in whole seconds.

    Ending a visit twice keeps the first end; None if the visit is unknown."""
    with write_transaction():
        visit = ServiceVisit.get_or_none(ServiceVisit.id == visit_id)
        if visit is None:
            return None
        if visit.ended_at is None:
            ended = max(_second(at), visit.started_at)  # a clock set back never gives < 0
            visit.ended_at = ended
            visit.seconds = int((ended - visit.started_at).total_seconds())
            visit.save()
    return _visit_info(visit)


def record_rating(
    visit_id: int | None,
    score: str,
    *,
    reason: str = "",
    payment_id: int | None = None,
    form_id: int | None = None,
    at: dt.datetime | None = None,
) -> RatingInfo | None:
    """Store the customer's rating of a visit.

    Records nothing (returns None) when there is no visit to rate: no visit, an
    unknown one, or one already rated. The rating rates the given payment/form, else
    the one the visit noted. A bad score or reason raises ValueError."""
    check_score(score)
    check_reason(reason)
    if visit_id is None:
        return None
    with write_transaction():
        visit = ServiceVisit.get_or_none(ServiceVisit.id == visit_id)
        if visit is None or Rating.get_or_none(Rating.visit == visit_id) is not None:
            return None
        rating = Rating.create(
            visit=visit.id,
            staff=visit.staff_id,
            counter=visit.counter_id,
            office=visit.office_id,
            rated_at=_second(at),
            score=score,
            reason=reason,
            payment=payment_id if payment_id is not None else visit.payment_id,
            form=form_id if form_id is not None else visit.form_id,
        )
        audit.append(
            "service_rating",
            staff_id=visit.staff_id,
            office_id=visit.office_id,
            rating=rating.id,
            visit=visit.id,
            score=score,
            reason=reason,
            payment=rating.payment_id,
            form=rating.form_id,
        )
    return _rating_info(rating)


def set_rating_reason(rating_id: int, reason: str) -> RatingInfo | None:
    """Add the one optional reason to an unhappy rating.

    A rating that is not unhappy, or already has a reason, is left as it was."""
    check_reason(reason)
    with write_transaction():
        rating = Rating.get_or_none(Rating.id == rating_id)
        if rating is None:
            return None
        if reason and rating.score == "unsatisfied" and not rating.reason:
            rating.reason = reason
            rating.save()
            audit.append(
                "service_rating_reason",
                staff_id=rating.staff_id,
                office_id=rating.office_id,
                rating=rating.id,
                reason=reason,
            )
    return _rating_info(rating)


def get_visit(visit_id: int) -> VisitInfo | None:
    visit = ServiceVisit.get_or_none(ServiceVisit.id == visit_id)
    return _visit_info(visit) if visit else None


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def teller_day_quality(
    staff_id: int, day: dt.date, limit_seconds: int = DEFAULT_LIMIT_SECONDS
) -> ServiceQuality:
    """One teller's figures for a day: finished visits started that day (count,
    average and worst length, how many ran past `limit_seconds`) and the ratings
    given that day (counts by score; the satisfaction rate derives from them)."""
    start, end = _day_bounds(day)
    staff = Staff.get_or_none(Staff.id == staff_id)
    seconds: list[int] = [
        v.seconds or 0
        for v in ServiceVisit.select(ServiceVisit.seconds).where(
            (ServiceVisit.staff == staff_id)
            & (ServiceVisit.started_at >= start)
            & (ServiceVisit.started_at < end)
            & ServiceVisit.seconds.is_null(False)
        )
    ]
    counts = dict.fromkeys(("very_satisfied", "satisfied", "unsatisfied"), 0)
    for r in Rating.select(Rating.score).where(
        (Rating.staff == staff_id) & (Rating.rated_at >= start) & (Rating.rated_at < end)
    ):
        counts[r.score] = counts.get(r.score, 0) + 1
    return ServiceQuality(
        staff_id=staff_id,
        staff_name=staff.name if staff else "",
        day=day,
        visits=len(seconds),
        average_seconds=average_seconds(seconds),
        worst_seconds=max(seconds) if seconds else None,
        over_limit=sum(1 for s in seconds if s > limit_seconds),
        limit_seconds=limit_seconds,
        very_satisfied=counts["very_satisfied"],
        satisfied=counts["satisfied"],
        unsatisfied=counts["unsatisfied"],
    )


def day_quality(
    day: dt.date, office_id: int | None = None, limit_seconds: int = DEFAULT_LIMIT_SECONDS
) -> list[ServiceQuality]:
    """teller_day_quality for every teller who served or was rated that day (in one
    office, or all), ordered by staff id."""
    start, end = _day_bounds(day)
    visit_q = ServiceVisit.select(ServiceVisit.staff).where(
        (ServiceVisit.started_at >= start) & (ServiceVisit.started_at < end)
    )
    rating_q = Rating.select(Rating.staff).where(
        (Rating.rated_at >= start) & (Rating.rated_at < end)
    )
    if office_id is not None:
        visit_q = visit_q.where(ServiceVisit.office == office_id)
        rating_q = rating_q.where(Rating.office == office_id)
    staff_ids = {v.staff_id for v in visit_q} | {r.staff_id for r in rating_q}
    return [teller_day_quality(s, day, limit_seconds) for s in sorted(staff_ids)]
