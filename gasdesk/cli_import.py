"""`gasdesk import accounts|readings FILE`: customers or meter readings from a CSV or
.xlsx file (services.imports). The report names each refused row by line, column,
value and reason, in the terminal's language (Chinese where the locale is), then a
summary. Exit 0 when everything was imported or already there, 1 when rows were
refused (nothing written, or with --skip-invalid only the good rows), 2 when the
file or the database cannot be read. Qt is never loaded."""

from __future__ import annotations

import argparse
import configparser
import csv
import getpass
import os
import socket
import sys
from pathlib import Path

import platformdirs

from gasdesk.cli_words import chinese_terminal, words
from gasdesk.domain.import_columns import COLUMNS, KINDS
from gasdesk.domain.imports import (
    EXIT_UNREADABLE,
    FLAG_NAMES,
    ROUND,
    ImportOptions,
    ImportReport,
    RoundSummary,
)
from gasdesk.domain.readings import whole_m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.storage.errors import StorageError, describe_parts, is_database_error

KEY_ENV = "GASDESK_AUDIT_KEY_FILE"
SETTINGS_ENV = "GASDESK_SETTINGS"

HEAD = QT_TRANSLATE_NOOP("Messages", "{file} ({format}, {encoding}; SHA-256 {sha}…)")
ROW = QT_TRANSLATE_NOOP("Messages", "Line {line}, column {column}, value “{value}”: {reason}")
WHOLE_ROW = QT_TRANSLATE_NOOP("Messages", "Line {line}: {reason}")
SUMMARY = QT_TRANSLATE_NOOP(
    "Messages", "{rows} rows: {new} new, {unchanged} unchanged, {refused} refused."
)
IGNORED = QT_TRANSLATE_NOOP("Messages", "Columns passed over: {columns}.")
NOTHING_WRITTEN = QT_TRANSLATE_NOOP(
    "Messages",
    "Nothing was written: correct the refused rows and import the file again, or import "
    "the other rows with --skip-invalid.",
)
DRY_RUN = QT_TRANSLATE_NOOP("Messages", "Dry run: nothing was written.")
WRITTEN = QT_TRANSLATE_NOOP("Messages", "Imported as batch {batch}; the audit trail seals it.")
ALREADY = QT_TRANSLATE_NOOP("Messages", "Nothing new: the file is already in the database.")
NO_OFFICE = QT_TRANSLATE_NOOP("Messages", "No office has the code {office}.")
REPORT_WRITTEN = QT_TRANSLATE_NOOP("Messages", "The refusals are listed in {file}.")
REPORT_HEADER = (
    QT_TRANSLATE_NOOP("Messages", "Line"),
    QT_TRANSLATE_NOOP("Messages", "Column"),
    QT_TRANSLATE_NOOP("Messages", "Value"),
    QT_TRANSLATE_NOOP("Messages", "Reason"),
)


def parser() -> argparse.ArgumentParser:
    columns = "; ".join(
        f"{kind}: " + ", ".join(f"{c.header} ({c.english})" for c in COLUMNS[kind])
        for kind in KINDS
    )
    p = argparse.ArgumentParser(
        prog="gasdesk import",
        description="Import customers (accounts with their meters) or meter readings from a "
        "CSV file (UTF-8 or GBK) or an .xlsx spreadsheet. All or nothing unless "
        f"--skip-invalid. Columns, by header: {columns}.",
    )
    p.add_argument("kind", choices=KINDS, help="what the file holds")
    p.add_argument("file", type=Path, help="the .csv or .xlsx file")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p.add_argument(
        "--skip-invalid", action="store_true", help="import the good rows, report the others"
    )
    p.add_argument("--db", help="SQLite database file (default: the counter's database)")
    p.add_argument("--key", help=f"audit key file (default: ${KEY_ENV} or beside the database)")
    p.add_argument("--office", help="office code for accounts whose row names none, e.g. MS")
    p.add_argument("--report", type=Path, help="also write the refusals to this CSV file")
    return p


def settings_db_path() -> str | None:
    """The counter's `db/path` setting, read from its settings file (an INI file)
    without Qt."""
    env = os.environ.get(SETTINGS_ENV)
    path = (
        Path(env)
        if env
        else Path(platformdirs.user_config_dir("GasDesk", appauthor=False)) / "gasdesk.ini"
    )
    ini = configparser.ConfigParser(interpolation=None)
    try:
        ini.read(path, encoding="utf-8")
    except (OSError, configparser.Error):
        return None
    value = ini.get("db", "path", fallback="").strip().strip('"')
    return value or None


