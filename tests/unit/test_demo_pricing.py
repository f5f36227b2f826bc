"""The demo's tiered charge helper."""

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.demo.pricing import charge_fen, lines_json, tier_lines, tiers_from_m3

RESIDENTIAL = tiers_from_m3([(400, 300), (600, 360), (None, 450)])


def test_volume_within_tier_one():
    assert tier_lines(RESIDENTIAL, 0, 25_000) == [(1, 25_000, 300, 7500)]


def test_volume_crossing_two_bounds():
    # 390 m³ used; 250 m³ more: 10 at tier 1, 200 at tier 2, 40 at tier 3.
    lines = tier_lines(RESIDENTIAL, 390_000, 250_000)
    assert lines == [(1, 10_000, 300, 3000), (2, 200_000, 360, 72_000), (3, 40_000, 450, 18_000)]


def test_volume_starting_exactly_at_a_bound_is_the_next_tier():
    assert tier_lines(RESIDENTIAL, 400_000, 1_000) == [(2, 1_000, 360, 360)]


def test_zero_volume_has_no_lines():
    assert tier_lines(RESIDENTIAL, 123_000, 0) == []


def test_half_fen_rounds_up():
    # 1 L at 450 fen/m³ is 0.45 fen -> 0; 2 L is 0.9 -> 1; 5 L at 300 is 1.5 -> 2.
    assert charge_fen(1, 450) == 0
    assert charge_fen(2, 450) == 1
    assert charge_fen(5, 300) == 2


def test_negative_volume_refused():
    with pytest.raises(ValueError):
        tier_lines(RESIDENTIAL, 0, -1)


@pytest.mark.parametrize(
    "rows",
    [[], [(400, 300)], [(None, 300), (600, 360)], [(400, 300), (300, 360), (None, 450)]],
)
def test_malformed_tiers_refused(rows):
    with pytest.raises(ValueError):
        tiers_from_m3(rows)


@given(st.integers(0, 2_000_000), st.integers(0, 2_000_000))
def test_lines_cover_the_volume_and_match_decimal_rounding(before, volume):
    lines = tier_lines(RESIDENTIAL, before, volume)
    assert sum(v for _, v, _, _ in lines) == volume
    for _, v, price, amount in lines:
        exact = Decimal(v) * Decimal(price) / Decimal(1000)
        assert amount == int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    # Splitting a year's use into two periods never changes which tier a litre falls in.
    whole = tier_lines(RESIDENTIAL, 0, before + volume)
    first = tier_lines(RESIDENTIAL, 0, before)
    second = tier_lines(RESIDENTIAL, before, volume)
    per_tier = {t: 0 for t in (1, 2, 3)}
    for t, v, _, _ in first + second:
        per_tier[t] += v
    assert per_tier == {t: sum(v for tt, v, _, _ in whole if tt == t) for t in (1, 2, 3)}


def test_lines_json_is_compact_json():
    lines = tier_lines(RESIDENTIAL, 390_000, 20_000)
    text = lines_json(lines)
    assert text == json.dumps(
        [{"tier": t, "volume_l": v, "price_fen": p, "amount_fen": a} for t, v, p, a in lines],
        separators=(",", ":"),
    )
