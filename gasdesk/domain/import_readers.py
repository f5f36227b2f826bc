"""Reading one cell of an import file by the rule the counter applies to the same
field: account and meter numbers, ID-card numbers and phones (domain.form_fields),
names and addresses by the 开户 form's lengths, choices, dates not after today; and
`memo`, for columns whose values repeat."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TypeVar

from gasdesk.domain.form_fields import ACCOUNT_RE, FieldError, validate_idcard, validate_phone
from gasdesk.domain.import_cells import CellRefused, Problem, digits_text, parse_date, plain
from gasdesk.domain.readings import Source
from gasdesk.domain.text import QT_TRANSLATE_NOOP

T = TypeVar("T")

NAME_LENGTH = (2, 30)  # the 开户 form's holder name
ADDRESS_LENGTH = (6, 200)  # the 开户 form's supply address (at least 6 characters)
MODEL_MAX = 60
READER_MAX = 30
METER_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{3,19}")

# The texts of the counter's own field messages (domain.form_fields.MESSAGES), in the
# Messages context where the import's report is translated.
FIELD_TEXTS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP(
        "Messages",
        "A mobile number has 11 digits starting 13-19; a landline is like 0533-6886656.",
    ),
    "idcard_length": QT_TRANSLATE_NOOP("Messages", "An ID-card number has 18 characters."),
    "idcard_characters": QT_TRANSLATE_NOOP(
        "Messages", "An ID-card number is 17 digits and a digit or X."
    ),
    "idcard_birth_date": QT_TRANSLATE_NOOP(
        "Messages", "The birth date inside the ID-card number is not a real date."
    ),
    "idcard_check_digit": QT_TRANSLATE_NOOP(
        "Messages", "The last character does not match: the number was mistyped."
    ),
    "account": QT_TRANSLATE_NOOP("Messages", "An account number is 4 to 16 digits."),
}
TOO_SHORT = QT_TRANSLATE_NOOP("Messages", "At least {min} characters.")
TOO_LONG = QT_TRANSLATE_NOOP("Messages", "At most {max} characters.")
METER_NUMBER = QT_TRANSLATE_NOOP(
    "Messages", "A meter number is 4 to 20 letters and digits, as on the meter's plate."
)
NOT_A_CHOICE = QT_TRANSLATE_NOOP("Messages", "Not one of: {choices}.")
IN_FUTURE = QT_TRANSLATE_NOOP("Messages", "A date after today ({today}).")

USER_TYPES: dict[str, str] = {
    **dict.fromkeys(("居民", "居民用户", "民用", "居民用气", "residential"), "residential"),
    **dict.fromkeys(
        ("商业", "商业用户", "非居民", "非居民用户", "工商业", "commercial"), "commercial"
    ),
}
USER_TYPE_CHOICES = "居民用户、商业用户"
METER_KINDS: dict[str, str] = {
    **dict.fromkeys(
        ("机械表", "普通表", "普表", "膜式表", "膜式燃气表", "远传表", "物联网表", "mechanical"),
        "mechanical",
    ),
    **dict.fromkeys(
        ("ic卡表", "ic卡", "卡表", "智能卡表", "ic卡智能表", "预付费表", "ic_card", "ic card"),
        "ic_card",
    ),
}
METER_KIND_CHOICES = "机械表、IC卡表"
SOURCES: dict[str, str] = {
    **dict.fromkeys(("抄表员", "抄表", "人工", "人工抄表", "reader"), Source.READER.value),
    **dict.fromkeys(("远传", "远传表", "物联网", "remote"), Source.REMOTE.value),
    **dict.fromkeys(("估抄", "估计", "估算", "estimated"), Source.ESTIMATED.value),
}
SOURCE_CHOICES = "抄表员、远传、估抄"


def _field_error(err: FieldError | None) -> CellRefused:
    code = err.code if err is not None else "account"
    return CellRefused(
        FIELD_TEXTS.get(code, FIELD_TEXTS["account"]), **dict(err.params if err else {})
    )


def text_between(low: int, high: int) -> Callable[[object], str]:
    def read(cell: object) -> str:
        text = plain(cell)
        if len(text) < low:
            raise CellRefused(TOO_SHORT, min=low)
        if len(text) > high:
            raise CellRefused(TOO_LONG, max=high)
        return text

    return read


def account_number(cell: object) -> tuple[str, bool]:
    text, numeric = digits_text(cell)
    if not ACCOUNT_RE.fullmatch(text):
        raise _field_error(FieldError("account"))
    return text, numeric


def meter_number(cell: object) -> tuple[str, bool]:
    text, numeric = digits_text(cell)
    if not METER_RE.fullmatch(text):
        raise CellRefused(METER_NUMBER)
    return text.upper(), numeric


def id_card(today: dt.date) -> Callable[[object], str]:
    def read(cell: object) -> str:
        text, _ = digits_text(cell)
        value, err = validate_idcard(text, today)
        if err is not None or not isinstance(value, str):
            raise _field_error(err)
        return value

    return read


def phone(cell: object) -> str:
    text, _ = digits_text(cell) if isinstance(cell, (int, float)) else (plain(cell), False)
    value, err = validate_phone(text)
    if err is not None or not isinstance(value, str):
        raise _field_error(err)
    return value


def choice(table: dict[str, str], choices: str) -> Callable[[object], str]:
    def read(cell: object) -> str:
        found = table.get(plain(cell).lower().replace(" ", ""))
        if found is None:
            found = table.get(plain(cell).lower())
        if found is None:
            raise CellRefused(NOT_A_CHOICE, choices=choices)
        return found

    return read


def past_date(today: dt.date) -> Callable[[object], dt.date]:
    def read(cell: object) -> dt.date:
        day = parse_date(cell)
        if day > today:
            raise CellRefused(IN_FUTURE, today=today.isoformat())
        return day

    return read


def memo(read: Callable[[object], T]) -> Callable[[object], T]:
    """`read` remembering its answer (or refusal) per cell value: a column whose values
    repeat (a round's date, the source, the office, the meter model) is read once per
    distinct value."""
    answers: dict[tuple[type, object], T | Problem] = {}

    def remembered(cell: object) -> T:
        key = (type(cell), cell)
        found = answers.get(key, answers)  # every cell a sheet holds can be a key
        if found is answers:
            try:
                found = read(cell)
            except CellRefused as exc:
                found = exc.problem
            if len(answers) < MEMO_MAX:
                answers[key] = found
        if isinstance(found, Problem):
            raise CellRefused(found.template, **found.params)
        return found  # type: ignore[return-value]

    return remembered


MEMO_MAX = 10_000
