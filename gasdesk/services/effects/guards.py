"""Rules every business effect shares: no business on a closed account, none beside an
open form whose effect holds the account (销户), and the checks a form with an effect
gets when it is submitted."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from gasdesk.domain.form_fields import Value
from gasdesk.domain.form_spec import FieldType, FormSpec, Status
from gasdesk.domain.lifecycle import CLOSED
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.effects import registry
from gasdesk.services.form_errors import field_refusal
from gasdesk.storage.models import Account, FormRecord


class EffectRefused(UserError):
    """A business effect cannot be done as asked; nothing was changed."""


def account_field(spec: FormSpec) -> str | None:
    return next((f.name for f in spec.fields if f.type is FieldType.ACCOUNT), None)


def effect_name(row: Any) -> str:
    """The effect a submitted form carries (from its snapshot)."""
    data: dict[str, Any] = json.loads(row.data_json)
    return str(data.get("effect", ""))


def blocking_form(account_id: int, except_form: int | None = None) -> Any:
    """An open form on the account whose effect holds it (e.g. 销户), if any."""
    query = FormRecord.select().where(
        (FormRecord.account == account_id) & (FormRecord.status != Status.CLOSED.value)
    )
    if except_form is not None:
        query = query.where(FormRecord.id != except_form)
    for row in query.order_by(FormRecord.id):
        effect = registry.get(effect_name(row))
        if effect is not None and effect.blocks_account:
            return row
    return None


CLOSED_ACCOUNT = QT_TRANSLATE_NOOP(
    "Messages",
    "Account {number} is closed (已销户); no business can be done on it. A new supply "
    "needs a new account (开户).",
)
BLOCKED_ACCOUNT = QT_TRANSLATE_NOOP(
    "Messages",
    "Account {number} has an open closing form {form} (销户); finish that form before "
    "any other business on the account.",
)


def refuse_closed_or_blocked(account: Any, except_form: int | None = None) -> None:
    """Refuse (EffectRefused) business on a closed account, or on one with an open
    form whose effect holds it."""
    if account.status == CLOSED:
        raise EffectRefused(CLOSED_ACCOUNT, number=account.number)
    other = blocking_form(account.id, except_form)
    if other is not None:
        raise EffectRefused(BLOCKED_ACCOUNT, number=account.number, form=other.number)


def check_submission(
    spec: FormSpec,
    values: Mapping[str, Value],
    account_id: int | None,
    *,
    office_id: int,
    staff_id: int,
    at: dt.datetime,
) -> None:
    """For a form with an effect, inside the submission's transaction: the effect is
    known, the account is neither closed nor held by another open form (refused
    beside the account field), then the effect's own check."""
    if not spec.effect:
        return
    effect = registry.get(spec.effect)
    if effect is None:
        raise EffectRefused(
            QT_TRANSLATE_NOOP(
                "Messages", "The form's effect '{effect}' is not known to this version."
            ),
            effect=spec.effect,
        )
    name = account_field(spec)
    if account_id is not None and name is not None:
        account: Any = Account.get_by_id(account_id)
        try:
            refuse_closed_or_blocked(account)
        except EffectRefused as exc:
            raise field_refusal(name, exc.template, **exc.params) from None
    if effect.on_submit is not None:
        effect.on_submit(
            registry.SubmitCheck(
                spec=spec,
                values=values,
                account_id=account_id,
                office_id=office_id,
                staff_id=staff_id,
                at=at,
            )
        )
