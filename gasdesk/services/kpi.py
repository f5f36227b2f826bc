"""Service figures per teller and office for a day or a month (see domain/kpi.py).

Sources of data:
- ratings and service times: the service visits and ratings the counter records
  (storage/models_service.py), and the satisfaction recorded at return visits;
- complaints: the complaint records of business forms (storage/models_forms.py), with
  their reply term (3 working days, holidays extending it), reply time, and whether
  they were upheld against a member of staff;
- consultations: consultation forms (kind 'consultation'). The service code sets no
  term of its own for them; the complaint reply term is applied, and the reply is the
  first time the form reached 已答复 (or 已回访 / 办结).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import fn

from gasdesk.domain.form_spec import Status
from gasdesk.domain.kpi import RETURN_VISIT_SCORES, Inquiry, KpiReport, Period, kpi_row
from gasdesk.services.forms import complaint_terms
from gasdesk.storage.models import FormEvent, FormRecord, Office, Staff
from gasdesk.storage.models_forms import Complaint, ReturnVisit
from gasdesk.storage.models_service import Rating, ServiceVisit

CONSULTATION = "consultation"


REPLIED_STATUSES = (Status.REPLIED.value, Status.FOLLOWED_UP.value, Status.CLOSED.value)


def _complaints(office_id: int, period: Period) -> list[Inquiry]:
    query: Any = (
        Complaint.select(
            FormRecord.staff,
            Complaint.received_on,
            Complaint.reply_due,
            Complaint.replied_at,
            Complaint.upheld,
            Complaint.against_staff,
        )
        .join(FormRecord)
        .where(
            (FormRecord.office == office_id)
            & (Complaint.received_on >= period.start)
            & (Complaint.received_on <= period.end)
        )
        .tuples()
    )
    return [
        Inquiry(
            kind="complaint",
            staff_id=staff_id,
            received_on=received,
            reply_due=due,
            replied_on=replied.date() if replied else None,
            upheld=bool(upheld),
            against_staff_id=against,
        )
        for staff_id, received, due, replied, upheld, against in query
    ]


def _consultations(office_id: int, period: Period) -> list[Inquiry]:
    start, end = period.bounds()
    forms = list(
        FormRecord.select(FormRecord.id, FormRecord.staff, FormRecord.created_at).where(
            (FormRecord.office == office_id)
            & (FormRecord.kind == CONSULTATION)
            & (FormRecord.created_at >= start)
            & (FormRecord.created_at < end)
        )
    )
    replied: dict[int, dt.datetime] = {}
    if forms:
        events: Any = (
            FormEvent.select(FormEvent.form, fn.MIN(FormEvent.at))
            .where(
                FormEvent.form.in_([f.id for f in forms]) & FormEvent.status.in_(REPLIED_STATUSES)
            )
            .group_by(FormEvent.form)
            .tuples()
        )
        replied = dict(events)
    out = []
    for f in forms:
        received = f.created_at.date()
        at = replied.get(f.id)
        if isinstance(at, str):  # MIN() hands SQLite's text back untyped
            at = dt.datetime.fromisoformat(at)
        out.append(
            Inquiry(
                kind="consultation",
                staff_id=f.staff_id,
                received_on=received,
                reply_due=complaint_terms(received)[0],
                replied_on=at.date() if at else None,
            )
        )
    return out


def inquiries(office_id: int, period: Period) -> list[Inquiry] | None:
    """Consultations and complaints received by the office in the period."""
    return _consultations(office_id, period) + _complaints(office_id, period)


def ratings(office_id: int, period: Period) -> list[tuple[int, str]]:
    """(staff id, score) of every rating given in the period: at the counter, and at
    the return visits recorded then, each for the member of staff who took the form."""
    start, end = period.bounds()
    query: Any = (
        Rating.select(Rating.staff, Rating.score)
        .where((Rating.office == office_id) & (Rating.rated_at >= start) & (Rating.rated_at < end))
        .tuples()
    )
    visits: Any = (
        ReturnVisit.select(FormRecord.staff, ReturnVisit.satisfaction)
        .join(FormRecord)
        .where(
            (FormRecord.office == office_id)
            & (ReturnVisit.done_at >= start)
            & (ReturnVisit.done_at < end)
            & ReturnVisit.satisfaction.in_(list(RETURN_VISIT_SCORES))
        )
        .tuples()
    )
    return list(query) + [(staff, RETURN_VISIT_SCORES[said]) for staff, said in visits]


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
