"""A quick bulk-insert data set for the lookup benchmark, used when the demo generator
(gasdesk.demo.generate) is not available: N accounts with Zibo-style names, addresses
and mobiles, one meter each (some changed), 24 monthly readings, a bill every two
months with its payment, receipt and link. Deterministic for a given N.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

SURNAMES = (
    "王" * 9
    + "李" * 9
    + "张" * 8
    + "刘" * 7
    + "陈" * 6
    + "杨" * 5
    + "赵" * 4
    + "黄" * 3
    + "周" * 3
    + "吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
    + "单解仇区查朴"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英玉华建国志红海燕鹏飞宇浩然子涵欣怡梓轩雨萱俊杰文博"
TOWNS = ("王村镇", "萌水镇", "文昌湖区", "商家镇", "西河镇", "昆仑镇")
COMMUNITIES = (
    "金泉小区",
    "萌山花园",
    "文昌苑",
    "湖畔家园",
    "鲁泰新村",
    "王村新区",
    "翠湖名苑",
    "东岳小区",
    "锦绣华庭",
    "幸福里",
    "阳光花园",
    "银座华府",
    "福园小区",
    "民安小区",
    "鑫城花园",
    "和谐家园",
)
VILLAGES = ("南韩村", "西村", "东村", "北旺村", "商家村", "大庄村", "李家庄", "孙家峪", "張家庄")
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "157",
    "158",
    "159",
    "177",
    "178",
    "180",
    "181",
    "186",
    "187",
    "188",
    "189",
)
FIRST_READING = dt.date(2024, 3, 15)
MONTHS = 24
MONTHLY_M3 = (22, 20, 15, 10, 7, 5, 4, 4, 5, 8, 14, 20)  # Jan..Dec, a household with heating
PRICE_FEN_PER_M3 = 300


def _month(d: dt.date, k: int) -> dt.date:
    y, m = divmod(d.month - 1 + k, 12)
    return dt.date(d.year + y, m + 1, 15)


def _person(rng: random.Random) -> tuple[str, str, str]:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    if rng.random() < 0.7:
        address = (
            f"{rng.choice(TOWNS)}{rng.choice(COMMUNITIES)}{rng.randint(1, 30)}号楼"
            f"{rng.randint(1, 6)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}"
        )
    else:
        address = f"{rng.choice(TOWNS)}{rng.choice(VILLAGES)}{rng.randint(1, 300)}号"
    return name, phone, address


class PostgresConnection:
    """Lets the qmark SQL below run through psycopg2 (batched executemany)."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def cursor(self) -> PostgresConnection:
        return self

    def execute(self, sql: str, params: Any = ()) -> None:
        with self.connection.cursor() as cur:
            cur.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, rows: Any) -> None:
        from psycopg2.extras import execute_values

        head, _, values = sql.partition(" VALUES ")
        template = values.replace("?", "%s")
        with self.connection.cursor() as cur:
            execute_values(cur, head + " VALUES %s", list(rows), template=template, page_size=2000)

    def reset_sequences(self) -> None:
        tables = (
            "office",
            "counter",
            "staff",
            "account",
            "meter",
            "reading",
            "bill",
            "payment",
            "receipt",
            "payment_bill",
        )
        for table in tables:
            self.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}"
            )


