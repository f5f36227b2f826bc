"""Planned gas outages (停气通知): cooking peak hours and which addresses an area covers.

Peak hours come from resources/outages.toml. The service code asks that maintenance
outages avoid the peaks; a notice whose span [start, restoration) overlaps one, on any
day it covers, needs the teller's explicit confirmation (an outage from 10:00 to 14:00
takes the lunch peak away although it starts before it).

An area is a street or road (required), optionally narrowed to a community (小区) and a
range of building numbers. An address is affected when it contains the street and the
community; when a building range is given, the building number is read from the address
('12号楼', '12栋', '12幢', '12#楼'); an address whose building cannot be read is counted
as affected, since a banner too many costs less than a customer left without warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from gasdesk.domain.text import QT_TRANSLATE_NOOP

BUILDING_RE = re.compile(r"(\d{1,4})\s*(?:号楼|栋|幢|#楼|#)")


@dataclass(frozen=True)
class PeakWindow:
    start: dt.time
    end: dt.time
    label: str = ""

    @property
    def text(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class Area:
    street: str
    community: str = ""
    building_from: int | None = None
    building_to: int | None = None

    @property
    def text(self) -> str:
        parts = [self.street, self.community]
        if self.building_from is not None:
            to = self.building_to if self.building_to is not None else self.building_from
            parts.append(
                f"{self.building_from}-{to}号楼" if to != self.building_from else f"{to}号楼"
            )
        return " ".join(p for p in parts if p)


def parse_peaks(data: dict[str, Any]) -> tuple[PeakWindow, ...]:
    out: list[PeakWindow] = []
    for raw in data.get("peak", []):
        try:
            a, b = str(raw["hours"]).split("-")
            w = PeakWindow(
                dt.datetime.strptime(a.strip(), "%H:%M").time(),
                dt.datetime.strptime(b.strip(), "%H:%M").time(),
                str(raw.get("label", "")),
            )
        except (KeyError, ValueError):
            raise ValueError(f'outages.toml: peak {raw!r} needs hours like "06:30-08:30"') from None
        if w.end <= w.start:
            raise ValueError(f"outages.toml: peak {w.text} ends before it starts")
        out.append(w)
    return tuple(out)


def peaks_overlapping(
    start: dt.datetime, end: dt.datetime, peaks: tuple[PeakWindow, ...]
) -> tuple[PeakWindow, ...]:
    """The peak windows that some moment of [start, end) falls into, on any day the span
    covers; each window once, in the order of `peaks`. An outage that ends when a peak
    begins, or begins when it ends, does not overlap it."""
    hit: set[PeakWindow] = set()
    day = start.date()
    while day <= end.date() and len(hit) < len(peaks):
        for w in peaks:
            if start < dt.datetime.combine(day, w.end) and dt.datetime.combine(day, w.start) < end:
                hit.add(w)
        day += dt.timedelta(days=1)
    return tuple(w for w in peaks if w in hit)


def check_area(area: Area) -> str | None:
    """None if the area is usable, else the reason."""
    if len(area.street.strip()) < 2:
        return QT_TRANSLATE_NOOP("Messages", "Name the street or road (at least 2 characters).")
    if area.building_from is None and area.building_to is not None:
        return QT_TRANSLATE_NOOP("Messages", "Give the first building of the range.")
    if area.building_from is not None:
        to = area.building_to if area.building_to is not None else area.building_from
        if area.building_from < 1 or to < area.building_from:
            return QT_TRANSLATE_NOOP(
                "Messages", "The building range must run from a lower to a higher number."
            )
    return None


def building_number(address: str) -> int | None:
    m = BUILDING_RE.search(address)
    return int(m.group(1)) if m else None


def _squash(text: str) -> str:
    return "".join(text.split())


def address_in_area(address: str, area: Area) -> bool:
    addr = _squash(address)
    if not addr or _squash(area.street) not in addr:
        return False
    if area.community and _squash(area.community) not in addr:
        return False
    if area.building_from is None:
        return True
    number = building_number(addr)
    if number is None:
        return True
    to = area.building_to if area.building_to is not None else area.building_from
    return area.building_from <= number <= to
