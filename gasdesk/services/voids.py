"""Voiding a payment (冲正): same day only, with a supervisor's badge, password and a
reason. The original payment is never edited: a reversing payment (kind 'void',
negative amount, `voids` = the original) is written with negative bill settlements,
the balance change undone, a void slip numbered in the office's receipt series and
an audit event, all in one transaction.

The void is booked into the voiding teller's open shift at this counter (the money
goes back to the customer from that drawer), whichever shift took the original; a
shift that is closed, counted or not, never changes. Without an open shift the void
is refused, and a cash void is refused when that drawer does not hold the cash."""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import ReceiptInfo
from gasdesk.domain.limits import MAX_BALANCE_FEN, balance_refusal
from gasdesk.domain.methods import BALANCE, CASH, REFUND
from gasdesk.domain.money import format_yuan
from gasdesk.domain.records import StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.auth import verify_supervisor
from gasdesk.services.days import is_day_closed
from gasdesk.services.payments import receipt_info
from gasdesk.services.reconcile import expected_cash_of
from gasdesk.services.shifts import drawer_shift
from gasdesk.storage import audit
from gasdesk.storage.db import run_in_transaction
from gasdesk.storage.models import Account, Counter, Payment, PaymentBill, Receipt
from gasdesk.storage.numbering import next_number
from gasdesk.storage.receipt_numbers import format_code, series_for


class VoidError(TellerError):
    """The void was refused; nothing was recorded."""


def check_supervisor(badge: str, password: str, office_id: int) -> StaffInfo:
    """The supervisor of `office_id` who authorises, checked as every supervisor action
    is (services.auth.verify_supervisor: a wrong password counts toward the badge's
    lockout and is audited), or a refusal. Call before the void's transaction."""
    if not (badge or "").strip() or not password:
        raise VoidError(
            "credentials_missing",
            QT_TRANSLATE_NOOP("Messages", "A supervisor must enter a badge number and password."),
        )
    return verify_supervisor(badge, password, office_id)


def _refusal(
    original: Payment | None, today: dt.date, supervisor: StaffInfo, staff_id: int
) -> VoidError | None:
    if original is None:
        return VoidError(
            "no_payment", QT_TRANSLATE_NOOP("Messages", "That payment does not exist.")
        )
    if original.kind == "void":
        return VoidError(
            "is_void", QT_TRANSLATE_NOOP("Messages", "A void cannot itself be voided.")
        )
    if original.kind == REFUND:
        return VoidError(
            "is_refund",
            QT_TRANSLATE_NOOP(
                "Messages",
                "A refund cannot be voided: the cash was paid out and the account closed.",
            ),
        )
    if Payment.select().where(Payment.voids == original.id).exists():
        return VoidError(
            "already_voided", QT_TRANSLATE_NOOP("Messages", "This payment has already been voided.")
        )
    if original.business_date != today:
        return VoidError(
            "not_same_day",
            QT_TRANSLATE_NOOP(
                "Messages", "Only today's payments can be voided; this one is from {day}."
            ),
            day=original.business_date.isoformat(),
        )
    if is_day_closed(original.office_id, original.business_date):
        return VoidError(
            "day_closed",
            QT_TRANSLATE_NOOP(
                "Messages", "The business day {day} is closed; its payments cannot be voided."
            ),
            day=original.business_date.isoformat(),
        )
    if supervisor.office_id != original.office_id:  # verify_supervisor checked it; kept as a guard
        return VoidError(
            "other_office",
            QT_TRANSLATE_NOOP(
                "Messages", "A supervisor of the payment's own office must authorise the void."
            ),
        )
    if supervisor.id in (original.staff_id, staff_id):  # four eyes: nobody approves herself
        return VoidError(
            "self_approval",
            QT_TRANSLATE_NOOP(
                "Messages",
                "{name} ({badge}) took this payment or is voiding it, and cannot also approve "
                "the void; another supervisor must.",
            ),
            name=supervisor.name,
            badge=supervisor.badge,
        )
    return None


def _replay(earlier: Payment, payment_id: int, staff_id: int, counter_id: int) -> ReceiptInfo:
    """The slip of an earlier void with the same idempotency key: returned when it
    voided the same payment by the same teller at the same counter, else refused as
    a conflicting request naming the receipt the key was used for."""
    receipt = Receipt.get_or_none(Receipt.payment == earlier.id)
    same = (
        earlier.voids_id == payment_id
        and earlier.staff_id == staff_id
        and earlier.counter_id == counter_id
    )
    if receipt is None or not same:
        raise VoidError(
            "key_reused",
            QT_TRANSLATE_NOOP(
                "Messages",
                "This void form was already used for receipt {receipt}; this request "
                "differs from it and was not recorded. Open the void form again.",
            ),
            receipt=format_code(receipt.series, receipt.number) if receipt else f"#{earlier.id}",
        )
    return receipt_info(earlier, receipt, replayed=True)


