"""A small counter world for the service-quality tests: one office with two counters,
two tellers and two accounts in a fresh migrated SQLite file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gasdesk.storage.db import open_database
from gasdesk.storage.models import Account, Counter, Office, Staff


@dataclass
class World:
    office_id: int
    counter_ids: tuple[int, int]
    staff_ids: tuple[int, int]
    account_ids: tuple[int, int]


def make_world(tmp_path: Path) -> World:
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    office = Office.create(
        code="MS",
        name="萌水营业室",
        address="文昌湖区政务大厅一楼",
        phone="0533-6886656",
        hours="08:30-12:00,13:30-17:00",
    )
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
    return World(
        office_id=office.id,
        counter_ids=(counters[0].id, counters[1].id),
        staff_ids=(staff[0].id, staff[1].id),
        account_ids=(accounts[0].id, accounts[1].id),
    )
