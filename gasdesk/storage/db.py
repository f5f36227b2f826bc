"""Opening the database: SQLite by default, PostgreSQL when GASDESK_DATABASE_URL says so.

Every refusal happens before anything is written, so a wrong, damaged or newer file
is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import platformdirs
from peewee import Database, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import connect as connect_url

from gasdesk.storage import audit
from gasdesk.storage.errors import DatabaseOpenError
from gasdesk.storage.migrations import current_version, latest_version, migrate
from gasdesk.storage.models import db

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a committed payment survives a power cut
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "cache_size": -32_000,
}
URL_ENV = "GASDESK_DATABASE_URL"


def default_db_path() -> Path:
    return platformdirs.user_data_path("gasdesk", appauthor=False) / "gasdesk.db"


def _check_sqlite_file(path: Path) -> None:
    """Refuse, without writing, a path that is not a usable GasDesk database."""
    if path.exists():
        if not path.is_file():
            raise DatabaseOpenError(f"{path} is not a file.")
        try:
            with path.open("rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise DatabaseOpenError(f"{path} cannot be read: {exc.strerror}.") from exc
        if header != SQLITE_HEADER:
            raise DatabaseOpenError(f"{path} is not a GasDesk database (it is not an SQLite file).")
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(f"{path} cannot be written (read-only file or folder).")
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                result = con.execute("PRAGMA quick_check").fetchone()[0]
                tables = {
                    r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
                version = 0
                if "gasdesk_schema" in tables:
                    version = (
                        con.execute("SELECT max(version) FROM gasdesk_schema").fetchone()[0] or 0
                    )
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise DatabaseOpenError(f"{path} is damaged and cannot be opened ({exc}).") from exc
        if result != "ok":
            raise DatabaseOpenError(f"{path} is damaged: the integrity check says '{result}'.")
        if tables and "gasdesk_schema" not in tables:
            raise DatabaseOpenError(f"{path} is an SQLite file but not a GasDesk database.")
        if version > latest_version():
            raise DatabaseOpenError(
                f"{path} was written by a newer GasDesk (schema {version}; this version knows "
                f"up to {latest_version()}). Install the newer GasDesk to open it."
            )
    else:
        parent = path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError(
                f"The folder {parent} cannot be created: {exc.strerror}."
            ) from exc
        if not os.access(parent, os.W_OK):
            raise DatabaseOpenError(f"The folder {parent} cannot be written.")


def open_database(
    path: str | Path | None = None,
    *,
    url: str | None = None,
    key_path: str | Path | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database; bind the models to it."""
    url = url or os.environ.get(URL_ENV) or None
    database: Database
    if url:
        try:
            database = connect_url(url)
            database.connect(reuse_if_open=True)
        except Exception as exc:
            raise DatabaseOpenError(
                f"The shared database {url.split('@')[-1]} cannot be reached: {exc}"
            ) from exc
        default_key = platformdirs.user_data_path("gasdesk", appauthor=False) / "audit.key"
    else:
        file = Path(path) if path else default_db_path()
        _check_sqlite_file(file)
        database = SqliteDatabase(str(file), pragmas=SQLITE_PRAGMAS, timeout=10)
        default_key = file.with_name(file.name + ".key")
    db.initialize(database)
    if current_version(database) > latest_version():
        database.close()
        raise DatabaseOpenError(
            "This database was written by a newer GasDesk; install the newer GasDesk."
        )
    migrate(database)
    audit.load_key(
        Path(key_path) if key_path else Path(os.environ.get("GASDESK_AUDIT_KEY_FILE", default_key))
    )
    return database


def write_transaction() -> AbstractContextManager[Any]:
    """The transaction every write runs in: BEGIN IMMEDIATE on SQLite, so that two
    counters never both read the same receipt counter before one of them writes."""
    database = db.obj
    if isinstance(database, SqliteDatabase):
        return database.atomic("IMMEDIATE")
    if isinstance(database, PostgresqlDatabase):
        return database.atomic()
    return database.atomic()


def is_sqlite() -> bool:
    return isinstance(db.obj, SqliteDatabase)
