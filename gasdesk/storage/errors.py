"""Database failures translated into messages a teller can act on.

`kind(exc)` classifies a failure by walking the whole exception chain (`__cause__` and
`__context__`): after SQLITE_FULL, SQLite has already rolled the transaction back, so
peewee's own ROLLBACK raises "cannot rollback - no transaction is active" and the real
cause is only found in that exception's `__context__`.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Literal

from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.storage import disk

ErrorKind = Literal[
    "full",
    "readonly",
    "busy",
    "serialization",
    "io",
    "lost",
    "corrupt",
    "connection",
    "append_only",
    "other",
]
# Failures of the disk itself: nothing the program or a retry can get past.
DISK_KINDS: tuple[ErrorKind, ...] = ("full", "readonly", "io", "lost")

# PostgreSQL SQLSTATE codes (psycopg2 exposes them as `pgcode`).
_PG_KINDS: dict[str, ErrorKind] = {
    "40001": "serialization",  # serialization_failure
    "40P01": "serialization",  # deadlock_detected
    "55P03": "busy",  # lock_not_available
    "53100": "full",  # disk_full
    "25006": "readonly",  # read_only_sql_transaction
    "57P01": "connection",  # admin_shutdown
    "08000": "connection",
    "08003": "connection",
    "08006": "connection",
    "58030": "io",  # io_error
    "XX001": "corrupt",  # data_corrupted
}

# SQLite primary result codes (Python 3.11 exposes `sqlite_errorcode`).
_SQLITE_KINDS: dict[int, ErrorKind] = {
    5: "busy",  # SQLITE_BUSY
    6: "busy",  # SQLITE_LOCKED
    8: "readonly",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR
    11: "corrupt",  # SQLITE_CORRUPT
    13: "full",  # SQLITE_FULL
    14: "io",  # SQLITE_CANTOPEN: the folder asked (disk.diagnose) says why
    26: "corrupt",  # SQLITE_NOTADB
}

# Operating system errors (OSError.errno).
_ERRNO_KINDS: dict[int, ErrorKind] = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "readonly",
    errno.EIO: "io",
    errno.ENXIO: "lost",
    errno.ENODEV: "lost",
    errno.ESTALE: "lost",
    errno.ENOTCONN: "lost",
}

APPEND_ONLY_MARK = "append-only"

MESSAGES: dict[ErrorKind, str] = {
    "full": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk holding the database is full. Nothing was recorded; free space and try again.",
    ),
    "readonly": QT_TRANSLATE_NOOP(
        "Messages", "The database is read-only. Nothing was recorded; ask the administrator."
    ),
    "busy": QT_TRANSLATE_NOOP(
        "Messages", "The database is busy with another counter. Nothing was recorded; try again."
    ),
    "serialization": QT_TRANSLATE_NOOP(
        "Messages",
        "Another counter changed the same records at the same moment. Nothing was recorded; "
        "try again.",
    ),
    "io": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk reported an error. Nothing was recorded; try again or call the administrator.",
    ),
    "lost": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk or folder holding the database can no longer be reached (removed or "
        "failed). Nothing was recorded; call the administrator.",
    ),
    "corrupt": QT_TRANSLATE_NOOP(
        "Messages", "The database file is damaged. Nothing was recorded; call the administrator."
    ),
    "connection": QT_TRANSLATE_NOOP(
        "Messages",
        "The connection to the shared database was lost. Nothing was recorded; try again.",
    ),
    "append_only": QT_TRANSLATE_NOOP(
        "Messages",
        "Payments, receipts and audit records cannot be changed or deleted; record a "
        "correction instead. Nothing was recorded.",
    ),
}
OTHER = QT_TRANSLATE_NOOP(
    "Messages", "The database refused the change ({error}). Nothing was recorded."
)


class StorageError(Exception):
    """A failure with a message meant for the person at the counter: `template` is
    English with {named} fields filled from `params` (the UI translates the template
    first); `message` is the English text. `detail` is the system's or the driver's own
    words (in English), for the log and the administrator, never part of the message."""

    def __init__(
        self,
        template: str,
        *,
        cause: BaseException | None = None,
        detail: str = "",
        **params: object,
    ) -> None:
        self.template = template
        self.params = params
        self.message = template.format(**params) if params else template
        self.cause = cause
        self.detail = detail
        super().__init__(self.message)


class DatabaseOpenError(StorageError):
    """The database cannot be opened; nothing was written to it."""


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, then its causes and contexts, each once; peewee also passes the
    driver's exception as the first argument of its own, so that is followed too."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo:
        cur = todo.pop(0)
        if any(cur is s for s in seen):
            continue
        seen.append(cur)
        for nxt in (cur.__cause__, cur.__context__, *(a for a in cur.args[:1])):
            if isinstance(nxt, BaseException):
                todo.append(nxt)
    return seen


def chain_text(exc: BaseException) -> str:
    """The words of every exception in the chain, the deepest cause first, each once:
    the detail for the log (peewee's own "cannot rollback" hides the cause)."""
    texts: list[str] = []
    for e in reversed(_chain(exc)):
        text = str(e) or type(e).__name__
        if text not in texts:
            texts.append(text)
    return "; ".join(texts)


def _kind_of_one(e: BaseException) -> ErrorKind | None:
    code = getattr(e, "pgcode", None)
    if isinstance(code, str) and code in _PG_KINDS:
        return _PG_KINDS[code]
    if isinstance(code, str) and code.startswith("08"):
        return "connection"
    sqlite_code = getattr(e, "sqlite_errorcode", None)
    if isinstance(sqlite_code, int) and (sqlite_code & 0xFF) in _SQLITE_KINDS:
        return _SQLITE_KINDS[sqlite_code & 0xFF]
    if isinstance(e, OSError) and e.errno in _ERRNO_KINDS:
        return _ERRNO_KINDS[e.errno]
    text = str(e).lower()
    if APPEND_ONLY_MARK in text:
        return "append_only"
    if "database or disk is full" in text or "no space left" in text or "disk full" in text:
        return "full"
    if "readonly" in text or "read-only" in text or "read only" in text:
        return "readonly"
    if "could not serialize" in text or "deadlock detected" in text:
        return "serialization"
    if "database is locked" in text or "database table is locked" in text or "busy" in text:
        return "busy"
    if "disk i/o error" in text or "i/o error" in text:
        return "io"
    if "malformed" in text or "not a database" in text:
        return "corrupt"
    if ("connection" in text or "server closed" in text) and any(
        w in text for w in ("refused", "closed", "lost", "terminated", "reset")
    ):
        return "connection"
    return None


# When a chain holds several recognisable failures, the most fundamental one wins:
# a full disk also makes the following ROLLBACK fail, which must not read as "busy".
_PRIORITY: list[ErrorKind] = [
    "append_only",
    "full",
    "readonly",
    "corrupt",
    "lost",
    "io",
    "connection",
    "serialization",
    "busy",
]


_database_file: Path | None = None


def watch_database_file(path: Path | None) -> None:
    """The SQLite file now open (None: PostgreSQL), whose folder is asked what an I/O
    error means (kind())."""
    global _database_file
    _database_file = path


def kind(exc: BaseException, where: str | Path | None = None) -> ErrorKind:
    """What went wrong, looking through the whole chain of the exception. A bare I/O
    error is explained by asking the file system at `where` (default: the open
    database file): a full disk, read-only media, or a disk that is gone."""
    found = {k for k in (_kind_of_one(e) for e in _chain(exc)) if k is not None}
    for k in _PRIORITY:
        if k in found:
            if k == "io":
                place = where if where is not None else _database_file
                cause = disk.diagnose(place) if place is not None else None
                if cause is None and where is None and _database_file is not None:
                    cause = "lost" if disk.vanished(_database_file) else None
                return cause or k
            return k
    return "other"


def describe_parts(
    exc: BaseException, where: str | Path | None = None
) -> tuple[str, dict[str, str]]:
    """The message template and its parameters for a database exception, looking through
    the whole chain (peewee's own rollback can raise and hide the original cause)."""
    if isinstance(exc, StorageError):
        return exc.template, {k: str(v) for k, v in exc.params.items()}
    k = kind(exc, where)
    if k != "other":
        return MESSAGES[k], {}
    chain = _chain(exc)
    first = str(chain[-1] if chain else exc) or type(exc).__name__
    return OTHER, {"error": first}


def describe(exc: BaseException) -> str:
    """describe_parts() in English, filled in."""
    template, params = describe_parts(exc)
    return template.format(**params) if params else template


def is_retryable(exc: BaseException) -> bool:
    """A conflict with another writer that a fresh attempt of the whole transaction can
    get past (never a full disk, a read-only file or a lost connection: a commit might
    have reached the server before the connection dropped)."""
    return kind(exc) in ("serialization", "busy")


def is_database_error(exc: BaseException) -> bool:
    import peewee

    return any(
        isinstance(e, (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError))
        for e in _chain(exc)
    )
