"""A counter takes a payment, the teller browses the database's folder in a GasDesk
file or print dialog, another program reads the database and closes, the counter
takes a second payment and is killed (SIGKILL): both payments are there.

With Qt's own file dialog (`plain` in browse_child.py) the browsing dropped SQLite's
locks; the reader then found itself the last user of the database, folded the
write-ahead log into the file and deleted it while the counter kept writing into it,
and the second payment, committed, was gone after the kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gasdesk.storage.db import open_database
from gasdesk.storage.models import Payment, Receipt, db
from tests.locks_support import held_locks
from tests.reliability.seed import seed

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("browse_child.py")

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="/proc/locks")


def _start(file: Path, key: Path, dialog: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("GASDESK_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(file), str(key), dialog],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


@pytest.mark.parametrize("dialog", ["export", "print"])
def test_a_payment_after_browsing_the_database_folder_survives_a_crash(
    tmp_path: Path, dialog: str
) -> None:
    file, key = tmp_path / "gasdesk.db", tmp_path / "gasdesk.db.key"
    open_database(file, key_path=key)
    seed()
    db.close()

    child = _start(file, key, dialog)
    assert child.stdout is not None and child.stdin is not None
    try:
        first = child.stdout.readline().split()
        assert first[:1] == ["committed"], child.stderr.read() if child.stderr else ""
        locks = held_locks(file, child.pid)
        assert locks, "the counter's SQLite holds a lock on its database"
        assert child.stdout.readline() == "browsed\n"
        assert held_locks(file, child.pid) == locks  # browsing dropped none of them

        reader = sqlite3.connect(file)  # another program reads, and closes
        assert reader.execute("SELECT COUNT(*) FROM payment").fetchone()[0] == 1
        reader.close()
        assert file.with_name(file.name + "-wal").exists()  # still the counter's

        child.stdin.write("pay\n")
        child.stdin.flush()
        second = child.stdout.readline().split()
        assert second[:1] == ["committed"]
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
    assert child.returncode == -signal.SIGKILL

    open_database(file, key_path=key)
    codes = {r.code for r in Receipt.select()}
    assert {first[1], second[1]} <= codes
    assert Payment.select().count() == 2
    db.close()
