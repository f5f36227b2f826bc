"""开户 / 报装: the completed form opens the account, numbered in the office's series,
with its meter, history, search entry and confirmation; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gasdesk.domain.form_spec import FormSpec, Status
from gasdesk.domain.lifecycle import Completion
from gasdesk.services.account_changes import account_history
from gasdesk.services.accounts import find_accounts
from gasdesk.services.effect_copies import confirmation
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.form_completion import advance_form, complete_form
from gasdesk.services.forms import FormRejected, submit_form
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, AuditEvent, FormRecord, Meter
from gasdesk.storage.models_accounts import AccountCounter, AccountHistory, FormEffect
from gasdesk.storage.models_forms import ReturnVisit
from tests import fees_support, pg_support
from tests.fees_support import FeeData
from tests.forms_support import VALID_ID, World, close, seed

AT = dt.datetime(2026, 9, 30, 10, 15)
DONE = dt.datetime(2026, 10, 9, 15, 0)
APPLICATION = {
    "name": "刘德明",
    "id_card": VALID_ID,
    "phone": "13705330001",
    "address": "文昌湖区商家镇文昌路锦绣苑8号楼1单元101",
    "user_type": "居民用户",
    "prepay": "200",
}
METER = {
    "meter_number": "MS-7001",
    "meter_kind": "机械表",
    "meter_model": "G2.5",
    "initial_reading": "0.5",
    "installed_on": "2026-10-09",
    "verified_on": "2026-08-01",
}


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield seed(tmp_path)
    close()


def spec(kind: str) -> FormSpec:
    s = load_forms().get(kind)
    assert s is not None
    return s


def submitted(world: World, values: dict[str, str], kind: str = "open_account") -> int:
    result = submit_form(
        spec(kind), values, staff_id=world.teller_id, office_id=world.office_id, at=AT
    )
    return result.form.id


def to_last_step(world: World, form_id: int) -> None:
    """受理 -> 处理中 -> 已答复: the next status (办结) opens the account."""
    for _ in range(2):
        advance_form(form_id, staff_id=world.teller_id, at=AT)


def finish(world: World, form_id: int, meter: dict[str, str] = METER) -> Any:
    return complete_form(
        form_id, staff_id=world.teller_id, at=DONE, completion=Completion(values=meter)
    )


def state() -> dict[str, Any]:
    return {
        "accounts": Account.select().count(),
        "meters": Meter.select().count(),
        "history": AccountHistory.select().count(),
        "effects": FormEffect.select().count(),
        "audit": AuditEvent.select().count(),
        "counters": [(c.series, c.last) for c in AccountCounter.select()],
        "statuses": [f.status for f in FormRecord.select().order_by(FormRecord.id)],
    }


def test_the_installed_form_opens_the_account_with_its_meter(world: World) -> None:
    form_id = submitted(world, APPLICATION)
    to_last_step(world, form_id)
    result = finish(world, form_id)

    done = result.effect
    assert result.form.status is Status.CLOSED and done is not None
    assert done.account_number == "10000001"  # 萌水: prefix 1, the first of its series
    assert done.collect_prepay_fen == 200_00  # the fee tab takes it, nothing booked here
    account: Any = Account.get(Account.number == "10000001")
    assert (account.name, account.id_card, account.phone) == ("刘德明", VALID_ID, "13705330001")
    assert account.address == APPLICATION["address"] and account.office_id == world.office_id
    assert (account.user_type, account.status, account.balance_fen) == ("residential", "active", 0)
    assert account.opened_on == DONE.date() and account.initials == "ldm"
    meter: Any = Meter.get(Meter.account == account.id)
    assert (meter.number, meter.kind, meter.model, meter.initial_l) == (
        "MS-7001",
        "mechanical",
        "G2.5",
        500,
    )
    assert (meter.installed_on, meter.last_verified) == (dt.date(2026, 10, 9), dt.date(2026, 8, 1))
    assert FormRecord.get_by_id(form_id).account_id == account.id
    history = {(h.field, h.old, h.new) for h in account_history(account.id)}
    assert history == {
        ("opened", "", "10000001"),
        ("name", "", "刘德明"),
        ("id_card", "", VALID_ID),
        ("phone", "", "13705330001"),
        ("address", "", APPLICATION["address"]),
        ("user_type", "", "residential"),
        ("status", "", "active"),
        ("meter", "", "MS-7001"),
    }
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["effect"] == "open_account" and event["account"] == "10000001"
    assert len(event["history"]) == 8 and event["meter"] == "MS-7001"
    assert [a.number for a in find_accounts("刘德明")] == ["10000001"]
    assert [a.number for a in find_accounts("05330001")] == ["10000001"]
    paper = confirmation(form_id)
    lines = {line.label: line.value for line in paper.sections[0].lines}
    assert paper.title == "燃气开户确认单" and lines["户号"] == "10000001"
    assert lines["身份证号码"] == "110105********002X" and lines["燃气表号"] == "MS-7001"
    assert paper.service_phone == "0533-8777760"


def test_numbers_are_gapless_per_office_and_a_refusal_gives_none_away(world: World) -> None:
    first = submitted(world, APPLICATION)
    second = submitted(world, {**APPLICATION, "address": "文昌湖区商家镇文昌路锦绣苑9号楼2单元301"})
    to_last_step(world, first)
    to_last_step(world, second)
    before = state()
    with pytest.raises(FormRejected) as info:  # the meter of account 100001
        finish(world, first, {**METER, "meter_number": "ms0001"})
    assert "registered to account 100001" in info.value.errors["meter_number"].message
    assert state() == before  # no account, no number taken, the form where it was
    assert finish(world, first).effect.account_number == "10000001"
    assert finish(world, second, {**METER, "meter_number": "MS-7002"}).effect.account_number == (
        "10000002"
    )
    assert AccountCounter.get().last == 2


def test_a_series_starts_after_the_numbers_the_database_holds(world: World) -> None:
    with write_transaction():
        Account.create(
            number="10000041", name="旧户", address="文昌湖区旧址1号", office=world.office_id
        )
        Account.create(
            number="10000043", name="导入户", address="文昌湖区旧址2号", office=world.office_id
        )
    form_id = submitted(world, APPLICATION)
    to_last_step(world, form_id)
    assert finish(world, form_id).effect.account_number == "10000044"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("meter_number", "MS0001", "registered to account 100001"),
        ("initial_reading", "12.3456", "a reading in m³"),
        ("installed_on", "2026-10-10", "cannot be after today"),
        ("verified_on", "2026-10-09", None),  # the same day is fine
        ("verified_on", "2026-10-10", "verified before it is installed"),
        ("meter_model", "", "Required"),
    ],
)
def test_bad_meter_data_is_refused_beside_its_field_and_changes_nothing(
    world: World, field: str, value: str, message: str | None
) -> None:
    form_id = submitted(world, APPLICATION)
    to_last_step(world, form_id)
    before = state()
    meter = {**METER, field: value}
    if message is None:
        assert finish(world, form_id, meter).effect is not None
        return
    with pytest.raises(FormRejected) as info:
        finish(world, form_id, meter)
    assert message in info.value.errors[field].message
    assert state() == before


def test_an_address_already_supplied_is_refused_at_submission(world: World) -> None:
    with pytest.raises(FormRejected) as info:
        submitted(world, {**APPLICATION, "address": "文昌湖区商家镇文昌路锦绣苑 3号楼2单元201"})
    assert "Account 100001 already supplies" in info.value.errors["address"].message
    assert FormRecord.select().count() == 0


def test_the_installation_form_opens_the_account_when_installed(world: World) -> None:
    values = {
        "name": "周敏",
        "phone": "13705330002",
        "id_card": VALID_ID,
        "address": "王村镇金泉小区7号楼1单元101",
        "user_type": "商铺",
        "appliances": "灶具",
    }
    result = submit_form(
        spec("installation"),
        values,
        staff_id=world.teller_id,
        office_id=world.other_office_id,
        at=AT,
    )
    form_id = result.form.id
    advance_form(form_id, staff_id=world.teller_id, at=AT)  # 处理中
    done = finish(world, form_id, {**METER, "meter_kind": "IC卡表"})  # 已答复: installed
    assert done.form.status is Status.REPLIED and done.effect is not None
    assert done.effect.account_number == "20000001"  # 王村: prefix 2
    account: Any = Account.get(Account.number == "20000001")
    assert account.user_type == "commercial" and account.office_id == world.other_office_id
    assert Meter.get(Meter.account == account.id).kind == "ic_card"
    assert ReturnVisit.select().where(ReturnVisit.form == form_id).count() == 1


fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


def test_accounts_opened_on_each_backend_are_numbered_in_turn(fee_data: FeeData) -> None:
    """SQLite and PostgreSQL: the series advances with RETURNING in the account's
    transaction; a refused opening takes no number."""
    d = fee_data
    at = dt.datetime.combine(fees_support.TODAY, dt.time(9))
    numbers = []
    for i, meter in enumerate(("PG-0001", "m1001", "PG-0002")):
        form = submit_form(
            spec("open_account"),
            {**APPLICATION, "address": f"文昌湖区商家镇文昌路新城{i + 1}号楼101"},
            staff_id=d.teller.id,
            office_id=d.ms.id,
            at=at,
        ).form
        for _ in range(2):
            advance_form(form.id, staff_id=d.teller.id, at=at)
        values = {**METER, "meter_number": meter, "installed_on": at.date().isoformat()}
        values["verified_on"] = at.date().isoformat()
        if meter == "m1001":  # the meter of account 31000001: refused, no number taken
            with pytest.raises(FormRejected):
                complete_form(form.id, staff_id=d.teller.id, at=at, completion=Completion(values))
            continue
        done = complete_form(form.id, staff_id=d.teller.id, at=at, completion=Completion(values))
        numbers.append(done.effect.account_number)
    assert numbers == ["10000001", "10000002"]
    assert AccountCounter.get(AccountCounter.series == "MS").last == 2
