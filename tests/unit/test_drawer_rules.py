"""Money and the drawer, through the services where the rules live: every payment and
void belongs to the open shift of the teller at that counter; a void never touches a
closed drawer; a day with money outside any shift cannot close; the drawer is counted
to the fen; a transaction reference pays once."""

from __future__ import annotations

import datetime as dt

import pytest

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.domain.cash import CashCount
from gasdesk.domain.errors import TellerError
from gasdesk.domain.text import UserError
from gasdesk.services import day_close, drawer, reconcile, shift_close, shifts
from gasdesk.storage.models import Payment, Receipt, ReceiptCounter, Shift
from gasdesk.storage.models_dayend import DayClosure, ShiftClosure
from tests.dayend_support import DAY, Setup, pay, seed, void
from tests.helpers import close_test_shift, count_out


@pytest.fixture
def setup(empty_database) -> Setup:  # type: ignore[no-untyped-def]
    return seed()


def open_shift(setup: Setup, *, teller: int = 0, counter: int = 0, counts=None, day=DAY):  # type: ignore[no-untyped-def]
    staff = (setup.teller_id, setup.teller2_id)[teller]
    return shifts.open_shift(
        staff, setup.counter_ids[counter], counts or {10000: 2}, business_date=day
    )


def written() -> tuple[int, int, int]:
    return (
        Payment.select().count(),
        Receipt.select().count(),
        sum(r.last for r in ReceiptCounter.select()),
    )


# -- item 5: no money without the teller's open shift at that counter ----------------------


@pytest.mark.parametrize("method", ["cash", "wechat", "alipay", "card"])
def test_no_payment_of_any_method_without_an_open_shift(setup: Setup, method: str) -> None:
    with pytest.raises(TellerError) as refused:
        pay(setup, method=method, amount_fen=741_87, tendered_fen=800_00, reference="4200000001")
    assert refused.value.code == "no_shift"
    assert "no open shift at counter 1" in str(refused.value)
    assert written() == (0, 0, 0)  # no payment, no receipt, no number used


def test_after_the_shift_is_closed_cash_and_its_void_are_refused(setup: Setup) -> None:
    s = open_shift(setup)
    taken = pay(setup, method="cash", amount_fen=50_00, tendered_fen=50_00)
    close_test_shift(s.id, setup.teller_id)
    before = written()
    with pytest.raises(TellerError) as refused:
        pay(setup, method="cash", amount_fen=30_00, tendered_fen=30_00)
    assert refused.value.code == "no_shift"
    with pytest.raises(TellerError) as refused:
        void(setup, taken.payment_id, reason="收错户号")
    assert refused.value.code == "no_shift"
    with pytest.raises(UserError, match="already closed"):
        shifts.pay_out(s.id, setup.teller_id, 10_00, "银行存款")
    assert written() == before
    assert day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD).payments == 1


def test_money_at_another_counter_or_of_another_day_is_refused(setup: Setup) -> None:
    open_shift(setup, counter=0)
    with pytest.raises(TellerError) as refused:
        pay(
            setup,
            method="cash",
            amount_fen=10_00,
            tendered_fen=10_00,
            counter_id=setup.counter_ids[1],
        )
    assert refused.value.code == "shift_other_counter"
    with pytest.raises(TellerError) as refused:  # the shift of DAY was never closed
        pay(setup, method="cash", amount_fen=10_00, tendered_fen=10_00, day=DAY + dt.timedelta(1))
    assert refused.value.code == "shift_other_day"
    assert written() == (0, 0, 0)


def test_a_day_with_payments_outside_any_shift_cannot_close(setup: Setup) -> None:
    """Payments an earlier version took without a shift keep the day open: no drawer
    count saw their money."""
    s = open_shift(setup)
    pay(setup, method="cash", amount_fen=20_00, tendered_fen=20_00)
    close_test_shift(s.id, setup.teller_id)
    loose = Payment.create(  # as the old code wrote it: the same row, with no shift
        account=setup.account_ids[1],
        office=setup.office_id,
        counter=setup.counter_ids[0],
        staff=setup.teller_id,
        shift=None,
        business_date=DAY,
        kind="prepay",
        method="cash",
        amount_fen=30_00,
        tendered_fen=30_00,
        idempotency_key="before-shifts",
    )
    Receipt.create(series="MS-2026", number=2, payment=loose.id)
    with pytest.raises(UserError, match="belong to no shift") as refused:
        day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)
    assert refused.value.params["receipts"] == "MS-2026-000002"
    assert DayClosure.select().count() == 0
    assert day_close.day_status(setup.office_id, DAY).outside_shifts == ("MS-2026-000002",)


