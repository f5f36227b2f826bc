"""Opening the database: SQLite by default, PostgreSQL when GASDESK_DATABASE_URL says so.

Every refusal happens before anything is written, so a wrong, damaged or newer file
is left exactly as it was.
"""

from __future__ import annotations

import errno as os_errors
import hashlib
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from peewee import Database, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import connect as connect_url

from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.storage import audit
from gasdesk.storage.errors import (
    DISK_KINDS,
    DatabaseOpenError,
    ErrorKind,
    StorageError,
    chain_text,
    is_retryable,
    kind,
    watch_database_file,
)
from gasdesk.storage.locks import PG_WRITE_LOCK
from gasdesk.storage.migrations import MIGRATIONS, current_version, latest_version, migrate
from gasdesk.storage.models import db
from gasdesk.storage.paths import read_only_uri

SQLITE_HEADER = b"SQLite format 3\x00"
NO_PERMISSION = (os_errors.EACCES, os_errors.EPERM, os_errors.EROFS)
SQLITE_PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a committed payment survives a power cut
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "cache_size": -8_000,
}
URL_ENV = "GASDESK_DATABASE_URL"
T = TypeVar("T")


def default_db_path() -> Path:
    return platformdirs.user_data_path("gasdesk", appauthor=False) / "gasdesk.db"


def is_default_database(path: str | Path | None) -> bool:
    """Whether `path` names the default per-user database file, the only one the
    application fills with demo data by itself: never a shared (PostgreSQL) database,
    nor a file named with --db or in the settings."""
    if os.environ.get(URL_ENV):
        return False
    wanted = Path(path) if path is not None else default_db_path()
    return wanted.expanduser().resolve() == default_db_path().resolve()


# Start-up check: the whole file with quick_check while that takes well under a
# second (about 250 MB/s measured, warm cache); a bigger file gets quick_check of the
# tables that hold money, receipts, audit and logins (0.2 s on a 470 MB file, where
# the whole file takes 1-2 s), and the full integrity_check runs before the day close.
# The counter application runs the check beside its login window (DeferredCheck):
# on 100,000 accounts with two years of payments the money tables alone take 1.2 s.
FULL_QUICK_CHECK_BYTES = 128 * 1024 * 1024
STARTUP_TABLES = (
    "gasdesk_schema",
    "office",
    "counter",
    "staff",
    "account",
    "shift",
    "payment",
    "payment_bill",
    "receipt_counter",
    "receipt",
    "receipt_print",
    "audit_event",
)


def startup_check(con: sqlite3.Connection, tables: set[str], size: int) -> str:
    """'ok', or the first problem quick_check finds (see FULL_QUICK_CHECK_BYTES)."""
    if size <= FULL_QUICK_CHECK_BYTES:
        return str(con.execute("PRAGMA quick_check(1)").fetchone()[0])
    for table in STARTUP_TABLES:
        if table in tables:
            result = str(con.execute(f"PRAGMA quick_check({table})").fetchone()[0])
            if result != "ok":
                return result
    return "ok"


# Opening failed for a reason of the disk or of another program, not of the file:
# what the administrator is told instead of "damaged".
OPEN_FAILURES: dict[ErrorKind, str] = {
    "full": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} cannot be opened: the disk is full. Nothing was changed; free space on the "
        "disk and start again.",
    ),
    "readonly": QT_TRANSLATE_NOOP(
        "Messages", "{path} cannot be written (read-only file or folder)."
    ),
    "io": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} cannot be opened: the disk reported a read or write error. Nothing was "
        "changed; call the administrator.",
    ),
    "lost": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} cannot be opened: its disk or folder can no longer be reached (removed or "
        "failed). Nothing was changed; call the administrator.",
    ),
    "busy": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is locked by another program. Nothing was changed; try again in a moment.",
    ),
}


def _open_failure(path: Path | str, exc: BaseException) -> DatabaseOpenError | None:
    """The refusal for a failure of the disk (full, read-only, gone, I/O error) or a
    lock held elsewhere, with the real cause; None for any other failure."""
    found = kind(exc, path if isinstance(path, Path) else None)
    if found not in (*DISK_KINDS, "busy"):
        return None
    return DatabaseOpenError(OPEN_FAILURES[found], path=str(path), detail=chain_text(exc))


