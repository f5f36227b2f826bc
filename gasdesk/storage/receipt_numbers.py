"""Receipt codes: one gapless series per office and year, written MS-2026-000123.

The numbers themselves come from storage.numbering.next_number, inside the
transaction that inserts the receipt."""

from __future__ import annotations


def series_for(office_code: str, year: int) -> str:
    return f"{office_code}-{year}"


def format_code(series: str, number: int) -> str:
    return f"{series}-{number:06d}"
