"""The demo loader's writing process: puts batches of rows into an SQLite file in one
transaction while the generating process builds the next batches.

Run as a script (`python -I writer.py DBFILE FOLDER`) by gasdesk.demo.bulk; it uses
the standard library only, so it starts in milliseconds from any working directory.

Protocol: each line on stdin names a frame file in FOLDER holding a `marshal` blob;
the writer loads it, deletes it and applies it.

- The first frame is (guard_sql, [table, ...]): the guard must count 0 rows inside
  the transaction; the tables' indexes are dropped for the load and rebuilt at the
  end (one sort each costs less than keeping them up to date row by row).
- Then (sql, rows) frames, executed with executemany, or (sql, None), run once.
- The line COMMIT commits; if the input ends before it, everything is rolled back.

Exit status 0 and "ok" on stdout after the commit; otherwise status 1 (3 when the
guard refused) and the reason on stderr.
"""

from __future__ import annotations

import marshal
import sqlite3
import sys
from pathlib import Path
from typing import Any, BinaryIO

FRAME_SUFFIX = ".frame"
COMMIT = b"COMMIT"
EXIT_FAILED = 1
EXIT_REFUSED = 3


class Refused(Exception):
    pass


def read_frame(stream: BinaryIO, folder: Path) -> Any:
    """The next frame, or COMMIT, or None when the input ends."""
    line = stream.readline().strip()
    if not line:
        return None
    if line == COMMIT:
        return COMMIT
    name = line.decode()
    if "/" in name or not name.endswith(FRAME_SUFFIX):
        raise ValueError(f"unexpected frame name {name!r}")
    path = folder / name
    data = path.read_bytes()
    path.unlink()
    return marshal.loads(data)


def table_indexes(conn: sqlite3.Connection, tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the tables' own indexes."""
    marks = ", ".join("?" * len(tables))
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tables,
    ).fetchall()


def load(path: str, folder: Path, stream: BinaryIO) -> None:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        journal = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        # The rollback journal writes the new pages once (a WAL would hold them all
        # and copy them again); for a fresh file it stays almost empty.
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=0")  # the generator assigns every id
        conn.execute("PRAGMA cache_size=-262144")
        conn.execute("PRAGMA threads=2")  # sorting for the index rebuild
        try:
            first = read_frame(stream, folder)
            if first is None or first == COMMIT:
                raise EOFError("no work was sent")
            guard, tables = first
            conn.execute("BEGIN IMMEDIATE")
            if guard and conn.execute(guard).fetchone()[0]:
                raise Refused("the database is not empty")
            indexes = table_indexes(conn, tables)
            for name, _ in indexes:
                conn.execute(f'DROP INDEX "{name}"')
            while True:
                frame = read_frame(stream, folder)
                if frame is None:
                    raise EOFError("the generator stopped before the end")
                if frame == COMMIT:
                    break
                sql, rows = frame
                if rows is None:
                    conn.execute(sql)
                else:
                    conn.executemany(sql, rows)
            for _, sql in indexes:
                conn.execute(sql)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            if journal == "wal":
                conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.stderr.write("usage: writer.py DBFILE FOLDER\n")
        return EXIT_FAILED
    try:
        load(argv[1], Path(argv[2]), sys.stdin.buffer)
    except Refused as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_REFUSED
    except Exception as exc:
        sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
        return EXIT_FAILED
    sys.stdout.write("ok\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
