"""Submitting business forms and moving them through their lifecycle.

submit_form validates everything first and writes nothing unless every field is
valid; the form number, the form, its first history event, the complaint terms, the
booked visit and the audit event are written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from peewee import IntegrityError

from gasdesk.domain.appointments import parse_timeslot
from gasdesk.domain.form_fields import (
    FieldError,
    ValidationContext,
    Value,
    display_value,
    validate_form,
)
from gasdesk.domain.form_match import AccountFacts, mismatches
from gasdesk.domain.form_records import (
    FormEventInfo,
    FormInfo,
    SubmitResult,
)
from gasdesk.domain.form_spec import FieldType, FormSpec, Status, field_to_data
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.domain.workdays import (
    UnknownYearError,
    add_working_days,
    default_calendar,
    estimated_calendar,
)
from gasdesk.services.days import is_day_closed
from gasdesk.services.effects.guards import check_submission
from gasdesk.services.form_errors import FormRejected
from gasdesk.services.form_settings import appointment_config
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, FormEvent, FormRecord, Meter, Office, Staff, now
from gasdesk.storage.models_forms import Appointment, Complaint, FormCounter, ReturnVisit

RETURN_VISIT_WORKING_DAYS = 3
PRINT_ACTIONS = ("printed", "confirmation_printed")


class FormActionError(UserError):
    """A lifecycle action that cannot happen now; the message is for the teller."""


def _id(row: Any) -> int:
    return int(row.id)


def _data(row: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(row.data_json)
    return data


def form_info(row: Any) -> FormInfo:
    data = _data(row)
    values = data.get("values", {})
    account_number = ""
    if row.account_id is not None:
        account_number = row.account.number
    customer = str(
        values.get("name") or values.get("old_name") or (row.account.name if row.account_id else "")
    )
    return FormInfo(
        id=_id(row),
        number=row.number,
        kind=row.kind,
        title=data.get("title", row.kind),
        title_en=data.get("title_en", ""),
        status=Status(row.status),
        steps=tuple(Status(s) for s in data.get("steps", [s.value for s in Status])),
        customer=customer,
        account_number=account_number,
        created_at=row.created_at,
        staff_name=row.staff.name,
        complaint=bool(data.get("complaint")),
        return_visit=bool(data.get("return_visit")),
    )


def next_form_number(office: Any, year: int) -> str:
    """Take the next number of the office's series for `year`; call inside the transaction
    that inserts the form, so that a rollback returns the number."""
    series = f"{office.code}-F-{year}"
    FormCounter.insert(series=series, last=0).on_conflict_ignore().execute()
    FormCounter.update(last=FormCounter.last + 1).where(FormCounter.series == series).execute()
    last = FormCounter.get_by_id(series).last
    return f"{series}-{last:06d}"


def complaint_terms(received: dt.date) -> tuple[dt.date, dt.date, UnknownYearError | None]:
    """(reply due, result due, warning). Reply: 3 working days; result: one week with
    holidays extending it (see gasdesk.domain.workdays). When a year on the way has no
    known schedule, the terms are estimates (statutory days off, no bridge days) and
    the warning says so: the teller and the customer's copy show them as 预计."""
    calendar = default_calendar()
    try:
        reply = calendar.add_working_days(received, 3)
        result = calendar.add_days_holidays_extend(received, 7)
        return reply, max(reply, result), None
    except UnknownYearError as exc:
        estimate = estimated_calendar()
        reply = estimate.add_working_days(received, 3)
        result = estimate.add_days_holidays_extend(received, 7)
        return reply, max(reply, result), exc


def return_visit_due(day: dt.date) -> tuple[dt.date, str]:
    try:
        return add_working_days(day, RETURN_VISIT_WORKING_DAYS), ""
    except UnknownYearError as exc:
        return estimated_calendar().add_working_days(day, RETURN_VISIT_WORKING_DAYS), exc.message


def _slot_kind(spec: FormSpec, field_name: str, values: Mapping[str, Value]) -> str | None:
    f = spec.field(field_name)
    config = appointment_config()
    if f.slot_kind is not None:
        kind = config.kind(f.slot_kind)
    else:
        kind = config.kind_by_label(str(values.get(f.slot_kind_field or "", "")))
    return kind.code if kind else None


def _account_facts(acc: Any) -> AccountFacts:
    meters = list(Meter.select(Meter.number, Meter.removed_on).where(Meter.account == acc.id))
    return AccountFacts(
        number=acc.number,
        name=acc.name,
        address=acc.address,
        meters_in_service=tuple(sorted(m.number for m in meters if m.removed_on is None)),
        meters_removed=tuple(sorted(m.number for m in meters if m.removed_on is not None)),
    )


