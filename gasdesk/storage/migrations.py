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

from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.storage import models as m
from gasdesk.storage import models_dayend, models_search
from gasdesk.storage.errors import DatabaseOpenError
from gasdesk.storage.locks import PG_WRITE_LOCK
from gasdesk.storage.search_index import rebuild_index

Migration = tuple[int, str, Callable[[Database], None]]
INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for a right the role lacks


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
        for table in tables:  # dropped first: a migration applied again makes them again
            database.execute_sql(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            database.execute_sql(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
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


def _add_missing_columns(database: Database, model: type[m.BaseModel], names: list[str]) -> None:
    """Add the model's columns `names` that the table lacks (a fresh database has them)."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_migration

    table = model._meta.table_name
    have = {c.name for c in database.get_columns(table)}
    migrator = SchemaMigrator.from_database(database)
    fields = model._meta.fields
    ops = [migrator.add_column(table, name, fields[name]) for name in names if name not in have]
    if ops:
        run_migration(*ops)


def _household_tariffs(database: Database) -> None:
    """Tariff versions carry the household-size rule and where their prices come
    from; accounts carry their household size, whose changes are kept as history."""
    from gasdesk.storage.models_household import HOUSEHOLD_MODELS

    _add_missing_columns(
        database, m.TariffVersion, ["household_base", "household_extra_m3", "source", "sample"]
    )
    _add_missing_columns(database, m.Account, ["household_size"])
    database.create_tables(HOUSEHOLD_MODELS)
    refuse_changes(database, tuple(t._meta.table_name for t in HOUSEHOLD_MODELS))


def _fapiao_requests(database: Database) -> None:
    """Fapiao requests recorded with their payment, and their withdrawal by a void;
    both append-only."""
    from gasdesk.storage.models_fapiao import FAPIAO_MODELS

    database.create_tables(FAPIAO_MODELS)
    refuse_changes(database, tuple(t._meta.table_name for t in FAPIAO_MODELS))


def _ic_cards(database: Database) -> None:
    """IC cards, the purchases made for them and what was written onto them; all
    append-only."""
    from gasdesk.storage import models_cards

    database.create_tables(models_cards.CARD_MODELS)
    refuse_changes(database, tuple(t._meta.table_name for t in models_cards.CARD_MODELS))


def _account_lifecycle(database: Database) -> None:
    """Account history, the business effects forms ran, and account numbering; the
    history and the effects append-only."""
    from gasdesk.storage import models_accounts

    database.create_tables(models_accounts.ACCOUNT_MODELS)
    refuse_changes(database, models_accounts.APPEND_ONLY_ACCOUNT_TABLES)


def _account_credits(database: Database) -> None:
    """Credits to accounts (a fast meter's over-charge, 表具校验), append-only."""
    from gasdesk.storage import models_credits

    database.create_tables(models_credits.CREDIT_MODELS)
    refuse_changes(database, models_credits.APPEND_ONLY_CREDIT_TABLES)


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
    (110, "account history, form effects, account numbers", _account_lifecycle),
    (120, "credits to accounts (meter checks)", _account_credits),
    (130, "IC cards, card purchases and card writes", _ic_cards),
    (150, "household-size rule of tariffs; household size of accounts", _household_tariffs),
    (151, "fapiao requests and their withdrawal", _fapiao_requests),
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
    if not database.table_exists(m.SchemaVersion._meta.table_name):
        # only then: on a shared database the counters' role may not create tables
        with _locked(database), _schema_rights(database, 1):
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
            with _schema_rights(database, number):
                apply(database)
                m.SchemaVersion.create(version=number, name=name)
        applied.append(number)


@contextmanager
def _schema_rights(database: Database, number: int) -> Iterator[None]:
    """A migration refused for want of rights (the counters' role of a shared
    database, see storage/pg_grants.py) is the administrator's job: say so."""
    try:
        yield
    except Exception as exc:
        cause: BaseException | None = exc
        while cause is not None and getattr(cause, "pgcode", None) != INSUFFICIENT_PRIVILEGE:
            cause = cause.__cause__ or cause.__context__
        if cause is None:
            raise
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The shared database needs the schema upgrade {number} of this GasDesk, and "
                "this counter's database role may not change the schema. The administrator "
                "upgrades it with the owner role: gasdesk migrate --grant ROLE",
            ),
            number=number,
            detail=str(cause),
        ) from exc
