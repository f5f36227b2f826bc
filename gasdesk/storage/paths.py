"""Naming a database file to SQLite.

A `file:` URI is how SQLite is asked to open a file read-only (`mode=ro`); in a URI
`#` starts a fragment, `?` the parameters and `%` an escape, so a file name holding
them, put into the URI as it is, names another file (SQLite then creates that one,
empty, and checks it instead). `file_uri()` percent-encodes the whole path.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode


def file_uri(path: str | Path, **params: str) -> str:
    """The `file:` URI of `path` (made absolute, every special character escaped),
    with SQLite's URI parameters, e.g. file_uri(p, mode="ro")."""
    uri = Path(path).absolute().as_uri()
    return f"{uri}?{urlencode(params)}" if params else uri


def read_only_uri(path: str | Path) -> str:
    """The URI that opens `path` read-only (it is never created)."""
    return file_uri(path, mode="ro")


def database_file() -> Path | None:
    """The file of the open SQLite database, resolved (None on PostgreSQL, or before a
    database is open)."""
    from peewee import SqliteDatabase

    from gasdesk.storage.models import db

    database = db.obj
    if not isinstance(database, SqliteDatabase) or database.database in ("", ":memory:"):
        return None
    return Path(database.database).resolve()


def is_companion(name: str, folder: Path, own: Path) -> bool:
    """Whether the file `name` in the (resolved) `folder` is the database `own` or one
    kept beside it under its name: -wal, -shm, -journal, .key, .head."""
    return folder == own.parent and name.startswith(own.name)


def is_database_file(path: str | Path) -> bool:
    """Whether `path` names the open database's file or one beside it (see
    is_companion), directly or through a link. Such files are SQLite's alone: were
    this process to open and close one elsewhere, POSIX would drop every lock
    SQLite holds on it, and another counter could then remove the write-ahead log
    still in use."""
    own = database_file()
    if own is None:
        return False
    given = Path(path)
    try:
        folder = given.parent.resolve()
        real = given.resolve()
    except (OSError, RuntimeError):
        return False
    return is_companion(given.name, folder, own) or is_companion(real.name, real.parent, own)
