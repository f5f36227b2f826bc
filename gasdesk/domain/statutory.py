"""The statutory days off that every year has (全国年节及纪念日放假办法, as amended in
2024, in force from 2025): what a deadline can count on in a year whose holiday
schedule (the State Council's yearly 节假日安排, with its bridge days and make-up
working days) is not known yet.

- 元旦 1 January; 劳动节 1-2 May; 国庆节 1-3 October;
- 春节 the lunar New Year's Eve (除夕) and the first three days of the first lunar month;
- 端午节 the 5th day of the 5th lunar month; 中秋节 the 15th day of the 8th lunar month
  (the lunar dates from the `borax` library, which knows 1900-2100);
- 清明节 the day of the solar term 清明 (from the `chinesecalendar` library, 1900-2100).

A year outside the libraries' range gets the fixed days only. The days the yearly
schedule adds around these (调休) cannot be known, so a term counted on them is an
estimate and is shown as one (预计).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from borax.calendars.lunardate import MAX_LUNAR_YEAR, MIN_LUNAR_YEAR, LunarDate
from chinese_calendar import get_solar_terms

FIXED: tuple[tuple[int, int, str], ...] = (
    (1, 1, "元旦"),
    (5, 1, "劳动节"),
    (5, 2, "劳动节"),
    (10, 1, "国庆节"),
    (10, 2, "国庆节"),
    (10, 3, "国庆节"),
)
QINGMING = "清明"


def _lunar_days(year: int) -> dict[dt.date, str]:
    if not MIN_LUNAR_YEAR < year < MAX_LUNAR_YEAR:
        return {}
    new_year: dt.date = LunarDate(year, 1, 1).to_solar_date()
    days = {new_year - dt.timedelta(days=1): "春节"}  # 除夕
    days.update({new_year + dt.timedelta(days=i): "春节" for i in range(3)})
    days[LunarDate(year, 5, 5).to_solar_date()] = "端午节"
    days[LunarDate(year, 8, 15).to_solar_date()] = "中秋节"
    return days


def _qingming(year: int) -> dict[dt.date, str]:
    try:
        terms = get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 30))
    except NotImplementedError:  # outside the library's years
        return {}
    return {day: "清明节" for day, name in terms if name == QINGMING}


@lru_cache(maxsize=32)
def statutory_days_off(year: int) -> dict[dt.date, str]:
    """The statutory days off of `year`, each with the name of its festival."""
    days = {dt.date(year, m, d): name for m, d, name in FIXED}
    days.update(_qingming(year))
    days.update(_lunar_days(year))
    return days
