"""Everything the meter-records view shows of one account, in one call."""

from __future__ import annotations

import datetime as dt
import importlib

from gasdesk.domain.account_view import (
    AccountView,
    BillLine,
    MeterInfo,
    OpenForm,
    OutageNotice,
    PaymentLine,
    arrears,
)
from gasdesk.domain.readings import ReadingPoint, ReadingRow, annotate
from gasdesk.domain.records import AccountSummary
from gasdesk.storage.models import (
    Account,
    Bill,
    FormRecord,
    Meter,
    Office,
    Payment,
    PaymentBill,
    Reading,
    Receipt,
    now,
)
from gasdesk.storage.rows import tuples

OUTAGE_SERVICE = "gasdesk.services.outages"
# Form statuses after which nothing more happens to the form.
FINISHED_FORM_STATUSES = ("closed", "cancelled")


def meter_info(m: Meter) -> MeterInfo:
    return MeterInfo(
        id=m.id,
        number=m.number,
        kind=m.kind,
        model=m.model,
        installed_on=m.installed_on,
        last_verified=m.last_verified,
        removed_on=m.removed_on,
        initial_l=m.initial_l,
    )


def account_meters(account_id: int) -> list[MeterInfo]:
    """All meters the account has had, newest installation first."""
    return [
        meter_info(m)
        for m in Meter.select()
        .where(Meter.account == account_id)
        .order_by(Meter.installed_on.desc(), Meter.id.desc())
    ]


def reading_history(account_id: int, meters: list[MeterInfo] | None = None) -> list[ReadingRow]:
    """All readings of the account, oldest first, with volumes and flags."""
    by_id = {m.id: m for m in (meters if meters is not None else account_meters(account_id))}
    rows = tuples(
        Reading.select(Reading.id, Reading.read_on, Reading.value_l, Reading.source, Reading.meter)
        .where(Reading.account == account_id)
        .order_by(Reading.read_on, Reading.id)
    )
    points = []
    for rid, read_on, value_l, source, meter_id in rows:
        m = by_id.get(meter_id)
        points.append(
            ReadingPoint(
                id=rid,
                read_on=read_on,
                value_l=value_l,
                source=source,
                meter_id=meter_id,
                meter_number=m.number if m else "",
                meter_initial_l=m.initial_l if m else 0,
                meter_installed_on=m.installed_on if m else None,
            )
        )
    return annotate(points)


def _receipts(payment_ids: list[int]) -> dict[int, tuple[int, str]]:
    """payment id -> (receipt id, receipt code such as WC-2025-000043)."""
    if not payment_ids:
        return {}
    rows = tuples(
        Receipt.select(Receipt.payment, Receipt.id, Receipt.series, Receipt.number).where(
            Receipt.payment.in_(payment_ids)
        )
    )
    return {pid: (rid, f"{series}-{number:06d}") for pid, rid, series, number in rows}


def payment_lines(
    account_id: int, start: dt.date | None = None, end: dt.date | None = None
) -> list[PaymentLine]:
    """The account's payments and voids, newest first (optionally by business date)."""
    where = Payment.account == account_id
    if start is not None:
        where &= Payment.business_date >= start
    if end is not None:
        where &= Payment.business_date <= end
    payments = list(
        Payment.select().where(where).order_by(Payment.created_at.desc(), Payment.id.desc())
    )
    voided = {
        pid
        for (pid,) in tuples(
            Payment.select(Payment.voids).where(
                (Payment.account == account_id) & Payment.voids.is_null(False)
            )
        )
    }
    originals = [p.voids_id for p in payments if p.voids_id]
    receipts = _receipts([p.id for p in payments] + originals)
    return [
        PaymentLine(
            id=p.id,
            business_date=p.business_date,
            created_at=p.created_at,
            kind=p.kind,
            method=p.method,
            amount_fen=p.amount_fen,
            volume_l=p.volume_l,
            receipt_id=receipts[p.id][0] if p.id in receipts else None,
            receipt_code=receipts[p.id][1] if p.id in receipts else "",
            voided=p.id in voided,
            voids_receipt=receipts[p.voids_id][1] if p.voids_id in receipts else "",
            reason=p.reason,
        )
        for p in payments
    ]