def _check_sqlite_file(
    path: Path, *, quick_check: bool = True, must_exist: bool = False
) -> set[int]:
    """Refuse, without writing, a path that is not a usable GasDesk database; return
    the schema versions it holds (none for a new file). With `quick_check=False`
    the start-up check is left to the caller (DeferredCheck). With `must_exist`, a
    missing file is refused instead of created."""
    versions: set[int] = set()
    if must_exist and not path.exists():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "There is no database {path}; nothing was created. Check the name; a new "
                "database is made with gasdesk setup --office CODE --badge BADGE --name NAME "
                "--db {path}",
            ),
            path=str(path),
        )
    if path.exists():
        if not path.is_file():
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("Messages", "{path} is not a file."), path=str(path)
            )
        try:
            with path.open("rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            if (failure := _open_failure(path, exc)) is not None:
                raise failure from exc
            if exc.errno in NO_PERMISSION:
                raise DatabaseOpenError(
                    QT_TRANSLATE_NOOP("Messages", "{path} cannot be read: permission denied."),
                    path=str(path),
                    detail=str(exc),
                ) from exc
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("Messages", "{path} cannot be read (system error {errno})."),
                path=str(path),
                errno=exc.errno,
                detail=str(exc),
            ) from exc
        if header != SQLITE_HEADER:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "Messages", "{path} is not a GasDesk database (it is not an SQLite file)."
                ),
                path=str(path),
            )
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "Messages", "{path} cannot be written (read-only file or folder)."
                ),
                path=str(path),
            )
        try:
            con = sqlite3.connect(read_only_uri(path), uri=True)
            try:
                tables = {
                    r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
                result = startup_check(con, tables, path.stat().st_size) if quick_check else "ok"
                if "gasdesk_schema" in tables:
                    versions = {
                        int(r[0]) for r in con.execute("SELECT version FROM gasdesk_schema")
                    }
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            if (failure := _open_failure(path, exc)) is not None:
                raise failure from exc
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("Messages", "{path} is damaged and cannot be opened."),
                path=str(path),
                detail=str(exc),
            ) from exc
        if result != "ok":
            raise _damaged(path, result)
        if tables and "gasdesk_schema" not in tables:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "Messages", "{path} is an SQLite file but not a GasDesk database."
                ),
                path=str(path),
            )
        version = max(versions, default=0)
        if version > latest_version():
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{path} was written by a newer GasDesk (schema {version}; this version "
                    "knows up to {latest}). Install the newer GasDesk to open it.",
                ),
                path=str(path),
                version=version,
                latest=latest_version(),
            )
    else:
        parent = path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if exc.errno == os_errors.ENOSPC and (failure := _open_failure(path, exc)):
                raise failure from exc
            if exc.errno in NO_PERMISSION:
                raise DatabaseOpenError(
                    QT_TRANSLATE_NOOP(
                        "Messages", "The folder {folder} cannot be created: permission denied."
                    ),
                    folder=str(parent),
                    detail=str(exc),
                ) from exc
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "Messages", "The folder {folder} cannot be created (system error {errno})."
                ),
                folder=str(parent),
                errno=exc.errno,
                detail=str(exc),
            ) from exc
        if not os.access(parent, os.W_OK):
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("Messages", "The folder {folder} cannot be written."),
                folder=str(parent),
            )
    return versions


def _damaged(path: Path, problem: str) -> DatabaseOpenError:
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("Messages", "{path} is damaged: the integrity check found problems."),
        path=str(path),
        detail=problem,
    )


