"""Online backups of the SQLite database, checked before they count, and restore.

A backup is taken with SQLite's backup API from a separate read-only connection, so
the counter keeps working meanwhile and the copy is one consistent moment (WAL gives
the reader a snapshot). It is written aside (`.part`), switched to a single
self-contained file, synced, renamed into place, and then opened again to check it:
`integrity_check`, and the audit chain recomputed with the key, including the chain
head known before the backup started. Only then are older backups rotated away.

Restore never overwrites the live database without first copying it aside
(`<name>.before-restore-<time>`), and refuses a backup that does not check out.

On PostgreSQL the server is backed up with its own tools (pg_dump, base backups);
see the deployment notes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.storage import audit, audit_verify, disk
from gasdesk.storage.errors import DISK_KINDS, ErrorKind, StorageError, chain_text, kind
from gasdesk.storage.models import db
from gasdesk.storage.paths import read_only_uri

PREFIX = "gasdesk"
SUFFIX = ".db"


class BackupError(StorageError):
    """A backup or restore that did not happen; the live database is as it was."""


# A backup or a restore that the disk stopped: its real cause, and nothing left behind.
BACKUP_FAILURES: dict[ErrorKind, str] = {
    "full": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup could not be written to {folder}: the disk is full. Nothing was left "
        "behind; free space and back up again.",
    ),
    "readonly": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup could not be written to {folder}: the folder or its disk is read-only.",
    ),
    "io": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup could not be written to {folder}: the disk reported a read or write "
        "error. Nothing was left behind.",
    ),
    "lost": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup could not be written to {folder}: the folder or its disk can no longer "
        "be reached.",
    ),
}
RESTORE_FAILURES: dict[ErrorKind, str] = {
    "full": QT_TRANSLATE_NOOP(
        "Messages",
        "Nothing was restored: the disk of {folder} is full. The database is as it was; "
        "free space and restore again.",
    ),
    "readonly": QT_TRANSLATE_NOOP(
        "Messages", "Nothing was restored: {folder} is read-only. The database is as it was."
    ),
    "io": QT_TRANSLATE_NOOP(
        "Messages",
        "Nothing was restored: the disk of {folder} reported a read or write error. The "
        "database is as it was.",
    ),
    "lost": QT_TRANSLATE_NOOP(
        "Messages",
        "Nothing was restored: {folder} can no longer be reached. The database is as it was.",
    ),
}


def _remove_copy(path: Path) -> None:
    """A half-written SQLite file and what SQLite wrote beside it (rollback journal,
    write-ahead log, shared memory)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):  # a disk that is gone: nothing left to remove
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def _disk_failure(
    templates: dict[ErrorKind, str], folder: Path, exc: BaseException
) -> BackupError | None:
    found = kind(exc, folder)
    if found not in DISK_KINDS:
        return None
    return BackupError(templates[found], cause=exc, detail=chain_text(exc), folder=str(folder))


def _restore_failure(folder: Path, exc: OSError) -> BackupError:
    return _disk_failure(RESTORE_FAILURES, folder, exc) or BackupError(
        QT_TRANSLATE_NOOP(
            "Messages",
            "Nothing was restored: {folder} cannot be written ({error}). The database is as "
            "it was.",
        ),
        cause=exc,
        detail=str(exc),
        folder=str(folder),
        error=exc.strerror or str(exc),
    )


@dataclass(frozen=True)
class BackupCheck:
    ok: bool
    integrity: list[str]
    chain: audit_verify.VerifyResult

    @property
    def summary(self) -> str:
        if self.integrity != ["ok"]:
            return f"integrity check failed: {'; '.join(self.integrity[:3])}"
        return self.chain.summary


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    head_seq: int
    head_hash: str
    seconds: float
    removed: list[Path]  # older backups rotated away


@dataclass(frozen=True)
class RestoreInfo:
    restored_from: Path
    previous_copy: Path | None
    head_seq: int


def backup_name(office_code: str, at: dt.datetime) -> str:
    code = "".join(c for c in office_code.upper() if c.isalnum()) or "DB"
    return f"{PREFIX}-{code}-{at:%Y%m%d-%H%M%S}{SUFFIX}"


