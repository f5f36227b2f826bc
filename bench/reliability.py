"""Reliability figures on a big database: how long the start-up quick_check, the full
integrity check before the day close, the audit chain verification and an online
backup take, and what a payment costs with synchronous=FULL.

    python -m bench.reliability [--accounts 100000] [--events 200000] [--keep DIR]

Builds a synthetic database of the demo's proportions (24 monthly readings per
account) with raw inserts, then measures with the page cache warm (as after a
restart of the application, not of the machine). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from gasdesk.storage import audit
from gasdesk.storage.backup import make_backup
from gasdesk.storage.db import _check_sqlite_file, integrity_check, open_database, quick_check
from gasdesk.storage.models import db


def build(folder: Path, accounts: int, events: int) -> Path:
    path = folder / "big.db"
    open_database(path, key_path=folder / "audit.key")
    rng = random.Random(7)
    con = db.connection()
    with db.atomic():
        con.execute(
            "INSERT INTO office (code, name, address, phone, hours) VALUES "
            "('MS','萌水营业室','文昌湖区政务大厅一楼','0533-6886656','08:30-12:00,13:30-17:00')"
        )
        con.execute("INSERT INTO counter (office_id, number, name) VALUES (1, 1, '1号窗口')")
        con.execute(
            "INSERT INTO staff (badge, name, role, office_id, password_hash, active, failed_logins)"
            " VALUES ('MS01', '李娜', 'teller', 1, 'x', 1, 0)"
        )
        con.executemany(
            "INSERT INTO account (number, name, initials, phone, address, office_id, user_type,"
            " status, balance_fen, opened_on) VALUES (?, ?, '', ?, ?, 1, 'residential',"
            " 'active', 0, '2020-01-01')",
            (
                (f"10{i:08d}", f"用户{i}", f"139{i:08d}", f"文昌湖区{i % 500}号楼")
                for i in range(accounts)
            ),
        )
        con.executemany(
            "INSERT INTO meter (number, account_id, kind, model, installed_on, initial_l)"
            " VALUES (?, ?, 'mechanical', 'G2.5', '2020-01-01', 0)",
            ((f"M{i:09d}", i + 1) for i in range(accounts)),
        )
        start = dt.date(2024, 12, 1)
        con.executemany(
            "INSERT INTO reading (meter_id, account_id, read_on, value_l, source, created_at)"
            " VALUES (?, ?, ?, ?, 'reader', '2026-01-01 00:00:00')",
            (
                (a + 1, a + 1, (start + dt.timedelta(days=30 * m)).isoformat(), m * 25_000)
                for a in range(accounts)
                for m in range(24)
            ),
        )
        prev = audit.GENESIS
        at = "2026-11-20 09:00:00"
        rows = []
        for seq in range(1, events + 1):
            amount = rng.randrange(100, 50_000)
            payload = audit.canonical({"payment": seq, "amount_fen": amount})
            digest = audit.compute_hash(prev, audit.event_fields(seq, at, "payment", 1, 1, payload))
            rows.append((seq, at, "payment", 1, 1, payload, prev, digest, amount))
            prev = digest
        con.executemany(
            "INSERT INTO payment (id, account_id, office_id, staff_id, business_date, kind,"
            " method, amount_fen, tendered_fen, change_fen, volume_l, reference,"
            " idempotency_key, reason, created_at) VALUES (?, 1, 1, 1, '2026-11-20', 'prepay',"
            " 'cash', ?, ?, 0, 0, '', ?, '', ?)",
            ((r[0], r[8], r[8], f"k{r[0]}", at) for r in rows),
        )
        con.executemany(
            "INSERT INTO audit_event (seq, at, kind, staff_id, office_id, payload_json,"
            " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (r[:8] for r in rows),
        )
    audit.reset_anchor()
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--accounts", type=int, default=100_000)
    p.add_argument("--events", type=int, default=200_000)
    p.add_argument("--keep", help="build in this folder and keep it")
    args = p.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="gasdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    path = build(folder, args.accounts, args.events)
    size = path.stat().st_size
    print(
        f"database: {args.accounts} accounts, {24 * args.accounts} readings, "
        f"{args.events} payments and audit events: {size / 1e6:.0f} MB "
        f"(built in {time.perf_counter() - t:.0f} s)"
    )

    qc = timed(lambda: quick_check(path))
    full_open = timed(lambda: _check_sqlite_file(path))
    print(f"start-up quick_check:         {qc:.2f} s  ({size / 1e6 / qc:.0f} MB/s)")
    print(f"start-up file checks in all:  {full_open:.2f} s")
    key = folder / "audit.key"
    t = time.perf_counter()
    open_database(path, key_path=key)
    print(f"open_database (checks+migrate): {time.perf_counter() - t:.2f} s")
    ic = timed(lambda: integrity_check(), repeat=1)
    print(f"integrity_check (day close):  {ic:.2f} s  ({ic / qc:.1f}x quick_check)")
    vr = timed(lambda: audit.verify(), repeat=1)
    result = audit.verify()
    print(
        f"audit verify:                 {vr:.2f} s for {result.events} events "
        f"({result.events / vr:,.0f} events/s), ok={result.ok}"
    )
    t = time.perf_counter()
    info = make_backup(folder / "backups", "MS")
    print(
        f"online backup + its checks:   {time.perf_counter() - t:.2f} s ({info.size / 1e6:.0f} MB)"
    )

    from tests.reliability.payment_loop import pay  # the same writer the crash test uses
    from tests.reliability.seed import OFFICES  # noqa: F401  (seed data shape only)

    costs = []
    for _ in range(200):
        t = time.perf_counter()
        pay("1000000001", 100)
        costs.append(time.perf_counter() - t)
    print(
        f"payment (synchronous=FULL, anchor fsync): median {statistics.median(costs) * 1e3:.1f} ms,"
        f" p95 {sorted(costs)[189] * 1e3:.1f} ms"
    )
    db.close()
    if not args.keep:
        import shutil

        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
