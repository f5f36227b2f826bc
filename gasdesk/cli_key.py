"""`gasdesk key`: the audit key is changed only here, and every change is recorded in
the audit trail.

    gasdesk key show             fingerprints of the key file and of the key in use
    gasdesk key restore FILE     put a key file back from its backup (it must fit the
                                 database: it must have sealed the newest audit record)
    gasdesk key new              a new key (rotation): recorded as `key_rotated`, sealed
                                 with the old key, which stays in the file to check
                                 what it sealed
    gasdesk key new --lost       only when the key is lost and no backup of it exists:
                                 a new key, recorded as `key_replaced`; what the lost
                                 key sealed can no longer be checked, and verify says so
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from gasdesk.cli_text import print_refusal
from gasdesk.cli_verify import say
from gasdesk.domain.text import QT_TRANSLATE_NOOP

ROTATED = QT_TRANSLATE_NOOP(
    "Messages",
    "A new audit key {fingerprint} now seals the audit trail (recorded as audit record "
    "{seq}); the old key stays in the file to check what it sealed. Copy the key file "
    "{path} to its backup and to every counter that shares this database.",
)
REPLACED = QT_TRANSLATE_NOOP(
    "Messages",
    "The lost audit key was replaced by {fingerprint} (recorded as audit record {seq}); "
    "the records before it can no longer be checked. Copy the key file {path} to its "
    "backup and to every counter that shares this database.",
)
RESTORED = QT_TRANSLATE_NOOP(
    "Messages", "The audit key file {path} was restored (key {fingerprints})."
)
NOT_FOR_CHAIN = QT_TRANSLATE_NOOP(
    "Messages",
    "The key file {file} does not belong to this database: none of its keys sealed the "
    "newest audit record. Nothing was changed.",
)
KEY_WORKS = QT_TRANSLATE_NOOP(
    "Messages",
    "The audit key works; it is not lost. To change it, run gasdesk key new (a rotation, "
    "recorded in the audit trail).",
)
KEY_BROKEN = QT_TRANSLATE_NOOP(
    "Messages",
    "The audit key cannot be used, so it cannot seal a rotation. Restore it from its "
    "backup (gasdesk key restore FILE); only if no backup exists, replace it with "
    "gasdesk key new --lost.",
)
CONFIRM = QT_TRANSLATE_NOOP(
    "Messages",
    "The audit key is to be replaced as lost: everything it sealed can no longer be "
    "checked, and every verify will say so. Type LOST to go on: ",
)
NOT_DONE = QT_TRANSLATE_NOOP("Messages", "Nothing was changed.")
SHOW_FILE = QT_TRANSLATE_NOOP("Messages", "Key file {path}: keys {fingerprints}.")
SHOW_ACTIVE = QT_TRANSLATE_NOOP(
    "Messages", "The key that seals the next audit record: {fingerprint}."
)
KEY_EVENT_KINDS = (
    "key_rotated",
    "key_replaced",
    "day_closed",
    "anchor_started",
    "anchor_restarted",
    "history.state",
)


def _key_path(args: argparse.Namespace) -> Path:
    from gasdesk.storage import audit

    ring = audit.key_ring()
    if ring is not None:
        return ring.path
    problem = audit.key_problem()
    assert problem is not None
    return Path(str(problem.params["path"]))


def _show() -> int:
    from gasdesk.storage import audit

    problem = audit.key_problem()
    if problem is not None:
        print_refusal("gasdesk", problem)
        return 1
    ring = audit.key_ring()
    assert ring is not None
    print(say(SHOW_FILE, path=str(ring.path), fingerprints=", ".join(ring.fingerprints)))
    try:
        print(say(SHOW_ACTIVE, fingerprint=audit.active_fingerprint()))
    except audit.AuditKeyError as exc:
        print_refusal("gasdesk", exc)
        return 1
    return 0


def _last_recorded_key() -> str:
    """The fingerprint the newest event that records one names (the lost key's)."""
    from gasdesk.storage.models import AuditEvent

    event = (
        AuditEvent.select(AuditEvent.payload_json)
        .where(AuditEvent.kind.in_(KEY_EVENT_KINDS))
        .order_by(AuditEvent.seq.desc())
        .first()
    )
    if event is None:
        return ""
    payload = json.loads(event.payload_json)
    return str(payload.get("new") or payload.get("key") or "")


def _rotate() -> int:
    from gasdesk.storage import audit, audit_key
    from gasdesk.storage.db import write_transaction

    try:
        audit.require_key()
        old = audit.active_fingerprint()
    except audit.AuditKeyError:
        print(say(KEY_BROKEN), file=sys.stderr)
        return 1
    ring = audit.key_ring()
    assert ring is not None
    new = audit_key.new_key()
    # the file first: if the rotation is not committed, an unused key line harms nothing
    audit.use_ring(audit_key.write_ring(ring.path, (*ring.keys, new)))
    with write_transaction():
        event = audit.append_key_event(audit.KEY_ROTATED, old=old, new=audit_key.fingerprint(new))
    print(say(ROTATED, fingerprint=audit_key.fingerprint(new), seq=event.seq, path=str(ring.path)))
    return 0


def _replace_lost(path: Path, yes: bool) -> int:
    from gasdesk.storage import audit, audit_key
    from gasdesk.storage.db import write_transaction

    try:
        audit.require_key()
        audit.active_fingerprint()
    except audit.AuditKeyError:
        pass
    else:
        print(say(KEY_WORKS), file=sys.stderr)
        return 1
    if not yes:
        try:
            answer = input(say(CONFIRM))
        except EOFError:
            answer = ""
        if answer.strip() != "LOST":
            print(say(NOT_DONE))
            return 1
    if path.exists():  # a damaged or foreign key file is kept aside, never deleted
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        os.replace(path, path.with_name(f"{path.name}.unusable-{stamp}"))
    new = audit_key.new_key()
    lost = _last_recorded_key()
    seq, _ = audit.head()
    audit.use_ring(audit_key.write_ring(path, (new,)))
    with write_transaction():
        event = audit.append_key_event(
            audit.KEY_REPLACED,
            sealed_with=new,
            old=lost,
            new=audit_key.fingerprint(new),
            unverifiable_to=seq,
        )
    audit.reset_anchor()  # the old anchor was sealed with the lost key
    print(say(REPLACED, fingerprint=audit_key.fingerprint(new), seq=event.seq, path=str(path)))
    return 0


def _restore(source: Path, path: Path) -> int:
    from gasdesk.storage import audit, audit_key

    try:
        ring = audit_key.read_ring(source)
    except audit.AuditKeyError as exc:
        print_refusal("gasdesk", exc)
        return 1
    if not audit.ring_fits_chain(ring):
        print(say(NOT_FOR_CHAIN, file=str(source)), file=sys.stderr)
        return 1
    if path.exists() and path.resolve() != source.resolve():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        os.replace(path, path.with_name(f"{path.name}.before-restore-{stamp}"))
    audit.use_ring(audit_key.write_ring(path, ring.keys))
    print(say(RESTORED, path=str(path), fingerprints=", ".join(ring.fingerprints)))
    return 0


def run(
    argv: list[str],
    common: Callable[[argparse.ArgumentParser], None],
    open_db: Callable[..., int],
) -> int:
    p = argparse.ArgumentParser(
        prog="gasdesk key",
        description="The audit key: show it, restore it from its backup, or make a new one "
        "(recorded in the audit trail). Never changed silently.",
    )
    common(p)
    sub = p.add_subparsers(dest="action", required=True)
    sub.add_parser("show", help="fingerprints of the key file and of the key in use")
    restore = sub.add_parser("restore", help="put the key file back from its backup")
    restore.add_argument("file", help="the backup of the key file")
    new = sub.add_parser("new", help="a new key, recorded in the audit trail")
    new.add_argument("--lost", action="store_true", help="the old key is lost and has no backup")
    new.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    args = p.parse_args(argv)
    if (code := open_db(args, create_key=False)) != 0:
        return code
    if args.action == "show":
        return _show()
    if args.action == "restore":
        return _restore(Path(args.file), _key_path(args))
    if args.lost:
        return _replace_lost(_key_path(args), args.yes)
    return _rotate()
