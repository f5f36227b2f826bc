"""Tiered gas charges for the demo history (private to the demo).

To be replaced by `gasdesk.domain.tariff` once the fee-collection domain provides
its tier computation; until then the demo bills with this small helper, which follows
the same rules:

- tiers are annual volume bounds per household (calendar year) in m³ and prices in
  fen per m³; the last tier has no upper bound;
- a period's volume is split at the bounds according to the volume already used
  in the same year before it (the annual cumulative volume);
- each tier line is rounded ROUND_HALF_UP to the fen, and the bill is the sum of
  its lines, so a printed bill always adds up.

Everything is integer arithmetic: litres x fen per m³ / 1000, half up.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def lines_json(lines: Sequence[Line]) -> str:
    """The compact JSON stored in Bill.lines_json (what json.dumps with
    separators=(',', ':') gives, built directly because the demo writes millions)."""
    return (
        "["
        + ",".join(
            f'{{"tier":{t},"volume_l":{v},"price_fen":{p},"amount_fen":{a}}}'
            for t, v, p, a in lines
        )
        + "]"
    )
