"""IC-card records: which card a meter is served by, the meter's purchase count, the
purchases paid but not written, the check of a card before gas is sold onto it, and
registering a card already in a customer's hand (writes: services/card_writing.py).

The rules (the teller's screen follows them, and so does any script):
- gas is sold only onto the meter's card in service: a replaced (lost) card is
  blocked, another meter's card refused, before any money is taken;
- the card must be in step with the records (its purchase count is the meter's last)
  and hold no gas the meter has not taken yet (it is shown, and refused: "insert the
  card into the meter first");
- while a purchase is paid but not written, or a new card is not written yet,
  nothing more is sold for the meter: it is written first (补写卡), never charged again.
"""

from __future__ import annotations

from typing import Any

from gasdesk.domain.cards import CardImage, CardState, UnwrittenPurchase
from gasdesk.domain.errors import TellerError
from gasdesk.domain.tariff import format_m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.accounts import active_meter
from gasdesk.storage import audit
from gasdesk.storage.db import run_in_transaction
from gasdesk.storage.models import Account, Meter, Payment, Receipt, Staff
from gasdesk.storage.models_cards import CardPurchase, CardWrite, IcCard
from gasdesk.storage.receipt_numbers import format_code


class CardError(TellerError):
    """The card or the card records stand in the way; nothing was recorded."""


def voided_ids() -> Any:
    return Payment.select(Payment.voids).where(Payment.voids.is_null(False))


def active_card(meter_id: int) -> IcCard | None:
    """The meter's card in service: its newest card, which no card replaced."""
    replaced = IcCard.select(IcCard.replaces).where(IcCard.replaces.is_null(False))
    return (
        IcCard.select()
        .where((IcCard.meter == meter_id) & IcCard.id.not_in(replaced))
        .order_by(IcCard.id.desc())
        .first()
    )


def last_seq(meter_id: int) -> int:
    """The meter's purchase count: of its newest purchase not voided, or where its
    cards' records began."""
    bought = (
        CardPurchase.select(CardPurchase.seq)
        .where((CardPurchase.meter == meter_id) & CardPurchase.payment.not_in(voided_ids()))
        .order_by(CardPurchase.seq.desc())
        .first()
    )
    started = IcCard.select(IcCard.start_seq).where(IcCard.meter == meter_id)
    return max([bought.seq if bought else 0, *(c.start_seq for c in started)])


def card_written(card: IcCard) -> bool:
    """A registered card is in the customer's hand; a new one once the writer made it."""
    if card.source == "registered":
        return True
    return bool(CardWrite.select().where(CardWrite.card == card.id).exists())


def _unwritten_query() -> Any:
    written = CardWrite.select(CardWrite.purchase).where(CardWrite.purchase.is_null(False))
    return (
        CardPurchase.select(CardPurchase, Payment, IcCard, Account, Receipt)
        .join(Payment, on=(CardPurchase.payment == Payment.id), attr="paid")
        .join(Account, on=(Payment.account == Account.id), attr="holder")
        .switch(Payment)
        .join(Receipt, on=(Receipt.payment == Payment.id), attr="slip")
        .switch(CardPurchase)
        .join(IcCard, on=(CardPurchase.card == IcCard.id), attr="held_by")
        .where(CardPurchase.id.not_in(written) & Payment.id.not_in(voided_ids()))
        .order_by(CardPurchase.id)
    )


def _unwritten(p: Any) -> UnwrittenPurchase:
    paid = p.paid
    return UnwrittenPurchase(
        purchase_id=p.id,
        payment_id=paid.id,
        receipt=format_code(paid.slip.series, paid.slip.number),
        seq=p.seq,
        volume_l=p.volume_l,
        paid_at=p.created_at,
        card_number=p.held_by.number,
        account_number=paid.holder.number,
        account_name=paid.holder.name,
        business_date=paid.business_date,
    )


