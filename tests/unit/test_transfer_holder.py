"""过户: the transfer reading billed to the old holder and settled first (from the balance,
or refused with the amount to collect), the balance staying or refunded to the old
holder, the holder changed with both in the history; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gasdesk.services.account_changes import account_history
from gasdesk.services.billing import statement
from gasdesk.services.effect_copies import confirmation
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.form_errors import FormRejected
from gasdesk.services.search import index_account, search_accounts
from gasdesk.storage import audit_verify
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, AuditEvent, Bill, Payment, Reading, Receipt
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
from tests.forms_support import VALID_ID, close

AT = dt.datetime(2026, 9, 30, 10, 0)
NEW_ID = "110105198001010016"
FORM = {
    "account": "100002",
    "old_name": "赵丽",
    "address": "文昌湖区商家镇文昌路锦绣苑12号楼1单元502",
    "transfer_reading": "320",
    "new_name": "孙红梅",
    "new_id_card": NEW_ID,
    "new_phone": "13905330777",
    "reason": "房屋买卖",
}


@pytest.fixture
def bw(tmp_path: Path) -> Iterator[BillingWorld]:
    world = seed_billing(tmp_path)
    read(world.house_id, dt.date(2026, 6, 1), 300)
    open_shift(world, AT.date())
    with write_transaction():
        index_account(world.house_id)
    yield world
    close()


def transfer(bw: BillingWorld, balance: str, form: dict[str, str] = FORM) -> Any:
    form_id = prepare_form(bw, "transfer", form, AT)
    return finish_form(bw, form_id, {"balance": balance}, AT, supervisor=True, counter=True)


def test_the_old_holder_settles_is_refunded_and_the_new_holder_takes_the_account(
    bw: BillingWorld,
) -> None:
    pay(bw, bw.house_id, "prepay", AT.date(), amount_fen=1000_00)
    result = transfer(bw, "退还原户主")

    account: Any = Account.get_by_id(bw.house_id)
    assert (account.name, account.id_card, account.phone) == ("孙红梅", NEW_ID, "13905330777")
    assert account.balance_fen == 0
    reading: Any = Reading.get((Reading.account == bw.house_id) & (Reading.source == "business"))
    assert (reading.read_on, reading.value_l) == (AT.date(), 320_000)
    # the gas up to the transfer reading: 300 m³ + 20 m³ at tier 1, paid from the balance
    bills = list(Bill.select().where(Bill.account == bw.house_id).order_by(Bill.id))
    assert [b.amount_fen for b in bills] == [900_00, 60_00]
    assert statement(bw.house_id, AT.date()).due_fen == 0
    settle: Any = Payment.get(Payment.method == "balance")
    assert (settle.kind, settle.amount_fen) == ("bill", 960_00)
    refund: Any = Payment.get(Payment.kind == "refund")
    assert (refund.amount_fen, refund.method, refund.authorised_by_id) == (
        -40_00,
        "cash",
        bw.world.supervisor_id,
    )
    assert Receipt.get(Receipt.payment == refund.id).code == result.effect.receipt_code
    history = {(h.field, h.old, h.new) for h in account_history(bw.house_id)}
    assert {("name", "赵丽", "孙红梅"), ("id_card", "", NEW_ID)} <= history
    assert ("phone", "13805339876", "13905330777") in history
    name_row = next(h for h in account_history(bw.house_id) if h.field == "name")
    assert "过户读数 320.000 m³（2026-09-30）" in name_row.reason and name_row.at == AT
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["effect"] == "transfer_holder" and event["refund_fen"] == 40_00
    assert event["receipt"] == result.effect.receipt_code and len(event["history"]) == 3
    paper = {x.label: x.value for x in confirmation(result.form.id).sections[0].lines}
    assert (paper["原户主"], paper["新户主"]) == ("赵丽", "孙红梅")
    assert paper["预存余额处理"] == "退还原户主现金 40.00 元"
    assert paper["退还金额大写"] == "人民币肆拾元整"
    assert [h.account.number for h in search_accounts("孙红梅")] == ["100002"]
    assert search_accounts("赵丽") == []
    assert audit_verify.verify().ok


def test_the_balance_can_stay_with_the_account(bw: BillingWorld) -> None:
    pay(bw, bw.house_id, "prepay", AT.date(), amount_fen=1000_00)
    result = transfer(bw, "留在账户")
    assert Account.get_by_id(bw.house_id).balance_fen == 40_00
    assert Payment.select().where(Payment.kind == "refund").count() == 0
    assert result.effect.receipt_id is None
    paper = {x.label: x.value for x in confirmation(result.form.id).sections[0].lines}
    assert paper["预存余额处理"] == "留在账户，归新户主 40.00 元"


def test_arrears_beyond_the_balance_are_refused_with_the_amount_then_collected(
    bw: BillingWorld,
) -> None:
    pay(bw, bw.house_id, "prepay", AT.date(), amount_fen=100_00)
    form_id = prepare_form(bw, "transfer", FORM, AT)
    # the transfer reading is recorded at once: the fee tab shows the gas up to it
    assert statement(bw.house_id, AT.date()).due_fen == 960_00
    before = state()
    with pytest.raises(EffectRefused) as info:
        finish_form(bw, form_id, {"balance": "留在账户"}, AT, supervisor=True, counter=True)
    assert "owes 960.00 yuan" in info.value.message and "collect 860.00 yuan" in info.value.message
    assert state() == before
    pay(bw, bw.house_id, "bill", AT.date())  # at the fee tab, in cash
    finish_form(bw, form_id, {"balance": "退还原户主"}, AT, supervisor=True, counter=True)
    assert Account.get_by_id(bw.house_id).name == "孙红梅"
    assert Payment.get(Payment.kind == "refund").amount_fen == -100_00


def test_a_transfer_to_the_same_holder_is_refused(bw: BillingWorld) -> None:
    with pytest.raises(FormRejected) as info:  # no ID card on the account: the name decides
        prepare_form(bw, "transfer", {**FORM, "new_name": "赵 丽"}, AT)
    assert "赵丽 already holds account 100002" in info.value.errors["new_name"].message
    with write_transaction():
        Account.update(id_card=VALID_ID).where(Account.id == bw.house_id).execute()
    with pytest.raises(FormRejected) as info:
        prepare_form(bw, "transfer", {**FORM, "new_id_card": VALID_ID}, AT)
    assert "already holds" in info.value.errors["new_id_card"].message
    assert Reading.select().where(Reading.source == "business").count() == 0


def test_a_transfer_reading_below_the_previous_is_refused(bw: BillingWorld) -> None:
    before = state()
    with pytest.raises(FormRejected) as info:
        prepare_form(bw, "transfer", {**FORM, "transfer_reading": "299.5"}, AT)
    assert "below the previous reading" in info.value.errors["transfer_reading"].message
    assert state() == before


def test_an_ic_card_account_is_transferred_with_its_reading_and_no_bill(
    bw: BillingWorld,
) -> None:
    form = {
        **FORM,
        "account": "100001",
        "old_name": "王建国",
        "address": "文昌湖区商家镇文昌路锦绣苑3号楼2单元201",
        "transfer_reading": "12.5",
    }
    transfer(bw, "留在账户", form)
    assert Account.get_by_id(bw.ic_id).name == "孙红梅"
    assert Bill.select().where(Bill.account == bw.ic_id).count() == 0
    assert Reading.get(Reading.account == bw.ic_id).value_l == 12_500
