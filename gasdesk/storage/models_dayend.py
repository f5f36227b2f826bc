"""End of day: drawer counts by denomination, cash paid in and out, differences with
the supervisor who approved them, shift and day closures.

All of these are append-only (triggers in migration 50 refuse UPDATE and DELETE): a
recount is a new count that supersedes the earlier one, never an edit of it.
The shift itself is the `Shift` row of models.py; closing it sets `Shift.closed_at`
and writes a `ShiftClosure` with the figures it was closed on.
"""

from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from gasdesk.storage.models import BaseModel, Office, Shift, Staff, now


class CashCount(BaseModel):
    """A count of the drawer: the opening float ('float') or the blind count at the end
    of the shift ('close'). `expected_json` keeps, for a blind count, what the system
    expected when the count was recorded (shown to the teller only after the count);
    closing the shift compares it with a fresh computation, so activity after the
    count asks for a recount."""

    shift = ForeignKeyField(Shift, backref="cash_counts")
    purpose = CharField(max_length=8)  # 'float' | 'close'
    staff = ForeignKeyField(Staff)
    total_fen = IntegerField()
    expected_json = TextField(default="{}")
    supersedes = ForeignKeyField("self", null=True, unique=True, backref="superseded_by")
    counted_at = DateTimeField(default=now)


class CashCountLine(BaseModel):
    count = ForeignKeyField(CashCount, backref="lines")
    denomination_fen = IntegerField()
    pieces = IntegerField()

    class Meta:
        indexes = ((("count", "denomination_fen"), True),)


class SettlementDeclaration(BaseModel):
    """A non-cash total the teller read off the terminal's settlement at the blind
    count (WeChat Pay, Alipay, bank card)."""

    count = ForeignKeyField(CashCount, backref="declarations")
    method = CharField(max_length=16)
    declared_fen = IntegerField()

    class Meta:
        indexes = ((("count", "method"), True),)


class CashMovement(BaseModel):
    """Cash paid into ('in', e.g. a float top-up) or out of ('out', e.g. a bank
    deposit) the drawer during the shift, always with a reason."""

    shift = ForeignKeyField(Shift, backref="movements")
    direction = CharField(max_length=4)  # 'in' | 'out'
    amount_fen = IntegerField()  # always positive
    reason = CharField()
    staff = ForeignKeyField(Staff)
    created_at = DateTimeField(default=now)


class ShiftDifference(BaseModel):
    """An over (长款, difference > 0) or short (短款, < 0) found by a blind count,
    recorded with the teller's reason and the approving supervisor. One per method of
    a count; a recount gets its own."""

    shift = ForeignKeyField(Shift, backref="differences")
    count = ForeignKeyField(CashCount, backref="differences")
    method = CharField(max_length=16)
    expected_fen = IntegerField()
    counted_fen = IntegerField()
    difference_fen = IntegerField()
    reason = TextField()
    recorded_by = ForeignKeyField(Staff)
    approved_by = ForeignKeyField(Staff)
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("count", "method"), True),)


class ShiftClosure(BaseModel):
    shift = ForeignKeyField(Shift, unique=True, backref="closures")
    count = ForeignKeyField(CashCount)
    expected_cash_fen = IntegerField()
    counted_cash_fen = IntegerField()
    closed_by = ForeignKeyField(Staff)
    closed_at = DateTimeField(default=now)


class DayClosure(BaseModel):
    """The figures a day was closed on and the fingerprint of the audit trail: the
    chain head (seq, hash) of the day-close event itself, which covers every event
    before it."""

    office = ForeignKeyField(Office)
    business_date = DateField()
    closed_by = ForeignKeyField(Staff)
    closed_at = DateTimeField(default=now)
    payments = IntegerField()
    total_fen = IntegerField()
    first_receipt = CharField(default="")
    last_receipt = CharField(default="")
    audit_seq = IntegerField()
    audit_hash = CharField(max_length=64)

    class Meta:
        indexes = ((("office", "business_date"), True),)


DAYEND_MODELS: list[type[BaseModel]] = [
    CashCount,
    CashCountLine,
    SettlementDeclaration,
    CashMovement,
    ShiftDifference,
    ShiftClosure,
    DayClosure,
]
