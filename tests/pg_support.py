"""Running storage and service tests against SQLite *and* PostgreSQL.

The PostgreSQL side needs a server named by GASDESK_TEST_PG_URL (`.ci/postgres.sh`
starts a throw-away one); without it the 'pg' cases are skipped. Each test session
works in a database of its own on that server (created here, dropped at the end), and
each test starts from an empty schema.

Use from a conftest.py:

    from tests.pg_support import backend, backend_database, pg_url  # noqa: F401

`backend_database` is a fresh migrated database, once per backend; `open_test_database`
does the same for fixtures that need their own set-up.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from peewee import Database

from gasdesk.storage.db import open_database

PG_ENV = "GASDESK_TEST_PG_URL"
BACKENDS = ["sqlite", pytest.param("pg", marks=pytest.mark.postgres)]


def _with_dbname(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _admin(url: str):  # type: ignore[no-untyped-def]
    import psycopg2

    con = psycopg2.connect(url)
    con.autocommit = True
    return con


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A database of this test session's own on the test server."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set (run .ci/postgres.sh to start a test server)")
    name = f"gasdesk_t{os.getpid()}"
    con = _admin(base)
    with con.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {name}")
        cur.execute(f"CREATE DATABASE {name}")
    con.close()
    yield _with_dbname(base, name)
    con = _admin(base)
    with con.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    con.close()


def reset_pg_schema(url: str) -> None:
    con = _admin(url)
    with con.cursor() as cur:
        cur.execute("DROP SCHEMA public CASCADE")
        cur.execute("CREATE SCHEMA public")
    con.close()


def open_test_database(backend: str, folder: Path, url: str | None = None) -> Database:
    """A fresh, migrated database of the given backend; the audit key in `folder`."""
    key = folder / "audit.key"
    if backend == "sqlite":
        return open_database(folder / "gasdesk.db", key_path=key)
    assert url, "the 'pg' backend needs the pg_url fixture"
    reset_pg_schema(url)
    return open_database(url=url, key_path=key)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def backend_database(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path
) -> Iterator[Database]:
    url = request.getfixturevalue("pg_url") if backend == "pg" else None
    database = open_test_database(backend, tmp_path, url)
    yield database
    database.close()
