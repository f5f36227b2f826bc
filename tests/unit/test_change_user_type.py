"""用气类型变更: the reading on the change day, the gas before it billed at the old
tariff and after it at the new one, the tiers of the year counted per user type; bad
input changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gasdesk.services.account_changes import account_history
from gasdesk.services.billing import materialise, statement
from gasdesk.services.effect_copies import confirmation
from gasdesk.services.form_errors import FormRejected
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, AuditEvent, Bill, FormRecord, Reading
from tests.billing_support import (
    BillingWorld,
    finish_form,
    prepare_form,
    read,
    run_form,
    seed_billing,
    state,
)
from tests.forms_support import close

CHANGE = dt.datetime(2026, 9, 30, 10, 0)
FORM = {"account": "100002", "name": "赵丽", "phone": "13805339876", "reason": "底商改作餐饮"}


@pytest.fixture
def bw(tmp_path: Path) -> Iterator[BillingWorld]:
    yield seed_billing(tmp_path)
    close()


def change(bw: BillingWorld, to: str, reading: str, at: dt.datetime = CHANGE) -> Any:
    return run_form(bw, "user_type_change", {**FORM, "new_user_type": to}, {"reading": reading}, at)


def bill_lines(account_id: int) -> list[tuple[str, int, int, int]]:
    """(segment start, tier, litres, price) of every bill line, oldest first."""
    out = []
    for b in Bill.select().where(Bill.account == account_id).order_by(Bill.period_end, Bill.id):
        for line in json.loads(b.lines_json):
            out.append((line["start"], line["tier"], line["volume_l"], line["price_fen"]))
    return out


def test_gas_before_the_change_is_billed_at_the_old_tariff_after_it_at_the_new(
    bw: BillingWorld,
) -> None:
    read(bw.house_id, dt.date(2026, 6, 1), 300)
    result = change(bw, "商业用户", "450")

    account: Any = Account.get_by_id(bw.house_id)
    assert account.user_type == "commercial" and result.effect is not None
    reading: Any = Reading.get((Reading.account == bw.house_id) & (Reading.source == "business"))
    assert (reading.read_on, reading.value_l) == (CHANGE.date(), 450_000)
    # 300 m³ then 150 m³ at the residential tiers (the second crosses 400 m³)
    assert bill_lines(bw.house_id) == [
        ("2026-01-01", 1, 300_000, 300),
        ("2026-06-01", 1, 100_000, 300),
        ("2026-06-01", 2, 50_000, 360),
    ]
    assert statement(bw.house_id, CHANGE.date()).due_fen == 900_00 + 300_00 + 180_00
    history = [(h.field, h.old, h.new) for h in account_history(bw.house_id)]
    assert ("user_type", "residential", "commercial") in history
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["effect"] == "change_user_type" and event["reading"] == reading.id
    assert event["billed_fen"] == 1380_00 and len(event["bills"]) == 2
    lines = {x.label: x.value for x in confirmation(result.form.id).sections[0].lines}
    assert lines["原用气类型"] == "居民用户" and lines["新用气类型"] == "商业用户"
    assert lines["按原类型计费金额"] == "1380.00 元"

    # the gas after the change: the commercial price
    read(bw.house_id, dt.date(2026, 11, 1), 500)
    assert statement(bw.house_id, dt.date(2026, 11, 1)).bills[-1].lines[0].price_fen == 380


def test_tiers_count_the_gas_of_each_user_type_apart(bw: BillingWorld) -> None:
    """450 m³ residential, then 200 m³ as a shop, then a home again: the home's tiers
    resume at 450 m³ (tier 2), not at 650 m³ (tier 3)."""
    read(bw.house_id, dt.date(2026, 6, 1), 450)
    change(bw, "商业用户", "450")
    change(bw, "居民用户", "650", dt.datetime(2026, 11, 1, 9, 0))
    read(bw.house_id, dt.date(2026, 12, 1), 670)
    with write_transaction():
        materialise(bw.house_id)
    lines = bill_lines(bw.house_id)
    assert lines[-2] == ("2026-09-30", 1, 200_000, 380)  # the shop's gas, commercial
    assert lines[-1] == ("2026-11-01", 2, 20_000, 360)  # home again: tier 2
    assert statement(bw.house_id, dt.date(2026, 12, 1)).ytd_l == 470_000


def test_an_ic_card_account_changes_type_with_its_reading_and_no_bill(bw: BillingWorld) -> None:
    result = run_form(
        bw,
        "user_type_change",
        {**FORM, "account": "100001", "name": "王建国", "new_user_type": "商业用户"},
        {"reading": "12.5"},
        CHANGE,
    )
    assert result.effect is not None
    assert Account.get_by_id(bw.ic_id).user_type == "commercial"
    assert Bill.select().count() == 0
    assert Reading.get(Reading.account == bw.ic_id).value_l == 12_500


@pytest.mark.parametrize(
    ("reading", "message"),
    [("299.999", "below the previous reading"), ("12.3456", "a reading in m³")],
)
def test_a_bad_reading_is_refused_beside_its_field_and_changes_nothing(
    bw: BillingWorld, reading: str, message: str
) -> None:
    read(bw.house_id, dt.date(2026, 6, 1), 300)
    form_id = prepare_form(bw, "user_type_change", {**FORM, "new_user_type": "商业用户"}, CHANGE)
    before = state()
    with pytest.raises(FormRejected) as info:
        finish_form(bw, form_id, {"reading": reading}, CHANGE)
    assert message in info.value.errors["reading"].message
    assert state() == before
    assert FormRecord.get_by_id(form_id).status == "in_progress"


def test_the_type_the_account_has_is_refused_at_submission(bw: BillingWorld) -> None:
    with pytest.raises(FormRejected) as info:
        change(bw, "居民用户", "10")
    assert "already of this user type" in info.value.errors["new_user_type"].message
