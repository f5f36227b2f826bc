"""Everything the meter-records view shows of one account, in one call."""

from __future__ import annotations

import datetime as dt

from peewee import JOIN

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
from gasdesk.services.account_changes import account_history
from gasdesk.services.outages import outages_for_address
from gasdesk.services.search import account_summary, summary_fields
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

# Form statuses after which nothing more happens to the form.
FINISHED_FORM_STATUSES = ("closed", "cancelled")


def account_meters(account_id: int) -> list[MeterInfo]:
    """All meters the account has had, newest installation first."""
    return [
        MeterInfo(*row)
        for row in tuples(
            Meter.select(
                Meter.id,
                Meter.number,
                Meter.kind,
                Meter.model,
                Meter.installed_on,
                Meter.last_verified,
                Meter.removed_on,
                Meter.initial_l,
            )
            .where(Meter.account == account_id)
            .order_by(Meter.installed_on.desc(), Meter.id.desc())
        )
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


def _all_payments(account_id: int) -> list[PaymentLine]:
    """Every payment and void of the account with its receipt, newest first, in one
    query (a void belongs to the same account as the payment it cancels)."""
    rows = tuples(
        Payment.select(
            Payment.id,
            Payment.business_date,
            Payment.created_at,
            Payment.kind,
            Payment.method,
            Payment.amount_fen,
            Payment.volume_l,
            Payment.voids,
            Payment.reason,
            Receipt.id,
            Receipt.series,
            Receipt.number,
        )
        .join(Receipt, JOIN.LEFT_OUTER, on=(Receipt.payment == Payment.id))
        .where(Payment.account == account_id)
        .order_by(Payment.created_at.desc(), Payment.id.desc())
    )
    codes = {r[0]: f"{r[10]}-{r[11]:06d}" for r in rows if r[9] is not None}
    voided = {r[7] for r in rows if r[7] is not None}
    return [
        PaymentLine(
            id=pid,
            business_date=business_date,
            created_at=created_at,
            kind=kind,
            method=method,
            amount_fen=amount_fen,
            volume_l=volume_l,
            receipt_id=receipt_id,
            receipt_code=codes.get(pid, ""),
            voided=pid in voided,
            voids_receipt=codes.get(voids, "") if voids is not None else "",
            reason=reason,
        )
        for (
            pid,
            business_date,
            created_at,
            kind,
            method,
            amount_fen,
            volume_l,
            voids,
            reason,
            receipt_id,
            _series,
            _number,
        ) in rows
    ]


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def payment_lines(
    account_id: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
    payments: list[PaymentLine] | None = None,
) -> list[PaymentLine]:
    """The account's payments and voids, newest first (optionally by business date)."""
    every = payments if payments is not None else _all_payments(account_id)
    return [p for p in every if _within(p.business_date, start, end)]


def bill_lines(
    account_id: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
    payments: list[PaymentLine] | None = None,
) -> list[BillLine]:
    """The account's bills, newest first (optionally by the end of their period); a
    bill is settled when a payment that has not been voided is linked to it."""
    bills = tuples(
        Bill.select(Bill.id, Bill.period_start, Bill.period_end, Bill.volume_l, Bill.amount_fen)
        .where(Bill.account == account_id)
        .order_by(Bill.period_end.desc(), Bill.id.desc())
    )
    bills = [b for b in bills if _within(b[2], start, end)]
    if not bills:
        return []
    standing = {
        p.id: p.receipt_code
        for p in (payments if payments is not None else _all_payments(account_id))
        if p.kind != "void" and not p.voided
    }
    links = tuples(
        PaymentBill.select(PaymentBill.bill, PaymentBill.payment)
        .join(Bill)
        .where(Bill.account == account_id)
        .order_by(PaymentBill.payment)
    )
    settled_by = {bill_id: standing[pid] for bill_id, pid in links if pid in standing}
    return [
        BillLine(
            id=bid,
            period_start=period_start,
            period_end=period_end,
            volume_l=volume_l,
            amount_fen=amount_fen,
            settled=bid in settled_by,
            receipt_code=settled_by.get(bid, ""),
        )
        for bid, period_start, period_end, volume_l, amount_fen in bills
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
    """Planned supply interruptions (停气通知, registered through the business forms)
    that cover the address and are in force at `at` or start within the next days,
    for the banner on the account view."""
    return [
        OutageNotice(starts_at=o.starts_at, ends_at=o.restore_at, area=o.area_text, reason=o.reason)
        for o in outages_for_address(address, at or now())
        if not o.cancelled
    ]


def load_account_view(account_id: int, at: dt.datetime | None = None) -> AccountView | None:
    """Everything the view shows of one account; `at` is the moment outage notices are
    judged against (now by default)."""
    row = tuples(
        Account.select(*summary_fields(), Account.opened_on, Account.last_inspection, Office.name)
        .join(Office)
        .where(Account.id == account_id)
    )
    if not row:
        return None
    opened_on, last_inspection, office_name = row[0][-3:]
    meters = account_meters(account_id)
    current = next((m for m in meters if m.in_service), None)
    summary = account_summary(
        row[0], current.number if current else "", current.kind if current else ""
    )
    payments = _all_payments(account_id)
    bills = bill_lines(account_id, payments=payments)
    owed, unpaid = arrears(bills)
    return AccountView(
        account=summary,
        office_name=office_name,
        opened_on=opened_on,
        last_inspection=last_inspection,
        meter=current,
        old_meters=tuple(m for m in meters if not m.in_service),
        balance_fen=summary.balance_fen,
        arrears_fen=owed,
        unpaid_bills=unpaid,
        open_forms=tuple(open_forms(account_id)),
        outages=tuple(planned_outages_for_account(summary.address, at)),
        readings=tuple(reading_history(account_id, meters)),
        bills=tuple(bills),
        payments=tuple(payments),
        history=tuple(account_history(account_id)),
    )
