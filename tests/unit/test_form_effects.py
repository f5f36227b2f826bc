"""The business-effect framework: a form file names an effect, the effect runs in the
transaction of the form's status change with its history rows and audit event, and a
refusal changes nothing. Driven through a small effect registered by the test (a
contact-phone change read from an [[effect_field]]), so that the framework is proved
apart from the effects GasDesk ships."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from peewee import DatabaseError

from gasdesk.domain.form_spec import EffectNeeds, FieldType, FormSpec, Status
from gasdesk.domain.forms import DefinitionError, parse_definition
from gasdesk.domain.lifecycle import CLOSED, Completion, Confirmation
from gasdesk.services.account_changes import account_history, change_account
from gasdesk.services.auth import LoginError
from gasdesk.services.effects import catalog as effects
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.form_completion import advance_form, complete_form, pending_effect
from gasdesk.services.forms import FormRejected, submit_form
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, AuditEvent, FormEvent, FormRecord
from gasdesk.storage.models_accounts import AccountHistory, FormEffect
from tests.forms_support import World, close, seed

AT = dt.datetime(2026, 9, 30, 10, 15)
DONE = dt.datetime(2026, 9, 30, 11, 0)

FORM = """
title = "联系电话变更"
effect = "test_phone"
effect_at = "办结"
effect_title = "办结时填写"

[[field]]
name = "account"
label = "用户编号"
type = "account"
required = true

[[field]]
name = "reason"
label = "原因"
type = "text"

[[effect_field]]
name = "phone"
label = "新电话"
type = "phone"
required = true

