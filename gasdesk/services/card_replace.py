"""补卡: a new card for an IC-card meter whose card was lost (or, for a meter without
a card on record, its first card).

In one transaction: the fee, when the tariff file names one (a payment of kind
'card_fee' with its receipt, services.tariffs.card_fee_fen), the new card's record
replacing the old one, which is blocked from then on, and the audit event. The new
card is then made from a blank card by the writer (services.card_writing) and
carries the meter's newest purchase with its purchase count: a meter takes gas only
for the count after its own, so a purchase the meter took from the lost card is not
taken twice, and one it never took (the lost card's unspent gas, or a purchase paid
and never written) reaches the meter with the new card. A purchase older than the
newest, still on the lost card and never taken by the meter, cannot be carried: the
meter would refuse the newer count until it had it; that case goes to a fitter's
visit. Until the new card is written nothing is sold for the meter, and a second 补卡
is refused (no second fee): the card is written again (补写卡).
"""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.cards import CardIssue, ReplaceRequest, card_number_for
from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.domain.money import format_yuan
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import cards
from gasdesk.services.accounts import active_meter
from gasdesk.services.card_writing import carried_order
from gasdesk.services.cards import CardError
from gasdesk.services.payment_request import CARD_FEE, check_request
from gasdesk.services.payments import receipt_info, record_payment
from gasdesk.services.tariffs import card_fee_fen
from gasdesk.storage import audit
from gasdesk.storage.db import run_in_transaction
from gasdesk.storage.models import Account, Receipt, Staff
from gasdesk.storage.models_cards import IcCard
from gasdesk.storage.receipt_numbers import format_code


def replacement_fee(account_id: int) -> int:
    """The fee a new card costs this account now: none for a meter's first card."""
    meter = active_meter(account_id)
    if meter is None or cards.active_card(meter.id) is None:
        return 0
    return card_fee_fen(Account.get_by_id(account_id).user_type)


def _issue_of(card: IcCard, *, replayed: bool) -> CardIssue:
    receipt = Receipt.get_or_none(Receipt.payment == card.payment_id) if card.payment_id else None
    return CardIssue(
        card_id=card.id,
        card_number=card.number,
        replaced=card.replaces.number if card.replaces_id else "",
        order=carried_order(card),
        receipt_id=receipt.id if receipt else None,
        receipt_code=format_code(receipt.series, receipt.number) if receipt else "",
        replayed=replayed,
    )


def _next_number(meter_id: int, meter_number: str) -> str:
    issue = IcCard.select().where(IcCard.meter == meter_id).count() + 1
    while IcCard.select().where(IcCard.number == card_number_for(meter_number, issue)).exists():
        issue += 1
    return card_number_for(meter_number, issue)


def replace_card(
    request: ReplaceRequest, *, today: dt.date | None = None, ceiling_fen: int | None = None
) -> CardIssue:
    """Record a new card for the account's meter (see the module notes); the same
    idempotency key again returns the first new card and charges nothing."""
    today = today or dt.date.today()
    payment = request.payment
    if payment is not None and not isinstance(payment, PaymentRequest):
        raise TypeError("the fee of a new card is a PaymentRequest")
    rb = check_request(payment, ceiling_fen, kinds=(CARD_FEE,)) if payment is not None else None

    def work() -> CardIssue:
        earlier = IcCard.get_or_none(IcCard.idempotency_key == request.idempotency_key)
        if earlier is not None:
            return _issue_of(earlier, replayed=True)
        account = Account.get_by_id(request.account_id)
        meter = active_meter(account.id)
        if meter is None or meter.kind != "ic_card":
            raise CardError(
                "not_ic_card",
                QT_TRANSLATE_NOOP(
                    "Messages", "Account {number} has no IC-card meter; it pays bills instead."
                ),
                number=account.number,
            )
        old = cards.active_card(meter.id)
        if old is not None and not cards.card_written(old):
            raise CardError(
                "card_not_made",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The new card {card} is not written yet; write it first (write card, Alt+W).",
                ),
                card=old.number,
            )
        fee = card_fee_fen(account.user_type) if old is not None else 0
        if (payment is None) != (fee == 0) or (
            payment is not None and fee != payment.expected_due_fen
        ):
            raise CardError(
                "fee_changed",
                QT_TRANSLATE_NOOP(
                    "Messages", "A new card costs ¥{fee} now; open the new-card form again."
                ),
                fee=format_yuan(fee),
            )
        info = None
        if payment is not None and rb is not None:
            if payment.account_id != account.id:
                raise ValueError("the fee is paid for the card's own account")
            info = record_payment(payment, rb, today, ceiling_fen)
        staff = Staff.get_by_id(request.staff_id)
        card = IcCard.create(
            number=_next_number(meter.id, meter.number),
            meter=meter.id,
            account=account.id,
            source="issued",
            start_seq=cards.last_seq(meter.id),
            replaces=old.id if old else None,
            payment=info.payment_id if info else None,
            staff=staff.id,
            idempotency_key=request.idempotency_key,
        )
        audit.append(
            "card_issued",
            staff_id=staff.id,
            office_id=staff.office_id,
            card_id=card.id,
            number=card.number,
            meter_id=meter.id,
            account_id=account.id,
            source=card.source,
            start_seq=card.start_seq,
            replaces=card.replaces_id,
            fee_payment_id=card.payment_id,
            idempotency_key=card.idempotency_key,
            issued_at=audit.stamp(card.issued_at),
            blocked=old.number if old else "",
        )
        return _issue_of(card, replayed=False)

    return run_in_transaction(work)


def fee_receipt(issue: CardIssue) -> ReceiptInfo | None:
    """The receipt of the fee a new card was issued for (None without a fee)."""
    if issue.receipt_id is None:
        return None
    receipt = Receipt.get_by_id(issue.receipt_id)
    return receipt_info(receipt.payment, receipt, replayed=issue.replayed)
