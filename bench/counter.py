"""Benchmarks 6 and 8: the keys a teller presses for a standard cash payment, from
an empty customer bar to a printed receipt; and the resident memory of the
application after a day of payments in one process. Both come from one child
process that drives the real main window (bench.gui_counter) on a copy of the demo
database; the floor of the memory figure is a bare PySide6 window (bench.gui_start).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.demo_db import DemoDb
from bench.measure import child_env, run_child
from bench.report import Goal, Row

KEYS_GOAL = Goal(8, strict=False)
MEMORY_GOAL = Goal(250.0)


def is_data(key: str) -> bool:
    """A key of the figures themselves (digits, the decimal point), not a command."""
    return len(key) == 1 and (key.isdigit() or key == ".")


def _keys_row(kind: str, keys: list[str], digits: int) -> Row:
    control = [k for k in keys if not is_data(k)]
    data = len(keys) - len(control)
    return Row(
        "keys",
        f"6. keys, cash payment, {kind}",
        "keys",
        len(keys),
        digits,
        "the account number's digits alone",
        KEYS_GOAL,
        runs=1,
        note=f"{' '.join(keys)}  ({data} data keys, {len(control)} control keys)",
        extra={"keys": keys, "data_keys": data, "control_keys": len(control)},
    )


def run(demo: DemoDb, payments: int, work: Path, bare_rss: float | None) -> list[Row]:
    copy = demo.copy(work / "counter")
    out = work / "counter-out"
    out.mkdir(parents=True, exist_ok=True)
    try:
        result: dict[str, Any] = run_child(
            "bench.gui_counter",
            "--db",
            str(copy.path),
            "--payments",
            str(payments),
            "--out",
            str(out),
            env=child_env(),
        )
    finally:
        copy.remove()
    digits = int(result["account_digits"])
    keys = result["keys"]
    rows = [
        _keys_row("exact money", keys["exact"], digits),
    ]
    if "change" in keys:
        rows.append(_keys_row("with change", keys["change"], digits))
    between = result["between_customers"]
    rows[0].note += f"; then {' '.join(between)} for the next customer"
    rows.append(
        Row(
            "memory",
            f"8a. resident memory after {result['payments']} payments",
            "MB",
            result["rss_end_mb"],
            bare_rss,
            "a bare PySide6 window (VmRSS)" if bare_rss else "",
            MEMORY_GOAL,
            runs=1,
            note=(
                f"{result['rss_start_mb']:.0f} MB after the login; Enter at the read-back "
                f"to the receipt preview shown: median {result['receipt_shown_ms']:.0f} ms"
            ),
            extra=result,
        )
    )
    return rows
