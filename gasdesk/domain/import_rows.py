"""Checking one row of an import file on its own: every value by the rule the counter
applies to the same field (domain.form_fields for ID-card numbers and phones, the
account-number form, domain.readings for readings, the 开户 form's lengths for name
and address), and the spreadsheet damage import_cells finds.

A row gives its values, or a refusal per column that is wrong (all of them, so the
person fixing the file sees every problem of the line at once). What needs the
database (does the meter exist, is the reading above the previous one) is checked by
the services.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from gasdesk.domain.form_fields import ACCOUNT_RE, FieldError, validate_idcard, validate_phone
from gasdesk.domain.import_cells import (
    REQUIRED,
    CellRefused,
    Problem,
    digits_text,
    is_blank,
    parse_date,
    plain,
    reading_litres,
    shown,
)
from gasdesk.domain.import_columns import Mapping
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


@dataclass(frozen=True)
class Refusal:
    """A refused value: the line and column of the file, the value as the file shows
    it, and why (a Messages template and its values). `field` is '' for the row as a
    whole."""

    line: int
    field: str
    column: str
    value: str
    template: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class AccountRow:
    line: int
    number: str
    number_numeric: bool  # held as a number by the spreadsheet
    name: str
    id_card: str | None
    phone: str
    address: str
    user_type: str
    office: str  # as the file writes it ('' when it has no such column)
    meter_number: str
    meter_numeric: bool
    meter_kind: str
    meter_model: str
    initial_l: int
    installed_on: dt.date
    last_verified: dt.date | None
    opened_on: dt.date

    def values(self) -> tuple[Any, ...]:
        """Everything but the line: two rows with these equal are the same row."""
        return (
            self.number,
            self.name,
            self.id_card,
            self.phone,
            self.address,
            self.user_type,
            self.office,
            self.meter_number,
            self.meter_kind,
            self.meter_model,
            self.initial_l,
            self.installed_on,
            self.last_verified,
            self.opened_on,
        )


@dataclass(frozen=True)
class ReadingLine:
    line: int
    meter_number: str
    read_on: dt.date
    value_l: int
    source: str
    reader: str
    account_number: str  # '' when the file has no account column or leaves it empty

    def values(self) -> tuple[Any, ...]:
        return (self.meter_number, self.read_on, self.value_l, self.source, self.reader)


class RowCheck:
    """Reads the cells of one row by column and collects the refusals."""

    def __init__(self, mapping: Mapping, line: int, cells: tuple[object, ...]) -> None:
        self.mapping = mapping
        self.line = line
        self.cells = cells
        self.refusals: list[Refusal] = []

    def raw(self, name: str) -> object:
        index = self.mapping.positions.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def refuse(self, name: str, problem: Problem) -> None:
        """Refuse the value of column `name` ('': the row as a whole)."""
        column = self.mapping.header_of(name) if name else ""
        value = shown(self.raw(name)) if name else ""
        self.refusals.append(
            Refusal(self.line, name, column, value, problem.template, dict(problem.params))
        )

    def value(self, name: str, read: Callable[[object], T], *, required: bool = False) -> T | None:
        """`read(cell)` of the column, or None when the cell is empty (refused if
        `required`) or refused."""
        cell = self.raw(name)
        if is_blank(cell):
            if required:
                self.refuse(name, Problem(REQUIRED))
            return None
        try:
            return read(cell)
        except CellRefused as exc:
            self.refuse(name, exc.problem)
            return None


def _field_error(err: FieldError | None) -> CellRefused:
    code = err.code if err is not None else "account"
    return CellRefused(
        FIELD_TEXTS.get(code, FIELD_TEXTS["account"]), **dict(err.params if err else {})
    )


def _text(low: int, high: int) -> Callable[[object], str]:
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


class AccountChecker:
    """Checks the rows of one customers file (the readers made once for the file)."""

    def __init__(self, mapping: Mapping, today: dt.date) -> None:
        self.mapping = mapping
        self.name = _text(*NAME_LENGTH)
        self.id_card = id_card(today)
        self.address = _text(*ADDRESS_LENGTH)
        self.user_type = memo(choice(USER_TYPES, USER_TYPE_CHOICES))
        self.meter_kind = memo(choice(METER_KINDS, METER_KIND_CHOICES))
        self.model = memo(_text(0, MODEL_MAX))
        self.date = memo(past_date(today))

    def __call__(
        self, line: int, cells: tuple[object, ...]
    ) -> tuple[AccountRow | None, list[Refusal]]:
        r = RowCheck(self.mapping, line, cells)
        number = r.value("number", account_number, required=True)
        name = r.value("name", self.name, required=True)
        card = r.value("id_card", self.id_card)
        tel = r.value("phone", phone)
        address = r.value("address", self.address, required=True)
        user_type = r.value("user_type", self.user_type) or "residential"
        office = plain(r.raw("office"))
        meter = r.value("meter_number", meter_number, required=True)
        kind = r.value("meter_kind", self.meter_kind) or "mechanical"
        model = r.value("meter_model", self.model) or ""
        initial = r.value("initial", reading_litres)
        installed = r.value("installed_on", self.date, required=True)
        verified = r.value("last_verified", self.date)
        opened = r.value("opened_on", self.date)
        if r.refusals:
            return None, r.refusals
        assert number is not None and name is not None and address is not None
        assert meter is not None and installed is not None
        return (
            AccountRow(
                line=line,
                number=number[0],
                number_numeric=number[1],
                name=name,
                id_card=card,
                phone=tel or "",
                address=address,
                user_type=user_type,
                office=office,
                meter_number=meter[0],
                meter_numeric=meter[1],
                meter_kind=kind,
                meter_model=model,
                initial_l=initial or 0,
                installed_on=installed,
                last_verified=verified,
                opened_on=opened or installed,
            ),
            [],
        )


class ReadingChecker:
    """Checks the rows of one readings file."""

    def __init__(self, mapping: Mapping, today: dt.date) -> None:
        self.mapping = mapping
        self.date = memo(past_date(today))
        self.source = memo(choice(SOURCES, SOURCE_CHOICES))
        self.reader = memo(_text(0, READER_MAX))

    def __call__(
        self, line: int, cells: tuple[object, ...]
    ) -> tuple[ReadingLine | None, list[Refusal]]:
        r = RowCheck(self.mapping, line, cells)
        meter = r.value("meter_number", meter_number, required=True)
        day = r.value("read_on", self.date, required=True)
        value = r.value("value", reading_litres, required=True)
        source = r.value("source", self.source) or Source.READER.value
        reader = r.value("reader", self.reader) or ""
        number = r.value("account_number", account_number)
        if r.refusals:
            return None, r.refusals
        assert meter is not None and day is not None and value is not None
        return (
            ReadingLine(
                line=line,
                meter_number=meter[0],
                read_on=day,
                value_l=value,
                source=source,
                reader=reader,
                account_number=number[0] if number else "",
            ),
            [],
        )


def check_account(
    mapping: Mapping, line: int, cells: tuple[object, ...], today: dt.date
) -> tuple[AccountRow | None, list[Refusal]]:
    """One row of a customers file on its own (AccountChecker for a whole file)."""
    return AccountChecker(mapping, today)(line, cells)


def check_reading(
    mapping: Mapping, line: int, cells: tuple[object, ...], today: dt.date
) -> tuple[ReadingLine | None, list[Refusal]]:
    """One row of a readings file on its own (ReadingChecker for a whole file)."""
    return ReadingChecker(mapping, today)(line, cells)
