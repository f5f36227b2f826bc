"""`python -m bench` runs every benchmark and reports each in its table and JSON.
Run once on a tiny demo database, one repetition each; no figure is judged here
(benchmarks are measured by `make bench`, never asserted by a test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ("1.", "2.", "3.", "4.", "5.", "6.", "7.", "8a.", "8b.", "9.", "10a.", "10b.")


@pytest.mark.slow
def test_every_benchmark_produces_a_row(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("GASDESK_DATABASE_URL", None)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--accounts=200",
            "--runs=1",
            "--queries=2",
            "--day-payments=20",
            "--day-runs=1",
            "--counter-payments=2",
            f"--work={tmp_path / 'work'}",
            f"--json={out}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = json.loads(out.read_text())["rows"]
    for number in FIGURES:
        found = [r for r in rows if r["figure"].startswith(number)]
        assert found, f"no row for benchmark {number}"
        assert all(r["median"] is not None for r in found), found
    searched = [r for r in rows if r["figure"].startswith("3.")]
    assert len(searched) >= 10  # each kind of query has its row
    assert all(r["floor"] for r in searched)
    keys = next(r for r in rows if r["figure"].startswith("6.") and "exact" in r["figure"])
    assert keys["extra"]["control_keys"] + keys["extra"]["data_keys"] == keys["median"]
    imported = [r for r in rows if r["figure"].startswith("10")]
    assert all("NOT moving" not in r["note"] and "200 new" in r["note"] for r in imported[:2])
    assert imported[0]["extra"]["progress_reports"] > 2
    for row in rows:  # the table shows the same rows
        assert row["figure"] in proc.stdout
