"""Tiered tariff: tier splits, tariff changes and new years inside a period, IC-card
purchases by yuan and by m³."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.money import AmountError
from gasdesk.domain.tariff import (
    Tariff,
    TariffError,
    Tier,
    bill_period,
    line_amount,
    lines_from_json,
    lines_to_json,
    parse_volume,
    purchase_by_amount,
    purchase_by_volume,
    share_by_days,
)

D = dt.date
M3 = 1000
OLD = Tariff("2024", D(2024, 1, 1), (Tier(400, 300), Tier(600, 360), Tier(None, 450)))
NEW = Tariff("2026", D(2026, 2, 1), (Tier(400, 320), Tier(600, 384), Tier(None, 480)))


def summary(charge) -> list[tuple[int, int, int, int]]:  # type: ignore[no-untyped-def]
    return [(ln.tier, ln.volume_l, ln.price_fen, ln.amount_fen) for ln in charge.lines]


def test_within_the_first_tier() -> None:
    c = bill_period(56 * M3, D(2025, 1, 5), D(2025, 3, 5), [OLD])
    assert summary(c) == [(1, 56 * M3, 300, 168_00)]
    assert c.amount_fen == 168_00 and c.volume_l == 56 * M3


def test_a_tier_boundary_inside_one_period_splits_the_volume() -> None:
    c = bill_period(50 * M3, D(2025, 9, 1), D(2025, 11, 1), [OLD], ytd_l=380 * M3)
    assert summary(c) == [(1, 20 * M3, 300, 60_00), (2, 30 * M3, 360, 108_00)]
    assert c.amount_fen == 168_00


def test_a_period_crossing_two_boundaries() -> None:
    c = bill_period(250 * M3, D(2025, 9, 1), D(2025, 12, 1), [OLD], ytd_l=390 * M3)
    assert summary(c) == [
        (1, 10 * M3, 300, 30_00),
        (2, 200 * M3, 360, 720_00),
        (3, 40 * M3, 450, 180_00),
    ]


def test_a_household_already_in_the_second_tier() -> None:
    c = bill_period(10 * M3, D(2025, 11, 1), D(2025, 12, 1), [OLD], ytd_l=450 * M3)
    assert summary(c) == [(2, 10 * M3, 360, 36_00)]


def test_a_tariff_change_mid_period_is_applied_by_days() -> None:
    # 20 Jan -> 19 Feb: 12 days under the old tariff, 18 under the new one (from 1 Feb).
    c = bill_period(30 * M3, D(2026, 1, 20), D(2026, 2, 19), [OLD, NEW])
    assert summary(c) == [(1, 12 * M3, 300, 36_00), (1, 18 * M3, 320, 57_60)]
    assert [(ln.start, ln.end, ln.tariff) for ln in c.lines] == [
        (D(2026, 1, 20), D(2026, 2, 1), "2024"),
        (D(2026, 2, 1), D(2026, 2, 19), "2026"),
    ]
    assert c.amount_fen == 93_60


def test_a_tariff_change_and_a_tier_boundary_together() -> None:
    # the new tariff's segment starts where the old one left the household: 395 + 12
    c = bill_period(30 * M3, D(2026, 1, 20), D(2026, 2, 19), [OLD, NEW], ytd_l=395 * M3)
    assert summary(c) == [
        (1, 5 * M3, 300, 15_00),
        (2, 7 * M3, 360, 25_20),
        (2, 18 * M3, 384, 69_12),
    ]


def test_a_new_year_inside_a_period_restarts_the_tiers() -> None:
    # 22 Dec -> 11 Jan: 10 days in each year; 2025 had 395 m³ before.
    c = bill_period(20 * M3, D(2025, 12, 22), D(2026, 1, 11), [OLD], ytd_l=395 * M3)
    assert summary(c) == [
        (1, 5 * M3, 300, 15_00),
        (2, 5 * M3, 360, 18_00),
        (1, 10 * M3, 300, 30_00),
    ]


def test_the_litres_left_over_go_to_the_largest_remainders() -> None:
    segments = [
        (D(2026, 1, 1), D(2026, 1, 2)),
        (D(2026, 1, 2), D(2026, 1, 4)),
        (D(2026, 1, 4), D(2026, 1, 7)),
    ]
    assert share_by_days(10, segments) == [2, 3, 5]  # exact 1.67, 3.33, 5
    assert sum(share_by_days(1, segments)) == 1


@given(
    st.integers(min_value=0, max_value=10**7),
    st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=6),
)
def test_shares_add_up_and_stay_within_a_litre_of_exact(volume: int, days: list[int]) -> None:
    start = D(2025, 1, 1)
    segments = []
    for n in days:
        end = start + dt.timedelta(days=n)
        segments.append((start, end))
        start = end
    shares = share_by_days(volume, segments)
    assert sum(shares) == volume
    total = sum(days)
    for share, n in zip(shares, days, strict=True):
        assert abs(share * total - volume * n) < total  # |share - exact| < 1 litre


@given(
    st.integers(min_value=0, max_value=2_000 * M3),
    st.integers(min_value=0, max_value=800 * M3),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=120),
)
def test_lines_add_up_to_the_volume_and_the_charge(
    volume: int, ytd: int, offset: int, days: int
) -> None:
    start = D(2025, 10, 1) + dt.timedelta(days=offset)
    c = bill_period(volume, start, start + dt.timedelta(days=days), [OLD, NEW], ytd_l=ytd)
    assert c.volume_l == volume
    assert c.amount_fen == sum(ln.amount_fen for ln in c.lines)
    assert all(ln.volume_l > 0 for ln in c.lines)


@given(st.integers(min_value=0, max_value=1_000 * M3), st.integers(min_value=0, max_value=800 * M3))
def test_more_gas_never_costs_less(volume: int, ytd: int) -> None:
    day = D(2025, 5, 1)
    less = bill_period(volume, day, day, [OLD], ytd_l=ytd)
    more = bill_period(volume + 1, day, day, [OLD], ytd_l=ytd)
    assert more.amount_fen >= less.amount_fen


def test_rounding_is_half_up_per_line() -> None:
    assert line_amount(5, 100) == 1  # 0.5 fen -> 1
    assert line_amount(4, 100) == 0  # 0.4 fen -> 0
    assert line_amount(1_500, 1) == 2  # 1.5 fen -> 2
    assert line_amount(33_330, 300) == 99_99


def test_no_tariff_in_force_is_refused() -> None:
    with pytest.raises(TariffError) as info:
        bill_period(10 * M3, D(2023, 5, 1), D(2023, 6, 1), [OLD])
    assert info.value.code == "no_tariff"


@pytest.mark.parametrize(
    "tiers",
    [
        (),
        (Tier(None, 300), Tier(400, 360)),
        (Tier(400, 300), Tier(300, 360), Tier(None, 450)),
        (Tier(None, -1),),
    ],
)
def test_malformed_tariffs_are_refused(tiers: tuple[Tier, ...]) -> None:
    with pytest.raises(TariffError):
        Tariff("bad", D(2024, 1, 1), tiers)


def test_lines_survive_storage() -> None:
    c = bill_period(30 * M3, D(2026, 1, 20), D(2026, 2, 19), [OLD, NEW], ytd_l=395 * M3)
    assert lines_from_json(lines_to_json(c.lines)) == c.lines


# --- IC-card purchases --------------------------------------------------------------


def test_purchase_by_volume_prices_by_the_tiers() -> None:
    c = purchase_by_volume(20 * M3, OLD, 390 * M3, D(2025, 6, 1))
    assert summary(c) == [(1, 10 * M3, 300, 30_00), (2, 10 * M3, 360, 36_00)]
    assert c.amount_fen == 66_00


def test_purchase_by_amount_charges_the_amount_and_loads_the_most_litres() -> None:
    c = purchase_by_amount(66_00, OLD, 390 * M3, D(2025, 6, 1))
    assert c.amount_fen == 66_00 and c.volume_l == 20_001  # 20.002 m³ would cost 66.01
    c = purchase_by_amount(100_00, OLD, 0, D(2025, 6, 1))
    assert c.volume_l == 33_334 and c.amount_fen == 100_00  # 33.335 m³ would cost 100.01


def test_an_amount_no_whole_litre_count_costs_is_refused_with_the_nearest() -> None:
    dear = Tariff("dear", D(2024, 1, 1), (Tier(None, 25_00),))  # 2.5 fen a litre
    with pytest.raises(TariffError) as info:
        purchase_by_amount(100_01, dear, 0, D(2025, 6, 1))
    assert info.value.code == "amount_inexact"
    assert info.value.params == {"amount": "100.01", "nearest": "100.00", "volume": "4.00"}


@given(st.integers(min_value=1, max_value=10_000_00), st.integers(min_value=0, max_value=800 * M3))
def test_purchase_by_amount_is_exact_and_the_largest_volume(amount: int, ytd: int) -> None:
    c = purchase_by_amount(amount, OLD, ytd, D(2025, 6, 1))
    assert c.amount_fen == amount  # every price is under ¥10 a m³: exact to the fen
    assert purchase_by_volume(c.volume_l + 1, OLD, ytd, D(2025, 6, 1)).amount_fen > amount
    assert purchase_by_volume(c.volume_l, OLD, ytd, D(2025, 6, 1)).amount_fen == amount


@pytest.mark.parametrize(
    ("text", "litres"),
    [
        ("20", 20_000),
        ("20.5", 20_500),
        ("２０.５方", 20_500),
        ("20 m³", 20_000),
        ("0.01", 10),
        ("12.34m3", 12_340),
        ("33.334", 33_334),  # to the litre, the meter's resolution
    ],
)
def test_volumes_typed_in_m3(text: str, litres: int) -> None:
    assert parse_volume(text) == litres


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("20.5555", "too_many_decimals"),
        ("0", "zero"),
        ("", "empty"),
        ("-3", "negative"),
        ("20000", "too_large"),
    ],
)
def test_bad_volumes_are_refused(text: str, code: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_volume(text)
    assert info.value.code == code
