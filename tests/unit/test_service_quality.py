"""Service visits and satisfaction ratings in the database, and the day figures."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gasdesk.services import service_quality as sq
from gasdesk.storage.models import AuditEvent, FormRecord, Payment
from gasdesk.storage.models_service import Rating, ServiceVisit
from tests import pg_support
from tests.pg_support import open_test_database
from tests.service_fixtures import World, seed_world
from tests.service_fixtures import make_payment as fixture_payment

DAY = dt.date(2026, 3, 2)
backend = pg_support.backend  # every test here runs on SQLite and on PostgreSQL
pg_url = pg_support.pg_url


def at(hh: int, mm: int, ss: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm, ss))


@pytest.fixture
def world(backend, tmp_path, request) -> World:  # type: ignore[no-untyped-def]
    """The small world on SQLite, and on PostgreSQL when a test server is named."""
    url = request.getfixturevalue("pg_url") if backend == "pg" else None
    open_test_database(backend, tmp_path, url)
    return seed_world()


def visit(world: World, start: dt.datetime, end: dt.datetime | None, teller: int = 0) -> int:
    v = sq.start_visit(
        world.staff_ids[teller],
        world.counter_ids[teller],
        world.office_id,
        world.account_ids[0],
        at=start,
    )
    if end is not None:
        sq.end_visit(v.id, at=end)
    return v.id


def make_payment(world: World) -> Payment:
    payment_id, _ = fixture_payment(world, amount_fen=12850, tendered_fen=20000, number=7)
    return Payment.get_by_id(payment_id)


def test_visit_time_is_recorded(world):
    v = sq.start_visit(
        world.staff_ids[0], world.counter_ids[0], world.office_id, world.account_ids[0], at=at(9, 0)
    )
    assert v.open and v.seconds is None
    ended = sq.end_visit(v.id, at=at(9, 4, 5))
    assert ended.seconds == 245 and not ended.open
    row = ServiceVisit.get_by_id(v.id)
    assert (row.seconds, row.ended_at, row.account_id) == (245, at(9, 4, 5), world.account_ids[0])


def test_ending_twice_keeps_the_first_end(world):
    vid = visit(world, at(9, 0), at(9, 1))
    again = sq.end_visit(vid, at=at(9, 30))
    assert again.seconds == 60
    assert sq.end_visit(99999) is None


def test_clock_set_back_gives_zero_not_negative(world):
    vid = visit(world, at(9, 0), at(8, 59))
    assert sq.get_visit(vid).seconds == 0


def test_visit_notes_the_payment_by_receipt_code(world):
    p = make_payment(world)
    vid = visit(world, at(9, 0), None)
    info = sq.note_visit_subject(vid, receipt="MS-2026-000007")
    assert info.payment_id == p.id
    assert sq.note_visit_subject(vid, receipt="MS-2026-999999").payment_id == p.id  # first kept
    assert sq.note_visit_subject(424242, receipt="MS-2026-000007") is None


def test_rating_is_stored_with_teller_counter_time_and_what_it_rates(world):
    p = make_payment(world)
    vid = visit(world, at(9, 0), None)
    sq.note_visit_subject(vid, payment_id=p.id)
    rating = sq.record_rating(vid, "very_satisfied", at=at(9, 5))
    row = Rating.get_by_id(rating.id)
    assert (row.staff_id, row.counter_id, row.office_id) == (
        world.staff_ids[0],
        world.counter_ids[0],
        world.office_id,
    )
    assert (row.rated_at, row.score, row.payment_id, row.visit_id) == (
        at(9, 5),
        "very_satisfied",
        p.id,
        vid,
    )
    event = AuditEvent.select().where(AuditEvent.kind == "service_rating").get()
    assert json.loads(event.payload_json)["score"] == "very_satisfied"


def test_rating_a_form(world):
    form = FormRecord.create(
        number="F-1",
        kind="transfer",
        office=world.office_id,
        staff=world.staff_ids[0],
        status="submitted",
        data_json="{}",
    )
    vid = visit(world, at(9, 0), at(9, 2))
    rating = sq.record_rating(vid, "satisfied", form_id=form.id)
    assert rating.form_id == form.id and rating.payment_id is None


def test_no_visit_to_rate_records_nothing(world):
    assert sq.record_rating(None, "satisfied") is None
    assert sq.record_rating(31337, "satisfied") is None
    assert Rating.select().count() == 0
    assert AuditEvent.select().where(AuditEvent.kind == "service_rating").count() == 0


def test_a_visit_is_rated_once(world):
    vid = visit(world, at(9, 0), at(9, 2))
    assert sq.record_rating(vid, "unsatisfied") is not None
    assert sq.record_rating(vid, "very_satisfied") is None
    assert [r.score for r in Rating.select()] == ["unsatisfied"]


def test_bad_score_or_reason_is_refused_and_changes_nothing(world):
    vid = visit(world, at(9, 0), at(9, 2))
    with pytest.raises(ValueError, match="very_satisfied"):
        sq.record_rating(vid, "meh")
    with pytest.raises(ValueError, match="reason"):
        sq.record_rating(vid, "unsatisfied", reason="rude!!")
    assert Rating.select().count() == 0


def test_unhappy_rating_takes_one_reason(world):
    vid = visit(world, at(9, 0), at(9, 2))
    rating = sq.record_rating(vid, "unsatisfied")
    assert sq.set_rating_reason(rating.id, "long_wait").reason == "long_wait"
    assert sq.set_rating_reason(rating.id, "attitude").reason == "long_wait"  # one reason only
    happy = sq.record_rating(visit(world, at(10, 0), at(10, 1)), "satisfied")
    assert sq.set_rating_reason(happy.id, "skill").reason == ""


def test_teller_day_quality(world):
    # teller 0: three finished visits (60 s, 125 s, 400 s) and one still open; ratings 2 happy, 1 not
    for start, end in ((at(9, 0), at(9, 1)), (at(10, 0), at(10, 2, 5)), (at(11, 0), at(11, 6, 40))):
        vid = visit(world, start, end)
        sq.record_rating(vid, "very_satisfied" if start.hour < 11 else "unsatisfied", at=end)
    visit(world, at(16, 0), None)
    # the day before and the other teller do not count
    sq.record_rating(
        visit(
            world,
            at(9, 0, day=DAY - dt.timedelta(days=1)),
            at(9, 9, day=DAY - dt.timedelta(days=1)),
        ),
        "unsatisfied",
        at=at(9, 9, day=DAY - dt.timedelta(days=1)),
    )
    sq.record_rating(visit(world, at(9, 0), at(9, 30), teller=1), "satisfied", at=at(9, 30))

    q = sq.teller_day_quality(world.staff_ids[0], DAY, limit_seconds=300)
    assert q.staff_name == "李娜"
    assert (q.visits, q.average_seconds, q.worst_seconds, q.over_limit) == (3, 195, 400, 1)
    assert (q.very_satisfied, q.satisfied, q.unsatisfied, q.ratings) == (2, 0, 1, 3)
    assert q.satisfaction_text == "66.7%"
    assert q.meets_target is False

    other = sq.teller_day_quality(world.staff_ids[1], DAY)
    assert (other.visits, other.worst_seconds, other.satisfaction_text, other.meets_target) == (
        1,
        1800,
        "100.0%",
        True,
    )

    everyone = sq.day_quality(DAY, office_id=world.office_id)
    assert [x.staff_id for x in everyone] == list(world.staff_ids)
    assert sq.day_quality(DAY + dt.timedelta(days=3)) == []


def test_quiet_day_has_no_rate(world):
    q = sq.teller_day_quality(world.staff_ids[0], DAY)
    assert (q.visits, q.average_seconds, q.worst_seconds, q.satisfaction_rate, q.meets_target) == (
        0,
        None,
        None,
        None,
        None,
    )


def test_migration_40_adds_the_tables_to_an_older_database(tmp_path):
    from gasdesk.storage.db import open_database
    from gasdesk.storage.migrations import current_version
    from gasdesk.storage.models import SchemaVersion, db

    path = tmp_path / "old.db"
    database = open_database(path, key_path=tmp_path / "k")
    assert {"service_visit", "rating"} <= set(database.get_tables())
    # make it look like a database from before migration 40
    database.execute_sql("DROP TABLE rating")
    database.execute_sql("DROP TABLE service_visit")
    SchemaVersion.delete().where(SchemaVersion.version == 40).execute()
    db.close()
    database = open_database(path, key_path=tmp_path / "k")
    assert {"service_visit", "rating"} <= set(database.get_tables())
    assert current_version(database) >= 40
