"""Tiered charges for the demo history, exactly as gasdesk.domain.tariff computes
them, at the speed two million bills need.

domain.tariff.bill_period costs about 20 µs a bill (Decimal, dataclasses, JSON
encoding); the demo's case is narrower: one tariff per user type, in force over
the whole history. For it this module gives the same tier lines and the same
`lines_to_json` text, in integer arithmetic:

- tier bounds are annual volumes per household (calendar year), prices fen per m³;
- a period is split at the bounds according to the year-to-date volume;
- a period that runs into a new year is cut at 1 January and its volume shared by
  days (domain.tariff.share_by_days), each part priced with its own year's volume;
- each line is rounded ROUND_HALF_UP to the fen, and a charge is the sum of its lines.

The tests compare both on random periods and on every bill of a demo database.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Sequence

from gasdesk.domain.tariff import Tariff, share_by_days

# (upper bound in litres or None for the last tier, price in fen per m³)
Tier = tuple[int | None, int]
# (tier number from 1, volume in litres, price in fen per m³, amount in fen)
Line = tuple[int, int, int, int]


def tiers_from_m3(rows: Sequence[tuple[int | None, int]]) -> tuple[Tier, ...]:
    """Tier bounds given in m³ -> bounds in litres; checks the bounds increase."""
    out: list[Tier] = []
    previous = 0
    for i, (upper_m3, price_fen) in enumerate(rows):
        last = i == len(rows) - 1
        if price_fen < 0:
            raise ValueError("a tier price cannot be negative")
        if upper_m3 is None:
            if not last:
                raise ValueError("only the last tier may be unbounded")
            out.append((None, price_fen))
            continue
        if last:
            raise ValueError("the last tier must be unbounded")
        upper_l = upper_m3 * 1000
        if upper_l <= previous:
            raise ValueError("tier bounds must increase")
        out.append((upper_l, price_fen))
        previous = upper_l
    if not out:
        raise ValueError("a tariff needs at least one tier")
    return tuple(out)


def charge_fen(volume_l: int, price_fen: int) -> int:
    """volume_l litres at price_fen per m³, ROUND_HALF_UP to the fen."""
    if volume_l < 0:
        raise ValueError("a volume cannot be negative")
    return (volume_l * price_fen + 500) // 1000


def tier_lines(tiers: Sequence[Tier], used_before_l: int, volume_l: int) -> list[Line]:
    """Split `volume_l` over the tiers, given `used_before_l` litres already used
    this year. Returns only the tiers that receive volume (none for zero volume)."""
    if used_before_l < 0 or volume_l < 0:
        raise ValueError("volumes cannot be negative")
    lines: list[Line] = []
    start = used_before_l
    end = used_before_l + volume_l
    lower = 0
    for number, (upper, price) in enumerate(tiers, start=1):
        top = end if upper is None else min(end, upper)
        bottom = max(start, lower)
        if top > bottom:
            part = top - bottom
            lines.append((number, part, price, charge_fen(part, price)))
        if upper is None or end <= upper:
            break
        lower = upper
    return lines


class PriceList:
    """One tariff, priced like domain.tariff for periods it covers entirely."""

    def __init__(self, tariff: Tariff) -> None:
        self.tariff = tariff
        self.tiers = tiers_from_m3([(t.upper_m3, t.price_fen) for t in tariff.tiers])
        self.first_bound, self.first_price = self.tiers[0]
        # what closes every line of lines_to_json: the tariff's name, JSON-quoted
        self.tail = f', "tariff": {json.dumps(tariff.name, ensure_ascii=False)}}}'

    def line_json(self, line: Line, start: str, end: str) -> str:
        tier, volume, price, amount = line
        return (
            f'{{"tier": {tier}, "volume_l": {volume}, "price_fen": {price}, '
            f'"amount_fen": {amount}, "start": "{start}", "end": "{end}"{self.tail}'
        )

    def charge(self, used_l: int, volume_l: int, start: str, end: str) -> tuple[int, str]:
        """(amount, lines JSON) of a period within one year, `used_l` earlier in it;
        a purchase is a period with start == end."""
        lines = tier_lines(self.tiers, used_l, volume_l)
        text = ", ".join(self.line_json(line, start, end) for line in lines)
        return sum(line[3] for line in lines), f"[{text}]"

    def charge_across_years(
        self, used_l: int, volume_l: int, start: dt.date, end: dt.date
    ) -> tuple[int, str, int, int]:
        """A period from `start` running into a later year, `used_l` being the volume
        earlier in `start`'s year. Returns (amount, lines JSON, year of the last part,
        that year's volume to date including the last part)."""
        cuts = [start, *(dt.date(y, 1, 1) for y in range(start.year + 1, end.year + 1)), end]
        parts = [(a, b) for a, b in itertools.pairwise(cuts) if a < b]
        shares = share_by_days(volume_l, parts)
        amount = 0
        texts: list[str] = []
        used = used_l
        for i, ((a, b), share) in enumerate(zip(parts, shares, strict=True)):
            if i > 0:
                used = 0  # a new year starts
            lines = tier_lines(self.tiers, used, share)
            used += share
            amount += sum(line[3] for line in lines)
            texts.extend(self.line_json(line, a.isoformat(), b.isoformat()) for line in lines)
        return amount, "[" + ", ".join(texts) + "]", parts[-1][0].year, used
