"""Service KPIs from the recorded visits and ratings and from consultation and complaint
forms, per teller and office, for a day and a month."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

from gasdesk.domain.kpi import Period
from gasdesk.services import kpi
from gasdesk.services.service_quality import end_visit, record_rating, start_visit
from tests.dayend_support import DAY, seed


def serve(setup, staff_id: int, minute: int, seconds: int, score: str | None) -> None:  # type: ignore[no-untyped-def]
    at = dt.datetime.combine(DAY, dt.time(9, minute))
    visit = start_visit(staff_id, setup.counter_ids[0], setup.office_id, at=at)
    end_visit(visit.id, at=at + dt.timedelta(seconds=seconds))
    if score:
        record_rating(visit.id, score, at=at + dt.timedelta(seconds=seconds + 5))


def test_kpis_per_teller_and_office_for_a_day_and_a_month(empty_database: Path) -> None:
    setup = seed()
    serve(setup, setup.teller_id, 0, 120, "very_satisfied")
    serve(setup, setup.teller_id, 10, 400, "unsatisfied")
    serve(setup, setup.teller2_id, 20, 95, "satisfied")
    serve(setup, setup.teller2_id, 30, 61, None)
    report = kpi.service_kpis(setup.office_id, Period.day(DAY), as_of=DAY)
    assert report.missing_sources == ()
    office = report.office
    assert office.satisfaction is not None and office.satisfaction.rate == Fraction(2, 3)
    assert office.times is not None
    assert (office.times.visits, office.times.average_seconds, office.times.worst_seconds) == (
        4,
        169,
        400,
    )
    assert office.replies is not None and office.replies.rate is None  # nothing received
    assert office.unit_fine_fen == 0
    by = {row.label.split()[0]: row for row in report.tellers}
    assert set(by) == {"MS01", "MS02"}  # the tellers; the supervisor served nobody
    assert by["MS01"].satisfaction.rate == Fraction(1, 2)  # type: ignore[union-attr]
    assert by["MS02"].times.worst_seconds == 95  # type: ignore[union-attr]
    month = kpi.service_kpis(setup.office_id, Period.month(2026, 11), as_of=DAY)
    assert month.office.times.visits == 4  # type: ignore[union-attr]
    october = kpi.service_kpis(setup.office_id, Period.month(2026, 10), as_of=DAY)
    assert october.office.times.visits == 0 and october.office.times.average_seconds is None  # type: ignore[union-attr]
    other = kpi.service_kpis(setup.other_office_id, Period.day(DAY), as_of=DAY)
    assert other.office.satisfaction.ratings == 0  # type: ignore[union-attr]


def submit(setup, kind: str, staff_id: int, at: dt.datetime) -> int:  # type: ignore[no-untyped-def]
    from gasdesk.services.effects.catalog import load_forms
    from gasdesk.services.forms import submit_form

    spec = load_forms().get(kind)
    assert spec is not None
    raw = {
        "name": "张三",
        "phone": "13805331234",
        "topic": "收费",
        "question": "阶梯气价怎么算？",
        "about": "收费",
        "content": "找零少给了一元",
    }
    result = submit_form(spec, raw, staff_id=staff_id, office_id=setup.office_id, at=at)
    return result.form.id


def advance_to_replied(form_id: int, staff_id: int, at: dt.datetime) -> None:
    from gasdesk.domain.form_spec import Status
    from gasdesk.services.form_completion import advance_form

    while advance_form(form_id, staff_id=staff_id, at=at).status is not Status.REPLIED:
        pass


def test_reply_rates_fines_and_compensation_from_forms(empty_database: Path) -> None:
    from gasdesk.services.complaints import uphold_complaint

    setup = seed()
    monday = dt.datetime(2026, 11, 16, 9, 0)
    a = submit(setup, "complaint", setup.teller_id, monday)
    advance_to_replied(a, setup.teller_id, monday + dt.timedelta(days=2))
    uphold_complaint(a, staff_id=setup.supervisor_id, against_staff_id=setup.teller2_id, at=monday)
    submit(setup, "complaint", setup.teller2_id, monday)  # never replied; due on the 19th
    friday = dt.datetime(2026, 11, 20, 10, 0)
    c = submit(setup, "consultation", setup.teller_id, friday)
    advance_to_replied(c, setup.teller_id, friday)
    submit(setup, "consultation", setup.teller2_id, friday)  # still inside its term

    month = kpi.service_kpis(setup.office_id, Period.month(2026, 11), as_of=DAY)
    office = month.office
    assert month.missing_sources == ()
    assert office.complaints is not None and office.consultations is not None
    assert (office.complaints.received, office.complaints.in_term) == (2, 1)
    assert (office.consultations.received, office.consultations.pending) == (1, 1)
    assert office.replies is not None and office.replies.rate == Fraction(2, 3)
    assert office.unit_fine_fen == 33 * 200_00  # 66.7%: 33 whole points below 100%
    assert office.compensation_fen == 30_00
    by = {row.label.split()[0]: row for row in month.tellers}
    assert by["MS02"].compensation_fen == 30_00 and by["MS01"].compensation_fen == 0
    assert by["MS01"].replies.rate == 1  # type: ignore[union-attr]
    assert by["MS02"].replies.rate == 0  # type: ignore[union-attr]

    day = kpi.service_kpis(setup.office_id, Period.day(DAY), as_of=DAY)
    assert day.office.replies.rate == 1 and day.office.unit_fine_fen == 0  # type: ignore[union-attr]
    assert day.office.compensation_fen == 0


def test_return_visit_ratings_count_in_the_satisfaction(empty_database: Path) -> None:
    """The satisfaction a customer gives at a return visit (回访) is a rating of the
    form's service: 满意 and 基本满意 count as satisfied, for the teller who took it."""
    from gasdesk.services.return_visits import list_return_visits, record_return_visit

    setup = seed()
    monday = dt.datetime(2026, 11, 16, 9, 0)
    said = {}
    for staff_id, satisfaction in (
        (setup.teller_id, "satisfied"),
        (setup.teller_id, "basically"),
        (setup.teller2_id, "unsatisfied"),
    ):
        form_id = submit(setup, "complaint", staff_id, monday)
        advance_to_replied(form_id, staff_id, monday + dt.timedelta(days=1))
        said[form_id] = satisfaction
    for visit in list_return_visits():
        record_return_visit(
            visit.id,
            staff_id=setup.supervisor_id,
            outcome="客户已知晓处理结果",
            satisfaction=said[visit.form.id],
            at=dt.datetime.combine(DAY, dt.time(15, 0)),
        )

    day = kpi.service_kpis(setup.office_id, Period.day(DAY), as_of=DAY)
    office = day.office.satisfaction
    assert office is not None and (office.ratings, office.rate) == (3, Fraction(2, 3))
    by = {row.label.split()[0]: row for row in day.tellers}
    assert by["MS01"].satisfaction.rate == 1  # type: ignore[union-attr]
    assert by["MS02"].satisfaction.rate == 0  # type: ignore[union-attr]
    before = kpi.service_kpis(setup.office_id, Period.day(monday.date()), as_of=DAY)
    assert before.office.satisfaction.ratings == 0  # type: ignore[union-attr]
    other = kpi.service_kpis(setup.other_office_id, Period.day(DAY), as_of=DAY)
    assert other.office.satisfaction.ratings == 0  # type: ignore[union-attr]
