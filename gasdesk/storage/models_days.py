"""Business days of an office. A row with `closed_at` set means the day is closed:
its payments can no longer be voided. Closing the day fills it in."""

from __future__ import annotations

from peewee import DateField, DateTimeField, ForeignKeyField

from gasdesk.storage.models import BaseModel, Office, Staff


class BusinessDay(BaseModel):
    office = ForeignKeyField(Office, backref="business_days")
    business_date = DateField()
    closed_at = DateTimeField(null=True)
    closed_by = ForeignKeyField(Staff, null=True)

    class Meta:
        indexes = ((("office", "business_date"), True),)


DAY_MODELS: list[type[BaseModel]] = [BusinessDay]
