"""Collecting a payment: bills (缴费), IC-card gas (购气) or a prepayment (预存).

One write transaction writes the payment, its bill settlements, the receipt with the
next number of the office's series for the year, the balance change and the audit
event; if anything fails, none of it stays and the receipt number is not used.

The prepaid balance (Account.balance_fen) is kept on the account row for quick
display, but it only ever changes in the same transaction as a Payment row that
explains the change (prepay +, paying bills from the balance -, their voids), so the
payments always account for it.

Every payment, whatever its method, belongs to the open shift of the teller at the
counter on the business day (services.shifts.drawer_shift): without one it is
refused, so nothing escapes the drawer's blind count and the terminals' settlement.
A WeChat Pay, Alipay or bank card transaction reference pays once: a reference
already recorded for a payment that is not voided is refused with its receipt.
"""

from __future__ import annotations

import datetime as dt

from peewee import IntegrityError

from gasdesk.domain.fees import PaymentRequest, PaymentRow, ReceiptInfo
from gasdesk.domain.limits import MAX_BALANCE_FEN, balance_refusal
from gasdesk.domain.methods import BALANCE
from gasdesk.domain.money import format_yuan
from gasdesk.domain.readback import ReadBack
from gasdesk.domain.tariff import lines_to_json
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.account_state import refuse_payment
from gasdesk.services.billing import materialise
from gasdesk.services.days import is_day_closed
from gasdesk.services.payment_request import PaymentError, check_request, same_request
from gasdesk.services.purchases import quote_purchase
from gasdesk.services.shifts import drawer_shift
from gasdesk.storage import audit
from gasdesk.storage.db import run_in_transaction
from gasdesk.storage.models import (
    Account,
    Counter,
    Payment,
    PaymentBill,
    Receipt,
    Staff,
    db,
)
from gasdesk.storage.numbering import next_number
from gasdesk.storage.receipt_numbers import format_code, series_for


def receipt_info(payment: Payment, receipt: Receipt, *, replayed: bool = False) -> ReceiptInfo:
    account = payment.account
    return ReceiptInfo(
        receipt_id=receipt.id,
        code=format_code(receipt.series, receipt.number),
        payment_id=payment.id,
        kind=payment.kind,
        method=payment.method,
        amount_fen=payment.amount_fen,
        tendered_fen=payment.tendered_fen,
        change_fen=payment.change_fen,
        volume_l=payment.volume_l,
        account_number=account.number,
        account_name=account.name,
        issued_at=receipt.issued_at,
        business_date=payment.business_date,
        replayed=replayed,
    )


def _replay(request: PaymentRequest, rb: ReadBack) -> ReceiptInfo | None:
    """The receipt of an earlier request with the same idempotency key, if any. A key
    sent again with another account, kind, method, amount, tender, volume, reference,
    teller or counter is a conflicting request: refused, naming the first receipt."""
    payment = Payment.get_or_none(Payment.idempotency_key == request.idempotency_key)
    if payment is None:
        return None
    receipt = Receipt.get_or_none(Receipt.payment == payment.id)
    if receipt is None:
        raise PaymentError(
            "key_reused",
            QT_TRANSLATE_NOOP("Messages", "This payment form was already used; open it again."),
        )
    if not same_request(payment, request, rb):
        raise PaymentError(
            "key_reused",
            QT_TRANSLATE_NOOP(
                "Messages",
                "This payment form was already used for receipt {receipt} ({amount} yuan, "
                "account {account}); this request differs from it and was not recorded. "
                "Open the payment form again.",
            ),
            receipt=format_code(receipt.series, receipt.number),
            amount=format_yuan(payment.amount_fen),
            account=payment.account.number,
        )
    return receipt_info(payment, receipt, replayed=True)


def _due_changed(now_fen: int, was_fen: int) -> PaymentError:
    return PaymentError(
        "due_changed",
        QT_TRANSLATE_NOOP(
            "Messages",
            "The amount due is now {now} yuan, not {was}; check it with the customer again.",
        ),
        now=format_yuan(now_fen),
        was=format_yuan(was_fen),
    )


