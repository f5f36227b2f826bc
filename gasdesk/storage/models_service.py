"""Service visits (限时服务) and customer satisfaction ratings.

A visit runs from a customer being selected at a counter to the end of their
service; a rating is the customer's verdict on one visit (at most one per visit),
kept with the teller, counter and the payment or form it rates.
"""

from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from gasdesk.storage.models import (
    Account,
    BaseModel,
    Counter,
    FormRecord,
    Office,
    Payment,
    Staff,
    now,
)


class ServiceVisit(BaseModel):
    staff = ForeignKeyField(Staff)
    counter = ForeignKeyField(Counter)
    office = ForeignKeyField(Office)
    account = ForeignKeyField(Account, null=True)
    started_at = DateTimeField(default=now, index=True)
    ended_at = DateTimeField(null=True)
    seconds = IntegerField(null=True)  # whole seconds, set when the visit ends
    payment = ForeignKeyField(Payment, null=True)  # what the visit was, if anything
    form = ForeignKeyField(FormRecord, null=True)

    class Meta:
        indexes = ((("staff", "started_at"), False),)


class Rating(BaseModel):
    visit = ForeignKeyField(ServiceVisit, unique=True, backref="ratings")
    staff = ForeignKeyField(Staff)
    counter = ForeignKeyField(Counter)
    office = ForeignKeyField(Office)
    rated_at = DateTimeField(default=now, index=True)
    score = CharField(max_length=16)  # very_satisfied | satisfied | unsatisfied
    reason = CharField(max_length=16, default="")  # optional, for an unhappy rating
    payment = ForeignKeyField(Payment, null=True)
    form = ForeignKeyField(FormRecord, null=True)

    class Meta:
        indexes = ((("staff", "rated_at"), False),)


SERVICE_MODELS: list[type[BaseModel]] = [ServiceVisit, Rating]
