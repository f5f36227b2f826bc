"""How long the demo data set takes to build: the goal is 100,000 accounts (about two
million readings) in under 60 seconds on a two-core machine, creating the file
included.

    python -m bench.demo_generation [--accounts 100000] [--keep DIR]

Generates into a fresh SQLite file in a temporary folder (or DIR, kept afterwards)
and prints the wall time, the rows written per second, the file size and the ratio
to the goal, with the load average, since other work on the machine slows it.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from gasdesk.demo.generate import generate
from gasdesk.storage.db import open_database
from gasdesk.storage.models import db

GOAL_SECONDS = 60.0
GOAL_ACCOUNTS = 100_000
TODAY = dt.date(2026, 11, 27)  # fixed, so that runs compare


def count_rows(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return sum(con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables)
    finally:
        con.close()


def run(folder: Path, accounts: int) -> None:
    path = folder / "demo.db"
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    open_database(path, key_path=folder / "audit.key")
    summary = generate(accounts, today=TODAY)
    seconds = time.perf_counter() - started
    db.close()
    load_after = os.getloadavg()[0]
    own = resource.getrusage(resource.RUSAGE_SELF)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    rows = count_rows(path)
    size_mb = path.stat().st_size / 1e6
    goal = GOAL_SECONDS * accounts / GOAL_ACCOUNTS
    print(summary.line())
    print(f"accounts            {accounts:>12,}")
    print(f"wall time           {seconds:>12.1f} s   (file created, migrated, filled, indexed)")
    print(f"rows written        {rows:>12,}")
    print(f"rows per second     {rows / seconds:>12,.0f}")
    print(f"database size       {size_mb:>12.0f} MB")
    print(
        f"cpu                 {own.ru_utime + own.ru_stime:>12.1f} s generating, "
        f"{child.ru_utime + child.ru_stime:.1f} s writing (second process)"
    )
    print(
        f"load average        {load_before:>12.2f} before, {load_after:.2f} after ({os.cpu_count()} cores)"
    )
    print(f"ratio to goal       {seconds / goal:>12.2f}   (goal {goal:.0f} s; below 1.00 meets it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=GOAL_ACCOUNTS)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the database")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.keep, args.accounts)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(Path(folder), args.accounts)


if __name__ == "__main__":
    main()
