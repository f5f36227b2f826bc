"""Reading and checking the phrases file (resources/phrases.toml).

A file with a mistake (a phrase without moment tags, a duplicate id, an unknown
moment or placeholder, a moment the counter needs left without a phrase...) is
reported and the built-in book (gasdesk/domain/phrases_builtin.py) is used instead,
so the counter never loses its phrases to a typo. The book itself and choosing a
phrase are in gasdesk.domain.phrase_book; its names are re-exported here.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gasdesk.domain.phrase_book import (
    AMOUNT_PLACEHOLDERS,
    CONDITIONS,
    GROUPS,
    MOMENTS,
    REQUIRED_MOMENTS,
    TEXT_PLACEHOLDERS,
    MissingParameter,
    Phrase,
    PhraseBook,
    Selection,
    for_phrase,
    select,
)
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

__all__ = [
    "AMOUNT_PLACEHOLDERS",
    "CONDITIONS",
    "GROUPS",
    "MOMENTS",
    "REQUIRED_MOMENTS",
    "TEXT_PLACEHOLDERS",
    "LoadResult",
    "MissingParameter",
    "Phrase",
    "PhraseBook",
    "PhraseFileError",
    "Selection",
    "builtin_book",
    "for_phrase",
    "load_phrases",
    "parse_phrases",
    "select",
]

# Parameter sets a complete book must be able to say something for.
_COVERAGE_SAMPLES: dict[str, tuple[dict[str, Any], ...]] = {
    "readback": (
        {"due_fen": 1000, "received_fen": 2000, "change_fen": 1000},
        {"due_fen": 1000, "received_fen": 1000, "change_fen": 0},
        {"due_fen": 1000, "received_fen": 1000, "change_fen": 0, "method": "wechat"},
    ),
}

_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_KEYS = {"id", "group", "number", "text", "alternatives", "gloss", "moments", "when"}


def _problem(template: str, **params: Any) -> UserError:
    return UserError(template, **params)


class PhraseFileError(ValueError):
    """The phrase data has mistakes; `problems` lists each one (translatable messages)."""

    def __init__(self, problems: list[UserError]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class LoadResult:
    """The book in use, where it came from, and what was wrong with the file if anything."""

    book: PhraseBook
    source: str  # the file path, or 'built-in'
    problems: tuple[UserError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem_texts(self) -> tuple[str, ...]:
        """The problems in English (the UI translates `problems` instead)."""
        return tuple(p.message for p in self.problems)


def _check_text(where: str, text: str, problems: list[UserError]) -> None:
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP("Messages", "Phrase {where}: the text has a stray brace."),
                where=where,
            )
        )
        return
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in AMOUNT_PLACEHOLDERS and name not in TEXT_PLACEHOLDERS:
            known = ", ".join("{" + n + "}" for n in (*AMOUNT_PLACEHOLDERS, *TEXT_PLACEHOLDERS))
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Phrase {where}: unknown placeholder {name} (known: {known})."
                    ),
                    where=where,
                    name="{" + name + "}",
                    known=known,
                )
            )
        elif spec or conversion:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Phrase {where}: placeholder {name} must not carry a format."
                    ),
                    where=where,
                    name="{" + name + "}",
                )
            )


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    return None


def _check_entry(
    index: int, entry: Any, seen: dict[str, int], problems: list[UserError]
) -> Phrase | None:
    """One [[phrase]] table: a Phrase, or None with its mistakes added to `problems`."""
    where = f"#{index}"
    if not isinstance(entry, dict):
        problems.append(
            _problem(QT_TRANSLATE_NOOP("Messages", "Phrase {where} is not a table."), where=where)
        )
        return None
    before = len(problems)

    def bad(template: str, **params: Any) -> None:
        problems.append(_problem(template, where=where, **params))

    pid = entry.get("id")
    if not isinstance(pid, str) or not _ID.match(pid):
        bad(
            QT_TRANSLATE_NOOP(
                "Messages", "Phrase {where}: missing or malformed id (lower_snake_case)."
            )
        )
    else:
        where = f"#{index} ({pid})"
        if pid in seen:
            bad(
                QT_TRANSLATE_NOOP(
                    "Messages", "Phrase {where}: duplicate id, already used by phrase #{other}."
                ),
                other=seen[pid],
            )
        else:
            seen[pid] = index
    for key in sorted(set(entry) - _KEYS):
        bad(QT_TRANSLATE_NOOP("Messages", "Phrase {where}: unknown field '{field}'."), field=key)
    group = entry.get("group")
    if group not in GROUPS:
        bad(
            QT_TRANSLATE_NOOP("Messages", "Phrase {where}: group must be one of {choices}."),
            choices=", ".join(GROUPS),
        )
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        bad(QT_TRANSLATE_NOOP("Messages", "Phrase {where}: missing text."))
    else:
        _check_text(where, text.strip(), problems)
    gloss = entry.get("gloss")
    if not isinstance(gloss, str) or not gloss.strip():
        bad(QT_TRANSLATE_NOOP("Messages", "Phrase {where}: missing English gloss."))
    moments = _str_list(entry.get("moments"))
    if not moments:
        bad(QT_TRANSLATE_NOOP("Messages", "Phrase {where}: missing moment tags (moments = [...])."))
    for moment in moments or ():
        if moment not in MOMENTS:
            bad(
                QT_TRANSLATE_NOOP("Messages", "Phrase {where}: unknown moment '{moment}'."),
                moment=moment,
            )
    alternatives = _str_list(entry.get("alternatives", []))
    if alternatives is None:
        bad(QT_TRANSLATE_NOOP("Messages", "Phrase {where}: alternatives must be a list of texts."))
    number = entry.get("number")
    if number is not None and (
        not isinstance(number, int) or isinstance(number, bool) or number < 1
    ):
        bad(
            QT_TRANSLATE_NOOP("Messages", "Phrase {where}: number must be a positive whole number.")
        )
    when = entry.get("when", "")
    if when and when not in CONDITIONS:
        bad(
            QT_TRANSLATE_NOOP("Messages", "Phrase {where}: when must be one of {choices}."),
            choices=", ".join(CONDITIONS),
        )
    if len(problems) > before:
        return None
    return Phrase(
        id=str(pid),
        group=str(group),
        text=str(text).strip(),
        gloss=str(gloss).strip(),
        moments=tuple(moments or ()),
        alternatives=tuple(alternatives or ()),
        number=number,
        when=str(when),
    )


def parse_phrases(data: Mapping[str, Any]) -> PhraseBook:
    """Build a book from parsed TOML data; raise PhraseFileError listing every mistake."""
    entries = data.get("phrase")
    if not isinstance(entries, list) or not entries:
        raise PhraseFileError(
            [_problem(QT_TRANSLATE_NOOP("Messages", "The file has no [[phrase]] entries."))]
        )
    problems: list[UserError] = []
    seen: dict[str, int] = {}
    phrases = [_check_entry(i, e, seen, problems) for i, e in enumerate(entries, start=1)]
    if problems:
        raise PhraseFileError(problems)
    book = PhraseBook(tuple(p for p in phrases if p is not None))
    for moment in REQUIRED_MOMENTS:
        for params in _COVERAGE_SAMPLES.get(moment, ({},)):
            if select(book, moment, params) is not None:
                continue
            if params:
                problems.append(
                    _problem(
                        QT_TRANSLATE_NOOP(
                            "Messages", "No phrase for the moment '{moment}' when {case}."
                        ),
                        moment=moment,
                        case=", ".join(
                            f"{k} = {v}"
                            for k, v in params.items()
                            if k != "due_fen" and k != "received_fen"
                        ),
                    )
                )
            else:
                problems.append(
                    _problem(
                        QT_TRANSLATE_NOOP("Messages", "No phrase for the moment '{moment}'."),
                        moment=moment,
                    )
                )
    if problems:
        raise PhraseFileError(problems)
    return book


def builtin_book() -> PhraseBook:
    from gasdesk.domain.phrases_builtin import BUILTIN_PHRASES

    return parse_phrases({"phrase": [dict(p) for p in BUILTIN_PHRASES]})


def _fallback(file: Path, template: str, **params: Any) -> LoadResult:
    return LoadResult(builtin_book(), "built-in", (_problem(template, file=str(file), **params),))


def load_phrases(path: str | Path | None) -> LoadResult:
    """Read a phrases file; on any mistake keep the built-in book and report why.
    Never raises for a bad file."""
    if path is None or str(path) == "":
        return LoadResult(builtin_book(), "built-in")
    file = Path(path)
    try:
        with file.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return _fallback(file, QT_TRANSLATE_NOOP("Messages", "{file}: the file does not exist."))
    except OSError as exc:
        return _fallback(
            file,
            QT_TRANSLATE_NOOP("Messages", "{file}: cannot be read ({error})."),
            error=exc.strerror,
        )
    except tomllib.TOMLDecodeError as exc:
        return _fallback(
            file, QT_TRANSLATE_NOOP("Messages", "{file}: not valid TOML ({error})."), error=str(exc)
        )
    except UnicodeDecodeError:
        return _fallback(file, QT_TRANSLATE_NOOP("Messages", "{file}: not UTF-8 text."))
    try:
        return LoadResult(parse_phrases(data), str(file))
    except PhraseFileError as exc:
        return LoadResult(builtin_book(), "built-in", exc.problems)
