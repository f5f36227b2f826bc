"""Keeping the search index in step with the accounts.

`index_account(account_id)` is called by every service that creates an account or
changes its name, address or mobile number, inside that service's transaction.
`rebuild_index()` files every account again (after a bulk import, or by migration 20
for accounts that existed before the index did).
"""

from __future__ import annotations

from collections.abc import Iterator

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
    changed = 0
    for account_id, name in missing:
        fresh = initials(name)
        if fresh:
            Account.update(initials=fresh).where(Account.id == account_id).execute()
            changed += 1
    return changed


def _insert(database: object, rows: list[tuple[str, int]]) -> int:
    if isinstance(database, SqliteDatabase):
        # The plain DB-API executemany is several times faster than building the
        # multi-row INSERT through the query builder, and this runs millions of rows.
        database.cursor().executemany(
            "INSERT INTO search_gram (gram, account_id) VALUES (?, ?)", rows
        )
    else:
        SearchGram.insert_many(rows, fields=[SearchGram.gram, SearchGram.account]).execute()
    return len(rows)


def rebuild_index() -> int:
    """Empty the index and file every account again; returns the number of rows.
    Call inside a write transaction."""
    _fill_initials()
    SearchGram.delete().execute()
    database = db.obj
    total = 0
    batch: list[tuple[str, int]] = []
    for row in _all_rows():
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            total += _insert(database, batch)
            batch = []
    if batch:
        total += _insert(database, batch)
    return total
