"""What the two imports share: reading the database in chunks with plain cursors,
writing rows in bulk, the batch every imported record points at and its seal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from peewee import SqliteDatabase

from gasdesk.domain.imports import ImportOptions, Progress
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.storage import audit
from gasdesk.storage.audit_history import db_execute
from gasdesk.storage.import_seal import IMPORT_KIND, seal_payload
from gasdesk.storage.models import ImportBatch, Staff, db, now

T = TypeVar("T")
IN_CHUNK = 500  # values per IN (...) list
WRITE_CHUNK = 5_000  # rows per executemany, between two progress reports
BULK_CACHE_KIB = -262_144  # 256 MB (negative: KiB, as PRAGMA cache_size takes it)

NOT_SUPERVISOR = QT_TRANSLATE_NOOP("Messages", "Only a supervisor imports customers and readings.")


def chunked(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def rows_in(sql: str, values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
    """Rows of `sql`, whose `{marks}` is filled with one parameter mark per value, for
    the values a chunk at a time."""
    mark = db.obj.param
    for part in chunked(values, IN_CHUNK):
        marks = ", ".join([mark] * len(part))
        yield from (tuple(r) for r in db.obj.execute_sql(sql.format(marks=marks), tuple(part)))


def as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def day_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def insert_many(
    table: str,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Plain INSERTs, one prepared statement for all rows (the query builder costs
    far more than the statements on 100,000 rows)."""
    mark = db.obj.param
    quoted = ", ".join(f'"{c}"' for c in columns)
    head = f'INSERT INTO "{table}" ({quoted}) VALUES '
    cursor = db.obj.cursor()
    write: Callable[[list[tuple[Any, ...]]], None]
    if isinstance(db.obj, SqliteDatabase):
        sql = head + f"({', '.join([mark] * len(columns))})"
        write = lambda part: cursor.executemany(sql, part)  # noqa: E731
    else:  # psycopg2's executemany costs a round trip per row: multi-row INSERTs
        from psycopg2.extras import execute_values

        write = lambda part: execute_values(cursor, head + "%s", part, page_size=1000)  # noqa: E731
    done = 0
    for part in chunked(rows, WRITE_CHUNK):
        write(list(part))
        done += len(part)
        if progress is not None:
            progress(done)


@contextmanager
def large_cache() -> Iterator[None]:
    """A page cache of 256 MB for this connection while a bulk write runs (SQLite): the
    counter's 8 MB would spill the new B-tree pages to the log half-way and write them
    twice. The counter's size comes back afterwards."""
    if not isinstance(db.obj, SqliteDatabase):
        yield
        return
    (before,) = db.obj.execute_sql("PRAGMA cache_size").fetchone()
    db.obj.execute_sql(f"PRAGMA cache_size={BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.obj.execute_sql(f"PRAGMA cache_size={int(before)}")


def check_importer(options: ImportOptions) -> None:
    """An import from the counter is a supervisor's; the administrator's command line
    names the system user instead."""
    if options.staff_id is None:
        return
    staff = Staff.get_or_none(Staff.id == options.staff_id)
    if staff is None or staff.role != "supervisor" or not staff.active:
        raise UserError(NOT_SUPERVISOR)


def fingerprint() -> tuple[int, ...]:
    """What the checks read, in brief: when it is the same inside the writing
    transaction, nothing the checks depend on was written in between (every write to
    these tables adds rows or an audit event)."""
    sql = (
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM account), "
        "(SELECT COALESCE(MAX(id), 0) FROM meter), "
        "(SELECT COALESCE(MAX(id), 0) FROM reading), "
        "(SELECT COALESCE(MAX(id), 0) FROM bill), "
        "(SELECT COALESCE(MAX(seq), 0) FROM audit_event)"
    )
    return tuple(int(v) for v in db.obj.execute_sql(sql).fetchone())


def new_batch(
    kind: str, file_name: str, sha256: str, new: int, unchanged: int, options: ImportOptions
) -> int:
    batch = ImportBatch.create(
        kind=kind,
        file_name=file_name,
        file_sha256=sha256,
        rows_new=new,
        rows_unchanged=unchanged,
        imported_by=options.imported_by or "?",
        staff=options.staff_id,
        office=options.office_id,
        imported_at=now(),
    )
    return int(batch.id)


def seal_batch(batch_id: int, options: ImportOptions, progress: Progress | None) -> None:
    """The batch's `import.batch` event, in the import's transaction."""
    if progress is not None:
        progress("seal", 0, 1)
    payload = seal_payload(db_execute, db.obj.param, batch_id)
    audit.append(IMPORT_KIND, staff_id=options.staff_id, office_id=options.office_id, **payload)
    if progress is not None:
        progress("seal", 1, 1)


def stepper(progress: Progress | None, stage: str, total: int) -> Callable[[int], None]:
    def step(done: int) -> None:
        if progress is not None:
            progress(stage, done, total)

    return step


def every(iterable: Iterable[T], n: int, step: Callable[[int], None]) -> Iterator[T]:
    """The items, calling `step(count)` every n of them."""
    for count, item in enumerate(iterable, start=1):
        if count % n == 0:
            step(count)
        yield item
