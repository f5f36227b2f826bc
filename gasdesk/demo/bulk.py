"""Writing millions of demo rows quickly, in one transaction.

Rows are plain tuples whose primary keys the generator assigns, so nothing needs to
be read back. For an SQLite file a second process (writer.py) writes them while this
process builds the next batches, which uses both cores; batches travel as `marshal`
files whose names go down a pipe. Elsewhere (PostgreSQL, or when no process can be
started) the same batches are written in this process.

During an SQLite load only: the bulk tables' indexes are dropped and rebuilt at the
end (one sort per index costs less than keeping it up to date row by row); the rollback
journal replaces the WAL, so the data is written once instead of twice; foreign keys
are not checked row by row (the generator assigns every id; the tests check the
result with PRAGMA foreign_key_check). synchronous stays FULL: the committed load is
as durable as any other write. On PostgreSQL the id sequences are moved past the
ids written.
"""

from __future__ import annotations

import contextlib
import marshal
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from gasdesk.demo import writer
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import BaseModel

# (INSERT statement, rows), or (statement, None) to run a statement once
Batch = tuple[str, list[tuple[Any, ...]] | None]
WRITER = Path(writer.__file__).resolve()
# Version 2 writes no back-references: the rows share many int and str objects, and
# tracking them costs more than writing them out (6.5 s against 2.8 s for 100,000
# accounts).
MARSHAL_VERSION = 2


