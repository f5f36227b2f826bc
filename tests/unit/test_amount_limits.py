"""Amount ceilings and integer ranges in the services, for every entry point that
takes fen or litres: a script calling a service gets the refusal a teller gets, a
UserError with a message and nothing written; a balance never leaves the INTEGER
range. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.limits import MAX_BALANCE_FEN
from gasdesk.domain.money import DEFAULT_CEILING_FEN, MAX_ENTRY_FEN
from gasdesk.domain.text import UserError
from gasdesk.services import reconcile, shifts
from gasdesk.services.payments import collect_payment
from gasdesk.services.purchases import quote_purchase
from gasdesk.services.voids import void_payment
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, Shift
from gasdesk.storage.models_dayend import CashCount, CashMovement, SettlementDeclaration
from tests import fees_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData, counts

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


def request(d: FeeData, kind: str, amount: int, **kw: Any) -> PaymentRequest:
    values: dict[str, Any] = dict(
        account_id={"bill": d.house.id, "purchase": d.ic.id, "prepay": d.prepay.id}[kind],
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        kind=kind,
        method="cash",
        expected_due_fen=amount,
        idempotency_key=str(uuid.uuid4()),
        tendered_fen=amount,
    )
    values.update(kw)
    return PaymentRequest(**values)


def state() -> dict[str, Any]:
    """Everything a refused entry must leave as it was."""
    return {
        **counts(),
        "head": audit.head(),
        "balances": [(a.id, a.balance_fen) for a in Account.select().order_by(Account.id)],
        "movements": CashMovement.select().count(),
        "cash_counts": CashCount.select().count(),
        "declarations": SettlementDeclaration.select().count(),
        "shifts": Shift.select().count(),
    }


def refused(call: Any, *args: Any, **kw: Any) -> UserError:
    """`call` is refused with a UserError that says something, and nothing changes."""
    before = state()
    with pytest.raises(UserError) as info:
        call(*args, **kw)
    assert info.value.message.strip()
    assert state() == before
    return info.value


def test_a_prepayment_of_a_trillion_fen_is_refused(fee_data: FeeData) -> None:
    err = refused(collect_payment, request(fee_data, "prepay", 10**12), today=TODAY)
    assert "above the limit of 50000.00 yuan" in err.message


def test_twelve_prepayments_of_9e17_fen_never_reach_the_balance(fee_data: FeeData) -> None:
    for _ in range(12):
        refused(collect_payment, request(fee_data, "prepay", 9 * 10**17), today=TODAY)
    balance = Account.get_by_id(fee_data.prepay.id).balance_fen
    assert balance == 0 and isinstance(balance, int)


def test_a_tendered_amount_of_1e18_fen_is_a_message_not_a_value_error(fee_data: FeeData) -> None:
    err = refused(
        collect_payment, request(fee_data, "bill", 168_00, tendered_fen=10**18), today=TODAY
    )
    assert "for one entry" in err.message


def test_paying_in_or_out_1e30_fen_is_refused(fee_data: FeeData) -> None:
    assert fee_data.shift_id is not None
    for call in (shifts.pay_in, shifts.pay_out):
        err = refused(call, fee_data.shift_id, fee_data.teller.id, 10**30, "备用金")
        assert "above the limit" in err.message


def test_amounts_that_are_not_whole_fen_are_refused(fee_data: FeeData) -> None:
    for bad in (1.5, True, "100"):
        refused(collect_payment, request(fee_data, "prepay", bad), today=TODAY)
        assert fee_data.shift_id is not None
        refused(shifts.pay_in, fee_data.shift_id, fee_data.teller.id, bad, "备用金")


def test_the_ceiling_is_the_counters_setting_and_never_above_the_hard_maximum(
    fee_data: FeeData,
) -> None:
    d = fee_data
    above = DEFAULT_CEILING_FEN + 1
    refused(collect_payment, request(d, "prepay", above), today=TODAY)  # no ceiling: the default
    info = collect_payment(request(d, "prepay", above), today=TODAY, ceiling_fen=100_000_00)
    assert info.amount_fen == above  # a counter that allows more
    refused(
        collect_payment, request(d, "prepay", 100), today=TODAY, ceiling_fen=99
    )  # one that allows less
    err = refused(
        collect_payment, request(d, "prepay", MAX_ENTRY_FEN + 1), today=TODAY, ceiling_fen=10**30
    )  # no setting lifts the hard maximum
    assert "10,000,000.00" in err.message
    assert shifts.pay_in(
        d.shift_id, d.teller.id, above, "备用金", ceiling_fen=above
    ).amount_fen == (above)
    refused(shifts.pay_in, d.shift_id, d.teller.id, above, "备用金")


def test_ic_card_purchases_by_yuan_and_by_volume_are_bounded(fee_data: FeeData) -> None:
    d = fee_data
    refused(quote_purchase, d.ic.id, amount_fen=10**12, today=TODAY)
    refused(quote_purchase, d.ic.id, volume_l=10**15, today=TODAY)
    refused(quote_purchase, d.ic.id, amount_fen=0, today=TODAY)  # was a bare ValueError
    # the price of a volume is an amount like any other: 20 m³ (60 yuan) above a 10-yuan ceiling
    assert quote_purchase(d.ic.id, volume_l=20_000, today=TODAY).amount_fen == 60_00
    refused(quote_purchase, d.ic.id, volume_l=20_000, today=TODAY, ceiling_fen=10_00)
    refused(
        collect_payment, request(d, "purchase", 10**12, volume_l=10**15), today=TODAY
    )  # the amount
    refused(collect_payment, request(d, "purchase", 60_00, volume_l=10**15), today=TODAY)


def test_counts_of_1e30_pieces_and_terminal_totals_of_1e30_fen_are_refused(
    fee_data: FeeData,
) -> None:
    d = fee_data
    refused(shifts.open_shift, d.supervisor.id, d.counter.id, {100: 10**30}, TODAY)
    assert d.shift_id is not None
    refused(reconcile.record_blind_count, d.shift_id, d.teller.id, {1: 10**30})
    err = refused(reconcile.record_blind_count, d.shift_id, d.teller.id, {}, {"wechat": 10**30})
    assert "check the figures" in err.message
    refused(reconcile.record_blind_count, d.shift_id, d.teller.id, {}, {"card": 0.5})


def test_a_balance_is_refused_before_it_passes_its_bound(fee_data: FeeData) -> None:
    d = fee_data
    with write_transaction():  # a balance already at the edge (set here: no household gets there)
        Account.update(balance_fen=MAX_BALANCE_FEN - 100).where(Account.id == d.prepay.id).execute()
    err = refused(collect_payment, request(d, "prepay", 101), today=TODAY)
    assert "cannot exceed" in err.message
    collect_payment(request(d, "prepay", 100), today=TODAY)
    assert Account.get_by_id(d.prepay.id).balance_fen == MAX_BALANCE_FEN


def test_voiding_a_balance_payment_does_not_push_the_balance_past_its_bound(
    fee_data: FeeData,
) -> None:
    d = fee_data
    with write_transaction():
        Account.update(balance_fen=168_00).where(Account.id == d.house.id).execute()
    paid = collect_payment(
        request(d, "bill", 168_00, method="balance", tendered_fen=None), today=TODAY
    )
    with write_transaction():
        Account.update(balance_fen=MAX_BALANCE_FEN).where(Account.id == d.house.id).execute()
    err = refused(
        void_payment,
        payment_id=paid.payment_id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        supervisor_badge="MS09",
        supervisor_password=PASSWORD,
        reason="录错",
        idempotency_key="v-edge",
        today=TODAY,
    )
    assert "cannot exceed" in err.message
