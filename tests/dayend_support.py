"""A small office set-up for the end-of-day tests, independent of the demo data:
two offices with two counters each, two tellers and a supervisor per office, a few
accounts. Passwords are the demo password."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from argon2 import PasswordHasher

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.services.payments import collect_payment
from gasdesk.services.voids import void_payment
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, Counter, Staff
from tests.helpers import create_office

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


def _hash(password: str) -> str:
    """A real argon2id hash with small cost parameters: verifying it (which reads the
    parameters from the hash) stays quick in tests that confirm many supervisors."""
    if password not in _hash_cache:
        _hash_cache[password] = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(
            password
        )
    return _hash_cache[password]


def seed() -> Setup:
    """Create the offices, counters, staff and accounts; return their ids."""
    pw = _hash(DEMO_PASSWORD)
    with write_transaction():
        ms = create_office("MS")
        wc = create_office("WC")
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


def pay(
    setup: Setup,
    *,
    method: str,
    amount_fen: int,
    tendered_fen: int | None = None,
    reference: str = "",
    staff_id: int | None = None,
    counter_id: int | None = None,
    account_index: int = 0,
    day: dt.date = DAY,
) -> ReceiptInfo:
    """A prepayment (预存) taken through the real fee-collection service; it needs no
    bills, so any amount can be collected."""
    return collect_payment(
        PaymentRequest(
            account_id=setup.account_ids[account_index],
            staff_id=staff_id or setup.teller_id,
            counter_id=counter_id or setup.counter_ids[0],
            kind="prepay",
            method=method,
            expected_due_fen=amount_fen,
            idempotency_key=f"pay-{next(_keys)}",
            tendered_fen=tendered_fen if method == "cash" else None,
            reference=reference,
        ),
        today=day,
    )


def void(
    setup: Setup,
    payment_id: int,
    *,
    reason: str,
    staff_id: int | None = None,
    counter_id: int | None = None,
    day: dt.date = DAY,
) -> ReceiptInfo:
    """A void authorised by the office's supervisor, through the real void service."""
    return void_payment(
        payment_id=payment_id,
        staff_id=staff_id or setup.teller_id,
        counter_id=counter_id or setup.counter_ids[0],
        supervisor_badge="MS09",
        supervisor_password=DEMO_PASSWORD,
        reason=reason,
        idempotency_key=f"void-{next(_keys)}",
        today=day,
    )
