"""表具校验: the result recorded; a meter fast beyond ±1.5% credited for the gas it
over-registered since its last verification (a credit record with a supervisor's
approval, in the day report and covered by verify) and that gas taken out of the
year's tier volume; a 换表 follows; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gasdesk.domain.meter_check import Charged, over_charge, parse_error
from gasdesk.services.account_changes import account_history
from gasdesk.services.billing import materialise, statement
from gasdesk.services.day_report import day_report
from gasdesk.services.effect_copies import confirmation
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.form_errors import FormRejected
from gasdesk.storage import audit_verify
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, AuditEvent, FormRecord, Meter, db
from gasdesk.storage.models_credits import AccountCredit
from tests.billing_support import (
    BillingWorld,
    finish_form,
    open_shift,
    pay,
    prepare_form,
    read,
    seed_billing,
    state,
)
from tests.forms_support import close
from tests.reliability.tamper_support import drop_every_trigger

AT = dt.datetime(2026, 9, 30, 10, 0)
FORM = {
    "account": "100002",
    "name": "赵丽",
    "phone": "13805339876",
    "meter_number": "MS-0002",
    "reason": "近两月用量异常偏高",
}
RESULT = {
    "lab": "淄博市计量技术研究院",
    "certificate": "ZB-2026-0815",
    "error_percent": "+2.5",
    "tested_on": "2026-09-25",
    "period_from": "",
}


@pytest.fixture
def bw(tmp_path: Path) -> Iterator[BillingWorld]:
    yield seed_billing(tmp_path)
    close()


def billed(bw: BillingWorld) -> None:
    """305 m³... 405 m³ read and billed: 300 + 100 m³ at tier 1, 5 m³ at tier 2."""
    read(bw.house_id, dt.date(2026, 6, 1), 300)
    read(bw.house_id, dt.date(2026, 9, 1), 405)
    with write_transaction():
        materialise(bw.house_id)


def check(bw: BillingWorld, result: dict[str, str], *, form: dict[str, str] = FORM) -> Any:
    form_id = prepare_form(bw, "meter_check", form, AT)
    return finish_form(bw, form_id, result, AT, supervisor=True)


def test_the_over_registered_gas_is_a_fraction_of_each_charged_line() -> None:
    lines = [
        Charged("bill", 1, dt.date(2026, 1, 1), dt.date(2026, 6, 1), 1, 300_000, 300),
        Charged("bill", 2, dt.date(2026, 6, 1), dt.date(2026, 9, 1), 2, 92_000, 360),
        Charged("purchase", 3, dt.date(2025, 5, 1), dt.date(2025, 5, 1), 1, 10_000, 300),
    ]
    over = over_charge(lines, dt.date(2026, 3, 1), dt.date(2026, 9, 30), 250)
    # 92 of the 151 days of the first line are in the period: 182 781 L of 300 000
    assert [(x.ref, x.day, x.charged_l, x.over_l, x.amount_fen) for x in over] == [
        (1, dt.date(2026, 3, 1), 182_781, 4_458, 1_337),
        (2, dt.date(2026, 6, 1), 92_000, 2_244, 808),
    ]
    assert over_charge(lines, dt.date(2026, 1, 1), dt.date(2026, 9, 30), 150) == ()  # within
    assert parse_error("+2.5") == 250 and parse_error("-0.8%") == -80


def test_a_fast_meter_is_credited_and_its_gas_leaves_the_tiers(bw: BillingWorld) -> None:
    billed(bw)
    result = check(bw, RESULT)

    credit: Any = AccountCredit.get()
    # 300 m³ → 7.317 m³, 100 m³ → 2.439 m³ (tier 1, ¥3.00), 5 m³ → 0.122 m³ (tier 2, ¥3.60)
    assert (credit.volume_l, credit.amount_fen) == (9_878, 21_95 + 7_32 + 44)
    assert (credit.period_start, credit.period_end) == (dt.date(2026, 1, 1), AT.date())
    assert (credit.error_bp, credit.kind, credit.form_id) == (250, "meter_check", result.form.id)
    assert credit.authorised_by_id == bw.world.supervisor_id
    assert Account.get_by_id(bw.house_id).balance_fen == 29_71
    history = [(h.field, h.new) for h in account_history(bw.house_id)]
    assert ("meter_check", "MS-0002 +2.50%，淄博市计量技术研究院，证书 ZB-2026-0815") in history
    event = json.loads(AuditEvent.get(AuditEvent.kind == "account_credit").payload_json)
    assert (event["credit"], event["amount_fen"], event["authorised_by"]) == (
        credit.id,
        29_71,
        "MS09",
    )
    effect = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert effect["credit"] == credit.id and effect["error_bp"] == 250
    # the year's tier volume: 405 m³ less 9.878 m³; the next 20 m³ start in tier 1
    assert statement(bw.house_id, AT.date()).ytd_l == 395_122
    read(bw.house_id, dt.date(2026, 11, 1), 425)
    draft = statement(bw.house_id, dt.date(2026, 11, 1)).bills[-1]
    assert [(x.tier, x.volume_l) for x in draft.lines] == [(1, 4_878), (2, 15_122)]
    # a 换表 follows: its form is open, with the reason
    change: Any = FormRecord.get(FormRecord.kind == "meter_change")
    assert change.status == "received" and change.account_id == bw.house_id
    assert "校验不合格" in change.data_json
    paper = {x.label: x.value for x in confirmation(result.form.id).sections[0].lines}
    assert paper["退还气费（记入预存）"] == "29.71 元" and paper["换表申请单"] == change.number
    assert paper["结论"] == "偏快，超出±1.5%"
    # the day report lists it; verify covers it
    report = day_report(bw.office_id, AT.date())
    assert [(c.account_number, c.amount_fen, c.supervisor_badge) for c in report.credits] == [
        ("100002", 29_71, "MS09")
    ]
    assert audit_verify.verify().ok


def test_a_meter_within_the_promise_passes_and_is_verified(bw: BillingWorld) -> None:
    billed(bw)
    check(bw, {**RESULT, "error_percent": "-0.8"})
    assert AccountCredit.select().count() == 0
    assert Meter.get(Meter.number == "MS-0002").last_verified == dt.date(2026, 9, 25)
    history = [(h.field, h.old, h.new) for h in account_history(bw.house_id)]
    assert ("meter_verified", "2025-12-01", "2026-09-25") in history
    assert FormRecord.select().where(FormRecord.kind == "meter_change").count() == 0


def test_an_ic_card_meter_is_credited_for_the_purchases_of_the_period(bw: BillingWorld) -> None:
    open_shift(bw, dt.date(2026, 5, 1))
    pay(bw, bw.ic_id, "purchase", dt.date(2026, 5, 1), volume_l=100_000)
    form = {**FORM, "account": "100001", "name": "王建国", "meter_number": "MS-0001"}
    check(bw, {**RESULT, "period_from": "2026-01-01"}, form=form)
    credit: Any = AccountCredit.get()
    assert (credit.account_id, credit.volume_l, credit.amount_fen) == (bw.ic_id, 2_439, 7_32)
    assert json.loads(credit.lines_json)[0]["source"] == "purchase"


def test_the_credit_needs_a_supervisor_and_a_result_that_is_one(bw: BillingWorld) -> None:
    billed(bw)
    form_id = prepare_form(bw, "meter_check", FORM, AT)
    before = state()
    with pytest.raises(EffectRefused, match="supervisor must enter"):
        finish_form(bw, form_id, RESULT, AT, supervisor=False)
    for field, value, message in [
        ("error_percent", "2,5", "a percentage"),
        ("tested_on", "2026-10-01", "cannot be after today"),
        ("period_from", "2026-09-26", "start on or before the test day"),
    ]:
        with pytest.raises(FormRejected) as info:
            finish_form(bw, form_id, {**RESULT, field: value}, AT, supervisor=True)
        assert message in info.value.errors[field].message, field
    assert state() == before
    assert FormRecord.get_by_id(form_id).status == "in_progress"


def test_verify_names_a_credit_altered_inserted_or_deleted(bw: BillingWorld) -> None:
    billed(bw)
    check(bw, RESULT)
    drop_every_trigger(db.obj)
    db.execute_sql("UPDATE account_credit SET amount_fen = 9999")
    result = audit_verify.verify()
    codes = {f.code for f in result.findings}
    assert not result.ok and {"credit_altered", "balance_wrong"} <= codes
    db.execute_sql(
        "INSERT INTO account_credit (account_id, office_id, kind, business_date, period_start, "
        "period_end, error_bp, volume_l, amount_fen, lines_json, staff_id, authorised_by_id, "
        "reason, created_at) SELECT account_id, office_id, kind, business_date, period_start, "
        "period_end, error_bp, volume_l, amount_fen, lines_json, staff_id, authorised_by_id, "
        "reason, created_at FROM account_credit"
    )
    assert "credit_inserted" in {f.code for f in audit_verify.verify().findings}
    db.execute_sql("DELETE FROM account_credit")
    codes = {f.code for f in audit_verify.verify().findings}
    assert "credit_deleted" in codes
