"""Closing a business day of 3,000 payments, report PDF included (goal: under 1 s).

    python bench/day_close.py [--payments 3000] [--runs 5]

A day is built once through the real services (shifts opened with a float, payments
collected in cash, WeChat Pay, Alipay and bank card, some voided, cash paid out,
blind counts, shifts closed), then the database is copied and the close is timed on
each copy: the supervisor's password check (argon2id at its production cost), the
full integrity check, the close transaction, the day report's figures, and the A4
and Z-slip PDFs. Prints each step's median and the total's ratio to the goal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_S = 1.0
PASSWORD = "bench-password"
DAY = dt.date(2026, 11, 20)


def build_day(path: Path, key: Path, payments: int, seed: int = 7) -> dict[str, Any]:
    from gasdesk.domain.fees import PaymentRequest
    from gasdesk.services import reconcile, shift_close, shifts
    from gasdesk.services.passwords import hash_password
    from gasdesk.services.payments import collect_payment
    from gasdesk.services.voids import void_payment
    from gasdesk.storage.db import open_database, write_transaction
    from gasdesk.storage.models import Account, Counter, Office, Staff, db

    rng = random.Random(seed)
    open_database(path, key_path=key)
    pw = hash_password(PASSWORD)
    with write_transaction():
        office = Office.create(
            code="MS",
            name="萌水营业室",
            address="文昌湖区政务大厅一楼",
            phone="0533-6886656",
            hours="08:30-12:00,13:30-17:00",
        )
        counters = [Counter.create(office=office, number=n, name=f"{n}号窗口") for n in (1, 2, 3)]
        tellers = [
            Staff.create(badge=f"MS0{n}", name=name, role="teller", office=office, password_hash=pw)
            for n, name in ((1, "李娜"), (2, "王芳"), (3, "刘洋"))
        ]
        Staff.create(badge="MS09", name="张伟", role="supervisor", office=office, password_hash=pw)
        accounts = [
            Account.create(
                number=f"31{n:06d}", name=f"用户{n}", address=f"文昌湖区{n}号", office=office
            ).id
            for n in range(1, 201)
        ]
    open_shifts = [
        shifts.open_shift(t.id, c.id, {10000: 5, 1000: 20, 100: 50}, business_date=DAY)
        for t, c in zip(tellers, counters, strict=True)
    ]
    taken: list[tuple[int, int, int, str, int]] = []  # (payment, teller, counter, method, amount)
    for i in range(payments):
        k = rng.randrange(len(tellers))
        method = rng.choices(("cash", "wechat", "alipay", "card"), (6, 2, 1, 1))[0]
        amount = rng.randrange(100, 6000) * 10  # to the jiao: the drawer holds no fen coins
        receipt = collect_payment(
            PaymentRequest(
                account_id=rng.choice(accounts),
                staff_id=tellers[k].id,
                counter_id=counters[k].id,
                kind="prepay",
                method=method,
                expected_due_fen=amount,
                idempotency_key=f"bench-{i}",
                tendered_fen=(amount + rng.choice((0, 0, 50, 1000))) if method == "cash" else None,
                reference="" if method == "cash" else f"R{i:08d}",
            ),
            today=DAY,
        )
        taken.append((receipt.payment_id, tellers[k].id, counters[k].id, method, amount))
    for payment_id, teller, counter, _m, _a in rng.sample(taken, max(1, payments // 100)):
        void_payment(
            payment_id=payment_id,
            staff_id=teller,
            counter_id=counter,
            supervisor_badge="MS09",
            supervisor_password=PASSWORD,
            reason="收错金额",
            idempotency_key=f"void-{payment_id}",
            today=DAY,
        )
    for t, s in zip(tellers, open_shifts, strict=True):
        shifts.pay_out(s.id, t.id, 20000, "银行存款")
        expected = reconcile.expected_cash_of(s.id).expected_fen
        rec = reconcile.record_blind_count(s.id, t.id, _notes(expected), _declared(s.id))
        if rec.outstanding:
            raise SystemExit(f"bench: unexpected difference {rec.outstanding}")
        shift_close.close_shift(s.id, t.id)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    office_id = office.id
    db.close()
    return {"office_id": office_id}


def _notes(fen: int) -> dict[int, int]:
    from gasdesk.domain.cash import DENOMINATIONS_FEN

    counts = {}
    for value in DENOMINATIONS_FEN:
        counts[value], fen = divmod(fen, value)
    assert fen == 0, "cash is counted to the jiao"
    return counts


def _declared(shift_id: int) -> dict[str, int]:
    from gasdesk.services.reconcile import expected_totals

    return {m: v for m, v in expected_totals(shift_id).items() if m != "cash"}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def close_once(path: Path, key: Path, office_id: int) -> dict[str, float]:
    from gasdesk.printing.day_report import render_day_report
    from gasdesk.services import day_close
    from gasdesk.services.auth import verify_supervisor
    from gasdesk.services.day_report import day_report
    from gasdesk.storage.db import integrity_check, open_database
    from gasdesk.storage.models import db

    open_database(path, key_path=key)
    steps: dict[str, float] = {}
    steps["close_day"], info = timed(lambda: day_close.close_day(office_id, DAY, "MS09", PASSWORD))
    # close_day checks the supervisor's password and the whole database; alone they take:
    steps[" of which password"], _ = timed(lambda: verify_supervisor("MS09", PASSWORD, office_id))
    steps[" of which integrity"], _ = timed(integrity_check)
    steps["report figures"], report = timed(lambda: day_report(office_id, DAY))
    steps["A4 PDF"], a4 = timed(lambda: render_day_report(report, "a4"))
    steps["Z slip PDF"], _slip = timed(lambda: render_day_report(report, "slip"))
    assert report.closed and report.payments == info.payments and a4.startswith(b"%PDF")
    steps["total"] = (
        steps["close_day"] + steps["report figures"] + steps["A4 PDF"] + steps["Z slip PDF"]
    )
    db.close()
    return steps


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--payments", type=int, default=3000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args(argv)
    from gasdesk.printing.fonts import register_cjk_font

    register_cjk_font()  # loaded once per process, as in the application
    with tempfile.TemporaryDirectory() as tmp:
        base, key = Path(tmp) / "day.db", Path(tmp) / "day.key"
        build_s, meta = timed(lambda: build_day(base, key, args.payments))
        print(f"built a day of {args.payments} payments in {build_s:.1f} s (not timed below)")
        runs: list[dict[str, float]] = []
        for n in range(args.runs):
            copy, copy_key = Path(tmp) / f"run{n}.db", Path(tmp) / f"run{n}.key"
            shutil.copy(base, copy)
            shutil.copy(key, copy_key)
            runs.append(close_once(copy, copy_key, meta["office_id"]))
    print(f"{'step':<22}{'median':>10}{'min':>10}")
    for step in runs[0]:
        values = [r[step] for r in runs]
        print(f"{step:<22}{statistics.median(values) * 1000:>8.1f}ms{min(values) * 1000:>8.1f}ms")
    median = statistics.median(r["total"] for r in runs)
    print(
        f"close a day of {args.payments} payments with its report PDFs: {median * 1000:.0f} ms "
        f"(goal {GOAL_S * 1000:.0f} ms, ratio {median / GOAL_S:.2f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
