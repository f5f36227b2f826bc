"""Rows that follow from the demo's accounts and days: the customer search index
(as gasdesk.storage.search_index files an account) and the closed business days of
the history."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from peewee import Database, SqliteDatabase

from gasdesk.demo.bulk import Batch, quoted
from gasdesk.demo.calendar import Timeline
from gasdesk.demo.reference import Reference
from gasdesk.domain.search import account_grams
from gasdesk.storage.models_days import BusinessDay
from gasdesk.storage.models_search import SearchGram

BATCH = 50_000


def search_index_plan(database: Database) -> list[tuple[str, str]]:
    """Read before the load: (name, CREATE statement) of the search index's
    secondary indexes (SQLite), which the load drops and rebuilds."""
    if not isinstance(database, SqliteDatabase):
        return []
    rows = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name",
        (SearchGram._meta.table_name,),
    ).fetchall()
    return [(name, sql) for name, sql in rows]


def queue_search_index(
    put: Callable[[Batch], None],
    database: Database,
    accounts: Iterable[tuple[int, str, str, str]],
    indexes: Sequence[tuple[str, str]],
) -> int:
    """File every (id, name, address, phone) under its grams. The grams are sorted
    here and written in key order, with the table's account index dropped first and
    rebuilt after (SQLite): an append-only B-tree and one sort cost far less than
    millions of inserts at random places (storage.search_index.rebuild_index does
    the same with a scratch table). Returns the number of grams."""
    shared: dict[str, str] = {}  # one str object per distinct gram: half the memory
    grams = sorted(
        (shared.setdefault(gram, gram), account_id)
        for account_id, name, address, phone in accounts
        for gram in account_grams(name, address, phone)
    )
    shared.clear()
    for name, _ in indexes:
        put((f"DROP INDEX IF EXISTS {quoted(database, name)}", None))
    p = database.param
    table = quoted(database, SearchGram._meta.table_name)
    insert = f"INSERT INTO {table} (gram, account_id) VALUES ({p}, {p})"
    for start in range(0, len(grams), BATCH):
        put((insert, grams[start : start + BATCH]))
    for _, sql in indexes:
        put((sql, None))
    return len(grams)


def closed_days(ref: Reference, timeline: Timeline) -> list[tuple[Any, ...]]:
    """(office, business_date, closed_at, closed_by) for every business day of the
    history before today: each was closed by the office's supervisor after hours,
    so demo payments cannot be voided any more."""
    rows: list[tuple[Any, ...]] = []
    for office in ref.offices:
        for offset in range(timeline.today_offset):
            if timeline.next_business[offset] == offset:
                day = timeline.day_str[offset]
                rows.append((office.id, day, f"{day} 17:30:00", office.supervisor_id))
    return rows


BUSINESS_DAY_FIELDS = ("office", "business_date", "closed_at", "closed_by")
DERIVED_MODELS = (SearchGram, BusinessDay)
