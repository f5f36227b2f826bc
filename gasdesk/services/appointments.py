"""Home-visit appointments: free slots, the day's bookings, punctuality on completion."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from gasdesk.domain.appointments import is_punctual, slot_has_ended
from gasdesk.domain.form_records import AppointmentInfo, SlotAvailability
from gasdesk.domain.form_spec import Status
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.form_settings import appointment_config
from gasdesk.services.forms import FormActionError, _event
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import FormRecord, now
from gasdesk.storage.models_forms import Appointment


def _info(a: Any) -> AppointmentInfo:
    values = json.loads(a.form.data_json).get("values", {})
    return AppointmentInfo(
        id=int(a.id),
        form_number=a.form.number,
        kind=a.kind,
        day=a.day,
        slot=a.slot,
        crew=a.crew,
        customer=str(values.get("name", "")),
        address=str(values.get("address", "")),
        phone=str(values.get("phone", "")),
        arrived_at=a.arrived_at,
        punctual=a.punctual,
        cancelled=a.live is None,
    )


def free_slots(kind: str, day: dt.date, now: dt.datetime | None = None) -> list[SlotAvailability]:
    """Each slot of `day` with its crews and bookings; with `now`, a slot that has ended
    by then is marked so (submit_form refuses it)."""
    config = appointment_config()
    k = config.kind(kind)
    capacity = k.capacity if k else 1
    booked: dict[str, int] = {}
    query = Appointment.select(Appointment.slot).where(
        (Appointment.kind == kind) & (Appointment.day == day) & Appointment.live.is_null(False)
    )
    for a in query:
        booked[a.slot] = booked.get(a.slot, 0) + 1
    return [
        SlotAvailability(
            s.code,
            capacity,
            booked.get(s.code, 0),
            ended=now is not None and slot_has_ended(day, s.code, now),
        )
        for s in config.slots
    ]


def list_appointments(day: dt.date, *, include_cancelled: bool = False) -> list[AppointmentInfo]:
    query = (
        Appointment.select(Appointment, FormRecord)
        .join(FormRecord)
        .where(Appointment.day == day)
        .order_by(Appointment.slot, Appointment.kind, Appointment.crew)
    )
    if not include_cancelled:
        query = query.where(Appointment.live.is_null(False))
    return [_info(a) for a in query]


def complete_appointment(
    appointment_id: int, *, staff_id: int, arrived_at: dt.datetime
) -> AppointmentInfo:
    """Record when the crew arrived; punctual means no later than the slot's end."""
    with write_transaction():
        a: Any = Appointment.get_or_none(Appointment.id == appointment_id)
        if a is None or a.live is None:
            raise FormActionError(QT_TRANSLATE_NOOP("Messages", "This appointment was cancelled."))
        if a.arrived_at is not None:
            raise FormActionError(QT_TRANSLATE_NOOP("Messages", "The visit was already recorded."))
        config = appointment_config()
        slot = config.slot(a.slot)
        if slot is None:
            raise FormActionError(
                QT_TRANSLATE_NOOP(
                    "Messages", "The slot {slot} is no longer offered; ask a supervisor."
                ),
                slot=a.slot,
            )
        a.arrived_at = arrived_at
        a.punctual = is_punctual(a.day, slot, arrived_at, config.grace_minutes)
        a.completed_by = staff_id
        a.save()
        note = f"{arrived_at:%Y-%m-%d %H:%M} " + ("准时" if a.punctual else "迟到")
        _event(a.form, staff_id, "visited", Status(a.form.status), note, now())
    return _info(a)


def cancel_appointment(appointment_id: int, *, staff_id: int, reason: str = "") -> AppointmentInfo:
    """Free the slot; the booking stays on record, marked cancelled."""
    with write_transaction():
        a: Any = Appointment.get_or_none(Appointment.id == appointment_id)
        if a is None or a.live is None:
            raise FormActionError(
                QT_TRANSLATE_NOOP("Messages", "This appointment was already cancelled.")
            )
        if a.arrived_at is not None:
            raise FormActionError(
                QT_TRANSLATE_NOOP("Messages", "The visit has taken place; it cannot be cancelled.")
            )
        a.live = None
        a.cancelled_at = now()
        a.save()
        audit.append(
            "appointment_cancelled",
            staff_id=staff_id,
            office_id=a.form.office_id,
            number=a.form.number,
            day=a.day,
            slot=a.slot,
            reason=reason.strip(),
        )
    return _info(a)
