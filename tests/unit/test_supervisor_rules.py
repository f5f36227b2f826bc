"""Four eyes and office boundaries in the services: no supervisor approves the void of
a payment she took or is voiding herself, nor her own drawer's difference; a
complaint is answered, escalated and upheld by its own office's staff only; an
idempotency key sent again with a different request is refused, naming the receipt
it was first used for. Money rules on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.domain.text import UserError
from gasdesk.services import complaints, reconcile, return_visits, shift_close
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.form_completion import advance_form
from gasdesk.services.forms import FormActionError, submit_form
from gasdesk.services.passwords import hash_password
from gasdesk.services.payments import collect_payment
from gasdesk.services.voids import void_payment
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Counter, FormEvent, Payment, Staff
from gasdesk.storage.models_dayend import ShiftDifference
from gasdesk.storage.models_forms import Complaint
from tests import fees_support, forms_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData, counts
from tests.helpers import open_test_shift

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


def second_supervisor_on_shift(d: FeeData) -> tuple[int, int]:
    """MS09 on shift at Mengshui counter 2, and another Mengshui supervisor (MS08)
    who can approve what MS09 may not. Returns (counter 2 id, MS09's shift id)."""
    with write_transaction():
        counter = Counter.create(office=d.ms, number=2, name="2号窗口")
        Staff.create(
            badge="MS08",
            name="孙敏",
            role="supervisor",
            office=d.ms,
            password_hash=d.teller.password_hash,
        )
    return counter.id, open_test_shift(d.supervisor.id, counter.id, TODAY).id


def wechat(d: FeeData, staff_id: int, counter_id: int, reference: str) -> ReceiptInfo:
    request = PaymentRequest(
        d.prepay.id,
        staff_id,
        counter_id,
        "prepay",
        "wechat",
        50_00,
        str(uuid.uuid4()),
        reference=reference,
    )
    return collect_payment(request, today=TODAY)


def void(d: FeeData, payment_id: int, **kw: Any) -> ReceiptInfo:
    values: dict[str, Any] = dict(
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
    return void_payment(**values)


def refused_with_nothing_written(call: Any, *args: Any, **kw: Any) -> UserError:
    before = (counts(), audit.head())
    with pytest.raises(UserError) as info:
        call(*args, **kw)
    assert (counts(), audit.head()) == before
    return info.value


# --- voids ------------------------------------------------------------------------


def test_a_supervisor_cannot_approve_the_void_of_her_own_payment(fee_data: FeeData) -> None:
    d = fee_data
    counter2, _ = second_supervisor_on_shift(d)
    hers = wechat(d, d.supervisor.id, counter2, "4200000001")
    err = refused_with_nothing_written(void, d, hers.payment_id)  # MS01 voids, MS09 approves
    assert isinstance(err, TellerError) and err.code == "self_approval"
    assert "张伟 (MS09) took this payment" in err.message
    slip = void(d, hers.payment_id, supervisor_badge="MS08")  # another supervisor may
    assert Payment.get_by_id(slip.payment_id).authorised_by_id != d.supervisor.id


def test_a_supervisor_cannot_approve_a_void_she_makes_herself(fee_data: FeeData) -> None:
    d = fee_data
    counter2, _ = second_supervisor_on_shift(d)
    tellers = wechat(d, d.teller.id, d.counter.id, "4200000002")
    err = refused_with_nothing_written(
        void, d, tellers.payment_id, staff_id=d.supervisor.id, counter_id=counter2
    )
    assert isinstance(err, TellerError) and err.code == "self_approval"
    void(
        d,
        tellers.payment_id,
        staff_id=d.supervisor.id,
        counter_id=counter2,
        supervisor_badge="MS08",
    )


def test_a_void_key_sent_again_for_another_payment_or_teller_is_refused(fee_data: FeeData) -> None:
    d = fee_data
    counter2, _ = second_supervisor_on_shift(d)
    first = wechat(d, d.teller.id, d.counter.id, "4200000003")
    other = wechat(d, d.teller.id, d.counter.id, "4200000004")
    slip = void(d, first.payment_id, idempotency_key="void-key")
    assert void(d, first.payment_id, idempotency_key="void-key").code == slip.code  # a retry
    for changes in (
        {"payment_id": other.payment_id},
        {"staff_id": d.supervisor.id, "counter_id": counter2, "supervisor_badge": "MS08"},
    ):
        values = {"payment_id": first.payment_id, "idempotency_key": "void-key", **changes}
        err = refused_with_nothing_written(void, d, **values)
        assert isinstance(err, TellerError) and err.code == "key_reused"
        assert err.params["receipt"] == slip.code
    assert Payment.select().where(Payment.voids == other.payment_id).count() == 0


# --- the drawer's difference ------------------------------------------------------------


def test_a_supervisor_cannot_approve_her_own_drawers_difference(fee_data: FeeData) -> None:
    d = fee_data
    _, shift_id = second_supervisor_on_shift(d)
    rec = reconcile.record_blind_count(shift_id, d.supervisor.id, {10000: 2})  # 200 of 261.10
    assert rec.line("cash").difference_fen < 0
    before = audit.head()
    with pytest.raises(UserError, match="another supervisor"):
        shift_close.record_difference(shift_id, d.supervisor.id, "cash", "点错", "MS09", PASSWORD)
    assert ShiftDifference.select().count() == 0 and audit.head() == before
    diff = shift_close.record_difference(
        shift_id, d.supervisor.id, "cash", "点错", "MS08", PASSWORD
    )
    assert diff.supervisor_badge == "MS08"


# --- the same payment key with a different request ----------------------------------------


def payment(d: FeeData, **kw: Any) -> PaymentRequest:
    values: dict[str, Any] = dict(
        account_id=d.house.id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        kind="bill",
        method="cash",
        expected_due_fen=168_00,
        idempotency_key="pay-key",
        tendered_fen=200_00,
    )
    values.update(kw)
    return PaymentRequest(**values)


@pytest.mark.parametrize("differs", ["amount", "tendered", "method", "kind", "account", "teller"])
def test_a_payment_key_sent_again_with_a_different_request_is_refused(
    fee_data: FeeData, differs: str
) -> None:
    d = fee_data
    changes: dict[str, Any] = {
        "amount": {"expected_due_fen": 169_00},
        "tendered": {"tendered_fen": 168_00},
        "method": {"method": "wechat", "tendered_fen": None, "reference": "4200000009"},
        "kind": {"kind": "prepay"},
        "account": {"account_id": d.prepay.id},
        "teller": {"staff_id": d.supervisor.id},
    }[differs]
    first = collect_payment(payment(d), today=TODAY)
    assert collect_payment(payment(d), today=TODAY).code == first.code  # the same request
    err = refused_with_nothing_written(collect_payment, payment(d, **changes), today=TODAY)
    assert isinstance(err, TellerError) and err.code == "key_reused"
    assert err.params["receipt"] == first.code and first.code in err.message


# --- complaints belong to their office ----------------------------------------------------


@pytest.fixture
def world(tmp_path: Path) -> Iterator[forms_support.World]:
    yield forms_support.seed(tmp_path)
    forms_support.close()


COMPLAINT = {
    "name": "孙强",
    "phone": "05336698001",
    "about": "服务态度",
    "staff_named": "王村营业员",
    "content": "营业员态度生硬。",
}
AT = dt.datetime(2026, 9, 30, 10, 15)


def test_a_complaint_is_answered_escalated_and_upheld_by_its_own_office_only(
    world: forms_support.World,
) -> None:
    with write_transaction():
        wc_teller = Staff.create(
            badge="WC01",
            name="刘洋",
            role="teller",
            office=world.other_office_id,
            password_hash=hash_password("123456"),
        )
        wc_sup = Staff.create(
            badge="WC09",
            name="赵磊",
            role="supervisor",
            office=world.other_office_id,
            password_hash=wc_teller.password_hash,
        )
    spec = load_forms().get("complaint")
    assert spec is not None
    fid = submit_form(
        spec, COMPLAINT, staff_id=wc_teller.id, office_id=world.other_office_id, at=AT
    ).form.id
    events = FormEvent.select().count()
    for act in (
        lambda: complaints.uphold_complaint(
            fid, staff_id=world.supervisor_id, against_staff_id=wc_teller.id, at=AT
        ),
        lambda: complaints.escalate_complaint(fid, staff_id=world.supervisor_id, at=AT),
        lambda: advance_form(fid, staff_id=world.supervisor_id, at=AT),
    ):
        with pytest.raises(FormActionError, match="belongs to another office"):
            act()
    assert FormEvent.select().count() == events
    assert not Complaint.get(Complaint.form == fid).upheld

    advance_form(fid, staff_id=wc_teller.id, at=AT)  # its own office answers it
    advance_form(fid, staff_id=wc_teller.id, at=AT)
    [visit] = return_visits.list_return_visits()
    with pytest.raises(FormActionError, match="belongs to another office"):
        return_visits.record_return_visit(
            visit.id, staff_id=world.teller_id, outcome="接受处理结果", satisfaction="satisfied"
        )
    return_visits.record_return_visit(
        visit.id, staff_id=wc_teller.id, outcome="接受处理结果", satisfaction="satisfied"
    )
    c = complaints.uphold_complaint(fid, staff_id=wc_sup.id, against_staff_id=wc_teller.id, at=AT)
    assert c.upheld
