"""The ranges a service checks before it writes an amount, a volume or a balance,
whoever called it: the counter's screens, a script or the command line get the same
refusals, each an AmountError (a TellerError) with a message for the teller.

- One amount the teller enters (a prepayment, the yuan of an IC-card purchase, the
  cash handed over, cash paid into or out of the drawer) is at most the counter's
  ceiling: the setting `fees/ceiling_yuan`, passed down by the screen, or
  `money.DEFAULT_CEILING_FEN` when none is passed. No ceiling lifts an amount above
  `money.MAX_ENTRY_FEN` (see money.effective_ceiling).
- An amount that is computed or read off a terminal (a bill's amount due, a
  terminal's settlement total) is at most MAX_ENTRY_FEN.
- One IC-card purchase loads at most DEFAULT_VOLUME_CEILING_L.
- A prepaid balance stays at or below MAX_BALANCE_FEN. The bound is checked before
  the addition, in the UPDATE itself: SQLite turns an integer that overflows into a
  REAL, silently, and PostgreSQL's INTEGER columns are 32-bit (at most 2,147,483,647
  fen), so the bound, like MAX_ENTRY_FEN, stays inside both.

Values that are not whole numbers (a float, a bool, text) are refused as well: money
is integer fen, volumes integer litres.
"""

from __future__ import annotations

from gasdesk.domain.money import (
    MAX_ENTRY_FEN,
    AmountError,
    ceiling_refusal,
    effective_ceiling,
    format_yuan,
)
from gasdesk.domain.tariff import DEFAULT_VOLUME_CEILING_L, volume_in_range
from gasdesk.domain.text import QT_TRANSLATE_NOOP

MAX_BALANCE_FEN = 1_000_000_000  # ten million yuan prepaid on one account: never reached
MAX_PURCHASE_L = DEFAULT_VOLUME_CEILING_L


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AmountError(
            "not_whole",
            QT_TRANSLATE_NOOP("Messages", "'{value}' is not a whole number of fen."),
            value=str(value)[:40],
        )
    return value


def _positive(fen: int) -> int:
    if fen <= 0:
        raise AmountError(
            "zero", QT_TRANSLATE_NOOP("Messages", "The amount must be more than zero.")
        )
    return fen


def check_entry(fen: object, ceiling_fen: int | None = None) -> int:
    """An amount the teller entered: whole fen, more than zero, at most the ceiling."""
    value = _positive(_whole(fen))
    limit = effective_ceiling(ceiling_fen)
    if value > limit:
        raise ceiling_refusal(value, limit)
    return value


def _above_maximum(fen: int) -> AmountError:
    return AmountError(
        "too_large",
        QT_TRANSLATE_NOOP(
            "Messages",
            "{amount} yuan is more than one payment or total can hold (at most {limit} yuan); "
            "check the figures.",
        ),
        amount=format_yuan(fen),
        limit=format_yuan(MAX_ENTRY_FEN),
    )


def check_computed(fen: object) -> int:
    """A computed amount to collect (a bill's amount due): whole fen, more than zero,
    at most MAX_ENTRY_FEN."""
    value = _positive(_whole(fen))
    if value > MAX_ENTRY_FEN:
        raise _above_maximum(value)
    return value


def check_total(fen: object) -> int:
    """A total read off a terminal: whole fen, zero allowed, at most MAX_ENTRY_FEN."""
    value = _whole(fen)
    if value < 0:
        raise AmountError(
            "negative", QT_TRANSLATE_NOOP("Messages", "A terminal total cannot be negative.")
        )
    if value > MAX_ENTRY_FEN:
        raise _above_maximum(value)
    return value


def check_volume(litres: object) -> int:
    """The gas of one IC-card purchase: whole litres, more than zero, at most
    MAX_PURCHASE_L."""
    if isinstance(litres, bool) or not isinstance(litres, int):
        raise AmountError(
            "not_whole",
            QT_TRANSLATE_NOOP("Messages", "'{value}' is not a whole number of litres."),
            value=str(litres)[:40],
        )
    return volume_in_range(litres, MAX_PURCHASE_L)


def balance_refusal(account_number: str) -> AmountError:
    """The prepaid balance would pass MAX_BALANCE_FEN."""
    return AmountError(
        "balance_limit",
        QT_TRANSLATE_NOOP(
            "Messages",
            "The prepaid balance of account {number} cannot exceed {limit} yuan; "
            "nothing was recorded.",
        ),
        number=account_number,
        limit=format_yuan(MAX_BALANCE_FEN),
    )
