"""Damage found at start-up and before the day close: the start-up quick_check
refuses a database whose money tables are damaged (the whole file when it is small,
the money tables when it is big), and the full integrity_check finds damage anywhere."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from peewee import Database

import gasdesk.storage.db as storage_db
from gasdesk.storage.db import integrity_check, open_database, write_transaction
from gasdesk.storage.errors import DatabaseOpenError
from gasdesk.storage.models import Account, Meter, Reading, db
from tests.reliability.payment_loop import pay


def _history(database: Database) -> None:
    for _ in range(5):
        pay("1001000001", 100)
    account = Account.get(Account.number == "1001000002")
    with write_transaction():
        meter = Meter.create(
            number="M1",
            account=account,
            kind="mechanical",
            model="G2.5",
            installed_on=dt.date(2020, 1, 1),
        )
        Reading.insert_many(
            [
                {
                    "meter": meter,
                    "account": account,
                    "read_on": dt.date(2020, 1, 1) + dt.timedelta(days=i),
                    "value_l": i,
                    "source": "reader",
                }
                for i in range(3000)
            ]
        ).execute()
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _damage_table(file: Path, table: str) -> None:
    """Overwrite the b-tree page type byte of the table's root page: SQLite's checks
    report the page as corrupt."""
    con = sqlite3.connect(file)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    with open(file, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x07")


@pytest.mark.parametrize("whole_file", [True, False])
def test_damaged_money_table_is_refused_at_start_up(
    sqlite_seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole_file: bool
) -> None:
    _history(sqlite_seeded)
    file = tmp_path / "gasdesk.db"
    if not whole_file:  # as for a file above the size limit
        monkeypatch.setattr(storage_db, "FULL_QUICK_CHECK_BYTES", 0)
    _damage_table(file, "audit_event")
    before = file.read_bytes()
    with pytest.raises(DatabaseOpenError, match="damaged"):
        open_database(file, key_path=tmp_path / "audit.key")
    assert file.read_bytes() == before  # refused without writing


def test_big_file_start_up_skips_history_and_the_day_close_check_finds_it(
    sqlite_seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(sqlite_seeded)
    file = tmp_path / "gasdesk.db"
    monkeypatch.setattr(storage_db, "FULL_QUICK_CHECK_BYTES", 0)
    _damage_table(file, "reading")
    open_database(file, key_path=tmp_path / "audit.key")  # the money tables are sound
    result = integrity_check()
    assert not result.ok
    assert result.messages and result.messages != ["ok"]


def test_a_migration_numbered_below_the_newest_applied_one_still_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database that already has migration 60 gets a migration 10 added later."""
    from gasdesk.storage import migrations

    file = tmp_path / "gasdesk.db"
    open_database(file, key_path=tmp_path / "audit.key")
    db.close()
    ran: list[str] = []
    taken = {number for number, _, _ in migrations.MIGRATIONS}
    n = next(i for i in range(2, 60) if i not in taken)  # a free number below 60
    later = (n, "added later", lambda database: ran.append(str(n)))
    monkeypatch.setattr(migrations, "MIGRATIONS", sorted([*migrations.MIGRATIONS, later]))
    database = open_database(file, key_path=tmp_path / "audit.key")
    assert ran == [str(n)]
    assert n in {r[0] for r in database.execute_sql("SELECT version FROM gasdesk_schema")}
    db.close()
    open_database(file, key_path=tmp_path / "audit.key")
    assert ran == [str(n)]  # once