def unwritten_purchases(account_id: int) -> tuple[UnwrittenPurchase, ...]:
    query = _unwritten_query().where(Payment.account == account_id)
    return tuple(_unwritten(p) for p in query)


def unwritten_of_office(office_id: int, up_to: Any) -> tuple[UnwrittenPurchase, ...]:
    """The office's purchases paid on or before `up_to` (a business date) and not
    written now: what the day report lists."""
    query = _unwritten_query().where(
        (Payment.office == office_id) & (Payment.business_date <= up_to)
    )
    return tuple(_unwritten(p) for p in query)


def unwritten_among(payment_ids: list[int]) -> set[int]:
    """Which of these payments are purchases not written onto their card."""
    if not payment_ids:
        return set()
    written = CardWrite.select(CardWrite.purchase).where(CardWrite.purchase.is_null(False))
    query = CardPurchase.select(CardPurchase.payment).where(
        CardPurchase.payment.in_(payment_ids) & CardPurchase.id.not_in(written)
    )
    return {int(p.payment_id) for p in query}


def card_state(account_id: int) -> CardState | None:
    """The card records of the account's IC-card meter; None for another meter."""
    meter = active_meter(account_id)
    if meter is None or meter.kind != "ic_card":
        return None
    card = active_card(meter.id)
    blocked = IcCard.select(IcCard.number).where(
        (IcCard.meter == meter.id) & (IcCard.id != (card.id if card else 0))
    )
    return CardState(
        account_id=account_id,
        meter_number=meter.number,
        card_number=card.number if card else "",
        card_written=card_written(card) if card else False,
        last_seq=last_seq(meter.id),
        unwritten=unwritten_purchases(account_id),
        blocked=tuple(c.number for c in blocked.order_by(IcCard.id)),
    )


# -- before gas is sold ---------------------------------------------------------------


def _refuse(code: str, template: str, **params: Any) -> CardError:
    return CardError(code, template, **params)


def out_of_step(card_seq: int, seq: int) -> CardError:
    return CardError(
        "card_out_of_step",
        QT_TRANSLATE_NOOP(
            "Messages",
            "The card's purchase count is {card_seq}, the records' is {seq}; the card "
            "cannot take a new purchase. Call the card service desk.",
        ),
        card_seq=card_seq,
        seq=seq,
    )


def gas_on_card(image: CardImage) -> CardError:
    return CardError(
        "gas_on_card",
        QT_TRANSLATE_NOOP(
            "Messages",
            "The card still holds {volume} m³ the meter has not taken (purchase {seq}); "
            "the customer inserts it into the meter first.",
        ),
        volume=format_m3(image.pending_l),
        seq=image.seq,
    )


def _check_records(account: Account, meter: Meter) -> IcCard:
    """What the records alone refuse: no card, a new card not written, a purchase not
    written. Returns the card in service."""
    card = active_card(meter.id)
    if card is None:
        raise _refuse(
            "no_card_issued",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Meter {meter} has no card on record; issue its card first (new card, Alt+K).",
            ),
            meter=meter.number,
        )
    if not card_written(card):
        raise _refuse(
            "card_not_made",
            QT_TRANSLATE_NOOP(
                "Messages",
                "The new card {card} is not written yet; write it first (write card, Alt+W).",
            ),
            card=card.number,
        )
    pending = unwritten_purchases(account.id)
    if pending:
        first = pending[0]
        raise _refuse(
            "paid_not_written",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Purchase {receipt} ({volume} m³) is paid but not on the card; write it "
                "first (write card, Alt+W). It is not charged again.",
            ),
            receipt=first.receipt,
            volume=format_m3(first.volume_l),
        )
    return card


