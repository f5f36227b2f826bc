"""The administrator's commands run without Qt: importing them loads no PySide6, and a
command that reads the counter's settings (the database, the backup folder) reads
them without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gasdesk import settings
from gasdesk.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ENTRY_MODULES = (
    "gasdesk.app",
    "gasdesk.cli_admin",
    "gasdesk.cli_key",
    "gasdesk.cli_verify",
    "gasdesk.cli_text",
    "gasdesk.demo.cli",
    "gasdesk.settings",
    "gasdesk.settings_doc",
)
QT_LOADED = "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))"


def _python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("module", ENTRY_MODULES)
def test_importing_a_command_loads_no_qt(module: str) -> None:
    proc = _python(f"import sys, {module}; {QT_LOADED}")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_backup_reads_the_counters_settings_without_qt(
    empty_database: Path, tmp_path: Path
) -> None:
    counter = Settings(tmp_path / "counter.ini")
    counter.set(settings.DB_PATH, str(empty_database))
    counter.set(settings.BACKUP_FOLDER, str(tmp_path / "备份"))
    counter.set(settings.COUNTER_OFFICE, "WC")
    code = f"import sys; from gasdesk.app import main; code = main(['backup']); {QT_LOADED}"
    proc = _python(code, {"GASDESK_SETTINGS": str(counter.path)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"
    made = list((tmp_path / "备份").glob("gasdesk-WC-*.db"))
    assert len(made) == 1, proc.stdout
