"""The demo data set: deterministic, complete, and consistent with the billing rules."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest
from peewee import fn

from gasdesk.demo import DEMO_PASSWORD, DEMO_STAFF
from gasdesk.demo.calendar import is_business_day
from gasdesk.demo.cli import ensure_demo, run_demo
from gasdesk.demo.generate import DemoError, DemoSummary, generate
from gasdesk.domain.idcard import is_valid
from gasdesk.domain.methods import check_reference
from gasdesk.domain.names import initials
from gasdesk.domain.tariff import (
    Tariff,
    Tier,
    bill_period,
    lines_to_json,
    purchase_by_volume,
    tariff_on,
)
from gasdesk.services.billing import year_to_date
from gasdesk.services.passwords import check_password
from gasdesk.storage.db import open_database, write_transaction
from gasdesk.storage.models import Account, Office, Payment, Receipt, ReceiptCounter, Staff, db
from tests.pg_support import backend, backend_database, pg_url  # noqa: F401

TODAY = dt.date(2026, 11, 27)
ACCOUNTS = 600
HISTORY_MONTHS = [
    f"{y}-{m:02d}" for y, m in [(2024, 11), (2024, 12)] + [(2025, k) for k in range(1, 13)]
] + [f"2026-{k:02d}" for k in range(1, 11)]
DATA_TABLES = (
    "account", "meter", "reading", "bill", "payment", "payment_bill", "receipt", "receipt_counter",
)  # fmt: skip


def _close() -> None:
    if db.obj is not None and not db.obj.is_closed():
        db.obj.close()


def make_demo(path: Path, accounts: int = ACCOUNTS, seed: int = 20261127) -> DemoSummary:
    open_database(path)
    try:
        return generate(accounts, seed=seed, today=TODAY)
    finally:
        _close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return path, make_demo(path)


@pytest.fixture
def con(demo: tuple[Path, DemoSummary]):
    connection = sqlite3.connect(f"file:{demo[0]}?mode=ro", uri=True)
    yield connection
    connection.close()


def digest(path: Path) -> str:
    h = hashlib.sha256()
    connection = sqlite3.connect(path)
    try:
        for table in DATA_TABLES:
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1"):
                h.update(repr(row).encode())
    finally:
        connection.close()
    return h.hexdigest()


def test_same_seed_and_day_give_identical_data(tmp_path, demo):
    again = tmp_path / "again.db"
    make_demo(again)
    assert digest(again) == digest(demo[0])
    other = tmp_path / "other.db"
    make_demo(other, seed=7)
    assert digest(other) != digest(demo[0])


def test_summary_counts_match_the_tables(con, demo):
    summary = demo[1]
    count = {
        t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in (*DATA_TABLES, "office", "staff")
    }
    assert (summary.offices, summary.staff, summary.accounts) == (
        count["office"],
        count["staff"],
        ACCOUNTS,
    )
    assert (summary.meters, summary.readings, summary.bills) == (
        count["meter"],
        count["reading"],
        count["bill"],
    )
    assert summary.payments == count["payment"] == summary.receipts == count["receipt"]
    assert count["meter"] >= ACCOUNTS and count["bill"] > 10 * ACCOUNTS
    assert summary.seconds > 0


def test_offices_are_the_real_halls_from_the_service_code(con):
    rows = con.execute(
        "SELECT code, name, address, phone, hours FROM office ORDER BY code"
    ).fetchall()
    assert rows == [
        ("MS", "萌水营业室", "文昌湖区政务大厅一楼", "0533-6886656", "08:30-12:00,13:30-17:00"),
        ("WC", "王村营业室", "王村镇金泉小区东沿街房", "0533-6698798", "08:30-12:00,13:30-17:00"),
    ]
    counters = con.execute(
        "SELECT o.code, COUNT(*) FROM counter c JOIN office o ON o.id = c.office_id GROUP BY o.code ORDER BY o.code"
    ).fetchall()
    assert counters == [("MS", 3), ("WC", 2)]


def test_demo_staff_can_log_in(con):
    rows = con.execute(
        "SELECT s.badge, s.name, s.role, o.code, s.password_hash, s.active FROM staff s "
        "JOIN office o ON o.id = s.office_id ORDER BY s.badge"
    ).fetchall()
    assert [r[:4] for r in rows] == sorted(DEMO_STAFF)
    for *_, password_hash, active in rows:
        assert active == 1
        assert check_password(password_hash, DEMO_PASSWORD)
        assert not check_password(password_hash, "wrong")


def test_tariffs_residential_tiers_and_commercial_single_price(con):
    tiers = dict(
        (
            user_type,
            [(u, p) for _, u, p in sorted((s, u, p) for t, s, u, p in rows if t == user_type)],
        )
        for rows in [
            con.execute(
                "SELECT v.user_type, t.seq, t.upper_m3, t.price_fen FROM tariff_tier t "
                "JOIN tariff_version v ON v.id = t.version_id"
            ).fetchall()
        ]
        for user_type in ("residential", "commercial")
    )
    residential = tiers["residential"]
    assert [u for u, _ in residential] == [400, 600, None]
    p1, p2, p3 = (p for _, p in residential)
    assert p2 * 10 == p1 * 12 and p3 * 10 == p1 * 15  # the national 1 : 1.2 : 1.5 ratio
    assert len(tiers["commercial"]) == 1 and tiers["commercial"][0][0] is None
    first_bill = con.execute("SELECT MIN(period_end) FROM bill").fetchone()[0]
    for (effective,) in con.execute("SELECT effective_from FROM tariff_version"):
        assert effective <= first_bill


def test_names_initials_phones_and_addresses_are_plausible(con):
    rows = con.execute(
        "SELECT a.name, a.initials, a.phone, a.address, a.user_type, o.code FROM account a "
        "JOIN office o ON o.id = a.office_id"
    ).fetchall()
    residential = [r for r in rows if r[4] == "residential"]
    assert 0.9 < len(residential) / len(rows) < 1.0  # a few per cent commercial
    surnames = defaultdict(int)
    for name, initial, phone, address, user_type, office in rows:
        assert initial == initials(name)
        assert address.startswith("文昌湖区" if office == "MS" else "王村镇")
        if user_type == "residential":
            assert re.fullmatch(r"1[3-9]\d{9}", phone)
            assert 2 <= len(name) <= 4
            surnames[name[0]] += 1
        else:
            assert re.fullmatch(r"1[3-9]\d{9}|0533-6\d{6}", phone)
    phones = [r[2] for r in rows]
    assert len(set(phones)) == len(phones)
    # the common surnames lead; two-character names like 张伟 are frequent
    top = sorted(surnames, key=surnames.get, reverse=True)[:5]
    assert set(top) <= {"王", "李", "张", "刘", "陈", "杨", "黄", "赵"}
    assert sum(1 for r in residential if len(r[0]) == 2) > len(residential) / 5
    assert {r[5] for r in rows} == {"MS", "WC"}
    assert any("号楼" in r[3] and "单元" in r[3] and r[3].endswith("室") for r in rows)


def test_id_card_numbers_validate(con):
    cards = [c for (c,) in con.execute("SELECT id_card FROM account WHERE id_card IS NOT NULL")]
    assert len(cards) > ACCOUNTS / 4
    assert all(is_valid(c) for c in cards)
    assert len(set(cards)) == len(cards)


def test_mechanical_meters_have_24_months_of_rising_readings(con):
    accounts = [
        a for (a,) in con.execute("SELECT DISTINCT account_id FROM meter WHERE kind = 'mechanical'")
    ]
    assert accounts
    months = defaultdict(set)
    for account, read_on in con.execute(
        "SELECT r.account_id, r.read_on FROM reading r JOIN meter m ON m.id = r.meter_id WHERE m.kind = 'mechanical'"
    ):
        months[account].add(read_on[:7])
    for account in accounts:
        assert sorted(months[account]) == HISTORY_MONTHS
    last: dict[int, int] = {}
    for meter, value in con.execute(
        "SELECT meter_id, value_l FROM reading ORDER BY meter_id, read_on, id"
    ):
        assert value >= last.get(meter, 0)
        last[meter] = value


def test_ic_card_meters_have_fewer_readings_from_counter_and_inspection(con):
    ic = con.execute("SELECT COUNT(*) FROM meter WHERE kind = 'ic_card'").fetchone()[0]
    total = con.execute("SELECT COUNT(*) FROM meter").fetchone()[0]
    assert 0.2 < ic / total < 0.4
    per_meter = con.execute(
        "SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM reading r JOIN meter m ON m.id = r.meter_id "
        "WHERE m.kind = 'ic_card' GROUP BY r.meter_id)"
    ).fetchone()[0]
    assert 2 < per_meter < 20
    sources = {s for (s,) in con.execute(
        "SELECT DISTINCT r.source FROM reading r JOIN meter m ON m.id = r.meter_id WHERE m.kind = 'ic_card'"
    )}  # fmt: skip
    assert sources == {"counter", "reader"}
    # each purchase at the counter brings the meter's total back on the card
    purchases = con.execute(
        "SELECT p.account_id, p.business_date, p.staff_id, p.volume_l, p.amount_fen FROM payment p "
        "WHERE p.kind = 'purchase'"
    ).fetchall()
    assert purchases
    for account, day, staff, volume, amount in purchases:
        assert volume > 0 and amount > 0
        assert (
            con.execute(
                "SELECT COUNT(*) FROM reading WHERE account_id = ? AND read_on = ? AND source = 'counter' "
                "AND recorded_by_id = ?",
                (account, day, staff),
            ).fetchone()[0]
            == 1
        )


def test_winter_uses_more_gas_than_summer(con):
    by_month = dict(
        con.execute(
            "SELECT substr(period_end, 6, 2), AVG(volume_l) FROM bill GROUP BY 1"
        ).fetchall()
    )
    winter = sum(by_month[m] for m in ("12", "01", "02")) / 3
    summer = sum(by_month[m] for m in ("06", "07", "08")) / 3
    assert winter > 2 * summer


def test_household_annual_use_centres_on_250_m3(con):
    yearly = sorted(
        v
        for (v,) in con.execute(
            "SELECT SUM(b.volume_l) FROM bill b JOIN account a ON a.id = b.account_id "
            "WHERE a.user_type = 'residential' AND a.status = 'active' AND b.period_end LIKE '2025-%' "
            "GROUP BY b.account_id HAVING COUNT(*) = 12"
        )
    )
    median = yearly[len(yearly) // 2]
    assert 200_000 < median < 300_000
    assert sum(1 for v in yearly if v <= 400_000) / len(yearly) > 0.75  # tier 1 covers most


def test_some_readings_are_estimated_some_in_a_row(con):
    sources = dict(con.execute("SELECT source, COUNT(*) FROM reading GROUP BY source").fetchall())
    assert sources["reader"] > 10 * sources["estimated"] > 0
    runs = con.execute(
        "SELECT COUNT(*) FROM reading a JOIN reading b ON b.meter_id = a.meter_id "
        "AND substr(b.read_on, 1, 7) = strftime('%Y-%m', a.read_on, '+1 month') "
        "WHERE a.source = 'estimated' AND b.source = 'estimated'"
    ).fetchone()[0]
    assert runs > 0


def test_some_meters_were_changed(con):
    changed = con.execute(
        "SELECT m.account_id, m.removed_on, n.installed_on, n.initial_l FROM meter m "
        "JOIN meter n ON n.account_id = m.account_id AND n.removed_on IS NULL WHERE m.removed_on IS NOT NULL"
    ).fetchall()
    assert changed
    for account, removed_on, installed_on, initial in changed:
        assert removed_on == installed_on
        first = con.execute(
            "SELECT r.value_l FROM reading r JOIN meter m ON m.id = r.meter_id "
            "WHERE m.account_id = ? AND m.removed_on IS NULL ORDER BY r.read_on, r.id LIMIT 1",
            (account,),
        ).fetchone()[0]
        assert first == initial
        assert (
            con.execute(
                "SELECT COUNT(*) FROM reading r JOIN meter m ON m.id = r.meter_id "
                "WHERE m.account_id = ? AND m.removed_on IS NOT NULL AND r.read_on > m.removed_on",
                (account,),
            ).fetchone()[0]
            == 0
        )


def _tariffs(con) -> dict[str, list[Tariff]]:
    out: dict[str, list[Tariff]] = {}
    for version, name, user_type, effective in con.execute(
        "SELECT id, name, user_type, effective_from FROM tariff_version ORDER BY effective_from"
    ).fetchall():
        tiers = con.execute(
            "SELECT upper_m3, price_fen FROM tariff_tier WHERE version_id = ? ORDER BY seq",
            (version,),
        ).fetchall()
        tariff = Tariff(name, dt.date.fromisoformat(effective), tuple(Tier(u, p) for u, p in tiers))
        out.setdefault(user_type, []).append(tariff)
    return out


def test_bills_and_purchases_are_priced_as_the_fee_counter_prices_them(con):
    """Every bill and IC-card purchase, recomputed with domain.tariff from what the
    database holds before it (year-to-date volume as the fee services count it)."""
    tariffs = _tariffs(con)
    entries: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    events = con.execute(
        "SELECT b.account_id, a.user_type, 'bill', b.volume_l, b.amount_fen, b.lines_json, "
        "b.period_start, b.period_end, f.value_l, t.value_l, b.id FROM bill b "
        "JOIN account a ON a.id = b.account_id "
        "JOIN reading f ON f.id = b.from_reading_id JOIN reading t ON t.id = b.to_reading_id "
        "UNION ALL SELECT p.account_id, a.user_type, 'purchase', p.volume_l, p.amount_fen, "
        "p.lines_json, p.business_date, p.business_date, 0, p.volume_l, p.id FROM payment p "
        "JOIN account a ON a.id = p.account_id WHERE p.kind = 'purchase' ORDER BY 1, 7, 3, 11"
    ).fetchall()
    counts = defaultdict(int)
    for account, user_type, kind, volume, amount, text, start, end, v_from, v_to, _ in events:
        start, end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        assert volume == v_to - v_from >= 0 and start <= end
        history = entries[account]
        ytd = {y: year_to_date(history, y, start) for y in range(start.year, end.year + 1)}
        if kind == "purchase":
            tariff = tariff_on(tariffs[user_type], start)
            expected = purchase_by_volume(volume, tariff, ytd[start.year], start)
        else:
            expected = bill_period(volume, start, end, tariffs[user_type], ytd)
        assert text == lines_to_json(expected.lines)
        assert amount == expected.amount_fen
        history.extend((line.start, line.volume_l) for line in expected.lines)
        counts[kind] += 1
        counts["tier 2 or 3"] += any(line.tier > 1 for line in expected.lines)
        counts["across new year"] += len({line.start.year for line in expected.lines}) > 1
    assert counts["bill"] > 10 * ACCOUNTS and counts["purchase"] > ACCOUNTS
    assert counts["tier 2 or 3"] > 0 and counts["across new year"] > 0


def test_the_fee_counter_sees_the_owed_bills_and_nothing_to_bill(demo):
    """The fee screen's statement: the unpaid demo bills are the open bills, and no
    reading waits to be billed (no draft bills appear out of the demo history)."""
    from gasdesk.services.billing import statement

    con = sqlite3.connect(demo[0])
    owed = defaultdict(list)
    for account, bill, amount in con.execute(
        "SELECT b.account_id, b.id, b.amount_fen FROM bill b WHERE b.amount_fen > 0 AND NOT EXISTS "
        "(SELECT 1 FROM payment_bill pb WHERE pb.bill_id = b.id) ORDER BY b.period_end, b.id"
    ):
        owed[account].append((bill, amount))
    accounts = [a for (a,) in con.execute("SELECT id FROM account ORDER BY id")]
    con.close()
    open_database(demo[0])
    try:
        for account in accounts[::7]:
            due = statement(account, today=TODAY)
            assert [(b.bill_id, b.amount_fen - b.paid_fen) for b in due.bills] == owed[account]
    finally:
        _close()


def test_paid_bills_are_linked_once_and_add_up(con):
    assert (
        con.execute(
            "SELECT COUNT(*) FROM (SELECT bill_id FROM payment_bill GROUP BY 1 HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        == 0
    )
    mismatched = con.execute(
        "SELECT COUNT(*) FROM payment p WHERE p.kind = 'bill' AND p.amount_fen != "
        "(SELECT SUM(pb.amount_fen) FROM payment_bill pb WHERE pb.payment_id = p.id)"
    ).fetchone()[0]
    assert mismatched == 0
    assert (
        con.execute(
            "SELECT COUNT(*) FROM payment_bill pb JOIN bill b ON b.id = pb.bill_id JOIN payment p ON p.id = pb.payment_id "
            "WHERE pb.amount_fen != b.amount_fen OR p.business_date <= b.period_end OR p.account_id != b.account_id"
        ).fetchone()[0]
        == 0
    )
    methods = dict(con.execute("SELECT method, COUNT(*) FROM payment GROUP BY 1").fetchall())
    assert set(methods) == {"cash", "wechat", "alipay", "card"}
    assert (
        con.execute(
            "SELECT COUNT(*) FROM payment WHERE tendered_fen - change_fen != amount_fen OR change_fen < 0 "
            "OR (method != 'cash' AND change_fen != 0)"
        ).fetchone()[0]
        == 0
    )
    # staff: a teller of the paying account's office, at that teller's counter
    assert (
        con.execute(
            "SELECT COUNT(*) FROM payment p JOIN staff s ON s.id = p.staff_id JOIN account a ON a.id = p.account_id "
            "JOIN counter c ON c.id = p.counter_id "
            "WHERE s.role != 'teller' OR s.office_id != a.office_id OR c.office_id != p.office_id "
            "OR p.office_id != a.office_id"
        ).fetchone()[0]
        == 0
    )
    keys = [k for (k,) in con.execute("SELECT idempotency_key FROM payment")]
    assert len(set(keys)) == len(keys)
    for day, created in con.execute("SELECT business_date, created_at FROM payment"):
        assert created.startswith(day) and "08:30:00" <= created[11:] < "17:00:00"
        assert not "12:00:00" <= created[11:] < "13:30:00"
        assert is_business_day(dt.date.fromisoformat(day)) and day < TODAY.isoformat()


def test_payment_references_are_what_the_counter_accepts(con):
    rows = con.execute("SELECT method, reference FROM payment").fetchall()
    for method, ref in rows:
        assert check_reference(method, ref) == ref
        assert (ref == "") == (method == "cash")
    assert len({ref for _, ref in rows if ref}) == sum(1 for _, ref in rows if ref)


def test_most_bills_are_paid_and_some_are_owed(con):
    unpaid = con.execute(
        "SELECT b.account_id, b.period_end FROM bill b WHERE NOT EXISTS "
        "(SELECT 1 FROM payment_bill pb WHERE pb.bill_id = b.id)"
    ).fetchall()
    bills = con.execute("SELECT COUNT(*) FROM bill").fetchone()[0]
    old_unpaid = [a for a, end in unpaid if end < "2026-09-01"]
    assert len(unpaid) < bills * 0.15
    last_month = con.execute(
        "SELECT COUNT(*) FROM bill WHERE period_end LIKE '2026-10-%'"
    ).fetchone()[0]
    last_unpaid = sum(1 for _, end in unpaid if end.startswith("2026-10"))
    assert 0.2 < last_unpaid / last_month < 0.5
    in_arrears = {a for a, end in unpaid if end < "2026-10-01"}
    accounts = con.execute("SELECT COUNT(*) FROM account").fetchone()[0]
    assert 0.02 < len(in_arrears) / accounts < 0.15
    assert len(old_unpaid) < len(unpaid)


def test_receipts_are_gapless_per_series_in_time_order(con):
    series = defaultdict(list)
    for name, number, issued, _payment, office, business_date, created in con.execute(
        "SELECT r.series, r.number, r.issued_at, p.id, o.code, p.business_date, p.created_at FROM receipt r "
        "JOIN payment p ON p.id = r.payment_id JOIN office o ON o.id = p.office_id ORDER BY p.id"
    ):
        assert name == f"{office}-{business_date[:4]}" and issued == created
        series[name].append((number, issued))
    assert {"MS-2025", "WC-2025", "MS-2026", "WC-2026"} <= set(series)
    counters = dict(con.execute("SELECT series, last FROM receipt_counter").fetchall())
    assert set(counters) == set(series)
    for name, entries in series.items():
        assert [n for n, _ in entries] == list(range(1, len(entries) + 1))
        assert [t for _, t in entries] == sorted(t for _, t in entries)
        assert counters[name] == len(entries)


def test_amounts_and_volumes_are_stored_as_integers(con):
    columns = {
        "bill": ("amount_fen", "volume_l"),
        "payment": ("amount_fen", "tendered_fen", "change_fen", "volume_l"),
        "payment_bill": ("amount_fen",),
        "reading": ("value_l",),
        "meter": ("initial_l",),
        "account": ("balance_fen",),
        "tariff_tier": ("price_fen",),
        "receipt_counter": ("last",),
    }
    for table, names in columns.items():
        for column in names:
            types = {t for (t,) in con.execute(f"SELECT DISTINCT typeof({column}) FROM {table}")}
            assert types == {"integer"}, (table, column, types)


def test_the_database_is_whole_and_indexed_like_a_fresh_one(con, tmp_path):
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    open_database(tmp_path / "fresh.db")
    _close()
    fresh = sqlite3.connect(tmp_path / "fresh.db")
    query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    assert con.execute(query).fetchall() == fresh.execute(query).fetchall()
    fresh.close()


def test_history_is_sealed_not_audited_per_payment_and_accounts_carry_inspections(con):
    kinds = con.execute("SELECT kind, COUNT(*) FROM audit_event GROUP BY kind").fetchall()
    payments = con.execute("SELECT COUNT(*) FROM payment").fetchone()[0]
    assert kinds == [  # the anchor started, one seal per block, then the rest of the load
        ("anchor_started", 1),
        ("cards.registered", 1),
        ("history.import", -(-payments // 10_000)),
        ("history.state", 1),
    ]
    inspected = con.execute(
        "SELECT COUNT(*) FROM account WHERE last_inspection IS NOT NULL"
    ).fetchone()[0]
    assert inspected > ACCOUNTS * 0.7
    statuses = dict(con.execute("SELECT status, COUNT(*) FROM account GROUP BY 1").fetchall())
    assert statuses["active"] > 0.9 * ACCOUNTS and statuses.get("suspended", 0) > 0


def test_every_ic_card_meter_has_its_card_with_its_purchase_count(con):
    meters = con.execute(
        "SELECT id, number, account_id FROM meter WHERE kind = 'ic_card' AND removed_on IS NULL"
    ).fetchall()
    cards = {
        m: (n, seq, src)
        for m, n, seq, src in con.execute("SELECT meter_id, number, start_seq, source FROM ic_card")
    }
    assert len(meters) > 0.2 * ACCOUNTS and len(cards) == len(meters)
    for meter_id, number, account_id in meters:
        (bought,) = con.execute(
            "SELECT COUNT(*) FROM payment WHERE account_id = ? AND kind = 'purchase'", (account_id,)
        ).fetchone()
        assert cards[meter_id] == (f"{number}01", bought, "registered")


def test_generate_refuses_a_database_with_accounts(demo):
    before = digest(demo[0])
    open_database(demo[0])
    try:
        with pytest.raises(DemoError, match="empty database"):
            generate(10, today=TODAY)
    finally:
        _close()
    assert digest(demo[0]) == before


@pytest.mark.parametrize("count", [0, -3, 1_000_001])
def test_generate_refuses_a_bad_account_count(tmp_path, count):
    open_database(tmp_path / "x.db")
    try:
        with pytest.raises(DemoError, match="between 1 and 1,000,000"):
            generate(count, today=TODAY)
    finally:
        _close()


def test_cli_refuses_a_database_with_data_unless_forced(tmp_path, capsys):
    path = tmp_path / "gas.db"
    assert run_demo(["--accounts", "30", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "30 accounts" in out and str(path) in out
    assert "SAMPLE" in out or "示例" in out  # the demo's prices are not the real ones
    before = digest(path)
    assert run_demo(["--accounts", "40", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "already holds data" in err and "--force" in err
    assert digest(path) == before
    assert run_demo(["--accounts", "40", "--db", str(path), "--force"]) == 0
    assert "Moved the old database aside" in capsys.readouterr().out
    backups = list(tmp_path.glob("gas.db.bak-*"))
    backups = [b for b in backups if not b.name.endswith(("-wal", "-shm"))]
    assert len(backups) == 1 and digest(backups[0]) == before
    con = sqlite3.connect(path)
    assert con.execute("SELECT COUNT(*) FROM account").fetchone()[0] == 40
    con.close()


@pytest.mark.parametrize(
    ("value", "message"),
    [("0", "between 1 and 1,000,000"), ("-5", "between 1 and 1,000,000"),
     ("1000001", "between 1 and 1,000,000"), ("many", "not a whole number")],
)  # fmt: skip
def test_cli_refuses_bad_account_counts(tmp_path, capsys, value, message):
    path = tmp_path / "gas.db"
    assert run_demo(["--accounts", value, "--db", str(path)]) == 2
    assert message in capsys.readouterr().err
    assert not path.exists()


def test_cli_refuses_a_file_that_is_not_a_database(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("not a database")
    assert run_demo(["--accounts", "5", "--db", str(path)]) == 2
    assert "not a GasDesk database" in capsys.readouterr().err
    assert path.read_text() == "not a database"


def test_ensure_demo_writes_only_into_an_empty_database(tmp_path, monkeypatch):
    path = tmp_path / "first.db"
    monkeypatch.setattr("gasdesk.storage.db.default_db_path", lambda: path)
    try:
        assert ensure_demo(path, accounts=25) is True
    finally:
        _close()
    before = digest(path)
    try:
        assert ensure_demo(path, accounts=25) is False
    finally:
        _close()
    assert digest(path) == before


def test_demo_on_each_backend_leaves_ids_free_for_new_rows(backend_database, backend):  # noqa: F811
    summary = generate(40, today=TODAY)
    assert summary.accounts == 40 and summary.payments == summary.receipts > 0
    assert Account.select().count() == 40
    assert Receipt.select().count() == summary.receipts
    top = ReceiptCounter.select(fn.SUM(ReceiptCounter.last)).scalar()
    assert top == summary.receipts
    # the demo wrote explicit ids; the next rows a teller creates must get fresh ones
    office = Office.create(code="ZZ", name="测试", address="-", phone="-", hours="08:30-12:00")
    assert office.id == Office.select(fn.MAX(Office.id)).scalar() and office.id > 2
    account = Account.get()
    staff = Staff.get(Staff.badge == DEMO_STAFF[0][0])
    payment = Payment.create(
        account=account, office=account.office, staff=staff, business_date=TODAY, kind="prepay",
        method="cash", amount_fen=100, idempotency_key="new-1",
    )  # fmt: skip
    assert payment.id == summary.payments + 1
    if backend == "sqlite":
        assert db.obj.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """The loader's temporary folders go here, where no other run writes."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_failure_midway_leaves_the_database_untouched(tmp_path, monkeypatch, private_tmp):
    from gasdesk.demo import payments

    original = payments.Counters.flush

    def failing(self, m):
        if m == 5:
            assert list(private_tmp.iterdir())  # the batches' folder is in use
            raise RuntimeError("disk on fire")
        original(self, m)

    monkeypatch.setattr(payments.Counters, "flush", failing)
    path = tmp_path / "half.db"
    open_database(path)
    try:
        with pytest.raises(RuntimeError, match="disk on fire"):
            generate(50, today=TODAY)
    finally:
        _close()
    con = sqlite3.connect(path)
    counts = [
        con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in (*DATA_TABLES, "office", "staff")
    ]
    assert counts == [0] * len(counts)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    assert list(private_tmp.iterdir()) == []


