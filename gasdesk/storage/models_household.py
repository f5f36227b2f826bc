"""The history of an account's household size (人口): every change is a new row with
the old and the new value, who changed it and on which form; never edited."""

from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from gasdesk.storage.models import Account, BaseModel, Staff, now


class HouseholdSizeChange(BaseModel):
    account = ForeignKeyField(Account, backref="household_changes", index=True)
    old_size = IntegerField(null=True)  # NULL: not recorded before
    new_size = IntegerField()
    staff = ForeignKeyField(Staff, null=True)  # NULL: an administrator's command
    form_number = CharField(default="")  # the 信息变更 form it was made on, if any
    reason = CharField(default="")
    changed_at = DateTimeField(default=now)

    class Meta:
        table_name = "household_size_change"


HOUSEHOLD_MODELS: list[type[BaseModel]] = [HouseholdSizeChange]
