"""销户: the final reading, the final bill, the bills settled, the balance refunded in
cash from the teller's drawer with a supervisor's authorisation, the account closed;
on SQLite and PostgreSQL. The refund is in the drawer's expected cash, the day report
and `gasdesk verify`; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.form_spec import FormSpec, Status
from gasdesk.domain.lifecycle import Completion
from gasdesk.services import billing
from gasdesk.services.account_changes import account_history
from gasdesk.services.accounts import find_accounts, get_account
from gasdesk.services.auth import LoginError
from gasdesk.services.day_report import day_report, day_report_pdf
from gasdesk.services.drawer import expected_cash_of
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.form_completion import advance_form, complete_form, preview_effect
from gasdesk.services.forms import FormRejected, submit_form
from gasdesk.services.payments import collect_payment
from gasdesk.services.purchases import quote_purchase
from gasdesk.services.receipts import receipt_pdf
from gasdesk.services.reported_readings import report_reading
from gasdesk.services.voids import void_payment
from gasdesk.storage import audit_verify
from gasdesk.storage.models import (
    Account,
    AuditEvent,
    FormRecord,
    Meter,
    Payment,
    Reading,
    Receipt,
    ReceiptCounter,
)
from gasdesk.storage.models_accounts import AccountHistory, FormEffect
from tests import fees_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData
from tests.forms_support import VALID_ID
from tests.lifecycle_support import pdf_text

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url

AT = dt.datetime.combine(TODAY, dt.time(9, 30))
DONE = dt.datetime.combine(TODAY, dt.time(10, 0))


def spec(kind: str) -> FormSpec:
    s = load_forms().get(kind)
    assert s is not None
    return s


def prepay(d: FeeData, fen: int, method: str = "cash") -> None:
    reference = "" if method == "cash" else f"4200{uuid.uuid4().int % 10**12:012d}"
    collect_payment(
        PaymentRequest(
            d.house.id,
            d.teller.id,
            d.counter.id,
            "prepay",
            method,
            fen,
            str(uuid.uuid4()),
            fen if method == "cash" else None,
            reference,
        ),
        today=TODAY,
    )


def close_form(d: FeeData, reading: str = "160") -> int:
    values = {
        "account": d.house.number,
        "name": d.house.name,
        "id_card": VALID_ID,
        "phone": d.house.phone,
        "final_reading": reading,
        "close_date": TODAY.isoformat(),
        "reason": "房屋出售",
    }
    result = submit_form(
        spec("close_account"),
        values,
        staff_id=d.teller.id,
        office_id=d.ms.id,
        account_id=d.house.id,
        at=AT,
    )
    form_id = result.form.id
    for _ in range(2):  # 处理中, 已答复: the next status (办结) closes the account
        advance_form(form_id, staff_id=d.teller.id, at=AT)
    return form_id


def finish(d: FeeData, form_id: int, badge: str = "MS09", staff: Any = None) -> Any:
    return complete_form(
        form_id,
        staff_id=(staff or d.teller).id,
        at=DONE,
        completion=Completion(
            counter_id=d.counter.id,
            supervisor_badge=badge,
            supervisor_password=PASSWORD,
            idempotency_key=str(uuid.uuid4()),
        ),
    )


def state(d: FeeData) -> dict[str, Any]:
    account: Any = Account.get_by_id(d.house.id)
    return {
        "payments": Payment.select().count(),
        "receipts": Receipt.select().count(),
        "numbers": sum(r.last for r in ReceiptCounter.select()),
        "history": AccountHistory.select().count(),
        "effects": FormEffect.select().count(),
        "balance": account.balance_fen,
        "status": account.status,
        "meters": [(m.number, m.removed_on) for m in Meter.select().order_by(Meter.id)],
        "forms": [f.status for f in FormRecord.select().order_by(FormRecord.id)],
        "audit": AuditEvent.select().count(),
    }


def test_closing_settles_refunds_and_closes(fee_data: FeeData) -> None:
    d = fee_data
    prepay(d, 500_00)
    cash_before = expected_cash_of(d.shift_id).expected_fen  # float + 500.00
    form_id = close_form(d)
    final = Reading.select().order_by(Reading.id.desc()).first()
    assert (final.value_l, final.source, final.read_on) == (160_000, "counter", TODAY)
    assert billing.statement(d.house.id, TODAY).due_fen == 180_00  # 168.00 + 4 m³ × 3.00
    lines = {x.label: x.value for x in preview_effect(form_id, {}, staff_id=d.teller.id, at=DONE)}
    assert lines["Owed with the final bill"] == "¥180.00"
    assert lines["Refund in cash from your drawer"] == "¥320.00  人民币叁佰贰拾元整"

    result = finish(d, form_id)

    done = result.effect
    assert result.form.status is Status.CLOSED and done is not None
    account: Any = Account.get_by_id(d.house.id)
    assert (account.status, account.balance_fen) == ("closed", 0)
    assert Meter.get(Meter.account == d.house.id).removed_on == TODAY
    settle = Payment.get((Payment.kind == "bill") & (Payment.method == "balance"))
    assert settle.amount_fen == 180_00 and settle.shift_id == d.shift_id
    refund: Any = Payment.get(Payment.kind == "refund")
    assert (refund.method, refund.amount_fen, refund.shift_id) == ("cash", -320_00, d.shift_id)
    assert refund.authorised_by_id == d.supervisor.id and "销户" in refund.reason
    assert done.receipt_code == Receipt.get(Receipt.payment == refund.id).code
    assert done.receipt_code == "MS-2026-000003"  # prepay, the bills from the balance, 退款
    assert expected_cash_of(d.shift_id).expected_fen == cash_before - 320_00
    assert expected_cash_of(d.shift_id).cash_refunds_fen == 320_00
    changed = {(h.field, h.old, h.new) for h in account_history(d.house.id)}
    assert changed == {("meter", "M-1001", ""), ("status", "active", "closed")}
    effect = FormEffect.get()
    assert (effect.payment_id, effect.supervisor_id) == (refund.id, d.supervisor.id)
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert (event["refund_fen"], event["settled_fen"], event["receipt"]) == (
        320_00,
        180_00,
        done.receipt_code,
    )
    refund_event = json.loads(AuditEvent.get(AuditEvent.kind == "refund").payload_json)
    assert refund_event["amount_fen"] == -320_00 and refund_event["authorised_by"] == "MS09"
    paper = dict(done.confirmation.lines)
    assert (
        paper["退还金额大写"] == "人民币叁佰贰拾元整" and paper["退款凭证号"] == done.receipt_code
    )
    slip = pdf_text(receipt_pdf(done.receipt_id, "80mm"))
    for item in ("退款凭证", done.receipt_code, "320.00", "人民币叁佰贰拾元整", "MS09", "客户签字"):
        assert item in slip
    report = day_report(d.ms.id, TODAY)
    (line,) = report.refunds
    assert (line.receipt, line.account_number, line.amount_fen) == (
        done.receipt_code,
        d.house.number,
        320_00,
    )
    cash = next(m for m in report.methods if m.method == "cash")
    assert cash.refunded_fen == 320_00 and cash.net_fen == 500_00 - 320_00
    assert "退款（销户、过户退还预存余额）" in pdf_text(day_report_pdf(d.ms.id, TODAY)[1])
    result_verify = audit_verify.verify()
    assert result_verify.ok, result_verify.problems


def test_a_closed_account_takes_no_payment_or_reading_and_is_still_found(
    fee_data: FeeData,
) -> None:
    d = fee_data
    prepay(d, 500_00)
    finish(d, close_form(d))
    assert get_account(d.house.id).status == "closed"  # type: ignore[union-attr]
    found = find_accounts(d.house.number)  # still found, shown closed
    assert [(a.number, a.status) for a in found] == [(d.house.number, "closed")]
    for kind, amount in (("prepay", 100_00), ("bill", 100_00)):
        with pytest.raises(Exception, match="is closed"):
            collect_payment(
                PaymentRequest(
                    d.house.id, d.teller.id, d.counter.id, kind, "cash", amount, "k" + kind, amount
                ),
                today=TODAY,
            )
    with pytest.raises(Exception, match="is closed"):
        report_reading(d.house.id, "170", staff_id=d.teller.id, office_id=d.ms.id, today=TODAY)
    refund = Payment.get(Payment.kind == "refund")
    with pytest.raises(Exception, match="refund cannot be voided"):
        void_payment(
            payment_id=refund.id,
            staff_id=d.teller.id,
            counter_id=d.counter.id,
            supervisor_badge="MS09",
            supervisor_password=PASSWORD,
            reason="试一下",
            idempotency_key="v1",
            today=TODAY,
        )
    with pytest.raises(FormRejected) as info:
        close_form(d)
    assert "is closed" in info.value.errors["account"].message


def test_arrears_beyond_the_balance_are_collected_first(fee_data: FeeData) -> None:
    d = fee_data
    form_id = close_form(d)  # no balance, 180.00 due with the final bill
    lines = {x.label: x.value for x in preview_effect(form_id, {}, staff_id=d.teller.id, at=DONE)}
    assert lines["To collect first at the fee tab (F3)"] == "¥180.00"
    before = state(d)
    with pytest.raises(EffectRefused, match=r"collect 180\.00 yuan at the fee tab"):
        finish(d, form_id)
    assert state(d) == before
    collect_payment(  # the customer pays at the fee tab
        PaymentRequest(
            d.house.id, d.teller.id, d.counter.id, "bill", "cash", 180_00, "arrears", 200_00
        ),
        today=TODAY,
    )
    done = finish(d, form_id).effect
    assert done is not None and done.receipt_id is None  # nothing to refund
    assert Account.get_by_id(d.house.id).status == "closed"
    assert not Payment.select().where(Payment.kind == "refund").exists()
    assert audit_verify.verify().ok


def test_a_reading_below_the_previous_is_refused_at_submission(fee_data: FeeData) -> None:
    d = fee_data
    readings = Reading.select().count()
    with pytest.raises(FormRejected) as info:
        close_form(d, reading="150")
    assert "below the previous reading" in info.value.errors["final_reading"].message
    assert "156.000" in info.value.errors["final_reading"].message
    assert FormRecord.select().count() == 0 and Reading.select().count() == readings


def test_refused_authorisations_and_a_drawer_short_of_cash_change_nothing(
    fee_data: FeeData,
) -> None:
    d = fee_data
    prepay(d, 1000_00, method="wechat")  # the drawer holds only its float (¥261.10)
    form_id = close_form(d)
    before = state(d)
    with pytest.raises(LoginError):  # a teller is not a supervisor
        finish(d, form_id, badge="MS01")
    with pytest.raises(EffectRefused, match="cannot also authorise"):
        finish(d, form_id, staff=d.supervisor)  # the supervisor closing it herself
    with pytest.raises(Exception, match=r"does not hold the 820\.00 yuan"):
        finish(d, form_id)
    after = state(d)
    assert {k: v for k, v in after.items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }
    assert after["audit"] - before["audit"] == 1  # only the refused supervisor is recorded


def test_an_open_closing_form_holds_the_account(fee_data: FeeData) -> None:
    d = fee_data
    close_form(d)
    with pytest.raises(FormRejected) as info:
        submit_form(
            spec("info_change"),
            {
                "account": d.house.number,
                "name": d.house.name,
                "id_card": VALID_ID,
                "new_phone": "13905330000",
            },
            staff_id=d.teller.id,
            office_id=d.ms.id,
            at=AT,
        )
    assert "open closing form" in info.value.errors["account"].message


def test_ic_card_gas_is_refused_while_the_supply_is_stopped_and_after_closing(
    fee_data: FeeData,
) -> None:
    d = fee_data
    assert quote_purchase(d.ic.id, amount_fen=100_00, today=TODAY).amount_fen == 100_00
    values = {
        "account": d.ic.number,
        "name": d.ic.name,
        "phone": d.ic.phone,
        "action": "停气",
        "reason": "房屋装修",
        "date": TODAY.isoformat(),
    }
    form = submit_form(
        spec("supply_change"), values, staff_id=d.teller.id, office_id=d.ms.id, at=AT
    ).form
    for _ in range(3):
        advance_form(form.id, staff_id=d.teller.id, at=DONE)
    assert Account.get_by_id(d.ic.id).status == "suspended"
    with pytest.raises(Exception, match=r"stopped \(房屋装修, since 2026-03-10\)"):
        quote_purchase(d.ic.id, amount_fen=100_00, today=TODAY)
    with pytest.raises(Exception, match="cannot buy gas or prepay"):
        collect_payment(
            PaymentRequest(d.ic.id, d.teller.id, d.counter.id, "prepay", "cash", 50_00, "p", 50_00),
            today=TODAY,
        )
