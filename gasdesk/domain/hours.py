"""Business hours of a hall, e.g. '08:30-12:00,13:30-17:00', and whether it is open now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


class HallState(Enum):
    BEFORE_OPENING = "before_opening"
    OPEN = "open"
    LUNCH = "lunch"
    CLOSED = "closed"


@dataclass(frozen=True)
class Session:
    start: dt.time
    end: dt.time


def parse_hours(text: str) -> tuple[Session, ...]:
    """Parse '8:30-12:00, 13:30-17:00' into ordered sessions; raise ValueError if malformed."""
    sessions: list[Session] = []
    for part in text.replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            a, b = (s.strip() for s in part.split("-"))
            start = dt.datetime.strptime(a, "%H:%M").time()
            end = dt.datetime.strptime(b, "%H:%M").time()
        except ValueError as exc:
            raise ValueError(f"business hours '{part}' are not of the form 08:30-12:00") from exc
        if end <= start:
            raise ValueError(f"business hours '{part}' end before they start")
        if sessions and start < sessions[-1].end:
            raise ValueError(f"business hours '{part}' overlap the previous session")
        sessions.append(Session(start, end))
    if not sessions:
        raise ValueError("business hours are empty")
    return tuple(sessions)


def hall_state(sessions: tuple[Session, ...], now: dt.time) -> HallState:
    if now < sessions[0].start:
        return HallState.BEFORE_OPENING
    for s in sessions:
        if s.start <= now < s.end:
            return HallState.OPEN
    if now >= sessions[-1].end:
        return HallState.CLOSED
    return HallState.LUNCH
