"""Tiered gas tariff (阶梯气价): charges computed from volumes, returning tier lines.

Units: volumes are integer litres (1 m³ = 1000 L); tier bounds are annual m³ per
household; prices are fen per m³. Each tier line is rounded ROUND_HALF_UP to the fen
on its own, and a charge is the sum of its rounded lines, so the lines printed on a
receipt always add up to its total.

Tiers count the cumulative volume of a household in a calendar year: a period whose
volume crosses a tier bound is split at the bound.

A billing period runs from one reading (day `start`) to the next (day `end`); it
covers the days start <= d < end. When a tariff takes effect, or a new year begins,
inside the period, the period is cut into segments at those dates and the metered
volume is shared among the segments in proportion to their number of days (a meter
is read only at the ends, so days are the only fair measure). The shares are whole
litres: each segment gets the floor of its share, and the litres left over go to
the segments with the largest remainders (the earlier one on a tie), so the segments
add up to exactly the metered volume. Each segment is priced by the tariff in force
on its first day, with the year-to-date volume of its own year.

A tariff may carry a household-size rule (人口多的家庭): each person above
`base_persons` adds `extra_m3_per_person` to every tier bound. An account whose
household size is not recorded, or not above the base, gets the bounds as stated.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from gasdesk.domain.errors import TellerError
from gasdesk.domain.money import AmountError, format_yuan, parse_fixed
from gasdesk.domain.text import QT_TRANSLATE_NOOP

LITRES_PER_M3 = 1000
# A household meter's index reads to the litre (its last, red drum is 0.001 m³), and
# the IC card carries the volume to load in litres: gas is bought to the litre.
METER_RESOLUTION_L = 1
DEFAULT_VOLUME_CEILING_L = 10_000 * LITRES_PER_M3


class TariffError(TellerError):
    """No tariff applies, or a tariff is malformed."""


@dataclass(frozen=True)
class Tier:
    upper_m3: int | None  # annual bound of this tier; None for the last (open) tier
    price_fen: int  # fen per m³


@dataclass(frozen=True)
class HouseholdRule:
    """Households of more than `base_persons` people get `extra_m3_per_person` more
    on each tier bound for every person above that number."""

    base_persons: int
    extra_m3_per_person: int

    def extra_m3(self, household_size: int | None) -> int:
        if household_size is None or household_size <= self.base_persons:
            return 0
        return (household_size - self.base_persons) * self.extra_m3_per_person


@dataclass(frozen=True)
class Tariff:
    name: str
    effective_from: dt.date
    tiers: tuple[Tier, ...]
    household: HouseholdRule | None = None

    def for_household(self, household_size: int | None) -> Tariff:
        """This tariff with the tier bounds of a household of `household_size`."""
        extra = self.household.extra_m3(household_size) if self.household else 0
        if not extra:
            return self
        tiers = tuple(
            Tier(t.upper_m3 + extra if t.upper_m3 is not None else None, t.price_fen)
            for t in self.tiers
        )
        return Tariff(self.name, self.effective_from, tiers, self.household)

    def __post_init__(self) -> None:
        if not self.tiers:
            raise TariffError(
                "tariff_empty",
                QT_TRANSLATE_NOOP("Messages", "The tariff '{name}' has no tiers."),
                name=self.name,
            )
        bounds = [t.upper_m3 for t in self.tiers]
        if bounds[-1] is not None or any(b is None for b in bounds[:-1]):
            raise TariffError(
                "tariff_malformed",
                QT_TRANSLATE_NOOP("Messages", "Only the last tier of '{name}' may be open-ended."),
                name=self.name,
            )
        uppers = [b for b in bounds if b is not None]
        if any(b <= 0 for b in uppers) or uppers != sorted(set(uppers)):
            raise TariffError(
                "tariff_malformed",
                QT_TRANSLATE_NOOP("Messages", "The tier bounds of '{name}' must increase."),
                name=self.name,
            )
        if any(t.price_fen < 0 for t in self.tiers):
            raise TariffError(
                "tariff_malformed",
                QT_TRANSLATE_NOOP("Messages", "The tariff '{name}' has a negative price."),
                name=self.name,
            )
        rule = self.household
        if rule is not None and (rule.base_persons < 1 or rule.extra_m3_per_person < 0):
            raise TariffError(
                "tariff_malformed",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The household rule of '{name}' needs at least one person and no "
                    "negative volume.",
                ),
                name=self.name,
            )


@dataclass(frozen=True)
class TierLine:
    """`volume_l` of gas priced at `price_fen` per m³ in tier `tier` (1-based).
    `start`/`end` name the segment of the period it belongs to (end exclusive;
    equal for a purchase on one day)."""

    tier: int
    volume_l: int
    price_fen: int
    amount_fen: int
    start: dt.date
    end: dt.date
    tariff: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "tier": self.tier,
            "volume_l": self.volume_l,
            "price_fen": self.price_fen,
            "amount_fen": self.amount_fen,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "tariff": self.tariff,
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> TierLine:
        return TierLine(
            tier=int(d["tier"]),
            volume_l=int(d["volume_l"]),
            price_fen=int(d["price_fen"]),
            amount_fen=int(d["amount_fen"]),
            start=dt.date.fromisoformat(d["start"]),
            end=dt.date.fromisoformat(d["end"]),
            tariff=str(d.get("tariff", "")),
        )


@dataclass(frozen=True)
class Charge:
    lines: tuple[TierLine, ...]

    @property
    def volume_l(self) -> int:
        return sum(line.volume_l for line in self.lines)

    @property
    def amount_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)


def lines_to_json(lines: Iterable[TierLine]) -> str:
    """The form tier lines are stored in (Bill.lines_json, Payment.lines_json)."""
    return json.dumps([line.to_dict() for line in lines], ensure_ascii=False)


def lines_from_json(text: str) -> tuple[TierLine, ...]:
    return tuple(TierLine.from_dict(d) for d in json.loads(text or "[]"))


def line_amount(volume_l: int, price_fen: int) -> int:
    """Price of `volume_l` litres at `price_fen` per m³, ROUND_HALF_UP to the fen."""
    exact = Decimal(volume_l) * Decimal(price_fen) / Decimal(LITRES_PER_M3)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def tariff_on(tariffs: Sequence[Tariff], day: dt.date) -> Tariff:
    """The tariff in force on `day`: the latest one effective on or before it."""
    in_force = [t for t in tariffs if t.effective_from <= day]
    if not in_force:
        raise TariffError(
            "no_tariff",
            QT_TRANSLATE_NOOP(
                "Messages", "No tariff is in force on {day}; a supervisor must enter one."
            ),
            day=day.isoformat(),
        )
    return max(in_force, key=lambda t: t.effective_from)


def price_by_tiers(
    tariff: Tariff, volume_l: int, ytd_l: int, start: dt.date, end: dt.date | None = None
) -> tuple[TierLine, ...]:
    """Split `volume_l` among the tiers, the household having used `ytd_l` litres
    earlier in the same year; one line per tier touched (none for zero volume)."""
    if volume_l < 0 or ytd_l < 0:
        raise ValueError("volumes are non-negative")
    end = end or start
    lines: list[TierLine] = []
    position = ytd_l
    remaining = volume_l
    for seq, tier in enumerate(tariff.tiers, start=1):
        if remaining == 0:
            break
        if tier.upper_m3 is None:
            take = remaining
        else:
            take = min(remaining, max(0, tier.upper_m3 * LITRES_PER_M3 - position))
        if take:
            amount = line_amount(take, tier.price_fen)
            lines.append(TierLine(seq, take, tier.price_fen, amount, start, end, tariff.name))
            remaining -= take
            position += take
    return tuple(lines)


def _segments(
    start: dt.date, end: dt.date, tariffs: Sequence[Tariff]
) -> list[tuple[dt.date, dt.date]]:
    cuts = {start, end}
    for t in tariffs:
        if start < t.effective_from < end:
            cuts.add(t.effective_from)
    for year in range(start.year + 1, end.year + 1):
        cuts.add(dt.date(year, 1, 1))
    points = sorted(c for c in cuts if start <= c <= end)
    return list(itertools.pairwise(points))


def share_by_days(volume_l: int, segments: Sequence[tuple[dt.date, dt.date]]) -> list[int]:
    """Whole-litre shares proportional to each segment's days, adding up exactly."""
    days = [(b - a).days for a, b in segments]
    total = sum(days)
    if total <= 0:
        raise ValueError("segments must cover at least one day")
    floors = [volume_l * d // total for d in days]
    remainders = [volume_l * d % total for d in days]
    left = volume_l - sum(floors)
    order = sorted(range(len(days)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def bill_period(
    volume_l: int,
    start: dt.date,
    end: dt.date,
    tariffs: Sequence[Tariff],
    ytd_l: int | dict[int, int] = 0,
    household_size: int | None = None,
) -> Charge:
    """Charge for `volume_l` litres metered between readings on `start` and `end`.

    `ytd_l` is the household's volume earlier in the year of `start` (an int), or a
    mapping year -> volume when the period runs into a year with earlier usage.
    `household_size` raises the tier bounds by each tariff's household rule.
    See the module text for how tariff changes and new years inside a period are handled.
    """
    if end < start:
        raise ValueError("a period cannot end before it starts")
    if volume_l < 0:
        raise ValueError("volume cannot be negative")
    ytd = dict(ytd_l) if isinstance(ytd_l, dict) else {start.year: ytd_l}
    if end == start:
        parts = [(start, end)]
        shares = [volume_l]
    else:
        parts = _segments(start, end, tariffs)
        shares = share_by_days(volume_l, parts)
    lines: list[TierLine] = []
    for (a, b), share in zip(parts, shares, strict=True):
        tariff = tariff_on(tariffs, a).for_household(household_size)
        used = ytd.get(a.year, 0)
        lines.extend(price_by_tiers(tariff, share, used, a, b))
        ytd[a.year] = used + share
    return Charge(tuple(lines))


# --- IC-card purchases (购气) ----------------------------------------------------------


def purchase_by_volume(volume_l: int, tariff: Tariff, ytd_l: int, day: dt.date) -> Charge:
    """m³ -> yuan: the price of `volume_l` bought on `day` after `ytd_l` this year."""
    if volume_l <= 0:
        raise ValueError("a purchase needs a positive volume")
    return Charge(price_by_tiers(tariff, volume_l, ytd_l, day))


def purchase_by_amount(
    amount_fen: int, tariff: Tariff, ytd_l: int, day: dt.date, *, step_l: int = METER_RESOLUTION_L
) -> Charge:
    """yuan -> m³: the customer pays exactly the yuan asked for, and the gas loaded is
    the most whole `step_l` litres whose price (tier lines rounded half up to the fen)
    does not exceed it.

    Below ¥10 a m³ one litre costs less than one fen, so one litre more raises the
    price by 0 or 1 fen and some volume costs exactly the amount: that volume is the
    purchase, to the litre. Where no volume costs exactly the amount (a price of ¥10
    a m³ or more), the purchase is refused with the nearest amount below that does;
    the customer is never charged for gas not loaded, and never handed back fen."""
    if amount_fen <= 0:
        raise ValueError("a purchase needs a positive amount")

    def cost(steps: int) -> int:
        return sum(line.amount_fen for line in price_by_tiers(tariff, steps * step_l, ytd_l, day))

    cheapest = min(t.price_fen for t in tariff.tiers)
    if cheapest == 0:
        raise TariffError(
            "tariff_malformed",
            QT_TRANSLATE_NOOP("Messages", "The tariff '{name}' has a zero price."),
            name=tariff.name,
        )
    # each tier line rounds by at most half a fen: past `hi` the price exceeds the amount
    slack = len(tariff.tiers)
    lo, hi = 0, ((amount_fen + slack) * LITRES_PER_M3) // (cheapest * step_l) + 2
    while lo < hi:  # largest steps with cost(steps) <= amount (cost is non-decreasing)
        mid = (lo + hi + 1) // 2
        if cost(mid) <= amount_fen:
            lo = mid
        else:
            hi = mid - 1
    if lo == 0 or cost(lo) == 0:
        raise TariffError(
            "amount_too_small",
            QT_TRANSLATE_NOOP("Messages", "{amount} fen does not buy {step} litres of gas."),
            amount=amount_fen,
            step=step_l,
        )
    charge = Charge(price_by_tiers(tariff, lo * step_l, ytd_l, day))
    if charge.amount_fen != amount_fen:
        raise TariffError(
            "amount_inexact",
            QT_TRANSLATE_NOOP(
                "Messages",
                "At this tariff no whole number of litres costs exactly {amount} yuan; "
                "{nearest} yuan buys {volume} m³.",
            ),
            amount=format_yuan(amount_fen),
            nearest=format_yuan(charge.amount_fen),
            volume=format_m3(charge.volume_l),
        )
    return charge


def parse_volume(text: str, *, ceiling_l: int = DEFAULT_VOLUME_CEILING_L) -> int:
    """Typed m³ ('20', '20.5', '２０.５ m³', '20方') -> litres: at most three decimals,
    the meter's resolution (the volume a purchase by yuan shows, '33.334', reads back)."""
    litres = parse_fixed(text, places=3, suffixes=("m³", "m3", "立方米", "立方", "方"))
    return volume_in_range(litres, ceiling_l)


def volume_in_range(litres: int, ceiling_l: int = DEFAULT_VOLUME_CEILING_L) -> int:
    """`litres` of one purchase: more than zero and at most `ceiling_l`."""
    if litres <= 0:
        raise AmountError(
            "zero", QT_TRANSLATE_NOOP("Messages", "The volume must be more than zero.")
        )
    if litres > ceiling_l:
        raise AmountError(
            "too_large",
            QT_TRANSLATE_NOOP(
                "Messages",
                "{amount} m³ is above the limit of {limit} m³ for one purchase; check the volume.",
            ),
            amount=format_m3(litres),
            limit=format_m3(ceiling_l),
        )
    return litres


def format_m3(litres: int, places: int = 2) -> str:
    """Litres shown as m³, exactly: 12340 -> '12.34'; 12345 -> '12.345' (at least
    `places` decimals, more when the litres need them)."""
    sign = "-" if litres < 0 else ""
    whole, rest = divmod(abs(litres), LITRES_PER_M3)
    frac = f"{rest:03d}"
    keep = max(places, len(frac.rstrip("0")))
    return f"{sign}{whole}.{frac[:keep]}" if keep else f"{sign}{whole}"
