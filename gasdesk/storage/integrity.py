"""The full integrity check that comes before a day close, started ahead of time.

On a big SQLite file `PRAGMA integrity_check` reads every page and every index entry
(about 20 s for 1.4 GB). The day close still requires one, but it need not start when
the supervisor confirms: once every shift of the day is closed, nothing of the day's
money changes any more, so the End of day screen starts the check in the background
(`start_precheck`) on a read-only connection of its own, while the supervisor reads
the figures and types badge and password. `verdict_since()` then hands the day close
that result, waiting for it if it is still running, as long as the check's snapshot
was taken after the day settled and is not older than MAX_AGE; otherwise it runs the
check there and then, as before.

Only an 'ok' is taken over: after a background check that found damage the day close
runs the check itself, and its answer decides.

PostgreSQL checks its own pages on the server; there every verdict is 'ok' at once.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from gasdesk.storage import db as storage_db
from gasdesk.storage.db import IntegrityResult
from gasdesk.storage.models import db, now
from gasdesk.storage.paths import read_only_uri

log = logging.getLogger(__name__)
MAX_AGE = dt.timedelta(minutes=30)
# a commit lands a few milliseconds after the now() it stored: a snapshot taken this
# long after a row's time holds that row
SETTLE_MARGIN = dt.timedelta(seconds=2)
MAX_ERRORS = 20


@dataclass(frozen=True)
class Verdict:
    result: IntegrityResult
    started_at: dt.datetime  # wall clock (models.now) when the check's snapshot was taken
    database: str  # the file it read
    background: bool


_lock = threading.Lock()
_latest: Verdict | None = None
_running: threading.Thread | None = None


def _sqlite_path() -> str | None:
    database = db.obj
    if isinstance(database, SqliteDatabase):
        return str(Path(database.database).resolve())
    return None


def check_file(path: str, max_errors: int = MAX_ERRORS) -> tuple[IntegrityResult, dt.datetime]:
    """The full check of the file at `path` on a read-only connection of its own; the
    check runs in one read transaction, so it sees the file as it was at `started_at`."""
    t0 = time.perf_counter()
    con = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    try:
        con.execute("BEGIN")
        con.execute("SELECT COUNT(*) FROM gasdesk_schema").fetchone()  # the snapshot starts here
        started_at = now()
        rows = con.execute(f"PRAGMA integrity_check({int(max_errors)})").fetchall()
        con.execute("COMMIT")
    finally:
        con.close()
    messages = [str(r[0]) for r in rows]
    return IntegrityResult(messages == ["ok"], messages, time.perf_counter() - t0), started_at


def _qualifies(v: Verdict | None, path: str, settled_at: dt.datetime | None) -> bool:
    """Whether `v` is an ok check of `path` that saw everything written up to
    `settled_at` and is recent enough to stand for a check at the close."""
    return (
        v is not None
        and v.database == path
        and v.result.ok
        and now() - v.started_at <= MAX_AGE
        and (settled_at is None or v.started_at >= settled_at + SETTLE_MARGIN)
    )


def _run_in_background(path: str, not_before: dt.datetime | None) -> None:
    global _latest, _running
    if not_before is not None:  # let the last commit land first (SETTLE_MARGIN)
        wait = (not_before + SETTLE_MARGIN - now()).total_seconds()
        if wait > 0:
            time.sleep(min(wait + 0.05, SETTLE_MARGIN.total_seconds() + 1))
    try:
        result, started_at = check_file(path)
    except sqlite3.Error as exc:  # the day close then checks for itself and reports
        log.warning("background integrity check of %s failed to run: %s", path, exc)
        result, started_at = None, None
    with _lock:
        if result is not None and started_at is not None:
            _latest = Verdict(result, started_at, path, background=True)
        _running = None


def start_precheck(settled_at: dt.datetime | None) -> bool:
    """Start the full check of the open SQLite database in the background, to see
    everything written up to `settled_at`; not while one runs or when the last one
    already qualifies. True when a check was started."""
    global _running
    path = _sqlite_path()
    if path is None:
        return False
    with _lock:
        if _running is not None or _qualifies(_latest, path, settled_at):
            return False
        _running = threading.Thread(
            target=_run_in_background,
            args=(path, settled_at),
            name="integrity-precheck",
            daemon=True,
        )
        _running.start()
        return True


def wait_for_precheck(timeout: float | None = None) -> None:
    """Block until a background check (if any) has finished."""
    with _lock:
        running = _running
    if running is not None:
        running.join(timeout)


def running() -> bool:
    with _lock:
        return _running is not None


def latest() -> Verdict | None:
    with _lock:
        return _latest


def forget() -> None:
    """Drop the remembered verdict (after a restore, or between tests)."""
    global _latest
    wait_for_precheck()
    with _lock:
        _latest = None


def verdict_since(settled_at: dt.datetime | None) -> Verdict:
    """A full check whose snapshot holds everything written up to `settled_at`: the
    background one if it qualifies (waited for if still running), else one now."""
    global _latest
    path = _sqlite_path()
    if path is None:
        return Verdict(storage_db.integrity_check(), now(), "", background=False)
    wait_for_precheck()
    current = now()
    with _lock:
        candidate = _latest
    if candidate is not None and _qualifies(candidate, path, settled_at):
        return candidate
    result = storage_db.integrity_check(MAX_ERRORS)
    verdict = Verdict(result, current, path, background=False)
    with _lock:
        _latest = verdict
    return verdict
