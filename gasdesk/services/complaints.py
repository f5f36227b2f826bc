"""Complaints: terms, escalation, the overdue list, upholding against staff.

Terms (service code section 8): the level that holds the complaint replies within
three working days and gives the result within a week, holidays extending both. A
complainant not satisfied with the operations department (运行部) goes to the company
(公司), which has the same terms from the day it takes the complaint; beyond the company
the complaint goes to the municipal public utilities bureau (淄博市公用事业管理局),
whose terms are its own, so none are tracked here.

A reply is given when the form reaches 已答复; the result when it reaches 已回访 (the
return visit that records the complainant's satisfaction) or 办结.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gasdesk.domain.form_records import (
    COMPENSATION_FEN,
    COMPLAINT_LEVELS,
    LEVEL_LABELS_ZH,
    ComplaintInfo,
)
from gasdesk.domain.form_spec import Status
from gasdesk.domain.records import StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.forms import (
    FormActionError,
    _event,
    complaint_terms,
    form_info,
    refuse_other_office,
)
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import FormRecord, Staff, now
from gasdesk.storage.models_forms import Complaint, ReturnVisit


def complaint_info(c: Any, today: dt.date) -> ComplaintInfo:
    form = form_info(c.form)
    open_ = form.status is not Status.CLOSED
    return ComplaintInfo(
        form=form,
        level=c.level,
        received_on=c.received_on,
        reply_due=c.reply_due,
        result_due=c.result_due,
        replied_at=c.replied_at,
        result_at=c.result_at,
        satisfaction=c.satisfaction,
        upheld=c.upheld,
        compensation_fen=c.compensation_fen,
        deadline_warning=c.deadline_warning,
        reply_overdue=open_
        and c.replied_at is None
        and c.reply_due is not None
        and today > c.reply_due,
        result_overdue=open_
        and c.result_at is None
        and c.result_due is not None
        and today > c.result_due,
    )


def list_complaints(today: dt.date, *, open_only: bool = True) -> list[ComplaintInfo]:
    query = (
        Complaint.select(Complaint, FormRecord)
        .join(FormRecord)
        .order_by(Complaint.received_on, Complaint.id)
    )
    if open_only:
        query = query.where(FormRecord.status != Status.CLOSED.value)
    return [complaint_info(c, today) for c in query]


def overdue_complaints(today: dt.date) -> list[ComplaintInfo]:
    """Open complaints whose reply or result is past its due date (due dates are inclusive)."""
    return [c for c in list_complaints(today) if c.overdue]


def count_overdue(today: dt.date) -> int:
    return len(overdue_complaints(today))


def get_complaint(form_id: int, today: dt.date) -> ComplaintInfo:
    c: Any = Complaint.get_or_none(Complaint.form == form_id)
    if c is None:
        raise FormActionError(QT_TRANSLATE_NOOP("Messages", "This form is not a complaint."))
    return complaint_info(c, today)


def escalate_complaint(
    form_id: int, *, staff_id: int, note: str = "", at: dt.datetime | None = None
) -> ComplaintInfo:
    """The complainant is not satisfied: pass the complaint to the next level."""
    at = at or now()
    with write_transaction():
        c: Any = Complaint.get_or_none(Complaint.form == form_id)
        if c is None:
            raise FormActionError(QT_TRANSLATE_NOOP("Messages", "This form is not a complaint."))
        form = c.form
        refuse_other_office(staff_id, form)
        if form.status == Status.CLOSED.value:
            raise FormActionError(QT_TRANSLATE_NOOP("Messages", "The complaint is closed."))
        i = COMPLAINT_LEVELS.index(c.level)
        if i + 1 >= len(COMPLAINT_LEVELS):
            raise FormActionError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The complaint is already with the municipal public utilities bureau.",
                )
            )
        c.level = COMPLAINT_LEVELS[i + 1]
        c.level_since = at.date()
        if c.level == "bureau":
            c.reply_due = c.result_due = None
            c.deadline_warning = ""
        else:
            c.reply_due, c.result_due, warning = complaint_terms(at.date())
            c.deadline_warning = warning.message if warning else ""
        c.replied_at = c.result_at = None
        c.satisfaction = ""
        c.save()
        ReturnVisit.update(done_at=at, outcome="转" + LEVEL_LABELS_ZH[c.level]).where(
            (ReturnVisit.form == form) & ReturnVisit.done_at.is_null()
        ).execute()
        form.status = Status.IN_PROGRESS.value
        form.save()
        text = f"转{LEVEL_LABELS_ZH[c.level]}" + (f"：{note.strip()}" if note.strip() else "")
        _event(form, staff_id, "escalated", Status.IN_PROGRESS, text, at)
    return complaint_info(Complaint.get_by_id(c.id), at.date())


def uphold_complaint(
    form_id: int,
    *,
    staff_id: int,
    against_staff_id: int,
    note: str = "",
    at: dt.datetime | None = None,
) -> ComplaintInfo:
    """A supervisor finds the complaint upheld against a member of staff: the 30-yuan
    compensation to the complainant is recorded once (service code section 9)."""
    at = at or now()
    with write_transaction():
        actor = Staff.get_by_id(staff_id)
        if actor.role != "supervisor":
            raise FormActionError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Only a supervisor can uphold a complaint against staff."
                )
            )
        c: Any = Complaint.get_or_none(Complaint.form == form_id)
        if c is None:
            raise FormActionError(QT_TRANSLATE_NOOP("Messages", "This form is not a complaint."))
        refuse_other_office(staff_id, c.form)  # a supervisor decides for her own office
        if c.upheld:
            raise FormActionError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "This complaint was already upheld; the compensation is recorded once.",
                )
            )
        against: Any = Staff.get_or_none(id=against_staff_id)
        if against is None:
            raise FormActionError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Choose the member of staff the complaint is upheld against."
                )
            )
        c.upheld = True
        c.against_staff = against
        c.compensation_fen = COMPENSATION_FEN
        c.decided_by = staff_id
        c.decided_at = at
        c.save()
        form = c.form
        _event(
            form,
            staff_id,
            "upheld",
            Status(form.status),
            f"{against.name}（{against.badge}）" + (f"：{note.strip()}" if note.strip() else ""),
            at,
        )
        audit.append(
            "complaint_compensation",
            staff_id=staff_id,
            office_id=form.office_id,
            number=form.number,
            against_staff=against_staff_id,
            compensation_fen=COMPENSATION_FEN,
        )
    return complaint_info(Complaint.get_by_id(c.id), at.date())


def list_staff(office_id: int) -> list[StaffInfo]:
    """Active staff of an office: whom a complaint can be upheld against."""
    from gasdesk.services.auth import staff_info

    query = Staff.select().where(Staff.office == office_id).order_by(Staff.badge)
    return [staff_info(s) for s in query if s.active]
