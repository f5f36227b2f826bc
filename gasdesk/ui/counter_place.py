"""Where this PC stands: its office and counter number, kept in the PC's settings
file (never in the shared database, which every counter reads alike): the settings
`counter/office` and `counter/number`."""

from __future__ import annotations

from gasdesk.settings import COUNTER_NUMBER, COUNTER_OFFICE, Settings


def counter_place(settings: Settings) -> tuple[str | None, int | None]:
    """This PC's office code and counter number, each None when not (validly) set."""
    office = (settings.get(COUNTER_OFFICE) or "").strip().upper() or None
    return office, settings.get(COUNTER_NUMBER)


def keep_counter_place(settings: Settings, office: str, number: int) -> None:
    settings.set(COUNTER_OFFICE, office)
    settings.set(COUNTER_NUMBER, number)
