"""Writing typed .xlsx workbooks (openpyxl) that open in a spreadsheet with the right
types: amounts as numbers in yuan with two decimals (number format '0.00', written
exactly from integer fen), dates as dates, times as date-times, counts as whole
numbers, and account numbers, receipt numbers, tax numbers and phone numbers as text
(format '@'), so that no leading zero or digit is lost and no text is read as a
formula. The header is the first row (frozen, with a filter); a totals row, when
given, closes the sheet in bold. A file is written aside and renamed into place:
never half-written, never over the counter's own database.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.storage.paths import is_database_file

TEXT, MONEY, DATE, DATETIME, COUNT = "text", "money", "date", "datetime", "count"
FORMATS = {
    TEXT: "@",
    MONEY: "0.00",
    DATE: "yyyy-mm-dd",
    DATETIME: "yyyy-mm-dd hh:mm:ss",
    COUNT: "0",
}
HEADER_FILL = PatternFill("solid", start_color="DDE8F3", end_color="DDE8F3")
BOLD = Font(bold=True)
TOP_LINE = Border(top=Side(style="thin"))


class ExportError(UserError):
    """The export file could not be written."""


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = TEXT
    width: int = 12


@dataclass
class Sheet:
    """A table: `rows` hold plain values (text, integer fen for MONEY, date, datetime,
    int); a value None leaves the cell empty."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]] = field(default_factory=list)
    totals: Sequence[Any] | None = None


def yuan(fen: int) -> Decimal:
    """Integer fen as an exact yuan amount: 16800 -> Decimal('168.00')."""
    return Decimal(fen).scaleb(-2)


def _put(cell: Cell, column: Column, value: Any) -> None:
    if value is None or value == "":
        cell.number_format = FORMATS.get(column.kind, "General")
        return
    if column.kind == MONEY and isinstance(value, int) and not isinstance(value, bool):
        cell.value = yuan(value)
    elif column.kind == DATETIME and isinstance(value, dt.datetime):
        cell.value = value.replace(microsecond=0, tzinfo=None)
    elif isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # text as text, even when it starts with '=': never a formula
    else:
        cell.value = value
    if isinstance(value, str) and column.kind != TEXT:
        cell.number_format = FORMATS[TEXT]  # a label (合计) in a column of numbers
    else:
        cell.number_format = FORMATS.get(column.kind, "General")


def build_workbook(sheets: Sequence[Sheet], title: str = "") -> Workbook:
    book = Workbook()
    book.remove(book.active)
    if title:
        book.properties.title = title
    book.properties.creator = "GasDesk"
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])
        for c, column in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=c, value=column.title)
            cell.font = BOLD
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.column_dimensions[get_column_letter(c)].width = column.width
        for r, values in enumerate(sheet.rows, start=2):
            for c, (column, value) in enumerate(zip(sheet.columns, values, strict=True), 1):
                _put(ws.cell(row=r, column=c), column, value)
        if sheet.totals is not None:
            r = len(sheet.rows) + 2
            for c, (column, value) in enumerate(zip(sheet.columns, sheet.totals, strict=True), 1):
                cell = ws.cell(row=r, column=c)
                _put(cell, column, value)
                cell.font = BOLD
                cell.border = TOP_LINE
        ws.freeze_panes = "A2"
        last = get_column_letter(len(sheet.columns))
        ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    return book


def write_workbook(path: str | Path, sheets: Sequence[Sheet], title: str = "") -> None:
    """Write the workbook to `path` whole (aside first, then renamed into place)."""
    target = Path(path)
    if is_database_file(target):
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is the counter's own database; choose another name for the export.",
            ),
            path=str(target),
        )
    book = build_workbook(sheets, title)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=".xlsx")
        with os.fdopen(fd, "wb") as fh:
            book.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise ExportError(
            QT_TRANSLATE_NOOP("Messages", "The file {path} cannot be written: {error}."),
            path=str(target),
            error=exc.strerror or str(exc),
        ) from exc
