"""Keeping the search index in step with the accounts.

`index_account(account_id)` is called by every service that creates an account or
changes its name, address or mobile number, inside that service's transaction.
`rebuild_index()` files every account again (after a bulk import, or by migration 20
for accounts that existed before the index did).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from peewee import SqliteDatabase

from gasdesk.domain.names import initials
from gasdesk.domain.search import account_grams
from gasdesk.storage.models import Account, db
from gasdesk.storage.models_search import SearchGram
from gasdesk.storage.rows import tuples

BATCH_ROWS = 5_000
ACCOUNT_CHUNK = 20_000


def index_account(account_id: int) -> bool:
    """File one account under its current grams (and refresh its pinyin initials).
    Returns False when there is no such account. Call inside a write transaction."""
    row = (
        Account.select(Account.id, Account.name, Account.address, Account.phone, Account.initials)
        .where(Account.id == account_id)
        .first()
    )
    if row is None:
        SearchGram.delete().where(SearchGram.account == account_id).execute()
        return False
    wanted = account_grams(row.name, row.address, row.phone)
    have = {
        g
        for (g,) in tuples(
            SearchGram.select(SearchGram.gram).where(SearchGram.account == account_id)
        )
    }
    stale = have - wanted
    if stale:
        SearchGram.delete().where(
            (SearchGram.account == account_id) & SearchGram.gram.in_(sorted(stale))
        ).execute()
    new = sorted(wanted - have)
    if new:
        SearchGram.insert_many(
            [(g, account_id) for g in new], fields=[SearchGram.gram, SearchGram.account]
        ).execute()
    fresh = initials(row.name)
    if fresh != row.initials:
        Account.update(initials=fresh).where(Account.id == account_id).execute()
    return True


def add_grams(
    accounts: list[tuple[int, list[str]]],
    known_accounts: int,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """File new accounts in bulk (an import): `accounts` are (account id, its grams)
    of accounts not filed yet, `known_accounts` how many accounts the index held
    before. On SQLite each account's grams go into a scratch table as one JSON list
    and over into the index in key order, SQLite unpacking and sorting them (a third
    of the time that a row per gram through the driver and Python's sort take); when
    they outnumber what the index holds, the index by account is dropped and built
    again afterwards. Call inside a write transaction."""
    database = db.obj
    step = BATCH_ROWS * 2
    if not isinstance(database, SqliteDatabase):
        from psycopg2.extras import execute_values

        rows = sorted((g, a) for a, grams in accounts for g in grams)
        for i in range(0, len(rows), step * 10):
            execute_values(
                database.cursor(),
                "INSERT INTO search_gram (gram, account_id) VALUES %s",
                rows[i : i + step * 10],
                page_size=1000,
            )
            if progress is not None:
                progress(min(i + step * 10, len(rows)), len(rows))
        return
    rebuild = len(accounts) > known_accounts
    database.execute_sql("CREATE TEMP TABLE import_gram_load (account_id INTEGER, grams TEXT)")
    cursor = database.cursor()
    for i in range(0, len(accounts), step):
        cursor.executemany(
            "INSERT INTO import_gram_load VALUES (?, ?)",
            [(a, json.dumps(grams, ensure_ascii=False)) for a, grams in accounts[i : i + step]],
        )
        if progress is not None:
            progress(min(i + step, len(accounts)) // 3, len(accounts))
    if rebuild:
        database.execute_sql("DROP INDEX IF EXISTS search_gram_account_id")
    database.execute_sql(
        "INSERT INTO search_gram (gram, account_id) "
        "SELECT j.value, l.account_id FROM import_gram_load l, json_each(l.grams) j "
        "ORDER BY 1, 2"
    )
    database.execute_sql("DROP TABLE import_gram_load")
    if progress is not None:
        progress(len(accounts) * 2 // 3, len(accounts))
    if rebuild:
        database.execute_sql(
            'CREATE INDEX "search_gram_account_id" ON "search_gram" ("account_id")'
        )
    if progress is not None:
        progress(len(accounts), len(accounts))


def _all_rows() -> Iterator[tuple[str, int]]:
    last = 0
    while True:
        chunk = tuples(
            Account.select(Account.id, Account.name, Account.address, Account.phone)
            .where(Account.id > last)
            .order_by(Account.id)
            .limit(ACCOUNT_CHUNK)
        )
        if not chunk:
            return
        for account_id, name, address, phone in chunk:
            for g in account_grams(name, address, phone):
                yield g, account_id
        last = chunk[-1][0]


def _fill_initials() -> int:
    """Accounts imported without initials get them now; returns how many."""
    missing = tuples(Account.select(Account.id, Account.name).where(Account.initials == ""))
    rows = [(fresh, account_id) for account_id, name in missing if (fresh := initials(name))]
    if rows:
        # One prepared statement for all rows: building 100,000 UPDATEs through the
        # query builder costs far more than running them.
        p = db.obj.param
        db.obj.cursor().executemany(f"UPDATE account SET initials = {p} WHERE id = {p}", rows)
    return len(rows)


def _rebuild_sqlite(database: SqliteDatabase) -> int:
    """Load the grams into a scratch table as they come, then copy them over in key
    order with the account index dropped: SQLite's sorter and an append-only B-tree
    are several times faster than millions of inserts at random places."""
    database.execute_sql("DROP INDEX IF EXISTS search_gram_account_id")
    database.execute_sql("DELETE FROM search_gram")
    database.execute_sql("CREATE TEMP TABLE search_gram_load (gram TEXT, account_id INTEGER)")
    cursor = database.cursor()
    total = 0
    batch: list[tuple[str, int]] = []
    for row in _all_rows():
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            cursor.executemany("INSERT INTO search_gram_load VALUES (?, ?)", batch)
            total += len(batch)
            batch = []
    if batch:
        cursor.executemany("INSERT INTO search_gram_load VALUES (?, ?)", batch)
        total += len(batch)
    database.execute_sql(
        "INSERT INTO search_gram (gram, account_id) "
        "SELECT gram, account_id FROM search_gram_load ORDER BY gram, account_id"
    )
    database.execute_sql("DROP TABLE search_gram_load")
    database.execute_sql('CREATE INDEX "search_gram_account_id" ON "search_gram" ("account_id")')
    return total


def rebuild_index() -> int:
    """Empty the index and file every account again; returns the number of rows.
    Call inside a write transaction."""
    _fill_initials()
    database = db.obj
    if isinstance(database, SqliteDatabase):
        return _rebuild_sqlite(database)
    SearchGram.delete().execute()
    total = 0
    batch: list[tuple[str, int]] = []
    for row in _all_rows():
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            SearchGram.insert_many(batch, fields=[SearchGram.gram, SearchGram.account]).execute()
            total += len(batch)
            batch = []
    if batch:
        SearchGram.insert_many(batch, fields=[SearchGram.gram, SearchGram.account]).execute()
        total += len(batch)
    database.execute_sql("ANALYZE search_gram")  # the planner's view of the new lists
    return total
