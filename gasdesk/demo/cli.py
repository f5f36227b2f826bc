"""`gasdesk demo`: write the demo data set into a database; and the first-start hook."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from gasdesk.cli_text import print_refusal
from gasdesk.demo.generate import DEFAULT_ACCOUNTS, DEFAULT_SEED, MAX_ACCOUNTS, DemoError, generate
from gasdesk.storage.db import URL_ENV, default_db_path, open_database
from gasdesk.storage.errors import DatabaseOpenError
from gasdesk.storage.models import Account, Payment, db

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2  # bad arguments, or a database that is not empty


def _account_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= value <= MAX_ACCOUNTS:
        raise argparse.ArgumentTypeError(
            f"{value} is out of range: choose between 1 and {MAX_ACCOUNTS:,} accounts"
        )
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gasdesk demo",
        description="Write the deterministic demo data set (offices, staff, customers and "
        "two years of history) into an empty GasDesk database.",
    )
    parser.add_argument(
        "--accounts",
        type=_account_count,
        default=DEFAULT_ACCOUNTS,
        metavar="N",
        help=f"number of customer accounts, 1 to {MAX_ACCOUNTS:,} (default {DEFAULT_ACCOUNTS:,})",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"SQLite database file (default: ${URL_ENV} if set, else {default_db_path()})",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="if the database file exists, move it aside to PATH.bak-<timestamp> and start afresh",
    )
    parser.add_argument("--progress", action="store_true", help="print a line per month of history")
    return parser


def move_aside(path: Path) -> Path:
    """Rename the database file (with its -wal and -shm companions) to
    PATH.bak-<timestamp>; return the new name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.bak-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.bak-{stamp}-{n}")
    os.replace(path, backup)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{backup}{suffix}"))
    return backup


def _holds_data() -> bool:
    return bool(Account.select().exists() or Payment.select().exists())


def run_demo(argv: list[str]) -> int:
    """The `gasdesk demo` command; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage or the error
        return int(exc.code) if isinstance(exc.code, int) else EXIT_REFUSED
    url = os.environ.get(URL_ENV) or None
    if url and args.db:
        print(
            f"gasdesk demo: --db and ${URL_ENV} both name a database; unset ${URL_ENV} "
            "to write into a file.",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    path: Path | None = None if url else (args.db or default_db_path())
    if path is not None and args.force and (path.exists() or path.is_symlink()):
        try:
            backup = move_aside(path)
        except OSError as exc:
            print(f"gasdesk demo: {path} cannot be moved aside: {exc.strerror}.", file=sys.stderr)
            return EXIT_FAILED
        print(f"Moved the old database aside to {backup}")
    try:
        open_database(path, url=url)
    except DatabaseOpenError as exc:
        print_refusal("gasdesk demo", exc)
        return EXIT_REFUSED
    where = str(path) if path else "the shared database"
    try:
        if _holds_data():
            if args.force and url:
                print(
                    f"gasdesk demo: {where} already holds data; --force only moves a database "
                    "file aside and never clears a shared database.",
                    file=sys.stderr,
                )
            else:
                print(
                    f"gasdesk demo: {where} already holds data. Use --force to move it aside "
                    "and write a fresh demo database.",
                    file=sys.stderr,
                )
            return EXIT_REFUSED
        progress = (lambda line: print(line, flush=True)) if args.progress else None
        try:
            summary = generate(args.accounts, args.seed, progress=progress)
        except DemoError as exc:
            print(f"gasdesk demo: {exc}", file=sys.stderr)
            return EXIT_FAILED
        print(f"{summary.line()} -> {where}")
        return EXIT_OK
    finally:
        db.obj.close()


def _bound_to(path: str | Path | None) -> bool:
    """Whether the models are already bound to the database `path` names."""
    current = db.obj
    if current is None:
        return False
    if os.environ.get(URL_ENV):
        return not isinstance(current, SqliteDatabase)
    if not isinstance(current, SqliteDatabase):
        return False
    wanted = Path(path) if path is not None else default_db_path()
    return Path(current.database).resolve() == wanted.resolve()


def is_demo_database(path: str | Path | None) -> bool:
    """Whether `path` names the demo database, the only one the application fills with
    demo data by itself: the default file, and never a shared (PostgreSQL) database or
    a file named with --db or the settings."""
    if os.environ.get(URL_ENV):
        return False
    wanted = Path(path) if path is not None else default_db_path()
    return wanted.expanduser().resolve() == default_db_path().resolve()


def ensure_demo(
    path: str | Path | None = None,
    *,
    accounts: int = DEFAULT_ACCOUNTS,
    progress: Callable[[str], None] | None = None,
) -> bool:
    """On first start: make sure the database at `path` (None: the default file) is
    open and bound, opening it with open_database unless it already is; if it holds
    no accounts, write the default demo set (20,000 accounts). Returns True when it
    wrote the demo set. Refused for any database but the demo database."""
    if not is_demo_database(path):
        raise DemoError("Demo data is only written by itself into the default demo database.")
    if not _bound_to(path):
        open_database(path)
    if _holds_data():
        return False
    generate(accounts, progress=progress)
    return True


def showcase_account_id() -> int | None:
    """A customer worth showing on screenshots: a mechanical meter with unpaid bills."""
    from gasdesk.services.billing import open_bills
    from gasdesk.storage.models import Account, Meter

    query = (
        Account.select(Account.id)
        .join(Meter, on=(Meter.account == Account.id))
        .where(
            (Meter.kind == "mechanical") & Meter.removed_on.is_null() & (Account.status == "active")
        )
        .order_by(Account.id)
        .limit(400)
    )
    first = None
    for row in query:
        first = first or row.id
        if open_bills(row.id):
            return int(row.id)
    return first