# -- item 6: a void leaves the voiding teller's open drawer, never a closed one ------------


def test_a_void_is_booked_into_the_voiding_tellers_open_shift(setup: Setup) -> None:
    first = open_shift(setup)
    taken = pay(setup, method="cash", amount_fen=100_00, tendered_fen=100_00)
    close_test_shift(first.id, setup.teller_id)
    closure = ShiftClosure.get(ShiftClosure.shift == first.id)
    counted_first = reconcile.reconciliation(first.id)
    assert counted_first is not None
    with pytest.raises(TellerError) as refused:  # her drawer is counted and closed
        void(setup, taken.payment_id, reason="收错户号")
    assert refused.value.code == "no_shift"

    # her colleague at counter 2, on shift, hands the customer's money back
    second = open_shift(setup, teller=1, counter=1, counts={10000: 3})
    slip = void(
        setup,
        taken.payment_id,
        reason="收错户号",
        staff_id=setup.teller2_id,
        counter_id=setup.counter_ids[1],
    )
    assert Payment.get_by_id(slip.payment_id).shift_id == second.id
    assert drawer.expected_cash_of(second.id).expected_fen == 300_00 - 100_00
    # the counted, closed drawer is as it was counted
    assert reconcile.reconciliation(first.id) == counted_first
    assert not counted_first.stale
    assert drawer.expected_cash_of(first.id).expected_fen == closure.expected_cash_fen
    assert Shift.get_by_id(first.id).closed_at == closure.closed_at


def test_a_cash_void_the_drawer_cannot_pay_is_refused(setup: Setup) -> None:
    first = open_shift(setup)
    taken = pay(setup, method="cash", amount_fen=100_00, tendered_fen=100_00)
    close_test_shift(first.id, setup.teller_id)
    open_shift(setup, teller=1, counter=1, counts={1000: 5})  # ¥50 in the drawer
    before = written()
    with pytest.raises(TellerError) as refused:
        void(
            setup,
            taken.payment_id,
            reason="收错户号",
            staff_id=setup.teller2_id,
            counter_id=setup.counter_ids[1],
        )
    assert refused.value.code == "drawer_short"
    assert written() == before


# -- item 7: the drawer is counted to the fen ------------------------------------------


def test_a_drawer_holding_fen_balances_to_zero(setup: Setup) -> None:
    s = open_shift(setup, counts={10000: 2, 1000: 5, 100: 10})  # ¥260.00
    pay(setup, method="cash", amount_fen=481_87, tendered_fen=500_00)  # change ¥18.13
    # expected: 260.00 + 481.87 = 741.87, fen coins and all
    exact = {10000: 7, 2000: 2, 100: 1, 50: 1, 10: 3, 5: 1, 2: 1}
    assert CashCount.of(exact).total_fen == 741_87
    rec = reconcile.record_blind_count(s.id, setup.teller_id, exact)
    assert rec.cash.expected_fen == 741_87
    assert rec.line("cash").difference_fen == 0 and rec.outstanding == ()
    # ten yuan missing is ten yuan short, not ¥10.07
    short = {**exact, 2000: 1, 1000: 1}  # a 10-yuan note where a 20 should be
    rec = reconcile.record_blind_count(s.id, setup.teller_id, short)
    assert rec.line("cash").difference_fen == -10_00
    rec = reconcile.record_blind_count(s.id, setup.teller_id, count_out(741_87))
    assert rec.line("cash").difference_fen == 0
    assert shift_close.close_shift(s.id, setup.teller_id).counted_cash_fen == 741_87


# -- item 8: a transaction reference pays once ------------------------------------------


def test_a_reference_already_recorded_is_refused_with_its_receipt(setup: Setup) -> None:
    open_shift(setup)
    first = pay(setup, method="wechat", amount_fen=120_00, reference="4200001234567890")
    before = written()
    for method, account, typed in (
        ("wechat", 1, "4200001234567890"),
        ("alipay", 2, " ４２００００１２３４５６７８９０ "),  # full-width, as some keyboards type
        ("card", 3, "4200001234567890"),
    ):
        with pytest.raises(TellerError) as refused:
            pay(setup, method=method, amount_fen=120_00, reference=typed, account_index=account)
        assert refused.value.code == "reference_used"
        assert refused.value.params["receipt"] == first.code
        assert refused.value.params["account"] == "10000001"
    assert written() == before
    # once the payment is voided, its reference is free for the payment made instead
    void(setup, first.payment_id, reason="付款方式选错")
    again = pay(setup, method="wechat", amount_fen=120_00, reference="4200001234567890")
    assert Payment.get_by_id(again.payment_id).reference == "4200001234567890"
