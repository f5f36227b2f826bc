"""Database and backup files whose names hold `#`, `?`, `%`, spaces and Chinese.

A read-only connection names its file in a `file:` URI, where `#` starts a fragment
and `?` the parameters: put in unescaped, `萌水 #2?.db` named the file `萌水 ` instead,
which SQLite created empty and found sound, so a damaged database passed its start-up
check and was written to, and a backup copied the empty stray file (4 KB) under the
final backup name."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gasdesk.storage import backup, integrity
from gasdesk.storage.db import deferred_check, open_database, quick_check, write_transaction
from gasdesk.storage.errors import DatabaseOpenError
from gasdesk.storage.models import Account, Payment, db
from gasdesk.storage.paths import read_only_uri
from tests.reliability.payment_loop import pay
from tests.reliability.seed import seed

NAME = "萌水 #2?.db"
ODD_FOLDER = "备份 #1?%20 100%"


@pytest.fixture
def odd_db(tmp_path: Path) -> Path:
    """A seeded database named NAME with three payments, closed."""
    file = tmp_path / NAME
    open_database(file, key_path=tmp_path / "audit.key")
    seed()
    for _ in range(3):
        pay("1001000001", 100)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return file


def _damage(file: Path, table: str) -> None:
    """Overwrite the b-tree page type byte of the table's root page."""
    con = sqlite3.connect(file)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    with open(file, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x07")


def _names(folder: Path) -> set[str]:
    """The files in `folder`, less SQLite's own -wal and -shm beside the database."""
    return {p.name for p in folder.iterdir() if p.name not in (f"{NAME}-wal", f"{NAME}-shm")}


def test_the_uri_names_the_file_itself(tmp_path: Path) -> None:
    file = tmp_path / "萌水 #2?%41 x.db"
    con = sqlite3.connect(file)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    ro = sqlite3.connect(read_only_uri(file), uri=True)
    try:
        assert ro.execute("PRAGMA database_list").fetchone()[2] == str(file)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.execute("INSERT INTO t VALUES (1)")
    finally:
        ro.close()
    assert _names(tmp_path) == {file.name}


def test_a_damaged_file_with_such_a_name_is_refused_untouched(odd_db: Path, tmp_path: Path) -> None:
    _damage(odd_db, "payment")
    before, names = odd_db.read_bytes(), _names(tmp_path)
    with pytest.raises(DatabaseOpenError, match="damaged"):
        open_database(odd_db, key_path=tmp_path / "audit.key")
    assert odd_db.read_bytes() == before
    assert _names(tmp_path) == names  # no stray file was made and checked instead
    assert quick_check(odd_db) != "ok"


def test_the_check_beside_the_login_reads_the_file_itself(odd_db: Path, tmp_path: Path) -> None:
    _damage(odd_db, "audit_event")
    before = odd_db.read_bytes()
    open_database(odd_db, key_path=tmp_path / "audit.key", check_in_background=True)
    with pytest.raises(DatabaseOpenError, match="damaged"), write_transaction():
        Account.update(name="x").execute()
    check = deferred_check()
    assert check is not None and check.error() is not None
    db.close()
    assert odd_db.read_bytes() == before


def _day_close_check_passes(file: Path) -> bool:
    try:
        result, _ = integrity.check_file(str(file))
    except sqlite3.DatabaseError:
        return False
    return result.ok


def test_the_day_close_check_reads_the_file_itself(odd_db: Path) -> None:
    assert _day_close_check_passes(odd_db)
    _damage(odd_db, "payment")
    assert not _day_close_check_passes(odd_db)


def test_a_backup_into_and_out_of_such_names_is_whole_and_restores(
    odd_db: Path, tmp_path: Path
) -> None:
    open_database(odd_db, key_path=tmp_path / "audit.key")
    payments = Payment.select().count()
    folder = tmp_path / ODD_FOLDER
    info = backup.make_backup(folder, "MS", keep=30)
    assert _names(folder) == {info.path.name}  # no .part, no stray file beside it
    copy = sqlite3.connect(read_only_uri(info.path), uri=True)
    try:
        assert copy.execute("SELECT COUNT(*) FROM payment").fetchone()[0] == payments == 3
    finally:
        copy.close()
    assert info.head_seq >= 3
    pay("1001000001", 100)  # recorded after the backup: the restore takes it back out
    db.close()

    odd_backup = folder / "上周 #1?.db"
    info.path.rename(odd_backup)
    assert backup.check_file(odd_backup).ok
    restored = backup.restore(odd_backup, odd_db)
    open_database(odd_db, key_path=tmp_path / "audit.key")
    backup.after_restore(restored)
    assert Payment.select().count() == 3
    assert restored.previous_copy is not None and restored.previous_copy.exists()


def test_the_commands_take_such_a_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`gasdesk demo`, `verify` and `backup` on `萌水 #2?.db` in a folder named alike."""
    from gasdesk.cli_admin import run_backup, run_verify
    from gasdesk.demo.cli import run_demo

    folder = tmp_path / ODD_FOLDER
    file = folder / NAME
    assert run_demo(["--db", str(file), "--accounts", "30"]) == 0
    names = _names(folder)
    args = ["--db", str(file), "--key", str(folder / f"{NAME}.key")]
    assert run_verify(args) == 0
    assert "Integrity check: ok" in capsys.readouterr().out
    assert run_backup([*args, "--folder", str(folder / "备份 #?"), "--office", "MS"]) == 0
    (made,) = (folder / "备份 #?").iterdir()
    assert backup.check_file(made).ok
    copy = sqlite3.connect(read_only_uri(made), uri=True)
    try:
        assert copy.execute("SELECT COUNT(*) FROM account").fetchone()[0] == 30
    finally:
        copy.close()
    assert _names(folder) == names | {"备份 #?"}