def bill_lines(
    account_id: int, start: dt.date | None = None, end: dt.date | None = None
) -> list[BillLine]:
    """The account's bills, newest first; a bill is settled when a payment that has
    not been voided is linked to it."""
    where = Bill.account == account_id
    if start is not None:
        where &= Bill.period_end >= start
    if end is not None:
        where &= Bill.period_end <= end
    bills = list(Bill.select().where(where).order_by(Bill.period_end.desc(), Bill.id.desc()))
    if not bills:
        return []
    voided = {
        pid
        for (pid,) in tuples(
            Payment.select(Payment.voids).where(
                (Payment.account == account_id) & Payment.voids.is_null(False)
            )
        )
    }
    links = tuples(
        PaymentBill.select(PaymentBill.bill, Payment.id)
        .join(Payment)
        .where(PaymentBill.bill.in_([b.id for b in bills]) & (Payment.kind != "void"))
        .order_by(Payment.id)
    )
    settled_by: dict[int, int] = {}
    for bill_id, payment_id in links:
        if payment_id not in voided:
            settled_by[bill_id] = payment_id
    receipts = _receipts(sorted(set(settled_by.values())))
    return [
        BillLine(
            id=b.id,
            period_start=b.period_start,
            period_end=b.period_end,
            volume_l=b.volume_l,
            amount_fen=b.amount_fen,
            settled=b.id in settled_by,
            receipt_code=receipts[settled_by[b.id]][1] if settled_by.get(b.id) in receipts else "",
        )
        for b in bills
    ]


def open_forms(account_id: int) -> list[OpenForm]:
    rows = tuples(
        FormRecord.select(
            FormRecord.id,
            FormRecord.number,
            FormRecord.kind,
            FormRecord.status,
            FormRecord.created_at,
        )
        .where(
            (FormRecord.account == account_id) & FormRecord.status.not_in(FINISHED_FORM_STATUSES)
        )
        .order_by(FormRecord.created_at.desc())
    )
    return [OpenForm(*row) for row in rows]


def planned_outages_for_account(address: str, at: dt.datetime | None = None) -> list[OutageNotice]:
    """Planned supply interruptions that affect the address (in force at `at` or
    starting soon), for the banner on the account view.

    Outage notices are registered through the business forms (停气通知), whose service
    `gasdesk.services.outages.outages_for_address(address, at)` knows the areas. This
    is the one place that asks it; while that service is not part of the build there
    are no notices to show and the answer is an empty list."""
    try:
        outages = importlib.import_module(OUTAGE_SERVICE)
    except ImportError:
        return []
    found = outages.outages_for_address(address, at or now())
    return [
        OutageNotice(
            starts_at=o.starts_at,
            ends_at=o.restore_at,
            area=o.area_text,
            reason=o.reason,
        )
        for o in found
        if not getattr(o, "cancelled", False)
    ]


def _summary(a: Account, meter: MeterInfo | None) -> AccountSummary:
    return AccountSummary(
        id=a.id,
        number=a.number,
        name=a.name,
        phone=a.phone,
        address=a.address,
        office_id=a.office_id,
        user_type=a.user_type,
        status=a.status,
        balance_fen=a.balance_fen,
        meter_number=meter.number if meter else "",
        meter_kind=meter.kind if meter else "",
    )


def load_account_view(account_id: int, at: dt.datetime | None = None) -> AccountView | None:
    """Everything the view shows of one account; `at` is the moment outage notices are
    judged against (now by default)."""
    a = Account.get_or_none(Account.id == account_id)
    if a is None:
        return None
    meters = account_meters(account_id)
    current = next((m for m in meters if m.in_service), None)
    bills = bill_lines(account_id)
    owed, unpaid = arrears(bills)
    office = Office.get_by_id(a.office_id)
    return AccountView(
        account=_summary(a, current),
        office_name=office.name,
        opened_on=a.opened_on,
        last_inspection=a.last_inspection,
        meter=current,
        old_meters=tuple(m for m in meters if not m.in_service),
        balance_fen=a.balance_fen,
        arrears_fen=owed,
        unpaid_bills=unpaid,
        open_forms=tuple(open_forms(account_id)),
        outages=tuple(planned_outages_for_account(a.address, at)),
        readings=tuple(reading_history(account_id, meters)),
        bills=tuple(bills),
        payments=tuple(payment_lines(account_id)),
    )