def _open(args: argparse.Namespace, chinese: bool) -> bool:
    from gasdesk.storage.db import URL_ENV, default_db_path, open_database
    from gasdesk.storage.errors import DatabaseOpenError

    try:
        if os.environ.get(URL_ENV) and not args.db:
            open_database(key_path=args.key, create_key=False)
        else:
            path = Path(args.db or settings_db_path() or default_db_path())
            open_database(path, key_path=args.key, must_exist=True, create_key=False)
    except DatabaseOpenError as exc:
        print(f"gasdesk: {words(exc.template, chinese, **exc.params)}", file=sys.stderr)
        return False
    return True


def _office_id(code: str | None) -> int | None:
    if not code:
        return None
    from gasdesk.storage.models import Office

    office = Office.get_or_none(Office.code == code.strip().upper())
    if office is None:
        raise UserError(NO_OFFICE, office=code)
    return int(office.id)


def _reason(template: str, params: dict[str, object], chinese: bool) -> str:
    return words(template, chinese, **params)


def print_report(report: ImportReport, chinese: bool) -> None:
    encoding = report.encoding.upper() or "-"
    print(
        words(
            HEAD,
            chinese,
            file=report.file_name,
            format=report.format.upper(),
            encoding=encoding,
            sha=report.sha256[:12],
        )
    )
    for r in report.refusals:
        reason = _reason(r.template, r.params, chinese)
        if r.field:
            print(
                "  "
                + words(ROW, chinese, line=r.line, column=r.column, value=r.value, reason=reason)
            )
        else:
            print("  " + words(WHOLE_ROW, chinese, line=r.line, reason=reason))
    if report.ignored_columns:
        print(words(IGNORED, chinese, columns="、".join(report.ignored_columns)))
    print(
        words(
            SUMMARY,
            chinese,
            rows=report.rows,
            new=report.new,
            unchanged=report.unchanged,
            refused=report.refused_rows,
        )
    )
    if report.round is not None:
        print(round_text(report.round, chinese))

    if report.written:
        print(words(WRITTEN, chinese, batch=report.batch_id))
    elif report.dry_run:
        print(words(DRY_RUN, chinese))
    elif report.refusals and not report.skip_invalid:
        print(words(NOTHING_WRITTEN, chinese))
    elif not report.new:
        print(words(ALREADY, chinese))


def round_text(summary: RoundSummary, chinese: bool) -> str:
    """The round's line: readings to bill, flagged (by flag), estimated."""
    named = "、".join(
        f"{words(FLAG_NAMES.get(flag, flag), chinese)} {count}"
        for flag, count in sorted(summary.flags.items())
    )
    return words(
        ROUND,
        chinese,
        billed=summary.billed,
        volume=whole_m3(summary.volume_l),
        flagged=summary.flagged,
        flags=f" ({named})" if named else "",
        estimated=summary.estimated,
    )


def write_refusals(report: ImportReport, path: Path, chinese: bool) -> None:
    """The refusals as a CSV file that a spreadsheet opens as it is (UTF-8 with BOM)."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([words(h, chinese) for h in REPORT_HEADER])
        for r in report.refusals:
            out.writerow([r.line, r.column, r.value, _reason(r.template, r.params, chinese)])


def run_import(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    chinese = chinese_terminal()
    if not _open(args, chinese):
        return EXIT_UNREADABLE
    from gasdesk.domain.import_columns import HeaderError
    from gasdesk.exchange.sheets import SheetError
    from gasdesk.services.imports import import_file
    from gasdesk.storage.models import db

    try:
        options = ImportOptions(
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
            imported_by=f"{getpass.getuser()}@{socket.gethostname()} (gasdesk import)",
            office_id=_office_id(args.office),
        )
        report = import_file(args.kind, args.file, options)
    except (SheetError, HeaderError) as exc:
        print(f"gasdesk: {words(exc.template, chinese, **exc.params)}", file=sys.stderr)
        return EXIT_UNREADABLE
    except (UserError, StorageError) as exc:
        print(f"gasdesk: {words(exc.template, chinese, **exc.params)}", file=sys.stderr)
        return 1
    except Exception as exc:
        if not is_database_error(exc):
            raise
        template, params = describe_parts(exc)
        print(f"gasdesk: {words(template, chinese, **params)}", file=sys.stderr)
        return 1
    finally:
        if db.obj is not None:
            db.obj.close()
    print_report(report, chinese)
    if args.report is not None and report.refusals:
        write_refusals(report, args.report, chinese)
        print(words(REPORT_WRITTEN, chinese, file=args.report))
    return report.exit_code