def check_card(account_id: int, image: CardImage | None) -> IcCard:
    """Refuse (CardError) unless gas may be sold onto the card `image` read from the
    reader for this account now; returns the card's record. Reads only."""
    account = Account.get_by_id(account_id)
    meter = active_meter(account_id)
    if meter is None or meter.kind != "ic_card":
        raise _refuse(
            "not_ic_card",
            QT_TRANSLATE_NOOP(
                "Messages", "Account {number} has no IC-card meter; it pays bills instead."
            ),
            number=account.number,
        )
    if image is None:
        raise _refuse(
            "card_not_read",
            QT_TRANSLATE_NOOP("Messages", "Read the customer's IC card first."),
        )
    if image.blank:
        raise _refuse(
            "blank_card",
            QT_TRANSLATE_NOOP(
                "Messages", "The card in the reader is blank; put the customer's own card in."
            ),
        )
    card = _check_records(account, meter)
    if image.card_number != card.number:
        known = IcCard.get_or_none(IcCard.number == image.card_number)
        if known is not None and known.meter_id == meter.id:
            raise _refuse(
                "card_blocked",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Card {card} was replaced by card {current} and is blocked; no gas is "
                    "sold onto it.",
                ),
                card=image.card_number,
                current=card.number,
            )
        raise _refuse(
            "wrong_card",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Card {card} (meter {card_meter}) is not the card of this account's meter "
                "{meter}; nothing was charged.",
            ),
            card=image.card_number,
            card_meter=image.meter_number or "—",
            meter=meter.number,
        )
    if image.meter_number != meter.number:
        raise _refuse(
            "wrong_meter",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Card {card} says meter {card_meter}, but the account's meter is {meter}; "
                "nothing was charged.",
            ),
            card=image.card_number,
            card_meter=image.meter_number,
            meter=meter.number,
        )
    seq = last_seq(meter.id)
    if image.seq != seq:
        raise out_of_step(image.seq, seq)
    if image.pending_l > 0:
        raise gas_on_card(image)
    return card


def record_purchase(payment: Payment, card: IcCard, meter_id: int, staff_id: int) -> int:
    """Inside the payment's transaction: the purchase's card record with the next
    purchase count, and its audit event. Returns the purchase count."""
    seq = last_seq(meter_id) + 1
    purchase = CardPurchase.create(
        payment=payment.id, card=card.id, meter=meter_id, seq=seq, volume_l=payment.volume_l
    )
    audit.append(
        "card_purchase",
        staff_id=staff_id,
        office_id=payment.office_id,
        purchase_id=purchase.id,
        payment_id=payment.id,
        card_id=card.id,
        meter_id=meter_id,
        seq=seq,
        volume_l=purchase.volume_l,
        created_at=audit.stamp(purchase.created_at),
    )
    return seq


def register_card(
    meter_id: int, number: str, staff_id: int | None, start_seq: int = 0
) -> CardState | None:
    """Record a card already in the customer's hand (cards issued before these records
    were kept): its number and the meter's purchase count at that time. Refused for a
    meter that has a card on record."""

    def work() -> int:
        meter = Meter.get_by_id(meter_id)
        if meter.kind != "ic_card" or active_card(meter.id) is not None:
            raise CardError(
                "card_on_record",
                QT_TRANSLATE_NOOP("Messages", "Meter {meter} already has a card on record."),
                meter=meter.number,
            )
        card = IcCard.create(
            number=number,
            meter=meter.id,
            account=meter.account_id,
            source="registered",
            start_seq=start_seq,
            staff=staff_id,
        )
        staff = Staff.get_or_none(Staff.id == staff_id) if staff_id else None
        audit.append(
            "card_issued",
            staff_id=staff_id,
            office_id=staff.office_id if staff else None,
            card_id=card.id,
            number=card.number,
            meter_id=meter.id,
            account_id=meter.account_id,
            source=card.source,
            start_seq=start_seq,
            replaces=None,
            fee_payment_id=None,
            idempotency_key=None,
            issued_at=audit.stamp(card.issued_at),
            blocked="",
        )
        return int(meter.account_id)

    return card_state(run_in_transaction(work))
