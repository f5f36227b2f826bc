"""What completed business forms do to the accounts: the account's history of changes,
the record of each business effect a form ran, and the account-number series.

`AccountHistory` and `FormEffect` are append-only (triggers in migration 110 refuse
UPDATE and DELETE): the Account row keeps the current values for quick display and
search, and every change of one of them writes a history row with the old and the
new value in the same transaction (services.account_changes), so the history always
explains the row.
"""

from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from gasdesk.storage.models import Account, BaseModel, FormRecord, Payment, Staff, now


class AccountHistory(BaseModel):
    """One change of one account field: `field` is the column (name, phone, id_card,
    address, user_type, status, meter, ...) or 'opened' for the account's creation."""

    account = ForeignKeyField(Account, backref="history")
    field = CharField(max_length=32)
    old_value = TextField(default="")
    new_value = TextField(default="")
    reason = TextField(default="")
    form = ForeignKeyField(FormRecord, null=True, backref="account_changes")
    staff = ForeignKeyField(Staff)
    at = DateTimeField(default=now)

    class Meta:
        indexes = ((("account", "at"), False),)


class FormEffect(BaseModel):
    """A business effect a form ran when it reached `status`: the values the teller
    filled in then, what it did (the printed confirmation's lines), the supervisor who
    authorised it and the payment it made (a refund), if any. One per form."""

    form = ForeignKeyField(FormRecord, unique=True, backref="effects")
    effect = CharField(max_length=40)
    status = CharField(max_length=16)
    account = ForeignKeyField(Account, null=True)
    values_json = TextField(default="{}")
    result_json = TextField(default="{}")
    staff = ForeignKeyField(Staff)
    supervisor = ForeignKeyField(Staff, null=True)
    payment = ForeignKeyField(Payment, null=True)
    at = DateTimeField(default=now)


class AccountCounter(BaseModel):
    """Gapless account numbers per office: `series` is the office code, `last` the
    sequence number most recently given (the number is prefix + 7 digits). Advanced in
    the transaction that creates the account, so a rolled-back account leaves no gap."""

    series = CharField(primary_key=True)
    prefix = CharField(max_length=8)
    last = IntegerField(default=0)


ACCOUNT_MODELS: list[type[BaseModel]] = [AccountHistory, FormEffect, AccountCounter]
APPEND_ONLY_ACCOUNT_TABLES = ("account_history", "form_effect")
