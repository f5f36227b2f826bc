"""A small database for the business-form tests: two offices, their staff, three accounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gasdesk.resources import load_toml
from gasdesk.services.passwords import hash_password
from gasdesk.storage.db import open_database, write_transaction
from gasdesk.storage.models import Account, Counter, Meter, Staff, db
from tests.helpers import counter_session, create_office

# 110105194912310021 is the textbook GB 11643 example (check digit 1... computed in tests).
VALID_ID = "11010519491231002X"


@dataclass
class World:
    office_id: int
    other_office_id: int
    teller_id: int
    supervisor_id: int
    counter_id: int
    account_id: int
    account_number: str


def seed(tmp_path: Path) -> World:
    open_database(tmp_path / "forms.db", key_path=tmp_path / "audit.key")
    pw = hash_password("123456")
    with write_transaction():
        ids = [create_office(o["code"]).id for o in load_toml("offices.toml")["office"]]
        counter: Any = Counter.create(office=ids[0], number=1, name="1号窗口")
        teller: Any = Staff.create(
            badge="MS01", name="李娜", role="teller", office=ids[0], password_hash=pw
        )
        sup: Any = Staff.create(
            badge="MS09", name="张伟", role="supervisor", office=ids[0], password_hash=pw
        )
        Staff.create(badge="MS02", name="王芳", role="teller", office=ids[0], password_hash=pw)
        acc: Any = Account.create(
            number="100001",
            name="王建国",
            initials="wjg",
            phone="13905331234",
            address="文昌湖区商家镇文昌路锦绣苑3号楼2单元201",
            office=ids[0],
        )
        Meter.create(
            number="MS-0001",
            account=acc,
            kind="ic_card",
            model="G2.5",
            installed_on=dt.date(2020, 1, 1),
        )
        Account.create(
            number="100002",
            name="赵丽",
            initials="zl",
            phone="13805339876",
            address="文昌湖区商家镇文昌路锦绣苑12号楼1单元502",
            office=ids[0],
        )
        Account.create(
            number="200001",
            name="孙强",
            initials="sq",
            phone="05336698001",
            address="王村镇金泉小区5号楼101",
            office=ids[1],
        )
    return World(ids[0], ids[1], teller.id, sup.id, counter.id, acc.id, acc.number)


def close() -> None:
    if not db.obj.is_closed():
        db.obj.close()


def make_ctx(world: World, tmp_path: Path, *, supervisor: bool = False) -> Any:
    """An AppContext logged in at counter 1 of the first office, on a real worker."""
    from gasdesk.settings import Settings
    from gasdesk.ui.context import AppContext
    from gasdesk.ui.worker import DbWorker

    session = counter_session(
        world.supervisor_id if supervisor else world.teller_id,
        world.counter_id,
        dt.datetime(2026, 9, 30, 8, 30),
    )
    settings = Settings(tmp_path / "settings.ini")
    return AppContext(session=session, worker=DbWorker(), settings=settings)
