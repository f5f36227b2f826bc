"""`gasdesk verify`: the file's integrity, the audit chain against its key, its anchor,
the heads of the backups and of any Z slips given, and every money- and day-bearing
row against its audit event (storage/audit_verify.py).

The output has two voices: a line per kind of finding for the supervisor, in the
terminal's language (Chinese where the locale is Chinese), naming the receipts, days
or records concerned; then every finding in detail, in English, for the log (also
written to the `gasdesk.verify` logger). Exit 0 when nothing was found (warnings are
shown but do not fail), 1 on any finding, 2 when the database cannot be opened."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from pathlib import Path

from gasdesk.cli_text import refusal_text
from gasdesk.domain.text import QT_TRANSLATE_NOOP

log = logging.getLogger("gasdesk.verify")

KEY_LINE = QT_TRANSLATE_NOOP(
    "Messages",
    "Audit key fingerprint: {fingerprint} (the Z slips print the fingerprint of the key "
    "that sealed each day: compare them).",
)
NO_KEY_LINE = QT_TRANSLATE_NOOP("Messages", "The audit key cannot be used: {problem}")
FOUND = QT_TRANSLATE_NOOP("Messages", "Found:")
WARNED = QT_TRANSLATE_NOOP("Messages", "To note:")
ALL_WELL = QT_TRANSLATE_NOOP(
    "Messages",
    "Nothing was found: every payment, receipt, drawer record and closed day agrees with "
    "the audit trail.",
)
BACKUPS_LINE = QT_TRANSLATE_NOOP(
    "Messages", "Checked against the heads of {n} backups in {folder}."
)


class _Line:
    """A template to print in the terminal's language (cli_text.refusal_text)."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params


def say(template: str, **params: object) -> str:
    return refusal_text(_Line(template, **params))


def _anchor_arg(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise argparse.ArgumentTypeError("an anchor is SEQ:HASH, e.g. 1234:9f86d0…(64 hex digits)")
    return int(seq), digest.lower()


def backup_heads(folder: Path) -> list[object]:
    """The chain head of each backup in `folder` (read-only), to check the live chain
    against: a backup on other media keeps the head an attacker cannot rewrite."""
    from gasdesk.storage import backup
    from gasdesk.storage.audit_chain import origin_of
    from gasdesk.storage.audit_verify import RecordedHead

    heads: list[object] = []
    for path in backup.list_backups(folder):
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                row = con.execute(
                    "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
                ).fetchone()
                origin = con.execute(
                    "SELECT at, kind, payload_json FROM audit_event WHERE seq = 1"
                ).fetchone()
            finally:
                con.close()
        except sqlite3.Error as exc:
            log.warning("backup %s cannot be read: %s", path, exc)
            continue
        if row is None:
            continue

        def hash_at(seq: int, path: Path = path) -> str | None:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                found = con.execute("SELECT hash FROM audit_event WHERE seq = ?", (seq,)).fetchone()
            finally:
                con.close()
            return str(found[0]) if found else None

        heads.append(
            RecordedHead(
                int(row[0]),
                str(row[1]),
                f"the head {row[0]} of the backup {path.name}",
                path.name,
                hash_at,
                origin_of(origin[0], str(origin[1]), str(origin[2])) if origin else None,
            )
        )
    return heads


def parser(common: object) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gasdesk verify",
        description="Check the database: SQLite integrity, the audit chain against its "
        "key, its anchor and the backups' heads, and every payment, receipt, settlement, "
        "drawer record, closed day and prepaid balance against the audit trail.",
    )
    common(p)  # type: ignore[operator]
    p.add_argument(
        "--anchor",
        action="append",
        type=_anchor_arg,
        default=[],
        metavar="SEQ:HASH",
        help="a chain head recorded elsewhere (e.g. printed on a Z slip); repeatable",
    )
    p.add_argument(
        "--backups",
        metavar="FOLDER",
        help="check against the heads of the backups in FOLDER (default: the backup folder)",
    )
    p.add_argument("--no-backups", action="store_true", help="do not read the backups")
    p.add_argument("--quick", action="store_true", help="skip the full integrity check")
    return p


def report(args: argparse.Namespace, backup_folder: Path | None) -> int:
    """With the database open: run the checks and print both voices."""
    from gasdesk.storage import audit, audit_verify
    from gasdesk.storage.db import integrity_check, is_sqlite

    ok = True
    if not args.quick:
        integrity = integrity_check()
        print(f"Integrity check: {'; '.join(integrity.messages[:5])} ({integrity.seconds:.2f} s)")
        ok = integrity.ok
    heads: list[object] = []
    if backup_folder is not None and is_sqlite() and backup_folder.is_dir():
        heads = backup_heads(backup_folder)
    result = audit_verify.verify(args.anchor, heads=heads)  # type: ignore[arg-type]
    print(result.summary)
    problem = audit.key_problem()
    if problem is not None:
        print(say(NO_KEY_LINE, problem=refusal_text(problem)))
    for fp in result.keys:
        print(say(KEY_LINE, fingerprint=fp))
    anchor = audit.anchor_path()
    if anchor is not None:
        print(f"Anchor file: {anchor}{'' if anchor.exists() else ' (none)'}")
    if heads:
        print(say(BACKUPS_LINE, n=len(heads), folder=str(backup_folder)))
    lines = result.lines()
    warnings = [line for line in lines if line.warning]
    found = [line for line in lines if not line.warning]
    if warnings:
        print(say(WARNED))
        for line in warnings:
            print("  - " + say(line.template, **line.params))
    if found:
        print(say(FOUND))
        for line in found:
            print("  - " + say(line.template, **line.params))
    elif ok and not warnings:
        print(say(ALL_WELL))
    if result.findings:
        print("Details:")
        for f in result.findings:
            where = f" [event {f.seq}]" if f.seq else ""
            print(f"  {'note' if f.warning else 'FOUND'}: {f.detail}{where}")
            log.info("%s%s", f.detail, where)  # for a configured log, not the terminal twice
    sys.stdout.flush()
    return 0 if ok and result.ok else 1
