"""The counter's fee and printing settings (QSettings keys)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from gasdesk.domain.money import DEFAULT_CEILING_FEN
from gasdesk.printing.receipt import LAYOUTS

CEILING_KEY = "fees/ceiling_yuan"  # the largest amount one entry may hold, in yuan
LAYOUT_KEY = "printing/layout"  # '80mm' (roll) or 'a5'
SILENT_KEY = "printing/silent"  # print straight to the counter's printer, no dialog
PRINTER_KEY = "printing/printer"  # printer name; empty means the system default
OUTPUT_DIR_KEY = "printing/output_dir"  # print to PDF files in this folder instead


def _flag(value: object) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def ceiling_fen(settings: QSettings) -> int:
    value = settings.value(CEILING_KEY, None)
    try:
        yuan = int(str(value)) if value not in (None, "") else 0
    except ValueError:
        yuan = 0
    return yuan * 100 if yuan > 0 else DEFAULT_CEILING_FEN


def receipt_layout(settings: QSettings) -> str:
    value = str(settings.value(LAYOUT_KEY, "80mm") or "80mm")
    return value if value in LAYOUTS else "80mm"


def silent_printing(settings: QSettings) -> bool:
    return _flag(settings.value(SILENT_KEY, False))


def printer_name(settings: QSettings) -> str:
    return str(settings.value(PRINTER_KEY, "") or "")


def output_dir(settings: QSettings) -> str:
    return str(settings.value(OUTPUT_DIR_KEY, "") or "")
