"""Home-visit appointment slots and punctuality (resources/appointments.toml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Slot:
    start: dt.time
    end: dt.time

    @property
    def code(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class VisitKind:
    code: str  # 'installation' | 'repair' | 'inspection' | ...
    label: str  # Chinese
    label_en: str
    capacity: int  # crews: bookings per slot


@dataclass(frozen=True)
class AppointmentConfig:
    slots: tuple[Slot, ...]
    kinds: tuple[VisitKind, ...]
    grace_minutes: int = 0  # an arrival this long after the slot ends still counts as on time

    def slot(self, code: str) -> Slot | None:
        return next((s for s in self.slots if s.code == code), None)

    def kind(self, code: str) -> VisitKind | None:
        return next((k for k in self.kinds if k.code == code), None)

    def kind_by_label(self, label: str) -> VisitKind | None:
        return next((k for k in self.kinds if label in (k.label, k.label_en, k.code)), None)


def _time(text: str) -> dt.time:
    return dt.datetime.strptime(text.strip(), "%H:%M").time()


def parse_config(data: dict[str, Any]) -> AppointmentConfig:
    """Parse appointments.toml; raise ValueError naming the problem."""
    slots: list[Slot] = []
    for text in data.get("slots", []):
        try:
            a, b = str(text).split("-")
            slot = Slot(_time(a), _time(b))
        except ValueError:
            raise ValueError(f"appointments.toml: slot {text!r} is not like 08:30-10:30") from None
        if slot.end <= slot.start:
            raise ValueError(f"appointments.toml: slot {text!r} ends before it starts")
        slots.append(slot)
    if not slots:
        raise ValueError("appointments.toml: no slots")
    kinds: list[VisitKind] = []
    for raw in data.get("kind", []):
        try:
            kinds.append(
                VisitKind(
                    code=str(raw["code"]),
                    label=str(raw["label"]),
                    label_en=str(raw.get("label_en", raw["code"])),
                    capacity=int(raw.get("capacity", 1)),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise ValueError(
                f"appointments.toml: kind {raw!r} needs code, label and a whole-number capacity"
            ) from None
    if not kinds or any(k.capacity < 1 for k in kinds):
        raise ValueError("appointments.toml: every kind needs a capacity of at least 1")
    return AppointmentConfig(tuple(slots), tuple(kinds), int(data.get("grace_minutes", 0)))


def parse_timeslot(text: str) -> tuple[dt.date, str] | None:
    """'2026-10-12 08:30-10:30' -> (date, '08:30-10:30'); None if it is not of that shape."""
    parts = text.strip().split()
    if len(parts) != 2:
        return None
    try:
        day = dt.date.fromisoformat(parts[0])
        a, b = parts[1].split("-")
        slot = Slot(_time(a), _time(b))
    except ValueError:
        return None
    return day, slot.code


def format_timeslot(day: dt.date, slot_code: str) -> str:
    return f"{day.isoformat()} {slot_code}"


def slot_has_ended(day: dt.date, slot_code: str, now: dt.datetime) -> bool:
    """Whether the slot `slot_code` ('08:30-10:30') of `day` is over at `now`: a visit can
    no longer be promised in it. A slot under way has not ended (the crew can still come)."""
    end = dt.datetime.strptime(slot_code.split("-")[1].strip(), "%H:%M").time()
    return dt.datetime.combine(day, end) <= now


def is_punctual(day: dt.date, slot: Slot, arrived_at: dt.datetime, grace_minutes: int = 0) -> bool:
    """On time means arriving on the booked day no later than the slot's end (plus grace).
    Arriving early is punctual: the customer is told the window, not a minute."""
    latest = dt.datetime.combine(day, slot.end) + dt.timedelta(minutes=grace_minutes)
    return arrived_at.date() == day and arrived_at <= latest
