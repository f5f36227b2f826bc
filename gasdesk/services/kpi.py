"""Service figures per teller and office for a day or a month (see domain/kpi.py).

Sources of data:
- ratings and service times: the service visits and ratings the counter records
  (storage/models_service.py);
- consultations and complaints with their reply terms: business forms. Until the
  forms are wired in here, `inquiries()` answers None and every reply rate, fine and
  compensation shows "no data" instead of a number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gasdesk.domain.kpi import Inquiry, KpiReport, Period, kpi_row
from gasdesk.storage.models import Office, Staff
from gasdesk.storage.models_service import Rating, ServiceVisit


def inquiries(office_id: int, period: Period) -> list[Inquiry] | None:
    """Consultations and complaints received by the office in the period, or None
    while no source for them exists."""
    del office_id, period
    return None


def ratings(office_id: int, period: Period) -> list[tuple[int, str]]:
    start, end = period.bounds()
    query: Any = (
        Rating.select(Rating.staff, Rating.score)
        .where((Rating.office == office_id) & (Rating.rated_at >= start) & (Rating.rated_at < end))
        .tuples()
    )
    return list(query)


def visit_seconds(office_id: int, period: Period) -> list[tuple[int, int]]:
    start, end = period.bounds()
    query: Any = (
        ServiceVisit.select(ServiceVisit.staff, ServiceVisit.seconds)
        .where(
            (ServiceVisit.office == office_id)
            & (ServiceVisit.started_at >= start)
            & (ServiceVisit.started_at < end)
            & ServiceVisit.seconds.is_null(False)
        )
        .tuples()
    )
    return list(query)


def service_kpis(office_id: int, period: Period, as_of: dt.date | None = None) -> KpiReport:
    """The office's figures and each teller's. `as_of` decides which reply terms are
    over (default: today)."""
    as_of = as_of or dt.date.today()
    office = Office.get_by_id(office_id)
    items = inquiries(office_id, period)
    scored = ratings(office_id, period)
    timed = visit_seconds(office_id, period)
    people = {s.id: s for s in Staff.select().where(Staff.office == office_id)}
    involved = {sid for sid, _ in scored} | {sid for sid, _ in timed}
    if items is not None:
        involved |= {q.staff_id for q in items if q.staff_id is not None}
        involved |= {q.against_staff_id for q in items if q.against_staff_id is not None}
    shown = sorted(
        (sid for sid, s in people.items() if (s.role == "teller" and s.active) or sid in involved),
        key=lambda sid: people[sid].badge,
    )
    tellers = tuple(
        kpi_row(
            f"{people[sid].badge} {people[sid].name}",
            sid,
            items,
            [score for who, score in scored if who == sid],
            [sec for who, sec in timed if who == sid],
            as_of,
        )
        for sid in shown
    )
    return KpiReport(
        office_name=office.name,
        period=period,
        as_of=as_of,
        office=kpi_row(
            office.name,
            None,
            items,
            [score for _, score in scored],
            [sec for _, sec in timed],
            as_of,
        ),
        tellers=tellers,
        missing_sources=() if items is not None else ("inquiries",),
    )
