"""Benchmark 5: from the teller's confirmation of a cash payment to its receipt PDF
ready, as the worker does it (collect_payment, then the 80 mm receipt PDF).

The floor is what the database must do for it and no less: the same rows (the
payment, its bill settlements, the receipt counter, the receipt and the audit event)
written by bare INSERTs in one BEGIN IMMEDIATE transaction on a bare sqlite3
connection to a copy of the same database, committed with the same durability
(WAL, synchronous=FULL).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import time
import uuid
from pathlib import Path

from bench.demo_db import DemoDb, close_bound
from bench.report import Goal, Row

GOAL = Goal(100.0)
BADGE = "MS01"


def due_accounts(office_code: str, wanted: int, skip: int = 0) -> list[tuple[int, int, int]]:
    """(account id, due fen, bills) of accounts of the office that owe bills."""
    from gasdesk.services import billing
    from gasdesk.storage.models import Account, Office

    office = Office.get(Office.code == office_code)
    found: list[tuple[int, int, int]] = []
    query = (
        Account.select(Account.id)
        .where((Account.office == office.id) & (Account.status == "active"))
        .order_by(Account.id)
        .offset(skip)
        .tuples()
    )
    for (account_id,) in query.iterator():
        st = billing.statement(account_id)
        if st.due_fen > 0:
            found.append((account_id, st.due_fen, len(st.bills)))
            if len(found) >= wanted:
                break
    return found


def _teller() -> tuple[int, int]:
    from gasdesk.storage.models import Counter, Staff

    staff = Staff.get(Staff.badge == BADGE)
    counter = Counter.get((Counter.office == staff.office_id) & (Counter.number == 1))
    return staff.id, counter.id


def open_drawer(staff_id: int, counter_id: int) -> None:
    """The teller's shift, opened with a float unless it is open: money is taken only
    into a shift."""
    from gasdesk.services import shifts

    if shifts.current_shift(staff_id, counter_id) is None:
        shifts.open_shift(staff_id, counter_id, {10000: 10}, business_date=dt.date.today())


def ours(demo: DemoDb, runs: int) -> tuple[list[float], list[float], list[int]]:
    """Timed confirm -> PDF; returns (total ms, of which PDF ms, bills settled)."""
    from gasdesk.domain.fees import PaymentRequest
    from gasdesk.printing.fonts import register_cjk_font
    from gasdesk.services import payments, receipts

    demo.open()
    register_cjk_font()  # once per process, as the application does before its first receipt
    staff_id, counter_id = _teller()
    open_drawer(staff_id, counter_id)
    totals: list[float] = []
    pdfs: list[float] = []
    bills: list[int] = []
    for i, (account_id, due, n) in enumerate(due_accounts("MS", runs + 1)):
        request = PaymentRequest(
            account_id, staff_id, counter_id, "bill", "cash", due, uuid.uuid4().hex, due + 5_000
        )
        t0 = time.perf_counter()
        info = payments.collect_payment(request)
        t1 = time.perf_counter()
        pdf = receipts.receipt_pdf(info.receipt_id, "80mm")
        t2 = time.perf_counter()
        assert pdf.startswith(b"%PDF")
        if i == 0:
            continue  # the first warms the caches
        totals.append((t2 - t0) * 1000)
        pdfs.append((t2 - t1) * 1000)
        bills.append(n)
    close_bound()
    return totals, pdfs, bills


def floor(path: Path, runs: int, bills: int) -> list[float]:
    """Bare INSERTs of one payment's rows in one durable transaction."""
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = 1")
    staff_id, office_id, account_id, bill_id = con.execute(
        "SELECT s.id, s.office_id, a.id, b.id FROM staff s JOIN account a ON a.office_id = s.office_id"
        " JOIN bill b ON b.account_id = a.id WHERE s.badge = ? LIMIT 1",
        (BADGE,),
    ).fetchone()
    seq = con.execute("SELECT COALESCE(MAX(seq), 0) FROM audit_event").fetchone()[0]
    today = dt.date.today().isoformat()
    times = []
    for i in range(runs + 1):
        stamp = dt.datetime.now().isoformat(sep=" ")
        t0 = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        cur = con.execute(
            "INSERT INTO payment (account_id, office_id, counter_id, staff_id, business_date, kind,"
            " method, amount_fen, tendered_fen, change_fen, volume_l, reference, idempotency_key,"
            " reason, created_at, lines_json) VALUES (?, ?, NULL, ?, ?, 'bill', 'cash', 12345,"
            " 15000, 2655, 0, '', ?, '', ?, '[]')",
            (account_id, office_id, staff_id, today, uuid.uuid4().hex, stamp),
        )
        payment_id = cur.lastrowid
        for _ in range(bills):
            con.execute(
                "INSERT INTO payment_bill (payment_id, bill_id, amount_fen) VALUES (?, ?, 12345)",
                (payment_id, bill_id),
            )
        con.execute(
            "INSERT INTO receipt_counter (series, last) VALUES ('FLOOR', 0) ON CONFLICT DO NOTHING"
        )
        number = con.execute(
            "UPDATE receipt_counter SET last = last + 1 WHERE series = 'FLOOR' RETURNING last"
        ).fetchone()[0]
        con.execute(
            "INSERT INTO receipt (series, number, payment_id, issued_at) VALUES ('FLOOR', ?, ?, ?)",
            (number, payment_id, stamp),
        )
        seq += 1
        con.execute(
            "INSERT INTO audit_event (seq, at, kind, staff_id, office_id, payload_json,"
            " prev_hash, hash) VALUES (?, ?, 'payment', ?, ?, ?, ?, ?)",
            (seq, stamp, staff_id, office_id, '{"amount_fen":12345}', "0" * 64, "f" * 64),
        )
        con.execute("COMMIT")
        if i:
            times.append((time.perf_counter() - t0) * 1000)
    con.close()
    return times


def run(demo: DemoDb, runs: int, work: Path) -> list[Row]:
    mine = demo.copy(work / "payment")
    bare = demo.copy(work / "payment-floor")
    try:
        totals, pdfs, bills = ours(mine, runs)
        floors = floor(bare.path, runs, round(statistics.median(bills)))
    finally:
        mine.remove()
        bare.remove()
    return [
        Row(
            "payment",
            "5. confirm cash payment -> receipt PDF",
            "ms",
            statistics.median(totals),
            statistics.median(floors),
            "the same rows by bare INSERTs in one durable transaction",
            GOAL,
            runs=len(totals),
            note=f"of which the 80 mm PDF {statistics.median(pdfs):.1f} ms",
            extra={"pdf_ms": statistics.median(pdfs), "bills_median": statistics.median(bills)},
        )
    ]
