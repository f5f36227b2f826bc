"""Lockout after five wrong passwords, supervisor re-authentication and the
administrator's user commands, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

import pytest
from peewee import Database

import gasdesk.services.auth as auth
from gasdesk.services import users
from gasdesk.services.auth import (
    BadgeLockedError,
    LoginError,
    NotSupervisorError,
    login,
    unlock_badge,
    verify_supervisor,
)
from gasdesk.storage import audit_verify
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import AuditEvent, Counter, Office, Staff, db, now

PW = "123456"


@pytest.fixture
def ms(seeded: Database) -> tuple[int, int]:
    """(MS office id, MS counter 1 id)"""
    office = Office.get(Office.code == "MS")
    return office.id, Counter.get((Counter.office == office) & (Counter.number == 1)).id


def events(kind: str) -> list[dict]:
    rows = AuditEvent.select().where(AuditEvent.kind == kind).order_by(AuditEvent.seq)
    return [json.loads(r.payload_json) for r in rows]


def staff(badge: str) -> Staff:
    return Staff.get(Staff.badge == badge)


def lock_out(badge: str, counter: int) -> None:
    for _ in range(4):
        with pytest.raises(LoginError):
            login(badge, "wrong!", counter)
    with pytest.raises(BadgeLockedError):
        login(badge, "wrong!", counter)


def lock_directly(badge: str) -> None:
    with write_transaction():
        Staff.update(failed_logins=5, locked_until=now() + dt.timedelta(minutes=15)).where(
            Staff.badge == badge
        ).execute()


def test_four_wrong_passwords_then_the_right_one_logs_in_and_clears_the_count(
    ms: tuple[int, int],
) -> None:
    _, counter = ms
    for n in range(1, 5):
        with pytest.raises(LoginError) as info:
            login("MS01", "654321", counter)
        assert staff("MS01").failed_logins == n
    assert "One more wrong password will lock the badge" in str(info.value)
    session = login("MS01", PW, counter)
    assert session.staff.badge == "MS01"
    assert staff("MS01").failed_logins == 0
    assert [e["attempt"] for e in events("login_failed")] == [1, 2, 3, 4]
    assert audit_verify.verify().ok


def test_the_fifth_wrong_password_locks_the_badge_for_fifteen_minutes(
    ms: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, counter = ms
    started = now()
    lock_out("MS01", counter)
    s = staff("MS01")
    assert s.failed_logins == 5
    assert s.locked_until - started >= dt.timedelta(minutes=15)
    assert s.locked_until - started <= dt.timedelta(minutes=15, seconds=5)
    assert [e["badge"] for e in events("lockout")] == ["MS01"]

    # the right password does not help while locked, and is not even counted
    with pytest.raises(BadgeLockedError) as info:
        login("MS01", PW, counter)
    assert "locked until" in str(info.value)
    assert staff("MS01").failed_logins == 5
    assert len(events("login_failed")) == 5

    # other badges are not affected
    assert login("MS02", PW, counter).staff.badge == "MS02"

    # after the 15 minutes the right password works again
    monkeypatch.setattr(auth, "now", lambda: s.locked_until + dt.timedelta(seconds=1))
    assert login("MS01", PW, counter).staff.badge == "MS01"
    assert staff("MS01").failed_logins == 0
    assert staff("MS01").locked_until is None
    assert audit_verify.verify().ok


def test_after_a_lock_expires_the_count_starts_again(
    ms: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, counter = ms
    lock_out("MS01", counter)
    later = staff("MS01").locked_until + dt.timedelta(minutes=1)
    monkeypatch.setattr(auth, "now", lambda: later)
    with pytest.raises(LoginError) as info:
        login("MS01", "wrong!", counter)
    assert not isinstance(info.value, BadgeLockedError)
    assert staff("MS01").failed_logins == 1


def test_ten_wrong_passwords_sent_at_once_check_at_most_five(
    ms: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten counters (threads, each with a connection of its own) send a wrong password
    for one badge at the same moment: each attempt is counted before its password is
    checked, so the sixth and later find the badge locked and are never checked."""
    _, counter = ms
    checked: list[str] = []
    real_check = auth.check_password

    def counting_check(stored: str, password: str) -> bool:
        checked.append(password)
        time.sleep(0.05)  # about what argon2id costs at its real parameters: attempts overlap
        return real_check(stored, password)

    monkeypatch.setattr(auth, "check_password", counting_check)
    start = threading.Barrier(10)
    outcomes: list[BaseException] = []

    def attempt() -> None:
        start.wait()
        try:
            login("MS01", "wrong!", counter)
        except BaseException as exc:  # collected for the assertions
            outcomes.append(exc)
        finally:
            db.close()  # this thread's own connection

    threads = [threading.Thread(target=attempt) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 10 and all(isinstance(e, LoginError) for e in outcomes), outcomes
    assert len(checked) <= 5
    assert sum(isinstance(e, BadgeLockedError) for e in outcomes) >= 5
    s = staff("MS01")
    assert s.failed_logins == 5 and s.locked_until is not None and s.locked_until > now()
    assert sorted(e["attempt"] for e in events("login_failed")) == [1, 2, 3, 4, 5][: len(checked)]
    assert len(events("lockout")) == 1
    with pytest.raises(BadgeLockedError):  # the right password waits for the lock too
        login("MS01", PW, counter)
    assert len(checked) <= 5
    assert audit_verify.verify().ok


def test_a_supervisor_unlocks_a_badge_and_a_teller_cannot(ms: tuple[int, int]) -> None:
    office, counter = ms
    lock_out("MS01", counter)
    with pytest.raises(NotSupervisorError):
        unlock_badge("MS01", "MS02", PW, office)
    with pytest.raises(BadgeLockedError):
        login("MS01", PW, counter)
    with pytest.raises(LoginError):
        unlock_badge("MS01", "MS09", "wrong!", office)
    unlock_badge("MS01", "MS09", PW, office)
    assert login("MS01", PW, counter).staff.badge == "MS01"
    unlocks = events("unlock")
    assert unlocks == [{"badge": "MS01", "by": "supervisor"}]
    assert AuditEvent.get(AuditEvent.kind == "unlock").staff_id == staff("MS09").id


def test_a_supervisor_unlocks_only_badges_of_their_own_office(ms: tuple[int, int]) -> None:
    office, _ = ms
    lock_directly("WC01")
    with pytest.raises(LoginError) as info:
        unlock_badge("WC01", "MS09", PW, office)
    assert "another office" in str(info.value)
    assert staff("WC01").failed_logins == 5 and staff("WC01").locked_until is not None
    assert events("unlock") == []
    wc = Office.get(Office.code == "WC").id
    with pytest.raises(NotSupervisorError):  # nor by naming the other office as hers
        unlock_badge("WC01", "MS09", PW, wc)
    assert staff("WC01").locked_until is not None and events("unlock") == []
    unlock_badge("WC01", "WC09", PW, wc)
    assert staff("WC01").failed_logins == 0 and staff("WC01").locked_until is None


def test_verify_supervisor_accepts_only_a_supervisor_of_the_office(ms: tuple[int, int]) -> None:
    office, _ = ms
    info = verify_supervisor("MS09", PW, office)
    assert info.is_supervisor and info.badge == "MS09"

    with pytest.raises(NotSupervisorError):
        verify_supervisor("MS01", PW, office)  # a teller
    with pytest.raises(NotSupervisorError):
        verify_supervisor("WC09", PW, office)  # another office's supervisor
    assert [e["badge"] for e in events("supervisor_refused")] == ["MS01", "WC09"]

    with pytest.raises(LoginError) as wrong:
        verify_supervisor("MS09", "nope!!", office)
    assert not isinstance(wrong.value, NotSupervisorError)
    assert staff("MS09").failed_logins == 1
    assert events("login_failed")[-1] == {"attempt": 1, "badge": "MS09", "purpose": "supervisor"}


def test_wrong_supervisor_passwords_lock_the_supervisor_too(ms: tuple[int, int]) -> None:
    office, _ = ms
    for _ in range(4):
        with pytest.raises(LoginError):
            verify_supervisor("MS09", "nope!!", office)
    with pytest.raises(BadgeLockedError):
        verify_supervisor("MS09", "nope!!", office)
    with pytest.raises(BadgeLockedError):
        verify_supervisor("MS09", PW, office)


def test_supervisor_check_refuses_to_run_inside_the_actions_transaction(
    ms: tuple[int, int],
) -> None:
    """Inside it, the record of a wrong password would be rolled back with the action."""
    office, _ = ms
    with write_transaction(), pytest.raises(RuntimeError):
        verify_supervisor("MS09", PW, office)


def test_unknown_badge_and_empty_input(ms: tuple[int, int]) -> None:
    _, counter = ms
    with pytest.raises(LoginError, match="Badge number or password is wrong"):
        login("ZZ99", PW, counter)
    assert events("login_failed") == [{"badge": "ZZ99", "purpose": "login"}]
    before = AuditEvent.select().count()
    for badge, pw in [("", PW), ("  ", PW), ("MS01", "")]:
        with pytest.raises(LoginError, match="Enter your badge number and password"):
            login(badge, pw, counter)
    assert AuditEvent.select().count() == before


def test_administrator_adds_resets_and_unlocks_users(ms: tuple[int, int]) -> None:
    office, counter = ms
    added = users.add_user("ms05", " 周  敏 ", "teller", "ms", "s3cret-pw")
    assert (added.badge, added.name, added.role, added.office_id) == (
        "MS05",
        "周 敏",
        "teller",
        office,
    )
    assert login("MS05", "s3cret-pw", counter).staff.id == added.id

    lock_directly("MS05")  # (a real lockout costs five slow argon2 checks)
    users.reset_password("MS05", "another-pw")
    assert login("MS05", "another-pw", counter).staff.badge == "MS05"

    lock_directly("MS05")
    with pytest.raises(BadgeLockedError):
        login("MS05", "another-pw", counter)
    users.unlock("MS05")
    assert login("MS05", "another-pw", counter).staff.badge == "MS05"
    assert events("unlock")[-1] == {"badge": "MS05", "by": "administrator"}
    assert [e["badge"] for e in events("user_added")] == ["MS05"]
    assert [e["badge"] for e in events("password_reset")] == ["MS05"]
    assert audit_verify.verify().ok


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("MS01", "Dup", "teller", "MS", "abcdef"), "exists already"),
        (("M", "Short", "teller", "MS", "abcdef"), "2 to 16 letters"),
        (("MS-7", "Dash", "teller", "MS", "abcdef"), "2 to 16 letters"),
        (("MS07", "   ", "teller", "MS", "abcdef"), "Enter the person's name"),
        (("MS07", "Boss", "admin", "MS", "abcdef"), "role is one of"),
        (("MS07", "Lost", "teller", "XX", "abcdef"), "no office 'XX'"),
        (("MS07", "Weak", "teller", "MS", "abc"), "at least 6"),
        (("MS07", "Spacy", "teller", "MS", " abcdef"), "begin or end with a space"),
    ],
)
def test_bad_user_input_is_refused_and_changes_nothing(
    ms: tuple[int, int], args: tuple[str, ...], message: str
) -> None:
    before = (Staff.select().count(), AuditEvent.select().count())
    with pytest.raises(users.StaffInputError, match=message):
        users.add_user(*args)
    assert (Staff.select().count(), AuditEvent.select().count()) == before
