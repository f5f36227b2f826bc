"""Meter readings: volume between readings, what deserves a question, monthly use,
and checking a reading a customer reports at the counter.

Values are integer litres (1 m³ = 1000 L), as stored.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

LITRES_PER_M3 = 1000

# A month's volume is "far above" the same month last year when it is at least
# HIGH_RATIO times as much AND at least HIGH_MIN_EXCESS_L more (so 1 m³ -> 3 m³ in
# summer is not a question).
HIGH_RATIO = 2
HIGH_MIN_EXCESS_L = 10_000
# Estimated readings from the second one in a row on are flagged.
ESTIMATED_RUN_MIN = 2
# A first reading on a meter counts from the meter's initial value when the meter
# was installed within this many days before it (otherwise the start is unknown).
NEW_METER_DAYS = 92

# A reported reading is implausible (a warning, not a refusal) when the volume since
# the previous reading exceeds JUMP_RATIO times what this account usually uses in
# that many days and exceeds it by JUMP_MIN_EXCESS_L; without history, when it is
# more than NO_HISTORY_DAILY_L a day.
JUMP_RATIO = 3
JUMP_MIN_EXCESS_L = 30_000
NO_HISTORY_DAILY_L = 10_000
MAX_READING_L = 10**10  # ten million m³: more digits than any gas meter has
MAX_DECIMALS = 3


class Source(StrEnum):
    READER = "reader"  # the meter reader's visit
    COUNTER = "counter"  # reported by the customer at the counter
    ESTIMATED = "estimated"
    BUSINESS = "business"  # taken for a business (过户, 用气类型变更, 换表, 销户)
    REMOTE = "remote"  # sent by a remote-reading meter's platform (远传)


class Flag(StrEnum):
    HIGH_VS_LAST_YEAR = "high_vs_last_year"
    ESTIMATED_RUN = "estimated_run"
    LOWER_THAN_PREVIOUS = "lower_than_previous"
    METER_CHANGE = "meter_change"


# What deserves a question. A meter change (换表) is said beside the reading, but it is a
# fact of the account, not something wrong with the reading: the first reading of a new
# meter counts from its initial value, so its volume is as sound as any other.
ANOMALIES = frozenset({Flag.HIGH_VS_LAST_YEAR, Flag.ESTIMATED_RUN, Flag.LOWER_THAN_PREVIOUS})


@dataclass(frozen=True)
class ReadingPoint:
    """One stored reading, with what is needed to place it."""

    id: int
    read_on: dt.date
    value_l: int
    source: str
    meter_id: int
    meter_number: str = ""
    meter_initial_l: int = 0
    meter_installed_on: dt.date | None = None


@dataclass(frozen=True)
class ReadingRow:
    point: ReadingPoint
    volume_l: int | None  # since the previous reading; None when unknown
    flags: frozenset[Flag] = field(default_factory=frozenset)
    last_year_volume_l: int | None = None  # same month a year earlier, when known
    estimated_in_row: int = 0  # how many estimated readings end here (0 if not estimated)

    @property
    def read_on(self) -> dt.date:
        return self.point.read_on

    @property
    def value_l(self) -> int:
        return self.point.value_l

    @property
    def source(self) -> str:
        return self.point.source


def _start_volume(p: ReadingPoint, previous_any: ReadingPoint | None) -> int | None:
    """Volume of the first reading on a meter, counted from the meter's initial value,
    when the meter is known to have been installed after the previous reading."""
    installed = p.meter_installed_on
    if installed is None:
        return p.value_l - p.meter_initial_l if previous_any is not None else None
    if previous_any is not None and installed >= previous_any.read_on:
        return p.value_l - p.meter_initial_l
    if previous_any is None and (p.read_on - installed).days <= NEW_METER_DAYS:
        return p.value_l - p.meter_initial_l
    return None


def annotate(points: Sequence[ReadingPoint]) -> list[ReadingRow]:
    """Rows in date order with the volume since the previous reading and the flags."""
    ordered = sorted(points, key=lambda p: (p.read_on, p.id))
    last_on_meter: dict[int, ReadingPoint] = {}
    first: list[tuple[ReadingPoint, int | None, set[Flag], int]] = []
    previous_any: ReadingPoint | None = None
    run = 0
    for p in ordered:
        flags: set[Flag] = set()
        before = last_on_meter.get(p.meter_id)
        if before is None:
            volume = _start_volume(p, previous_any)
            if previous_any is not None and previous_any.meter_id != p.meter_id:
                flags.add(Flag.METER_CHANGE)
        else:
            volume = p.value_l - before.value_l
            if volume < 0:
                flags.add(Flag.LOWER_THAN_PREVIOUS)
        run = run + 1 if p.source == Source.ESTIMATED.value else 0
        if run >= ESTIMATED_RUN_MIN:
            flags.add(Flag.ESTIMATED_RUN)
        first.append((p, volume, flags, run))
        last_on_meter[p.meter_id] = p
        previous_any = p
    by_month: dict[tuple[int, int], int] = {}
    for p, volume, _, _ in first:
        if volume is not None:
            key = (p.read_on.year, p.read_on.month)
            by_month[key] = by_month.get(key, 0) + volume
    rows: list[ReadingRow] = []
    for p, volume, flags, run in first:
        last_year = by_month.get((p.read_on.year - 1, p.read_on.month))
        if is_far_above(volume, last_year):
            flags.add(Flag.HIGH_VS_LAST_YEAR)
        rows.append(ReadingRow(p, volume, frozenset(flags), last_year, run))
    return rows


def is_far_above(volume_l: int | None, last_year_l: int | None) -> bool:
    if volume_l is None or last_year_l is None or last_year_l < 0:
        return False
    return volume_l >= HIGH_RATIO * last_year_l and volume_l - last_year_l >= HIGH_MIN_EXCESS_L


def monthly_usage(rows: Sequence[ReadingRow], year: int) -> list[int]:
    """Litres used in each month of `year` (by reading date); a month whose readings
    net out below zero (a misread corrected later) counts as zero."""
    months = [0] * 12
    for r in rows:
        if r.volume_l is not None and r.read_on.year == year:
            months[r.read_on.month - 1] += r.volume_l
    return [max(0, v) for v in months]


# ---- a reading reported at the counter -------------------------------------------


class ReadingProblem(StrEnum):
    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    TOO_MANY_DECIMALS = "too_many_decimals"
    TOO_LARGE = "too_large"
    BELOW_PREVIOUS = "below_previous"
    NO_METER = "no_meter"
    IN_FUTURE = "in_future"
    BEFORE_PREVIOUS_DATE = "before_previous_date"


# QT_TRANSLATE_NOOP by its own name: lupdate finds only that name, not an alias.
REFUSALS: dict[ReadingProblem, str] = {
    ReadingProblem.EMPTY: QT_TRANSLATE_NOOP("Messages", "Enter the reading shown on the meter."),
    ReadingProblem.NOT_A_NUMBER: QT_TRANSLATE_NOOP(
        "Messages", "The reading must be a number of m³, such as 1234.567."
    ),
    ReadingProblem.TOO_MANY_DECIMALS: QT_TRANSLATE_NOOP(
        "Messages", "A reading has at most 3 decimals (the third is litres)."
    ),
    ReadingProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "Messages", "The reading has more digits than a gas meter shows."
    ),
    ReadingProblem.BELOW_PREVIOUS: QT_TRANSLATE_NOOP(
        "Messages",
        "The reading is below the previous reading of this meter ({previous} m³ on {previous_on}).",
    ),
    ReadingProblem.NO_METER: QT_TRANSLATE_NOOP("Messages", "This account has no meter in service."),
    ReadingProblem.IN_FUTURE: QT_TRANSLATE_NOOP(
        "Messages", "A reading cannot be dated in the future."
    ),
    ReadingProblem.BEFORE_PREVIOUS_DATE: QT_TRANSLATE_NOOP(
        "Messages", "The meter already has a reading dated {previous_on}."
    ),
}


class ReadingRefused(UserError):
    """A reported reading that cannot be recorded; nothing was written. `problem`
    says why (for code), the message says it to the teller."""

    def __init__(self, problem: ReadingProblem, **params: Any) -> None:
        self.problem = problem
        super().__init__(REFUSALS[problem], **params)


_NUMBER = re.compile(r"(\d+)(?:\.(\d*))?")
_UNITS = ("立方米", "立方", "方", "m3", "m³", "㎥")


def parse_reading(text: object) -> int:
    """'1234.567' (m³) -> 1234567 litres. Full-width digits are accepted, as is a unit
    after the number; signs, exponents, separators and a fourth decimal are not."""
    if not isinstance(text, str):
        raise ReadingRefused(ReadingProblem.NOT_A_NUMBER)
    s = unicodedata.normalize("NFKC", text[:64]).strip().lower()
    s = s.replace("m³", "m3")
    for unit in _UNITS:
        if s.endswith(unit):
            s = s[: -len(unit)].rstrip()
            break
    if not s:
        raise ReadingRefused(ReadingProblem.EMPTY)
    m = _NUMBER.fullmatch(s)
    if m is None or not s.isascii():
        raise ReadingRefused(ReadingProblem.NOT_A_NUMBER)
    whole, decimals = m.group(1), m.group(2) or ""
    if len(decimals) > MAX_DECIMALS:
        raise ReadingRefused(ReadingProblem.TOO_MANY_DECIMALS)
    if len(whole.lstrip("0")) > 10:
        raise ReadingRefused(ReadingProblem.TOO_LARGE)
    litres = int(whole) * LITRES_PER_M3 + int(decimals.ljust(MAX_DECIMALS, "0"))
    if litres >= MAX_READING_L:
        raise ReadingRefused(ReadingProblem.TOO_LARGE)
    return litres


def format_m3(litres: int) -> str:
    """1234567 -> '1234.567' (m³ with litres as decimals); exact, no float."""
    sign = "-" if litres < 0 else ""
    whole, rest = divmod(abs(litres), LITRES_PER_M3)
    return f"{sign}{whole}.{rest:03d}"


def whole_m3(litres: int) -> int:
    """Litres to whole m³, half up (for charts and summaries)."""
    sign = -1 if litres < 0 else 1
    return sign * ((abs(litres) + LITRES_PER_M3 // 2) // LITRES_PER_M3)


@dataclass(frozen=True)
class Baseline:
    """What a new reading on the current meter is compared with."""

    value_l: int  # the previous reading, or the meter's initial value
    on: dt.date  # its date (the installation date for a new meter)
    daily_l: int | None  # the account's usual use per day, if it has a history


@dataclass(frozen=True)
class ReportCheck:
    value_l: int
    volume_l: int
    implausible: bool
    expected_l: int | None  # what the usual use predicts for the days since the baseline


def usual_daily_use(rows: Sequence[ReadingRow], until: dt.date, days: int = 365) -> int | None:
    """Average litres a day over (at most) the last `days` before `until`, from the
    readings whose volume is known; None with fewer than two readings to go by."""
    since = until - dt.timedelta(days=days)
    usable = [r for r in rows if r.read_on <= until]
    before = [r for r in usable if r.read_on <= since]
    window = [r for r in usable if r.read_on > since]
    if before:
        start = before[-1].read_on
        counted = window
    elif len(window) >= 2:
        start = window[0].read_on  # its own volume covers time before the window
        counted = window[1:]
    else:
        return None
    if not counted or any(r.volume_l is None for r in counted):
        return None
    span = (counted[-1].read_on - start).days
    if span <= 0:
        return None
    # A misread and its correction net out, so the volumes are summed as they are.
    total = max(0, sum(r.volume_l or 0 for r in counted))
    return total // span


def check_reported(value_l: int, on: dt.date, today: dt.date, baseline: Baseline) -> ReportCheck:
    """Refuse a reading below the baseline or dated wrongly; mark an implausible jump."""
    if on > today:
        raise ReadingRefused(ReadingProblem.IN_FUTURE)
    if on < baseline.on:
        raise ReadingRefused(
            ReadingProblem.BEFORE_PREVIOUS_DATE, previous_on=baseline.on.isoformat()
        )
    volume = value_l - baseline.value_l
    if volume < 0:
        raise ReadingRefused(
            ReadingProblem.BELOW_PREVIOUS,
            previous=format_m3(baseline.value_l),
            previous_on=baseline.on.isoformat(),
        )
    days = max(1, (on - baseline.on).days)
    if baseline.daily_l is None:
        return ReportCheck(value_l, volume, volume > NO_HISTORY_DAILY_L * days, None)
    expected = baseline.daily_l * days
    implausible = volume > JUMP_RATIO * expected and volume - expected > JUMP_MIN_EXCESS_L
    return ReportCheck(value_l, volume, implausible, expected)


class ImplausibleReading(UserError):
    """The reported reading is far above the account's usual use: the teller confirms
    it with the customer before it is recorded (nothing was written yet)."""

    def __init__(self, check: ReportCheck) -> None:
        self.check = check
        volume = whole_m3(check.volume_l)
        if check.expected_l is None:
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{volume} m³ since the previous reading is a lot for that time."
                    " Check the reading with the customer.",
                ),
                volume=volume,
            )
        else:
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "{volume} m³ since the previous reading, where this account usually uses"
                    " about {expected} m³ in that time. Check the reading with the customer.",
                ),
                volume=volume,
                expected=whole_m3(check.expected_l),
            )


@dataclass(frozen=True)
class RecordedReading:
    id: int
    account_id: int
    meter_number: str
    read_on: dt.date
    value_l: int
    volume_l: int
    implausible: bool
