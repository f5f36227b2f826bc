"""Turning exceptions from below the UI into translated text for the teller."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gasdesk.domain.text import CONTEXT, QT_TRANSLATE_NOOP, UserError
from gasdesk.storage.errors import StorageError, describe_parts, is_database_error


def translate(template: str, **params: object) -> str:
    text = QCoreApplication.translate(CONTEXT, template)
    return text.format(**params) if params else text


def user_text(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return translate(exc.template, **exc.params)
    if isinstance(exc, StorageError):
        return translate(exc.template, **exc.params)
    if is_database_error(exc):
        template, params = describe_parts(exc)
        return translate(template, **params)
    return translate(
        QT_TRANSLATE_NOOP("Messages", "Unexpected error: {error}"),
        error=f"{type(exc).__name__}: {exc}",
    )
