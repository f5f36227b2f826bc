"""A tariff version as a file (TOML) or a form states it, checked before anything is
stored: a price decision of the price bureau becomes a new version for one user type
from its effective date.

    name = "居民阶梯气价（2027年调整）"
    user_type = "residential"          # or "commercial" (居民 / 非居民 are understood)
    effective_from = 2027-01-01
    source = "淄博市发展和改革委员会 淄发改价格〔2026〕12号"   # where the prices come from
    sample = false                     # true only for the shipped sample prices

    [household]                        # optional: 人口多的家庭
    base_persons = 4                   # each person above 4 ...
    extra_m3_per_person = 100          # ... adds 100 m³ to every tier bound

    [[tier]]
    upper_m3 = 400                     # annual bound; the last tier has none
    price_fen = 300                    # fen per m³ (or price_yuan = "3.00")

Each refusal names what is wrong (a tier by its number) in a message the counter and
the command line translate; nothing is half-read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gasdesk.domain.money import AmountError, parse_fixed
from gasdesk.domain.tariff import HouseholdRule, Tariff, TariffError, Tier
from gasdesk.domain.text import QT_TRANSLATE_NOOP

USER_TYPES = ("residential", "commercial")
USER_TYPE_WORDS = {"居民": "residential", "非居民": "commercial", "商业": "commercial"}
KEYS = {
    "name",
    "user_type",
    "effective_from",
    "source",
    "sample",
    "household",
    "tier",
    "card_replacement_fee_fen",  # 补卡 fee (services.tariffs.card_fee_fen)
}
TIER_KEYS = {"upper_m3", "price_fen", "price_yuan"}
HOUSEHOLD_KEYS = {"base_persons", "extra_m3_per_person"}
MAX_PRICE_FEN = 100_00  # ¥100 a m³: far above any gas price, below any typing slip's reach
MAX_BOUND_M3 = 1_000_000
MAX_PERSONS = 30


@dataclass(frozen=True)
class TariffSpec:
    """A tariff version to store: for `user_type`, with where its prices come from."""

    user_type: str
    tariff: Tariff
    source: str = ""
    sample: bool = False


def _refuse(code: str, template: str, **params: Any) -> TariffError:
    return TariffError(code, template, **params)


def _whole(value: object) -> int | None:
    """A whole number from the file (an int, or digits in a string); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


def user_type_of(value: object) -> str:
    text = str(value or "").strip()
    kind = USER_TYPE_WORDS.get(text, text.lower())
    if kind not in USER_TYPES:
        raise _refuse(
            "tariff_user_type",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Unknown user type '{value}': use residential (居民) or commercial (非居民).",
            ),
            value=text,
        )
    return kind


def effective_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise _refuse(
            "tariff_date",
            QT_TRANSLATE_NOOP(
                "Messages", "The effective date '{value}' is not a date like 2027-01-01."
            ),
            value=str(value),
        ) from None


def tier_price(n: int, entry: Mapping[str, Any]) -> int:
    """Tier `n`'s price in fen per m³, from price_fen or price_yuan (exactly one)."""
    given = [k for k in ("price_fen", "price_yuan") if k in entry]
    if len(given) != 1:
        raise _refuse(
            "tariff_price_missing",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Tier {n}: give its price once, as price_fen (whole fen per m³) or "
                "price_yuan (yuan per m³, at most two decimals).",
            ),
            n=n,
        )
    raw = entry[given[0]]
    if given[0] == "price_fen":
        fen = _whole(raw)
    else:
        text = str(raw).strip()
        negative = text.startswith("-")
        try:
            fen = parse_fixed(text.lstrip("-"), places=2, suffixes=("元",))
        except AmountError:
            fen = None
        if fen is not None and negative:
            fen = -fen
    if fen is None:
        raise _refuse(
            "tariff_price_invalid",
            QT_TRANSLATE_NOOP(
                "Messages", "Tier {n}: the price '{value}' is not a price in fen or yuan per m³."
            ),
            n=n,
            value=str(raw),
        )
    if fen < 0:
        raise _refuse(
            "tariff_price_negative",
            QT_TRANSLATE_NOOP("Messages", "Tier {n}: the price cannot be negative."),
            n=n,
        )
    if fen == 0 or fen > MAX_PRICE_FEN:
        raise _refuse(
            "tariff_price_range",
            QT_TRANSLATE_NOOP(
                "Messages", "Tier {n}: the price must be above zero and at most 100 yuan per m³."
            ),
            n=n,
        )
    return fen