def _check(
    spec: FormSpec, raw: Mapping[str, str], at: dt.datetime, account_id: int | None = None
) -> tuple[dict[str, Value], dict[str, int], dict[str, str]]:
    """Validate; return (values, account ids by field, slot kinds by field) or raise FormRejected.
    `at` is the moment of submission: a slot that has ended by then is refused. The
    account a form names must be `account_id`'s when that is given, and the fields
    declared with `match` must hold what that account holds."""
    values, errors = validate_form(
        spec, raw, ValidationContext(today=at.date(), appointments=appointment_config(), now=at)
    )
    accounts: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for f in spec.fields:
        if f.name in errors or not values.get(f.name):
            continue
        if f.type is FieldType.ACCOUNT:
            acc: Any = Account.get_or_none(Account.number == values[f.name])
            if acc is None:
                errors[f.name] = FieldError("account_unknown")
            elif account_id is not None and _id(acc) != account_id:
                customer: Any = Account.get_or_none(Account.id == account_id)
                errors[f.name] = FieldError(
                    "account_not_customer",
                    {"customer": customer.number if customer else str(account_id)},
                )
            else:
                accounts[f.name] = _id(acc)
                for name, err in mismatches(spec, values, _account_facts(acc)).items():
                    errors.setdefault(name, err)
        elif f.type is FieldType.TIMESLOT:
            kind = _slot_kind(spec, f.name, values)
            if kind is None:
                errors[f.name] = FieldError("timeslot_unknown")
            else:
                kinds[f.name] = kind
    if errors:
        raise FormRejected(errors)
    return values, accounts, kinds


def _snapshot(spec: FormSpec, values: Mapping[str, Value]) -> dict[str, Any]:
    """What the form looked like when submitted, so a reprint is the same form even
    after its definition file changes."""
    sections = []
    for s in spec.sections:
        lines = []
        for name in s.fields:
            f = spec.field(name)
            v = values.get(name, "")
            lines.append([f.label, f.label_en, display_value(f, v) if v != "" else ""])
        sections.append({"title": s.title, "title_en": s.title_en, "lines": lines})
    return {
        "title": spec.title,
        "title_en": spec.title_en,
        "values": dict(values),
        "sections": sections,
        "steps": [s.value for s in spec.workflow.steps],
        "complaint": spec.workflow.complaint,
        "return_visit": spec.workflow.return_visit,
        "source": spec.source,
        # the business effect and the fields it asks for when it runs (forms/README.md)
        "effect": spec.effect,
        "effect_at": spec.effect_at.value if spec.effect_at else "",
        "effect_fields": [field_to_data(f) for f in spec.effect_fields],
        "effect_title": spec.effect_title,
        "effect_title_en": spec.effect_title_en,
    }


def _book(form: Any, kind: str, slot_text: str, staff_id: int) -> Appointment | None:
    parsed = parse_timeslot(slot_text)
    if parsed is None:
        return None
    day, slot = parsed
    kind_cfg = appointment_config().kind(kind)
    capacity = kind_cfg.capacity if kind_cfg else 1
    taken = {
        a.crew
        for a in Appointment.select(Appointment.crew).where(
            (Appointment.kind == kind)
            & (Appointment.day == day)
            & (Appointment.slot == slot)
            & Appointment.live.is_null(False)
        )
    }
    free = [c for c in range(1, capacity + 1) if c not in taken]
    if not free:
        return None
    return Appointment.create(
        form=form, kind=kind, day=day, slot=slot, crew=free[0], live=1, booked_by=staff_id
    )


