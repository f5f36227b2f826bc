"""The customer's copy of a form: what it shows, and the log of each print (a reprint is
marked 重印)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gasdesk.domain.form_records import LEVEL_LABELS_ZH, PrintableForm, PrintLine, PrintSection
from gasdesk.domain.form_spec import STATUS_LABELS_ZH, Status
from gasdesk.services.form_settings import company_phones
from gasdesk.services.forms import _data, _event
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import FormEvent, FormRecord, now
from gasdesk.storage.models_forms import Appointment, Complaint


def record_print(form_id: int, *, staff_id: int, at: dt.datetime | None = None) -> bool:
    """Log that the customer's copy was printed; return True if this is a reprint."""
    at = at or now()
    with write_transaction():
        row = FormRecord.get_by_id(form_id)
        before = (
            FormEvent.select()
            .where((FormEvent.form == row) & (FormEvent.action == "printed"))
            .count()
        )
        _event(row, staff_id, "printed", Status(row.status), "重印" if before else "", at)
    return before > 0


def printed_before(form_id: int) -> bool:
    """Whether the customer's copy was printed already (a next print is marked 重印)."""
    return bool(
        FormEvent.select()
        .where((FormEvent.form == form_id) & (FormEvent.action == "printed"))
        .exists()
    )


def printable_form(form_id: int, *, copy: bool = False) -> PrintableForm:
    """Everything the customer's copy shows, from the snapshot taken at submission."""
    row: Any = FormRecord.get_by_id(form_id)
    data = _data(row)
    office = row.office
    phones = company_phones()
    sections = tuple(
        PrintSection(s["title"], tuple(PrintLine(label, value) for label, _en, value in s["lines"]))
        for s in data.get("sections", [])
    )
    notes: list[str] = []
    complaint: Any = Complaint.get_or_none(form=row)
    if complaint is not None:
        if complaint.reply_due is not None:
            # a term counted over a year whose holiday schedule was not known is an estimate
            est = "（预计）" if complaint.deadline_warning else ""
            notes.append(
                f"答复期限{est}：{complaint.reply_due:%Y年%m月%d日}前（三个工作日，节假日顺延）；"
                f"处理结果反馈期限{est}：{complaint.result_due:%Y年%m月%d日}前。"
                + (
                    "当年节假日安排尚未公布，以上期限按法定节假日预计，以国家公布的放假安排为准。"
                    if est
                    else ""
                )
            )
        notes.append(
            f"受理部门：{LEVEL_LABELS_ZH[complaint.level]}。投诉电话：{phones['complaint_phone']}；监督电话：{phones['supervision_phone']}。"
        )
    for a in Appointment.select().where(
        (Appointment.form == row) & Appointment.live.is_null(False)
    ):
        notes.append(f"预约上门时间：{a.day:%Y年%m月%d日} {a.slot}，工作人员将准时上门服务。")
    return PrintableForm(
        number=row.number,
        title=data.get("title", row.kind),
        company=phones["company"],
        office_name=office.name,
        office_address=office.address,
        office_phone=office.phone,
        service_phone=phones["service_phone"],
        created_at=row.created_at,
        staff_name=row.staff.name,
        status_label=STATUS_LABELS_ZH[Status(row.status)],
        sections=sections,
        notes=tuple(notes),
        copy=copy,
    )
