"""Where this PC stands: its office and counter number, kept in the PC's settings
file (never in the shared database, which every counter reads alike).

    counter/office   str  office code, e.g. MS   (default: none)
    counter/number   int  counter number, e.g. 2 (default: none)

Read only through `counter_place()` and written only through `keep_counter_place()`."""

from __future__ import annotations

from PySide6.QtCore import QSettings

OFFICE_KEY = "counter/office"
NUMBER_KEY = "counter/number"


def counter_place(settings: QSettings) -> tuple[str | None, int | None]:
    """This PC's office code and counter number, each None when not (validly) set."""
    office = str(settings.value(OFFICE_KEY, "") or "").strip().upper() or None
    try:
        number: int | None = int(str(settings.value(NUMBER_KEY, "") or "").strip())
    except ValueError:
        number = None
    return office, number if number is not None and number > 0 else None


def keep_counter_place(settings: QSettings, office: str, number: int) -> None:
    settings.setValue(OFFICE_KEY, office)
    settings.setValue(NUMBER_KEY, number)
    settings.sync()
