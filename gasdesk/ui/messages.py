"""Turning exceptions from below the UI into translated text for the teller."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale

from gasdesk.domain.text import CONTEXT, QT_TRANSLATE_NOOP, UserError
from gasdesk.storage.errors import StorageError, describe_parts, is_database_error
from gasdesk.ui.fees.labels import kind_label, method_label


def english_ui() -> bool:
    """The application runs in English (install_translators sets the default locale)."""
    return QLocale().language() != QLocale.Language.Chinese


# Parameters that carry an internal code, and the screen name each code has.
SHOWN_AS: dict[str, Callable[[str], str]] = {"method": method_label, "kind": kind_label}


def translate(template: str, **params: object) -> str:
    """The template in the interface's language, its parameters filled in; a payment
    method or kind code ('wechat') is shown by its name (微信支付)."""
    text = QCoreApplication.translate(CONTEXT, template)
    if not params:
        return text
    shown = {
        k: SHOWN_AS[k](v) if k in SHOWN_AS and isinstance(v, str) else v for k, v in params.items()
    }
    return text.format(**shown)


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