def test_the_writer_refuses_data_that_appeared_after_the_check(tmp_path, monkeypatch):
    from gasdesk.demo import generate as generate_module

    path = tmp_path / "raced.db"
    make_demo(path, accounts=5)
    before = digest(path)
    monkeypatch.setattr(generate_module, "_refuse_unless_empty", lambda: None)
    open_database(path)
    try:
        with pytest.raises(DemoError, match="Another program wrote"):
            generate(5, today=TODAY)
    finally:
        _close()
    assert digest(path) == before


def test_without_a_writer_process_the_data_is_the_same(tmp_path, monkeypatch, demo, private_tmp):
    import subprocess

    def no_processes(*args, **kwargs):
        raise OSError("cannot start processes here")

    monkeypatch.setattr(subprocess, "Popen", no_processes)
    path = tmp_path / "inprocess.db"
    make_demo(path)
    assert digest(path) == digest(demo[0])
    assert list(private_tmp.iterdir()) == []


def test_an_application_bundle_loads_in_its_own_process(tmp_path, monkeypatch, demo):
    """A bundle's executable is GasDesk, not a Python that could run writer.py."""
    import subprocess
    import sys

    started = []
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(subprocess, "Popen", lambda *args, **kwargs: started.append(args))
    path = tmp_path / "bundle.db"
    make_demo(path)
    assert started == []
    assert digest(path) == digest(demo[0])


