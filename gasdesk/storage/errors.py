"""Database failures translated into messages a teller can act on."""

from __future__ import annotations

import sqlite3

from gasdesk.domain.text import QT_TRANSLATE_NOOP


class StorageError(Exception):
    """A failure with a message meant for the person at the counter."""

    def __init__(self, message: str, *, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause


class DatabaseOpenError(StorageError):
    """The database cannot be opened; nothing was written to it."""


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def describe_parts(exc: BaseException) -> tuple[str, dict[str, str]]:
    """The message template and its parameters for a database exception, looking through
    the whole chain (peewee's own rollback can raise and hide the original cause)."""
    texts = [str(e).lower() for e in _chain(exc)]
    joined = " | ".join(texts)
    if "database or disk is full" in joined or "no space left" in joined or "disk full" in joined:
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The disk holding the database is full. Nothing was recorded; free space and try again.",
        ), {}
    if "readonly" in joined or "read-only" in joined or "read only" in joined:
        return QT_TRANSLATE_NOOP(
            "Messages", "The database is read-only. Nothing was recorded; ask the administrator."
        ), {}
    if "locked" in joined or "busy" in joined or "could not serialize" in joined:
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The database is busy with another counter. Nothing was recorded; try again.",
        ), {}
    if "disk i/o error" in joined or "i/o error" in joined:
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The disk reported an error. Nothing was recorded; try again or call the administrator.",
        ), {}
    if "malformed" in joined or "not a database" in joined:
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The database file is damaged. Nothing was recorded; call the administrator.",
        ), {}
    if "connection" in joined and ("refused" in joined or "closed" in joined or "lost" in joined):
        return QT_TRANSLATE_NOOP(
            "Messages",
            "The connection to the shared database was lost. Nothing was recorded; try again.",
        ), {}
    return QT_TRANSLATE_NOOP(
        "Messages", "The database refused the change ({error}). Nothing was recorded."
    ), {"error": texts[0] if texts else "unknown error"}


def describe(exc: BaseException) -> str:
    template, params = describe_parts(exc)
    return template.format(**params)


def is_database_error(exc: BaseException) -> bool:
    import peewee

    return any(
        isinstance(e, (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError))
        for e in _chain(exc)
    )
