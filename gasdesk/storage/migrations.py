"""Numbered schema migrations; the version applied is recorded in `gasdesk_schema`.

Each migration runs once, in order, inside one transaction. Migration 1 builds the
tables from the model classes; a later migration that adds a column to an existing
table must check `database.get_columns()` first, because a fresh database already
has every column the models declare.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database

from gasdesk.storage import models as m

Migration = tuple[int, str, Callable[[Database], None]]


def _initial(database: Database) -> None:
    database.create_tables([t for t in m.ALL_MODELS if t is not m.SchemaVersion])


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


def _forms_tables(database: Database) -> None:
    from gasdesk.storage import models_forms

    database.create_tables(models_forms.FORMS_MODELS)


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _initial),
    (10, "business days; purchase tier lines", _fees_and_days),
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