def _tiers(entries: object) -> tuple[Tier, ...]:
    if not isinstance(entries, list) or not entries:
        raise _refuse(
            "tariff_no_tiers",
            QT_TRANSLATE_NOOP(
                "Messages", "The tariff has no tiers: give at least one [[tier]] with its price."
            ),
        )
    tiers: list[Tier] = []
    previous = 0
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, Mapping):
            raise _refuse(
                "tariff_tier_invalid",
                QT_TRANSLATE_NOOP("Messages", "Tier {n} is not a [[tier]] table."),
                n=n,
            )
        unknown = sorted(set(entry) - TIER_KEYS)
        if unknown:
            raise _refuse(
                "tariff_unknown_key",
                QT_TRANSLATE_NOOP("Messages", "Tier {n}: unknown entry '{key}'."),
                n=n,
                key=unknown[0],
            )
        price = tier_price(n, entry)
        last = n == len(entries)
        if "upper_m3" not in entry:
            if not last:
                raise _refuse(
                    "tariff_open_tier",
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Tier {n} has no upper bound, but only the last tier may be open-ended.",
                    ),
                    n=n,
                )
            tiers.append(Tier(None, price))
            continue
        if last:
            raise _refuse(
                "tariff_last_bounded",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The last tier ({n}) must have no upper bound: it takes all gas above "
                    "the tier before.",
                ),
                n=n,
            )
        bound = _whole(entry["upper_m3"])
        if bound is None or not 0 < bound <= MAX_BOUND_M3:
            raise _refuse(
                "tariff_bound_invalid",
                QT_TRANSLATE_NOOP(
                    "Messages", "Tier {n}: the bound '{value}' is not a whole number of m³ above 0."
                ),
                n=n,
                value=str(entry["upper_m3"]),
            )
        if bound <= previous:
            raise _refuse(
                "tariff_bounds_decrease",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Tier {n}: its bound {value} m³ is not above the bound of the tier "
                    "before ({previous} m³); bounds must increase.",
                ),
                n=n,
                value=bound,
                previous=previous,
            )
        tiers.append(Tier(bound, price))
        previous = bound
    return tuple(tiers)


def household_rule(entry: object) -> HouseholdRule | None:
    if entry is None:
        return None
    refusal = _refuse(
        "tariff_household_invalid",
        QT_TRANSLATE_NOOP(
            "Messages",
            "The household rule needs base_persons (1 to 30 people) and "
            "extra_m3_per_person (whole m³, not negative).",
        ),
    )
    if not isinstance(entry, Mapping) or set(entry) != HOUSEHOLD_KEYS:
        raise refusal
    base = _whole(entry["base_persons"])
    extra = _whole(entry["extra_m3_per_person"])
    if base is None or extra is None or not 1 <= base <= MAX_PERSONS or extra < 0:
        raise refusal
    return HouseholdRule(base, extra)


def _required(data: Mapping[str, Any], key: str) -> object:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _refuse(
            "tariff_missing",
            QT_TRANSLATE_NOOP("Messages", "The tariff lacks '{key}'."),
            key=key,
        )
    return value


def read_spec(data: Mapping[str, Any]) -> TariffSpec:
    """The tariff version `data` (a parsed TOML file, or what a form collected)
    states; refused with the first thing wrong."""
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise _refuse(
            "tariff_unknown_key",
            QT_TRANSLATE_NOOP("Messages", "Unknown entry '{key}' in the tariff."),
            key=unknown[0],
        )
    name = str(_required(data, "name")).strip()
    if len(name) > 60:
        raise _refuse(
            "tariff_name_long",
            QT_TRANSLATE_NOOP("Messages", "The tariff's name is longer than 60 characters."),
        )
    user_type = user_type_of(_required(data, "user_type"))
    effective = effective_date(_required(data, "effective_from"))
    tiers = _tiers(data.get("tier"))
    rule = household_rule(data.get("household"))
    sample = data.get("sample", False)
    if not isinstance(sample, bool):
        raise _refuse(
            "tariff_sample_invalid",
            QT_TRANSLATE_NOOP("Messages", "'sample' is true or false."),
        )
    fee = data.get("card_replacement_fee_fen", 0)
    if not isinstance(fee, int) or isinstance(fee, bool) or not 0 <= fee <= 100_000:
        raise _refuse(
            "tariff_card_fee_invalid",
            QT_TRANSLATE_NOOP(
                "Messages",
                "'card_replacement_fee_fen' is a whole number of fen from 0 to 100000.",
            ),
        )
    source = str(data.get("source") or "").strip()
    tariff = Tariff(name=name, effective_from=effective, tiers=tiers, household=rule)
    return TariffSpec(user_type=user_type, tariff=tariff, source=source, sample=sample)


def toml_line(error: Exception) -> int | None:
    """The line a TOML syntax error names, if it names one."""
    found = re.search(r"line (\d+)", str(error))
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class TariffVersionInfo:
    """A stored tariff version, as the Prices page lists it."""

    id: int
    user_type: str
    tariff: Tariff
    source: str
    sample: bool
    created_at: dt.datetime
    created_by: str  # badge, or '' for the shipped tariff or an administrator's command