def submit_form(
    spec: FormSpec,
    raw: Mapping[str, str],
    *,
    staff_id: int,
    office_id: int,
    account_id: int | None = None,
    at: dt.datetime | None = None,
) -> SubmitResult:
    """Validate and record a form; raise FormRejected (nothing saved) if any field is refused."""
    at = at or now()
    values, accounts, kinds = _check(spec, raw, at, account_id)
    if account_id is None and accounts:
        account_id = next(iter(accounts.values()))
    office = Office.get_by_id(office_id)
    data = _snapshot(spec, values)
    warnings: list[str] = []
    reply_due = result_due = None
    unknown_year: int | None = None
    booked = ""
    try:
        with write_transaction():
            _refuse_if_day_closed(office_id, at.date())
            check_submission(
                spec, values, account_id, office_id=office_id, staff_id=staff_id, at=at
            )
            number = next_form_number(office, at.year)
            row: Any = FormRecord.create(
                number=number,
                kind=spec.kind,
                account=account_id,
                office=office_id,
                staff=staff_id,
                status=Status.RECEIVED.value,
                data_json=json.dumps(data, ensure_ascii=False),
                created_at=at,
            )
            FormEvent.create(
                form=row, staff=staff_id, action="submitted", status=Status.RECEIVED.value, at=at
            )
            if spec.workflow.complaint:
                reply_due, result_due, warning = complaint_terms(at.date())
                if warning:
                    warnings.append(warning.message)
                    unknown_year = warning.year
                Complaint.create(
                    form=row,
                    received_on=at.date(),
                    level="operations",
                    level_since=at.date(),
                    reply_due=reply_due,
                    result_due=result_due,
                    deadline_warning=warning.message if warning else "",
                )
            for name, kind in kinds.items():
                appt = _book(row, kind, str(values[name]), staff_id)
                if appt is None:
                    raise FormRejected({name: FieldError("timeslot_taken")})
                booked = str(values[name])
            audit.append(
                "form_submitted",
                staff_id=staff_id,
                office_id=office_id,
                number=number,
                form_kind=spec.kind,
            )
    except IntegrityError as exc:  # another counter took the slot between our read and write
        slot_fields = list(kinds)
        if slot_fields and "appointment" in str(exc).lower():
            raise FormRejected({slot_fields[0]: FieldError("timeslot_taken")}) from exc
        raise
    return SubmitResult(
        form=form_info(FormRecord.get_by_id(_id(row))),
        warnings=tuple(warnings),
        unknown_holiday_year=unknown_year,
        appointment=booked,
        reply_due=reply_due,
        result_due=result_due,
    )


def refuse_other_office(staff_id: int, form: Any) -> Any:
    """The member of staff acting on a complaint, refused unless she belongs to the
    office that holds it: an office's complaints are its own staff's to answer,
    escalate and uphold. Call inside the action's transaction."""
    actor: Any = Staff.get_or_none(Staff.id == staff_id)
    if actor is None or actor.office_id != form.office_id:
        raise FormActionError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Complaint {number} belongs to another office; its own staff handle it.",
            ),
            number=form.number,
        )
    return actor


def _refuse_if_day_closed(office_id: int, day: dt.date) -> None:
    """Nothing of a closed business day changes, forms included."""
    if is_day_closed(office_id, day):
        raise FormActionError(
            QT_TRANSLATE_NOOP(
                "Messages", "The business day {day} is closed; no form can be recorded for it."
            ),
            day=day.isoformat(),
        )


def _event(
    row: Any, staff_id: int, action: str, status: Status, note: str, at: dt.datetime
) -> None:
    if action not in PRINT_ACTIONS:  # a copy printed is logged, it changes nothing
        _refuse_if_day_closed(row.office_id, at.date())
    FormEvent.create(form=row, staff=staff_id, action=action, status=status.value, note=note, at=at)
    audit.append(
        "form_" + action,
        staff_id=staff_id,
        office_id=row.office_id,
        number=row.number,
        status=status.value,
        note=note,
    )


def apply_status(
    row: Any, to: Status, staff_id: int, note: str, at: dt.datetime, action: str = "advanced"
) -> None:
    """Set the status with its side effects; call inside a write transaction."""
    row.status = to.value
    row.save()
    data = _data(row)
    complaint: Any = Complaint.get_or_none(Complaint.form == row) if data.get("complaint") else None
    if complaint is not None:
        if to is Status.REPLIED and complaint.replied_at is None:
            complaint.replied_at = at
        if to in (Status.FOLLOWED_UP, Status.CLOSED) and complaint.result_at is None:
            complaint.result_at = at
        complaint.save()
    if to is Status.REPLIED and data.get("return_visit"):
        pending: Any = ReturnVisit.get_or_none(
            (ReturnVisit.form == row) & ReturnVisit.done_at.is_null()
        )
        if pending is None:
            due, _warning = return_visit_due(at.date())
            ReturnVisit.create(form=row, due_on=due, queued_at=at)
    _event(row, staff_id, action, to, note, at)


def form_history(form_id: int) -> list[FormEventInfo]:
    rows = (
        FormEvent.select(FormEvent, Staff)
        .join(Staff)
        .where(FormEvent.form == form_id)
        .order_by(FormEvent._meta.primary_key)
    )
    return [
        FormEventInfo(
            at=e.at, staff_name=e.staff.name, action=e.action, status=Status(e.status), note=e.note
        )
        for e in rows
    ]


def list_forms(
    *, office_id: int | None = None, open_only: bool = True, limit: int = 200
) -> list[FormInfo]:
    query = FormRecord.select().order_by(FormRecord.created_at.desc(), FormRecord.number.desc())
    if open_only:
        query = query.where(FormRecord.status != Status.CLOSED.value)
    if office_id is not None:
        query = query.where(FormRecord.office == office_id)
    return [form_info(r) for r in query.limit(limit)]