def generate(connection: Any, accounts: int, seed: int = 4) -> None:
    """Insert the data set through a DB-API connection to a migrated, empty database
    (one office, one counter, one teller are created here)."""
    rng = random.Random(seed)
    cur = connection.cursor()
    cur.execute(
        "INSERT INTO office (code, name, address, phone, hours) VALUES "
        "('WC', '王村营业室', '王村镇金泉小区东沿街房', '0533-6698798', '08:30-12:00,13:30-17:00')"
    )
    cur.execute("INSERT INTO counter (office_id, number, name) VALUES (1, 1, '1号窗口')")
    cur.execute(
        "INSERT INTO staff (badge, name, role, office_id, password_hash, active, failed_logins) "
        "VALUES ('B001', '刘敏', 'teller', 1, 'x', TRUE, 0)"
    )
    created = "2026-03-01 09:00:00"

    def account_rows() -> Iterator[tuple[Any, ...]]:
        for i in range(1, accounts + 1):
            name, phone, address = _person(rng)
            yield (
                i,
                f"330{i:07d}",
                name,
                "",
                phone,
                address,
                1,
                "residential",
                "active",
                0,
                "2019-05-01",
                "2025-06-03",
            )

    cur.executemany(
        "INSERT INTO account (id, number, name, initials, phone, address, office_id, user_type, "
        "status, balance_fen, opened_on, last_inspection) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        list(account_rows()),
    )
    meter_id = 0
    reading_id = 0
    bill_id = 0
    meters: list[tuple[Any, ...]] = []
    readings: list[tuple[Any, ...]] = []
    bills: list[tuple[Any, ...]] = []
    payments: list[tuple[Any, ...]] = []
    receipts: list[tuple[Any, ...]] = []
    links: list[tuple[Any, ...]] = []

    def flush() -> None:
        cur.executemany(
            "INSERT INTO meter (id, number, account_id, kind, model, installed_on, last_verified, "
            "removed_on, initial_l) VALUES (?,?,?,?,?,?,?,?,?)",
            meters,
        )
        cur.executemany(
            "INSERT INTO reading (id, meter_id, account_id, read_on, value_l, source, created_at) "
            "VALUES (?,?,?,?,?,?,?)",
            readings,
        )
        cur.executemany(
            "INSERT INTO bill (id, account_id, meter_id, period_start, period_end, from_reading_id, "
            "to_reading_id, volume_l, amount_fen, lines_json, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            bills,
        )
        cur.executemany(
            "INSERT INTO payment (id, account_id, office_id, counter_id, staff_id, business_date, "
            "kind, method, amount_fen, tendered_fen, change_fen, volume_l, reference, "
            "idempotency_key, reason, created_at) VALUES (?,?,1,1,1,?,'bill',?,?,0,0,0,'',?,'',?)",
            payments,
        )
        cur.executemany(
            "INSERT INTO receipt (series, number, payment_id, issued_at) VALUES (?,?,?,?)", receipts
        )
        cur.executemany(
            "INSERT INTO payment_bill (payment_id, bill_id, amount_fen) VALUES (?,?,?)", links
        )
        for rows in (meters, readings, bills, payments, receipts, links):
            rows.clear()

    for account in range(1, accounts + 1):
        scale = rng.uniform(0.5, 1.6)
        changed_at = rng.randrange(6, MONTHS) if rng.random() < 0.03 else None
        meter_id += 1
        old_meter = meter_id
        meters.append(
            (
                old_meter,
                f"WC19{account:08d}",
                account,
                "mechanical",
                "G2.5",
                "2019-05-01",
                "2019-05-01",
                _month(FIRST_READING, changed_at).replace(day=1).isoformat()
                if changed_at
                else None,
                0,
            )
        )
        current = old_meter
        if changed_at is not None:
            meter_id += 1
            current = meter_id
            meters.append(
                (
                    current,
                    f"WC25{account:08d}",
                    account,
                    "mechanical",
                    "G2.5",
                    _month(FIRST_READING, changed_at).replace(day=1).isoformat(),
                    None,
                    None,
                    0,
                )
            )
        value = rng.randrange(100_000, 3_000_000)
        new_value = 0
        previous: tuple[int, int, int] | None = None  # reading id, value, meter
        for k in range(MONTHS):
            day = _month(FIRST_READING, k)
            use = int(MONTHLY_M3[day.month - 1] * scale * 1000) + rng.randrange(0, 2000)
            reading_id += 1
            if changed_at is not None and k >= changed_at:
                new_value += use
                meter, shown = current, new_value
            else:
                value += use
                meter, shown = old_meter, value
            source = "estimated" if rng.random() < 0.04 else "reader"
            readings.append((reading_id, meter, account, day.isoformat(), shown, source, created))
            if k % 2 == 1 and previous is not None:
                bill_id += 1
                volume = max(0, shown - previous[1]) if meter == previous[2] else shown
                amount = volume * PRICE_FEN_PER_M3 // 1000
                bills.append(
                    (
                        bill_id,
                        account,
                        meter,
                        _month(FIRST_READING, k - 2).isoformat(),
                        day.isoformat(),
                        previous[0],
                        reading_id,
                        volume,
                        amount,
                        "[]",
                        created,
                    )
                )
                if k < MONTHS - 1:
                    paid = _month(FIRST_READING, k) + dt.timedelta(days=rng.randrange(3, 25))
                    payments.append(
                        (
                            bill_id,
                            account,
                            paid.isoformat(),
                            rng.choice(("cash", "wechat", "alipay")),
                            amount,
                            f"bench-{bill_id}",
                            f"{paid.isoformat()} 10:00:00",
                        )
                    )
                    receipts.append(
                        (f"WC-{paid.year}", bill_id, bill_id, f"{paid.isoformat()} 10:00:00")
                    )
                    links.append((bill_id, bill_id, amount))
            if k % 2 == 1 or previous is None:
                previous = (reading_id, shown, meter)
        if len(readings) > 100_000:
            flush()
    flush()
