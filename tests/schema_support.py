"""What a database's schema is, in a form two databases can be compared by: every
table's columns, keys and constraints, every index, trigger and function, on SQLite
and on PostgreSQL. Column order is left out (a column added by a migration comes
last, one declared by the model where the model has it), and so are names that the
database makes up itself."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from peewee import Database, SqliteDatabase

SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"


def load_release(target: str | Path, version: str) -> None:
    """Make the empty database `target` (a file, or a PostgreSQL URL of an empty
    schema) as an earlier release made it: tests/data/schemas/<backend>-<version>.sql,
    the schema GasDesk wrote for a new database at commit d3386d9 (v1: schema 1) or
    49f30b5 (v60: schemas 1, 10, 50 and 60)."""
    if "://" not in str(target):
        con = sqlite3.connect(target)
        con.executescript((SCHEMAS / f"sqlite-{version}.sql").read_text(encoding="utf-8"))
        con.close()
        return
    import psycopg2

    pg = psycopg2.connect(str(target))
    with pg, pg.cursor() as cur:
        cur.execute((SCHEMAS / f"postgresql-{version}.sql").read_text(encoding="utf-8"))
    pg.close()


def _squeeze(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def _sqlite(database: Database) -> dict[str, Any]:
    def rows(sql: str, *params: object) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in database.execute_sql(sql, params).fetchall()]

    tables = [
        name
        for (name, sql) in rows(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    described: dict[str, Any] = {}
    for table in tables:
        sql = rows("SELECT sql FROM sqlite_master WHERE name = ?", table)[0][0]
        indexes = set()
        for _, name, unique, origin, partial in rows(f'PRAGMA index_list("{table}")'):
            columns = tuple(r[2] for r in rows(f'PRAGMA index_info("{name}")'))
            shown = name if origin == "c" else f"({origin})"  # sqlite_autoindex_* by origin
            indexes.add((shown, unique, origin, partial, columns))
        described[table] = {
            "columns": {
                (name, kind.upper(), notnull, default, pk)
                for _, name, kind, notnull, default, pk in rows(f'PRAGMA table_info("{table}")')
            },
            "foreign_keys": {
                (target, source, to, on_update, on_delete)
                for _, _, target, source, to, on_update, on_delete, _ in rows(
                    f'PRAGMA foreign_key_list("{table}")'
                )
            },
            "without_rowid": "WITHOUT ROWID" in _squeeze(sql).upper(),
            "indexes": indexes,
        }
    described["(triggers)"] = {
        (name, table, _squeeze(sql))
        for name, table, sql in rows(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    return described


def _postgresql(database: Database) -> dict[str, Any]:
    def rows(sql: str) -> set[tuple[Any, ...]]:
        return {tuple(r) for r in database.execute_sql(sql).fetchall()}

    return {
        "columns": rows(
            "SELECT table_name, column_name, data_type, is_nullable, column_default, "
            "character_maximum_length, numeric_precision, collation_name "
            "FROM information_schema.columns WHERE table_schema = 'public'"
        ),
        "constraints": rows(
            "SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid) "
            "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
        ),
        "indexes": rows(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
        ),
        "triggers": rows(
            "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND NOT t.tgisinternal"
        ),
        "functions": rows(
            "SELECT p.proname, pg_get_function_arguments(p.oid), p.prosrc FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
        ),
        "sequences": rows(
            "SELECT sequence_name, data_type, start_value, increment "
            "FROM information_schema.sequences WHERE sequence_schema = 'public'"
        ),
    }


def schema_of(database: Database) -> dict[str, Any]:
    return _sqlite(database) if isinstance(database, SqliteDatabase) else _postgresql(database)


def differences(fresh: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """Each part that differs, with what only one side has: for a readable failure."""
    found = []
    for key in sorted(set(fresh) | set(other)):
        a, b = fresh.get(key), other.get(key)
        if a == b:
            continue
        if isinstance(a, set) and isinstance(b, set):
            found.append(f"{key}: only fresh {sorted(a - b)}; only upgraded {sorted(b - a)}")
        elif isinstance(a, dict) and isinstance(b, dict):
            found += [f"{key}.{line}" for line in differences(a, b)]
        else:
            found.append(f"{key}: fresh {a!r}; upgraded {b!r}")
    return found
