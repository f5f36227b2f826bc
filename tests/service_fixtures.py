"""A small counter world for the service-quality tests: one office with two counters,
two tellers and two accounts in a fresh migrated SQLite file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gasdesk.storage.db import open_database
from gasdesk.storage.models import Account, Counter, Staff
from tests import helpers
from tests.fees_support import add_tariff
from tests.helpers import create_office


@dataclass
class World:
    office_id: int
    counter_ids: tuple[int, int]
    staff_ids: tuple[int, int]
    account_ids: tuple[int, int]


def make_world(tmp_path: Path) -> World:
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    return seed_world()


def seed_world() -> World:
    """The small world, in the database the models are bound to."""
    office = create_office("MS")
    counters = [Counter.create(office=office, number=n, name=f"{n}号窗口") for n in (1, 2)]
    staff = [
        Staff.create(badge=b, name=n, role="teller", office=office, password_hash="x")
        for b, n in (("MS01", "李娜"), ("MS02", "王芳"))
    ]
    accounts = [
        Account.create(
            number=num, name=name, address="文昌湖区", office=office, opened_on=dt.date(2020, 1, 1)
        )
        for num, name in (("100001", "张三"), ("100002", "李四"))
    ]
    # a tariff, as every real database has: without it the fee tab, which loads the
    # customer's statement on selection, refuses, and the refusal changes the phrases
    add_tariff("居民阶梯气价", dt.date(2020, 1, 1), [(400, 300), (600, 360), (None, 450)])
    return World(
        office_id=office.id,
        counter_ids=(counters[0].id, counters[1].id),
        staff_ids=(staff[0].id, staff[1].id),
        account_ids=(accounts[0].id, accounts[1].id),
    )


def make_payment(
    world: World, *, amount_fen: int, tendered_fen: int, number: int
) -> tuple[int, str]:
    """A recorded cash payment with its receipt, as fee collection leaves it:
    returns (payment id, receipt code)."""
    from gasdesk.storage.models import Payment, Receipt

    payment = Payment.create(
        account=world.account_ids[0],
        office=world.office_id,
        counter=world.counter_ids[0],
        staff=world.staff_ids[0],
        business_date=dt.date.today(),
        kind="bill",
        method="cash",
        amount_fen=amount_fen,
        tendered_fen=tendered_fen,
        change_fen=tendered_fen - amount_fen,
        idempotency_key=f"test-{number}",
    )
    receipt = Receipt.create(series="MS-2026", number=number, payment=payment)
    return payment.id, receipt.code


def counter_session(world: World, teller: int = 0):  # type: ignore[no-untyped-def]
    """The LoginSession of a teller at their counter (no password involved)."""
    return helpers.counter_session(
        world.staff_ids[teller],
        world.counter_ids[teller],
        dt.datetime.now().replace(microsecond=0),
    )
