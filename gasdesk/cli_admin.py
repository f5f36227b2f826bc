"""Administrator commands: `gasdesk setup`, `gasdesk migrate`, `gasdesk verify`,
`gasdesk user`, `gasdesk backup`, `gasdesk restore`, `gasdesk key`, `gasdesk tariff`,
`gasdesk ledger`. Each takes its own arguments and returns the exit code: 0 done /
intact, 1 refused or broken, 2 the database cannot be opened."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs

from gasdesk import settings
from gasdesk.cli_text import message_text, print_refusal, refusal_text
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.storage.errors import (
    DatabaseOpenError,
    StorageError,
    describe_parts,
    is_database_error,
    kind,
)

KEY_ENV = "GASDESK_AUDIT_KEY_FILE"


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="SQLite database file (default: the counter's database)")
    p.add_argument("--key", help=f"audit key file (default: ${KEY_ENV} or beside the database)")


def _db_path(args: argparse.Namespace) -> Path:
    from gasdesk.storage.db import default_db_path

    return Path(args.db or settings.open_settings().get(settings.DB_PATH) or default_db_path())


def _open(args: argparse.Namespace, *, must_exist: bool = True, create_key: bool = True) -> int:
    """Open the database named by the arguments; 0, or 2 after saying why not. Only
    `gasdesk setup` makes a new database file (`must_exist=False`): for every other
    command a mistyped --db is refused and nothing is created. An unusable audit key
    does not stop the opening: it stops every write."""
    from gasdesk.storage.db import URL_ENV, open_database

    try:
        if os.environ.get(URL_ENV) and not args.db:
            open_database(key_path=args.key, create_key=create_key)
        else:
            open_database(
                _db_path(args), key_path=args.key, must_exist=must_exist, create_key=create_key
            )
    except DatabaseOpenError as exc:
        print_refusal("gasdesk", exc)
        return 2
    return 0


def _fail(exc: BaseException) -> int:
    """Say why the command failed, in the terminal's language; 1. A failure of the
    database or the disk is named by its real cause (full, read-only, gone)."""
    if isinstance(exc, (UserError, StorageError)):
        text = refusal_text(exc)
    elif is_database_error(exc) or (isinstance(exc, OSError) and kind(exc) != "other"):
        text = message_text(*describe_parts(exc))
    else:
        raise exc
    print(f"gasdesk: {text}", file=sys.stderr)
    return 1


# --- verify --------------------------------------------------------------------


def _run_verify(argv: list[str]) -> int:
    """Recompute the audit chain and check every covered row; name what broke."""
    from gasdesk import cli_verify

    args = cli_verify.parser(_common).parse_args(argv)
    if (code := _open(args, create_key=False)) != 0:
        return code
    folder: Path | None = None
    if not args.no_backups:
        stored = settings.open_settings().get(settings.BACKUP_FOLDER)
        folder = Path(args.backups or stored or default_backup_folder())
    return cli_verify.report(args, folder)


# --- user ----------------------------------------------------------------------


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Same password again: ") != first:
        raise SystemExit("gasdesk: the two passwords differ; nothing was changed.")
    return first


def _run_user(argv: list[str]) -> int:
    """`user add`, `user reset BADGE`, `user unlock BADGE` for the administrator."""
    p = argparse.ArgumentParser(prog="gasdesk user", description="Manage staff logins.")
    _common(p)
    sub = p.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="add a teller or supervisor")
    add.add_argument("--badge", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=("teller", "supervisor"))
    add.add_argument("--office", required=True, help="office code, e.g. MS or WC")
    reset = sub.add_parser("reset", help="set a new password (also ends a lockout)")
    reset.add_argument("badge")
    unlock = sub.add_parser("unlock", help="end a lockout after wrong passwords")
    unlock.add_argument("badge")
    for s in (add, reset):
        s.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )
    args = p.parse_args(argv)
    if (code := _open(args)) != 0:
        return code
    from gasdesk.services import users

    try:
        if args.action == "add":
            info = users.add_user(
                args.badge, args.name, args.role, args.office, _read_password(args)
            )
            print(f"Added {info.role} {info.badge} {info.name}.")
        elif args.action == "reset":
            info = users.reset_password(args.badge, _read_password(args))
            print(f"New password set for {info.badge} {info.name}.")
        else:
            info = users.unlock(args.badge)
            print(f"{info.badge} {info.name} is unlocked.")
    except Exception as exc:
        return _fail(exc)
    return 0


# --- setup ---------------------------------------------------------------------


def _run_setup(argv: list[str]) -> int:
    """A real office in a database that does not have it yet."""
    from gasdesk.services.office_setup import shipped_offices

    codes = ", ".join(f"{e['code']} ({e['name']})" for e in shipped_offices())
    p = argparse.ArgumentParser(
        prog="gasdesk setup",
        description="Set up an office (from resources/offices.toml) with its counters, the "
        "shipped tariffs where the database has none, and its first supervisor. "
        f"Offices: {codes}. No demo data is written.",
    )
    _common(p)
    p.add_argument("--office", required=True, help="office code, e.g. MS or WC")
    p.add_argument("--badge", required=True, help="the first supervisor's badge, e.g. MS09")
    p.add_argument("--name", required=True, help="the first supervisor's name")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    args = p.parse_args(argv)
    if (code := _open(args, must_exist=False)) != 0:
        return code
    from gasdesk.services.office_setup import set_up_office

    try:
        done = set_up_office(args.office, args.badge, args.name, _read_password(args))
    except Exception as exc:
        return _fail(exc)
    tariffs = f"; tariffs added: {', '.join(done.tariffs_added)}" if done.tariffs_added else ""
    print(
        f"Set up {done.office.code} {done.office.name} with {done.counters} counters and "
        f"supervisor {done.supervisor.badge} {done.supervisor.name}{tariffs}."
    )
    return 0


# --- backup and restore ----------------------------------------------------------


def default_backup_folder() -> Path:
    return platformdirs.user_data_path("gasdesk", appauthor=False) / "backups"


def _run_backup(argv: list[str]) -> int:
    """An online backup now, checked, with old backups rotated."""
    from gasdesk.storage import backup

    p = argparse.ArgumentParser(
        prog="gasdesk backup",
        description="An online backup now, checked, with old backups rotated.",
    )
    _common(p)
    p.add_argument("--folder", help="backup folder (default: the 'backup/folder' setting)")
    p.add_argument("--keep", type=int, help="backups to keep (default: the 'backup/keep' setting)")
    p.add_argument("--office", help="office code for the file name (default: this counter's)")
    args = p.parse_args(argv)
    if (code := _open(args)) != 0:
        return code
    stored = settings.open_settings()
    folder = Path(args.folder or stored.get(settings.BACKUP_FOLDER) or default_backup_folder())
    keep = args.keep or stored.get(settings.BACKUP_KEEP)
    office = args.office or stored.get(settings.COUNTER_OFFICE) or "DB"
    try:
        info = backup.make_backup(folder, office, keep)
    except Exception as exc:
        return _fail(exc)
    print(
        f"Backup {info.path} ({info.size / 1e6:.1f} MB, audit head {info.head_seq}, "
        f"checked, {info.seconds:.2f} s)."
    )
    for old in info.removed:
        print(f"  rotated away: {old.name}")
    return 0


def _run_restore(argv: list[str]) -> int:
    """Replace the database with a backup, after a clear confirmation; the present
    database is kept aside."""
    from gasdesk.storage import audit, backup
    from gasdesk.storage.db import URL_ENV, open_database

    p = argparse.ArgumentParser(
        prog="gasdesk restore",
        description="Replace the database with a backup, after a clear confirmation; the present database is kept aside.",
    )
    _common(p)
    p.add_argument("backup", help="the backup file to restore")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    args = p.parse_args(argv)
    if os.environ.get(URL_ENV) and not args.db:
        print("gasdesk: the shared PostgreSQL database is restored on its server.", file=sys.stderr)
        return 1
    source = Path(args.backup)
    target = _db_path(args)
    if not source.is_file():
        return _fail(
            backup.BackupError(
                QT_TRANSLATE_NOOP("Messages", "There is no backup file {file}."), file=str(source)
            )
        )
    key = Path(args.key or os.environ.get(KEY_ENV) or target.with_name(target.name + ".key"))
    try:
        audit.load_key(key, create=False)  # a backup is checked with the key it was made with
    except audit.AuditKeyError as exc:
        print_refusal("gasdesk", exc)
        return 1
    try:
        check = backup.check_file(source)
    except Exception as exc:
        return _fail(exc)
    print(f"Backup {source}: {check.summary}")
    if not check.ok:
        print("gasdesk: this backup does not check out; nothing was changed.", file=sys.stderr)
        return 1
    if not args.yes:
        print(
            f"This REPLACES the database {target} with the backup {source.name} "
            f"(audit head {check.chain.head_seq}).\n"
            "Everything recorded after that backup is taken out of use; the present "
            "database is kept beside it as '.before-restore-<time>'.\n"
            "Close GasDesk on every counter using this database first."
        )
        try:
            answer = input(f"Type the backup's file name ({source.name}) to restore: ")
        except EOFError:
            answer = ""
        if answer.strip() != source.name:
            print("Not restored; nothing was changed.")
            return 1
    try:
        info = backup.restore(source, target)
        open_database(target, key_path=key)
        backup.after_restore(info)
    except Exception as exc:
        return _fail(exc)
    if info.previous_copy:
        print(f"The previous database is kept as {info.previous_copy}.")
    print(f"Restored {target} from {source.name} (audit head {info.head_seq}).")
    return 0


# --- entry points: each closes the database it opened ------------------------------


def _closing(fn: Callable[[list[str]], int], argv: list[str]) -> int:
    from gasdesk.storage.models import db

    try:
        return fn(argv)
    finally:
        if db.obj is not None:
            db.obj.close()


def run_verify(argv: list[str]) -> int:
    """`gasdesk verify`: integrity, audit chain, every covered row; names what broke."""
    return _closing(_run_verify, argv)


def run_key(argv: list[str]) -> int:
    """`gasdesk key show|new|restore`: the audit key, never changed silently."""
    from gasdesk.cli_key import run

    return _closing(lambda a: run(a, _common, _open), argv)


def run_migrate(argv: list[str]) -> int:
    """`gasdesk migrate [--grant ROLE]`: the schema up to this version; the counters'
    rights on a shared database."""
    from gasdesk.cli_migrate import run

    return _closing(lambda a: run(a, _common, _open), argv)


def run_tariff(argv: list[str]) -> int:
    """`gasdesk tariff add FILE|list`: tariff versions from their effective date."""
    from gasdesk.cli_tariff import run

    return _closing(lambda a: run(a, _common, _open, _fail), argv)


def run_ledger(argv: list[str]) -> int:
    """`gasdesk ledger day|receivables|arrears|fapiao`: .xlsx ledgers for head office."""
    from gasdesk.cli_ledger import run

    return _closing(lambda a: run(a, _common, _open, _fail), argv)


def run_user(argv: list[str]) -> int:
    """`gasdesk user add|reset|unlock`."""
    return _closing(_run_user, argv)


def run_setup(argv: list[str]) -> int:
    """`gasdesk setup --office CODE --badge B --name N`."""
    return _closing(_run_setup, argv)


def run_backup(argv: list[str]) -> int:
    """`gasdesk backup`: an online backup now, checked, old ones rotated."""
    return _closing(_run_backup, argv)


def run_restore(argv: list[str]) -> int:
    """`gasdesk restore FILE`: after a typed confirmation (or --yes)."""
    return _closing(_run_restore, argv)
