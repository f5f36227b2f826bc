"""Voids (冲正): same day, supervisor's badge, password and reason; a reversing record,
never an edit; a closed day cannot be voided."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from playhouse.shortcuts import model_to_dict

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.domain.text import UserError
from gasdesk.services import billing
from gasdesk.services.days import is_day_closed
from gasdesk.services.payments import collect_payment, list_payments
from gasdesk.services.voids import void_payment
from gasdesk.storage.models import Account, AuditEvent, Payment, PaymentBill, Receipt
from gasdesk.storage.models_days import BusinessDay
from tests import fees_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData, counts

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


def pay(d: FeeData) -> ReceiptInfo:
    request = PaymentRequest(
        d.house.id, d.teller.id, d.counter.id, "bill", "cash", 168_00, str(uuid.uuid4()), 200_00
    )
    return collect_payment(request, today=TODAY)


def void(d: FeeData, payment_id: int, **kw) -> ReceiptInfo:  # type: ignore[no-untyped-def]
    values = dict(
        payment_id=payment_id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        supervisor_badge="MS09",
        supervisor_password=PASSWORD,
        reason="收款方式录错",
        idempotency_key=str(uuid.uuid4()),
        today=TODAY,
    )
    values.update(kw)
    return void_payment(**values)  # type: ignore[arg-type]


def test_a_void_with_supervisor_credentials_reverses_without_editing(fee_data: FeeData) -> None:
    d = fee_data
    paid = pay(d)
    original = model_to_dict(Payment.get_by_id(paid.payment_id), recurse=False)
    slip = void(d, paid.payment_id)
    assert slip.code == "MS-2026-000002" and slip.kind == "void" and slip.amount_fen == -168_00
    assert model_to_dict(Payment.get_by_id(paid.payment_id), recurse=False) == original  # untouched
    reversal = Payment.get_by_id(slip.payment_id)
    assert reversal.voids_id == paid.payment_id
    assert reversal.authorised_by_id == d.supervisor.id and reversal.reason == "收款方式录错"
    assert sorted(pb.amount_fen for pb in PaymentBill.select()) == [-168_00, 168_00]
    assert billing.statement(d.house.id, TODAY).due_fen == 168_00  # the bill is open again
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert event.kind == "void"
    payload = json.loads(event.payload_json)
    assert payload["original_receipt"] == paid.code and payload["authorised_by"] == "MS09"
    rows = {r.payment_id: r for r in list_payments(d.ms.id, TODAY)}
    assert rows[paid.payment_id].voided_by_code == slip.code and not rows[paid.payment_id].can_void
    assert rows[slip.payment_id].voids_code == paid.code


@pytest.mark.parametrize(
    ("changes", "message", "audited"),
    [
        (
            {"supervisor_badge": "", "supervisor_password": ""},
            "A supervisor must enter a badge number and password.",
            None,
        ),
        ({"supervisor_password": ""}, "A supervisor must enter a badge number and password.", None),
        ({"reason": " "}, "Enter the reason for the void.", None),
        ({"supervisor_password": "wrong"}, "Badge number or password is wrong.", "login_failed"),
        ({"supervisor_badge": "NOBODY"}, "Badge number or password is wrong.", "login_failed"),
        (
            {"supervisor_badge": "MS01"},
            "李娜 (MS01) is not a supervisor of this office; a supervisor must confirm this.",
            "supervisor_refused",
        ),
        (
            {"supervisor_badge": "WC09"},
            "赵磊 (WC09) is not a supervisor of this office; a supervisor must confirm this.",
            "supervisor_refused",
        ),
    ],
)
def test_a_void_without_valid_supervisor_credentials_is_refused(
    fee_data: FeeData,
    changes: dict,
    message: str,
    audited: str | None,  # type: ignore[type-arg]
) -> None:
    paid = pay(fee_data)
    before = counts()
    with pytest.raises(UserError) as info:
        void(fee_data, paid.payment_id, **changes)
    assert info.value.message == message
    after = counts()
    assert {k: v for k, v in after.items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }
    assert Payment.select().where(Payment.kind == "void").count() == 0
    last = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    if audited is None:
        assert after["audit"] == before["audit"]
    else:  # a refused supervisor check is itself on record, as a wrong login is
        assert after["audit"] == before["audit"] + 1 and last.kind == audited


def test_only_same_day_and_only_once(fee_data: FeeData) -> None:
    paid = pay(fee_data)
    with pytest.raises(TellerError) as info:
        void(fee_data, paid.payment_id, today=TODAY + dt.timedelta(days=1))
    assert info.value.code == "not_same_day"
    slip = void(fee_data, paid.payment_id)
    with pytest.raises(TellerError) as info:
        void(fee_data, paid.payment_id)
    assert info.value.code == "already_voided"
    with pytest.raises(TellerError) as info:
        void(fee_data, slip.payment_id)
    assert info.value.code == "is_void"


def test_a_closed_day_cannot_be_voided(fee_data: FeeData) -> None:
    paid = pay(fee_data)
    assert not is_day_closed(fee_data.ms.id, TODAY)
    day = BusinessDay.create(office=fee_data.ms, business_date=TODAY)  # opened, not closed
    assert not is_day_closed(fee_data.ms.id, TODAY)
    day.closed_at = dt.datetime(2026, 3, 10, 17, 30)
    day.closed_by = fee_data.supervisor
    day.save()
    assert is_day_closed(fee_data.ms.id, TODAY) and not is_day_closed(fee_data.wc.id, TODAY)
    before = counts()
    with pytest.raises(TellerError) as info:
        void(fee_data, paid.payment_id)
    assert info.value.code == "day_closed"
    assert counts() == before


def test_a_repeated_void_request_returns_the_first_slip(fee_data: FeeData) -> None:
    paid = pay(fee_data)
    first = void(fee_data, paid.payment_id, idempotency_key="void-1")
    again = void(fee_data, paid.payment_id, idempotency_key="void-1")
    assert again.code == first.code and again.replayed
    assert Receipt.select().count() == 2


def test_voiding_a_prepayment_takes_it_out_of_the_balance_unless_spent(fee_data: FeeData) -> None:
    d = fee_data
    pre = collect_payment(
        PaymentRequest(
            d.house.id, d.teller.id, d.counter.id, "prepay", "cash", 200_00, "p1", 200_00
        ),
        today=TODAY,
    )
    void(d, pre.payment_id)
    assert Account.get_by_id(d.house.id).balance_fen == 0
    pre2 = collect_payment(
        PaymentRequest(
            d.house.id, d.teller.id, d.counter.id, "prepay", "cash", 200_00, "p2", 200_00
        ),
        today=TODAY,
    )
    collect_payment(
        PaymentRequest(d.house.id, d.teller.id, d.counter.id, "bill", "balance", 168_00, "b1"),
        today=TODAY,
    )
    before = counts()
    with pytest.raises(TellerError) as info:
        void(d, pre2.payment_id)
    assert info.value.code == "balance_spent"
    assert counts() == before and Account.get_by_id(d.house.id).balance_fen == 32_00