class LoadError(Exception):
    """The load failed and was rolled back; `refused` when the database was not empty."""

    def __init__(self, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused


def quoted(database: Database, name: str) -> str:
    """An identifier in the database's quote characters (names come from the models)."""
    return name.join(database.quote)


def table_name(model: type[BaseModel]) -> str:
    return str(model._meta.table_name)


def guard_sql(database: Database, models: Sequence[type[BaseModel]]) -> str:
    """SQL counting the rows of these tables (0 when all are empty)."""
    counts = " + ".join(f"(SELECT COUNT(*) FROM {quoted(database, table_name(m))})" for m in models)
    return f"SELECT {counts}"


class BulkTable:
    """Rows for one table, columns named by model field, handed to a sink in batches."""

    def __init__(
        self,
        database: Database,
        model: type[BaseModel],
        fields: Sequence[str],
        sink: Callable[[Batch], None],
    ) -> None:
        meta = model._meta
        columns = ", ".join(quoted(database, meta.fields[name].column_name) for name in fields)
        placeholders = ", ".join([database.param] * len(fields))
        self.sql = (
            f"INSERT INTO {quoted(database, meta.table_name)} ({columns}) VALUES ({placeholders})"
        )
        self.sink = sink
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0

    def flush(self) -> None:
        if self.rows:
            self.sink((self.sql, self.rows))
            self.written += len(self.rows)
            self.rows = []


class Loader(Protocol):
    def start(self) -> None: ...
    def put(self, batch: Batch) -> None: ...
    def finish(self) -> None: ...
    def abandon(self) -> None: ...


def can_start_writer() -> bool:
    """Whether a Python can run writer.py: not in an application bundle (PyInstaller
    sets sys.frozen), whose executable is GasDesk itself and whose modules are not
    files; there the load runs in this process."""
    return not getattr(sys, "frozen", False)


def start_loader(
    database: Database,
    guard: str,
    models: Sequence[type[BaseModel]],
    sequenced: Sequence[type[BaseModel]],
) -> Loader:
    """Start a load: in a writer process for an SQLite file, else (or if no process
    can be started) on the database's own connection. The indexes of `models` are
    rebuilt after the load (SQLite); on PostgreSQL the id sequences of `sequenced`
    are moved past the ids written."""
    loader: Loader
    on_file = isinstance(database, SqliteDatabase) and database.database not in ("", ":memory:")
    if on_file and can_start_writer():
        loader = ProcessLoader(database, guard, models)
        try:
            loader.start()
            return loader
        except OSError:
            loader.abandon()
    loader = InProcessLoader(database, guard, models, sequenced)
    loader.start()
    return loader


class InProcessLoader:
    """The load on this process's connection, inside write_transaction(); on
    PostgreSQL with multi-row INSERTs (psycopg2's execute_values), since executemany
    there costs a round trip per row."""

    def __init__(
        self,
        database: Database,
        guard: str,
        models: Sequence[type[BaseModel]],
        sequenced: Sequence[type[BaseModel]] = (),
    ) -> None:
        self.database = database
        self.guard = guard
        self.models = models
        self.sequenced = sequenced
        self.postgres = isinstance(database, PostgresqlDatabase)
        self.indexes: list[str] = []
        self.transaction: Any = None
        self.cursor: Any = None

    def start(self) -> None:
        self.transaction = write_transaction()
        self.transaction.__enter__()
        try:
            if self.database.execute_sql(self.guard).fetchone()[0]:
                raise LoadError("the database is not empty", refused=True)
            self.indexes = _drop_indexes(self.database, self.models)
            self.cursor = self.database.cursor()
        except BaseException:
            self.abandon()
            raise

    def put(self, batch: Batch) -> None:
        sql, rows = batch
        if rows is None:
            self.database.execute_sql(sql)
        elif self.postgres:
            from psycopg2.extras import execute_values

            head = sql[: sql.index(" VALUES ")]
            execute_values(self.cursor, f"{head} VALUES %s", rows, page_size=1000)
        else:
            self.cursor.executemany(sql, rows)

    def finish(self) -> None:
        try:
            for sql in self.indexes:
                self.database.execute_sql(sql)
            _advance_sequences(self.database, self.sequenced)
        except BaseException:
            self.abandon()
            raise
        self.transaction.__exit__(None, None, None)
        self.transaction = None

    def abandon(self) -> None:
        if self.transaction is not None:
            transaction, self.transaction = self.transaction, None
            error = LoadError("the demo load was abandoned")
            transaction.__exit__(LoadError, error, None)  # rolls back


class ProcessLoader:
    """The load in a writer process. Each batch is written to a file in a private
    temporary folder and its name sent down a pipe: writing a file never waits for
    the writer, so generating never stalls while SQLite works on earlier batches."""

    def __init__(self, database: Database, guard: str, models: Sequence[type[BaseModel]]) -> None:
        self.database = database
        self.path = str(database.database)
        self.guard = guard
        self.tables = [table_name(m) for m in models]
        self.proc: subprocess.Popen[bytes] | None = None
        self.folder: Path | None = None
        self.count = 0

    def start(self) -> None:
        # The writer needs the file to itself to leave WAL mode; this process's
        # connection reopens on its next query.
        if not self.database.is_closed():
            self.database.close()
        self.folder = Path(tempfile.mkdtemp(prefix="gasdesk-demo-"))
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-I", str(WRITER), self.path, str(self.folder)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except OSError:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
            raise
        self._send(marshal.dumps((self.guard, self.tables), MARSHAL_VERSION))

    def put(self, batch: Batch) -> None:
        self._send(marshal.dumps(batch, MARSHAL_VERSION))

    def _send(self, data: bytes) -> None:
        assert self.proc is not None and self.proc.stdin is not None and self.folder is not None
        self.count += 1
        name = f"{self.count:07d}{writer.FRAME_SUFFIX}"
        (self.folder / name).write_bytes(data)
        try:
            self.proc.stdin.write(name.encode() + b"\n")
            self.proc.stdin.flush()
        except OSError:  # the writer has stopped: say why
            self._close(expect_success=True)
            raise LoadError("the writer process stopped early") from None

    def finish(self) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        with contextlib.suppress(OSError):  # if it stopped, _close reports why
            self.proc.stdin.write(writer.COMMIT + b"\n")
        self._close()

    def abandon(self) -> None:
        """Stop without the commit line: the writer rolls everything back."""
        if self.proc is not None:
            self._close(expect_success=False)

    def _close(self, expect_success: bool = True) -> None:
        assert self.proc is not None
        proc, self.proc = self.proc, None
        try:
            with contextlib.suppress(OSError):
                proc.stdin.close()  # type: ignore[union-attr]
            proc.stdin = None
            try:
                _, err = proc.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, err = proc.communicate()
        finally:
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)
                self.folder = None
        if expect_success and proc.returncode != 0:
            message = (
                err.decode(errors="replace").strip()
                or f"the writer process exited with {proc.returncode}"
            )
            raise LoadError(message, refused=proc.returncode == writer.EXIT_REFUSED)


def _drop_indexes(database: Database, models: Sequence[type[BaseModel]]) -> list[str]:
    """Drop the tables' indexes (SQLite only); return the SQL to recreate them."""
    if not isinstance(database, SqliteDatabase):
        return []
    dropped = writer.table_indexes(database.connection(), [table_name(m) for m in models])
    for name, _ in dropped:
        database.execute_sql(f"DROP INDEX {quoted(database, name)}")
    return [sql for _, sql in dropped]


def _advance_sequences(database: Database, models: Sequence[type[BaseModel]]) -> None:
    """After explicit ids on PostgreSQL, make the next generated id follow them."""
    if not isinstance(database, PostgresqlDatabase):
        return
    for model in models:
        table = table_name(model)
        database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {quoted(database, table)}), 0) + 1, false)",
            (table,),
        )
