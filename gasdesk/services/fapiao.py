"""Fapiao requests stored with their payment, and withdrawn by its void: both inside
the transaction of the payment or the void (the callers' write transaction)."""

from __future__ import annotations

from dataclasses import astuple

from gasdesk.domain.fapiao import FapiaoBuyer, check_buyer
from gasdesk.storage.models_fapiao import FapiaoRequest, FapiaoWithdrawal


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
