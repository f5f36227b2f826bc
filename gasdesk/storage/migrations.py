"""Numbered schema migrations; the version applied is recorded in `gasdesk_schema`.

Each migration runs once, in order, inside one transaction. Migration 1 builds the
tables from the model classes; a later migration that adds a column to an existing
table must check `database.get_columns()` first, because a fresh database already
has every column the models declare.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database, SqliteDatabase

from gasdesk.storage import models as m
from gasdesk.storage import models_search
from gasdesk.storage.search_index import rebuild_index

Migration = tuple[int, str, Callable[[Database], None]]


def _initial(database: Database) -> None:
    database.create_tables([t for t in m.ALL_MODELS if t is not m.SchemaVersion])


def _search_index(database: Database) -> None:
    # The (gram, account) key is the whole row: on SQLite the table is the key.
    models_search.SearchGram._meta.without_rowid = isinstance(database, SqliteDatabase)
    database.create_tables(models_search.SEARCH_MODELS)
    if not isinstance(database, SqliteDatabase):
        # Prefix ranges compare in code-point order (COLLATE "C") whatever the
        # database's collation; these indexes serve them and their ORDER BY.
        for sql in models_search.POSTGRES_PREFIX_INDEXES:
            database.execute_sql(sql)
    rebuild_index()  # accounts that existed before the index


def _forms_tables(database: Database) -> None:
    from gasdesk.storage import models_forms

    database.create_tables(models_forms.FORMS_MODELS)


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _initial),
    (20, "customer search index", _search_index),
    (30, "business forms: complaints, outages, appointments, return visits", _forms_tables),
]


def latest_version() -> int:
    return max(number for number, _, _ in MIGRATIONS)


def current_version(database: Database) -> int:
    if not database.table_exists("gasdesk_schema"):
        return 0
    row = (
        m.SchemaVersion.select(m.SchemaVersion.version)
        .order_by(m.SchemaVersion.version.desc())
        .first()
    )
    return row.version if row else 0


def migrate(database: Database) -> list[int]:
    """Apply the migrations this database lacks; return the numbers applied."""
    applied: list[int] = []
    with database.atomic():
        database.create_tables([m.SchemaVersion])
    have = current_version(database)
    for number, name, apply in sorted(MIGRATIONS, key=lambda x: x[0]):
        if number <= have:
            continue
        with database.atomic():
            apply(database)
            m.SchemaVersion.create(version=number, name=name)
        applied.append(number)
    return applied
