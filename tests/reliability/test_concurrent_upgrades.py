"""Counters that start a new version against one database at the same moment: each
migration is applied exactly once, none of them fails, and the schema is that of a
new database.

Before, each counter read the applied versions outside any transaction; on
PostgreSQL both then created the same tables and triggers (`CREATE TRIGGER` has no
guard) and recorded the same version, and all but one failed to start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import Database

from gasdesk.storage import migrations
from gasdesk.storage.db import open_database
from gasdesk.storage.models import db
from tests.pg_support import backend, pg_url, reset_pg_schema  # noqa: F401
from tests.schema_support import differences, load_release, schema_of

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("migrate_child.py")
COUNTERS = 3


def _start(target: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    env.pop("GASDESK_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, str(CHILD), target],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _fresh_schema(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> dict:  # noqa: F811
    if backend == "pg":
        url = request.getfixturevalue("pg_url")
        reset_pg_schema(url)
        database: Database = open_database(url=url, key_path=tmp_path / "audit.key")
    else:
        database = open_database(tmp_path / "fresh.db", key_path=tmp_path / "audit.key")
    schema = schema_of(database)
    database.close()
    return schema


@pytest.mark.parametrize("release", [None, "v1", "v60"])
def test_counters_upgrading_at_once_apply_each_migration_once(
    request: pytest.FixtureRequest,
    backend: str,  # noqa: F811
    tmp_path: Path,
    release: str | None,
) -> None:
    """From a new database, or one an earlier release made (schema 1; 1 to 60)."""
    fresh = _fresh_schema(request, backend, tmp_path)
    numbers = sorted(number for number, _, _ in migrations.MIGRATIONS)
    if backend == "pg":
        target = request.getfixturevalue("pg_url")
        reset_pg_schema(target)
    else:
        target = str(tmp_path / "shared.db")
    before: list[int] = []
    if release is not None:
        load_release(target, release)
        before = [1] if release == "v1" else [1, 10, 50, 60]
    children = [_start(target) for _ in range(COUNTERS)]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:  # all go at the same moment
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    applied: list[int] = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        (line,) = [x for x in out.splitlines() if x.startswith("applied")]
        applied += [int(n) for n in line.split()[1:]]
    assert sorted(before + applied) == numbers  # each migration once, by one of them

    if backend == "pg":
        database = open_database(url=target, key_path=tmp_path / "audit.key")
    else:
        database = open_database(Path(target), key_path=tmp_path / "audit.key")
    rows = [r[0] for r in database.execute_sql("SELECT version FROM gasdesk_schema")]
    assert sorted(rows) == numbers
    assert differences(fresh, schema_of(database)) == []
    db.close()
