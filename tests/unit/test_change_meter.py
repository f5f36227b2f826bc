"""换表: the old meter's final reading billed, the new meter in service the same day,
the readings and the usage going on across the two without a false anomaly, an IC-card
meter's bought gas carried; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gasdesk.domain.readings import Flag, monthly_usage
from gasdesk.services.account_changes import account_history
from gasdesk.services.account_view import load_account_view, reading_history
from gasdesk.services.accounts import get_account
from gasdesk.services.billing import statement
from gasdesk.services.effect_copies import confirmation
from gasdesk.services.form_errors import FormRejected
from gasdesk.storage.models import AuditEvent, Bill, FormRecord, Meter, Reading
from tests.billing_support import (
    BillingWorld,
    finish_form,
    open_shift,
    pay,
    prepare_form,
    read,
    run_form,
    seed_billing,
    state,
)
from tests.forms_support import close

AT = dt.datetime(2026, 9, 30, 10, 0)
HOUSE = {
    "account": "100002",
    "name": "赵丽",
    "phone": "13805339876",
    "meter_number": "MS-0002",
    "reason": "表具故障",
}
NEW = {
    "final_reading": "450",
    "new_meter_number": "MS-0102",
    "new_meter_kind": "机械表",
    "new_meter_model": "G2.5",
    "new_initial_reading": "0.5",
    "new_verified_on": "2026-09-01",
}


@pytest.fixture
def bw(tmp_path: Path) -> Iterator[BillingWorld]:
    yield seed_billing(tmp_path)
    close()


def fields(form_id: int) -> dict[str, str]:
    return {x.label: x.value for x in confirmation(form_id).sections[0].lines}


def test_the_old_meter_is_billed_and_the_new_one_goes_on_from_its_initial_reading(
    bw: BillingWorld,
) -> None:
    read(bw.house_id, dt.date(2026, 6, 1), 300)
    result = run_form(bw, "meter_change", HOUSE, NEW, AT)

    old: Any = Meter.get(Meter.number == "MS-0002")
    new: Any = Meter.get(Meter.number == "MS-0102")
    assert old.removed_on == AT.date() and new.removed_on is None
    assert (new.account_id, new.kind, new.initial_l) == (bw.house_id, "mechanical", 500)
    assert (new.installed_on, new.last_verified) == (AT.date(), dt.date(2026, 9, 1))
    final: Any = Reading.get((Reading.meter == old.id) & (Reading.source == "business"))
    assert (final.read_on, final.value_l) == (AT.date(), 450_000)
    bills = list(Bill.select().where(Bill.account == bw.house_id).order_by(Bill.id))
    assert [(b.meter_id, b.volume_l) for b in bills] == [(old.id, 300_000), (old.id, 150_000)]
    assert get_account(bw.house_id).meter_number == "MS-0102"  # the customer bar
    history = [(h.field, h.old, h.new) for h in account_history(bw.house_id)]
    assert history[-1] == ("meter", "MS-0002", "MS-0102")
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["effect"] == "change_meter" and event["final_reading"] == final.id
    assert (event["old_meter"], event["new_meter"], event["billed_fen"]) == (
        "MS-0002",
        "MS-0102",
        1380_00,
    )
    paper = fields(result.form.id)
    assert paper["旧表止码"] == "450.000 m³" and paper["新表起码"] == "0.500 m³"
    assert paper["旧表结算金额"] == "1380.00 元"

    # the next reading on the new meter: 60 m³ from its initial 0.5, tiers going on
    read(bw.house_id, dt.date(2026, 11, 2), 60.5)
    due = statement(bw.house_id, dt.date(2026, 11, 2))
    draft = due.bills[-1]
    assert (draft.meter_number, draft.from_value_l, draft.volume_l) == ("MS-0102", 500, 60_000)
    assert [(x.tier, x.volume_l) for x in draft.lines] == [(2, 60_000)]  # 450 m³ before


def test_readings_and_usage_go_on_across_the_meters_without_a_false_anomaly(
    bw: BillingWorld,
) -> None:
    read(bw.house_id, dt.date(2025, 12, 31), 0)  # the year before, for the comparison
    read(bw.house_id, dt.date(2026, 8, 31), 280)
    run_form(bw, "meter_change", HOUSE, {**NEW, "final_reading": "300"}, AT)
    read(bw.house_id, dt.date(2026, 10, 31), 30.5)
    rows = reading_history(bw.house_id)
    assert [(r.point.meter_number, r.volume_l) for r in rows] == [
        ("MS-0002", 0),
        ("MS-0002", 280_000),
        ("MS-0002", 20_000),
        ("MS-0102", 30_000),
    ]
    anomalies = {Flag.LOWER_THAN_PREVIOUS, Flag.HIGH_VS_LAST_YEAR, Flag.ESTIMATED_RUN}
    assert all(not (r.flags & anomalies) for r in rows)
    assert rows[-1].flags == frozenset({Flag.METER_CHANGE})  # said, not flagged as wrong
    months = monthly_usage(rows, 2026)
    assert (months[7], months[8], months[9]) == (280_000, 20_000, 30_000)
    view = load_account_view(bw.house_id)
    assert view is not None and view.meter is not None and view.meter.number == "MS-0102"
    assert [m.number for m in view.old_meters] == ["MS-0002"]


def test_an_ic_card_meter_carries_the_gas_bought_and_not_used(bw: BillingWorld) -> None:
    open_shift(bw, dt.date(2026, 5, 1))
    pay(bw, bw.ic_id, "purchase", dt.date(2026, 5, 1), volume_l=100_000)
    read(bw.ic_id, dt.date(2026, 6, 1), 40)
    ic = {**HOUSE, "account": "100001", "name": "王建国", "meter_number": "MS-0001"}
    refused = prepare_form(bw, "meter_change", ic, AT)
    before = state()
    with pytest.raises(FormRejected) as info:  # 30 m³ left: a mechanical meter loses it
        finish_form(bw, refused, {**NEW, "final_reading": "70"}, AT)
    assert (
        "30.000 m³ bought on the IC-card meter MS-0001"
        in info.value.errors["new_meter_kind"].message
    )
    assert state() == before

    result = finish_form(
        bw, refused, {**NEW, "final_reading": "70", "new_meter_kind": "IC卡表"}, AT
    )
    paper = fields(result.form.id)
    assert paper["转入新表气量"] == "30.000 m³" and Bill.select().count() == 0
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["carried_l"] == 30_000 and event["new_meter_kind"] == "ic_card"
    assert Meter.get(Meter.number == "MS-0102").kind == "ic_card"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("new_meter_number", "ms0001", "registered to account 100001"),
        ("new_meter_number", "MS-0002", "registered to account 100002"),
        ("final_reading", "299.999", "below the previous reading"),
        ("new_initial_reading", "1.2345", "a reading in m³"),
        ("new_verified_on", "2026-10-01", "verified before it is installed"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_changes_nothing(
    bw: BillingWorld, field: str, value: str, message: str
) -> None:
    read(bw.house_id, dt.date(2026, 6, 1), 300)
    form_id = prepare_form(bw, "meter_change", HOUSE, AT)
    before = state()
    with pytest.raises(FormRejected) as info:
        finish_form(bw, form_id, {**NEW, field: value}, AT)
    assert message in info.value.errors[field].message
    assert state() == before
    assert FormRecord.get_by_id(form_id).status == "in_progress"