def void_payment(
    *,
    payment_id: int,
    staff_id: int,
    counter_id: int,
    supervisor_badge: str,
    supervisor_password: str,
    reason: str,
    idempotency_key: str,
    today: dt.date | None = None,
) -> ReceiptInfo:
    """Reverse a payment of today; return the void slip's receipt."""
    today = today or dt.date.today()
    if not idempotency_key:
        raise ValueError("a void needs an idempotency key")
    reason = " ".join((reason or "").split())
    if len(reason) < 2:
        raise VoidError(
            "reason_missing", QT_TRANSLATE_NOOP("Messages", "Enter the reason for the void.")
        )
    target = Payment.get_or_none(Payment.id == payment_id)
    if target is None:
        raise VoidError("no_payment", QT_TRANSLATE_NOOP("Messages", "That payment does not exist."))
    supervisor = check_supervisor(supervisor_badge, supervisor_password, target.office_id)

    def work() -> ReceiptInfo:
        earlier = Payment.get_or_none(Payment.idempotency_key == idempotency_key)
        if earlier is not None:
            return _replay(earlier, payment_id, staff_id, counter_id)
        original = Payment.get_or_none(Payment.id == payment_id)
        refusal = _refusal(original, today, supervisor, staff_id)
        if refusal is not None:
            raise refusal
        assert original is not None
        counter = Counter.get_by_id(counter_id)
        shift = drawer_shift(staff_id, counter.id, today)
        amount = original.amount_fen
        if original.method == CASH and expected_cash_of(shift.id).expected_fen < amount:
            raise VoidError(
                "drawer_short",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The drawer of your shift does not hold the {amount} yuan to hand back; "
                    "nothing was voided.",
                ),
                amount=format_yuan(amount),
            )
        if original.kind == "prepay":
            changed = (
                Account.update(balance_fen=Account.balance_fen - amount)
                .where((Account.id == original.account_id) & (Account.balance_fen >= amount))
                .execute()
            )
            if changed != 1:
                raise VoidError(
                    "balance_spent",
                    QT_TRANSLATE_NOOP(
                        "Messages", "The prepaid money has already been used; it cannot be voided."
                    ),
                )
        elif original.method == BALANCE:
            changed = (
                Account.update(balance_fen=Account.balance_fen + amount)
                .where(
                    (Account.id == original.account_id)
                    & (Account.balance_fen <= MAX_BALANCE_FEN - amount)
                )
                .execute()
            )
            if changed != 1:  # refused before the sum could leave the INTEGER range
                raise balance_refusal(original.account.number)
        void = Payment.create(
            account=original.account_id,
            office=original.office_id,
            counter=counter.id,
            staff=staff_id,
            shift=shift.id,
            business_date=today,
            kind="void",
            method=original.method,
            amount_fen=-amount,
            tendered_fen=0,
            change_fen=0,
            volume_l=-original.volume_l,
            reference=original.reference,
            idempotency_key=idempotency_key,
            voids=original.id,
            reason=reason,
            authorised_by=supervisor.id,
        )
        settled = []
        for link in PaymentBill.select().where(PaymentBill.payment == original.id):
            PaymentBill.create(payment=void.id, bill=link.bill_id, amount_fen=-link.amount_fen)
            settled.append([link.bill_id, -link.amount_fen])
        office = original.office
        series = series_for(office.code, today.year)
        slip = Receipt.create(series=series, number=next_number(series), payment=void.id)
        first = Receipt.get(Receipt.payment == original.id)
        audit.append(
            "void",
            staff_id=staff_id,
            office_id=office.id,
            payment=void.id,
            voids=original.id,
            receipt=format_code(series, slip.number),
            original_receipt=format_code(first.series, first.number),
            amount_fen=-amount,
            reason=reason,
            authorised_by=supervisor.badge,
            # every other column, so that verify() can check the row (audit_cover.py)
            method=original.method,
            account_id=original.account_id,
            business_date=today.isoformat(),
            counter_id=counter.id,
            shift_id=shift.id,
            tendered_fen=0,
            change_fen=0,
            volume_l=-original.volume_l,
            reference=original.reference,
            idempotency_key=idempotency_key,
            created_at=audit.stamp(void.created_at),
            settled=settled,
        )
        return receipt_info(void, slip)

    return run_in_transaction(work)  # another counter in the way: undone and run again