def _reference_in_use(reference: str) -> PaymentError | None:
    """A refusal when `reference` (a WeChat Pay, Alipay or bank card transaction number)
    is already recorded for a payment that is not voided: one transaction pays once.
    Numbers of the three kinds never look alike, so the check spans every method."""
    if not reference:
        return None
    voided = Payment.select(Payment.voids).where(Payment.voids.is_null(False))
    earlier = (
        Payment.select(Payment, Account)
        .join(Account, on=(Payment.account == Account.id))
        .where(
            (Payment.reference == reference)
            & Payment.voids.is_null()
            & (Payment.kind != "void")
            & Payment.id.not_in(voided)
        )
        .order_by(Payment.id)
        .first()
    )
    if earlier is None:
        return None
    receipt = Receipt.get_or_none(Receipt.payment == earlier.id)
    return PaymentError(
        "reference_used",
        QT_TRANSLATE_NOOP(
            "Messages",
            "The transaction reference {reference} is already recorded on receipt {receipt} "
            "(account {account}, {day}); one transaction pays only once.",
        ),
        reference=reference,
        receipt=format_code(receipt.series, receipt.number) if receipt else f"#{earlier.id}",
        account=earlier.account.number,
        day=earlier.business_date.isoformat(),
    )


def _record(
    request: PaymentRequest, rb: ReadBack, today: dt.date, ceiling_fen: int | None
) -> ReceiptInfo:
    account = Account.get_or_none(Account.id == request.account_id)
    if account is None:
        raise PaymentError(
            "no_account", QT_TRANSLATE_NOOP("Messages", "The account no longer exists.")
        )
    counter = Counter.get_by_id(request.counter_id)
    office = counter.office
    if is_day_closed(office.id, today):
        raise PaymentError(
            "day_closed",
            QT_TRANSLATE_NOOP(
                "Messages", "The business day {day} is closed; no payment can be taken for it."
            ),
            day=today.isoformat(),
        )
    staff = Staff.get_by_id(request.staff_id)
    shift = drawer_shift(staff.id, counter.id, today)  # every payment belongs to a drawer
    used = _reference_in_use(rb.reference)
    if used is not None:
        raise used
    amount = request.expected_due_fen
    settle: list[tuple[int, int]] = []
    lines_json = "[]"
    refuse_payment(account, request.kind, PaymentError)  # closed, or the supply stopped
    if request.kind == "bill":
        bills = materialise(account.id)
        due = sum(b.open_fen for b in bills)
        if due <= 0:
            raise PaymentError(
                "nothing_due", QT_TRANSLATE_NOOP("Messages", "There is nothing to collect.")
            )
        if due != amount:
            raise _due_changed(due, amount)
        settle = [(b.bill_id, b.open_fen) for b in bills if b.bill_id is not None]
        if request.method == BALANCE and account.balance_fen < due:
            raise PaymentError(
                "balance_short",
                QT_TRANSLATE_NOOP("Messages", "The prepaid balance does not cover the amount due."),
            )
    elif request.kind == "purchase":
        quote = quote_purchase(
            account.id, volume_l=request.volume_l, today=today, ceiling_fen=ceiling_fen
        )
        if quote.amount_fen != amount:
            raise _due_changed(quote.amount_fen, amount)
        lines_json = lines_to_json(quote.lines)
    payment = Payment.create(
        account=account.id,
        office=office.id,
        counter=counter.id,
        staff=staff.id,
        shift=shift.id,
        business_date=today,
        kind=request.kind,
        method=request.method,
        amount_fen=amount,
        tendered_fen=rb.received_fen,
        change_fen=rb.change_fen,
        volume_l=request.volume_l if request.kind == "purchase" else 0,
        reference=rb.reference,
        idempotency_key=request.idempotency_key,
        lines_json=lines_json,
    )
    for bill_id, part in settle:
        PaymentBill.create(payment=payment.id, bill=bill_id, amount_fen=part)
    if request.kind == "prepay":
        changed = (
            Account.update(balance_fen=Account.balance_fen + amount)
            .where((Account.id == account.id) & (Account.balance_fen <= MAX_BALANCE_FEN - amount))
            .execute()
        )
        if changed != 1:  # refused before the sum could leave the INTEGER range
            raise balance_refusal(account.number)
    elif request.method == BALANCE:
        changed = (
            Account.update(balance_fen=Account.balance_fen - amount)
            .where((Account.id == account.id) & (Account.balance_fen >= amount))
            .execute()
        )
        if changed != 1:
            raise PaymentError(
                "balance_short",
                QT_TRANSLATE_NOOP("Messages", "The prepaid balance does not cover the amount due."),
            )
    series = series_for(office.code, today.year)
    receipt = Receipt.create(series=series, number=next_number(series), payment=payment.id)
    code = format_code(series, receipt.number)
    audit.append(
        "payment",
        staff_id=staff.id,
        office_id=office.id,
        payment=payment.id,
        receipt=code,
        account=account.number,
        payment_kind=request.kind,
        method=request.method,
        amount_fen=amount,
        tendered_fen=rb.received_fen,
        change_fen=rb.change_fen,
        volume_l=payment.volume_l,
        bills=[b for b, _ in settle],
        # every other column, so that verify() can check the row (audit_cover.py)
        account_id=account.id,
        business_date=today.isoformat(),
        counter_id=counter.id,
        shift_id=shift.id,
        reference=rb.reference,
        idempotency_key=request.idempotency_key,
        created_at=audit.stamp(payment.created_at),
        lines_json=lines_json,
        settled=[[b, part] for b, part in settle],
    )
    return receipt_info(payment, receipt)


