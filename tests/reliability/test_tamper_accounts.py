"""`gasdesk verify` covers what completed forms did: a 销户's refund (its row, receipt and
the balance it took away) and every account-history row a form's effect wrote, on
SQLite and PostgreSQL, as an attacker holding the file would tamper with them (every
trigger dropped first)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.lifecycle import Completion
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.form_completion import advance_form, complete_form
from gasdesk.services.forms import submit_form
from gasdesk.services.payments import collect_payment
from gasdesk.storage import audit_verify
from gasdesk.storage.models import Payment, db
from gasdesk.storage.models_accounts import AccountHistory
from tests import fees_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData
from tests.forms_support import VALID_ID
from tests.reliability.tamper_support import drop_every_trigger

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url
AT = dt.datetime.combine(TODAY, dt.time(9, 30))


def closed_with_refund(d: FeeData) -> Any:
    collect_payment(
        PaymentRequest(
            d.house.id, d.teller.id, d.counter.id, "prepay", "cash", 500_00, "pre", 500_00
        ),
        today=TODAY,
    )
    spec = load_forms().get("close_account")
    assert spec is not None
    values = {
        "account": d.house.number,
        "name": d.house.name,
        "id_card": VALID_ID,
        "phone": d.house.phone,
        "final_reading": "160",
        "close_date": TODAY.isoformat(),
    }
    form = submit_form(spec, values, staff_id=d.teller.id, office_id=d.ms.id, at=AT).form
    for _ in range(2):
        advance_form(form.id, staff_id=d.teller.id, at=AT)
    done = complete_form(
        form.id,
        staff_id=d.teller.id,
        at=AT,
        completion=Completion(
            counter_id=d.counter.id,
            supervisor_badge="MS09",
            supervisor_password=PASSWORD,
            idempotency_key=str(uuid.uuid4()),
        ),
    ).effect
    result = audit_verify.verify()
    assert result.ok, result.problems
    drop_every_trigger(db.obj)
    return done


def done_form_number() -> str:
    from gasdesk.storage.models import FormRecord

    return str(FormRecord.get().number)


def findings(code: str) -> list[str]:
    result = audit_verify.verify()
    assert not result.ok
    return [f.item for f in result.findings if f.code == code]


def test_an_edited_refund_is_named_with_its_slip(fee_data: FeeData) -> None:
    done = closed_with_refund(fee_data)
    db.obj.execute_sql("UPDATE payment SET amount_fen = -10000 WHERE kind = 'refund'")
    assert findings("payment_altered") == [done.receipt_code]
    assert findings("balance_wrong") == [fee_data.house.number]  # 320.00 left, 100.00 implied


def test_a_deleted_refund_and_its_slip_are_named(fee_data: FeeData) -> None:
    done = closed_with_refund(fee_data)
    refund = Payment.get(Payment.kind == "refund")
    db.obj.execute_sql(f"UPDATE form_effect SET payment_id = NULL WHERE payment_id = {refund.id}")
    db.obj.execute_sql(f"DELETE FROM receipt WHERE payment_id = {refund.id}")
    db.obj.execute_sql(f"DELETE FROM payment WHERE id = {refund.id}")
    assert findings("payment_deleted") == [done.receipt_code]
    assert done.receipt_code in findings("receipt_gap")
    assert findings("account_history_altered") == [done_form_number()]


def test_account_history_altered_inserted_or_deleted_is_named(fee_data: FeeData) -> None:
    d = fee_data
    closed_with_refund(d)
    status = AccountHistory.get(AccountHistory.field == "status")
    db.obj.execute_sql(f"UPDATE account_history SET old_value = 'suspended' WHERE id = {status.id}")
    assert findings("account_history_altered") == [f"{d.house.number} status"]
    db.obj.execute_sql(f"UPDATE account_history SET old_value = 'active' WHERE id = {status.id}")
    assert audit_verify.verify().ok
    AccountHistory.insert(
        account=d.house.id,
        field="name",
        old_value=d.house.name,
        new_value="假户主",
        reason="",
        staff=d.teller.id,
        at=AT,
    ).execute()
    assert findings("account_history_inserted") == [f"{d.house.number} name"]
    db.obj.execute_sql("DELETE FROM account_history")
    assert f"{d.house.number} status" in findings("account_history_deleted")
