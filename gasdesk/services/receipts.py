"""Receipts as documents: what a receipt says, its PDF, and logging every print.

The first print of a receipt is the original; every later print is a copy marked
重印 with the badge of who printed it and when. A print is logged (a ReceiptPrint row,
and an audit event for a copy) only after the paper was sent: `prepare_print()` makes
the PDF to send and writes nothing, `record_print()` logs it once the printer took it.
A printer that fails therefore leaves the next print an original, and a receipt only
looked at is never counted as printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from gasdesk.domain.fees import BillView
from gasdesk.domain.methods import BALANCE
from gasdesk.domain.receipts import CopyMark, ReceiptDoc, RefundInfo, VoidInfo
from gasdesk.domain.tariff import lines_from_json
from gasdesk.printing.receipt import render_receipt
from gasdesk.resources import load_toml
from gasdesk.services.billing import bill_view
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import (
    Bill,
    Meter,
    Payment,
    PaymentBill,
    Receipt,
    ReceiptPrint,
    Staff,
    now,
)
from gasdesk.storage.receipt_numbers import format_code


@dataclass(frozen=True)
class PrintCopy:
    """What to send to the printer: the original, or a copy marked 重印 at `at`."""

    pdf: bytes
    reprint: bool
    code: str
    receipt_id: int
    staff_id: int
    layout: str
    at: dt.datetime


@lru_cache(maxsize=1)
def company_info() -> tuple[str, tuple[tuple[str, str], ...]]:
    data = load_toml("offices.toml")
    phones = [
        ("服务电话", data.get("service_phone", "")),
        ("投诉电话", data.get("complaint_phone", "")),
        ("监督电话", data.get("supervision_phone", "")),
    ]
    return str(data.get("company", "")), tuple((k, str(v)) for k, v in phones if v)


def _balance_delta(p: Payment) -> int:
    if p.kind in ("prepay", "refund"):  # a refund's amount is negative
        return int(p.amount_fen)
    if p.kind == "bill" and p.method == BALANCE:
        return -int(p.amount_fen)
    if p.kind == "void" and p.voids_id:
        return -_balance_delta(p.voids)
    return 0


def _balance_after(payment: Payment) -> int:
    later = Payment.select().where(
        (Payment.account == payment.account_id) & (Payment.id > payment.id)
    )
    return int(payment.account.balance_fen) - sum(_balance_delta(p) for p in later)


def _bills_of(payment: Payment) -> tuple[BillView, ...]:
    links = (
        PaymentBill.select(PaymentBill, Bill)
        .join(Bill)
        .where(PaymentBill.payment == payment.id)
        .order_by(Bill.period_end, Bill.id)
    )
    return tuple(
        bill_view(link.bill, link.bill.amount_fen - abs(link.amount_fen)) for link in links
    )


def _badge(staff_id: int | None) -> str:
    staff = Staff.get_or_none(Staff.id == staff_id) if staff_id else None
    return str(staff.badge) if staff is not None else ""


def receipt_document(receipt_id: int, copy: CopyMark | None = None) -> ReceiptDoc:
    receipt = Receipt.get_by_id(receipt_id)
    payment: Payment = receipt.payment
    account = payment.account
    office = payment.office
    meter = (
        Meter.select()
        .where((Meter.account == account.id) & Meter.removed_on.is_null())
        .order_by(Meter.installed_on.desc())
        .first()
    )
    company, phones = company_info()
    void = None
    refund = None
    amount = payment.amount_fen
    if payment.kind == "refund":
        refund = RefundInfo(
            reason=payment.reason, authorised_badge=_badge(payment.authorised_by_id)
        )
        amount = -amount
    if payment.kind == "void":
        original = payment.voids
        first = Receipt.get(Receipt.payment == original.id)
        void = VoidInfo(
            original_code=format_code(first.series, first.number),
            original_issued_at=first.issued_at,
            reason=payment.reason,
            authorised_badge=_badge(payment.authorised_by_id),
        )
        amount = -amount
    return ReceiptDoc(
        company=company,
        office_name=office.name,
        office_address=office.address,
        office_phone=office.phone,
        phones=phones,
        code=format_code(receipt.series, receipt.number),
        issued_at=receipt.issued_at,
        teller_badge=payment.staff.badge,
        account_number=account.number,
        account_name=account.name,
        account_address=account.address,
        meter_number=meter.number if meter else "",
        kind=payment.kind,
        method=payment.method,
        amount_fen=amount,
        tendered_fen=payment.tendered_fen,
        change_fen=payment.change_fen,
        reference=payment.reference,
        volume_l=abs(payment.volume_l),
        bills=_bills_of(payment) if payment.kind == "bill" else (),
        purchase_lines=lines_from_json(payment.lines_json) if payment.kind == "purchase" else (),
        balance_after_fen=_balance_after(payment)
        if payment.kind in ("prepay", "refund") or payment.method == BALANCE
        else None,
        void=void,
        refund=refund,
        copy=copy,
    )


def receipt_pdf(receipt_id: int, layout: str = "80mm") -> bytes:
    """The receipt as issued (for the preview); logs nothing."""
    return render_receipt(receipt_document(receipt_id), layout)


def prepare_print(
    receipt_id: int, staff_id: int, layout: str = "80mm", *, at: dt.datetime | None = None
) -> PrintCopy:
    """The PDF to send to the printer now (nothing is logged): the original if the
    receipt was never printed, else a copy marked 重印 with who and when. It is also
    what the preview of a reprint shows."""
    at = at or now()
    receipt = Receipt.get_by_id(receipt_id)
    reprint = ReceiptPrint.select().where(ReceiptPrint.receipt == receipt_id).exists()
    staff = Staff.get_by_id(staff_id)
    mark = CopyMark(badge=staff.badge, at=at) if reprint else None
    return PrintCopy(
        pdf=render_receipt(receipt_document(receipt_id, mark), layout),
        reprint=reprint,
        code=format_code(receipt.series, receipt.number),
        receipt_id=receipt_id,
        staff_id=staff_id,
        layout=layout,
        at=at,
    )


def record_print(copy: PrintCopy) -> None:
    """Log a print that the printer has taken: a ReceiptPrint row, and an audit event
    for a copy (重印). Call it after the paper was sent, never before."""
    with write_transaction():
        staff = Staff.get_by_id(copy.staff_id)
        ReceiptPrint.create(
            receipt=copy.receipt_id, staff=copy.staff_id, printed_at=copy.at, reprint=copy.reprint
        )
        if copy.reprint:
            audit.append(
                "receipt_reprint",
                staff_id=copy.staff_id,
                office_id=staff.office_id,
                receipt=copy.code,
                layout=copy.layout,
            )