def collect_payment(
    request: PaymentRequest, *, today: dt.date | None = None, ceiling_fen: int | None = None
) -> ReceiptInfo:
    """Record a payment the teller has read back; return its receipt.

    `ceiling_fen` is the counter's limit for one entry (setting fees/ceiling_yuan; the
    default when None); amounts above it, or above the hard maximum, are refused.
    A request whose idempotency key was already used returns the first receipt
    (`replayed=True`) and records nothing; the same key with a different request is
    refused. Refusals raise PaymentError (or another TellerError) before anything is
    written; database failures roll everything back.
    """
    today = today or dt.date.today()
    rb = check_request(request, ceiling_fen)
    earlier = _replay(request, rb)
    if earlier is not None:
        return earlier

    def work() -> ReceiptInfo:
        again = _replay(request, rb)  # checked again now that this counter holds the lock
        return again if again is not None else _record(request, rb, today, ceiling_fen)

    try:
        return run_in_transaction(work)  # another counter in the way: undone and run again
    except IntegrityError:
        earlier = _replay(request, rb)  # the same key committed on another connection first
        if earlier is not None:
            return earlier
        raise


def collect_in_transaction(
    request: PaymentRequest, *, today: dt.date, ceiling_fen: int | None = None
) -> ReceiptInfo:
    """Record a payment inside the caller's transaction (a business that settles bills
    as part of its own work, e.g. 销户 paying the last bills from the balance): the same
    checks, rows, receipt and audit event as collect_payment, undone with the caller's
    transaction. No idempotent replay: the caller's own record prevents a second run."""
    if not db.obj.in_transaction():
        raise RuntimeError("collect_in_transaction() runs inside its caller's transaction")
    rb = check_request(request, ceiling_fen)
    return _record(request, rb, today, ceiling_fen)


def list_payments(
    office_id: int, business_date: dt.date, account_id: int | None = None
) -> list[PaymentRow]:
    """The office's payments of a day, newest first, with their receipts and voids."""
    query = (
        Payment.select(Payment, Account, Staff)
        .join(Account, on=(Payment.account == Account.id))
        .switch(Payment)
        .join(Staff, on=(Payment.staff == Staff.id))
        .where((Payment.office == office_id) & (Payment.business_date == business_date))
        .order_by(Payment.id.desc())
    )
    if account_id is not None:
        query = query.where(Payment.account == account_id)
    payments = list(query)
    ids = [p.id for p in payments]
    codes = {
        r.payment_id: (r.id, format_code(r.series, r.number))
        for r in Receipt.select().where(Receipt.payment.in_(ids))
    }
    voided_by: dict[int, int] = {}
    for p in Payment.select(Payment.id, Payment.voids).where(Payment.voids.in_(ids)):
        voided_by[p.voids_id] = p.id
    missing = [v for v in voided_by.values() if v not in codes] + [
        p.voids_id for p in payments if p.voids_id and p.voids_id not in codes
    ]
    if missing:
        for r in Receipt.select().where(Receipt.payment.in_(missing)):
            codes[r.payment_id] = (r.id, format_code(r.series, r.number))
    rows: list[PaymentRow] = []
    for p in payments:
        receipt_id, code = codes.get(p.id, (None, ""))
        rows.append(
            PaymentRow(
                payment_id=p.id,
                receipt_id=receipt_id,
                code=code,
                created_at=p.created_at,
                account_number=p.account.number,
                account_name=p.account.name,
                kind=p.kind,
                method=p.method,
                amount_fen=p.amount_fen,
                staff_badge=p.staff.badge,
                voided_by_code=codes.get(voided_by[p.id], (None, ""))[1]
                if p.id in voided_by
                else "",
                voids_code=codes.get(p.voids_id, (None, ""))[1] if p.voids_id else "",
            )
        )
    return rows
