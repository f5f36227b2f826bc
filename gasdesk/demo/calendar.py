"""Time in the demo history: the 24 months it covers, the heating season's share
of a year's gas, and the days the halls are open."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

MONTHS = 24

# Share of a household's annual gas by calendar month (Jan..Dec). Zibo heats from
# mid-November to mid-March; gas wall heaters and hot water make winter months two
# to four times a summer month.
SEASON: tuple[float, ...] = (
    0.160,
    0.135,
    0.100,
    0.065,
    0.048,
    0.040,
    0.036,
    0.036,
    0.042,
    0.058,
    0.112,
    0.168,
)
HEATING_MONTHS = (11, 12, 1, 2, 3)
SUMMER_MONTHS = (6, 7, 8)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def window(today: dt.date) -> list[tuple[int, int]]:
    """The 24 complete calendar months before the month of `today`, oldest first."""
    return [add_months(today.year, today.month, n) for n in range(-MONTHS, 0)]


@lru_cache(maxsize=8192)
def is_business_day(day: dt.date) -> bool:
    """Working days by the State Council's holiday schedule where it is published
    (chinesecalendar), Monday to Friday otherwise."""
    try:
        import chinese_calendar

        return bool(chinese_calendar.is_workday(day))
    except (NotImplementedError, ImportError):
        return day.weekday() < 5


def business_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Business days from start to end inclusive."""
    days: list[dt.date] = []
    day = start
    while day <= end:
        if is_business_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


class Timeline:
    """Precomputed days of the demo history, indexed by days since its first day.

    Month index 0..23 are the history's complete months; index 24 is the current
    month, in which only counter events before today happen."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.months = [*window(today), (today.year, today.month)]
        self.first = dt.date(*self.months[0], 1)
        self.first_ord = self.first.toordinal()
        self.today_offset = today.toordinal() - self.first_ord
        self.month_start: list[int] = []  # offset of each month's first day
        self.month_days: list[int] = []
        for year, month in self.months:
            first_day = dt.date(year, month, 1)
            ny, nm = add_months(year, month, 1)
            self.month_start.append(first_day.toordinal() - self.first_ord)
            self.month_days.append((dt.date(ny, nm, 1) - first_day).days)
        days = self.today_offset + 1
        self.dates = [dt.date.fromordinal(self.first_ord + i) for i in range(days)]
        self.day_str = [d.isoformat() for d in self.dates]
        self.year_of = [d.year for d in self.dates]
        self.month_of = [0] * days
        for index, start in enumerate(self.month_start):
            for offset in range(start, min(days, start + self.month_days[index])):
                self.month_of[offset] = index
        # The first business day on or after each day, if it is before today; else -1.
        self.next_business = [-1] * days
        following = -1
        for offset in range(days - 1, -1, -1):
            if offset < self.today_offset and is_business_day(self.dates[offset]):
                following = offset
            self.next_business[offset] = following

    def offset(self, day: dt.date) -> int:
        return day.toordinal() - self.first_ord


# Opening hours of the halls, second by second: '08:30:00' .. '11:59:59', '13:30:00' ..
COUNTER_TIMES: tuple[str, ...] = tuple(
    f"{minute // 60:02d}:{minute % 60:02d}:{second:02d}"
    for minute in (*range(8 * 60 + 30, 12 * 60), *range(13 * 60 + 30, 17 * 60))
    for second in range(60)
)


def stamps(timeline: Timeline, clock: str) -> list[str]:
    """'YYYY-MM-DD <clock>' for every day of the history (and today)."""
    return [f"{day} {clock}" for day in timeline.day_str]
