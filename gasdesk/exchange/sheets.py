"""Reading a spreadsheet file into a header and rows of cell values.

A CSV file's encoding is found, never asked: a byte-order mark names UTF-8 or UTF-16
(Excel's "Unicode text"); otherwise the text is UTF-8 when it decodes as UTF-8, else
GB18030 (the superset of GBK that Excel on a Chinese Windows PC writes). A Chinese
text in GBK practically never decodes as UTF-8, so the order decides it. The separator
is the comma, or the tab or semicolon when the header line holds those instead.

An .xlsx file is read with openpyxl (read-only, computed values): its cells keep the
types the spreadsheet gave them (numbers, dates, text), so the checks can tell an ID
number that Excel turned into a floating-point number from one kept as text.

Each row carries its line as the spreadsheet shows it (the header is line 1). Rows
with nothing in them are passed over.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

Cell = object  # str from CSV; str, int, float, datetime, date, bool or None from .xlsx
ProgressFn = Callable[[int, int], None]  # (done, total)

MAX_BYTES = 512 * 1024 * 1024
SEPARATORS = (",", "\t", ";")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls


class SheetError(UserError):
    """The file cannot be read at all (nothing was checked, nothing written)."""


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Sheet:
    file_name: str
    sha256: str
    size: int
    format: str  # 'csv' | 'xlsx'
    encoding: str  # 'utf-8', 'utf-8-sig', 'utf-16', 'gb18030'; '' for xlsx
    header: tuple[str, ...]
    header_line: int
    rows: tuple[Row, ...]


def _refuse(template: str, **params: object) -> SheetError:
    return SheetError(template, **params)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_sheet(path: Path, progress: ProgressFn | None = None) -> Sheet:
    """The file's header and rows; SheetError when it cannot be read."""
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else b""
    except FileNotFoundError:
        raise _refuse(
            QT_TRANSLATE_NOOP("Messages", "There is no file {file}."), file=str(path)
        ) from None
    except IsADirectoryError:
        raise _refuse(
            QT_TRANSLATE_NOOP("Messages", "{file} is a folder, not a file."), file=str(path)
        ) from None
    except OSError as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP("Messages", "The file {file} cannot be read: {error}"),
            file=str(path),
            error=exc.strerror or str(exc),
        ) from None
    if not data:
        if path.stat().st_size > MAX_BYTES:
            raise _refuse(
                QT_TRANSLATE_NOOP("Messages", "The file {file} is larger than {mb} MB."),
                file=path.name,
                mb=MAX_BYTES // (1024 * 1024),
            )
        raise _refuse(QT_TRANSLATE_NOOP("Messages", "The file {file} is empty."), file=path.name)
    return read_bytes(data, path.name, progress)


def read_bytes(data: bytes, file_name: str, progress: ProgressFn | None = None) -> Sheet:
    digest = file_digest(data)
    if data.startswith(ZIP_MAGIC):
        fmt, encoding = "xlsx", ""
        rows = _xlsx_rows(data, file_name, progress)
    elif data.startswith(OLE_MAGIC):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{file} is an old Excel .xls file: save it as .xlsx or as CSV and import that.",
            ),
            file=file_name,
        )
    else:
        fmt = "csv"
        text, encoding = decode_text(data, file_name)
        rows = _csv_rows(text, progress)
    header_line, header, body = _split_header(rows, file_name)
    return Sheet(file_name, digest, len(data), fmt, encoding, header, header_line, body)


def decode_text(data: bytes, file_name: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was found in."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data, "utf-8-sig", file_name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", file_name), "utf-16"
    if b"\x00" in data[:4096]:
        raise _not_text(file_name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode(data, "gb18030", file_name), "gb18030"


def _not_text(file_name: str) -> SheetError:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Messages",
            "{file} is neither a spreadsheet (.xlsx) nor a CSV text in UTF-8 or GBK.",
        ),
        file=file_name,
    )


def _decode(data: bytes, encoding: str, file_name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise _not_text(file_name) from None
    if "\x00" in text:
        raise _not_text(file_name)
    return text


def _separator(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ","


def _csv_rows(text: str, progress: ProgressFn | None) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=False)
    total = text.count("\n") + 1
    for number, cells in enumerate(reader, start=1):
        if progress is not None and number % 5000 == 0:
            progress(min(number, total), total)
        yield Row(number, tuple(cells))


def _xlsx_rows(data: bytes, file_name: str, progress: ProgressFn | None) -> Iterator[Row]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise _refuse(
            QT_TRANSLATE_NOOP("Messages", "{file} is not a readable .xlsx spreadsheet."),
            file=file_name,
        ) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return
        total = sheet.max_row or 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if progress is not None and number % 5000 == 0:
                progress(min(number, total), total)
            yield Row(number, tuple(values))
    finally:
        book.close()


def blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip(" \t\r\n\u3000\xa0\ufeff"))


def _split_header(
    rows: Iterator[Row], file_name: str
) -> tuple[int, tuple[str, ...], tuple[Row, ...]]:
    header: tuple[str, ...] | None = None
    header_line = 0
    body: list[Row] = []
    for row in rows:
        if all(blank(c) for c in row.cells):
            continue
        if header is None:
            header = tuple("" if c is None else str(c) for c in row.cells)
            header_line = row.line
            continue
        body.append(row)
    if header is None:
        raise _refuse(
            QT_TRANSLATE_NOOP("Messages", "{file} has no header row and no data."), file=file_name
        )
    return header_line, header, tuple(body)
