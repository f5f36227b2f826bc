"""Paying a prepaid balance back in cash (退款), when an account is closed (销户).

A refund is a payment row of kind 'refund' with a negative cash amount: it belongs to
the open shift of the teller at this counter (the cash leaves that drawer, so the
drawer's expected cash drops by it), it is numbered in the office's receipt series
(its 退款凭证), a supervisor of the office who is not the teller authorises it, and
its audit event carries every column, so `gasdesk verify` checks the row, its receipt
and the balance it takes away. It runs inside the transaction of the business that
refunds (services.effects.close_account); nothing of it stays when that is undone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import ReceiptInfo
from gasdesk.domain.limits import check_computed
from gasdesk.domain.methods import CASH, REFUND
from gasdesk.domain.money import format_yuan
from gasdesk.domain.records import StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.days import is_day_closed
from gasdesk.services.payments import receipt_info
from gasdesk.services.reconcile import expected_cash_of
from gasdesk.services.shifts import drawer_shift
from gasdesk.storage import audit
from gasdesk.storage.models import Account, Counter, Payment, Receipt, db
from gasdesk.storage.numbering import next_number
from gasdesk.storage.receipt_numbers import format_code, series_for


class RefundError(TellerError):
    """The refund was refused; nothing was recorded."""


def record_refund(
    account_id: int,
    amount_fen: int,
    *,
    staff_id: int,
    counter_id: int,
    supervisor: StaffInfo,
    reason: str,
    idempotency_key: str,
    today: dt.date,
) -> ReceiptInfo:
    """Pay `amount_fen` of the account's prepaid balance back in cash from the teller's
    drawer; return the 退款凭证's receipt. Call inside the business's transaction."""
    if not db.obj.in_transaction():
        raise RuntimeError("record_refund() runs inside the transaction of its business")
    check_computed(amount_fen)
    if amount_fen <= 0:
        raise ValueError("a refund pays back a positive amount")
    account: Any = Account.get_by_id(account_id)
    counter: Any = Counter.get_by_id(counter_id)
    office = counter.office
    if is_day_closed(office.id, today):
        raise RefundError(
            "day_closed",
            QT_TRANSLATE_NOOP(
                "Messages", "The business day {day} is closed; no money can be paid out for it."
            ),
            day=today.isoformat(),
        )
    if supervisor.office_id != office.id or supervisor.id == staff_id:
        raise RefundError(
            "not_authorised",
            QT_TRANSLATE_NOOP(
                "Messages",
                "A supervisor of this office other than the teller must authorise a refund.",
            ),
        )
    shift = drawer_shift(staff_id, counter.id, today)  # the cash leaves this drawer
    if expected_cash_of(shift.id).expected_fen < amount_fen:
        raise RefundError(
            "drawer_short",
            QT_TRANSLATE_NOOP(
                "Messages",
                "The drawer of your shift does not hold the {amount} yuan to refund; nothing "
                "was changed. Pay cash in first, or refund at another counter.",
            ),
            amount=format_yuan(amount_fen),
        )
    changed = (
        Account.update(balance_fen=Account.balance_fen - amount_fen)
        .where((Account.id == account.id) & (Account.balance_fen >= amount_fen))
        .execute()
    )
    if changed != 1:
        raise RefundError(
            "balance_short",
            QT_TRANSLATE_NOOP(
                "Messages", "The prepaid balance of account {number} is less than the refund."
            ),
            number=account.number,
        )
    payment = Payment.create(
        account=account.id,
        office=office.id,
        counter=counter.id,
        staff=staff_id,
        shift=shift.id,
        business_date=today,
        kind=REFUND,
        method=CASH,
        amount_fen=-amount_fen,
        tendered_fen=0,
        change_fen=0,
        volume_l=0,
        reference="",
        idempotency_key=idempotency_key,
        reason=reason,
        authorised_by=supervisor.id,
    )
    series = series_for(office.code, today.year)
    receipt = Receipt.create(series=series, number=next_number(series), payment=payment.id)
    audit.append(
        "refund",
        staff_id=staff_id,
        office_id=office.id,
        payment=payment.id,
        receipt=format_code(series, receipt.number),
        account=account.number,
        payment_kind=REFUND,
        method=CASH,
        amount_fen=-amount_fen,
        reason=reason,
        authorised_by=supervisor.badge,
        # every other column, so that verify() can check the row (audit_cover.py)
        tendered_fen=0,
        change_fen=0,
        volume_l=0,
        account_id=account.id,
        business_date=today.isoformat(),
        counter_id=counter.id,
        shift_id=shift.id,
        reference="",
        idempotency_key=idempotency_key,
        created_at=audit.stamp(payment.created_at),
        lines_json="[]",
        settled=[],
    )
    return receipt_info(payment, receipt)
