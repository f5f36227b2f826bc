"""The fresh demo database every benchmark runs on (benchmark 9: how long making it
takes; benchmark 8: how big it is), and throw-away copies for the benchmarks that
write.

The database file, its audit key and anchor sit together in one folder, named the
way the application names them (gasdesk.db, gasdesk.db.key, gasdesk.db.head), so
that a copy of the folder opens like the original, in this process or in a child
that starts the application itself.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from bench.report import Goal, Row

GOAL_ACCOUNTS = 100_000
DEMO_SEED = 20261127
DB_NAME = "gasdesk.db"


@dataclass(frozen=True)
class DemoDb:
    folder: Path
    accounts: int
    today: dt.date

    @property
    def path(self) -> Path:
        return self.folder / DB_NAME

    def copy(self, folder: Path) -> DemoDb:
        """A copy of the (closed, checkpointed) database with its key and anchor."""
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for source in self.folder.iterdir():
            if source.name.startswith(DB_NAME) and source.is_file():
                shutil.copy2(source, folder / source.name)
        return DemoDb(folder, self.accounts, self.today)

    def open(self) -> None:
        """Open and bind the models to this database (in this process)."""
        from gasdesk.storage.db import open_database

        open_database(self.path)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def close_bound() -> None:
    """Checkpoint the WAL into the file and close this process's connection."""
    from gasdesk.storage.models import db

    if db.obj is not None and not db.obj.is_closed():
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()


def build(folder: Path, accounts: int, today: dt.date) -> tuple[DemoDb, list[Row]]:
    """A fresh demo database of `accounts` accounts in `folder` (emptied first);
    returns it with the rows of benchmark 9 and the database size of benchmark 8."""
    from gasdesk.demo.generate import generate
    from gasdesk.services.search import rebuild_search_index
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models_search import SearchGram

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    demo = DemoDb(folder, accounts, today)
    t0 = time.perf_counter()
    open_database(demo.path)
    summary = generate(accounts=accounts, seed=DEMO_SEED, today=today)
    generated = time.perf_counter() - t0
    # The customer search needs its index; the generator may or may not fill it.
    indexed = 0.0
    if not SearchGram.select().exists():
        t1 = time.perf_counter()
        rebuild_search_index()
        indexed = time.perf_counter() - t1
    close_bound()
    total = time.perf_counter() - t0
    return demo, _rows(demo, summary.readings, generated, indexed, total)


def reuse(folder: Path, accounts: int, today: dt.date) -> tuple[DemoDb, list[Row]]:
    """An existing demo folder (for repeated runs while working on one benchmark):
    no generation figure, only its size."""
    demo = DemoDb(folder, accounts, today)
    note = "database reused (--reuse): generation not measured"
    return demo, [
        Row("demo", "9. demo generation", "s", None, note=note),
        size_row(demo),
    ]


def size_row(demo: DemoDb) -> Row:
    per = demo.path.stat().st_size / 1e6 * GOAL_ACCOUNTS / demo.accounts
    return Row(
        "demo",
        "8b. database size per 100,000 accounts",
        "MB",
        per,
        runs=1,
        note="" if demo.accounts == GOAL_ACCOUNTS else f"scaled from {demo.accounts:,} accounts",
    )


def _rows(demo: DemoDb, readings: int, generated: float, indexed: float, total: float) -> list[Row]:
    full = demo.accounts == GOAL_ACCOUNTS
    note = f"{demo.accounts:,} accounts, {readings:,} readings"
    if indexed:
        note += f"; generator {generated:.1f} s + search index {indexed:.1f} s"
    if not full:
        note += "; the goal is for 100,000 accounts"
    return [
        Row(
            "demo",
            "9. demo generation (usable database)",
            "s",
            total,
            goal=Goal(60.0) if full else None,
            runs=1,
            note=note,
            extra={"generate_s": generated, "search_index_s": indexed},
        ),
        size_row(demo),
    ]
