"""The first-run set-up service: every field checked before anything is written, the
whole set-up in one transaction or nothing, and refused once the database is set up."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gasdesk.domain.text import UserError
from gasdesk.services import auth
from gasdesk.services.office_setup import (
    AlreadySetUpError,
    FirstRun,
    OfficeEntry,
    check_office,
    set_up_first_run,
    set_up_office,
    shipped_entries,
)
from gasdesk.storage.models import AuditEvent, Counter, Office, Staff, TariffVersion
from tests.pg_support import backend, backend_database, pg_url  # noqa: F401

NEW = OfficeEntry(
    "ZB", "张店营业室", "张店区华光路1号", "0533-2000000", "8:30-12:00, 13:30-17:30", 2
)


def request(**changes: object) -> FirstRun:
    base = FirstRun(office=NEW, counter=2, badge="zb09", name=" 孙悦 ", password="secret12")
    return replace(base, **changes)  # type: ignore[arg-type]


def nothing_written() -> bool:
    return (
        Office.select().count()
        == Counter.select().count()
        == Staff.select().count()
        == TariffVersion.select().count()
        == AuditEvent.select().count()
        == 0
    )


@pytest.mark.parametrize(
    "change",
    [
        {"code": "M-S"},
        {"code": "1A"},
        {"code": "X"},
        {"name": "  "},
        {"address": ""},
        {"phone": "电话"},
        {"hours": "8:30 to 12"},
        {"hours": "13:00-12:00"},
        {"counters": 0},
        {"counters": 21},
    ],
)
def test_an_office_that_breaks_a_rule_is_refused(change: dict[str, object]) -> None:
    with pytest.raises(UserError):
        check_office(replace(NEW, **change))  # type: ignore[arg-type]


def test_an_office_is_stored_tidied() -> None:
    tidy = check_office(replace(NEW, code=" zb ", name=" 张店  营业室 "))
    assert (tidy.code, tidy.name, tidy.hours) == ("ZB", "张店 营业室", "08:30-12:00,13:30-17:30")


@pytest.mark.parametrize(
    "changes",
    [
        {"counter": 3},  # the office has 2
        {"counter": 0},
        {"badge": "z"},
        {"name": ""},
        {"password": "12345"},
        {"password": " secret12"},
        {"other_offices": (replace(NEW, name="另一个"),)},  # the same code twice
    ],
)
def test_refused_set_ups_write_nothing(backend_database, changes) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with pytest.raises(UserError):
        set_up_first_run(request(**changes))
    assert nothing_written()


def test_a_new_office_is_set_up_with_its_supervisor_who_can_log_in(backend_database) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    done = set_up_first_run(request())
    assert (done.set_up.office.code, done.set_up.office.name) == ("ZB", "张店营业室")
    assert (done.counter.number, done.set_up.counters) == (2, 2)
    assert (done.set_up.supervisor.badge, done.set_up.supervisor.name) == ("ZB09", "孙悦")
    assert done.set_up.tariffs_added == ("residential", "commercial")
    session = auth.login("ZB09", "secret12", done.counter.id)
    assert session.staff.is_supervisor and session.counter.number == 2
    event = AuditEvent.get(AuditEvent.kind == "office_set_up")
    assert '"address":"张店区华光路1号"' in event.payload_json


def test_the_other_offices_come_in_the_same_transaction(backend_database) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    others = tuple(e for e in shipped_entries())
    done = set_up_first_run(request(other_offices=others))
    assert [o.code for o in done.other_offices] == ["MS", "WC"]
    assert Counter.select().count() == 2 + 3 + 2
    assert Staff.select().count() == 1
    assert AuditEvent.select().where(AuditEvent.kind == "office_set_up").count() == 3


def test_a_failure_inside_the_transaction_leaves_nothing(backend_database) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """WC exists (an office without staff: the database is not set up yet), so the set-up
    fails after it created ZB: ZB, its counters and the tariffs go with it."""
    Office.create(code="WC", name="王村营业室", address="-", phone="0", hours="08:00-17:00")
    wc = [e for e in shipped_entries() if e.code == "WC"]
    with pytest.raises(UserError, match="set up already"):
        set_up_first_run(request(other_offices=tuple(wc)))
    assert [o.code for o in Office.select()] == ["WC"]
    assert Counter.select().count() == Staff.select().count() == TariffVersion.select().count() == 0
    assert AuditEvent.select().count() == 0


def test_a_database_that_is_set_up_refuses_a_second_first_run(backend_database) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    set_up_office("MS", "MS09", "张伟", "secret12")
    events = AuditEvent.select().count()
    with pytest.raises(AlreadySetUpError):
        set_up_first_run(request())
    assert Office.select().count() == 1 and Staff.select().count() == 1
    assert AuditEvent.select().count() == events
