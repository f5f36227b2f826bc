"""`python -m bench`: build a fresh demo database, run every benchmark on it, print
one table (figure, median of repeated runs, floor measured in the same run, ratio,
goal, met or missed) and write the same as JSON.

    python -m bench [--accounts 100000] [--runs 5] [--only NAME ...] [--json PATH]

NAME is one of: start (1, 2), search (3), view (4), payment (5), keys and memory
(6, 8a: one run drives both), dayclose (7, with the start-up check, audit
verification and backup figures of its database), imports (10: customers and a
reading round of --accounts rows, into a database of its own). The demo database
(9, 8b) is built first when a benchmark needs it, unless --reuse names a folder
holding one from an earlier run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import checks, counter, day_close, demo_db, imports, payment, search, startup
from bench.measure import ROOT, run_child
from bench.report import Row, machine, table, write_json

NAMES = ("start", "search", "view", "payment", "keys", "memory", "dayclose", "imports")


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--accounts", type=int, default=demo_db.GOAL_ACCOUNTS, help="demo accounts")
    p.add_argument("--runs", type=int, default=5, help="repetitions of each timed figure")
    p.add_argument("--queries", type=int, default=20, help="search queries of each kind")
    p.add_argument("--day-payments", type=int, default=3000, help="payments of the closed day")
    p.add_argument("--day-runs", type=int, default=3, help="day closes timed")
    p.add_argument("--counter-payments", type=int, default=500, help="payments of the counter day")
    p.add_argument("--only", action="append", default=[], metavar="NAME", help=", ".join(NAMES))
    p.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    p.add_argument("--work", type=Path, help="folder for the databases (default: a temporary one)")
    p.add_argument(
        "--reuse", type=Path, metavar="DIR", help="use (or build once and keep) the demo in DIR"
    )
    args = p.parse_args(argv)
    only = {n.strip() for item in args.only for n in item.split(",") if n.strip()}
    unknown = only - set(NAMES)
    if unknown:
        p.error(f"unknown benchmark {', '.join(sorted(unknown))}; choose from {', '.join(NAMES)}")
    args.selected = [n for n in NAMES if not only or n in only]
    return args


def bare_rss() -> float:
    return float(run_child("bench.gui_start", "bare")["rss_mb"])


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    started = time.perf_counter()
    load_before = os.getloadavg()
    work = Path(args.work or tempfile.mkdtemp(prefix="gasdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    today = dt.date.today()
    rows: list[Row] = []

    def step(name: str, fn: Callable[[], list[Row]]) -> None:
        print(f"... {name}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        new = fn()
        rows.extend(new)
        print(f"    {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)

    try:
        selected = args.selected
        made: list[Row] = []
        if set(selected) - {"imports"}:
            if args.reuse and (args.reuse / demo_db.DB_NAME).exists():
                demo, made = demo_db.reuse(args.reuse, args.accounts, today)
            else:
                print(
                    f"... demo database of {args.accounts:,} accounts", file=sys.stderr, flush=True
                )
                demo, made = demo_db.build(args.reuse or work / "demo", args.accounts, today)
        if "start" in selected:
            step("1, 2 start", lambda: startup.run(demo, args.runs, work))
        if "search" in selected:
            step("3 search", lambda: search.run_search(demo, args.runs, args.queries))
        if "view" in selected:
            step("4 account view", lambda: search.run_view(demo, args.runs, args.queries))
        if "payment" in selected:
            step("5 payment", lambda: payment.run(demo, args.runs, work))
        if "keys" in selected or "memory" in selected:
            floor = next((r.extra["rss_bare_mb"] for r in rows if "rss_bare_mb" in r.extra), None)

            def counter_day() -> list[Row]:
                return counter.run(demo, args.counter_payments, work, floor or bare_rss())

            step("6, 8a counter day", counter_day)
        if "dayclose" in selected:
            step(
                "7 day close",
                lambda: day_close.run(
                    demo, args.day_runs, args.day_payments, work, then=checks.run
                ),
            )
        if "imports" in selected:
            step("10 imports", lambda: imports.run(args.accounts, work))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    rows = [*rows, *made]
    rows.sort(key=lambda r: _order(r.figure))
    meta = {
        **machine(),
        "load_average_before": [round(x, 2) for x in load_before],
        "accounts": args.accounts,
        "runs": args.runs,
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(table(rows))
    print(
        f"\n{meta['cpus']} cores; load average {load_before[0]:.2f} before, "
        f"{meta['load_average'][0]:.2f} after; {meta['seconds']:.0f} s in all"
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    write_json(args.json, rows, meta)
    print(f"written to {args.json}")
    return 0


def _order(figure: str) -> tuple[int, str]:
    """Benchmarks in the issue's order (8a before 8b); unnumbered figures last."""
    head = figure.split(".", 1)[0]
    digits = "".join(ch for ch in head if ch.isdigit())
    return (int(digits), head) if digits and len(head) <= 3 else (99, "")