[workflow]
steps = ["受理", "处理中", "办结"]
"""


def apply_phone(run: effects.EffectRun) -> effects.EffectOutcome:
    assert run.account_id is not None
    account: Any = Account.get_by_id(run.account_id)
    if run.text("phone") == "13900000000":
        raise EffectRefused("Messages test refusal {number}", number=account.number)
    changes = change_account(
        run.account_id,
        {"phone": run.text("phone")},
        reason=run.text("reason") or "test",
        form_id=run.form_id,
        staff_id=run.staff_id,
        at=run.at,
    )
    if run.text("phone") == "13900000001":  # fails after writing: all of it must go
        raise EffectRefused("Messages late refusal")
    return effects.EffectOutcome(
        account_id=account.id,
        changes=changes,
        confirmation=Confirmation("变更确认", (("户号", account.number),)),
    )


NEEDS = EffectNeeds("test_phone", required={"phone": (FieldType.PHONE,)})


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    effects.register(effects.Effect("test_phone", NEEDS, apply_phone))
    effects.register(
        effects.Effect(
            "test_held",
            EffectNeeds("test_held"),
            apply_phone,
            supervisor=True,
            blocks_account=True,
        )
    )
    yield seed(tmp_path)
    close()
    effects.registry.unregister("test_phone")
    effects.registry.unregister("test_held")


def form_spec(tmp_path: Path, text: str = FORM, name: str = "phone_change") -> FormSpec:
    folder = tmp_path / "forms"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    catalog = load_forms(folder)
    assert not catalog.problems, catalog.problems
    spec = catalog.get(name)
    assert spec is not None
    return spec


def submitted(world: World, spec: FormSpec) -> int:
    result = submit_form(
        spec,
        {"account": world.account_number, "reason": "换号"},
        staff_id=world.teller_id,
        office_id=world.office_id,
        at=AT,
    )
    return result.form.id


def counts() -> dict[str, int]:
    return {
        "history": AccountHistory.select().count(),
        "effects": FormEffect.select().count(),
        "events": FormEvent.select().count(),
        "audit": AuditEvent.select().count(),
    }


def test_the_form_file_declares_its_effect_and_the_fields_it_asks_for(tmp_path: Path) -> None:
    spec = parse_definition(
        __import__("tomllib").loads(FORM), "phone_change", effects={"test_phone": NEEDS}
    )
    assert spec.effect == "test_phone" and spec.effect_at is Status.CLOSED
    assert [f.name for f in spec.effect_fields] == ["phone"]
    assert [f.name for f in spec.fields] == ["account", "reason"]  # not in the form itself
    assert spec.effect_form().sections[0].title == "办结时填写"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("test_phone", "no_such"), "unknown effect 'no_such'"),
        (('effect_at = "办结"', 'effect_at = "已答复"'), "not one of this form's workflow steps"),
        (('effect_at = "办结"', 'effect_at = "受理"'), "reaches a later status"),
        (('name = "phone"', 'name = "reason"'), "duplicate field name 'reason'"),
        (('type = "phone"', 'type = "text"'), "must be of type phone"),
        (("required = true\n\n[workflow]", "\n[workflow]"), "must be required = true"),
        (('effect = "test_phone"\n', ""), "effect_at needs an effect"),
    ],
)
def test_a_wrong_effect_declaration_is_named_and_the_file_refused(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    text = FORM.replace(*change)
    assert text != FORM
    with pytest.raises(DefinitionError, match=problem):
        parse_definition(
            __import__("tomllib").loads(text), "phone_change", effects={"test_phone": NEEDS}
        )


def test_an_effect_cannot_wait_for_the_return_visit() -> None:
    text = FORM.replace('effect_at = "办结"', 'effect_at = "已回访"').replace(
        'steps = ["受理", "处理中", "办结"]', "return_visit = true"
    )
    with pytest.raises(DefinitionError, match="recording the return visit"):
        parse_definition(
            __import__("tomllib").loads(text), "phone_change", effects={"test_phone": NEEDS}
        )


def test_an_effect_that_changes_an_account_needs_an_account_field(tmp_path: Path) -> None:
    text = FORM.replace('type = "account"', 'type = "text"')
    with pytest.raises(DefinitionError, match="required account field"):
        parse_definition(
            __import__("tomllib").loads(text), "phone_change", effects={"test_phone": NEEDS}
        )


def test_the_shipped_forms_load_with_the_registered_effects() -> None:
    catalog = load_forms()
    assert not catalog.problems, catalog.problems


def test_the_effect_runs_with_the_status_change_history_and_audit(
    world: World, tmp_path: Path
) -> None:
    spec = form_spec(tmp_path)
    form_id = submitted(world, spec)
    assert pending_effect(form_id) is None  # 受理 -> 处理中 does nothing to the account
    advance_form(form_id, staff_id=world.teller_id, at=AT)
    pending = pending_effect(form_id)
    assert pending is not None and pending.effect == "test_phone"
    assert pending.status is Status.CLOSED and [f.name for f in pending.fields.fields] == ["phone"]
    before = Account.get_by_id(world.account_id).phone

    result = complete_form(
        form_id,
        staff_id=world.teller_id,
        at=DONE,
        completion=Completion(values={"phone": "138-0533-0000"}),
    )

    assert result.form.status is Status.CLOSED
    assert result.effect is not None and result.effect.account_number == world.account_number
    assert Account.get_by_id(world.account_id).phone == "13805330000"
    (row,) = AccountHistory.select()
    assert (row.field, row.old_value, row.new_value) == ("phone", before, "13805330000")
    assert (row.reason, row.form_id, row.staff_id, row.at) == (
        "换号",
        form_id,
        world.teller_id,
        DONE,
    )
    effect = FormEffect.get()
    assert (effect.form_id, effect.effect, effect.status) == (form_id, "test_phone", "closed")
    assert json.loads(effect.values_json) == {"phone": "13805330000"}
    assert json.loads(effect.result_json)["title"] == "变更确认"
    event = AuditEvent.select().where(AuditEvent.kind == "form_effect").get()
    payload = json.loads(event.payload_json)
    assert payload["history"] == [[row.id, "phone", before, "13805330000"]]
    assert payload["number"] == result.form.number and payload["account"] == world.account_number
    assert account_history(world.account_id)[0].form_number == result.form.number
    assert pending_effect(form_id) is None


def test_a_refused_effect_changes_nothing(world: World, tmp_path: Path) -> None:
    spec = form_spec(tmp_path)
    form_id = submitted(world, spec)
    advance_form(form_id, staff_id=world.teller_id, at=AT)
    before = counts()
    for phone in ("13900000000", "13900000001"):  # refused before and after writing
        with pytest.raises(EffectRefused):
            complete_form(
                form_id,
                staff_id=world.teller_id,
                at=DONE,
                completion=Completion(values={"phone": phone}),
            )
        assert counts() == before
        assert FormRecord.get_by_id(form_id).status == Status.IN_PROGRESS.value
        assert Account.get_by_id(world.account_id).phone == "13905331234"


def test_the_effect_fields_are_checked_like_a_form(world: World, tmp_path: Path) -> None:
    spec = form_spec(tmp_path)
    form_id = submitted(world, spec)
    advance_form(form_id, staff_id=world.teller_id, at=AT)
    before = counts()
    with pytest.raises(FormRejected) as info:
        advance_form(form_id, staff_id=world.teller_id, at=DONE)  # no values: required
    assert info.value.errors["phone"].code == "required"
    with pytest.raises(FormRejected) as info:
        complete_form(
            form_id, staff_id=world.teller_id, completion=Completion(values={"phone": "12"})
        )
    assert info.value.errors["phone"].code == "phone"
    assert counts() == before
    assert FormRecord.get_by_id(form_id).status == Status.IN_PROGRESS.value


def held_form(tmp_path: Path) -> FormSpec:
    text = FORM.replace('effect = "test_phone"', 'effect = "test_held"')
    return form_spec(tmp_path, text, "held")


def test_a_supervisor_of_the_office_authorises_and_not_herself(
    world: World, tmp_path: Path
) -> None:
    form_id = submitted(world, held_form(tmp_path))
    advance_form(form_id, staff_id=world.teller_id, at=AT)
    values = {"phone": "13805330000"}
    with pytest.raises(EffectRefused, match="badge number and password"):
        complete_form(form_id, staff_id=world.teller_id, completion=Completion(values=values))
    with pytest.raises(LoginError):
        complete_form(
            form_id,
            staff_id=world.teller_id,
            completion=Completion(values=values, supervisor_badge="MS09", supervisor_password="x"),
        )
    with pytest.raises(EffectRefused, match="cannot also authorise"):
        complete_form(
            form_id,
            staff_id=world.supervisor_id,
            completion=Completion(
                values=values, supervisor_badge="MS09", supervisor_password="123456"
            ),
        )
    assert FormEffect.select().count() == 0
    result = complete_form(
        form_id,
        staff_id=world.teller_id,
        at=DONE,
        completion=Completion(values=values, supervisor_badge="MS09", supervisor_password="123456"),
    )
    assert result.effect is not None
    assert FormEffect.get().supervisor_id == world.supervisor_id


def test_an_open_holding_form_or_a_closed_account_refuses_other_business(
    world: World, tmp_path: Path
) -> None:
    phone = form_spec(tmp_path)
    earlier = submitted(world, phone)  # submitted before the holding form
    held = submitted(world, held_form(tmp_path))
    with pytest.raises(FormRejected) as info:
        submitted(world, phone)
    assert "has an open closing form" in info.value.errors["account"].message
    assert held and FormRecord.select().count() == 2
    advance_form(earlier, staff_id=world.teller_id, at=AT)
    with pytest.raises(EffectRefused, match="open closing form"):
        complete_form(
            earlier,
            staff_id=world.teller_id,
            completion=Completion(values={"phone": "13805330000"}),
        )
    with write_transaction():
        change_account(
            world.account_id,
            {"status": CLOSED},
            reason="test",
            form_id=None,
            staff_id=world.teller_id,
            at=AT,
        )
    other = FORM.replace('"test_phone"', '"test_phone"')
    with pytest.raises(FormRejected) as info:
        submitted(world, form_spec(tmp_path, other, "again"))
    assert "is closed" in info.value.errors["account"].message


def test_history_and_effects_cannot_be_edited_or_deleted(world: World, tmp_path: Path) -> None:
    spec = form_spec(tmp_path)
    form_id = submitted(world, spec)
    advance_form(form_id, staff_id=world.teller_id, at=AT)
    complete_form(
        form_id, staff_id=world.teller_id, completion=Completion(values={"phone": "13805330000"})
    )
    for statement in (
        AccountHistory.update(new_value="x"),
        AccountHistory.delete(),
        FormEffect.update(effect="x"),
        FormEffect.delete(),
    ):
        with pytest.raises(DatabaseError, match="append-only"), write_transaction():
            statement.execute()
