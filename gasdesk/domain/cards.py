"""IC-card gas (购气) as the card and the records see it.

A prepaid meter's card carries its card number, the meter number, the purchase count
(购气次数) of the last purchase written onto it and that purchase's gas while the
meter has not taken it yet. A meter takes a card's gas only when the card's count is
one more than its own, so the count is what keeps a purchase from being loaded twice:
writing the same purchase again (补写卡) or carrying it onto a new card (补卡) can
never give the customer its gas twice.

A purchase is two facts: paid (the payment's transaction) and written (the card
took it). Between the two it is "paid, not written" and must be written before the
meter can be sold anything else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CardImage:
    """What a card holds. A blank card has no card number."""

    card_number: str
    meter_number: str
    seq: int  # the purchase count of the last purchase written onto the card
    pending_l: int  # that purchase's gas while the meter has not taken it (0 once it has)

    @property
    def blank(self) -> bool:
        return not self.card_number


@dataclass(frozen=True)
class UnwrittenPurchase:
    """A purchase that is paid but not on the customer's card."""

    purchase_id: int
    payment_id: int
    receipt: str
    seq: int
    volume_l: int
    paid_at: dt.datetime
    card_number: str
    account_number: str = ""
    account_name: str = ""
    business_date: dt.date | None = None


@dataclass(frozen=True)
class CardState:
    """The card records of an account's IC-card meter."""

    account_id: int
    meter_number: str
    card_number: str  # the card in service ('' when none was ever issued)
    card_written: bool  # False for a new card (补卡) the writer has not written yet
    last_seq: int  # the meter's purchase count of its newest purchase
    unwritten: tuple[UnwrittenPurchase, ...] = ()
    blocked: tuple[str, ...] = ()  # earlier cards of the meter, replaced and refused

    @property
    def needs_writing(self) -> bool:
        return bool(self.unwritten) or (bool(self.card_number) and not self.card_written)


@dataclass(frozen=True)
class WriteOrder:
    """What the card writer is to put on the card: `image` onto card `image.card_number`.
    `purchase_id` is None for a new card that carries no purchase."""

    image: CardImage
    purchase_id: int | None
    new_card: bool  # a blank card is to be made into this card (补卡)
    volume_l: int  # the gas this write gives the card (0 for a card carrying nothing)


@dataclass(frozen=True)
class WriteOutcome:
    """How a write went. `how`: 'written' (the writer wrote it), 'found' (the card
    already held that purchase: recorded as written), 'issued' (a new card made).
    On failure `error` is the refusal (a UserError) and nothing was recorded."""

    ok: bool
    card_number: str
    seq: int
    volume_l: int
    how: str = ""
    error: Exception | None = None


@dataclass(frozen=True)
class CardIssue:
    """A new card for a meter (补卡), recorded and to be written."""

    card_id: int
    card_number: str
    replaced: str  # the blocked card's number ('' for a meter's first card)
    order: WriteOrder
    receipt_id: int | None = None  # the fee's receipt, when a fee was taken
    receipt_code: str = ""
    replayed: bool = False


def card_number_for(meter_number: str, issue: int) -> str:
    """The number GasDesk gives the `issue`-th card of a meter: the meter number and two
    digits. Cards already in the customers' hands keep the number printed on them."""
    return f"{meter_number}{issue:02d}"


@dataclass(frozen=True)
class ReplaceRequest:
    """补卡 as the teller confirmed it: a new card for the account's meter. `payment`
    is the fee (kind 'card_fee') when the tariff file names one, else None."""

    account_id: int
    staff_id: int
    counter_id: int
    idempotency_key: str
    payment: object | None = None  # a domain.fees.PaymentRequest
