"""Numbered schema migrations; the version applied is recorded in `gasdesk_schema`.

Each migration runs once, in order, inside one transaction. Migration 1 builds the
tables from the model classes; a later migration that adds a column to an existing
table must check `database.get_columns()` first, because a fresh database already
has every column the models declare.

Numbers are handed out per area of work, and areas land in any order, so every
migration not yet recorded is applied (in number order), not only those above the
highest number recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from gasdesk.storage import models as m
from gasdesk.storage import models_dayend, models_search
from gasdesk.storage.locks import PG_WRITE_LOCK
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


def _fees_and_days(database: Database) -> None:
    """Business days (a closed day's payments cannot be voided) and the tier lines of
    IC-card purchases on the payment row."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_migration

    from gasdesk.storage.models_days import DAY_MODELS

    database.create_tables(DAY_MODELS)
    columns = {c.name for c in database.get_columns(m.Payment._meta.table_name)}
    if "lines_json" not in columns:
        migrator = SchemaMigrator.from_database(database)
        run_migration(
            migrator.add_column(m.Payment._meta.table_name, "lines_json", m.Payment.lines_json)
        )


APPEND_ONLY_TABLES = ("payment", "receipt", "audit_event")


def refuse_changes(database: Database, tables: tuple[str, ...]) -> None:
    """Refuse UPDATE and DELETE (and on PostgreSQL TRUNCATE) of the rows of `tables`
    in the database itself: a correction is a new row. The message carries
    'append-only' so that errors.describe() can explain the refusal."""
    if isinstance(database, PostgresqlDatabase):
        database.execute_sql(
            "CREATE OR REPLACE FUNCTION gasdesk_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'append-only: %% rows cannot be %%', TG_TABLE_NAME, "
            "lower(TG_OP) || 'd' USING ERRCODE = 'restrict_violation'; END $$ LANGUAGE plpgsql"
        )
        for table in tables:
            database.execute_sql(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION gasdesk_append_only()"
            )
            database.execute_sql(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION gasdesk_append_only()"
            )
        return
    for table in tables:
        for op in ("update", "delete"):
            database.execute_sql(
                f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op} BEFORE {op.upper()} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only: {table} rows cannot be {op}d'); END"
            )


def _append_only_triggers(database: Database) -> None:
    refuse_changes(database, APPEND_ONLY_TABLES)


def _dayend(database: Database) -> None:
    """Drawer counts, cash movements, differences, shift and day closures; all of them
    append-only."""
    database.create_tables(models_dayend.DAYEND_MODELS)
    refuse_changes(database, tuple(t._meta.table_name for t in models_dayend.DAYEND_MODELS))


def _service_quality(database: Database) -> None:
    from gasdesk.storage import models_service

    database.create_tables(models_service.SERVICE_MODELS)


def _forms_tables(database: Database) -> None:
    from gasdesk.storage import models_forms

    database.create_tables(models_forms.FORMS_MODELS)


def _office_day_index(database: Database) -> None:
    """Payments of one office on one business day: today's list (on every start and
    after every payment), the day report, the day close. With one index on the office
    and another on the date, SQLite (which keeps no statistics here) took the office's:
    a scan of every payment the office ever took, 0.24 s on two years of history."""
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS payment_office_business_date "
        "ON payment (office_id, business_date)"
    )


def _reference_index(database: Database) -> None:
    """Payments by transaction reference: before a WeChat Pay, Alipay or bank card
    payment is recorded, its reference is looked up among every payment ever taken
    (a reference pays once)."""
    database.execute_sql("CREATE INDEX IF NOT EXISTS payment_reference ON payment (reference)")


def _imports(database: Database) -> None:
    """Imports of customers and readings from spreadsheets: the batch each imported
    record came from (append-only), on the account, meter and reading it created, and
    the meter reader an imported reading names."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_migration

    database.create_tables([m.ImportBatch])
    migrator = SchemaMigrator.from_database(database)
    for model, names in (
        (m.Account, ("import_batch",)),
        (m.Meter, ("import_batch",)),
        (m.Reading, ("read_by", "import_batch")),
    ):
        table = model._meta.table_name
        have = {c.name for c in database.get_columns(table)}
        for name in names:
            f = model._meta.fields[name]
            if f.column_name not in have:
                run_migration(migrator.add_column(table, f.column_name, f))
        if "import_batch_id" not in have:
            database.execute_sql(
                f'CREATE INDEX IF NOT EXISTS "{table}_import_batch_id" '
                f'ON "{table}" ("import_batch_id")'
            )
    refuse_changes(database, (m.ImportBatch._meta.table_name,))


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _initial),
    (10, "business days; purchase tier lines", _fees_and_days),
    (20, "customer search index", _search_index),
    (30, "business forms: complaints, outages, appointments, return visits", _forms_tables),
    (40, "service visits and satisfaction ratings", _service_quality),
    (50, "end of day: counts, cash movements, differences, closures", _dayend),
    (60, "append-only triggers on payment, receipt, audit_event", _append_only_triggers),
    (90, "index of payments by office and business day", _office_day_index),
    (95, "index of payments by transaction reference", _reference_index),
    (140, "imports of customers and readings: batches and their records", _imports),
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


@contextmanager
def _locked(database: Database) -> Iterator[None]:
    """A transaction that holds the write lock from its first statement: BEGIN
    IMMEDIATE on SQLite, the writers' advisory lock on PostgreSQL. Another counter
    migrating or writing at the same moment waits for it, and then sees its work."""
    if isinstance(database, SqliteDatabase):
        with database.atomic("IMMEDIATE"):
            yield
        return
    with database.atomic():
        if isinstance(database, PostgresqlDatabase):
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (PG_WRITE_LOCK,))
        yield


def _applied(database: Database) -> set[int]:
    return {r.version for r in m.SchemaVersion.select(m.SchemaVersion.version)}


def migrate(database: Database) -> list[int]:
    """Apply the migrations this database lacks; return the numbers applied.

    Counters that start a new version against one database at the same moment are
    serialised: each migration runs in a transaction that holds the write lock
    (_locked) and reads the versions applied inside it, so each migration is applied
    exactly once, by whichever counter comes first, and the others find it done."""
    applied: list[int] = []
    with _locked(database):
        database.create_tables([m.SchemaVersion])
    while True:
        with _locked(database):
            # the set, not the highest number: numbers are handed out to parts of the
            # program built side by side, so a database may hold 60 and still lack 10
            have = _applied(database)
            pending = [x for x in sorted(MIGRATIONS, key=lambda x: x[0]) if x[0] not in have]
            if not pending:
                return applied
            number, name, apply = pending[0]
            apply(database)
            m.SchemaVersion.create(version=number, name=name)
        applied.append(number)