def live_path() -> Path:
    """The file of the open SQLite database."""
    from peewee import SqliteDatabase

    if not isinstance(db.obj, SqliteDatabase):
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The shared PostgreSQL database is backed up on its server (pg_dump), "
                "not from a counter.",
            )
        )
    return Path(db.obj.database)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the rename is still atomic
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of `source` in `target` (one self-contained file)."""
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # no -wal file beside the copy
        finally:
            dst.close()
    finally:
        src.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def check_file(path: Path, anchors: list[tuple[int, str]] | None = None) -> BackupCheck:
    """Open a database file read-only: full integrity check and the audit chain."""
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        integrity = [str(r[0]) for r in con.execute("PRAGMA integrity_check(20)")]
        chain = audit_verify.verify_connection(con.execute, "?", anchors or [])
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("Messages", "{file} cannot be read as a GasDesk database ({error})."),
            cause=exc,
            file=path.name,
            error=str(exc),
        ) from exc
    finally:
        con.close()
    return BackupCheck(integrity == ["ok"] and chain.ok, integrity, chain)


_NAME = re.compile(rf"{PREFIX}-([A-Z0-9]+)-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(SUFFIX)}")


def list_backups(folder: Path, office_code: str | None = None) -> list[Path]:
    """Backups in `folder` (of one office, if named), oldest first by the time in
    their names; a second backup within the same second is numbered -2, -3 ..."""
    found = []
    for p in folder.glob(f"{PREFIX}-*{SUFFIX}"):
        m = _NAME.fullmatch(p.name)
        if m and p.is_file() and (office_code is None or m.group(1) == office_code.upper()):
            found.append(((m.group(2), int(m.group(3) or 1)), p))
    return [p for _, p in sorted(found)]


def rotate(folder: Path, office_code: str, keep: int) -> list[Path]:
    """Remove all but the newest `keep` backups of this office."""
    backups = list_backups(folder, "".join(c for c in office_code.upper() if c.isalnum()) or "DB")
    old = backups[: max(0, len(backups) - max(1, keep))]
    for p in old:
        p.unlink()
    return old


def _new_target(folder: Path, office_code: str, at: dt.datetime) -> Path:
    """The file name for a backup now: numbered after any taken within the same second,
    so that the names keep sorting in the order the backups were taken."""
    name = backup_name(office_code, at)
    stamp = name[: -len(SUFFIX)]
    taken = [
        int(m.group(3) or 1)
        for p in folder.glob(f"{stamp}*{SUFFIX}")
        if (m := _NAME.fullmatch(p.name)) and p.name.startswith(stamp)
    ]
    if not taken:
        return folder / name
    return folder / f"{stamp}-{max(taken) + 1}{SUFFIX}"


def make_backup(folder: Path, office_code: str, keep: int) -> BackupInfo:
    """Back up the open database into `folder`, check the copy, then rotate away all
    but the newest `keep` backups."""
    started = time.perf_counter()
    source = live_path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _disk_failure(BACKUP_FAILURES, folder, exc) or BackupError(
            QT_TRANSLATE_NOOP(
                "Messages", "The backup folder {folder} cannot be created ({error})."
            ),
            cause=exc,
            folder=str(folder),
            error=exc.strerror or str(exc),
        ) from exc
    try:
        anchor = audit.read_anchor()
    except ValueError:
        anchor = None  # reported by verify(); the backup itself is still worth having
    target = _new_target(folder, office_code, dt.datetime.now())
    part = target.with_name(target.name + ".part")
    try:
        _copy(source, part)
        os.replace(part, target)
        _fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:
        _remove_copy(part)
        if disk.vanished(source):
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "No backup was taken: the database {path} can no longer be reached (its "
                    "disk was removed or failed). Call the administrator.",
                ),
                cause=exc,
                detail=chain_text(exc),
                path=str(source),
            ) from exc
        raise _disk_failure(BACKUP_FAILURES, folder, exc) or BackupError(
            QT_TRANSLATE_NOOP("Messages", "The backup could not be written to {folder} ({error})."),
            cause=exc,
            folder=str(folder),
            error=str(exc),
        ) from exc
    try:
        check = check_file(target, [(anchor.seq, anchor.hash)] if anchor else [])
    except BackupError:
        _remove_copy(target)  # a copy that cannot even be read is no backup
        raise
    if not check.ok:
        bad = target.with_name(target.name + ".bad")
        os.replace(target, bad)
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Messages", "The backup did not check out and was set aside as {file}: {problem}"
            ),
            file=bad.name,
            problem=check.summary,
        )
    removed = rotate(folder, office_code, keep)
    return BackupInfo(
        path=target,
        size=target.stat().st_size,
        head_seq=check.chain.head_seq,
        head_hash=check.chain.head_hash,
        seconds=time.perf_counter() - started,
        removed=removed,
    )


def _ensure_unused(target: Path) -> None:
    """Refuse while another connection has the database open: leaving WAL mode needs
    the only connection, and it also folds the write-ahead log into the file."""
    if not target.exists():
        return
    con = sqlite3.connect(target, timeout=0.5)
    try:
        mode = str(con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]).lower()
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            return  # a damaged file: it is copied aside byte for byte
        mode = "in use"
    except sqlite3.DatabaseError:
        return
    finally:
        con.close()
    if mode != "delete":
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{file} is in use: close GasDesk on every counter that uses it, then restore.",
            ),
            file=target.name,
        )


def restore(backup: Path, target: Path) -> RestoreInfo:
    """Replace the database file `target` with the checked `backup`; the database must
    not be open anywhere (close every counter using it). The present file is first
    copied aside. Afterwards open the database again and call `after_restore()`."""
    if not backup.is_file():
        raise BackupError(
            QT_TRANSLATE_NOOP("Messages", "There is no backup file {file}."), file=str(backup)
        )
    if backup.resolve() == target.resolve():
        raise BackupError(
            QT_TRANSLATE_NOOP("Messages", "A database cannot be restored from itself.")
        )
    check = check_file(backup)
    if not check.ok:
        raise BackupError(
            QT_TRANSLATE_NOOP("Messages", "The backup {file} does not check out: {problem}"),
            file=backup.name,
            problem=check.summary,
        )
    _ensure_unused(target)
    folder = target.parent
    previous: Path | None = None
    if target.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        previous = target.with_name(f"{target.name}.before-restore-{stamp}")
        try:
            _copy(target, previous)
        except (OSError, sqlite3.Error) as exc:
            _remove_copy(previous)
            if (failure := _disk_failure(RESTORE_FAILURES, folder, exc)) is not None:
                raise failure from exc
            _keep_bytes(target, previous)  # damaged: unreadable page by page
    part = target.with_name(target.name + ".restoring")
    try:
        shutil.copyfile(backup, part)
        with open(part, "rb+") as fh:
            os.fsync(fh.fileno())
    except OSError as exc:
        _remove_copy(part)
        if previous is not None and previous.is_dir():
            shutil.rmtree(previous, ignore_errors=True)
        elif previous is not None:
            _remove_copy(previous)
        raise _restore_failure(folder, exc) from exc
    for suffix in ("-wal", "-shm"):  # the old write-ahead log belongs to the old file
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(part, target)
    _fsync_dir(folder)
    return RestoreInfo(backup, previous, check.chain.head_seq)


def _keep_bytes(target: Path, previous: Path) -> None:
    """A damaged database cannot be read page by page: its files are kept byte for
    byte in the folder `previous`; on failure nothing of the copy is left."""
    try:
        previous.mkdir()
        for suffix in ("", "-wal", "-shm"):
            part = target.with_name(target.name + suffix)
            if part.exists():
                shutil.copy2(part, previous / part.name)
    except OSError as exc:
        shutil.rmtree(previous, ignore_errors=True)
        raise _restore_failure(target.parent, exc) from exc


def after_restore(info: RestoreInfo) -> None:
    """With the restored database open: its chain legitimately ends earlier than the
    anchor, so the anchor is reset to it, and the restore itself is recorded."""
    from gasdesk.storage import integrity
    from gasdesk.storage.db import write_transaction

    integrity.forget()  # a check of the file it replaced says nothing about this one
    audit.reset_anchor()
    with write_transaction():
        audit.append(
            "restore",
            staff_id=None,
            office_id=None,
            backup=info.restored_from.name,
            previous_copy=info.previous_copy.name if info.previous_copy else None,
            head_seq=info.head_seq,
        )