class DeferredCheck:
    """The start-up check of a database file, run on a read-only connection of its
    own while the application shows its login window. Nothing is written until it
    has passed: write_transaction() waits for its verdict and refuses every write
    if it found damage; `done` and `problem` let the window tell the teller."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None
        self.failure: BaseException | None = None  # the check could not run: why
        self._thread = threading.Thread(target=self._run, name="gasdesk-startup-check")
        self._thread.daemon = True
        self._thread.start()

    def _run(self) -> None:
        try:
            con = sqlite3.connect(read_only_uri(self.path), uri=True)
            try:
                tables = {
                    r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
                result = startup_check(con, tables, self.path.stat().st_size)
            finally:
                con.close()
        except (sqlite3.Error, OSError) as exc:
            result = str(exc)
            self.failure = exc
        if result != "ok":
            self.problem = result

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def error(self) -> DatabaseOpenError | None:
        """Once done: the refusal to show, or None when the file is sound."""
        if self.problem is None:
            return None
        if self.failure is not None and (failure := _open_failure(self.path, self.failure)):
            return failure  # a full disk or a lock, not damage
        return _damaged(self.path, self.problem)

    def wait(self) -> None:
        """Block until the verdict; raise DatabaseOpenError when damage was found."""
        self._thread.join()
        error = self.error()
        if error is not None:
            raise error


_deferred: DeferredCheck | None = None


def deferred_check() -> DeferredCheck | None:
    """The start-up check still owed by the open database, if it runs in the
    background (open_database(check_in_background=True))."""
    return _deferred


def _await_deferred_check() -> None:
    global _deferred
    check = _deferred
    if check is None:
        return
    check.wait()  # raises, and keeps raising, when the file is damaged
    if _deferred is check:
        _deferred = None


class TextRefused(StorageError):
    """Text the database cannot store; nothing was sent to it."""


def _pg_text(value: str) -> Any:
    """PostgreSQL cannot store the NUL character (SQLite can): say so clearly instead of
    the driver's ValueError, for every query parameter at once."""
    from psycopg2.extensions import QuotedString

    if "\x00" in value:
        raise TextRefused(
            QT_TRANSLATE_NOOP("Messages", "The text contains a NUL character; type it again.")
        )
    return QuotedString(value)


def _refuse_nul_on_postgresql() -> None:
    from psycopg2.extensions import register_adapter

    register_adapter(str, _pg_text)


def open_database(
    path: str | Path | None = None,
    *,
    url: str | None = None,
    key_path: str | Path | None = None,
    check_in_background: bool = False,
    must_exist: bool = False,
    create_key: bool = True,
) -> Database:
    """Open (creating if needed) and migrate the database; bind the models to it.

    `check_in_background`: an SQLite file that needs no migration gets its start-up
    check on another thread (see DeferredCheck) instead of before this returns.
    `must_exist`: an SQLite file that is not there is refused, and nothing (file,
    folder, key) is created; for every use but making a new database.
    `create_key`: make the audit key file when it is missing and the chain is empty
    (a new database); a missing or unusable key of a database with a chain never
    raises here, it stops every write (audit.require_key).

    A full disk, read-only media, a disk that is gone or a lock held by another
    program is refused with that cause (DatabaseOpenError), never a traceback."""
    url = url or os.environ.get(URL_ENV) or None
    file = None if url else Path(path) if path else default_db_path()
    watch_database_file(file)
    try:
        return _open_database(
            file,
            url=url,
            key_path=key_path,
            check_in_background=check_in_background,
            must_exist=must_exist,
            create_key=create_key,
        )
    except StorageError:
        raise
    except Exception as exc:
        failure = _open_failure(file if file is not None else _server(url), exc)
        if failure is None:
            raise
        if db.obj is not None:
            db.obj.close()
        raise failure from exc


def _server(url: str | None) -> str:
    return (url or "").split("@")[-1]


