"""Benchmark 7: closing a business day of 3,000 payments, report PDFs included.

The day is built once through the real services on a copy of the demo database
(two tellers' shifts opened with a float, payments in cash, WeChat Pay, Alipay and
bank card, one in a hundred voided, cash paid out, blind counts, shifts closed). Each
run then closes it on a fresh copy of that database as the End of day screen does:
the full integrity check starts in the background once every shift is closed (timed
on its own row: the supervisor reads the figures and types badge and password
meanwhile), then close_day (the supervisor's password check, argon2id at its
production cost; the close transaction, which takes over the check's verdict), the
day report's figures, and the A4 and Z-slip PDFs.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.demo_db import DemoDb, close_bound
from bench.report import Goal, Row

GOAL = Goal(1.0)
OFFICE = "MS"
TELLERS = ("MS01", "MS02")
SUPERVISOR = "MS09"


def build_day(demo: DemoDb, payments: int, seed: int = 7) -> int:
    """Fill demo.today at the office with `payments` payments and close its shifts;
    returns the office id."""
    from gasdesk.demo import DEMO_PASSWORD
    from gasdesk.domain.fees import PaymentRequest
    from gasdesk.services import drawer, reconcile, shift_close, shifts
    from gasdesk.services.payments import collect_payment
    from gasdesk.services.voids import void_payment
    from gasdesk.storage.models import Account, Counter, Office, Staff
    from gasdesk.storage.rows import tuples

    rng = random.Random(seed)
    day = demo.today
    demo.open()
    office = Office.get(Office.code == OFFICE)
    tellers = [Staff.get(Staff.badge == b) for b in TELLERS]
    counters = [
        Counter.get((Counter.office == office.id) & (Counter.number == n))
        for n in range(1, len(tellers) + 1)
    ]
    accounts = [
        int(r[0])
        for r in tuples(
            Account.select(Account.id).where(
                (Account.office == office.id) & (Account.status == "active")
            )
        )
    ]
    opened = [
        shifts.open_shift(t.id, c.id, {10000: 5, 1000: 20, 100: 50}, business_date=day)
        for t, c in zip(tellers, counters, strict=True)
    ]
    taken: list[tuple[int, int, int]] = []  # payment, teller, counter
    for i in range(payments):
        k = rng.randrange(len(tellers))
        method = rng.choices(("cash", "wechat", "alipay", "card"), (6, 2, 1, 1))[0]
        amount = rng.randrange(1000, 60000)  # to the fen: the drawer counts fen coins too
        receipt = collect_payment(
            PaymentRequest(
                account_id=rng.choice(accounts),
                staff_id=tellers[k].id,
                counter_id=counters[k].id,
                kind="prepay",
                method=method,
                expected_due_fen=amount,
                idempotency_key=f"bench-day-{i}",
                tendered_fen=(amount + rng.choice((0, 0, 50, 1000))) if method == "cash" else None,
                reference="" if method == "cash" else f"R{i:08d}",
            ),
            today=day,
        )
        taken.append((receipt.payment_id, tellers[k].id, counters[k].id))
    for payment_id, teller, counter in rng.sample(taken, max(1, payments // 100)):
        void_payment(
            payment_id=payment_id,
            staff_id=teller,
            counter_id=counter,
            supervisor_badge=SUPERVISOR,
            supervisor_password=DEMO_PASSWORD,
            reason="收错金额",
            idempotency_key=f"bench-void-{payment_id}",
            today=day,
        )
    for t, s in zip(tellers, opened, strict=True):
        shifts.pay_out(s.id, t.id, 20000, "银行存款")
        expected = drawer.expected_cash_of(s.id).expected_fen
        declared = {m: v for m, v in drawer.expected_totals(s.id).items() if m != "cash"}
        counted = reconcile.record_blind_count(s.id, t.id, _notes(expected), declared)
        if counted.outstanding:
            raise RuntimeError(f"unexpected difference {counted.outstanding}")
        shift_close.close_shift(s.id, t.id)
    office_id = int(office.id)
    close_bound()
    return office_id


def _notes(fen: int) -> dict[int, int]:
    from gasdesk.domain.cash import DENOMINATIONS_FEN

    counts = {}
    for value in DENOMINATIONS_FEN:
        counts[value], fen = divmod(fen, value)
    assert fen == 0, "cash is counted to the fen"
    return counts


def _timed(steps: dict[str, float], name: str, fn: Callable[[], Any]) -> Any:
    t0 = time.perf_counter()
    value = fn()
    steps[name] = time.perf_counter() - t0
    return value


def close_once(demo: DemoDb, office_id: int) -> dict[str, float]:
    from gasdesk.demo import DEMO_PASSWORD
    from gasdesk.printing.day_report import render_day_report
    from gasdesk.services import day_close
    from gasdesk.services.day_report import day_report
    from gasdesk.storage import integrity

    demo.open()
    day = demo.today
    steps: dict[str, float] = {}
    # as on the End of day screen: every shift is closed, so the full integrity check
    # starts in the background while the supervisor reads the figures and confirms
    integrity.forget()
    t0 = time.perf_counter()
    assert day_close.prepare_close(office_id, day), "the check ahead of the close did not start"
    integrity.wait_for_precheck()
    steps["precheck"] = time.perf_counter() - t0
    ahead = integrity.latest()
    assert ahead is not None and ahead.result.ok and ahead.background
    info = _timed(
        steps, "close", lambda: day_close.close_day(office_id, day, SUPERVISOR, DEMO_PASSWORD)
    )
    used = integrity.latest()
    assert used is ahead, "close_day ran a check of its own instead of the one ahead"
    report = _timed(steps, "figures", lambda: day_report(office_id, day))
    a4 = _timed(steps, "a4", lambda: render_day_report(report, "a4"))
    _timed(steps, "slip", lambda: render_day_report(report, "slip"))
    assert report.closed and report.payments == info.payments and a4.startswith(b"%PDF")
    steps["total"] = sum(steps[k] for k in ("close", "figures", "a4", "slip"))
    close_bound()
    return steps


def run(
    demo: DemoDb,
    runs: int,
    payments: int,
    work: Path,
    then: Callable[[DemoDb, Path], list[Row]] | None = None,
) -> list[Row]:
    """The day close rows, and those `then` makes of the day's database."""
    from gasdesk.printing.fonts import register_cjk_font

    register_cjk_font()  # loaded once per process, as in the application
    base = demo.copy(work / "day")
    t0 = time.perf_counter()
    office_id = build_day(base, payments)
    built = time.perf_counter() - t0
    results = []
    more: list[Row] = []
    try:
        for n in range(runs):
            copy = base.copy(work / f"day-{n}")
            try:
                results.append(close_once(copy, office_id))
            finally:
                copy.remove()
        if then is not None:
            more = then(base, work)
    finally:
        base.remove()

    def med(step: str) -> float:
        return statistics.median(r[step] for r in results)

    total = med("total")
    return [
        Row(
            "dayclose",
            f"7. close a day of {payments:,} payments, with its PDFs",
            "s",
            total,
            goal=GOAL,
            runs=len(results),
            note=(
                f"close_day {med('close'):.2f} s after the full integrity check of the "
                f"database ran ahead in the background ({med('precheck'):.1f} s, "
                f"started once every shift was closed), report figures {med('figures'):.2f} s, "
                f"A4 PDF {med('a4'):.2f} s, Z slip {med('slip'):.2f} s; the day took "
                f"{built:.0f} s to build (not timed)"
            ),
            extra={k: med(k) for k in results[0]},
        ),
        Row(
            "dayclose",
            "7b. its full integrity check, run ahead",
            "s",
            med("precheck"),
            runs=len(results),
            note="in the background on its own read-only connection; the close waits "
            "for it only if the supervisor confirms sooner",
        ),
        *more,
    ]
