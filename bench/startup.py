"""Benchmarks 1 and 2: cold start to an interactive login window, against a bare
PySide6 window shown by the same interpreter (the floor); and login to the main
window ready. Each start is a new process (bench.gui_start), headless (offscreen),
timed from just before the process is started to its first window shown with the
event loop idle. The page cache is warm: the first run of each kind is not counted.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from bench.demo_db import DemoDb
from bench.measure import child_env, run_child
from bench.report import Goal, Row

COLD_GOAL = Goal(0.6, ratio=3.0)
LOGIN_GOAL = Goal(0.4)


def _start(mode: str, env: dict[str, str], *args: str) -> dict[str, Any]:
    t0 = time.monotonic()
    out = run_child("bench.gui_start", mode, *args, env=env)
    out["cold_s"] = out["ready"] - t0
    return out


def settings_file(folder: Path) -> Path:
    """A counter's settings: Mengshui counter 1, Chinese."""
    path = folder / "settings.ini"
    path.write_text("[counter]\noffice=MS\nnumber=1\n\n[ui]\nlanguage=zh_CN\n")
    return path


def run(demo: DemoDb, runs: int, work: Path) -> list[Row]:
    folder = work / "startup"
    folder.mkdir(parents=True, exist_ok=True)
    env = child_env(GASDESK_SETTINGS=str(settings_file(folder)))
    bare: list[dict[str, Any]] = []
    app: list[dict[str, Any]] = []
    warm = 1 if runs > 1 else 0  # the first start of each fills the page cache
    for n in range(runs + warm):  # alternating, so that both see the same load
        b = _start("bare", env)
        a = _start("app", env, "--db", str(demo.path))
        if n >= warm:
            bare.append(b)
            app.append(a)
    cold = statistics.median(a["cold_s"] for a in app)
    floor = statistics.median(b["cold_s"] for b in bare)
    login = statistics.median(a["login_s"] for a in app)
    return [
        Row(
            "start",
            "1. cold start -> login window",
            "s",
            cold,
            floor,
            "a bare PySide6 window shown by the same interpreter",
            COLD_GOAL,
            runs=len(app),
            note="warm page cache; process start to the window shown and the event loop idle",
            extra={
                "rss_login_mb": statistics.median(a["rss_login_mb"] for a in app),
                "rss_bare_mb": statistics.median(b["rss_mb"] for b in bare),
            },
        ),
        Row(
            "start",
            "2. login -> main window ready",
            "s",
            login,
            goal=LOGIN_GOAL,
            runs=len(app),
            note="Enter on the password to the main window shown, its first loads done",
            extra={"rss_main_mb": statistics.median(a["rss_main_mb"] for a in app)},
        ),
    ]
