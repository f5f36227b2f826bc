"""Working days in mainland China: public holidays and their make-up working days
(调休, weekend days that are working days).

Two sources, in this order:
1. resources/holidays.toml, a table a supervisor extends for years the library does not
   know yet (and may use to correct a year it does know);
2. the chinesecalendar library (module `chinese_calendar`), which knows the State
   Council's schedules for 2004-2026 in the version pinned by setup.cfg.

A date in a year neither source knows raises UnknownYearError. A caller that must still
give a term asks `estimated_calendar()`, which counts such a year Monday to Friday
with its statutory days off (gasdesk.domain.statutory: 元旦, 春节, 清明, 劳动节, 端午,
中秋, 国庆) not worked, and shows the result as an estimate (预计) with the warning.

Complaint terms (service code, section 8: "三日内(节假日顺延)给予答复，处理结果一周内给予反馈"):
- the reply is due `add_working_days(received, 3)`;
- the result is due one week later with holidays extending the term
  (`add_days_holidays_extend(received, 7)`): seven calendar days are counted from the
  day after receipt, a public-holiday day off does not count, and a due date that lands
  on a day off moves to the next working day. Ordinary weekends count as days, since
  "a week" is a calendar term; only holidays extend it. Counting seven *working* days
  instead would make an ordinary week's term nine calendar days; counting plain calendar
  days would put the result before the reply over National Day.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import chinese_calendar

from gasdesk.domain.statutory import statutory_days_off
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

ONE_DAY = dt.timedelta(days=1)


class UnknownYearError(UserError, LookupError):
    """No holiday schedule is known for a year. `.year` says which; the message is for people."""

    def __init__(self, year: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The public holidays of {year} are not known yet. Add the official {year} schedule "
                "to resources/holidays.toml; until then deadlines are estimates that count "
                "Monday to Friday without the statutory holidays.",
            ),
            year=year,
        )
        self.year = year


class HolidayTableError(ValueError):
    """resources/holidays.toml is malformed; the message names the entry."""


@dataclass(frozen=True)
class YearTable:
    """One year of the extendable table: days off inside holiday periods and make-up workdays."""

    year: int
    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    workdays: frozenset[dt.date] = field(default_factory=frozenset)


def _dates(items: Iterable[object], where: str) -> set[dt.date]:
    out: set[dt.date] = set()
    for item in items:
        if isinstance(item, dt.date):
            out.add(item)
            continue
        if not isinstance(item, str):
            raise HolidayTableError(
                f"{where}: {item!r} is not a date or 'YYYY-MM-DD..YYYY-MM-DD' range"
            )
        try:
            if ".." in item:
                a, b = (dt.date.fromisoformat(p.strip()) for p in item.split("..", 1))
                if b < a:
                    raise HolidayTableError(f"{where}: the range {item} ends before it starts")
                while a <= b:
                    out.add(a)
                    a += ONE_DAY
            else:
                out.add(dt.date.fromisoformat(item.strip()))
        except ValueError as exc:
            if isinstance(exc, HolidayTableError):
                raise
            raise HolidayTableError(f"{where}: {item!r} is not a date (YYYY-MM-DD)") from exc
    return out


def parse_table(data: dict[str, object]) -> dict[int, YearTable]:
    """Parse the [[year]] entries of holidays.toml (see the file for the format)."""
    years: dict[int, YearTable] = {}
    entries = data.get("year", [])
    if not isinstance(entries, list):
        raise HolidayTableError("holidays.toml: 'year' must be a list of [[year]] tables")
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("year"), int):
            raise HolidayTableError("holidays.toml: every [[year]] needs year = YYYY")
        year = int(entry["year"])
        where = f"holidays.toml, year {year}"
        off = _dates(entry.get("holidays", []), where)
        work = _dates(entry.get("workdays", []), where)
        for d in off | work:
            if d.year != year:
                raise HolidayTableError(f"{where}: {d.isoformat()} is not in {year}")
        both = off & work
        if both:
            raise HolidayTableError(
                f"{where}: {min(both).isoformat()} is both a holiday and a workday"
            )
        if year in years:
            raise HolidayTableError(f"holidays.toml: year {year} appears twice")
        years[year] = YearTable(year, frozenset(off), frozenset(work))
    return years


class HolidayCalendar:
    """Answers 'is this a working day?' from the table first, then the library. With
    `estimate_unknown`, a year neither knows is estimated instead of refused: Monday to
    Friday are working days except the statutory days off, which are public holidays."""

    def __init__(
        self,
        table: dict[int, YearTable] | None = None,
        *,
        use_library: bool = True,
        estimate_unknown: bool = False,
    ) -> None:
        self.table = dict(table or {})
        self.use_library = use_library
        self.estimate_unknown = estimate_unknown

    def estimated(self) -> HolidayCalendar:
        """The same calendar, estimating the years it does not know."""
        return HolidayCalendar(self.table, use_library=self.use_library, estimate_unknown=True)

    def _unknown(self, year: int) -> Mapping[dt.date, str]:
        """The days off to assume in an unknown year, or UnknownYearError."""
        if not self.estimate_unknown:
            raise UnknownYearError(year)
        return statutory_days_off(year)

    def knows(self, year: int) -> bool:
        if year in self.table:
            return True
        if not self.use_library:
            return False
        try:
            chinese_calendar.is_workday(dt.date(year, 1, 1))
        except NotImplementedError:
            return False
        return True

    def is_workday(self, day: dt.date) -> bool:
        entry = self.table.get(day.year)
        if entry is not None:
            if day in entry.workdays:
                return True
            if day in entry.holidays:
                return False
            return day.weekday() < 5
        if self.use_library:
            try:
                return bool(chinese_calendar.is_workday(day))
            except NotImplementedError:
                pass
        days_off = self._unknown(day.year)
        return day.weekday() < 5 and day not in days_off

    def is_public_holiday(self, day: dt.date) -> bool:
        """A day off inside a statutory holiday period (weekend days inside it included)."""
        entry = self.table.get(day.year)
        if entry is not None:
            return day in entry.holidays
        if self.use_library:
            try:
                return bool(chinese_calendar.is_holiday(day)) and day in chinese_calendar.holidays
            except NotImplementedError:
                pass
        return day in self._unknown(day.year)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        if n < 0:
            raise ValueError("n must be zero or more working days")
        day = start
        while n > 0:
            day += ONE_DAY
            if self.is_workday(day):
                n -= 1
        return day

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself if it is a working day, otherwise the next one."""
        while not self.is_workday(day):
            day += ONE_DAY
        return day

    def add_days_holidays_extend(self, start: dt.date, n: int) -> dt.date:
        """n calendar days after `start`, public-holiday days not counted; the result is a working day."""
        if n < 0:
            raise ValueError("n must be zero or more days")
        day = start
        while n > 0:
            day += ONE_DAY
            if not self.is_public_holiday(day):
                n -= 1
        return self.next_working_day(day)


def load_table(path: Path) -> dict[int, YearTable]:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise HolidayTableError(f"{path.name}: not valid TOML ({exc})") from exc
    return parse_table(data)


@lru_cache(maxsize=1)
def default_calendar() -> HolidayCalendar:
    """The calendar of the shipped resources/holidays.toml plus the library."""
    from gasdesk.resources import resource_path

    with resource_path("holidays.toml") as path:
        return HolidayCalendar(load_table(path))


@lru_cache(maxsize=1)
def estimated_calendar() -> HolidayCalendar:
    """default_calendar() estimating the years it does not know (see HolidayCalendar)."""
    return default_calendar().estimated()


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date n working days after `start` (n=0 returns `start`); raises UnknownYearError
    when a day on the way lies in a year whose holidays are not known."""
    return default_calendar().add_working_days(start, n)


def add_days_holidays_extend(start: dt.date, n: int) -> dt.date:
    """n days after `start` with public holidays extending the term (see module docstring)."""
    return default_calendar().add_days_holidays_extend(start, n)


def is_workday(day: dt.date) -> bool:
    return default_calendar().is_workday(day)
