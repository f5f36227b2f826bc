"""What the login window needs, and no more, is imported before it shows: the main
window's modules (reportlab, QtPdf, every tab) load on another thread while the
teller types, and pypinyin only when an account is created or renamed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import gasdesk.ui.application
heavy = ("gasdesk.ui.main_window", "reportlab", "pypinyin", "PySide6.QtPdf")
print(" ".join(m for m in heavy if m in sys.modules) or "-")
from gasdesk.domain.names import initials
print(initials("单田芳"), "pypinyin" in sys.modules)
"""


def test_the_login_path_leaves_the_heavy_modules_for_later() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    loaded, named = proc.stdout.split("\n")[:2]
    assert loaded == "-"
    assert named == "stf True"  # and pinyin works once asked for
