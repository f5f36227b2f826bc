"""Numbered schema migrations; the version applied is recorded in `gasdesk_schema`.

Each migration runs once, in order, inside one transaction. Migration 1 builds the
tables from the model classes; a later migration that adds a column to an existing
table must check `database.get_columns()` first, because a fresh database already
has every column the models declare.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database, PostgresqlDatabase

from gasdesk.storage import models as m

Migration = tuple[int, str, Callable[[Database], None]]


def _initial(database: Database) -> None:
    database.create_tables([t for t in m.ALL_MODELS if t is not m.SchemaVersion])


def _forms_tables(database: Database) -> None:
    from gasdesk.storage import models_forms

    database.create_tables(models_forms.FORMS_MODELS)


APPEND_ONLY_TABLES = ("payment", "receipt", "audit_event")


def _append_only_triggers(database: Database) -> None:
    """Refuse UPDATE and DELETE (and on PostgreSQL TRUNCATE) of payments, receipts and
    audit rows in the database itself: a correction is a new row. The message carries
    'append-only' so that errors.describe() can explain the refusal."""
    if isinstance(database, PostgresqlDatabase):
        database.execute_sql(
            "CREATE OR REPLACE FUNCTION gasdesk_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'append-only: %% rows cannot be %%', TG_TABLE_NAME, "
            "lower(TG_OP) || 'd' USING ERRCODE = 'restrict_violation'; END $$ LANGUAGE plpgsql"
        )
        for table in APPEND_ONLY_TABLES:
            database.execute_sql(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION gasdesk_append_only()"
            )
            database.execute_sql(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION gasdesk_append_only()"
            )
        return
    for table in APPEND_ONLY_TABLES:
        for op in ("update", "delete"):
            database.execute_sql(
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op} BEFORE {op.upper()} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only: {table} rows cannot be {op}d'); END"
            )


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _initial),
    (30, "business forms: complaints, outages, appointments, return visits", _forms_tables),
    (60, "append-only triggers on payment, receipt, audit_event", _append_only_triggers),
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
    # the set, not the highest number: numbers are handed out to parts of the program
    # built side by side, so a database may hold 60 and still lack a later-added 10
    have = {r.version for r in m.SchemaVersion.select(m.SchemaVersion.version)}
    for number, name, apply in sorted(MIGRATIONS, key=lambda x: x[0]):
        if number in have:
            continue
        with database.atomic():
            apply(database)
            m.SchemaVersion.create(version=number, name=name)
        applied.append(number)
    return applied
