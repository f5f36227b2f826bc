"""Addresses in the two offices' service areas: Wenchanghu district (萌水营业室)
and Wangcun town (王村营业室)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from gasdesk.demo.draw import between, pick


@dataclass(frozen=True)
class Place:
    """A residential place: either a village (house numbers) or an estate of
    apartment blocks (号楼/单元/室)."""

    prefix: str
    weight: float
    houses: int = 0  # a village: house numbers 1..houses
    blocks: int = 0  # an estate: blocks 1..blocks
    units: int = 0
    floors: int = 0


# Service areas by office code. Estates dominate in town, villages around it.
RESIDENTIAL_PLACES: dict[str, tuple[Place, ...]] = {
    "MS": (
        Place("文昌湖区文昌湖小区", 0.34, blocks=36, units=4, floors=6),
        Place("文昌湖区鲁泰文化路鲁泰家园", 0.14, blocks=18, units=3, floors=11),
        Place("文昌湖区萌水镇萌山村", 0.16, houses=420),
        Place("文昌湖区萌水镇萌水村", 0.14, houses=560),
        Place("文昌湖区商家镇商家村", 0.12, houses=480),
        Place("文昌湖区商家镇商家社区", 0.10, blocks=12, units=3, floors=6),
    ),
    "WC": (
        Place("王村镇金泉小区", 0.46, blocks=42, units=4, floors=6),
        Place("王村镇王村社区", 0.18, blocks=20, units=3, floors=6),
        Place("王村镇西铺村", 0.18, houses=520),
        Place("王村镇李家疃村", 0.18, houses=380),
    ),
}

_CUM_WEIGHTS = {
    office: list(accumulate(p.weight for p in places))
    for office, places in RESIDENTIAL_PLACES.items()
}

# Streets where the commercial customers (restaurants, bath houses...) are.
COMMERCIAL_STREETS: dict[str, tuple[str, ...]] = {
    "MS": ("文昌湖区鲁泰文化路", "文昌湖区萌水镇萌水大街", "文昌湖区商家镇商业街"),
    "WC": ("王村镇金泉小区东沿街房", "王村镇王村大街", "王村镇金泉路"),
}
# Short place names used in shop names, per office.
SHOP_PLACES: dict[str, tuple[str, ...]] = {
    "MS": ("文昌湖", "萌水", "商家", "鲁泰"),
    "WC": ("王村", "金泉", "西铺", "李家疃"),
}


def residential_address(rng: random.Random, office_code: str) -> str:
    places = RESIDENTIAL_PLACES[office_code]
    place = rng.choices(places, cum_weights=_CUM_WEIGHTS[office_code])[0]
    if place.houses:
        return f"{place.prefix}{between(rng, 1, place.houses)}号"
    block = between(rng, 1, place.blocks)
    unit = between(rng, 1, place.units)
    floor = between(rng, 1, place.floors)
    room = between(rng, 1, 2)
    return f"{place.prefix}{block}号楼{unit}单元{floor}{room:02d}室"


def commercial_address(rng: random.Random, office_code: str) -> str:
    return f"{pick(rng, COMMERCIAL_STREETS[office_code])}{between(rng, 1, 260)}号"
