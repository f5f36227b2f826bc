"""The people of a household (家庭人口), which a tariff's household rule turns into
larger tier bounds."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from gasdesk.domain.errors import TellerError
from gasdesk.domain.text import QT_TRANSLATE_NOOP

MAX_HOUSEHOLD = 30


@dataclass(frozen=True)
class HouseholdSizeChange:
    """One change of an account's household size, as its history keeps it."""

    account_id: int
    account_number: str
    old_size: int | None  # None: not recorded before
    new_size: int
    changed_at: dt.datetime
    staff_badge: str  # '' for an administrator's command
    form_number: str
    reason: str


def household_size(value: object) -> int:
    """A household size typed or read from a file ('6', '６', '6人', 6): 1 to 30 people."""
    text = unicodedata.normalize("NFKC", str(value)).strip().removesuffix("人").strip()
    if isinstance(value, bool) or not text.isdigit() or not 1 <= int(text) <= MAX_HOUSEHOLD:
        raise TellerError(
            "household_size",
            QT_TRANSLATE_NOOP(
                "Messages", "A household has 1 to {max} people; '{value}' is not such a number."
            ),
            max=MAX_HOUSEHOLD,
            value=str(value).strip(),
        )
    return int(text)
