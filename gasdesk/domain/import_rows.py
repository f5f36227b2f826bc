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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gasdesk.domain.import_cells import (
    REQUIRED,
    CellRefused,
    Problem,
    is_blank,
    plain,
    reading_litres,
    shown,
)
from gasdesk.domain.import_columns import Mapping
from gasdesk.domain.import_readers import (
    ADDRESS_LENGTH,
    METER_KIND_CHOICES,
    METER_KINDS,
    MODEL_MAX,
    NAME_LENGTH,
    READER_MAX,
    SOURCE_CHOICES,
    SOURCES,
    USER_TYPE_CHOICES,
    USER_TYPES,
    T,
    account_number,
    choice,
    id_card,
    memo,
    meter_number,
    past_date,
    phone,
    text_between,
)
from gasdesk.domain.readings import Source


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


class AccountChecker:
    """Checks the rows of one customers file (the readers made once for the file)."""

    def __init__(self, mapping: Mapping, today: dt.date) -> None:
        self.mapping = mapping
        self.name = text_between(*NAME_LENGTH)
        self.id_card = id_card(today)
        self.address = text_between(*ADDRESS_LENGTH)
        self.user_type = memo(choice(USER_TYPES, USER_TYPE_CHOICES))
        self.meter_kind = memo(choice(METER_KINDS, METER_KIND_CHOICES))
        self.model = memo(text_between(0, MODEL_MAX))
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
        self.reader = memo(text_between(0, READER_MAX))

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
