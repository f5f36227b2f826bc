"""Fapiao requests (开票申请): the customer asked at the read-back for a fapiao for a
payment; written in the payment's transaction. A void of the payment withdraws the
request with a row of its own (written in the void's transaction). Both append-only."""

from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField

from gasdesk.storage.models import BaseModel, Payment, Staff, now


class FapiaoRequest(BaseModel):
    payment = ForeignKeyField(Payment, unique=True, backref="+")
    buyer_name = CharField()
    tax_number = CharField(default="")  # 统一社会信用代码; empty for a private person
    phone = CharField(default="")
    email = CharField(default="")
    staff = ForeignKeyField(Staff)
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "fapiao_request"


class FapiaoWithdrawal(BaseModel):
    request = ForeignKeyField(FapiaoRequest, unique=True, backref="+")
    void = ForeignKeyField(Payment, backref="+")  # the void that withdrew it
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "fapiao_withdrawal"


FAPIAO_MODELS: list[type[BaseModel]] = [FapiaoRequest, FapiaoWithdrawal]
