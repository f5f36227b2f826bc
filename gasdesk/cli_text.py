"""Refusals the command line prints (`gasdesk verify`, `user`, `backup`, `restore`,
`demo`), in the language of the terminal they run in.

A refusal is a template marked for translation (domain.text.UserError,
storage.errors.StorageError); where the terminal's locale is Chinese (LC_ALL,
LC_MESSAGES or LANG says zh), the template is translated with GasDesk's own
translation file, as the window would show it; elsewhere the English is printed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Protocol

from gasdesk.domain.text import CONTEXT
from gasdesk.resources import TRANSLATION, resource_path

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator


class Refusal(Protocol):
    template: str
    params: dict[str, object]


def terminal_is_chinese(environ: dict[str, str] | None = None) -> bool:
    """What the C library would use for messages: LC_ALL, then LC_MESSAGES, then LANG."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return value.lower().startswith("zh")
    return False


@cache
def _translator() -> QTranslator | None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    with resource_path(TRANSLATION) as qm:
        loaded = translator.load(str(qm))
    return translator if loaded else None


def _chinese(template: str) -> str:
    translator = _translator()
    text = translator.translate(CONTEXT, template) if translator is not None else ""
    return text or template


def message_text(
    template: str, params: Mapping[str, object], environ: dict[str, str] | None = None
) -> str:
    """A message template for the terminal, filled in: Chinese where the locale is."""
    text = _chinese(template) if terminal_is_chinese(environ) else template
    return text.format(**params) if params else text


def refusal_text(exc: Refusal, environ: dict[str, str] | None = None) -> str:
    """The refusal's message for the terminal: Chinese where the locale is Chinese."""
    return message_text(exc.template, exc.params, environ)


def print_refusal(prefix: str, exc: Refusal) -> None:
    """The refusal on standard error; the system's own words below it, if any."""
    print(f"{prefix}: {refusal_text(exc)}", file=sys.stderr)
    detail = getattr(exc, "detail", "")
    if detail:
        print(f"{prefix}: ({detail})", file=sys.stderr)