def _open_database(
    path: Path | None,
    *,
    url: str | None,
    key_path: str | Path | None,
    check_in_background: bool,
    must_exist: bool,
    create_key: bool,
) -> Database:
    global _deferred
    _deferred = None
    deferred: DeferredCheck | None = None
    database: Database
    if url:
        try:
            database = connect_url(url)
            database.connect(reuse_if_open=True)
        except Exception as exc:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("Messages", "The shared database {server} cannot be reached."),
                server=url.split("@")[-1],
                detail=str(exc),
            ) from exc
        _refuse_nul_on_postgresql()
        data = platformdirs.user_data_path("gasdesk", appauthor=False)
        default_key = data / "audit.key"
        where = hashlib.sha256(url.split("@")[-1].encode()).hexdigest()[:12]
        # this counter's anchor of that database: in its data folder, whatever key file
        anchor_file = data / f"audit-{where}.head"
        node = audit.node_for(anchor_file)
    else:
        file = path or default_db_path()
        versions = _check_sqlite_file(
            file, quick_check=not check_in_background, must_exist=must_exist
        )
        if check_in_background and versions:
            if {number for number, _, _ in MIGRATIONS} <= versions:
                deferred = DeferredCheck(file)  # nothing will be written before its verdict
            else:
                _check_sqlite_file(file)  # a migration is about to write: check first
        database = SqliteDatabase(str(file), pragmas=SQLITE_PRAGMAS, timeout=10)
        default_key = file.with_name(file.name + ".key")
        anchor_file = file.with_name(file.name + ".head")  # beside the file, whatever key
        node = audit.FILE_NODE
    db.initialize(database)
    if current_version(database) > latest_version():
        database.close()
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This database was written by a newer GasDesk; install the newer GasDesk.",
            )
        )
    applied = migrate(database)
    key_file = (
        Path(key_path) if key_path else Path(os.environ.get("GASDESK_AUDIT_KEY_FILE", default_key))
    )
    audit.open_chain(key_file, anchor_file, node, create_key=create_key)
    if 1 in applied:
        audit.reset_anchor()  # a new database starts a new chain
    _deferred = deferred
    return database


@contextmanager
def write_transaction() -> Iterator[Any]:
    """The transaction every write runs in: BEGIN IMMEDIATE on SQLite, and on
    PostgreSQL a transaction that first waits for the shared write lock, so that two
    counters never both read the same receipt counter or audit head before one of them
    writes. Nested, it is a savepoint of the outer transaction. Before the first
    write, a start-up check still running in the background is waited for."""
    if _deferred is not None:
        _await_deferred_check()
    audit.refuse_writes_without_key()  # a missing or damaged audit key stops every write
    database = db.obj
    outermost = not database.in_transaction()
    if isinstance(database, SqliteDatabase):
        txn = database.atomic("IMMEDIATE")
    else:
        txn = database.atomic()
    with txn as handle:
        if outermost and isinstance(database, PostgresqlDatabase):
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (PG_WRITE_LOCK,))
        yield handle


def run_in_transaction(fn: Callable[[], T], *, retries: int = 5, backoff_s: float = 0.02) -> T:
    """Run `fn` inside one write transaction; when another writer got in the way
    (PostgreSQL serialization failure or deadlock, SQLite busy past its timeout), undo
    everything and run `fn` again from the start, up to `retries` more times.

    `fn` must do all its reading inside the transaction (a retry sees fresh data) and
    must not be called inside an open transaction: a conflict spoils the whole outer
    transaction, which only its owner can retry."""
    if db.obj.in_transaction():
        raise RuntimeError("run_in_transaction() cannot run inside another transaction")
    attempt = 0
    while True:
        try:
            with write_transaction():
                return fn()
        except Exception as exc:
            if attempt >= retries or not is_retryable(exc):
                raise
            attempt += 1
            time.sleep(backoff_s * (2 ** (attempt - 1)) * (0.5 + random.random()))


def is_sqlite() -> bool:
    return isinstance(db.obj, SqliteDatabase)


@dataclass(frozen=True)
class IntegrityResult:
    ok: bool
    messages: list[str]
    seconds: float


def integrity_check(max_errors: int = 20) -> IntegrityResult:
    """SQLite's full `PRAGMA integrity_check` (every page, every index entry) on the
    open database; run it before closing the day. PostgreSQL checks its own pages
    (checksums, amcheck) on the server: there the answer is 'ok' without a scan."""
    started = time.perf_counter()
    database = db.obj
    if not isinstance(database, SqliteDatabase):
        return IntegrityResult(True, ["ok"], 0.0)
    rows = database.execute_sql(f"PRAGMA integrity_check({int(max_errors)})").fetchall()
    messages = [str(r[0]) for r in rows]
    return IntegrityResult(messages == ["ok"], messages, time.perf_counter() - started)


def quick_check(path: str | Path) -> str:
    """`PRAGMA quick_check` on a file, read-only; 'ok' or the first problem found."""
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return str(con.execute("PRAGMA quick_check(1)").fetchone()[0])
    finally:
        con.close()
