"""表具校验: what a meter's test result means, and the gas a fast meter over-charged.

The service code promises an error within ±1.5% (燃气表误差不超过±1.5%). The error is
what the meter registers beyond the gas delivered, in percent of the gas delivered: a
meter at +2.5% registers 102.5 m³ for 100 m³. Within the promise the meter passes (its
test is a verification). Beyond it the meter fails and is changed (换表); a meter fast
beyond +1.5% has charged gas that was not delivered:

- the charges corrected are the tier lines the meter's gas was charged by in the
  period (bills of that meter, IC-card purchases while it was in service), from the
  meter's last verification (or a stated day) to the day the result is recorded; a
  bill segment partly inside the period counts by its days inside, as billing shares
  a period's gas by days;
- of the gas V charged on a line, the meter over-registered V × e / (100 + e) (e the
  error in percent), rounded half up to the litre;
- that gas is credited at the line's own price (each line rounded half up to the fen,
  the credit the sum of its lines), and leaves the tier count of the year it was
  charged in (services.tier_year).

A meter slow beyond −1.5% charged too little; the company does not charge it back.
Errors are kept in hundredths of a percent (basis points of the percent scale).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from gasdesk.domain.tariff import line_amount
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

TOLERANCE_BP = 150  # ±1.5 %, the service code's promise
_ERROR = re.compile(r"[+-]?\d{1,2}(\.\d{1,2})?")


class ErrorRefused(UserError):
    """A test result that is not an error in percent."""


def parse_error(text: str) -> int:
    """'+2.3' / '-0.8' / '1.75' (percent) -> hundredths of a percent (230, -80, 175)."""
    s = text.strip().replace("％", "").replace("%", "").replace("＋", "+").replace("－", "-")
    if not _ERROR.fullmatch(s):
        raise ErrorRefused(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The error is a percentage with at most two decimals, such as +2.3 or -0.8.",
            )
        )
    return int((Decimal(s) * 100).to_integral_value())


def format_error(bp: int) -> str:
    """230 -> '+2.30%'."""
    sign = "+" if bp > 0 else "-" if bp < 0 else "±"
    return f"{sign}{abs(bp) // 100}.{abs(bp) % 100:02d}%"


def passes(bp: int) -> bool:
    return abs(bp) <= TOLERANCE_BP


def fast(bp: int) -> bool:
    return bp > TOLERANCE_BP


@dataclass(frozen=True)
class Charged:
    """One tier line the meter's gas was charged by: a bill segment [start, end) or a
    purchase (start == end, its business day)."""

    source: str  # 'bill' | 'purchase'
    ref: int  # the bill's or the payment's id
    start: dt.date
    end: dt.date
    tier: int
    volume_l: int
    price_fen: int


@dataclass(frozen=True)
class OverLine:
    """The part of a charged line the meter over-registered, credited back."""

    source: str
    ref: int
    day: dt.date  # where the tier count gives it back (the line's first day in the period)
    tier: int
    charged_l: int  # of the line, inside the period
    over_l: int
    price_fen: int
    amount_fen: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "ref": self.ref,
            "day": self.day.isoformat(),
            "tier": self.tier,
            "charged_l": self.charged_l,
            "over_l": self.over_l,
            "price_fen": self.price_fen,
            "amount_fen": self.amount_fen,
        }


def _half_up(numerator: int, denominator: int) -> int:
    return int((Decimal(numerator) / Decimal(denominator)).quantize(Decimal(1), ROUND_HALF_UP))


def inside(line: Charged, first: dt.date, last: dt.date) -> tuple[int, dt.date] | None:
    """(litres of the line inside first..last inclusive, its first day there), or None."""
    if line.start == line.end:
        return (line.volume_l, line.start) if first <= line.start <= last else None
    lo, hi = max(line.start, first), min(line.end, last + dt.timedelta(days=1))
    if lo >= hi:
        return None
    days, total = (hi - lo).days, (line.end - line.start).days
    litres = line.volume_l if days == total else _half_up(line.volume_l * days, total)
    return litres, lo


def over_charge(
    lines: list[Charged], first: dt.date, last: dt.date, error_bp: int
) -> tuple[OverLine, ...]:
    """The over-registered gas of each line inside the period and its credit; none
    unless the meter is fast beyond the tolerance."""
    if not fast(error_bp):
        return ()
    out: list[OverLine] = []
    for line in lines:
        part = inside(line, first, last)
        if part is None:
            continue
        litres, day = part
        over = _half_up(litres * error_bp, 10_000 + error_bp)
        if over <= 0:
            continue
        out.append(
            OverLine(
                source=line.source,
                ref=line.ref,
                day=day,
                tier=line.tier,
                charged_l=litres,
                over_l=over,
                price_fen=line.price_fen,
                amount_fen=line_amount(over, line.price_fen),
            )
        )
    return tuple(out)
