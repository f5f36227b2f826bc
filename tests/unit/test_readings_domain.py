"""Volumes, flags, monthly use and reported-reading checks (pure)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.readings import (
    Baseline,
    Flag,
    ReadingPoint,
    ReadingProblem,
    ReadingRefused,
    annotate,
    check_reported,
    format_m3,
    monthly_usage,
    parse_reading,
    usual_daily_use,
    whole_m3,
)

OLD, NEW = 1, 2
INSTALLED_OLD = dt.date(2015, 1, 1)


def point(
    i: int, on: dt.date, value: int, source: str = "reader", meter: int = OLD
) -> ReadingPoint:
    installed = INSTALLED_OLD if meter == OLD else dt.date(2025, 11, 1)
    return ReadingPoint(i, on, value, source, meter, f"M{meter}", 0, installed)


def monthly(values: list[tuple[int, int, int]], source: str = "reader") -> list[ReadingPoint]:
    """(year, month, value) -> points on the 15th."""
    return [point(i, dt.date(y, m, 15), v, source) for i, (y, m, v) in enumerate(values, 1)]


def flags_by_date(rows) -> dict[dt.date, set[Flag]]:  # type: ignore[no-untyped-def]
    return {r.read_on: set(r.flags) for r in rows}


def test_volume_is_the_difference_from_the_previous_reading_on_the_meter() -> None:
    rows = annotate(monthly([(2025, 1, 1000_000), (2025, 2, 1018_500), (2025, 3, 1030_000)]))
    assert [r.volume_l for r in rows] == [None, 18_500, 11_500]
    assert all(not r.flags for r in rows)


def test_far_above_the_same_month_last_year_is_flagged() -> None:
    pts = monthly([(2023, 12, 0), (2024, 1, 20_000), (2024, 12, 200_000), (2025, 1, 260_000)])
    rows = annotate(pts)
    assert rows[-1].volume_l == 60_000
    assert rows[-1].last_year_volume_l == 20_000
    assert Flag.HIGH_VS_LAST_YEAR in rows[-1].flags


def test_a_small_rise_or_a_small_absolute_excess_is_not_flagged() -> None:
    # 20 -> 35 m³: less than double
    rows = annotate(
        monthly([(2023, 12, 0), (2024, 1, 20_000), (2024, 12, 200_000), (2025, 1, 235_000)])
    )
    assert Flag.HIGH_VS_LAST_YEAR not in rows[-1].flags
    # 2 -> 6 m³ in summer: triple, but only 4 m³ more
    rows = annotate(
        monthly([(2023, 12, 0), (2024, 1, 2_000), (2024, 12, 100_000), (2025, 1, 106_000)])
    )
    assert Flag.HIGH_VS_LAST_YEAR not in rows[-1].flags


def test_estimated_readings_in_a_row_are_flagged_from_the_second_on() -> None:
    pts = [
        point(1, dt.date(2025, 4, 15), 100_000),
        point(2, dt.date(2025, 5, 15), 108_000, "estimated"),
        point(3, dt.date(2025, 6, 15), 114_000, "estimated"),
        point(4, dt.date(2025, 7, 15), 119_000, "estimated"),
        point(5, dt.date(2025, 8, 15), 124_000),
        point(6, dt.date(2025, 9, 15), 130_000, "estimated"),
    ]
    rows = annotate(pts)
    assert [Flag.ESTIMATED_RUN in r.flags for r in rows] == [False, False, True, True, False, False]
    assert [r.estimated_in_row for r in rows] == [0, 1, 2, 3, 0, 1]


def test_a_reading_lower_than_the_previous_is_flagged_with_a_negative_volume() -> None:
    rows = annotate(monthly([(2025, 8, 150_000), (2025, 9, 146_000), (2025, 10, 165_000)]))
    assert rows[1].volume_l == -4_000
    assert Flag.LOWER_THAN_PREVIOUS in rows[1].flags
    assert Flag.LOWER_THAN_PREVIOUS not in rows[2].flags


def test_a_meter_change_starts_from_the_new_meters_initial_value() -> None:
    pts = [
        point(1, dt.date(2025, 9, 15), 1_500_000),
        point(2, dt.date(2025, 10, 15), 1_509_000),
        point(3, dt.date(2025, 11, 15), 7_000, meter=NEW),
        point(4, dt.date(2025, 12, 15), 26_000, meter=NEW),
    ]
    rows = annotate(pts)
    assert Flag.METER_CHANGE in rows[2].flags
    assert Flag.LOWER_THAN_PREVIOUS not in rows[2].flags
    assert rows[2].volume_l == 7_000
    assert rows[3].volume_l == 19_000
    assert not rows[3].flags


def test_first_reading_of_an_old_meter_has_no_known_volume() -> None:
    rows = annotate([point(1, dt.date(2024, 1, 15), 1_000_000)])
    assert rows[0].volume_l is None


def test_first_reading_of_a_newly_installed_meter_counts_from_its_initial_value() -> None:
    p = ReadingPoint(
        1, dt.date(2025, 12, 15), 9_000, "reader", NEW, "M2", 1_000, dt.date(2025, 11, 20)
    )
    assert annotate([p])[0].volume_l == 8_000


def test_monthly_usage_by_reading_month_and_never_negative() -> None:
    rows = annotate(
        monthly([(2024, 12, 0), (2025, 1, 20_000), (2025, 2, 15_000), (2025, 3, 30_000)])
    )
    usage = monthly_usage(rows, 2025)
    assert usage[:3] == [20_000, 0, 15_000]
    assert usage[3:] == [0] * 9
    assert monthly_usage(rows, 2024) == [0] * 12


@pytest.mark.parametrize(
    ("text", "litres"),
    [
        ("1234", 1_234_000),
        ("1234.5", 1_234_500),
        ("1234.567", 1_234_567),
        ("0.001", 1),
        ("１２３４.５６７", 1_234_567),
        (" 88.8 m³ ", 88_800),
        ("88.8方", 88_800),
        ("007", 7_000),
    ],
)
def test_reported_values_parse_to_exact_litres(text: str, litres: int) -> None:
    assert parse_reading(text) == litres


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", ReadingProblem.EMPTY),
        ("  m³", ReadingProblem.EMPTY),
        ("abc", ReadingProblem.NOT_A_NUMBER),
        ("-12", ReadingProblem.NOT_A_NUMBER),
        ("1e3", ReadingProblem.NOT_A_NUMBER),
        ("1,234", ReadingProblem.NOT_A_NUMBER),
        ("NaN", ReadingProblem.NOT_A_NUMBER),
        ("12.3456", ReadingProblem.TOO_MANY_DECIMALS),
        ("123456789012", ReadingProblem.TOO_LARGE),
    ],
)
def test_bad_reported_values_are_refused_with_a_reason(text: str, problem: ReadingProblem) -> None:
    with pytest.raises(ReadingRefused) as caught:
        parse_reading(text)
    assert caught.value.problem is problem
    assert caught.value.message


@given(st.integers(min_value=0, max_value=10**9))
def test_format_and_parse_round_trip(litres: int) -> None:
    assert parse_reading(format_m3(litres)) == litres


@given(st.text(max_size=80))
def test_any_text_parses_or_is_refused(text: str) -> None:
    try:
        litres = parse_reading(text)
    except ReadingRefused as refused:
        assert refused.message
    else:
        assert litres >= 0


def test_whole_m3_rounds_half_up() -> None:
    assert [whole_m3(v) for v in (0, 499, 500, 1499, 1500)] == [0, 0, 1, 1, 2]


BASE = Baseline(value_l=100_000, on=dt.date(2026, 2, 15), daily_l=500)
TODAY = dt.date(2026, 3, 17)  # 30 days after the baseline: about 15 m³ expected


def test_reported_reading_below_the_previous_is_refused() -> None:
    with pytest.raises(ReadingRefused) as caught:
        check_reported(99_999, TODAY, TODAY, BASE)
    assert caught.value.problem is ReadingProblem.BELOW_PREVIOUS
    assert "100.000" in caught.value.message


def test_reported_reading_in_line_with_usual_use_is_plausible() -> None:
    check = check_reported(118_000, TODAY, TODAY, BASE)
    assert (check.volume_l, check.implausible, check.expected_l) == (18_000, False, 15_000)


def test_implausible_jump_is_marked_not_refused() -> None:
    check = check_reported(190_000, TODAY, TODAY, BASE)
    assert check.implausible and check.volume_l == 90_000


def test_future_or_backdated_readings_are_refused() -> None:
    with pytest.raises(ReadingRefused):
        check_reported(120_000, TODAY + dt.timedelta(days=1), TODAY, BASE)
    with pytest.raises(ReadingRefused):
        check_reported(120_000, dt.date(2026, 2, 1), TODAY, BASE)


def test_without_history_only_an_extreme_volume_is_implausible() -> None:
    base = Baseline(value_l=0, on=dt.date(2026, 3, 7), daily_l=None)
    assert not check_reported(30_000, TODAY, TODAY, base).implausible
    assert check_reported(150_000, TODAY, TODAY, base).implausible


def test_usual_daily_use_over_the_last_year() -> None:
    values = [(2025, m, 1_000_000 + 15_000 * (m - 1)) for m in range(1, 13)]
    rows = annotate(monthly(values))
    daily = usual_daily_use(rows, dt.date(2025, 12, 31))
    assert daily is not None and 480 <= daily <= 500
    assert usual_daily_use(rows[:1], dt.date(2025, 12, 31)) is None
