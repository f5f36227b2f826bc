"""The several-counter deployment of docs/deployment.md, done for real on a throw-away
PostgreSQL server by scripts/deploy_postgres_check.py: roles with the least rights,
the schema by the owner, the first run and two counters paying at once as the
counters' role, receipts gapless, the refusals, an upgrade, a dump restored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "deploy_postgres_check.py"

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_the_deployment_check_passes_on_a_fresh_server() -> None:
    if not os.environ.get("GASDESK_TEST_PG_URL"):
        pytest.skip("GASDESK_TEST_PG_URL is not set (the PostgreSQL tests are not run)")
    if not (
        os.environ.get("GASDESK_PG_BIN") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    ):
        pytest.skip("PostgreSQL's server programs are not installed")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--payments", "10"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "21 receipts (2 x 10 payments + 1 void), numbers 1..21 each once" in done.stdout
    assert "13 refusals held" in done.stdout
