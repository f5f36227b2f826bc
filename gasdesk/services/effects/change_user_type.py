"""用气类型变更: residential ↔ commercial, from the day the form is completed.

A reading of the meter in service is taken on the change day; every reading no bill
covers is billed up to it at the old user type's tariff (effects.final_bill), then the
user type changes, with its history row. Gas after the reading is billed at the new
type's tariff by the next bill. An IC-card meter's reading is recorded only: gas
already bought was priced when it was bought, and stays as bought; purchases from the
change day on are priced at the new type's tariff.

Tier counting for the year follows services.tier_year: each type's tiers count the gas
charged while the account had that type.

Refused, changing nothing: the type the account already has, a type without a tariff,
a reading below the previous one (or dated before it), a closed account.
"""

from __future__ import annotations

from typing import Any

from gasdesk.domain.form_spec import EffectNeeds, FieldType
from gasdesk.domain.lifecycle import Confirmation, PreviewLine
from gasdesk.domain.money import format_yuan
from gasdesk.domain.readings import format_m3
from gasdesk.domain.tariff import tariff_on
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import account_changes
from gasdesk.services.billing import tariffs_for
from gasdesk.services.effects.final_bill import (
    FinalBill,
    bill_to_reading,
    meter_in_service,
    preview_bill,
)
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.effects.open_account import METER_KIND_ZH, USER_TYPE_ZH, user_type_of
from gasdesk.services.effects.registry import (
    Effect,
    EffectOutcome,
    EffectRun,
    SubmitCheck,
    register,
)
from gasdesk.services.form_errors import field_refusal
from gasdesk.storage.models import Account

NAME = "change_user_type"
NEEDS = EffectNeeds(
    NAME,
    required={"new_user_type": (FieldType.CHOICE,), "reading": (FieldType.TEXT,)},
)
TIER_RULE = (
    "阶梯气量按用气类型分别累计：变更日前的用气计入原类型，自变更日起的用气计入新类型"
    "（本年度曾为该类型时接续累计）。"
)
ALREADY = QT_TRANSLATE_NOOP(
    "Messages", "Account {number} is already of this user type ({user_type}); nothing to change."
)


def _new_type(account: Any, choice: str, field: str | None = None) -> str:
    new = user_type_of(choice)
    if new == account.user_type:
        params = {"number": account.number, "user_type": USER_TYPE_ZH.get(new, new)}
        if field is not None:
            raise field_refusal(field, ALREADY, **params)
        raise EffectRefused(ALREADY, **params)
    tariffs_for(new)  # refused when the new type has no tariff
    return new


def check_submission(check: SubmitCheck) -> None:
    """At submission: a type the account does not have already, with a tariff."""
    if check.account_id is None:
        return
    account: Any = Account.get_by_id(check.account_id)
    _new_type(account, str(check.values.get("new_user_type", "")), "new_user_type")


def _tariff_name(user_type: str, run: EffectRun) -> str:
    return tariff_on(tariffs_for(user_type), run.today).name


def _bill_lines(bill: FinalBill) -> tuple[tuple[str, str], ...]:
    if bill.meter_kind == "ic_card":
        return (("结算说明", "IC卡表已购气量按购气时价格，不重新计价"),)
    return (
        ("按原类型计费气量", f"{format_m3(bill.billed_l)} m³"),
        ("按原类型计费金额", f"{format_yuan(bill.billed_fen)} 元"),
        ("变更后应缴合计", f"{format_yuan(bill.due_fen)} 元"),
    )


def preview(run: EffectRun) -> tuple[PreviewLine, ...]:
    assert run.account_id is not None
    account: Any = Account.get_by_id(run.account_id)
    new = _new_type(account, run.text("new_user_type"))
    meter = meter_in_service(account.id)
    bill = preview_bill(account.id, meter, run.text("reading"), on=run.today)
    lines = [
        PreviewLine(
            QT_TRANSLATE_NOOP("Messages", "User type"),
            f"{USER_TYPE_ZH[account.user_type]} → {USER_TYPE_ZH[new]}",
        ),
        PreviewLine(
            QT_TRANSLATE_NOOP("Messages", "Gas since the previous reading"),
            f"{format_m3(bill.volume_l)} m³",
        ),
    ]
    if meter.kind != "ic_card":
        lines.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Billed at the old tariff"),
                f"{format_yuan(bill.billed_fen)} 元",
            )
        )
        lines.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Owed after the change"),
                format_yuan(bill.due_fen) + " 元",
            )
        )
    return tuple(lines)


def apply(run: EffectRun) -> EffectOutcome:
    assert run.account_id is not None
    account: Any = Account.get_by_id(run.account_id)
    old = account.user_type
    new = _new_type(account, run.text("new_user_type"))
    old_tariff = _tariff_name(old, run)
    meter = meter_in_service(account.id)
    bill = bill_to_reading(
        account.id, meter, run.text("reading"), on=run.today, staff_id=run.staff_id
    )
    changes = account_changes.change_account(
        account.id,
        {"user_type": new},
        reason=f"用气类型变更，变更日读数 {format_m3(bill.value_l)} m³",  # the form is on the row
        form_id=run.form_id,
        staff_id=run.staff_id,
        at=run.at,
    )
    lines = (
        ("户号", account.number),
        ("户主姓名", account.name),
        ("用气地址", account.address),
        ("原用气类型", USER_TYPE_ZH[old]),
        ("新用气类型", USER_TYPE_ZH[new]),
        ("变更日期", run.today.isoformat()),
        ("燃气表号", f"{meter.number}（{METER_KIND_ZH.get(meter.kind, meter.kind)}）"),
        ("变更日表读数", f"{format_m3(bill.value_l)} m³"),
        ("原类型价格", old_tariff),
        ("新类型价格", _tariff_name(new, run)),
        *_bill_lines(bill),
    )
    return EffectOutcome(
        account_id=account.id,
        changes=changes,
        confirmation=Confirmation("用气类型变更确认单", lines, (TIER_RULE,)),
        audit={
            "reading": bill.reading_id,
            "reading_l": bill.value_l,
            "bills": [b.bill_id for b in bill.bills],
            "billed_fen": bill.billed_fen,
        },
    )


EFFECT = register(
    Effect(name=NAME, needs=NEEDS, apply=apply, on_submit=check_submission, preview=preview)
)
