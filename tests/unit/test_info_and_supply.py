"""信息变更 and 停气/复气: the completed form changes the account, the old values stay in
its history, the search follows; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gasdesk.domain.form_spec import FormSpec
from gasdesk.services.account_changes import account_history, status_since
from gasdesk.services.accounts import find_accounts
from gasdesk.services.effect_copies import confirmation
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.form_completion import advance_form
from gasdesk.services.forms import FormRejected, submit_form
from gasdesk.services.search import index_account
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, AuditEvent, FormRecord
from gasdesk.storage.models_accounts import AccountHistory
from tests.forms_support import VALID_ID, World, close, seed

AT = dt.datetime(2026, 9, 30, 10, 15)
OTHER_ID = "370303198001011234"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = seed(tmp_path)
    with write_transaction():
        for a in Account.select():
            index_account(a.id)
    yield w
    close()


def spec(kind: str) -> FormSpec:
    s = load_forms().get(kind)
    assert s is not None
    return s


def submit(world: World, kind: str, values: dict[str, str]) -> int:
    base = {"account": world.account_number, "name": "王建国"}
    result = submit_form(
        spec(kind), {**base, **values}, staff_id=world.teller_id, office_id=world.office_id, at=AT
    )
    return result.form.id


def finish(world: World, form_id: int, staff_id: int | None = None) -> None:
    while FormRecord.get_by_id(form_id).status != "closed":
        advance_form(form_id, staff_id=staff_id or world.teller_id, at=AT)


def test_info_change_keeps_the_old_values_and_refiles_the_search(world: World) -> None:
    new_address = "文昌湖区商家镇文昌路锦绣苑3号楼2单元201室"
    form_id = submit(
        world,
        "info_change",
        {
            "id_card": VALID_ID,
            "new_phone": "18953330000",
            "new_address": new_address,
            "new_id_card": OTHER_ID,
            "notes": "手机号更换",
        },
    )
    assert Account.get_by_id(world.account_id).phone == "13905331234"  # not before 办结
    finish(world, form_id)
    account: Any = Account.get_by_id(world.account_id)
    assert (account.phone, account.address, account.id_card) == (
        "18953330000",
        new_address,
        OTHER_ID,
    )
    rows = {(h.field, h.old, h.new, h.form_number) for h in account_history(world.account_id)}
    number = FormRecord.get_by_id(form_id).number
    assert rows == {
        ("phone", "13905331234", "18953330000", number),
        ("address", "文昌湖区商家镇文昌路锦绣苑3号楼2单元201", new_address, number),
        ("id_card", "", OTHER_ID, number),
    }
    assert all("手机号更换" in h.reason for h in account_history(world.account_id))
    assert [a.number for a in find_accounts("53330000")] == [world.account_number]
    assert find_accounts("05331234") == []  # the old mobile no longer finds it
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert {tuple(h[1:]) for h in event["history"]} == {(f, o, n) for f, o, n, _ in rows}
    lines = dict((x.label, x.value) for x in confirmation(form_id).sections[0].lines)
    assert lines["联系电话（原）"] == "13905331234" and lines["联系电话（新）"] == "18953330000"
    assert lines["身份证号码（新）"] == "370303********1234"


def test_info_change_refusals_change_nothing(world: World) -> None:
    with pytest.raises(FormRejected) as info:
        submit(world, "info_change", {"id_card": VALID_ID})
    assert "Fill in what changes" in info.value.errors["new_phone"].message
    with pytest.raises(FormRejected) as info:  # the address of account 100002
        submit(
            world,
            "info_change",
            {"id_card": VALID_ID, "new_address": "文昌湖区商家镇文昌路锦绣苑12号楼1单元502"},
        )
    assert "Account 100002 already supplies" in info.value.errors["new_address"].message
    form_id = submit(world, "info_change", {"id_card": VALID_ID, "new_phone": "13905331234"})
    history = AccountHistory.select().count()
    with pytest.raises(EffectRefused, match="already holds these details"):
        finish(world, form_id)
    assert AccountHistory.select().count() == history
    assert FormRecord.get_by_id(form_id).status == "in_progress"


def stop(world: World, action: str = "停气", reason: str = "房屋装修") -> int:
    return submit(
        world,
        "supply_change",
        {"phone": "13905331234", "action": action, "reason": reason, "date": "2026-10-08"},
    )


def test_stop_and_restore_with_the_reason_and_who(world: World) -> None:
    finish(world, stop(world))
    assert Account.get_by_id(world.account_id).status == "suspended"
    since = status_since(world.account_id)
    assert since is not None and since.new == "suspended" and "房屋装修" in since.reason
    with pytest.raises(FormRejected) as info:  # stopped already
        stop(world)
    assert "stopped already" in info.value.errors["action"].message
    restore = stop(world, "复气", "其他")
    finish(world, restore, staff_id=world.supervisor_id)
    assert Account.get_by_id(world.account_id).status == "active"
    last = account_history(world.account_id)[-1]
    assert (last.field, last.old, last.new, last.staff_name) == (
        "status",
        "suspended",
        "active",
        "张伟",
    )
    with pytest.raises(FormRejected) as info:
        stop(world, "复气", "其他")
    assert "not stopped" in info.value.errors["action"].message
    assert confirmation(restore).title == "复气确认单"
