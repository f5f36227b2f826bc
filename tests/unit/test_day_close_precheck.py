"""The full integrity check before a day close, started ahead of time once every shift
is closed: the close takes over its verdict only when the check saw the settled day,
is recent and found nothing; otherwise the close checks for itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.domain.text import UserError
from gasdesk.services import day_close, reconcile, shift_close, shifts
from gasdesk.storage import db as storage_db
from gasdesk.storage import integrity
from gasdesk.storage.db import IntegrityResult
from gasdesk.storage.models import Shift, now
from gasdesk.storage.models_dayend import DayClosure
from tests.dayend_support import DAY, Setup, pay, seed

FLOAT = {10000: 2}


@pytest.fixture
def setup(empty_database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Setup]:  # type: ignore[no-untyped-def]
    integrity.forget()
    monkeypatch.setattr(integrity, "SETTLE_MARGIN", dt.timedelta(0))  # no wait in tests
    yield seed()
    integrity.forget()


class OwnChecks:
    """Stands in for the check the close runs itself: records each run and gives
    `answer` ('ok' unless a test says otherwise)."""

    def __init__(self) -> None:
        self.made: list[IntegrityResult] = []
        self.answer = IntegrityResult(True, ["ok"], 0.0)

    def __call__(self, max_errors: int = 20) -> IntegrityResult:
        self.made.append(self.answer)
        return self.answer


@pytest.fixture
def own_checks(monkeypatch: pytest.MonkeyPatch) -> OwnChecks:
    checks = OwnChecks()
    monkeypatch.setattr(storage_db, "integrity_check", checks)
    return checks


def a_settled_day(setup: Setup) -> Shift:
    s = shifts.open_shift(setup.teller_id, setup.counter_ids[0], FLOAT, business_date=DAY)
    pay(setup, method="cash", amount_fen=1000, tendered_fen=1000)
    counts = dict(FLOAT)
    counts[1000] = 1
    reconcile.record_blind_count(s.id, setup.teller_id, counts)
    shift_close.close_shift(s.id, setup.teller_id)
    return Shift.get_by_id(s.id)


def test_the_close_takes_over_the_check_run_ahead(setup: Setup, own_checks: OwnChecks) -> None:
    a_settled_day(setup)
    assert day_close.prepare_close(setup.office_id, DAY)
    integrity.wait_for_precheck()
    ahead = integrity.latest()
    assert ahead is not None and ahead.background and ahead.result.ok
    assert ahead.result.messages == ["ok"] and ahead.result.seconds > 0
    assert not day_close.prepare_close(setup.office_id, DAY)  # one is enough
    info = day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)
    assert own_checks.made == [] and integrity.latest() is ahead
    assert DayClosure.get().audit_seq == info.audit_seq


def test_nothing_starts_while_a_shift_is_open_or_once_the_day_is_closed(setup: Setup) -> None:
    s = shifts.open_shift(setup.teller_id, setup.counter_ids[0], FLOAT, business_date=DAY)
    assert not day_close.prepare_close(setup.office_id, DAY)
    assert integrity.latest() is None
    reconcile.record_blind_count(s.id, setup.teller_id, FLOAT)
    shift_close.close_shift(s.id, setup.teller_id)
    day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)  # checks for itself
    checked = integrity.latest()
    assert checked is not None and not checked.background
    assert not day_close.prepare_close(setup.office_id, DAY)
    assert integrity.latest() is checked


@pytest.mark.parametrize(
    ("started", "why"),
    [
        (lambda settled: settled - dt.timedelta(seconds=1), "before the last shift closed"),
        (lambda settled: now() - integrity.MAX_AGE - dt.timedelta(minutes=1), "too old"),
    ],
)
def test_a_check_that_does_not_qualify_is_run_again_at_the_close(
    setup: Setup,
    own_checks: OwnChecks,
    started,
    why: str,  # type: ignore[no-untyped-def]
) -> None:
    shift = a_settled_day(setup)
    settled = day_close.day_settled_at(setup.office_id, DAY)
    assert settled == shift.closed_at
    path = integrity._sqlite_path()
    assert path is not None
    stale = integrity.Verdict(IntegrityResult(True, ["ok"], 20.0), started(settled), path, True)
    integrity._latest = stale
    day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)
    assert len(own_checks.made) == 1, why
    assert integrity.latest() is not stale


def test_damage_found_ahead_is_checked_again_and_refuses_the_close(
    setup: Setup, own_checks: OwnChecks, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_settled_day(setup)
    damage = IntegrityResult(False, ["row 3 missing from index payment_office_day"], 0.1)
    monkeypatch.setattr(integrity, "check_file", lambda path, max_errors=20: (damage, now()))
    assert day_close.prepare_close(setup.office_id, DAY)
    integrity.wait_for_precheck()
    assert integrity.latest() is not None and not integrity.latest().result.ok  # type: ignore[union-attr]
    own_checks.answer = damage  # the close's own check finds it too
    with pytest.raises(UserError, match="row 3 missing from index"):
        day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)
    assert len(own_checks.made) == 1 and DayClosure.select().count() == 0
