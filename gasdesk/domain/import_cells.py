"""One cell of an imported spreadsheet: its text cleaned, and what spreadsheets do to
data found and refused.

Spreadsheets damage data in known ways, and each is refused with its own reason
rather than guessed back:
- a long number (an ID-card number) kept as a number is shown and saved in scientific
  notation (3.70303E+17): every digit after the fifteenth is gone;
- an account or meter number kept as a number loses its leading zeros (0012345 ->
  12345): found by its width against the other numbers (services.import_accounts);
- a date kept as a number is the day count since 1899-12-30 (45662 = 2025-01-05): a
  date column's number is read as such a serial, within sensible years;
- 2026/1/5, 2026.1.5, 2026年1月5日 and 20260105 are dates; 1/5/2026 and 26/1/5 are
  refused (which part is the day?);
- full-width digits and letters (１２３), ideographic and non-breaking spaces,
  zero-width marks and blanks around a value are made plain.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from gasdesk.domain.readings import ReadingRefused, parse_reading
from gasdesk.domain.text import QT_TRANSLATE_NOOP

EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's serial dates (after 1900-03-01)
FIRST_YEAR = 1950  # dates (and serials) before this are not a gas account's
LAST_YEAR = 2099
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:\.\d*)?[eE][+-]?\d+")
_YMD = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")

# --- reasons ---------------------------------------------------------------------

REQUIRED = QT_TRANSLATE_NOOP("Messages", "Empty; this column must be filled in.")
SCIENTIFIC = QT_TRANSLATE_NOOP(
    "Messages",
    "The spreadsheet turned this number into scientific notation: the digits after the "
    "fifteenth are lost. Format the column as text and type the numbers again.",
)
NUMBER_AS_FLOAT = QT_TRANSLATE_NOOP("Messages", "Not a whole number: a number here is digits only.")
NOT_TEXT = QT_TRANSLATE_NOOP("Messages", "Not a text or number that can stand here.")
DATE = QT_TRANSLATE_NOOP(
    "Messages", "Not a date: write it as 2026-01-05, 2026/1/5 or 2026年1月5日."
)
DATE_UNREAL = QT_TRANSLATE_NOOP("Messages", "There is no such day.")
DATE_RANGE = QT_TRANSLATE_NOOP("Messages", "A date between {first} and {last} is expected here.")


@dataclass(frozen=True)
class Problem:
    """Why a cell was refused: a message template (Messages context) and its values."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)


class CellRefused(Exception):
    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template)
        self.problem = Problem(template, params)


def shown(cell: object) -> str:
    """The cell as the spreadsheet shows it, for the report."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        return format(cell, ".15G")  # as Excel shows it: 3.70303199001011E+17
    if isinstance(cell, dt.datetime):
        return cell.isoformat(sep=" ") if cell.time() != dt.time() else cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def plain(cell: object) -> str:
    """Text with full-width forms made plain, invisible marks dropped, runs of blanks
    made one space and blanks around it removed."""
    if cell is None:
        return ""
    text = shown(cell) if not isinstance(cell, str) else cell
    if not text.isascii():  # plain ASCII, most cells, needs neither step
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        if _HAS_INVISIBLE.search(text):
            text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def is_blank(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, str):
        return not cell.strip() or (not cell.isascii() and plain(cell) == "")
    return False


def digits_text(cell: object) -> tuple[str, bool]:
    """A number that is an identifier (account, meter, ID card) as its text, and
    whether the spreadsheet held it as a number (its leading zeros may be gone).
    Refuses scientific notation and fractions, where digits are lost."""
    if isinstance(cell, bool):
        raise CellRefused(NOT_TEXT)
    if isinstance(cell, int):
        return str(cell), True
    if isinstance(cell, float):
        if not cell.is_integer():
            raise CellRefused(NUMBER_AS_FLOAT)
        if abs(cell) >= 1e15:  # a double holds 15 decimal digits for sure
            raise CellRefused(SCIENTIFIC)
        return str(int(cell)), True
    if isinstance(cell, (dt.date, dt.time)):
        raise CellRefused(NOT_TEXT)
    text = plain(cell).replace(" ", "")
    if _SCIENTIFIC.fullmatch(text):
        raise CellRefused(SCIENTIFIC)
    if re.fullmatch(r"\d+\.0+", text):  # 12345678.0: a number written out by a program
        return text.split(".", 1)[0], True
    return text, False


def _checked_date(year: int, month: int, day: int) -> dt.date:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise CellRefused(DATE_UNREAL) from None
    return _in_range(value)


def _in_range(value: dt.date) -> dt.date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise CellRefused(DATE_RANGE, first=f"{FIRST_YEAR}-01-01", last=f"{LAST_YEAR}-12-31")
    return value


def _serial(number: float) -> dt.date:
    if not number.is_integer() and number % 1 > 0.999:
        number = round(number)
    days = int(number)
    if days < 61:  # before 1900-03-01 Excel counts a 29 February that never was
        raise CellRefused(DATE_RANGE, first=f"{FIRST_YEAR}-01-01", last=f"{LAST_YEAR}-12-31")
    return _in_range(EXCEL_EPOCH + dt.timedelta(days=days))


def parse_date(cell: object) -> dt.date:
    """A date from a cell: a date value, an Excel serial, or text as the module says."""
    if isinstance(cell, dt.datetime):
        return _in_range(cell.date())
    if isinstance(cell, dt.date):
        return _in_range(cell)
    if isinstance(cell, bool):
        raise CellRefused(DATE)
    if isinstance(cell, (int, float)):
        return _serial(float(cell))
    text = plain(cell)
    m = _YMD.fullmatch(text)
    if m:
        return _checked_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _COMPACT.fullmatch(text)
    if m:
        return _checked_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if _SERIAL.fullmatch(text):
        return _serial(float(text))
    raise CellRefused(DATE)


def reading_litres(cell: object) -> int:
    """A meter reading in m³ (at most 3 decimals: the meter reads to the litre) as
    litres, by the counter's own rule (domain.readings.parse_reading)."""
    if isinstance(cell, (bool, dt.date, dt.time)):
        raise CellRefused(NOT_TEXT)
    if isinstance(cell, int):
        text = str(cell)
    elif isinstance(cell, float):
        text = repr(cell)  # the shortest text of the double: 1234.567, not 1234.5670000001
        if "e" in text or "E" in text:
            text = format(cell, "f")
        if text.endswith(".0"):
            text = text[:-2]
    else:
        text = plain(cell).replace(" ", "")
        if _SCIENTIFIC.fullmatch(text):
            raise CellRefused(SCIENTIFIC)
    try:
        return parse_reading(text)
    except ReadingRefused as exc:
        raise CellRefused(exc.template, **exc.params) from None
