"""A counter starting a new version: `python migrate_child.py DB_OR_URL` connects,
prints `ready`, waits for a line on standard input (so that several start at the
same moment), applies the migrations the database lacks through
`storage.migrations.migrate` and prints `applied N N ...`."""

from __future__ import annotations

import sys

from peewee import SqliteDatabase
from playhouse.db_url import connect

from gasdesk.storage.db import SQLITE_PRAGMAS
from gasdesk.storage.migrations import migrate
from gasdesk.storage.models import db


def main(argv: list[str]) -> int:
    target = argv[0]
    database = (
        connect(target) if "://" in target else SqliteDatabase(target, pragmas=SQLITE_PRAGMAS)
    )
    db.initialize(database)
    database.connect()
    print("ready", flush=True)
    sys.stdin.readline()
    applied = migrate(database)
    print("applied", *applied, flush=True)
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
