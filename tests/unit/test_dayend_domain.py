"""Pure end-of-day rules: denomination counts, expected cash, receipt gaps, KPIs."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import hypothesis.strategies as st
import pytest
from hypothesis import given

from gasdesk.domain.cash import (
    DENOMINATIONS_FEN,
    CashCount,
    CashPaymentLine,
    CountError,
    NonCashPayment,
    denomination_label,
    expected_cash,
    non_cash_lines,
    parse_count,
)
from gasdesk.domain.dayend import receipt_ranges
from gasdesk.domain.kpi import (
    Inquiry,
    Period,
    kpi_row,
    reply_figures,
    satisfaction,
    service_times,
)


def test_denominations_are_exactly_the_counted_ones() -> None:
    labels = [denomination_label(v) for v in DENOMINATIONS_FEN]
    assert labels == [
        "100元",
        "50元",
        "20元",
        "10元",
        "5元",
        "1元",
        "5角",
        "1角",
        "5分",
        "2分",
        "1分",
    ]  # every note and coin that is legal tender: bills are paid to the fen


@pytest.mark.parametrize(
    ("text", "value"), [("", 0), (" 0 ", 0), ("12", 12), ("１２", 12), ("007", 7), ("99999", 99999)]
)
def test_counts_accept_whole_non_negative_numbers(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    "text", ["-1", "1.5", "1e3", "+3", "三", "12a", "1 2", "٣", "100000", "NaN", "0x10"]
)
def test_counts_refuse_everything_else(text: str) -> None:
    with pytest.raises(CountError):
        parse_count(text)


@given(st.fixed_dictionaries({v: st.integers(0, 99_999) for v in DENOMINATIONS_FEN}))
def test_count_total_is_the_sum_of_denominations(counts: dict[int, int]) -> None:
    c = CashCount.of(counts)
    assert c.total_fen == sum(v * n for v, n in counts.items())
    assert CashCount.parse({v: str(n) for v, n in counts.items()}) == c


def test_count_refuses_unknown_denominations_and_bad_values() -> None:
    for bad in ({20: 1}, {3: 1}, {100: -1}, {100: 2.0}, {100: True}, {100: "3"}):
        with pytest.raises(CountError):
            CashCount.of(bad)  # type: ignore[arg-type]


def test_expected_cash_formula() -> None:
    e = expected_cash(
        27300,
        [
            CashPaymentLine(12850, 20000, 7150),
            CashPaymentLine(3000, 3000, 0),
            CashPaymentLine(-3000, 0, 0, is_void=True),
        ],
        paid_in=[10000],
        paid_out=[5000, 1000],
    )
    assert (e.cash_taken_fen, e.change_given_fen, e.cash_voids_fen) == (23000, 7150, 3000)
    assert e.expected_fen == 27300 + 23000 - 7150 + 10000 - 6000 - 3000
    assert e.tender_mismatches == 0


def test_expected_cash_rests_on_the_amount_when_tendered_disagrees() -> None:
    e = expected_cash(0, [CashPaymentLine(1000, 5000, 0)])  # tendered ≠ amount + change
    assert e.expected_fen == 1000 and e.tender_mismatches == 1


def test_non_cash_lines_flag_duplicates_and_ignore_the_balance() -> None:
    lines = non_cash_lines(
        [
            NonCashPayment("wechat", 500, "WX01"),
            NonCashPayment("wechat", 700, "WX01"),
            NonCashPayment("wechat", -700, "WX01", is_void=True),
            NonCashPayment("card", 100, ""),
            NonCashPayment("balance", 9999, ""),
        ],
        {"wechat": 500},
    )
    by = {x.method: x for x in lines}
    assert set(by) == {"wechat", "alipay", "card"}
    assert (by["wechat"].expected_fen, by["wechat"].difference_fen) == (500, 0)
    assert by["wechat"].duplicate_references == ("WX01",)
    assert by["card"].missing_references == 1 and by["card"].kind == "short"


def test_receipt_ranges_find_gaps_and_continuity() -> None:
    (r,) = receipt_ranges([("MS-2026", n) for n in (12, 13, 15, 14)], {"MS-2026": 11})
    assert (r.first_code, r.last_code, r.count, r.gaps, r.gapless) == (
        "MS-2026-000012",
        "MS-2026-000015",
        4,
        (),
        True,
    )
    (r,) = receipt_ranges([("MS-2026", n) for n in (12, 15)], {"MS-2026": 10})
    assert r.gaps == (11, 13, 14) and not r.gapless
    (r,) = receipt_ranges([("MS-2026", 1), ("MS-2026", 2)])
    assert r.gapless and r.previous_last is None


D = dt.date(2026, 10, 9)


def q(kind: str, received: int, due: int | None, replied: int | None, **kw: object) -> Inquiry:
    day = lambda n: None if n is None else D + dt.timedelta(days=n)  # noqa: E731
    return Inquiry(
        kind=kind,
        staff_id=kw.get("staff", 1),  # type: ignore[arg-type]
        received_on=day(received),  # type: ignore[arg-type]
        reply_due=day(due),
        replied_on=day(replied),
        upheld=bool(kw.get("upheld", False)),
        against_staff_id=kw.get("against"),  # type: ignore[arg-type]
    )


def test_reply_rate_pending_items_are_left_out() -> None:
    items = [
        q("complaint", 0, 3, 2),  # in term
        q("complaint", 0, 3, 5),  # late
        q("complaint", 0, 3, None),  # term over on as_of, no reply
        q("complaint", 4, 7, None),  # still inside its term
    ]
    f = reply_figures(items, as_of=D + dt.timedelta(days=5))
    assert (f.received, f.in_term, f.late, f.unreplied, f.pending) == (3, 1, 1, 1, 1)
    assert f.rate == Fraction(1, 3)


@pytest.mark.parametrize(
    ("in_term", "received", "points", "fine"),
    [
        (200, 200, 0, 0),
        (199, 200, 0, 0),
        (198, 200, 1, 20000),
        (39, 40, 2, 40000),
        (0, 3, 100, 2_000_000),
    ],
)
def test_unit_fine_is_200_yuan_per_whole_point_below_100(
    in_term: int, received: int, points: int, fine: int
) -> None:
    items = [q("consultation", 0, 3, 1)] * in_term + [q("consultation", 0, 3, 9)] * (
        received - in_term
    )
    f = reply_figures(items, as_of=D + dt.timedelta(days=10))
    assert f.points_below_target == points and f.unit_fine_fen == fine


def test_kpi_rows_attribute_replies_to_who_took_them_and_compensation_to_whom_upheld() -> None:
    items = [
        q("complaint", 0, 3, 1, staff=1, upheld=True, against=2),
        q("complaint", 0, 3, 8, staff=2),
        q("consultation", 0, 3, 0, staff=2),
    ]
    as_of = D + dt.timedelta(days=10)
    office = kpi_row("office", None, items, ["very_satisfied"], [60, 200], as_of)
    t1 = kpi_row("t1", 1, items, [], [], as_of)
    t2 = kpi_row("t2", 2, items, None, None, as_of)
    assert office.replies is not None and office.replies.rate == Fraction(2, 3)
    assert office.unit_fine_fen == 33 * 20000  # 66.7% is 33 whole points below
    assert office.compensation_fen == 3000 and t1.compensation_fen == 0
    assert t2.compensation_fen == 3000 and t2.unit_fine_fen is None  # the unit is fined
    assert t1.satisfaction is not None and t1.satisfaction.rate is None  # no ratings
    assert t2.satisfaction is None and t2.times is None  # no source: no data
    assert office.times is not None and (
        office.times.average_seconds,
        office.times.worst_seconds,
    ) == (
        130,
        200,
    )
    none = kpi_row("office", None, None, [], [], as_of)
    assert none.replies is None and none.unit_fine_fen is None and none.compensation_fen is None


def test_satisfaction_and_times() -> None:
    s = satisfaction(["very_satisfied"] * 98 + ["satisfied"] + ["unsatisfied"])
    assert s.rate == Fraction(99, 100) and s.meets_target
    assert satisfaction(["satisfied", "unsatisfied"]).meets_target is False
    assert service_times([]).average_seconds is None


def test_periods() -> None:
    m = Period.month(2026, 2)
    assert (m.start, m.end, m.label) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28), "2026-02")
    d = Period.day(D)
    assert d.bounds() == (dt.datetime(2026, 10, 9), dt.datetime(2026, 10, 10))
