"""Writing a paid purchase (or a new card) onto the card in the reader, and recording
that the card took it: the second of a purchase's two facts.

The card is read first. A card that already holds the purchase's count took it
before (the reader may have lost the card after writing, or the record failed): it
is recorded as written ('found'), nothing is written twice. Otherwise the purchase is
written only onto the purchase's own card, in step (its count one below) and with no
gas the meter has not taken. Whatever fails, the outcome says why and the purchase
stays "paid, not written" for 补写卡; the payment is never touched. Recording a write
is idempotent: a purchase (or a new card) is recorded as written once.
"""

from __future__ import annotations

from gasdesk.devices.card_writer import CardWriter
from gasdesk.devices.errors import device_error
from gasdesk.domain.cards import CardImage, WriteOrder, WriteOutcome
from gasdesk.domain.text import UserError
from gasdesk.services import cards
from gasdesk.services.accounts import active_meter
from gasdesk.storage import audit
from gasdesk.storage.db import run_in_transaction
from gasdesk.storage.models import Meter, Staff
from gasdesk.storage.models_cards import CardPurchase, CardWrite, IcCard

# -- what is written ----------------------------------------------------------------------------


def _order(purchase: CardPurchase, card: IcCard, *, new_card: bool) -> WriteOrder:
    meter = Meter.get_by_id(purchase.meter_id)
    return WriteOrder(
        image=CardImage(card.number, meter.number, purchase.seq, purchase.volume_l),
        purchase_id=purchase.id,
        new_card=new_card,
        volume_l=purchase.volume_l,
    )


def carried_order(card: IcCard) -> WriteOrder:
    """What a new card is made with: the meter's newest purchase (the meter takes its
    gas only if it never took that purchase count), else the count alone."""
    meter = Meter.get_by_id(card.meter_id)
    newest = (
        CardPurchase.select()
        .where((CardPurchase.meter == meter.id) & CardPurchase.payment.not_in(cards.voided_ids()))
        .order_by(CardPurchase.seq.desc())
        .first()
    )
    seq = cards.last_seq(meter.id)
    if newest is not None and newest.seq == seq:
        return _order(newest, card, new_card=True)
    return WriteOrder(CardImage(card.number, meter.number, seq, 0), None, True, 0)


def pending_order(account_id: int) -> WriteOrder | None:
    """What the writer owes this account now (补写卡): the new card not written yet,
    else the purchase paid and not written; None when nothing is owed."""
    meter = active_meter(account_id)
    if meter is None or meter.kind != "ic_card":
        return None
    card = cards.active_card(meter.id)
    if card is None:
        return None
    if not cards.card_written(card):
        return carried_order(card)
    pending = cards.unwritten_purchases(account_id)
    if not pending:
        return None
    return _order(CardPurchase.get_by_id(pending[0].purchase_id), card, new_card=False)


def order_for_payment(payment_id: int) -> WriteOrder | None:
    """The write a just-recorded purchase needs (None when it needs none any more)."""
    purchase = CardPurchase.get_or_none(CardPurchase.payment == payment_id)
    if purchase is None or CardWrite.select().where(CardWrite.purchase == purchase.id).exists():
        return None
    return _order(purchase, purchase.card, new_card=False)


def record_write(order: WriteOrder, staff_id: int, how: str) -> bool:
    """Record that the card took `order` ('written', 'found' or 'issued'), once: a
    second record of the same write changes nothing. Returns whether it recorded."""

    def work() -> bool:
        card = IcCard.get(IcCard.number == order.image.card_number)
        done = CardWrite.select().where(CardWrite.card == card.id)
        if order.purchase_id is not None and not order.new_card:
            done = CardWrite.select().where(CardWrite.purchase == order.purchase_id)
        if done.exists():
            return False
        staff = Staff.get_by_id(staff_id)
        write = CardWrite.create(card=card.id, purchase=order.purchase_id, how=how, staff=staff_id)
        audit.append(
            "card_written",
            staff_id=staff_id,
            office_id=staff.office_id,
            write_id=write.id,
            card_id=card.id,
            purchase_id=order.purchase_id,
            how=how,
            seq=order.image.seq,
            written_at=audit.stamp(write.written_at),
        )
        return True

    return run_in_transaction(work)


def _failed(order: WriteOrder, error: Exception) -> WriteOutcome:
    image = order.image
    return WriteOutcome(False, image.card_number, image.seq, order.volume_l, error=error)


def _how(order: WriteOrder, card: CardImage) -> str:
    """'found' when the card holds the write already, '' when it is to be written;
    raises when it can take neither."""
    image = order.image
    if order.new_card:
        if card.card_number == image.card_number and card.seq == image.seq:
            return "found"  # made before the reader lost it
        if not card.blank:
            raise device_error("not_blank", found=card.card_number)
        return ""
    if card.card_number != image.card_number or card.meter_number != image.meter_number:
        raise device_error("wrong_card", found=card.card_number or "—", wanted=image.card_number)
    if card.seq == image.seq:
        return "found"
    if card.seq != image.seq - 1:
        raise cards.out_of_step(card.seq, image.seq - 1)
    if card.pending_l > 0:
        raise cards.gas_on_card(card)
    return ""


def write_card(writer: CardWriter, order: WriteOrder, staff_id: int) -> WriteOutcome:
    """Put `order` onto the card in the reader and record it (see the module notes).
    Never raises for a device or a card: the outcome carries the refusal."""
    image = order.image
    try:
        how = _how(order, writer.read())
        if not how:
            if order.new_card:
                writer.issue(image)
                how = "issued"
            else:
                writer.write(image)
                how = "written"
        record_write(order, staff_id, "issued" if order.new_card else how)
    except UserError as exc:
        return _failed(order, exc)
    except Exception as exc:  # a driver's own failure, or the record not written
        return _failed(order, exc)
    return WriteOutcome(True, image.card_number, image.seq, order.volume_l, how=how)


def rewrite(writer: CardWriter, account_id: int, staff_id: int) -> WriteOutcome | None:
    """补写卡: write what the account is owed (a purchase paid and not written, or its
    new card), charging nothing; None when nothing is owed."""
    order = pending_order(account_id)
    if order is None:
        return None
    return write_card(writer, order, staff_id)


def write_purchase(writer: CardWriter, payment_id: int, staff_id: int) -> WriteOutcome | None:
    """Right after a purchase's payment committed: write it (None if it needs no write)."""
    order = order_for_payment(payment_id)
    if order is None:
        return None
    return write_card(writer, order, staff_id)
