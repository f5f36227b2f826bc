"""A database upgraded from an earlier version has exactly the schema of a new one:
the same tables, columns, keys, indexes, triggers and functions, on SQLite and on
PostgreSQL.

Two ways to an earlier version: the migrations applied up to each number and the rest
applied later; and a database written by an earlier release itself (tests/data/schemas,
see schema_support.load_release)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from peewee import Database

from gasdesk.storage import migrations
from gasdesk.storage.db import open_database
from gasdesk.storage.models import db
from tests.pg_support import backend, pg_url, reset_pg_schema  # noqa: F401
from tests.schema_support import differences, load_release, schema_of

NUMBERS = [number for number, _, _ in sorted(migrations.MIGRATIONS, key=lambda x: x[0])]


@pytest.fixture
def where(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> dict[str, Any]:  # noqa: F811
    """How to open an empty database of the backend, as often as a test needs one."""
    url = request.getfixturevalue("pg_url") if backend == "pg" else None
    made = {"n": 0}

    def empty() -> dict[str, Any]:
        made["n"] += 1
        if url is None:
            return {"path": tmp_path / f"db{made['n']}.db"}
        reset_pg_schema(url)
        return {"url": url}

    yield {"backend": backend, "empty": empty, "key": tmp_path / "audit.key", "url": url}
    if db.obj is not None:
        db.close()


def _open(where: dict[str, Any], place: dict[str, Any]) -> Database:
    return open_database(place.get("path"), url=place.get("url"), key_path=where["key"])


def _fresh(where: dict[str, Any]) -> dict[str, Any]:
    database = _open(where, where["empty"]())
    schema = schema_of(database)
    database.close()
    return schema


@pytest.mark.parametrize("upto", NUMBERS[:-1])
def test_migrations_applied_in_two_steps_give_the_fresh_schema(
    where: dict[str, Any], monkeypatch: pytest.MonkeyPatch, upto: int
) -> None:
    fresh = _fresh(where)
    place = where["empty"]()
    every = list(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", [x for x in every if x[0] <= upto])
    _open(where, place).close()
    monkeypatch.setattr(migrations, "MIGRATIONS", every)
    database = _open(where, place)
    assert migrations.current_version(database) == migrations.latest_version()
    assert differences(fresh, schema_of(database)) == []


@pytest.mark.parametrize("version", ["v1", "v60"])
def test_a_database_of_an_earlier_release_upgrades_to_the_fresh_schema(
    where: dict[str, Any], version: str
) -> None:
    fresh = _fresh(where)
    place = where["empty"]()
    load_release(place.get("path") or place["url"], version)
    database = _open(where, place)
    applied = {r[0] for r in database.execute_sql("SELECT version FROM gasdesk_schema")}
    assert applied == set(NUMBERS)
    assert differences(fresh, schema_of(database)) == []
