"""The arrears list (欠费清单) for collection visits: every account of the office (or
of every office) with bills not settled on a day, its unpaid amount by the age of the
bills (months since the end of each bill's period: at most 1, over 1 up to 3, over 3),
sorted by office and address so that a visit can follow the streets."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from peewee import JOIN, fn

from gasdesk.domain.ledgers import ArrearsLine, ArrearsList, age_band
from gasdesk.storage.models import Account, Bill, Office, Payment, PaymentBill, now


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def arrears_list(office_id: int | None, as_of: dt.date) -> ArrearsList:
    """What is unpaid at the end of `as_of`: bills written by then, less what payments
    of business days up to then settled."""
    end = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    paid: Any = (
        PaymentBill.select(PaymentBill.bill, fn.SUM(PaymentBill.amount_fen).alias("fen"))
        .join(Payment, on=(PaymentBill.payment == Payment.id))
        .where(Payment.business_date <= as_of)
        .group_by(PaymentBill.bill)
    )
    settled = fn.COALESCE(paid.c.fen, 0)
    unpaid: Any = (
        Bill.select(Bill.account, Bill.period_end, Bill.amount_fen - settled)
        .join(Account, on=(Bill.account == Account.id))
        .join(paid, JOIN.LEFT_OUTER, on=(paid.c.bill_id == Bill.id))
        .where((Bill.created_at < end) & (Bill.amount_fen > 0) & (Bill.amount_fen > settled))
    )
    if office_id is not None:
        unpaid = unpaid.where(Account.office == office_id)
    owed: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    count: dict[int, int] = defaultdict(int)
    oldest: dict[int, dt.date] = {}
    for account_id, period_end, left in unpaid.tuples():
        day = _as_date(period_end)
        owed[account_id][age_band(day, as_of)] += int(left)
        count[account_id] += 1
        oldest[account_id] = min(day, oldest.get(account_id, day))
    offices = {o.id: o for o in Office.select()}
    lines = []
    if owed:
        accounts = Account.select()
        if office_id is not None:
            accounts = accounts.where(Account.office == office_id)
        for a in accounts:
            if a.id not in owed:
                continue
            bands = owed[a.id]
            lines.append(
                ArrearsLine(
                    account_number=a.number,
                    account_name=a.name,
                    address=a.address,
                    phone=a.phone,
                    office_code=offices[a.office_id].code,
                    status=a.status,
                    bills=count[a.id],
                    oldest_period_end=oldest[a.id],
                    within_1_fen=bands["within_1"],
                    from_1_to_3_fen=bands["from_1_to_3"],
                    over_3_fen=bands["over_3"],
                    balance_fen=a.balance_fen,
                )
            )
    lines.sort(key=lambda line: (line.office_code, line.address, line.account_number))
    office = offices.get(office_id) if office_id is not None else None
    return ArrearsList(
        office_code=office.code if office else "",
        office_name=office.name if office else "",
        as_of=as_of,
        lines=tuple(lines),
        generated_at=now(),
    )
