"""Timing and memory helpers shared by the benchmarks."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def seconds(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def median_ms(fn: Callable[[], object], runs: int, *, warm: bool = True) -> float:
    """Median wall time of `runs` calls in milliseconds; one untimed call first warms
    the page cache and the statement caches."""
    if warm:
        fn()
    return statistics.median(seconds(fn) * 1000 for _ in range(max(1, runs)))


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def rss_mb() -> float:
    """This process's resident memory now (VmRSS), in MB (10^6 bytes)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    # Elsewhere only the peak is known (kilobytes on Linux, bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak * (1 if sys.platform == "darwin" else 1024) / 1e6


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a benchmark child: headless Qt, this checkout first on the
    path, no shared database."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("GASDESK_DATABASE_URL", None)
    env.update(extra)
    return env


def run_child(module: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `python -m module args...` and return the JSON object it prints last."""
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env or child_env(),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(
            f"{module} failed (exit {proc.returncode}):\n{proc.stdout[-2000:]}{proc.stderr[-4000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def report_json(data: dict[str, Any]) -> None:
    """What a benchmark child hands back to the parent (see run_child)."""
    print(json.dumps(data), flush=True)
