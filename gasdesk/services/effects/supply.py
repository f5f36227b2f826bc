"""停气 / 复气 for one account (the customer's request, a safety defect, long arrears).

停气 turns an active account's supply status to 'suspended' with the form's reason;
复气 turns a suspended one back to 'active', the history row naming who restored it.
While the supply is stopped an IC-card purchase (and a prepayment) is refused with the
reason (services.account_state); bills can still be paid. Refused, changing nothing:
stopping a stopped supply, restoring one that runs."""

from __future__ import annotations

from typing import Any

from gasdesk.domain.form_spec import EffectNeeds, FieldType
from gasdesk.domain.lifecycle import ACCOUNT_STATUS_ZH, ACTIVE, SUSPENDED, Confirmation
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import account_changes
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.effects.registry import (
    Effect,
    EffectOutcome,
    EffectRun,
    SubmitCheck,
    register,
)
from gasdesk.services.form_errors import field_refusal
from gasdesk.storage.models import Account

STOP, RESTORE = "停气", "复气"
NEEDS = EffectNeeds(
    "supply_change",
    required={"action": (FieldType.CHOICE,), "reason": (FieldType.CHOICE, FieldType.TEXT)},
    optional={"date": (FieldType.DATE,)},
)
ALREADY_STOPPED = QT_TRANSLATE_NOOP(
    "Messages", "The supply of account {number} is stopped already; restore it (复气) instead."
)
NOT_STOPPED = QT_TRANSLATE_NOOP(
    "Messages", "The supply of account {number} is not stopped; there is nothing to restore."
)
UNKNOWN_ACTION = QT_TRANSLATE_NOOP("Messages", "'{choice}' is neither 停气 nor 复气.")


def _refusal(action: str, account: Any) -> tuple[str, dict[str, str]] | None:
    if action == STOP and account.status != ACTIVE:
        return ALREADY_STOPPED, {"number": account.number}
    if action == RESTORE and account.status != SUSPENDED:
        return NOT_STOPPED, {"number": account.number}
    if action not in (STOP, RESTORE):
        return UNKNOWN_ACTION, {"choice": action}
    return None


def check_submission(check: SubmitCheck) -> None:
    if check.account_id is None:
        return
    refused = _refusal(str(check.values.get("action", "")), Account.get_by_id(check.account_id))
    if refused is not None:
        raise field_refusal("action", refused[0], **refused[1])


def apply(run: EffectRun) -> EffectOutcome:
    assert run.account_id is not None
    account: Any = Account.get_by_id(run.account_id)
    action = run.text("action")
    refused = _refusal(action, account)
    if refused is not None:
        raise EffectRefused(refused[0], **refused[1])
    reason = run.text("reason")
    changes = account_changes.change_account(
        account.id,
        {"status": SUSPENDED if action == STOP else ACTIVE},
        reason=reason,  # the form is on the row
        form_id=run.form_id,
        staff_id=run.staff_id,
        at=run.at,
    )
    status = SUSPENDED if action == STOP else ACTIVE
    lines = (
        ("户号", account.number),
        ("户主姓名", account.name),
        ("用气地址", account.address),
        ("办理事项", action),
        ("原因", reason),
        ("要求日期", run.text("date") or "—"),
        ("办理日期", run.today.isoformat()),
        ("供气状态", ACCOUNT_STATUS_ZH[status]),
    )
    notes = (
        ("停气期间不能购气、预存；如需恢复供气，请办理复气。",)
        if action == STOP
        else ("已恢复供气。使用燃气前请检查灶具阀门，如闻到燃气异味请立即拨打抢险电话。",)
    )
    return EffectOutcome(
        account_id=account.id,
        changes=changes,
        confirmation=Confirmation(f"{action}确认单", lines, notes),
        audit={"action": action, "reason": reason},
    )


EFFECT = register(
    Effect(name="supply_change", needs=NEEDS, apply=apply, on_submit=check_submission)
)
