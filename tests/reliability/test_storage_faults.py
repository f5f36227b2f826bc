"""Real storage faults on a real connection: a full disk, a read-only database and a
busy database. Each time the teller gets a clear message, nothing of the failed
payment stays (no row, no receipt number consumed, no audit event), and the next
attempt after the fault is cleared succeeds with the next number.

How each fault is produced:
- full disk: `PRAGMA max_page_count` capped at the file's present size, so SQLite
  returns SQLITE_FULL when the payment needs a new page, exactly as on a full disk.
  SQLite has then already rolled back, and peewee's ROLLBACK fails with "cannot
  rollback - no transaction is active": the cause is only in `__context__`.
- read-only: the tests run as root, where chmod does not stop writes. Two ways that
  really make SQLite refuse with SQLITE_READONLY: `PRAGMA query_only` switched on
  mid-session on the live connection (the fault appears and clears while the
  application runs), and a connection opened through a `mode=ro` URI.
- busy: a second connection holds `BEGIN IMMEDIATE` while ours has a short
  busy_timeout.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from peewee import Database, SqliteDatabase

from gasdesk.storage.db import SQLITE_PRAGMAS, open_database
from gasdesk.storage.errors import describe, kind
from gasdesk.storage.models import db
from tests.reliability.payment_loop import pay
from tests.reliability.snapshot import snapshot

ACCOUNT = "1001000001"


def _next_after(before: dict) -> str:
    series = f"MS-{dt.date.today().year}"
    return f"{series}-{before['counters'].get(series, 0) + 1:06d}"


def test_disk_full_is_explained_undone_and_the_next_payment_succeeds(
    sqlite_seeded: Database,
) -> None:
    pay(ACCOUNT, 100)
    pages = sqlite_seeded.execute_sql("PRAGMA page_count").fetchone()[0]
    sqlite_seeded.execute_sql(f"PRAGMA max_page_count = {pages}")
    failure = None
    for _ in range(500):  # the existing pages have some room left: fill it
        before = snapshot()
        try:
            pay(ACCOUNT, 100)
        except Exception as exc:
            failure = exc
            break
    assert failure is not None, "the capped database never filled up"
    assert kind(failure) == "full"
    assert "disk holding the database is full" in describe(failure)
    assert "Nothing was recorded" in describe(failure)
    assert not sqlite_seeded.in_transaction()
    assert snapshot() == before  # nothing partial, receipt number not consumed

    sqlite_seeded.execute_sql("PRAGMA max_page_count = 1073741823")
    code = pay(ACCOUNT, 100)
    assert code == _next_after(before)
    assert sqlite_seeded.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_mid_session_is_explained_undone_and_then_succeeds(
    sqlite_seeded: Database,
) -> None:
    pay(ACCOUNT, 100)
    before = snapshot()
    sqlite_seeded.execute_sql("PRAGMA query_only = ON")
    with pytest.raises(Exception) as info:
        pay(ACCOUNT, 100)
    assert getattr(info.value.__context__ or info.value, "sqlite_errorcode", 8) & 0xFF == 8
    assert kind(info.value) == "readonly"
    assert describe(info.value).startswith("The database is read-only. Nothing was recorded")
    sqlite_seeded.execute_sql("PRAGMA query_only = OFF")
    assert snapshot() == before
    assert pay(ACCOUNT, 100) == _next_after(before)


def test_database_opened_read_only_refuses_and_a_writable_reopen_succeeds(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    pay(ACCOUNT, 100)
    file = tmp_path / "gasdesk.db"
    before = snapshot()
    sqlite_seeded.close()
    ro = SqliteDatabase(f"file:{file}?mode=ro", uri=True, pragmas={"busy_timeout": 1000})
    db.initialize(ro)
    with pytest.raises(Exception) as info:
        pay(ACCOUNT, 100)
    assert kind(info.value) == "readonly", repr(info.value)
    assert "read-only" in describe(info.value)
    ro.close()
    open_database(file, key_path=tmp_path / "audit.key")
    assert snapshot() == before
    assert pay(ACCOUNT, 100) == _next_after(before)


def _hold_write_lock(file: Path) -> sqlite3.Connection:
    other = sqlite3.connect(file, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE account SET phone = phone WHERE 0")
    return other


def test_busy_database_is_explained_undone_and_then_succeeds(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    pay(ACCOUNT, 100)
    before = snapshot()
    sqlite_seeded.execute_sql("PRAGMA busy_timeout = 50")
    other = _hold_write_lock(tmp_path / "gasdesk.db")
    try:
        with pytest.raises(Exception) as info:
            pay(ACCOUNT, 100)
    finally:
        other.rollback()
        other.close()
    assert kind(info.value) == "busy"
    assert "busy with another counter" in describe(info.value)
    assert snapshot() == before
    assert pay(ACCOUNT, 100) == _next_after(before)
    sqlite_seeded.execute_sql(f"PRAGMA busy_timeout = {SQLITE_PRAGMAS['busy_timeout']}")


def test_a_lock_released_while_retrying_lets_the_work_through(
    sqlite_seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_in_transaction() retries a busy database: the other counter finishes
    while the first attempt backs off, and the work is done once."""
    import gasdesk.storage.db as storage_db
    from gasdesk.storage import audit, audit_verify
    from gasdesk.storage.db import run_in_transaction

    before = snapshot()
    sqlite_seeded.execute_sql("PRAGMA busy_timeout = 30")
    other = _hold_write_lock(tmp_path / "gasdesk.db")
    backoffs: list[float] = []

    def back_off(seconds: float) -> None:  # the other counter commits meanwhile
        if not backoffs:
            other.rollback()
        backoffs.append(seconds)

    monkeypatch.setattr(storage_db.time, "sleep", back_off)
    try:
        seq = run_in_transaction(lambda: audit.append("test", staff_id=None, office_id=None).seq)
    finally:
        other.close()
    assert len(backoffs) == 1  # failed once on the lock, then went through
    assert seq == before["head"][0] + 1
    after = snapshot()
    assert after["counts"]["audit_event"] == before["counts"]["audit_event"] + 1
    assert audit_verify.verify().ok
