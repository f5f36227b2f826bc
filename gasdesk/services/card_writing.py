"""Writing a paid purchase (or a new card) onto the card in the reader, and recording
that the card took it: the second of a purchase's two facts.

The card is read first. A card that already holds the purchase's count took it
before (the reader may have lost the card after writing, or the record failed): it
is recorded as written ('found'), nothing is written twice. Otherwise the purchase is
written only onto the purchase's own card, in step (its count one below) and with no
gas the meter has not taken. Whatever fails, the outcome says why and the purchase
stays "paid, not written" for 补写卡; the payment is never touched.
"""

from __future__ import annotations

from gasdesk.devices.card_writer import CardWriter
from gasdesk.devices.errors import device_error
from gasdesk.domain.cards import CardImage, WriteOrder, WriteOutcome
from gasdesk.domain.text import UserError
from gasdesk.services import cards


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
        cards.record_write(order, staff_id, "issued" if order.new_card else how)
    except UserError as exc:
        return _failed(order, exc)
    except Exception as exc:  # a driver's own failure, or the record not written
        return _failed(order, exc)
    return WriteOutcome(True, image.card_number, image.seq, order.volume_l, how=how)


def rewrite(writer: CardWriter, account_id: int, staff_id: int) -> WriteOutcome | None:
    """补写卡: write what the account is owed (a purchase paid and not written, or its
    new card), charging nothing; None when nothing is owed."""
    order = cards.pending_order(account_id)
    if order is None:
        return None
    return write_card(writer, order, staff_id)


def write_purchase(writer: CardWriter, payment_id: int, staff_id: int) -> WriteOutcome | None:
    """Right after a purchase's payment committed: write it (None if it needs no write)."""
    order = cards.order_for_payment(payment_id)
    if order is None:
        return None
    return write_card(writer, order, staff_id)
