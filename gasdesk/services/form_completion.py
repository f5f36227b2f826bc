"""Moving a form to its next status, and running the business effect that status
carries (forms/README.md: `effect`, `effect_at`, `[[effect_field]]`).

The effect runs in the same transaction as the status change, the form's history
event and the audit event: either the account has changed and the form shows the new
status, or neither. A refused effect (a closed account, a meter number in use, a
reading below the previous one, a drawer that does not hold the refund ...) raises a
teller's message and changes nothing. What the teller fills in when the effect runs is
checked like a form (`FormRejected`, messages beside the fields) before anything is
written; a supervisor's password is checked before the transaction, so that a wrong
one stays counted.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from gasdesk.domain.form_fields import ValidationContext, Value, validate_form
from gasdesk.domain.form_records import FormInfo
from gasdesk.domain.form_spec import FormSpec, SectionSpec, Status, field_from_data
from gasdesk.domain.lifecycle import Completion, EffectDone, PendingEffect, PreviewLine
from gasdesk.domain.records import StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.auth import verify_supervisor
from gasdesk.services.effects import registry
from gasdesk.services.effects.guards import EffectRefused, refuse_closed_or_blocked
from gasdesk.services.form_errors import FormRejected
from gasdesk.services.forms import (
    FormActionError,
    _data,
    apply_status,
    form_info,
    refuse_other_office,
)
from gasdesk.storage import audit
from gasdesk.storage.db import run_in_transaction
from gasdesk.storage.models import Account, FormRecord, now
from gasdesk.storage.models_accounts import AccountHistory, FormEffect
from gasdesk.storage.models_forms import Complaint

EFFECT_SECTION = ("办理结果", "Result of the business")


@dataclass(frozen=True)
class AdvanceResult:
    form: FormInfo
    effect: EffectDone | None = None


@dataclass(frozen=True)
class _Plan:
    effect: registry.Effect
    status: Status
    fields: FormSpec


def _plan(row: Any) -> _Plan | None:
    """The effect a submitted form carries, from the snapshot taken when it was
    submitted (a form submitted before effects existed carries none)."""
    data = _data(row)
    name = str(data.get("effect") or "")
    if not name:
        return None
    effect = registry.get(name)
    if effect is None:
        raise FormActionError(
            QT_TRANSLATE_NOOP(
                "Messages", "The form's effect '{effect}' is not known to this version."
            ),
            effect=name,
        )
    fields = tuple(field_from_data(f) for f in data.get("effect_fields", []))
    names = tuple(f.name for f in fields)
    title = str(data.get("effect_title") or EFFECT_SECTION[0])
    title_en = str(data.get("effect_title_en") or EFFECT_SECTION[1])
    spec = FormSpec(
        kind=row.kind,
        title=str(data.get("title", row.kind)),
        title_en=str(data.get("title_en", "")),
        fields=fields,
        sections=(SectionSpec(title, names, title_en),) if names else (),
    )
    return _Plan(effect, Status(data.get("effect_at") or Status.CLOSED.value), spec)


def _due_now(row: Any) -> _Plan | None:
    """The plan when the form's next status is the one that runs its effect, and the
    effect has not run."""
    plan = _plan(row)
    if plan is None or form_info(row).next_status is not plan.status:
        return None
    if FormEffect.select().where(FormEffect.form == row.id).exists():
        return None
    return plan


def pending_effect(form_id: int) -> PendingEffect | None:
    """What the form's next status will do to the accounts, for the screen; None when
    it does nothing."""
    row: Any = FormRecord.get_or_none(FormRecord.id == form_id)
    if row is None:
        return None
    plan = _due_now(row)
    if plan is None:
        return None
    return PendingEffect(
        form_id=form_id,
        effect=plan.effect.name,
        status=plan.status,
        fields=plan.fields,
        supervisor=plan.effect.supervisor,
        drawer=plan.effect.drawer,
        account_id=row.account_id,
    )


def _values(row: Any, plan: _Plan, raw: dict[str, str], at: dt.datetime) -> dict[str, Value]:
    """The form's values and the effect fields' values (FormRejected when any is refused)."""
    extra, errors = validate_form(plan.fields, raw, ValidationContext(today=at.date(), now=at))
    if errors:
        raise FormRejected(errors)
    values: dict[str, Value] = dict(_data(row).get("values", {}))
    values.update(extra)
    return values


def _run_of(
    row: Any,
    plan: _Plan,
    values: dict[str, Value],
    staff_id: int,
    at: dt.datetime,
    completion: Completion,
    supervisor: StaffInfo | None,
) -> registry.EffectRun:
    return registry.EffectRun(
        form_id=row.id,
        form_number=row.number,
        form_kind=row.kind,
        effect=plan.effect.name,
        status=plan.status,
        account_id=row.account_id,
        office_id=row.office_id,
        staff_id=staff_id,
        at=at,
        values=values,
        counter_id=completion.counter_id,
        supervisor=supervisor,
        idempotency_key=completion.idempotency_key or f"form-{row.number}-{plan.effect.name}",
    )


def preview_effect(
    form_id: int, raw: dict[str, str], *, staff_id: int, at: dt.datetime | None = None
) -> tuple[PreviewLine, ...]:
    """What the effect will do with these values, read-only, for the teller to check
    with the customer before confirming (e.g. the final bill and the refund of a
    销户). Raises the refusal that stands in the way, if any."""
    at = at or now()
    row: Any = FormRecord.get_or_none(FormRecord.id == form_id)
    if row is None:
        raise FormActionError(QT_TRANSLATE_NOOP("Messages", "The form no longer exists."))
    plan = _due_now(row)
    if plan is None or plan.effect.preview is None:
        return ()
    values = _values(row, plan, raw, at)
    if row.account_id is not None:
        refuse_closed_or_blocked(Account.get_by_id(row.account_id), except_form=row.id)
    return plan.effect.preview(_run_of(row, plan, values, staff_id, at, Completion(), None))


def _authorise(plan: _Plan, completion: Completion, office_id: int, staff_id: int) -> StaffInfo:
    """The supervisor of the form's office who authorises the effect: not the teller
    doing it (four eyes). Checked before the transaction (a wrong password stays
    counted)."""
    if not completion.supervisor_badge.strip() or not completion.supervisor_password:
        raise EffectRefused(
            QT_TRANSLATE_NOOP("Messages", "A supervisor must enter a badge number and password.")
        )
    supervisor = verify_supervisor(
        completion.supervisor_badge, completion.supervisor_password, office_id
    )
    if supervisor.id == staff_id:
        raise EffectRefused(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{name} ({badge}) is doing this business and cannot also authorise it; "
                "another supervisor must.",
            ),
            name=supervisor.name,
            badge=supervisor.badge,
        )
    return supervisor


def _record(
    row: Any, plan: _Plan, run: registry.EffectRun, outcome: registry.EffectOutcome
) -> EffectDone:
    """Inside the transaction, after the effect's work: the form names the account,
    the effect is recorded with what it printed, and the audit event carries every
    history row the effect wrote (verify compares them)."""
    if row.account_id != outcome.account_id:
        FormRecord.update(account=outcome.account_id).where(FormRecord.id == row.id).execute()
        row.account = outcome.account_id
    confirmation = outcome.confirmation
    FormEffect.create(
        form=row.id,
        effect=plan.effect.name,
        status=plan.status.value,
        account=outcome.account_id,
        values_json=json.dumps(
            {f.name: run.values.get(f.name, "") for f in plan.fields.fields}, ensure_ascii=False
        ),
        result_json=json.dumps(
            {
                "title": confirmation.title,
                "lines": [list(x) for x in confirmation.lines],
                "notes": list(confirmation.notes),
            },
            ensure_ascii=False,
        ),
        staff=run.staff_id,
        supervisor=run.supervisor.id if run.supervisor else None,
        payment=outcome.payment_id,
        at=run.at,
    )
    account: Any = Account.get_by_id(outcome.account_id)
    history = [
        [h.id, h.field, h.old_value, h.new_value]
        for h in AccountHistory.select()
        .where(AccountHistory.form == row.id)
        .order_by(AccountHistory.id)
    ]
    audit.append(
        "form_effect",
        staff_id=run.staff_id,
        office_id=row.office_id,
        number=row.number,
        effect=plan.effect.name,
        status=plan.status.value,
        account=account.number,
        account_id=account.id,
        history=history,
        authorised_by=run.supervisor.badge if run.supervisor else "",
        receipt=outcome.receipt_code,
        **dict(outcome.audit),
    )
    return EffectDone(
        effect=plan.effect.name,
        form_id=row.id,
        account_id=account.id,
        account_number=account.number,
        changes=outcome.changes,
        confirmation=confirmation,
        receipt_id=outcome.receipt_id,
        receipt_code=outcome.receipt_code,
        collect_prepay_fen=outcome.collect_prepay_fen,
    )


def complete_form(
    form_id: int,
    *,
    staff_id: int,
    note: str = "",
    at: dt.datetime | None = None,
    completion: Completion | None = None,
) -> AdvanceResult:
    """Move a form to the next status of its workflow, recording who, what and when;
    when that status runs the form's effect, run it in the same transaction with the
    values and authorisation in `completion`."""
    at = at or now()
    completion = completion or Completion()
    first: Any = FormRecord.get_or_none(FormRecord.id == form_id)
    if first is None:
        raise FormActionError(QT_TRANSLATE_NOOP("Messages", "The form no longer exists."))
    plan = _due_now(first)
    values: dict[str, Value] = {}
    supervisor: StaffInfo | None = None
    if plan is not None:
        values = _values(first, plan, dict(completion.values), at)
        if plan.effect.drawer and completion.counter_id is None:
            raise EffectRefused(
                QT_TRANSLATE_NOOP(
                    "Messages", "This business moves money: do it at a counter, on your shift."
                )
            )
        if plan.effect.supervisor:
            supervisor = _authorise(plan, completion, first.office_id, staff_id)

    def work() -> EffectDone | None:
        row: Any = FormRecord.get_or_none(FormRecord.id == form_id)
        if row is None:
            raise FormActionError(QT_TRANSLATE_NOOP("Messages", "The form no longer exists."))
        info = form_info(row)
        to = info.next_status
        if to is None:
            raise FormActionError(
                QT_TRANSLATE_NOOP("Messages", "Form {number} is already closed."),
                number=info.number,
            )
        if to is Status.FOLLOWED_UP and info.return_visit:
            raise FormActionError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Record the return visit (outcome and satisfaction) to mark this form followed up.",
                )
            )
        if Complaint.get_or_none(Complaint.form == row) is not None:
            refuse_other_office(staff_id, row)  # answering a complaint is its office's act
        done = None
        now_plan = _due_now(row)
        if (now_plan is None) != (plan is None):  # another counter moved the form meanwhile
            raise FormActionError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Form {number} was changed at another counter; look at it again."
                ),
                number=info.number,
            )
        if plan is not None:
            if row.account_id is not None:
                refuse_closed_or_blocked(Account.get_by_id(row.account_id), except_form=row.id)
            run = _run_of(row, plan, values, staff_id, at, completion, supervisor)
            done = _record(row, plan, run, plan.effect.apply(run))
        apply_status(row, to, staff_id, note.strip(), at)
        return done

    done = run_in_transaction(work)
    return AdvanceResult(form=form_info(FormRecord.get_by_id(form_id)), effect=done)


def advance_form(
    form_id: int, *, staff_id: int, note: str = "", at: dt.datetime | None = None
) -> FormInfo:
    """Move a form to the next status of its workflow, recording who, what and when
    (and running the business effect that status carries, with no values given:
    complete_form gives them)."""

    return complete_form(form_id, staff_id=staff_id, note=note, at=at).form
