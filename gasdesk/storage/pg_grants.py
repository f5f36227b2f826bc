"""The least rights the counters need on a shared PostgreSQL database.

The schema belongs to an owner role that runs the migrations (`gasdesk migrate`); the
counters log in as another role that may only read and write rows:

- every table: SELECT and INSERT;
- UPDATE on every table but the append-only ones (those with the `gasdesk_append_only`
  trigger: payments, receipts, audit events, the end-of-day records) and the schema
  table: a counter corrects by adding a row, never by changing one;
- DELETE only where rows are replaced (DELETE_TABLES);
- USAGE on the sequences (new ids) and on the schema; no CREATE, no TRUNCATE, no
  ownership, so the counters' role can neither change the schema nor switch the
  append-only triggers off.

The append-only tables are read from the database's own triggers, so a table a later
migration protects is covered without a list here. `grant_statements()` is applied
after every migration by the owner (`gasdesk migrate --grant ROLE`), so that a table
a new version adds is granted too."""

from __future__ import annotations

import re

from peewee import Database

# rows a counter deletes: the search grams of an account are replaced when its name,
# address or phone changes (storage/search_index.py)
DELETE_TABLES = ("search_gram",)
# rows a counter never changes outside a migration
READ_ONLY_TABLES = ("gasdesk_schema",)
ROLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")

APPEND_ONLY_SQL = (
    "SELECT DISTINCT c.relname FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "JOIN pg_proc p ON p.oid = t.tgfoid "
    "WHERE p.proname = 'gasdesk_append_only' AND n.nspname = current_schema()"
)


def append_only_tables(database: Database) -> set[str]:
    return {str(r[0]) for r in database.execute_sql(APPEND_ONLY_SQL).fetchall()}


def _tables(database: Database) -> list[str]:
    rows = database.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ).fetchall()
    return [str(r[0]) for r in rows]


def table_rights(database: Database) -> dict[str, tuple[str, ...]]:
    """For each table of the schema, the rights the counters' role gets."""
    append_only = append_only_tables(database)
    rights: dict[str, tuple[str, ...]] = {}
    for table in _tables(database):
        if table in READ_ONLY_TABLES:
            rights[table] = ("SELECT",)
            continue
        granted = ["SELECT", "INSERT"]
        if table not in append_only:
            granted.append("UPDATE")
        if table in DELETE_TABLES:
            granted.append("DELETE")
        rights[table] = tuple(granted)
    return rights


def grant_statements(database: Database, role: str) -> list[str]:
    """The SQL that gives `role` exactly the counters' rights (taking back any other
    right on the schema's tables first)."""
    if not ROLE.fullmatch(role):
        raise ValueError(f"not a plain role name: {role!r}")
    schema = str(database.execute_sql("SELECT current_schema()").fetchone()[0])
    statements = [
        f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"',
        f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM "{role}"',
        f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM "{role}"',
        f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{role}"',
    ]
    for table, granted in table_rights(database).items():
        statements.append(f'GRANT {", ".join(granted)} ON TABLE "{schema}"."{table}" TO "{role}"')
    return statements


def grant_counter_rights(database: Database, role: str) -> dict[str, tuple[str, ...]]:
    """Apply grant_statements() in one transaction; returns the rights per table."""
    with database.atomic():
        for sql in grant_statements(database, role):
            database.execute_sql(sql)
    return table_rights(database)
