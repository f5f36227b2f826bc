import datetime as dt
import re

import pytest

from gasdesk.domain import workdays
from gasdesk.domain.statutory import statutory_days_off
from gasdesk.domain.workdays import (
    HolidayCalendar,
    HolidayTableError,
    UnknownYearError,
    add_days_holidays_extend,
    add_working_days,
    parse_table,
)
from gasdesk.resources import resource_file

D = dt.date


def test_ordinary_week() -> None:
    assert add_working_days(D(2026, 3, 2), 3) == D(2026, 3, 5)  # Mon -> Thu
    assert add_working_days(D(2026, 3, 5), 3) == D(2026, 3, 10)  # Thu -> Tue over a weekend
    assert add_working_days(D(2026, 3, 7), 1) == D(2026, 3, 9)  # Saturday -> Monday
    assert add_working_days(D(2026, 3, 4), 0) == D(2026, 3, 4)


def test_national_day_2026_with_make_up_saturday() -> None:
    # 1-7 October off; Saturday 10 October is a make-up working day.
    assert add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert add_working_days(D(2026, 9, 30), 3) == D(2026, 10, 10)
    assert add_working_days(D(2026, 9, 30), 4) == D(2026, 10, 12)


def test_make_up_sunday_before_national_day() -> None:
    # Sunday 20 September 2026 is a working day.
    assert workdays.is_workday(D(2026, 9, 20))
    assert add_working_days(D(2026, 9, 18), 1) == D(2026, 9, 20)
    # and Mid-Autumn (25-27 September) is off
    assert add_working_days(D(2026, 9, 24), 1) == D(2026, 9, 28)


def test_spring_festival_2026() -> None:
    # 15-23 February off; Saturdays 14 and 28 February are working days.
    assert workdays.is_workday(D(2026, 2, 14))
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert add_working_days(D(2026, 2, 14), 1) == D(2026, 2, 24)
    assert add_working_days(D(2026, 2, 26), 2) == D(2026, 2, 28)


def test_spring_festival_2025() -> None:
    # 28 January - 4 February 2025 off; Sunday 26 January and Saturday 8 February worked.
    assert add_working_days(D(2025, 1, 24), 1) == D(2025, 1, 26)
    assert add_working_days(D(2025, 1, 27), 1) == D(2025, 2, 5)
    assert add_working_days(D(2025, 2, 7), 1) == D(2025, 2, 8)


def test_result_term_holidays_extend_the_week() -> None:
    # ordinary week: Monday -> next Monday
    assert add_days_holidays_extend(D(2026, 3, 2), 7) == D(2026, 3, 9)
    # received on the eve of National Day: the seven holiday days do not count
    assert add_days_holidays_extend(D(2026, 9, 30), 7) == D(2026, 10, 14)
    # a week landing on a Saturday moves to Monday
    assert add_days_holidays_extend(D(2026, 3, 7), 7) == D(2026, 3, 16)


def test_unknown_year_raises_a_warning_not_a_guess() -> None:
    with pytest.raises(UnknownYearError) as info:
        add_working_days(D(2026, 12, 30), 3)
    assert info.value.year == 2027
    assert "holidays.toml" in info.value.message


def test_statutory_days_off_of_a_year_without_a_schedule() -> None:
    days = statutory_days_off(2027)
    assert {d.isoformat(): name for d, name in days.items()} == {
        "2027-01-01": "元旦",
        "2027-02-05": "春节",  # 除夕
        "2027-02-06": "春节",  # 正月初一
        "2027-02-07": "春节",
        "2027-02-08": "春节",
        "2027-04-05": "清明节",
        "2027-05-01": "劳动节",
        "2027-05-02": "劳动节",
        "2027-06-09": "端午节",
        "2027-09-15": "中秋节",
        "2027-10-01": "国庆节",
        "2027-10-02": "国庆节",
        "2027-10-03": "国庆节",
    }


@pytest.mark.parametrize("year", [2025, 2026])
def test_statutory_days_are_days_off_in_the_published_schedules(year: int) -> None:
    """Under the rules in force since 2025, every statutory day computed here is a day
    off in the State Council's schedule that the library knows."""
    days = statutory_days_off(year)
    assert len(days) == 13
    assert [d for d in days if workdays.is_workday(d)] == []


def test_an_unknown_year_is_estimated_with_its_statutory_days_off() -> None:
    estimate = workdays.estimated_calendar()
    # received Wednesday 30 December 2026: 31 Dec worked, 1 January is 元旦 in every year
    assert estimate.add_working_days(D(2026, 12, 30), 3) == D(2027, 1, 5)
    assert not estimate.is_workday(D(2027, 1, 1))
    assert estimate.is_public_holiday(D(2027, 1, 1))
    # 春节 2027: 除夕 Friday 5 February to 初三 Monday 8 February
    assert estimate.add_working_days(D(2027, 2, 4), 1) == D(2027, 2, 9)
    assert estimate.add_days_holidays_extend(D(2027, 9, 30), 7) == D(2027, 10, 11)
    assert estimate.is_workday(D(2027, 3, 1)) and not estimate.is_workday(D(2027, 3, 6))
    # the plain calendar still refuses to guess, on a weekend day too
    with pytest.raises(UnknownYearError):
        workdays.default_calendar().is_workday(D(2027, 1, 2))


def test_table_extends_an_unknown_year() -> None:
    table = parse_table(
        {
            "year": [
                {"year": 2027, "holidays": ["2027-01-01..2027-01-03"], "workdays": ["2027-01-09"]}
            ]
        }
    )
    cal = HolidayCalendar(table)
    assert cal.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.is_workday(D(2027, 1, 9))  # a make-up Saturday
    assert not cal.is_workday(D(2027, 1, 10))
    with pytest.raises(UnknownYearError):
        cal.is_workday(D(2028, 1, 3))


def test_table_without_library_knows_only_its_years() -> None:
    cal = HolidayCalendar({}, use_library=False)
    with pytest.raises(UnknownYearError):
        cal.add_working_days(D(2026, 9, 30), 1)
    assert not cal.knows(2026)
    assert HolidayCalendar().knows(2026)


def test_documented_example_in_holidays_toml_matches_the_library() -> None:
    """The commented 2026 example in resources/holidays.toml is the real schedule: parsed
    as a table it agrees with chinesecalendar on every day of 2026."""
    text = resource_file("holidays.toml").read_text(encoding="utf-8")
    block = text[text.index("# [[year]]") :]
    lines = [re.sub(r"^# ?", "", line) for line in block.splitlines() if line.startswith("#")]
    example = "\n".join(line for line in lines if not line.startswith("2027"))
    import tomllib

    cal = HolidayCalendar(parse_table(tomllib.loads(example)))
    lib = HolidayCalendar({})
    day = D(2026, 1, 1)
    while day.year == 2026:
        assert cal.is_workday(day) == lib.is_workday(day), day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(
    "entry",
    [
        {"year": 2027, "holidays": ["2027-13-01"]},
        {"year": 2027, "holidays": ["2028-01-01"]},
        {"year": 2027, "holidays": ["2027-01-05..2027-01-01"]},
        {"year": 2027, "holidays": ["2027-01-02"], "workdays": ["2027-01-02"]},
        {"holidays": []},
    ],
)
def test_malformed_table_entries_are_named(entry: dict[str, object]) -> None:
    with pytest.raises(HolidayTableError):
        parse_table({"year": [entry]})


def test_shipped_table_loads() -> None:
    assert workdays.load_table(resource_file("holidays.toml")) == {}
