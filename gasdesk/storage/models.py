"""The data model. Every amount is integer fen in an INTEGER column (`*_fen`);
every volume or meter value is integer litres (`*_l`, 1 m³ = 1000 L).

Payments, receipts and audit events are never updated or deleted: a correction
is a new row that points at the original.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

db = DatabaseProxy()


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    id: Any  # the automatic primary key

    if TYPE_CHECKING:  # foreign-key accessors such as office_id are made by peewee at run time

        def __getattr__(self, name: str) -> Any: ...

    class Meta:
        database = db
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = IntegerField(primary_key=True)
    name = CharField()
    applied_at = DateTimeField(default=now)

    class Meta:
        table_name = "gasdesk_schema"


class Office(BaseModel):
    code = CharField(unique=True, max_length=8)  # receipt series prefix, e.g. MS
    name = CharField()
    address = CharField()
    phone = CharField()
    hours = CharField()  # '08:30-12:00,13:30-17:00'


class Counter(BaseModel):
    office = ForeignKeyField(Office, backref="counters")
    number = IntegerField()
    name = CharField()

    class Meta:
        indexes = ((("office", "number"), True),)


class Staff(BaseModel):
    badge = CharField(unique=True, max_length=16)
    name = CharField()
    role = CharField(max_length=16)  # 'teller' | 'supervisor'
    office = ForeignKeyField(Office, backref="staff")
    password_hash = CharField()
    active = BooleanField(default=True)
    failed_logins = IntegerField(default=0)
    locked_until = DateTimeField(null=True)


class ImportBatch(BaseModel):
    """One import of a spreadsheet (customers or readings): where the records came
    from. The rows it created point at it; the audit chain seals it (migration 140)."""

    kind = CharField(max_length=16)  # 'accounts' | 'readings'
    file_name = CharField()
    file_sha256 = CharField(max_length=64, index=True)
    rows_new = IntegerField()
    rows_unchanged = IntegerField()
    imported_by = CharField()  # the supervisor (badge and name) or the system user
    staff = ForeignKeyField(Staff, null=True)
    office = ForeignKeyField(Office, null=True)
    imported_at = DateTimeField(default=now)


class TariffVersion(BaseModel):
    name = CharField()
    user_type = CharField(max_length=16)  # 'residential' | 'commercial'
    effective_from = DateField(index=True)
    created_at = DateTimeField(default=now)
    created_by = ForeignKeyField(Staff, null=True)
    # the household-size rule (migration 150): each person above household_base adds
    # household_extra_m3 to every tier bound; NULL: no rule
    household_base = IntegerField(null=True)
    household_extra_m3 = IntegerField(null=True)
    source = TextField(null=True)  # where the prices come from (a price decision)
    sample = BooleanField(null=True)  # the shipped sample prices, to be replaced


class TariffTier(BaseModel):
    version = ForeignKeyField(TariffVersion, backref="tiers", on_delete="CASCADE")
    seq = IntegerField()  # 1, 2, 3
    upper_m3 = IntegerField(null=True)  # annual volume bound; None for the last tier
    price_fen = IntegerField()  # fen per m³

    class Meta:
        indexes = ((("version", "seq"), True),)


class Account(BaseModel):
    number = CharField(unique=True, max_length=16)
    name = CharField(index=True)
    initials = CharField(index=True, default="")  # pinyin initials of the name
    phone = CharField(index=True, default="")
    id_card = CharField(null=True)
    address = CharField()
    office = ForeignKeyField(Office, backref="accounts")
    user_type = CharField(max_length=16, default="residential")
    status = CharField(max_length=16, default="active")  # active | suspended | closed
    balance_fen = IntegerField(default=0)  # prepaid balance (预存)
    opened_on = DateField(default=dt.date.today)
    last_inspection = DateField(null=True)  # last home safety inspection
    # people in the household (migration 150); NULL: not recorded, priced as the
    # tariff's household rule's base number. Changed by households.set_household_size.
    household_size = IntegerField(null=True)
    import_batch = ForeignKeyField(ImportBatch, null=True, index=True)  # where it came from


class Meter(BaseModel):
    number = CharField(unique=True, max_length=20)
    account = ForeignKeyField(Account, backref="meters")
    kind = CharField(max_length=16)  # 'mechanical' | 'ic_card'
    model = CharField()
    installed_on = DateField()
    last_verified = DateField(null=True)
    removed_on = DateField(null=True)  # a meter change ends one meter and installs another
    initial_l = IntegerField(default=0)  # reading when installed
    import_batch = ForeignKeyField(ImportBatch, null=True, index=True)


class Reading(BaseModel):
    meter = ForeignKeyField(Meter, backref="readings")
    account = ForeignKeyField(Account, backref="readings")
    read_on = DateField()
    value_l = IntegerField()
    source = CharField(max_length=16)  # 'reader' | 'counter' | 'estimated' | 'remote'
    recorded_by = ForeignKeyField(Staff, null=True)
    created_at = DateTimeField(default=now)
    read_by = CharField(null=True)  # the meter reader named by an import file
    import_batch = ForeignKeyField(ImportBatch, null=True, index=True)

    class Meta:
        indexes = ((("account", "read_on"), False), (("meter", "read_on"), False))


class Bill(BaseModel):
    account = ForeignKeyField(Account, backref="bills")
    meter = ForeignKeyField(Meter)
    period_start = DateField()
    period_end = DateField()
    from_reading = ForeignKeyField(Reading, null=True)
    to_reading = ForeignKeyField(Reading, null=True)
    volume_l = IntegerField()
    amount_fen = IntegerField()
    lines_json = TextField(default="[]")  # tier lines as computed when billed
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("account", "period_end"), False),)


class Shift(BaseModel):
    office = ForeignKeyField(Office)
    counter = ForeignKeyField(Counter)
    staff = ForeignKeyField(Staff)
    business_date = DateField(index=True)
    opened_at = DateTimeField(default=now)
    opening_float_fen = IntegerField(default=0)
    closed_at = DateTimeField(null=True)


class Payment(BaseModel):
    account = ForeignKeyField(Account, backref="payments")
    office = ForeignKeyField(Office)
    counter = ForeignKeyField(Counter, null=True)
    staff = ForeignKeyField(Staff)
    shift = ForeignKeyField(Shift, null=True)
    business_date = DateField(index=True)
    kind = CharField(max_length=16)  # 'bill' | 'purchase' | 'prepay' | 'void'
    method = CharField(max_length=16)  # 'cash' | 'wechat' | 'alipay' | 'card'
    amount_fen = IntegerField()  # negative for a void
    tendered_fen = IntegerField(default=0)
    change_fen = IntegerField(default=0)
    volume_l = IntegerField(default=0)  # gas bought on an IC card
    reference = CharField(default="")
    idempotency_key = CharField(unique=True)
    voids = ForeignKeyField("self", null=True, unique=True, backref="voided_by")
    reason = CharField(default="")
    authorised_by = ForeignKeyField(Staff, null=True)
    created_at = DateTimeField(default=now)
    lines_json = TextField(default="[]")  # tier lines of an IC-card purchase (migration 10)


class PaymentBill(BaseModel):
    payment = ForeignKeyField(Payment, backref="bill_links")
    bill = ForeignKeyField(Bill, backref="payment_links")
    amount_fen = IntegerField()


class ReceiptCounter(BaseModel):
    series = CharField(primary_key=True)  # e.g. 'MS-2026'
    last = IntegerField(default=0)


class Receipt(BaseModel):
    series = CharField()
    number = IntegerField()
    payment = ForeignKeyField(Payment, backref="receipts", unique=True)
    issued_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("series", "number"), True),)

    @property
    def code(self) -> str:
        return f"{self.series}-{self.number:06d}"


class ReceiptPrint(BaseModel):
    receipt = ForeignKeyField(Receipt, backref="prints")
    staff = ForeignKeyField(Staff)
    printed_at = DateTimeField(default=now)
    reprint = BooleanField(default=False)


class FormRecord(BaseModel):
    number = CharField(unique=True)
    kind = CharField(index=True)
    account = ForeignKeyField(Account, null=True, backref="forms")
    office = ForeignKeyField(Office)
    staff = ForeignKeyField(Staff)
    status = CharField(max_length=16)
    data_json = TextField()
    created_at = DateTimeField(default=now)


class FormEvent(BaseModel):
    form = ForeignKeyField(FormRecord, backref="events")
    staff = ForeignKeyField(Staff)
    action = CharField()
    status = CharField(max_length=16)
    note = TextField(default="")
    at = DateTimeField(default=now)


class AuditEvent(BaseModel):
    seq = IntegerField(unique=True)
    at = DateTimeField(default=now)
    kind = CharField(max_length=32)
    staff = ForeignKeyField(Staff, null=True)
    office = ForeignKeyField(Office, null=True)
    payload_json = TextField()
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion,
    Office,
    Counter,
    Staff,
    ImportBatch,
    TariffVersion,
    TariffTier,
    Account,
    Meter,
    Reading,
    Bill,
    Shift,
    Payment,
    PaymentBill,
    ReceiptCounter,
    Receipt,
    ReceiptPrint,
    FormRecord,
    FormEvent,
    AuditEvent,
]
