"""`gasdesk demo`: write the demo data set into a database; and the first-start hook."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from gasdesk.cli_text import message_text, print_refusal
from gasdesk.demo.generate import DEFAULT_ACCOUNTS, DEFAULT_SEED, MAX_ACCOUNTS, DemoError, generate
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.storage.db import URL_ENV, default_db_path, is_default_database, open_database
from gasdesk.storage.errors import (
    DISK_KINDS,
    DatabaseOpenError,
    describe_parts,
    is_database_error,
    kind,
)
from gasdesk.storage.models import Account, Payment, db

SAMPLE_PRICES = QT_TRANSLATE_NOOP(
    "Messages",
    "The prices of the demo are the shipped SAMPLE tariffs (resources/tariff_*.toml), not "
    "the Zibo price authority's; a real office enters those as a new tariff version.",
)
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
    made = _Made(path) if path is not None else None
    try:
        code = _fill(args, path, url)
    except BaseException:
        if made is not None:
            made.remove()
        raise
    if code != EXIT_OK and made is not None:
        made.remove()
    return code


class _Made:
    """The files and folders a demo run makes for a database file, so that a run
    that fails leaves nothing behind: the file, its -wal, -shm and -journal, its key
    and anchor (all named after it), and the folders made for it. What was there
    before is never touched."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.before = self._companions()
        self.new = not (path.exists() or path.is_symlink())
        self.folders = [p for p in (path.parent, *path.parent.parents) if not p.exists()]

    def _companions(self) -> set[Path]:
        try:
            return {p for p in self.path.parent.iterdir() if p.name.startswith(self.path.name)}
        except OSError:
            return set()

    def remove(self) -> None:
        if not self.new:
            return  # a database that was there: another program may have it open
        if db.obj is not None:
            db.obj.close()
        for p in self._companions() - self.before:
            with contextlib.suppress(OSError):
                p.unlink()
        for folder in self.folders:  # deepest first; only if left empty
            with contextlib.suppress(OSError):
                folder.rmdir()


def _fill(args: argparse.Namespace, path: Path | None, url: str | None) -> int:
    """Open the database and write the demo set into it; the exit status."""
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
        except Exception as exc:
            if kind(exc, path) in DISK_KINDS or is_database_error(exc):
                # the real cause (a full disk...), in the terminal's language
                print(f"gasdesk demo: {message_text(*describe_parts(exc, path))}", file=sys.stderr)
            elif isinstance(exc, DemoError):
                print(f"gasdesk demo: {exc}", file=sys.stderr)
            else:
                raise
            return EXIT_FAILED
        print(f"{summary.line()} -> {where}")
        print(message_text(SAMPLE_PRICES, {}))
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
    if not is_default_database(path):
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
