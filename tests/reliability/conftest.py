"""Fixtures of the reliability tests: a seeded database per backend (SQLite always,
PostgreSQL when GASDESK_TEST_PG_URL names a server)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import Database

from tests.pg_support import backend, open_test_database, pg_url  # noqa: F401
from tests.reliability.seed import demo_hash, seed

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def seeded(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Database]:  # noqa: F811
    """A fresh migrated database with the small seed set, on each backend."""
    url = request.getfixturevalue("pg_url") if backend == "pg" else None
    database = open_test_database(backend, tmp_path, url)
    seed()
    yield database
    database.close()


@pytest.fixture
def sqlite_seeded(tmp_path: Path) -> Iterator[Database]:
    """SQLite only: for faults that exist only for a database file."""
    database = open_test_database("sqlite", tmp_path)
    seed()
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _cheap_unknown_badge_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown badge is checked against a dummy hash as costly as a real one; the
    seed's hashes are cheap, so the dummy is too (saves 0.15 s per refusal)."""
    from gasdesk.services import auth

    monkeypatch.setattr(auth, "_dummy_hash", demo_hash)
