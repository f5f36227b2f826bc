"""Opening databases: migrations, and every refusal leaves the file untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from gasdesk.storage import migrations
from gasdesk.storage.db import open_database
from gasdesk.storage.errors import DatabaseOpenError
from gasdesk.storage.models import db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def _close() -> None:
    yield
    if db.obj is not None:
        db.close()


def test_new_database_is_migrated_to_latest(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    database = open_database(path)
    assert migrations.current_version(database) == migrations.latest_version()
    assert {"account", "payment", "receipt", "audit_event"} <= set(database.get_tables())
    mode = database.execute_sql("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    open_database(path)
    db.close()
    database = open_database(path)
    assert migrations.migrate(database) == []
    rows = database.execute_sql("SELECT count(*) FROM gasdesk_schema").fetchone()[0]
    assert rows == len(migrations.MIGRATIONS)


def test_missing_migrations_are_applied_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    open_database(path)
    db.close()
    applied: list[int] = []
    extra = [
        (9001, "second", lambda d: applied.append(9001)),
        (9000, "first", lambda d: applied.append(9000)),
    ]
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + extra)
    database = open_database(path)
    assert applied == [9000, 9001]
    assert migrations.current_version(database) == 9001


def test_failed_migration_leaves_version_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fail.db"
    open_database(path)
    before = migrations.latest_version()
    db.close()

    def broken(database) -> None:  # type: ignore[no-untyped-def]
        database.execute_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(
        migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (9999, "broken", broken)]
    )
    with pytest.raises(RuntimeError):
        open_database(path)
    db.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT max(version) FROM gasdesk_schema").fetchone()[0] == before
    assert (
        con.execute("SELECT count(*) FROM sqlite_master WHERE name='half_done'").fetchone()[0] == 0
    )
    con.close()


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(path)
    db.execute_sql(
        "INSERT INTO gasdesk_schema (version, name, applied_at) VALUES (99999, 'future', '2030-01-01')"
    )
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = digest(path)
    with pytest.raises(DatabaseOpenError, match="newer GasDesk"):
        open_database(path)
    assert digest(path) == before


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database\n" * 10)
    before = digest(path)
    with pytest.raises(DatabaseOpenError, match="not a GasDesk database"):
        open_database(path)
    assert digest(path) == before


def test_empty_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "zero.db"
    path.write_bytes(b"")
    with pytest.raises(DatabaseOpenError, match="not a GasDesk database"):
        open_database(path)
    assert path.read_bytes() == b""


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(DatabaseOpenError, match="not a GasDesk database"):
        open_database(path)
    assert digest(path) == before
    assert not path.with_name("other.db-wal").exists()


def test_corrupt_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    open_database(path)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    # keep the header, scribble over the schema and table pages
    for i in range(100, len(data), 7):
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseOpenError, match="damaged"):
        open_database(path)
    assert digest(path) == before


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="not a file"):
        open_database(tmp_path)


def test_unwritable_location_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(DatabaseOpenError, match="cannot be created"):
        open_database(blocker / "sub" / "gasdesk.db")
