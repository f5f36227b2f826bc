"""The monthly receivables ledger (应收台账) of an office's accounts (or of every
account), and how its settlements tie to the office's day reports of the month.

A bill counts from the day it was written (Bill.created_at); a settlement on the
business day of its payment (a void's negative settlement on the void's day).
Settlements of payments by the prepaid balance are 'credited', the others 'paid'.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from peewee import JOIN, fn

from gasdesk.domain.ledgers import CollectionTie, DayTotal, Month, ReceivableLine, ReceivablesLedger
from gasdesk.domain.methods import BALANCE
from gasdesk.storage.models import Account, Bill, Office, Payment, PaymentBill, now


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _sum_by(rows: Iterable[tuple[Any, ...]]) -> dict[Any, int]:
    out: dict[Any, int] = defaultdict(int)
    for *key, total in rows:
        out[key[0] if len(key) == 1 else tuple(key)] += int(total or 0)
    return out


def _billed(office_id: int | None, since: dt.date | None, before: dt.date) -> dict[int, int]:
    """Fen billed per account, bills written before `before` (and from `since`)."""
    query: Any = (
        Bill.select(Bill.account, fn.SUM(Bill.amount_fen))
        .join(Account, on=(Bill.account == Account.id))
        .where(Bill.created_at < _midnight(before))
    )
    if since is not None:
        query = query.where(Bill.created_at >= _midnight(since))
    if office_id is not None:
        query = query.where(Account.office == office_id)
    return _sum_by(query.group_by(Bill.account).tuples())


def _settled(
    office_id: int | None, since: dt.date | None, before: dt.date
) -> dict[tuple[int, str, int], int]:
    """Fen settled per (account, method, office of the payment) by payments of the
    business days before `before` (and from `since`), for the office's accounts."""
    query: Any = (
        PaymentBill.select(
            Bill.account, Payment.method, Payment.office, fn.SUM(PaymentBill.amount_fen)
        )
        .join(Bill, on=(PaymentBill.bill == Bill.id))
        .join(Account, on=(Bill.account == Account.id))
        .switch(PaymentBill)
        .join(Payment, on=(PaymentBill.payment == Payment.id))
        .where(Payment.business_date < before)
    )
    if since is not None:
        query = query.where(Payment.business_date >= since)
    if office_id is not None:
        query = query.where(Account.office == office_id)
    grouped = query.group_by(Bill.account, Payment.method, Payment.office).tuples()
    return {(a, m, o): int(total or 0) for a, m, o, total in grouped}


def _for_others(office_id: int, month: Month) -> int:
    """Fen settled by payments at `office_id` in `month` for other offices' accounts."""
    value = (
        PaymentBill.select(fn.SUM(PaymentBill.amount_fen))
        .join(Bill, on=(PaymentBill.bill == Bill.id))
        .join(Account, on=(Bill.account == Account.id))
        .switch(PaymentBill)
        .join(Payment, on=(PaymentBill.payment == Payment.id))
        .where(
            (Payment.office == office_id)
            & (Account.office != office_id)
            & (Payment.business_date >= month.first)
            & (Payment.business_date < month.after)
        )
        .scalar()
    )
    return int(value or 0)


def _collections(office_id: int | None, month: Month) -> tuple[dict[str, int], list[DayTotal]]:
    """The month's payments at the office: net fen per kind (a void counts for the kind
    it reverses), and per business day (payments, voids, net)."""
    original = Payment.alias()
    query: Any = (
        Payment.select(
            Payment.business_date,
            Payment.kind,
            original.kind,
            fn.COUNT(Payment.id),
            fn.SUM(Payment.amount_fen),
        )
        .join(original, JOIN.LEFT_OUTER, on=(Payment.voids == original.id))
        .where((Payment.business_date >= month.first) & (Payment.business_date < month.after))
        .group_by(Payment.business_date, Payment.kind, original.kind)
    )
    if office_id is not None:
        query = query.where(Payment.office == office_id)
    by_kind: dict[str, int] = defaultdict(int)
    days: dict[dt.date, list[int]] = {}
    for day, kind, reversed_kind, count, total in query.tuples():
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        by_kind[reversed_kind if kind == "void" else kind] += int(total or 0)
        figures = days.setdefault(day, [0, 0, 0])
        figures[1 if kind == "void" else 0] += int(count)
        figures[2] += int(total or 0)
    totals = [DayTotal(d, p, v, net) for d, (p, v, net) in sorted(days.items())]
    return dict(by_kind), totals


def receivables(office_id: int | None, month: Month) -> ReceivablesLedger:
    """The ledger of `month` for the accounts of `office_id` (None: every account)."""
    start_billed = _billed(office_id, None, month.first)
    start_settled = _settled(office_id, None, month.first)
    billed = _billed(office_id, month.first, month.after)
    settled = _settled(office_id, month.first, month.after)
    start: dict[int, int] = defaultdict(int)
    for account, fen in start_billed.items():
        start[account] += fen
    for (account, _method, _office), fen in start_settled.items():
        start[account] -= fen
    paid: dict[int, int] = defaultdict(int)
    credited: dict[int, int] = defaultdict(int)
    elsewhere = 0
    for (account, method, taken_at), fen in settled.items():
        (credited if method == BALANCE else paid)[account] += fen
        if office_id is not None and taken_at != office_id:
            elsewhere += fen
    ids = {a for a, v in start.items() if v} | set(billed) | set(paid) | set(credited)
    offices = {o.id: o for o in Office.select()}
    accounts = Account.select(
        Account.id, Account.number, Account.name, Account.office, Account.user_type
    )
    if office_id is not None:
        accounts = accounts.where(Account.office == office_id)
    lines = []
    for a in accounts:
        if a.id not in ids:
            continue
        s, b, p, c = start[a.id], billed.get(a.id, 0), paid[a.id], credited[a.id]
        lines.append(
            ReceivableLine(
                account_number=a.number,
                account_name=a.name,
                office_code=offices[a.office_id].code,
                user_type=a.user_type,
                start_fen=s,
                billed_fen=b,
                paid_fen=p,
                credited_fen=c,
                end_fen=s + b - p - c,
            )
        )
    lines.sort(key=lambda line: line.account_number)
    by_kind, days = _collections(office_id, month)
    total_settled = sum(paid.values()) + sum(credited.values())
    for_others = _for_others(office_id, month) if office_id is not None else 0
    office = offices.get(office_id) if office_id is not None else None
    tie = CollectionTie(
        settled_fen=total_settled,
        elsewhere_fen=elsewhere,
        for_others_fen=for_others,
        bills_here_fen=by_kind.get("bill", 0),
        purchases_fen=by_kind.get("purchase", 0),
        prepayments_fen=by_kind.get("prepay", 0),
        day_reports_fen=sum(d.net_fen for d in days),
        days=tuple(days),
    )
    return ReceivablesLedger(
        office_code=office.code if office else "",
        office_name=office.name if office else "",
        month=month,
        lines=tuple(lines),
        tie=tie,
        generated_at=now(),
    )