def test_ensure_demo_uses_the_database_already_open(tmp_path, monkeypatch):
    path = tmp_path / "open.db"
    monkeypatch.setattr("gasdesk.storage.db.default_db_path", lambda: path)
    open_database(path)
    opened = db.obj
    try:
        assert ensure_demo(path, accounts=10) is True
        assert db.obj is opened
        assert Account.select().count() == 10
        assert opened.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        _close()


@pytest.mark.parametrize("today", [dt.date(2027, 1, 1), dt.date(2025, 3, 1), dt.date(2031, 10, 3)])
def test_any_day_gives_a_consistent_history(tmp_path, today):
    # New Year's Day, just after a short February, and a year the holiday calendar
    # does not cover yet (weekdays are business days then).
    path = tmp_path / "day.db"
    open_database(path)
    try:
        generate(30, today=today)
    finally:
        _close()
    con = sqlite3.connect(path)
    first = con.execute("SELECT MIN(read_on), MAX(read_on) FROM reading r JOIN meter m ON m.id = r.meter_id "
                        "WHERE m.kind = 'mechanical'").fetchone()  # fmt: skip
    year, month = divmod(today.year * 12 + today.month - 1 - 24, 12)
    assert first[0][:7] == f"{year}-{month + 1:02d}"
    assert first[1] < today.replace(day=1).isoformat()
    assert con.execute("SELECT MAX(business_date) FROM payment").fetchone()[0] < today.isoformat()
    for (day,) in con.execute("SELECT DISTINCT business_date FROM payment"):
        assert is_business_day(dt.date.fromisoformat(day))
    if today.year == 2031:
        assert all(
            dt.date.fromisoformat(d).weekday() < 5
            for (d,) in con.execute("SELECT business_date FROM payment")
        )
    for series, last in con.execute("SELECT series, last FROM receipt_counter"):
        numbers = [
            n
            for (n,) in con.execute(
                "SELECT number FROM receipt WHERE series = ? ORDER BY id", (series,)
            )
        ]
        assert numbers == list(range(1, last + 1))
    con.close()


