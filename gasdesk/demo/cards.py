"""The demo's IC cards: each IC-card meter in service has its customer's card on
record (registered, as cards issued before the records began are), numbered as
GasDesk numbers a meter's first card, with the purchase count of the meter's history
purchases. The simulated card reader makes the card file when a trainer puts "the
customer's card" into it (device check, or the fee tab's simulated-card key)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import fn

from gasdesk.domain.cards import card_number_for
from gasdesk.storage.models import Meter, Payment
from gasdesk.storage.models_cards import IcCard

BATCH = 5_000


def register_cards() -> int:
    """Inside the load's write transaction; returns the number of cards."""
    voided = Payment.select(Payment.voids).where(Payment.voids.is_null(False))
    counted: Any = (
        Payment.select(Payment.account, fn.COUNT(Payment.id))
        .where((Payment.kind == "purchase") & Payment.id.not_in(voided))
        .group_by(Payment.account)
        .tuples()
    )
    bought: dict[int, int] = {int(a): int(n) for a, n in counted}
    meters: Any = (
        Meter.select(Meter.id, Meter.number, Meter.account, Meter.installed_on)
        .where((Meter.kind == "ic_card") & Meter.removed_on.is_null())
        .order_by(Meter.id)
        .tuples()
    )
    rows = [
        {
            "number": card_number_for(number, 1),
            "meter": meter_id,
            "account": account_id,
            "source": "registered",
            "start_seq": int(bought.get(account_id, 0)),
            "issued_at": dt.datetime.combine(installed, dt.time(9, 0)),
        }
        for meter_id, number, account_id, installed in meters
    ]
    for start in range(0, len(rows), BATCH):
        IcCard.insert_many(rows[start : start + BATCH]).execute()
    return len(rows)
