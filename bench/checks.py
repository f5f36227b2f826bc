"""Figures without a goal, for the reliability design (they size its choices): the
start-up check of the file, the audit chain verification and an online backup, on
the database of the closed-day benchmark (the demo history and one day of payments
with their audit events). The full integrity check is timed inside the day close."""

from __future__ import annotations

import time
from pathlib import Path

from bench.demo_db import DemoDb, close_bound
from bench.report import Row


def run(demo: DemoDb, work: Path) -> list[Row]:
    from gasdesk.storage import audit_verify
    from gasdesk.storage.backup import BackupError, make_backup
    from gasdesk.storage.db import _check_sqlite_file

    size = demo.path.stat().st_size / 1e6
    t0 = time.perf_counter()
    _check_sqlite_file(demo.path)  # what open_database checks before it opens the file
    startup = time.perf_counter() - t0
    demo.open()
    try:
        t1 = time.perf_counter()
        verified = audit_verify.verify()
        verify_s = time.perf_counter() - t1
        t2 = time.perf_counter()
        try:
            backup = make_backup(work / "backups", "MS", keep=30)
            backup_note = f"{backup.size / 1e6:.0f} MB"
        except BackupError as exc:  # the figure is still what it cost to find that out
            backup_note = f"refused: {exc}"
        backup_s = time.perf_counter() - t2
    finally:
        close_bound()
    where = f"{size:.0f} MB file"
    return [
        Row("checks", "start-up file check", "s", startup, runs=1, note=where),
        Row(
            "checks",
            "audit chain verification",
            "s",
            verify_s,
            runs=1,
            note=f"{verified.events:,} events, ok={verified.ok}"
            + (f" ({verified.problems[0]})" if verified.problems else ""),
        ),
        Row("checks", "online backup, checked", "s", backup_s, runs=1, note=backup_note),
    ]
