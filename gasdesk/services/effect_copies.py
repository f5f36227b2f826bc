"""The printed confirmation of a business a form's effect did (开户确认, 销户确认 ...):
what it shows, kept with the effect when it ran so that a reprint is the same paper,
and the log of each print (a reprint is marked 重印)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from gasdesk.domain.form_records import PrintableForm, PrintLine, PrintSection
from gasdesk.domain.form_spec import STATUS_LABELS_ZH, Status
from gasdesk.printing.forms import render_form_pdf
from gasdesk.services.form_settings import company_phones
from gasdesk.services.forms import _event
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import FormEvent, FormRecord, now
from gasdesk.storage.models_accounts import FormEffect

PRINTED = "confirmation_printed"


def confirmation_printed_before(form_id: int) -> bool:
    return bool(
        FormEvent.select()
        .where((FormEvent.form == form_id) & (FormEvent.action == PRINTED))
        .exists()
    )


def confirmation(form_id: int, *, copy: bool = False) -> PrintableForm:
    """The confirmation of the effect the form ran, as printed."""
    effect: Any = FormEffect.get(FormEffect.form == form_id)
    row: Any = FormRecord.get_by_id(form_id)
    result = json.loads(effect.result_json)
    office = row.office
    phones = company_phones()
    return PrintableForm(
        number=row.number,
        title=str(result.get("title", "")),
        company=phones["company"],
        office_name=office.name,
        office_address=office.address,
        office_phone=office.phone,
        service_phone=phones["service_phone"],
        created_at=effect.at,
        staff_name=effect.staff.name,
        status_label=STATUS_LABELS_ZH[Status(effect.status)],
        sections=(
            PrintSection(
                "办理结果", tuple(PrintLine(str(k), str(v)) for k, v in result.get("lines", []))
            ),
        ),
        notes=tuple(str(n) for n in result.get("notes", [])),
        copy=copy,
        time_label="办理时间",
        staff_label="经办人",
    )


def confirmation_pdf(form_id: int) -> bytes:
    """Runs on the worker: the confirmation as PDF, marked 重印 when printed before."""
    return render_form_pdf(confirmation(form_id, copy=confirmation_printed_before(form_id)))


def record_confirmation_print(
    form_id: int, *, staff_id: int, at: dt.datetime | None = None
) -> bool:
    """Log that the confirmation was printed; True if this was a reprint."""
    at = at or now()
    with write_transaction():
        row: Any = FormRecord.get_by_id(form_id)
        before = confirmation_printed_before(form_id)
        _event(row, staff_id, PRINTED, Status(row.status), "重印" if before else "", at)
    return before
