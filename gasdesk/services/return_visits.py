"""The return-visit queue (回访): completed repairs, installations, checks and answered
complaints wait here until someone calls the customer back."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from gasdesk.domain.form_records import SATISFACTION, SATISFACTION_LABELS_ZH, ReturnVisitInfo
from gasdesk.domain.form_spec import Status
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.forms import FormActionError, apply_status, form_info, refuse_other_office
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import FormRecord, now
from gasdesk.storage.models_forms import Complaint, ReturnVisit


def _info(v: Any) -> ReturnVisitInfo:
    form = form_info(v.form)

    values = json.loads(v.form.data_json).get("values", {})
    phone = str(
        values.get("phone")
        or values.get("new_phone")
        or (v.form.account.phone if v.form.account_id else "")
    )
    return ReturnVisitInfo(
        id=int(v.id),
        form=form,
        due_on=v.due_on,
        phone=phone,
        done_at=v.done_at,
        outcome=v.outcome,
        satisfaction=v.satisfaction,
    )


def list_return_visits(*, pending_only: bool = True) -> list[ReturnVisitInfo]:
    query = (
        ReturnVisit.select(ReturnVisit, FormRecord)
        .join(FormRecord)
        .order_by(ReturnVisit.due_on, ReturnVisit.id)
    )
    if pending_only:
        query = query.where(ReturnVisit.done_at.is_null())
    return [_info(v) for v in query]


def record_return_visit(
    visit_id: int, *, staff_id: int, outcome: str, satisfaction: str, at: dt.datetime | None = None
) -> ReturnVisitInfo:
    """Record what the customer said; the form moves to 已回访."""
    at = at or now()
    outcome = outcome.strip()
    if satisfaction not in SATISFACTION:
        raise FormActionError(
            QT_TRANSLATE_NOOP("Messages", "Choose how satisfied the customer is.")
        )
    if len(outcome) < 2:
        raise FormActionError(
            QT_TRANSLATE_NOOP(
                "Messages", "Write down what the customer said (at least 2 characters)."
            )
        )
    with write_transaction():
        v: Any = ReturnVisit.get_or_none(ReturnVisit.id == visit_id)
        if v is None or v.done_at is not None:
            raise FormActionError(
                QT_TRANSLATE_NOOP("Messages", "This return visit was already recorded.")
            )
        form = v.form
        if Complaint.get_or_none(Complaint.form == form) is not None:
            refuse_other_office(staff_id, form)  # the result of a complaint is its office's
        if form.status != Status.REPLIED.value:
            raise FormActionError(
                QT_TRANSLATE_NOOP("Messages", "The form is not waiting for a return visit.")
            )
        v.done_at = at
        v.outcome = outcome
        v.satisfaction = satisfaction
        v.visited_by = staff_id
        v.save()
        c: Any = Complaint.get_or_none(Complaint.form == form)
        if c is not None:
            c.satisfaction = satisfaction
            c.save()
        apply_status(
            form,
            Status.FOLLOWED_UP,
            staff_id,
            f"{outcome}（{SATISFACTION_LABELS_ZH[satisfaction]}）",  # the record is Chinese
            at,
            action="return_visit",
        )
    return _info(ReturnVisit.get_by_id(visit_id))
