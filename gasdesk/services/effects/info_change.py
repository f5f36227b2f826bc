"""信息变更: the holder's phone, the spelling of the supply address, a corrected ID-card
number. The account takes the new values; the old ones stay in its history (each a
row: old value, new value, reason, form, who, when); a new name, phone or address is
refiled in the search. Refused, changing nothing: a form that changes nothing, an
address another account (not closed) supplies."""

from __future__ import annotations

from typing import Any

from gasdesk.domain.form_spec import EffectNeeds, FieldType
from gasdesk.domain.idcard import normalise as normalise_id
from gasdesk.domain.lifecycle import Confirmation
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import account_changes
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.effects.open_account import ADDRESS_IN_USE, address_in_use
from gasdesk.services.effects.registry import (
    Effect,
    EffectOutcome,
    EffectRun,
    SubmitCheck,
    register,
)
from gasdesk.services.form_errors import field_refusal
from gasdesk.storage.models import Account

NEEDS = EffectNeeds(
    "info_change",
    optional={
        "new_phone": (FieldType.PHONE,),
        "new_address": (FieldType.ADDRESS,),
        "new_id_card": (FieldType.IDCARD,),
        "notes": (FieldType.LONGTEXT, FieldType.TEXT),
    },
)
# form field -> account column, and how the confirmation names it
FIELDS = {"new_phone": "phone", "new_address": "address", "new_id_card": "id_card"}
LABELS = {"phone": "联系电话", "address": "用气地址", "id_card": "身份证号码"}
NOTHING = QT_TRANSLATE_NOOP(
    "Messages", "Fill in what changes: a new phone, the address as it is written, or the ID number."
)


def _wanted(values: Any) -> dict[str, str]:
    out = {}
    for name, column in FIELDS.items():
        value = str(values.get(name, "") or "")
        if value:
            out[column] = normalise_id(value) if column == "id_card" else value
    return out


def _other_at(address: str, account_id: int | None) -> Any:
    other = address_in_use(address)
    return other if other is not None and other.id != account_id else None


def check_submission(check: SubmitCheck) -> None:
    wanted = _wanted(check.values)
    if not wanted:
        raise field_refusal("new_phone", NOTHING)
    if "address" in wanted and (other := _other_at(wanted["address"], check.account_id)):
        raise field_refusal("new_address", ADDRESS_IN_USE, account=other.number)


def _masked(column: str, value: str) -> str:
    if column == "id_card" and len(value) > 10:
        return value[:6] + "*" * (len(value) - 10) + value[-4:]
    return value or "—"


def apply(run: EffectRun) -> EffectOutcome:
    assert run.account_id is not None
    account: Any = Account.get_by_id(run.account_id)
    wanted = _wanted(run.values)
    if "address" in wanted and (other := _other_at(wanted["address"], account.id)):
        raise EffectRefused(ADDRESS_IN_USE, account=other.number)
    notes = run.text("notes")
    changes = account_changes.change_account(
        account.id,
        wanted,
        reason="信息变更" + (f"：{notes}" if notes else ""),  # the form is on the row
        form_id=run.form_id,
        staff_id=run.staff_id,
        at=run.at,
    )
    if not changes:
        raise EffectRefused(
            QT_TRANSLATE_NOOP(
                "Messages", "Account {number} already holds these details; nothing changes."
            ),
            number=account.number,
        )
    lines: list[tuple[str, str]] = [("户号", account.number), ("户主姓名", account.name)]
    for c in changes:
        label = LABELS.get(c.field, c.field)
        lines += [
            (f"{label}（原）", _masked(c.field, c.old)),
            (f"{label}（新）", _masked(c.field, c.new)),
        ]
    lines.append(("变更日期", run.today.isoformat()))
    return EffectOutcome(
        account_id=account.id,
        changes=changes,
        confirmation=Confirmation(
            "用户信息变更确认单", tuple(lines), ("原信息已存档，可在营业厅查询变更记录。",)
        ),
    )


EFFECT = register(Effect(name="info_change", needs=NEEDS, apply=apply, on_submit=check_submission))
