"""Tables for business forms beyond FormRecord/FormEvent: form numbering, complaint
terms, outage notices, home-visit appointments and the return-visit queue."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from gasdesk.storage.models import BaseModel, FormRecord, Office, Staff, now


class FormCounter(BaseModel):
    """Gapless form numbers per office and year: updated in the transaction that inserts
    the form, so a rolled-back form leaves no gap. Series like 'MS-F-2026'."""

    series = CharField(primary_key=True)
    last = IntegerField(default=0)


class Complaint(BaseModel):
    id = AutoField()
    form = ForeignKeyField(FormRecord, unique=True, backref="complaint")
    received_on = DateField()
    level = CharField(max_length=16, default="operations")  # operations | company | bureau
    level_since = DateField()  # the day the current level took the complaint
    reply_due = DateField(null=True)
    result_due = DateField(null=True)
    deadline_warning = TextField(default="")  # holidays unknown: the terms are estimates
    replied_at = DateTimeField(null=True)
    result_at = DateTimeField(null=True)
    satisfaction = CharField(max_length=16, default="")  # satisfied | basically | unsatisfied
    upheld = BooleanField(default=False)
    against_staff = ForeignKeyField(Staff, null=True)
    compensation_fen = IntegerField(default=0)
    decided_by = ForeignKeyField(Staff, null=True)
    decided_at = DateTimeField(null=True)


class Outage(BaseModel):
    id = AutoField()
    office = ForeignKeyField(Office)
    street = CharField()
    community = CharField(default="")
    building_from = IntegerField(null=True)
    building_to = IntegerField(null=True)
    starts_at = DateTimeField(index=True)
    restore_at = DateTimeField(index=True)
    reason = CharField(default="")
    in_peak = BooleanField(default=False)  # started in a cooking peak, confirmed by created_by
    created_by = ForeignKeyField(Staff)
    created_at = DateTimeField(default=now)
    cancelled_at = DateTimeField(null=True)
    cancelled_by = ForeignKeyField(Staff, null=True)


class Appointment(BaseModel):
    """One booked crew in one slot. `live` is 1 while the booking holds and NULL once
    cancelled: UNIQUE(kind, day, slot, crew, live) refuses a double booking, while
    NULLs (cancelled rows) never collide."""

    id = AutoField()
    form = ForeignKeyField(FormRecord, backref="appointments")
    kind = CharField(max_length=16)
    day = DateField()
    slot = CharField(max_length=16)  # '08:30-10:30'
    crew = IntegerField(default=1)
    live = IntegerField(null=True, default=1)
    booked_by = ForeignKeyField(Staff)
    booked_at = DateTimeField(default=now)
    arrived_at = DateTimeField(null=True)
    punctual = BooleanField(null=True)
    completed_by = ForeignKeyField(Staff, null=True)
    cancelled_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("kind", "day", "slot", "crew", "live"), True),)


class ReturnVisit(BaseModel):
    id = AutoField()
    form = ForeignKeyField(FormRecord, backref="return_visits")  # a new visit after each reply
    queued_at = DateTimeField(default=now)
    due_on = DateField(index=True)
    done_at = DateTimeField(null=True)
    outcome = TextField(default="")
    satisfaction = CharField(max_length=16, default="")
    visited_by = ForeignKeyField(Staff, null=True)


FORMS_MODELS: list[type[BaseModel]] = [FormCounter, Complaint, Outage, Appointment, ReturnVisit]