def test_the_search_index_files_every_account_as_a_rebuild_would(demo, tmp_path):
    from gasdesk.services.search import rebuild_search_index, search_accounts

    path = tmp_path / "copy.db"
    shutil.copy(demo[0], path)
    shutil.copy(demo[0].with_name(demo[0].name + ".key"), path.with_name(path.name + ".key"))
    query = "SELECT gram, account_id FROM search_gram ORDER BY 1, 2"
    con = sqlite3.connect(path)
    loaded = con.execute(query).fetchall()
    name, number = con.execute("SELECT name, number FROM account WHERE id = 17").fetchone()
    con.close()
    assert len(loaded) > 20 * ACCOUNTS
    open_database(path)
    try:
        assert number in [hit.account.number for hit in search_accounts(name, limit=200)]
        with write_transaction():
            rebuild_search_index()
    finally:
        _close()
    con = sqlite3.connect(path)
    assert con.execute(query).fetchall() == loaded
    con.close()


def test_the_history_days_are_closed_by_the_supervisor(con):
    rows = con.execute(
        "SELECT o.code, d.business_date, d.closed_at, s.role FROM business_day d "
        "JOIN office o ON o.id = d.office_id JOIN staff s ON s.id = d.closed_by_id"
    ).fetchall()
    days = {day for _, day, _, _ in rows}
    assert all(role == "supervisor" and closed.startswith(day) for _, day, closed, role in rows)
    paid_on = {d for (d,) in con.execute("SELECT DISTINCT business_date FROM payment")}
    assert paid_on <= days and max(days) < TODAY.isoformat()
    assert all(is_business_day(dt.date.fromisoformat(d)) for d in days)


def test_no_meter_is_read_twice_on_one_day(con):
    twice = con.execute(
        "SELECT r.meter_id, r.read_on FROM reading r GROUP BY 1, 2 HAVING COUNT(*) > 1"
    ).fetchall()
    assert twice == []
