"""Fapiao requests stored with their payment, and withdrawn by its void: both inside
the transaction of the payment or the void (the callers' write transaction); and the
requests of a period, per payment, for the e-fapiao platform."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple
from typing import Any

from peewee import JOIN

from gasdesk.domain.fapiao import FapiaoBuyer, check_buyer
from gasdesk.domain.ledgers import FapiaoLine
from gasdesk.storage.models import Account, Office, Payment, Receipt, Staff
from gasdesk.storage.models_fapiao import FapiaoRequest, FapiaoWithdrawal
from gasdesk.storage.receipt_numbers import format_code


def checked(buyer: FapiaoBuyer | None) -> FapiaoBuyer | None:
    """The buyer as the rules take it (a script's request is checked as the
    read-back's is); None when no fapiao was asked for."""
    return None if buyer is None else check_buyer(*astuple(buyer))


def record_request(payment_id: int, buyer: FapiaoBuyer, staff_id: int) -> int:
    """Store the request of a payment being recorded; its id."""
    row = FapiaoRequest.create(
        payment=payment_id,
        buyer_name=buyer.name,
        tax_number=buyer.tax_number,
        phone=buyer.phone,
        email=buyer.email,
        staff=staff_id,
    )
    return int(row.id)


def stored_buyer(payment_id: int) -> FapiaoBuyer | None:
    row = FapiaoRequest.get_or_none(FapiaoRequest.payment == payment_id)
    if row is None:
        return None
    return FapiaoBuyer(row.buyer_name, row.tax_number, row.phone, row.email)


def withdraw_for_void(original_id: int, void_id: int) -> int | None:
    """Withdraw the request of the payment `original_id`, voided by `void_id`; the
    request's id, or None when the payment had none."""
    request = FapiaoRequest.get_or_none(FapiaoRequest.payment == original_id)
    if request is None:
        return None
    if not FapiaoWithdrawal.select().where(FapiaoWithdrawal.request == request.id).exists():
        FapiaoWithdrawal.create(request=request.id, void=void_id)
    return int(request.id)


def fapiao_requests(office_id: int | None, first: dt.date, last: dt.date) -> list[FapiaoLine]:
    """The requests of the payments taken at the office (None: any office) on the
    business days `first` to `last`, oldest first; a withdrawn one names its void."""
    void = Payment.alias()
    void_receipt = Receipt.alias()
    query: Any = (
        FapiaoRequest.select(
            Payment.business_date,
            FapiaoRequest.created_at,
            Office.code,
            Receipt.series,
            Receipt.number,
            Account.number,
            Account.name,
            Payment.kind,
            Payment.method,
            Payment.amount_fen,
            FapiaoRequest.buyer_name,
            FapiaoRequest.tax_number,
            FapiaoRequest.phone,
            FapiaoRequest.email,
            Staff.badge,
            void_receipt.series,
            void_receipt.number,
        )
        .join(Payment, on=(FapiaoRequest.payment == Payment.id))
        .join(Office, on=(Payment.office == Office.id))
        .switch(Payment)
        .join(Account, on=(Payment.account == Account.id))
        .switch(Payment)
        .join(Receipt, JOIN.LEFT_OUTER, on=(Receipt.payment == Payment.id))
        .switch(FapiaoRequest)
        .join(Staff, on=(FapiaoRequest.staff == Staff.id))
        .switch(FapiaoRequest)
        .join(FapiaoWithdrawal, JOIN.LEFT_OUTER, on=(FapiaoWithdrawal.request == FapiaoRequest.id))
        .join(void, JOIN.LEFT_OUTER, on=(FapiaoWithdrawal.void == void.id))
        .join(void_receipt, JOIN.LEFT_OUTER, on=(void_receipt.payment == void.id))
        .where((Payment.business_date >= first) & (Payment.business_date <= last))
        .order_by(Payment.business_date, FapiaoRequest.id)
    )
    if office_id is not None:
        query = query.where(Payment.office == office_id)
    out = []
    for row in query.tuples():
        (day, at, office, series, number, acct, name, kind, method, amount, buyer, tax,
         phone, email, badge, v_series, v_number) = row  # fmt: skip
        out.append(
            FapiaoLine(
                business_date=day if isinstance(day, dt.date) else dt.date.fromisoformat(day),
                requested_at=at,
                office_code=office,
                receipt=format_code(series, number) if series else "",
                account_number=acct,
                account_name=name,
                kind=kind,
                method=method,
                amount_fen=amount,
                buyer_name=buyer,
                tax_number=tax,
                phone=phone,
                email=email,
                teller_badge=badge,
                withdrawn_by=format_code(v_series, v_number) if v_series else "",
            )
        )
    return out
