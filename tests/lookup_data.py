"""A small, hand-made data set for the meter-records tests: customers chosen to exercise
each search kind, and one prepared readings history with every flag in it.

Import the fixtures into a test module: `from tests.lookup_data import lookup_db`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from gasdesk.services.search import rebuild_search_index
from gasdesk.storage.db import open_database, write_transaction
from gasdesk.storage.models import (
    Account,
    Bill,
    Counter,
    FormRecord,
    Meter,
    Payment,
    PaymentBill,
    Reading,
    Receipt,
    Staff,
    db,
)
from tests.helpers import counter_session, create_office
from tests.pg_support import reset_pg_schema

TODAY = dt.date(2026, 3, 20)

# number, name, phone, address, meter number
CUSTOMERS = [
    ("3301000001", "张三", "13805331234", "王村镇金泉小区3号楼2单元501", "MS23010001"),
    ("3301000002", "张三丰", "13905339876", "王村镇金泉小区5号楼1单元102", "MS23010002"),
    ("3301000003", "曾国藩", "15805330001", "文昌湖区商家村12号", "MS23010003"),
    ("3301000004", "单田芳", "18605335678", "文昌湖区萌山花园7号楼301", "MS23010004"),
    ("3301000005", "解小东", "13705332222", "王村镇金泉小区3号楼1单元201", "WC23010005"),
    ("3301000006", "仇英", "13605333333", "王村镇南韩村45号", "WC23010006"),
    ("3301000007", "区志坚", "13505334444", "文昌湖区萌水镇政府宿舍2号楼", "WC23010007"),
    ("3301000008", "查良镛", "13405335555", "王村镇金泉小区8号楼3单元602", "WC23010008"),
    ("3301000009", "朴树", "15905336666", "王村镇西村78号", "WC23010009"),
    ("3302000010", "李四", "17705337777", "王村镇金泉小区3号楼2单元502", "WC23010010"),
    ("3302000011", "王小明", "18805338888", "萌水镇张三村1号", "WC23010011"),
]


@dataclass
class LookupData:
    path: Path
    office_id: int
    counter_id: int
    staff_id: int
    accounts: dict[str, int]  # name -> account id
    history_account: int  # 张三: the prepared readings history
    old_meter: str
    new_meter: str


def _meter(account: Account, number: str, installed: dt.date, initial_l: int = 0) -> Meter:
    return Meter.create(
        number=number,
        account=account,
        kind="mechanical",
        model="G2.5 膜式表",
        installed_on=installed,
        last_verified=installed,
        initial_l=initial_l,
    )


def _history(account: Account, staff: Staff) -> tuple[Meter, Meter]:
    """张三's history, 2023-12 .. 2026-02, monthly on the 15th:
    - 2025-01 uses 60 m³ where 2024-01 used 20 m³ (far above last year);
    - 2025-05 .. 2025-07 are estimated three months in a row;
    - 2025-09 reads lower than 2025-08 (a misread);
    - the meter is changed on 2025-11-01; the new meter starts at 0 and reads
      7, 26, 47 and 64 m³ on 2025-11-15 .. 2026-02-15.
    """
    old = _meter(account, "MS19990001", dt.date(2019, 5, 1))
    old.removed_on = dt.date(2025, 11, 1)
    old.save()
    new = Meter.get(Meter.number == "MS23010001")
    new.installed_on = dt.date(2025, 11, 1)
    new.initial_l = 0
    new.save()
    monthly_m3 = {1: 20, 2: 18, 3: 15, 4: 10, 5: 8, 6: 6, 7: 5, 8: 5, 9: 6, 10: 9, 11: 14, 12: 19}
    value = 1_000_000  # litres on the old meter at the start
    rows: list[tuple[dt.date, int, str, Meter]] = [(dt.date(2023, 12, 15), value, "reader", old)]
    for year in (2024, 2025):
        for month in range(1, 13):
            day = dt.date(year, month, 15)
            if day >= dt.date(2025, 11, 1):
                break
            use = monthly_m3[month] * 1000
            if (year, month) == (2025, 1):
                use = 60_000
            value += use
            source = "estimated" if (year, month) in ((2025, 5), (2025, 6), (2025, 7)) else "reader"
            shown = value - 10_000 if (year, month) == (2025, 9) else value
            rows.append((day, shown, source, old))
    new_value = 0
    for day, use in (
        (dt.date(2025, 11, 15), 7_000),
        (dt.date(2025, 12, 15), 19_000),
        (dt.date(2026, 1, 15), 21_000),
        (dt.date(2026, 2, 15), 17_000),
    ):
        new_value += use
        rows.append((day, new_value, "reader", new))
    for day, v, source, meter in rows:
        Reading.create(
            meter=meter, account=account, read_on=day, value_l=v, source=source, recorded_by=staff
        )
    return old, new


def build_lookup_data(directory: Path, url: str | None = None) -> LookupData:
    """The data set in a new SQLite file in `directory`, or in the (emptied)
    PostgreSQL database at `url`."""
    path = directory / "lookup.db"
    if url:
        reset_pg_schema(url)
        open_database(url=url, key_path=directory / "audit.key")
    else:
        open_database(path, key_path=directory / "audit.key")
    with write_transaction():
        office = create_office("WC")
        counter = Counter.create(office=office, number=1, name="1号窗口")
        staff = Staff.create(
            badge="T001", name="刘敏", role="teller", office=office, password_hash="x"
        )
        accounts: dict[str, int] = {}
        for number, name, phone, address, meter in CUSTOMERS:
            a = Account.create(
                number=number,
                name=name,
                phone=phone,
                address=address,
                office=office,
                opened_on=dt.date(2019, 5, 1),
                last_inspection=dt.date(2025, 6, 3),
            )
            _meter(a, meter, dt.date(2023, 1, 10))
            accounts[name] = a.id
        zhang = Account.get_by_id(accounts["张三"])
        old, new = _history(zhang, staff)
        # Two bills: the first paid (then the payment voided and paid again), the second open.
        b1 = Bill.create(
            account=zhang,
            meter=new,
            period_start=dt.date(2025, 11, 15),
            period_end=dt.date(2025, 12, 15),
            volume_l=19_000,
            amount_fen=5_700,
        )
        b2 = Bill.create(
            account=zhang,
            meter=new,
            period_start=dt.date(2025, 12, 15),
            period_end=dt.date(2026, 1, 15),
            volume_l=21_000,
            amount_fen=6_300,
        )
        p1 = Payment.create(
            account=zhang,
            office=office,
            counter=counter,
            staff=staff,
            business_date=dt.date(2025, 12, 20),
            kind="bill",
            method="cash",
            amount_fen=5_700,
            tendered_fen=10_000,
            change_fen=4_300,
            idempotency_key="k1",
        )
        PaymentBill.create(payment=p1, bill=b1, amount_fen=5_700)
        Receipt.create(series="WC-2025", number=41, payment=p1)
        void = Payment.create(
            account=zhang,
            office=office,
            counter=counter,
            staff=staff,
            business_date=dt.date(2025, 12, 20),
            kind="void",
            method="cash",
            amount_fen=-5_700,
            idempotency_key="k2",
            voids=p1,
            reason="wrong account",
        )
        Receipt.create(series="WC-2025", number=42, payment=void)
        p2 = Payment.create(
            account=zhang,
            office=office,
            counter=counter,
            staff=staff,
            business_date=dt.date(2025, 12, 21),
            kind="bill",
            method="wechat",
            amount_fen=5_700,
            idempotency_key="k3",
        )
        PaymentBill.create(payment=p2, bill=b1, amount_fen=5_700)
        Receipt.create(series="WC-2025", number=43, payment=p2)
        del b2
        FormRecord.create(
            number="F2026-0001",
            kind="repair",
            account=zhang,
            office=office,
            staff=staff,
            status="open",
            data_json="{}",
        )
        FormRecord.create(
            number="F2025-0090",
            kind="transfer",
            account=zhang,
            office=office,
            staff=staff,
            status="closed",
            data_json="{}",
        )
    rebuild_search_index()
    return LookupData(
        path, office.id, counter.id, staff.id, accounts, accounts["张三"], old.number, new.number
    )


@pytest.fixture
def lookup_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    data = build_lookup_data(tmp_path)
    yield data
    db.obj.close()


def lookup_session(data: LookupData):  # type: ignore[no-untyped-def]
    """The teller of the lookup data set, logged in at its counter (no password check)."""
    return counter_session(data.staff_id, data.counter_id, dt.datetime(2026, 3, 20, 9, 0))


@pytest.fixture
def records_ctx(lookup_db: LookupData, worker):  # type: ignore[no-untyped-def]
    from gasdesk.settings import open_settings
    from gasdesk.ui.context import AppContext

    return AppContext(session=lookup_session(lookup_db), worker=worker, settings=open_settings())
