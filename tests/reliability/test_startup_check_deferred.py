"""The start-up check beside the login window: the counter application opens its
database with the check on another thread (a big file takes over a second), and no
write happens before the check has passed. Damage found there refuses every write,
changes nothing in the file, and the application ends with the check's message."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import Database

import gasdesk.storage.db as storage_db
from gasdesk.storage.db import deferred_check, open_database, write_transaction
from gasdesk.storage.errors import DatabaseOpenError
from gasdesk.storage.models import Account, Office, db
from tests.reliability.payment_loop import pay

ROOT = Path(__file__).resolve().parents[2]


def _closed_file(database: Database, tmp_path: Path) -> Path:
    for _ in range(3):
        pay("1001000001", 100)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return tmp_path / "gasdesk.db"


def _damage(file: Path, table: str) -> None:
    """Overwrite the b-tree page type byte of the table's root page."""
    con = sqlite3.connect(file)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    with open(file, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x07")


def test_a_sound_file_opens_at_once_and_writes_after_the_verdict(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    file = _closed_file(sqlite_seeded, tmp_path)
    open_database(file, key_path=tmp_path / "audit.key", check_in_background=True)
    check = deferred_check()
    assert check is not None  # the check runs beside whatever comes next
    assert Office.select().count() >= 1  # reading does not wait for it
    pay("1001000001", 100)  # the first write waits for the verdict, then goes ahead
    assert check.done and check.error() is None
    assert deferred_check() is None


def test_damage_found_in_the_background_refuses_every_write(
    sqlite_seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = _closed_file(sqlite_seeded, tmp_path)
    monkeypatch.setattr(storage_db, "FULL_QUICK_CHECK_BYTES", 0)  # as for a big file
    _damage(file, "audit_event")
    before = file.read_bytes()
    open_database(file, key_path=tmp_path / "audit.key", check_in_background=True)
    for _ in range(2):  # not only the first write: every one
        with pytest.raises(DatabaseOpenError, match="damaged"), write_transaction():
            Account.update(name="x").execute()
    check = deferred_check()
    assert check is not None and check.done and check.error() is not None
    db.close()
    assert file.read_bytes() == before  # nothing was written


def test_a_file_that_needs_a_migration_is_checked_before_it_opens(
    sqlite_seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A migration writes: then the check cannot wait for the login."""
    file = _closed_file(sqlite_seeded, tmp_path)
    _damage(file, "audit_event")
    con = sqlite3.connect(file)
    con.execute(
        "DELETE FROM gasdesk_schema WHERE version = (SELECT MAX(version) FROM gasdesk_schema)"
    )
    con.commit()
    con.close()
    before = file.read_bytes()
    with pytest.raises(DatabaseOpenError, match="damaged"):
        open_database(file, key_path=tmp_path / "audit.key", check_in_background=True)
    assert file.read_bytes() == before


@pytest.mark.slow
def test_the_application_ends_with_the_message_when_the_check_finds_damage(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    file = _closed_file(sqlite_seeded, tmp_path)
    _damage(file, "audit_event")  # a small file: quick_check of the whole file finds it
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GASDESK_SETTINGS": str(tmp_path / "settings.ini"),
        "GASDESK_AUDIT_KEY_FILE": str(tmp_path / "audit.key"),
    }
    env.pop("GASDESK_DATABASE_URL", None)
    proc = subprocess.run(
        [sys.executable, "-m", "gasdesk", "--db", str(file)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "已损坏" in proc.stderr  # in the interface's language, Chinese by default
