"""A small deterministic data set for the reliability tests: both offices, their
counters, the demo staff (all with the demo password), a few accounts, and MS01's
shift open at Mengshui counter 1 today (money is taken only into a shift)."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher

from gasdesk.demo import DEMO_PASSWORD, DEMO_STAFF
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, Counter, Office, Staff
from tests.helpers import open_test_shift

OFFICES = [
    ("MS", "萌水营业室", "文昌湖区政务大厅一楼", "0533-6886656", 3),
    ("WC", "王村营业室", "王村镇金泉小区东沿街房", "0533-6698798", 2),
]
ACCOUNTS = [
    ("1001000001", "张建国", "13905330001"),
    ("1001000002", "李秀英", "13905330002"),
    ("1001000003", "王志强", "13905330003"),
    ("1001000004", "刘桂兰", "13905330004"),
    ("2002000001", "陈晓明", "13905330005"),
    ("2002000002", "赵丽娟", "13905330006"),
]


@lru_cache(maxsize=1)
def demo_hash() -> str:
    """argon2id is slow on purpose (about 0.15 s a check with the default cost); the
    seed's hashes use the lowest cost, which check_password() reads from the hash."""
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(DEMO_PASSWORD)


def seed() -> None:
    with write_transaction():
        offices = {}
        for code, name, address, phone, counters in OFFICES:
            office = Office.create(
                code=code, name=name, address=address, phone=phone, hours="08:30-12:00,13:30-17:00"
            )
            offices[code] = office
            for n in range(1, counters + 1):
                Counter.create(office=office, number=n, name=f"{n}号窗口")
        for badge, name, role, code in DEMO_STAFF:
            Staff.create(
                badge=badge, name=name, role=role, office=offices[code], password_hash=demo_hash()
            )
        for number, name, phone in ACCOUNTS:
            office = offices["MS"] if number.startswith("1") else offices["WC"]
            Account.create(number=number, name=name, phone=phone, address="文昌湖区", office=office)
    teller = Staff.get(Staff.badge == "MS01")
    counter = Counter.get((Counter.office == teller.office) & (Counter.number == 1))
    open_test_shift(teller.id, counter.id)
