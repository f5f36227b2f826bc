"""A small office set-up for the end-of-day tests, independent of the demo data:
two offices with two counters each, two tellers and a supervisor per office, a few
accounts. Passwords are the demo password."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.services.passwords import hash_password
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import (
    Account,
    Counter,
    Office,
    Payment,
    Receipt,
    ReceiptCounter,
    Staff,
)

DAY = dt.date(2026, 11, 20)
_keys = itertools.count(1)
_hash_cache: dict[str, str] = {}


@dataclass(frozen=True)
class Setup:
    office_id: int
    other_office_id: int
    counter_ids: tuple[int, int]
    teller_id: int
    teller2_id: int
    supervisor_id: int
    other_supervisor_id: int
    account_ids: tuple[int, ...]


def next_receipt_number(series: str) -> int:
    ReceiptCounter.insert(series=series, last=0).on_conflict_ignore().execute()
    ReceiptCounter.update(last=ReceiptCounter.last + 1).where(
        ReceiptCounter.series == series
    ).execute()
    return int(ReceiptCounter.get_by_id(series).last)


def _hash(password: str) -> str:
    if password not in _hash_cache:
        _hash_cache[password] = hash_password(password)
    return _hash_cache[password]


def seed() -> Setup:
    """Create the offices, counters, staff and accounts; return their ids."""
    pw = _hash(DEMO_PASSWORD)
    with write_transaction():
        ms = Office.create(
            code="MS",
            name="萌水营业室",
            address="文昌湖区政务大厅一楼",
            phone="0533-6886656",
            hours="08:30-12:00,13:30-17:00",
        )
        wc = Office.create(
            code="WC",
            name="王村营业室",
            address="王村镇金泉小区东沿街房",
            phone="0533-6698798",
            hours="08:30-12:00,13:30-17:00",
        )
        c1 = Counter.create(office=ms, number=1, name="1号窗口")
        c2 = Counter.create(office=ms, number=2, name="2号窗口")
        Counter.create(office=wc, number=1, name="1号窗口")
        t1 = Staff.create(badge="MS01", name="李娜", role="teller", office=ms, password_hash=pw)
        t2 = Staff.create(badge="MS02", name="王芳", role="teller", office=ms, password_hash=pw)
        sup = Staff.create(
            badge="MS09", name="张伟", role="supervisor", office=ms, password_hash=pw
        )
        other = Staff.create(
            badge="WC09", name="赵磊", role="supervisor", office=wc, password_hash=pw
        )
        accounts = [
            Account.create(
                number=f"10{n:06d}",
                name=name,
                address=f"文昌湖区商家村{n}号",
                office=ms,
                phone=f"1380533{n:04d}",
            )
            for n, name in enumerate(["张三", "李四", "王五", "赵六"], start=1)
        ]
    return Setup(
        office_id=ms.id,
        other_office_id=wc.id,
        counter_ids=(c1.id, c2.id),
        teller_id=t1.id,
        teller2_id=t2.id,
        supervisor_id=sup.id,
        other_supervisor_id=other.id,
        account_ids=tuple(a.id for a in accounts),
    )


def record_payment(
    setup: Setup,
    *,
    shift_id: int | None,
    method: str,
    amount_fen: int,
    tendered_fen: int = 0,
    staff_id: int | None = None,
    counter_id: int | None = None,
    reference: str = "",
    day: dt.date = DAY,
) -> int:
    """A payment row with its receipt, written the way fee collection writes one.
    For tests of the end-of-day arithmetic that need many payments quickly."""
    change = tendered_fen - amount_fen if method == "cash" and tendered_fen else 0
    with write_transaction():
        p = Payment.create(
            account=setup.account_ids[0],
            office=setup.office_id,
            counter=counter_id or setup.counter_ids[0],
            staff=staff_id or setup.teller_id,
            shift=shift_id,
            business_date=day,
            kind="bill",
            method=method,
            amount_fen=amount_fen,
            tendered_fen=tendered_fen if method == "cash" else 0,
            change_fen=change,
            reference=reference,
            idempotency_key=f"test-{next(_keys)}",
        )
        series = f"MS-{day.year}"
        Receipt.create(series=series, number=next_receipt_number(series), payment=p.id)
        audit.append(
            "payment",
            staff_id=p.staff_id,
            office_id=setup.office_id,
            payment_id=p.id,
            amount_fen=amount_fen,
        )
    return int(p.id)


def record_void(setup: Setup, payment_id: int, *, shift_id: int | None, reason: str) -> int:
    original = Payment.get_by_id(payment_id)
    with write_transaction():
        v = Payment.create(
            account=original.account_id,
            office=original.office_id,
            counter=original.counter_id,
            staff=original.staff_id,
            shift=shift_id,
            business_date=original.business_date,
            kind="void",
            method=original.method,
            amount_fen=-original.amount_fen,
            reference=original.reference,
            idempotency_key=f"test-{next(_keys)}",
            voids=original.id,
            reason=reason,
            authorised_by=setup.supervisor_id,
        )
        audit.append(
            "void",
            staff_id=v.staff_id,
            office_id=setup.office_id,
            payment_id=v.id,
            amount_fen=v.amount_fen,
        )
    return int(v.id)
