"""Resident ID-card numbers (居民身份证号码, GB 11643-1999).

An 18-character number is 6 digits of region, 8 digits of birth date (YYYYMMDD),
3 digits of sequence and one check character computed with ISO 7064 MOD 11-2:
the weighted sum of the first 17 digits (weights 2^(17-i) mod 11) mod 11 indexes
'10X98765432'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


def check_digit(first17: str) -> str:
    """The check character ('0'-'9' or 'X') for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("the first 17 characters of an ID-card number are digits")
    total = sum(int(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def normalise(number: str) -> str:
    """Strip spaces, turn full-width digits and a lower-case x into their plain forms."""
    text = number.strip().replace(" ", "").replace("\u3000", "")
    text = "".join(chr(ord(ch) - 0xFEE0) if "\uff10" <= ch <= "\uff19" else ch for ch in text)
    return text.replace("x", "X").replace("\uff38", "X").replace("\uff58", "X")


def birth_date(number: str) -> dt.date | None:
    """The birth date encoded in an 18-character number, or None if it is not a date."""
    text = normalise(number)
    try:
        return dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None


def problem(number: str, *, today: dt.date | None = None) -> str | None:
    """None if the number is valid, otherwise a short reason code:
    'length', 'characters', 'birth_date' or 'check_digit'."""
    text = normalise(number)
    if len(text) != 18:
        return "length"
    if not (text[:17].isascii() and text[:17].isdigit()) or text[17] not in "0123456789X":
        return "characters"
    born = birth_date(text)
    if born is None or born.year < 1800 or born > (today or dt.date.today()):
        return "birth_date"
    if check_digit(text[:17]) != text[17]:
        return "check_digit"
    return None


def is_valid(number: str) -> bool:
    """True for an 18-character ID-card number with a real birth date and the right check digit."""
    return problem(number) is None


@dataclass(frozen=True)
class IdCardData:
    """What a second-generation ID card's chip gives a reader (the fields a form uses).
    The number is passed on as the card holds it: the form still checks it."""

    name: str
    id_number: str
    address: str
    sex: str = ""
    nation: str = ""
    issuer: str = ""
