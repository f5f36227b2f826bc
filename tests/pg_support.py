"""Running storage and service tests against SQLite *and* PostgreSQL.

The PostgreSQL side needs a server named by GASDESK_TEST_PG_URL (`.ci/postgres.sh`
starts a throw-away one); without it the 'pg' cases are skipped. Each test session
works in a database of its own on that server (created here, dropped at the end), and
each test starts from an empty schema.

Use from a conftest.py:

    from tests.pg_support import backend, backend_database, pg_url  # noqa: F401

`backend_database` is a fresh migrated database, once per backend; `open_test_database`
does the same for fixtures that need their own set-up.

For a data set that is slow to build (the demo set), build it once per session into a
template database with `pg_template()` and give each test a copy with `pg_clone()`
(CREATE DATABASE ... TEMPLATE copies the files, about 0.1 s):

    @pytest.fixture(scope="session")
    def pg_demo(pg_url, tmp_path_factory):
        key = tmp_path_factory.mktemp("pgkey") / "audit.key"
        return pg_template(pg_url, "demo", key, lambda: generate(accounts=200, ...)), key

    @pytest.fixture
    def pg_database(pg_demo, request):
        template, key = pg_demo
        url = pg_clone(template, f"t{abs(hash(request.node.nodeid))}")
        open_database(url=url, key_path=key)   # the clone shares the template's key
        ...
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from peewee import Database

from gasdesk.storage.db import open_database

PG_ENV = "GASDESK_TEST_PG_URL"
BACKENDS = ["sqlite", pytest.param("pg", marks=pytest.mark.postgres)]


def _with_dbname(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@contextmanager
def _admin(url: str) -> Iterator[Any]:
    """A cursor on `url` outside any transaction (CREATE/DROP DATABASE need that)."""
    import psycopg2

    con = psycopg2.connect(url)
    con.autocommit = True
    try:
        with con.cursor() as cur:
            yield cur
    finally:
        con.close()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A database of this test session's own on the test server."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set (run .ci/postgres.sh to start a test server)")
    name = f"gasdesk_t{os.getpid()}"
    with _admin(base) as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {name}")
        cur.execute(f"CREATE DATABASE {name}")
    yield _with_dbname(base, name)
    with _admin(base) as cur:
        cur.execute(
            "SELECT datname FROM pg_database WHERE datname = %s OR datname LIKE %s",
            (name, name + "\\_%"),
        )
        for (found,) in cur.fetchall():
            cur.execute(f"DROP DATABASE IF EXISTS {found} WITH (FORCE)")


def pg_template(url: str, name: str, key: Path, build: Callable[[], object]) -> str:
    """A database `<session db>_<name>` migrated and filled by `build()`, closed so that
    it can serve as a template; returns its URL."""
    from gasdesk.storage.models import db

    base = urlsplit(url).path.lstrip("/")
    template = f"{base}_{name}"
    with _admin(url) as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {template} WITH (FORCE)")
        cur.execute(f"CREATE DATABASE {template}")
    template_url = _with_dbname(url, template)
    open_database(url=template_url, key_path=key)
    build()
    db.close()
    return template_url


def pg_clone(template_url: str, name: str) -> str:
    """A fresh copy of a template database (replacing an earlier copy of that name)."""
    template = urlsplit(template_url).path.lstrip("/")
    clone = f"{template}_{name}"
    with _admin(template_url) as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {clone} WITH (FORCE)")
        cur.execute(f"CREATE DATABASE {clone} TEMPLATE {template}")
    return _with_dbname(template_url, clone)


def reset_pg_schema(url: str) -> None:
    """Drop every table of the (throw-away) test database."""
    with _admin(url) as cur:
        cur.execute("DROP SCHEMA public CASCADE")
        cur.execute("CREATE SCHEMA public")


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
