"""Collecting payments: one transaction, gapless receipt numbers, idempotency, and a
database failure that leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid

import pytest

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PaymentRequest
from gasdesk.services import billing, payments
from gasdesk.services.payments import collect_payment
from gasdesk.storage import audit
from gasdesk.storage.errors import describe
from gasdesk.storage.models import (
    Account,
    AuditEvent,
    Bill,
    Payment,
    PaymentBill,
    Reading,
    Receipt,
    ReceiptCounter,
)
from tests import fees_support, pg_support
from tests.fees_support import (
    ONE_PAYMENT,
    TODAY,
    FeeData,
    added,
    counts,
    fail_receipt_inserts,
    heal_receipt_inserts,
)
from tests.helpers import move_test_shift

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


def bill_request(d: FeeData, **kw) -> PaymentRequest:  # type: ignore[no-untyped-def]
    values = dict(
        account_id=d.house.id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        kind="bill",
        method="cash",
        expected_due_fen=168_00,
        idempotency_key=str(uuid.uuid4()),
        tendered_fen=200_00,
    )
    values.update(kw)
    return PaymentRequest(**values)  # type: ignore[arg-type]


def test_amount_due_is_computed_from_the_readings(fee_data: FeeData) -> None:
    st = billing.statement(fee_data.house.id, TODAY)
    assert st.due_fen == 168_00
    (bill,) = st.bills
    assert bill.bill_id is None  # computed, not written by looking
    assert (bill.from_value_l, bill.to_value_l, bill.volume_l) == (100_000, 156_000, 56_000)
    assert [(ln.tier, ln.volume_l, ln.price_fen, ln.amount_fen) for ln in bill.lines] == [
        (1, 56_000, 300, 168_00)
    ]
    assert Bill.select().count() == 0


def test_a_cash_payment_writes_payment_settlement_receipt_and_audit_together(
    fee_data: FeeData,
) -> None:
    before = counts()  # the shift's opening is on record already
    info = collect_payment(bill_request(fee_data), today=TODAY)
    assert info.code == "MS-2026-000001"
    assert (info.amount_fen, info.tendered_fen, info.change_fen) == (168_00, 200_00, 32_00)
    assert added(before) == {
        "payment": 1,
        "receipt": 1,
        "bill": 1,
        "payment_bill": 1,
        "audit": 1,
        "receipt_counter": 1,
    }
    payment = Payment.get()
    assert (payment.kind, payment.method, payment.business_date) == ("bill", "cash", TODAY)
    bill = Bill.get()
    assert (bill.amount_fen, bill.volume_l) == (168_00, 56_000)
    assert PaymentBill.get().amount_fen == 168_00
    event = AuditEvent.get(AuditEvent.kind == "payment")
    assert json.loads(event.payload_json)["receipt"] == "MS-2026-000001"
    assert billing.statement(fee_data.house.id, TODAY).due_fen == 0


def test_receipt_numbers_are_gapless_per_office_and_year(fee_data: FeeData) -> None:
    d = fee_data
    first = collect_payment(bill_request(d), today=TODAY)
    prepay = PaymentRequest(
        d.prepay.id, d.teller.id, d.counter.id, "prepay", "cash", 50_00, "k-pre", 50_00
    )
    second = collect_payment(prepay, today=TODAY)
    wc = PaymentRequest(
        d.prepay.id, d.teller.id, d.wc_counter.id, "prepay", "cash", 10_00, "k-wc", 10_00
    )
    move_test_shift(d.teller.id, d.wc_counter.id, TODAY)  # she helps out at Wangcun
    at_wangcun = collect_payment(wc, today=TODAY)
    next_year = PaymentRequest(
        d.prepay.id, d.teller.id, d.counter.id, "prepay", "cash", 10_00, "k-27", 10_00
    )
    move_test_shift(d.teller.id, d.counter.id, dt.date(2027, 1, 4))
    in_2027 = collect_payment(next_year, today=dt.date(2027, 1, 4))
    assert [first.code, second.code, at_wangcun.code, in_2027.code] == [
        "MS-2026-000001",
        "MS-2026-000002",
        "WC-2026-000001",
        "MS-2027-000001",
    ]
    assert {r.series: r.last for r in ReceiptCounter.select()} == {
        "MS-2026": 2,
        "WC-2026": 1,
        "MS-2027": 1,
    }


def test_the_same_idempotency_key_returns_the_first_receipt(fee_data: FeeData) -> None:
    before = counts()
    request = bill_request(fee_data)
    first = collect_payment(request, today=TODAY)
    again = collect_payment(request, today=TODAY)
    assert again.code == first.code and again.payment_id == first.payment_id
    assert again.replayed and not first.replayed
    assert added(before) == ONE_PAYMENT


def test_a_key_used_for_another_account_is_refused(fee_data: FeeData) -> None:
    request = bill_request(fee_data)
    collect_payment(request, today=TODAY)
    other = PaymentRequest(
        fee_data.prepay.id,
        fee_data.teller.id,
        fee_data.counter.id,
        "prepay",
        "cash",
        10_00,
        request.idempotency_key,
        10_00,
    )
    with pytest.raises(TellerError) as info:
        collect_payment(other, today=TODAY)
    assert info.value.code == "key_reused"
    assert counts()["payment"] == 1


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"tendered_fen": 100_00}, "short"),
        ({"tendered_fen": None}, "tender_missing"),
        ({"method": "wechat", "tendered_fen": None}, "reference_missing"),
        ({"expected_due_fen": 150_00}, "due_changed"),
        ({"method": "balance", "tendered_fen": None}, "balance_short"),
    ],
)
def test_refusals_record_nothing(fee_data: FeeData, changes: dict, code: str) -> None:  # type: ignore[type-arg]
    before = counts()
    with pytest.raises(TellerError) as info:
        collect_payment(bill_request(fee_data, **changes), today=TODAY)
    assert info.value.code == code
    assert counts() == before


def test_a_new_reading_after_the_read_back_is_not_charged_silently(fee_data: FeeData) -> None:
    d = fee_data
    meter = d.house.meters.get()
    Reading.create(
        meter=meter, account=d.house, read_on=dt.date(2026, 3, 9), value_l=160_000, source="counter"
    )
    with pytest.raises(TellerError) as info:
        collect_payment(bill_request(d), today=TODAY)  # the teller read back 168.00
    assert info.value.code == "due_changed"
    assert "180.00" in info.value.message
    assert counts()["payment"] == 0 and counts()["bill"] == 0


def test_non_cash_payment_keeps_its_reference(fee_data: FeeData) -> None:
    info = collect_payment(
        bill_request(fee_data, method="alipay", tendered_fen=None, reference="2026031022001456"),
        today=TODAY,
    )
    p = Payment.get_by_id(info.payment_id)
    assert (p.method, p.reference, p.tendered_fen, p.change_fen) == (
        "alipay",
        "2026031022001456",
        168_00,
        0,
    )


def test_a_database_error_during_commit_leaves_nothing_and_the_retry_works(
    fee_data: FeeData,
) -> None:
    fail_receipt_inserts()
    before = counts()
    request = bill_request(fee_data)
    with pytest.raises(Exception) as info:
        collect_payment(request, today=TODAY)
    assert (
        describe(info.value)
        == "The disk reported an error. Nothing was recorded; try again or call the administrator."
    )
    assert counts() == before  # no payment, no bill, no settlement, no audit, number not consumed
    assert ReceiptCounter.select().count() == 0
    heal_receipt_inserts()
    info2 = collect_payment(request, today=TODAY)  # the same form, retried
    assert info2.code == "MS-2026-000001" and not info2.replayed
    assert added(before) == ONE_PAYMENT


def test_a_failure_in_the_last_write_rolls_back_the_earlier_ones(
    fee_data: FeeData, monkeypatch: pytest.MonkeyPatch
) -> None:
    collect_payment(
        PaymentRequest(
            fee_data.prepay.id,
            fee_data.teller.id,
            fee_data.counter.id,
            "prepay",
            "cash",
            10_00,
            "first",
            10_00,
        ),
        today=TODAY,
    )
    before = counts()
    balance = Account.get_by_id(fee_data.prepay.id).balance_fen

    def full_disk(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(audit, "append", full_disk)
    request = PaymentRequest(
        fee_data.prepay.id,
        fee_data.teller.id,
        fee_data.counter.id,
        "prepay",
        "cash",
        20_00,
        "second",
        20_00,
    )
    with pytest.raises(sqlite3.OperationalError) as info:
        collect_payment(request, today=TODAY)
    assert "disk holding the database is full" in describe(info.value)
    assert counts() == before
    assert Account.get_by_id(fee_data.prepay.id).balance_fen == balance
    monkeypatch.undo()
    assert collect_payment(request, today=TODAY).code == "MS-2026-000002"


def test_prepay_goes_into_the_balance_and_can_pay_bills(fee_data: FeeData) -> None:
    d = fee_data
    collect_payment(
        PaymentRequest(
            d.house.id, d.teller.id, d.counter.id, "prepay", "cash", 200_00, "pre", 200_00
        ),
        today=TODAY,
    )
    assert Account.get_by_id(d.house.id).balance_fen == 200_00
    assert billing.statement(d.house.id, TODAY).balance_fen == 200_00
    info = collect_payment(bill_request(d, method="balance", tendered_fen=None), today=TODAY)
    assert info.amount_fen == 168_00
    assert Account.get_by_id(d.house.id).balance_fen == 32_00
    # every change of the balance is explained by payments
    prepaid = sum(p.amount_fen for p in Payment.select().where(Payment.kind == "prepay"))
    used = sum(p.amount_fen for p in Payment.select().where(Payment.method == "balance"))
    assert prepaid - used == Account.get_by_id(d.house.id).balance_fen


def test_purchase_and_prepay_are_refused_for_a_suspended_account(fee_data: FeeData) -> None:
    Account.update(status="suspended").where(Account.id == fee_data.prepay.id).execute()
    with pytest.raises(TellerError) as info:
        collect_payment(
            PaymentRequest(
                fee_data.prepay.id,
                fee_data.teller.id,
                fee_data.counter.id,
                "prepay",
                "cash",
                10_00,
                "k",
                10_00,
            ),
            today=TODAY,
        )
    # stopped without a recorded reason (an account stopped before its history was kept)
    assert info.value.code == "supply_stopped" and "stopped (—, since —)" in info.value.message


def test_todays_payments_list(fee_data: FeeData) -> None:
    collect_payment(bill_request(fee_data), today=TODAY)
    (row,) = payments.list_payments(fee_data.ms.id, TODAY)
    assert (row.code, row.account_number, row.amount_fen, row.kind, row.staff_badge) == (
        "MS-2026-000001",
        "31000001",
        168_00,
        "bill",
        "MS01",
    )
    assert row.can_void
    assert payments.list_payments(fee_data.ms.id, TODAY + dt.timedelta(days=1)) == []
    assert Receipt.select().count() == 1
