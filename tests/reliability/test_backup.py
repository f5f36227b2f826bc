"""Online backups (taken while another process keeps paying), their checks, rotation,
and restore that keeps the previous database aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from peewee import Database

from gasdesk.storage import audit_verify, backup
from gasdesk.storage.db import open_database
from gasdesk.storage.models import Payment, db
from tests.reliability.children import committed_lines, start_loop
from tests.reliability.payment_loop import pay


def test_backup_while_another_process_pays_is_consistent_and_checked(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    for _ in range(3):
        pay("1001000001", 100)
    child = start_loop(str(tmp_path / "gasdesk.db"), tmp_path / "audit.key", 150, 100)
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    infos = [backup.make_backup(tmp_path / "backups", "MS", keep=10) for _ in range(3)]
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert len(committed_lines(out)) == 150
    for info in infos:
        assert info.path.exists()
        assert not info.path.with_name(info.path.name + "-wal").exists()  # one self-contained file
        check = backup.check_file(info.path)
        assert check.ok, check.summary
        assert check.chain.head_seq == info.head_seq >= 3
    final = audit_verify.verify()
    assert final.ok
    assert all(3 <= i.head_seq <= final.head_seq for i in infos)


def test_backup_names_and_rotation_keep_the_newest(sqlite_seeded: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    made = [backup.make_backup(folder, "MS", keep=3).path for _ in range(5)]
    other = backup.make_backup(folder, "WC", keep=3).path
    assert backup.list_backups(folder, "MS") == made[-3:]
    assert all(not p.exists() for p in made[:2])
    assert other.exists()
    assert made[0].name.startswith("gasdesk-MS-") and made[0].name.endswith(".db")


def test_a_damaged_or_tampered_backup_does_not_check_out(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    pay("1001000001", 100)
    good = backup.make_backup(tmp_path / "b", "MS", keep=30).path

    tampered = tmp_path / "tampered.db"
    tampered.write_bytes(good.read_bytes())
    con = sqlite3.connect(tampered)
    con.execute("DROP TRIGGER payment_no_update")
    con.execute("UPDATE payment SET amount_fen = 1")
    con.commit()
    con.close()
    check = backup.check_file(tampered)
    assert not check.ok and "amount 1 differs" in check.summary

    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    page = 4096
    for i in range(2 * page, 6 * page):  # scribble over pages in the middle
        data[i] ^= 0x5A
    damaged.write_bytes(bytes(data))
    try:
        check = backup.check_file(damaged)
    except backup.BackupError as exc:
        assert "cannot be read" in exc.message
    else:
        assert not check.ok and "integrity check failed" in check.summary


def test_restore_keeps_the_previous_database_and_continues_the_chain(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    live = tmp_path / "gasdesk.db"
    key = tmp_path / "audit.key"
    pay("1001000001", 100)
    taken = backup.make_backup(tmp_path / "b", "MS", keep=30)
    later = [pay("1001000001", 200) for _ in range(2)]
    assert Payment.select().count() == 3

    # refused while the database is open
    with pytest.raises(backup.BackupError, match="in use"):
        backup.restore(taken.path, live)
    db.close()

    info = backup.restore(taken.path, live)
    assert info.previous_copy is not None and info.previous_copy.exists()
    kept = sqlite3.connect(info.previous_copy)
    assert kept.execute("SELECT count(*) FROM payment").fetchone()[0] == 3
    kept.close()

    open_database(live, key_path=key)
    backup.after_restore(info)
    assert Payment.select().count() == 1
    result = audit_verify.verify()
    assert result.ok, result.problems  # the anchor follows the restored chain
    assert result.head_seq == taken.head_seq + 1  # ... plus the restore event
    assert pay("1001000001", 300) == later[0]  # numbering continues from the backup


def test_restore_refuses_a_backup_that_does_not_check_out(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    pay("1001000001", 100)
    good = backup.make_backup(tmp_path / "b", "MS", keep=30).path
    con = sqlite3.connect(good)
    con.execute("DROP TRIGGER audit_event_no_delete")
    con.execute("DELETE FROM audit_event WHERE seq = 1")
    con.commit()
    con.close()
    db.close()
    live = tmp_path / "gasdesk.db"
    before = live.read_bytes()
    with pytest.raises(backup.BackupError, match="does not check out"):
        backup.restore(good, live)
    assert live.read_bytes() == before
    assert not list(tmp_path.glob("gasdesk.db.before-restore-*"))
