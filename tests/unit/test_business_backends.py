"""The money paths of 过户 and 表具校验 on each backend (SQLite; PostgreSQL when
GASDESK_TEST_PG_URL names a test server): the balance paid from and refunded, the
credit recorded, and `verify` covering both."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pypdfium2 as pdfium

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.lifecycle import Completion
from gasdesk.printing.day_report import render_day_report
from gasdesk.services.billing import statement
from gasdesk.services.day_report import day_report
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.form_completion import advance_form, complete_form
from gasdesk.services.forms import submit_form
from gasdesk.services.payments import collect_payment
from gasdesk.storage import audit_verify
from gasdesk.storage.models import Account, Payment
from gasdesk.storage.models_credits import AccountCredit
from tests import fees_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url
AT = dt.datetime.combine(TODAY, dt.time(10, 0))


def run(data: FeeData, kind: str, values: dict[str, str], effect: dict[str, str]) -> Any:
    spec = load_forms().get(kind)
    assert spec is not None
    form = submit_form(spec, values, staff_id=data.teller.id, office_id=data.ms.id, at=AT).form
    while form.next_status is not spec.effect_at:
        form = advance_form(form.id, staff_id=data.teller.id, at=AT)
    return complete_form(
        form.id,
        staff_id=data.teller.id,
        at=AT,
        completion=Completion(
            values=effect,
            counter_id=data.counter.id,
            supervisor_badge="MS09",
            supervisor_password=PASSWORD,
        ),
    )


def collect(data: FeeData, kind: str, fen: int) -> None:
    collect_payment(
        PaymentRequest(
            account_id=data.house.id,
            staff_id=data.teller.id,
            counter_id=data.counter.id,
            kind=kind,
            method="cash",
            expected_due_fen=fen,
            idempotency_key=uuid.uuid4().hex,
            tendered_fen=fen,
        ),
        today=TODAY,
    )


def test_a_meter_check_credits_and_verify_covers_it(fee_data: FeeData) -> None:
    collect(fee_data, "bill", statement(fee_data.house.id, TODAY).due_fen)  # 56 m³: ¥168.00
    values = {
        "account": "31000001",
        "name": "王秀英",
        "phone": "13800000001",
        "meter_number": "M-1001",
        "reason": "用量异常偏高",
    }
    result = {
        "lab": "淄博市计量技术研究院",
        "certificate": "ZB-1",
        "error_percent": "2.5",
        "tested_on": TODAY.isoformat(),
        "period_from": "",
    }
    run(fee_data, "meter_check", values, result)
    credit: Any = AccountCredit.get()
    assert (credit.amount_fen, credit.volume_l) == (4_10, 1_366)
    assert Account.get_by_id(fee_data.house.id).balance_fen == 4_10
    report = day_report(fee_data.ms.id, TODAY)
    assert [c.amount_fen for c in report.credits] == [4_10]
    for layout, says in (("a4", "记入预存的退费1笔，合计4.10元"), ("slip", "退费记入预存1笔4.10")):
        text = "".join(
            page.get_textpage().get_text_range()
            for page in pdfium.PdfDocument(render_day_report(report, layout))
        )
        assert says in "".join(text.split()), layout  # the printed day report lists it
    assert statement(fee_data.house.id, TODAY).ytd_l == 56_000 - 1_366
    assert audit_verify.verify().ok


def test_a_transfer_pays_from_the_balance_refunds_and_verify_covers_it(fee_data: FeeData) -> None:
    collect(fee_data, "prepay", 300_00)
    values = {
        "account": "31000001",
        "old_name": "王秀英",
        "address": "文昌湖区商家镇幸福路8号",
        "transfer_reading": "160",
        "new_name": "孙红梅",
        "new_id_card": "110105198001010016",
        "new_phone": "13905330777",
        "reason": "房屋买卖",
    }
    run(fee_data, "transfer", values, {"balance": "退还原户主"})
    account: Any = Account.get_by_id(fee_data.house.id)
    assert (account.name, account.balance_fen) == ("孙红梅", 0)
    assert Payment.get(Payment.method == "balance").amount_fen == 180_00
    assert Payment.get(Payment.kind == "refund").amount_fen == -120_00
    assert audit_verify.verify().ok
