"""Resident ID-card numbers (居民身份证号码, GB 11643-1999).

An 18-character number: a 6-digit region code, the birth date YYYYMMDD, a 3-digit
sequence (odd for men, even for women) and a check character computed with
ISO 7064 MOD 11-2 over the first 17 digits ('X' stands for 10).
"""

from __future__ import annotations

import datetime as dt

WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"  # indexed by (weighted sum mod 11)


def check_digit(first17: str) -> str:
    """The check character for the first 17 digits: '0'-'9' or 'X'.

    Raises ValueError when `first17` is not exactly 17 ASCII digits.
    """
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("an ID-card number needs exactly 17 digits before its check character")
    total = sum(int(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def is_valid(number: str) -> bool:
    """True for an 18-character number whose birth date exists and whose check
    character matches (a lower-case 'x' is accepted). Never raises."""
    if not isinstance(number, str) or len(number) != 18:
        return False
    body, check = number[:17], number[17].upper()
    if not (body.isascii() and body.isdigit()):
        return False
    try:
        dt.date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    except ValueError:
        return False
    return check_digit(body) == check
