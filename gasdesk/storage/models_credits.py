"""Money the company owes back to an account for gas it charged wrongly: a credit
(表具校验: a meter that ran fast beyond the service code's ±1.5%).

A credit is append-only (migration 120's triggers refuse UPDATE and DELETE). It adds
`amount_fen` to the account's prepaid balance in the same transaction, so that the
payments and the credits together explain every fen of the balance; `lines_json`
names each charged line it corrects (bill or purchase, the segment, the volume the
meter over-registered, the price, the amount), and those volumes leave the year's tier
count (services.tier_year). Its audit event (`account_credit`) carries every column;
`gasdesk verify` compares the two (storage/audit_cover_credits.py).
"""

from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from gasdesk.storage.models import Account, BaseModel, FormRecord, Meter, Office, Staff, now


class AccountCredit(BaseModel):
    account = ForeignKeyField(Account, backref="credits")
    office = ForeignKeyField(Office)
    kind = CharField(max_length=16)  # 'meter_check'
    form = ForeignKeyField(FormRecord, null=True)
    meter = ForeignKeyField(Meter, null=True)
    business_date = DateField(index=True)
    period_start = DateField()  # the charges corrected: from this day ...
    period_end = DateField()  # ... to this one (inclusive)
    error_bp = IntegerField(default=0)  # the meter's error in hundredths of a percent
    volume_l = IntegerField()  # gas charged but not delivered
    amount_fen = IntegerField()  # credited to the prepaid balance
    lines_json = TextField(default="[]")
    staff = ForeignKeyField(Staff)
    authorised_by = ForeignKeyField(Staff)
    reason = TextField(default="")
    created_at = DateTimeField(default=now)


CREDIT_MODELS: list[type[BaseModel]] = [AccountCredit]
APPEND_ONLY_CREDIT_TABLES = ("account_credit",)
# the columns the audit event carries, in the order verify reads them
CREDIT_COLUMNS = (
    "id",
    "account_id",
    "office_id",
    "kind",
    "form_id",
    "meter_id",
    "business_date",
    "period_start",
    "period_end",
    "error_bp",
    "volume_l",
    "amount_fen",
    "lines_json",
    "staff_id",
    "authorised_by_id",
    "reason",
    "created_at",
)
