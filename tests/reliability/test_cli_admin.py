"""The administrator's commands as `gasdesk <command>` runs them: verify, user,
backup, restore (functions of gasdesk.cli_admin, wired into gasdesk.app)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from peewee import Database

from gasdesk.cli_admin import run_backup, run_restore, run_user, run_verify
from gasdesk.storage.models import Payment, Staff, db
from tests.reliability.payment_loop import pay


@pytest.fixture
def paid(sqlite_seeded: Database, tmp_path: Path) -> list[str]:
    """Three payments; returns the common arguments naming the database and key."""
    for _ in range(3):
        pay("1001000001", 100)
    db.close()
    return ["--db", str(tmp_path / "gasdesk.db"), "--key", str(tmp_path / "audit.key")]


def test_verify_reports_an_intact_database(
    paid: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_verify(paid) == 0
    out = capsys.readouterr().out
    assert "Integrity check: ok" in out
    assert "Audit chain intact: 5 events" in out  # the anchor, the shift's opening, 3 payments


def test_verify_names_the_first_bad_sequence_number(
    paid: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(tmp_path / "gasdesk.db")
    con.execute("DROP TRIGGER audit_event_no_update")
    con.execute(
        "UPDATE audit_event SET payload_json = replace(payload_json, '100', '900') WHERE seq = 3"
    )
    con.commit()
    con.close()
    assert run_verify(paid) == 1
    out = capsys.readouterr().out
    assert "Audit chain BROKEN at sequence number 3" in out


def test_verify_checks_a_head_printed_elsewhere(
    paid: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_verify([*paid, "--quick", "--anchor", "7:" + "ab" * 32]) == 1
    assert "truncated" in capsys.readouterr().out


def test_verify_of_an_unusable_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database")
    assert run_verify(["--db", str(bogus)]) == 2
    assert "not a GasDesk database" in capsys.readouterr().err


def test_user_add_reset_unlock(
    paid: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("first-pw\n"))
    args = ["add", "--badge", "WC05", "--name", "孙悦", "--role", "teller", "--office", "WC"]
    assert run_user([*paid, *args, "--password-stdin"]) == 0
    assert "Added teller WC05 孙悦" in capsys.readouterr().out

    monkeypatch.setattr("sys.stdin", io.StringIO("x\n"))
    assert run_user([*paid, "reset", "WC05", "--password-stdin"]) == 1
    assert "at least 6" in capsys.readouterr().err

    answers = iter(["second-pw", "second-pw"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert run_user([*paid, "reset", "WC05"]) == 0
    assert run_user([*paid, "unlock", "WC05"]) == 0
    assert run_user([*paid, "unlock", "ZZ01"]) == 1
    assert "There is no badge ZZ01" in capsys.readouterr().err
    assert run_verify([*paid, "--quick"]) == 0
    from gasdesk.services.passwords import check_password

    assert check_password(Staff.get(Staff.badge == "WC05").password_hash, "second-pw")


def test_backup_then_restore_with_typed_confirmation(
    paid: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "backups"
    assert run_backup([*paid, "--folder", str(folder), "--office", "MS"]) == 0
    (made,) = folder.glob("gasdesk-MS-*.db")
    assert f"Backup {made}" in capsys.readouterr().out

    from gasdesk.storage.db import open_database

    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    pay("1001000001", 100)
    db.close()

    monkeypatch.setattr("builtins.input", lambda prompt="": "gasdesk.db")  # the wrong name
    assert run_restore([*paid, str(made)]) == 1
    assert "nothing was changed" in capsys.readouterr().out
    assert not list(tmp_path.glob("gasdesk.db.before-restore-*"))

    monkeypatch.setattr("builtins.input", lambda prompt="": made.name)
    assert run_restore([*paid, str(made)]) == 0
    assert "previous database is kept" in capsys.readouterr().out
    assert len(list(tmp_path.glob("gasdesk.db.before-restore-*"))) == 1
    assert Payment.select().count() == 3
    assert run_verify(paid) == 0


def test_the_demo_database_verifies_and_its_backup_checks_out(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo history never passed the counter; it is sealed when loaded, so the
    administrator's checks hold for it as for counter payments."""
    db.close()
    args = ["--db", str(database), "--key", str(database.with_name(database.name + ".key"))]
    assert run_verify(args) == 0
    assert "Audit chain intact" in capsys.readouterr().out
    folder = tmp_path / "backups"
    assert run_backup([*args, "--folder", str(folder), "--office", "MS"]) == 0
    (made,) = folder.glob("gasdesk-MS-*.db")
    assert "checked" in capsys.readouterr().out.lower()

    con = sqlite3.connect(made)  # an imported payment edited in the copy
    con.execute("DROP TRIGGER payment_no_update")
    con.execute("UPDATE payment SET amount_fen = amount_fen + 100 WHERE id = 7")
    con.commit()
    con.close()
    assert run_verify(["--db", str(made), "--key", args[3]]) == 1
    out = capsys.readouterr().out
    assert "Audit chain BROKEN at sequence number 2: imported payments #1-#" in out
    assert "total" in out
