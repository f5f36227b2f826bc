"""Service KPIs read the recorded visits and ratings; reply rates show no data until
consultations and complaints have a source."""

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
    assert report.missing_sources == ("inquiries",)
    office = report.office
    assert office.satisfaction is not None and office.satisfaction.rate == Fraction(2, 3)
    assert office.times is not None
    assert (office.times.visits, office.times.average_seconds, office.times.worst_seconds) == (
        4,
        169,
        400,
    )
    assert office.replies is None and office.unit_fine_fen is None  # no data, not zero
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
