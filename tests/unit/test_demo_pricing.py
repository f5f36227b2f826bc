"""The demo's fast tier pricing gives what gasdesk.domain.tariff gives."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.demo.pricing import PriceList, charge_fen, tier_lines, tiers_from_m3
from gasdesk.domain.tariff import (
    Tariff,
    Tier,
    bill_period,
    lines_to_json,
    purchase_by_volume,
)

RESIDENTIAL = Tariff(
    "居民阶梯气价（示例）", dt.date(2020, 1, 1), (Tier(400, 300), Tier(600, 360), Tier(None, 450))
)
COMMERCIAL = Tariff('商业 "A" 价', dt.date(2020, 1, 1), (Tier(None, 380),))
TIERS = tiers_from_m3([(400, 300), (600, 360), (None, 450)])


def test_volume_crossing_two_bounds():
    # 390 m³ used; 250 m³ more: 10 at tier 1, 200 at tier 2, 40 at tier 3.
    lines = tier_lines(TIERS, 390_000, 250_000)
    assert lines == [(1, 10_000, 300, 3000), (2, 200_000, 360, 72_000), (3, 40_000, 450, 18_000)]


def test_volume_starting_exactly_at_a_bound_is_the_next_tier():
    assert tier_lines(TIERS, 400_000, 1_000) == [(2, 1_000, 360, 360)]


def test_zero_volume_has_no_lines():
    assert tier_lines(TIERS, 123_000, 0) == []


def test_half_fen_rounds_up():
    # 1 L at 450 fen/m³ is 0.45 fen -> 0; 2 L is 0.9 -> 1; 5 L at 300 is 1.5 -> 2.
    assert (charge_fen(1, 450), charge_fen(2, 450), charge_fen(5, 300)) == (0, 1, 2)


def test_negative_volume_refused():
    with pytest.raises(ValueError):
        tier_lines(TIERS, 0, -1)


@pytest.mark.parametrize(
    "rows",
    [[], [(400, 300)], [(None, 300), (600, 360)], [(400, 300), (300, 360), (None, 450)]],
)
def test_malformed_tiers_refused(rows):
    with pytest.raises(ValueError):
        tiers_from_m3(rows)


@given(
    tariff=st.sampled_from([RESIDENTIAL, COMMERCIAL]),
    start=st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
    days=st.integers(1, 70),
    volume=st.integers(1, 900_000),
    used=st.integers(0, 800_000),
)
def test_a_period_is_priced_as_the_domain_prices_it(tariff, start, days, volume, used):
    end = start + dt.timedelta(days=days)
    expected = bill_period(volume, start, end, [tariff], {start.year: used})
    price = PriceList(tariff)
    if start.year == end.year:
        amount, text = price.charge(used, volume, start.isoformat(), end.isoformat())
        used_after = used + volume
        last_year = start.year
    else:
        amount, text, last_year, used_after = price.charge_across_years(used, volume, start, end)
    assert text == lines_to_json(expected.lines)
    assert amount == expected.amount_fen
    # the volume to date it reports is what the domain would count for that year
    counted = sum(line.volume_l for line in expected.lines if line.start.year == last_year)
    assert used_after == counted + (used if last_year == start.year else 0)


@given(
    tariff=st.sampled_from([RESIDENTIAL, COMMERCIAL]),
    day=st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
    volume=st.integers(1, 60_000).map(lambda n: n * 10),
    used=st.integers(0, 800_000),
)
def test_a_purchase_is_priced_as_the_domain_prices_it(tariff, day, volume, used):
    expected = purchase_by_volume(volume, tariff, used, day)
    amount, text = PriceList(tariff).charge(used, volume, day.isoformat(), day.isoformat())
    assert (amount, text) == (expected.amount_fen, lines_to_json(expected.lines))


def test_a_period_ending_on_new_years_day_stays_in_its_year():
    price = PriceList(RESIDENTIAL)
    start, end = dt.date(2025, 12, 20), dt.date(2026, 1, 1)
    amount, text, year, used = price.charge_across_years(1000, 12_000, start, end)
    expected = bill_period(12_000, start, end, [RESIDENTIAL], {2025: 1000})
    assert (amount, text) == (expected.amount_fen, lines_to_json(expected.lines))
    assert (year, used) == (2025, 13_000)
