"""IC cards and what was written onto them (migration 130).

A purchase for an IC-card meter is two facts: the payment (models.Payment, with its
`CardPurchase`: the card it is for and its purchase count) and the write (`CardWrite`:
the card took it). A purchase without a write is "paid, not written". A new card for
a meter (补卡) is an `IcCard` that `replaces` the card before it: the replaced card is
blocked. Cards already in the customers' hands when records began are registered
(`source` 'registered') with the meter's purchase count of that time (`start_seq`).

All three tables are append-only (triggers of migration 130), and every row has its
audit event (storage/audit_cover_cards.py).
"""

from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField

from gasdesk.storage.models import Account, BaseModel, Meter, Payment, Staff, now


class IcCard(BaseModel):
    number = CharField(unique=True, max_length=32)
    meter = ForeignKeyField(Meter, backref="cards")
    account = ForeignKeyField(Account)
    source = CharField(max_length=16)  # 'registered' (a card already issued) | 'issued' (补卡)
    start_seq = IntegerField(default=0)  # the meter's purchase count when the card began
    replaces = ForeignKeyField("self", null=True, unique=True, backref="replaced_by")
    payment = ForeignKeyField(Payment, null=True, unique=True)  # the 补卡 fee, if one was taken
    staff = ForeignKeyField(Staff, null=True)
    idempotency_key = CharField(null=True, unique=True)
    issued_at = DateTimeField(default=now)

    class Meta:
        table_name = "ic_card"


class CardPurchase(BaseModel):
    payment = ForeignKeyField(Payment, unique=True, backref="card_purchase")
    card = ForeignKeyField(IcCard, backref="purchases")
    meter = ForeignKeyField(Meter)
    seq = IntegerField()  # the meter's purchase count (购气次数) this purchase carries
    volume_l = IntegerField()
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "card_purchase"
        indexes = ((("meter", "seq"), False),)


class CardWrite(BaseModel):
    card = ForeignKeyField(IcCard, backref="writes")
    purchase = ForeignKeyField(CardPurchase, null=True, backref="writes")
    how = CharField(max_length=16)  # 'written' | 'found' (the card held it) | 'issued' (补卡)
    staff = ForeignKeyField(Staff)
    written_at = DateTimeField(default=now)

    class Meta:
        table_name = "card_write"


CARD_MODELS: list[type[BaseModel]] = [IcCard, CardPurchase, CardWrite]
