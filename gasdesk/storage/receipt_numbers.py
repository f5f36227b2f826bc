"""Receipt numbers: one gapless series per office and year (MS-2026-000123).

The counter row is incremented in the same transaction as the receipt insert, so a
failed transaction gives its number back and `UNIQUE(series, number)` guards against
two receipts ever sharing one. On SQLite the write transaction is BEGIN IMMEDIATE; on
PostgreSQL the UPDATE takes the row lock; either way two counters queue for the next
number instead of both reading the same one.
"""

from __future__ import annotations

from gasdesk.storage.models import ReceiptCounter


def series_for(office_code: str, year: int) -> str:
    return f"{office_code}-{year}"


def format_code(series: str, number: int) -> str:
    return f"{series}-{number:06d}"


def take_next(series: str) -> int:
    """The next number of `series`; call inside the write transaction of the receipt."""
    ReceiptCounter.insert(series=series, last=0).on_conflict_ignore().execute()
    ReceiptCounter.update(last=ReceiptCounter.last + 1).where(
        ReceiptCounter.series == series
    ).execute()
    return int(ReceiptCounter.get(ReceiptCounter.series == series).last)
