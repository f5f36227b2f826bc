"""Two counters submitting at once: form numbers stay gapless and unique, and one slot
is booked once."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.forms import FormRejected, submit_form
from gasdesk.storage.models import FormRecord
from gasdesk.storage.models_forms import Appointment
from tests.forms_support import World, close, seed

AT = dt.datetime(2026, 10, 12, 9, 0)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield seed(tmp_path)
    close()


def run_together(n_threads: int, job) -> list[BaseException]:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    start = threading.Barrier(n_threads)

    def body(i: int) -> None:
        start.wait()
        try:
            job(i)
        except BaseException as exc:  # collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.mark.slow
def test_two_counters_get_gapless_unique_numbers(world: World) -> None:
    spec = load_forms().get("consultation")
    assert spec is not None
    values = {"name": "王建国", "topic": "收费", "question": "阶梯气价怎么算？"}

    def job(_i: int) -> None:
        for _ in range(15):
            submit_form(spec, values, staff_id=world.teller_id, office_id=world.office_id, at=AT)

    assert run_together(2, job) == []
    numbers = sorted(r.number for r in FormRecord.select())
    assert numbers == [f"MS-F-2026-{i:06d}" for i in range(1, 31)]


@pytest.mark.slow
def test_the_same_slot_booked_at_two_counters_at_once(world: World) -> None:
    spec = load_forms().get("appointment")
    assert spec is not None
    values = {
        "name": "王建国",
        "phone": "13905331234",
        "address": "文昌路锦绣苑3号楼",
        "visit_kind": "维修",
        "slot": "2026-10-13 08:30-10:30",
    }

    def job(_i: int) -> None:
        submit_form(spec, values, staff_id=world.teller_id, office_id=world.office_id, at=AT)

    errors = run_together(4, job)
    assert len(errors) == 3 and all(isinstance(e, FormRejected) for e in errors)
    assert all(
        e.errors["slot"].code == "timeslot_taken" for e in errors if isinstance(e, FormRejected)
    )
    assert Appointment.select().count() == 1 and FormRecord.select().count() == 1
